// The security headers' values, in one place. Pages get them from proxy.ts (through
// security-headers.ts, with a fresh CSP nonce); API route handlers and static files get them from
// next.config.js's headers(), with no proxy run at all. Plain JavaScript because next.config.js is
// loaded by Node as it is; header-values.d.ts gives TypeScript the types.

/** What every response says, document or not. */
export const COMMON_HEADERS = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  // For browsers without CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** What only a page needs: it is a browsing context that could use the camera or open popups. */
export const PAGE_HEADERS = {
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sent only when the request came over HTTPS (a proxy in front says so in X-Forwarded-Proto). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * For anything that is not a page (JSON from route handlers, icon.svg, Next's scripts and styles):
 * opened on its own it may load nothing, run nothing and be framed by nobody. No nonce: nothing
 * in such a response is meant to run.
 */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Route handlers answer with the signed-in admin's data (the session, a CSRF token): no other
 * site may embed them even as a no-cors image or script (CORP), unlike the public static files.
 */
export const API_HEADERS = { 'Cross-Origin-Resource-Policy': 'same-origin' };

/** The headers of a response the proxy never saw: a route handler's (`api`) or a static file's. */
export function resourceHeaders(kind, https) {
  return {
    'Content-Security-Policy': RESOURCE_CSP,
    ...COMMON_HEADERS,
    ...(kind === 'api' ? API_HEADERS : {}),
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
