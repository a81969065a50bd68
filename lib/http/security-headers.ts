// What a page says about itself, and which posts are this site's own. Used by proxy.ts; kept
// apart so it can be tested without a server. The values are header-values.js's, which
// next.config.js also reads for the responses the proxy does not see (route handlers, static files).
import { COMMON_HEADERS, HSTS, PAGE_HEADERS } from './header-values.js';

/** The Content-Security-Policy for one response; `nonce` lets Next's own inline scripts run. */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd ones load may run; nothing inline without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (chart sizes) only; no inline scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** A page's headers: its CSP with this response's nonce, and what every response says. */
export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    ...COMMON_HEADERS,
    ...PAGE_HEADERS,
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** GET, HEAD and OPTIONS change nothing, so they need no proof of where they come from. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether a request may change anything: safe methods always; others only when the browser
 * says they come from this very site — by Origin, or, when a browser sends none, by
 * Sec-Fetch-Site. A post that proves neither is refused. (Next.js itself lets a server-action
 * POST without an Origin through.)
 */
export function isSameSiteRequest(method: string, headers: { get(name: string): string | null }, siteOrigins: string[]): boolean {
  if (isSafeMethod(method)) return true;
  const origin = headers.get('origin');
  if (origin && origin !== 'null') return siteOrigins.includes(origin);
  return headers.get('sec-fetch-site') === 'same-origin';
}

/**
 * This site's origins for a request: as the browser addressed it (Host), as a trusted proxy
 * forwarded it, and AUTH_URL when the operator pins the public address.
 */
export function siteOrigins(
  requestOrigin: string,
  headers: { get(name: string): string | null },
  authUrl = process.env.AUTH_URL,
): string[] {
  const origins = [requestOrigin];
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwardedHost) origins.push(`${forwardedProto || new URL(requestOrigin).protocol.replace(':', '')}://${forwardedHost}`);
  if (authUrl) {
    try {
      origins.push(new URL(authUrl).origin);
    } catch {
      // An invalid AUTH_URL is next-auth's to report.
    }
  }
  return origins;
}
