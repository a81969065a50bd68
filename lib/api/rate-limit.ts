// Rate limits for the machine interfaces: a fixed one-minute window per token (and one shared
// window for requests without a valid token, so that refusals, which are audited, cannot flood
// the audit log). Counted in this process's memory: with N instances behind a balancer a token
// gets up to N times the limit (docs/api.md says so); the point is to stop a runaway script, and
// a shared counter would cost a database write on every call.
//
// Headers as in the IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers):
//   RateLimit-Policy: "default";q=600;w=60     RateLimit: "default";r=599;t=42

const WINDOW_SECONDS = 60;

function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Requests per minute per token (API_RATE_LIMIT), and for all unauthenticated requests together. */
export const limits = () => ({
  token: limitFromEnv('API_RATE_LIMIT', 600),
  anonymous: limitFromEnv('API_ANONYMOUS_RATE_LIMIT', 300),
});

type Window = { start: number; count: number };
const windows = new Map<string, Window>();

export type RateDecision = { allowed: boolean; headers: Record<string, string> };

/** Counts one request against `key`'s window of `limit` per minute. */
export function take(key: string, limit: number, now = Date.now()): RateDecision {
  const windowStart = Math.floor(now / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS * 1000;
  let window = windows.get(key);
  if (!window || window.start !== windowStart) {
    window = { start: windowStart, count: 0 };
    windows.set(key, window);
    // Old windows go when a new minute starts, so the map holds only this minute's keys.
    if (windows.size > 10_000) for (const [k, w] of windows) if (w.start !== windowStart) windows.delete(k);
  }
  const allowed = window.count < limit;
  if (allowed) window.count += 1;
  const reset = Math.max(1, Math.ceil((windowStart + WINDOW_SECONDS * 1000 - now) / 1000));
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"default";q=${limit};w=${WINDOW_SECONDS}`,
    RateLimit: `"default";r=${Math.max(0, limit - window.count)};t=${reset}`,
  };
  if (!allowed) headers['Retry-After'] = String(reset);
  return { allowed, headers };
}

/** For tests: forget every window. */
export function resetRateLimits() {
  windows.clear();
}
