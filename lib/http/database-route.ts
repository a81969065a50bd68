import type { NextRequest } from 'next/server';
import { isConnectionFailure, isDatabaseDown } from '@/lib/db/health';
import { outageResponse } from './outage';

/**
 * Wraps a route handler that reads the database: while the database is down it answers the 503
 * at once (the proxy does not see every route handler's request: decision 016), and a request
 * that was already running when the database went away gets the same 503 rather than a 500,
 * unless its response had started (a CSV stream then stops short).
 */
export function withDatabase<Rest extends unknown[]>(
  handler: (request: NextRequest, ...rest: Rest) => Promise<Response>,
): (request: NextRequest, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const asked = () => ({
      method: request.method,
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      headers: request.headers,
    });
    const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    if (isDatabaseDown()) return outageResponse(asked(), https);
    try {
      return await handler(request, ...rest);
    } catch (err) {
      if (!isConnectionFailure(err)) throw err;
      return outageResponse(asked(), https);
    }
  };
}
