import type { NextRequest } from 'next/server';
import { scimError } from '@/lib/scim/errors';
import { scimRoute } from '@/lib/scim/route';

// Anything else under /scim/v2 (Groups, Bulk, Me…) is not provided: a SCIM 404 after the token
// check, rather than the console's HTML "Page not found".
const answer = scimRoute(async ({ url }) =>
  scimError(404, `${url.pathname} is not provided: Switchboard provisions users only (/scim/v2/Users).`),
);
const notProvided = (request: NextRequest, _context: { params: Promise<{ rest: string[] }> }) =>
  answer(request, { params: Promise.resolve({}) });

export const GET = notProvided;
export const POST = notProvided;
export const PUT = notProvided;
export const PATCH = notProvided;
export const DELETE = notProvided;
