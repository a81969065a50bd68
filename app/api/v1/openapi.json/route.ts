import { openApiDocument } from '@/lib/api/openapi';

// The API's description is public: it says what the API does, nothing about anyone's data.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
