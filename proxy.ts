import { NextResponse, type NextRequest } from 'next/server';
import { FLASH_COOKIE, FLASH_HEADER } from './lib/http/flash-names';
import { isDatabaseDown } from './lib/db/health';
import { resourceHeaders } from './lib/http/header-values.js';
import { outageResponse } from './lib/http/outage';
import { isSafeMethod, isSameSiteRequest, securityHeaders, siteOrigins } from './lib/http/security-headers';

/** The server-action body limit set in next.config.js (experimental.serverActions.bodySizeLimit). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

// Request housekeeping only: authorisation is checked in every page and action, never here.
// - Refuses state-changing requests that do not come from this site (CSRF), on any path.
// - Sets a page's security headers, with a fresh CSP nonce that Next puts on its own scripts.
// - Answers 503 while this process cannot reach its database (lib/db/health.ts, decision 016):
//   a short page, or problem+json for a machine route, before anything that would wait on it.
// - Makes flash messages one-shot: the cookie an action set is handed to this request's page
//   in a header and deleted from the browser in this response. The header is always stripped
//   from what the browser sent, so it cannot be forged; prefetches do not consume the message.
// Route handlers read with a safe method, and static files (not matched below), need none of
// this: next.config.js gives them fixed headers, and the proxy's ~0.7 ms is not spent on them.
/** /api/v1 (REST) and /scim/v2 (SCIM): bearer tokens only (lib/api/route.ts). */
function isMachinePath(pathname: string): boolean {
  return /^\/(api\/v1|scim)(\/|$)/.test(pathname);
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  // One property read while the database is up. Route handlers the matcher leaves out check it
  // themselves (lib/http/database-route.ts).
  if (isDatabaseDown())
    return outageResponse({ method: request.method, pathname, search: request.nextUrl.search, headers: request.headers }, https);
  // The machine interfaces authorise bearer tokens only, never a cookie, so a cross-site request
  // can do nothing there and the Origin check does not apply (the matcher leaves them out too;
  // this is the belt to its braces).
  if (isMachinePath(pathname)) return;
  const api = pathname === '/api' || pathname.startsWith('/api/');
  // A route handler's read that the matcher let in (a browser's, say) needs nothing more.
  if (api && isSafeMethod(request.method)) return;

  // A refusal from a route handler's path carries the API's headers, as its answer would have.
  const refusalHeaders = () => (api ? resourceHeaders('api', https) : securityHeaders(crypto.randomUUID(), https));
  if (!isSameSiteRequest(request.method, request.headers, siteOrigins(request.nextUrl.origin, request.headers))) {
    return new NextResponse('This request did not come from this site, so it was refused.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...refusalHeaders() },
    });
  }

  // Next refuses a server-action body over its limit (next.config.js) with a bare 500; say 413
  // and what to do instead. A body sent without a length still meets Next's own refusal.
  const length = Number(request.headers.get('content-length') ?? 0);
  if (request.method === 'POST' && length > MAX_BODY_BYTES) {
    const back = request.nextUrl.pathname.replace(/[^A-Za-z0-9/_-]/g, '');
    return new NextResponse(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error: Too much at once – Switchboard</title></head><body><main><h1>That was too much to send at once</h1><p>A form can send at most ${MAX_BODY_BYTES / 1024 / 1024} MB. Send fewer phone numbers at a time, or a smaller file. Nothing was changed.</p><p><a href="${back}">Go back to the form</a></p></main></body></html>`,
      { status: 413, headers: { 'Content-Type': 'text/html; charset=utf-8', ...refusalHeaders() } },
    );
  }
  // A route handler's post from this site: its headers come from next.config.js, and it is no page.
  if (api) return;

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = new Headers(request.headers);
  const security = securityHeaders(nonce, https);
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  headers.set('Content-Security-Policy', security['Content-Security-Policy']!);
  headers.set('x-nonce', nonce);
  headers.delete(FLASH_HEADER);

  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  const prefetch =
    request.headers.has('next-router-prefetch') ||
    request.headers.has('next-router-segment-prefetch') ||
    request.headers.get('purpose') === 'prefetch' ||
    Boolean(request.headers.get('sec-purpose')?.includes('prefetch'));
  const consume = request.method === 'GET' && flash && !prefetch;
  if (consume) headers.set(FLASH_HEADER, flash);

  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  if (consume) response.cookies.delete(FLASH_COOKIE);
  return response;
}

// Pages: everything but /api and static files (Next's assets and app/icon.svg; keep in step with
// STATIC_FILES in next.config.js). /api only when the request could be unsafe: a matcher cannot
// see the method, but every browser's POST, PUT, PATCH or DELETE carries Origin (Fetch standard),
// browsers send Sec-Fetch-Site, and any request with a body says its length or encoding. A
// plain read by a non-browser client (no Origin, no body) skips the proxy's invocation, which
// is what it costs (docs/performance.md). Must be a literal: Next reads it at build time.
export const config = {
  matcher: [
    { source: '/((?!api/|api$|scim/|scim$|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)' },
    { source: '/api/:path((?!v1/|v1$).*)', has: [{ type: 'header', key: 'origin' }] },
    { source: '/api/:path((?!v1/|v1$).*)', has: [{ type: 'header', key: 'sec-fetch-site' }] },
    { source: '/api/:path((?!v1/|v1$).*)', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/api/:path((?!v1/|v1$).*)', has: [{ type: 'header', key: 'transfer-encoding' }] },
  ],
};
