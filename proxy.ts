import { NextResponse, type NextRequest } from 'next/server';
import { FLASH_COOKIE, FLASH_HEADER } from './lib/flash-names';

// Only housekeeping here: authorisation is checked in every page and action, never in the proxy.
// It makes flash messages one-shot: the cookie an action set is handed to this request's page
// in a header and deleted from the browser in this response (deleting it also hides it from the
// page's cookies()). The header is always stripped from what the browser sent, so it cannot be
// forged, and prefetches do not consume the message.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(FLASH_HEADER);
  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  const prefetch =
    request.headers.has('next-router-prefetch') ||
    request.headers.has('next-router-segment-prefetch') ||
    request.headers.get('purpose') === 'prefetch' ||
    Boolean(request.headers.get('sec-purpose')?.includes('prefetch'));
  if (request.method !== 'GET' || !flash || prefetch) return NextResponse.next({ request: { headers } });
  headers.set(FLASH_HEADER, flash);
  const response = NextResponse.next({ request: { headers } });
  response.cookies.delete(FLASH_COOKIE);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
