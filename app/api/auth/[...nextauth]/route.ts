import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';

// next-auth's endpoints, of which Switchboard serves only the two its sign-in needs without a
// browser (scripts/http-client.ts: a CSRF token, then the credentials callback, checked and
// throttled exactly as the sign-in form's post is). The rest are next-auth's own pages and a
// session endpoint: /login and the header's Sign out are Switchboard's, and the session endpoint
// would call a cookie good without the checks every page makes (lib/auth/session.ts).
const SERVED: Record<string, string> = { GET: 'csrf', POST: 'callback/credentials' };

function served(request: NextRequest, method: 'GET' | 'POST'): boolean {
  return request.nextUrl.pathname === `/api/auth/${SERVED[method]}`;
}

const notFound = () => new Response(null, { status: 404 });

export async function GET(request: NextRequest) {
  return served(request, 'GET') ? handlers.GET(request) : notFound();
}

export async function POST(request: NextRequest) {
  return served(request, 'POST') ? handlers.POST(request) : notFound();
}
