import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { loadSessionAdmin, type SessionAdmin } from '@/lib/kernel/session-admin';
import { readSessionToken, usesSecureCookies } from './session-token';
import { authSecret } from './secret';
import { safeReturnPath } from './return-path';
import { seeOther } from '@/lib/http/see-other';
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime';

/**
 * The signed-in admin for this request, checked against the database once per request. Reads
 * next-auth's session cookie directly rather than through `auth()` (decision 014): the same
 * checks, without re-encrypting a refreshed cookie on every page render.
 */
export const currentAdmin = cache(async (): Promise<SessionAdmin | null> => {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const token = await readSessionToken({
    cookies: jar.getAll(),
    // The one secret lib/auth/auth.ts gives next-auth, so a rotated-out secret is refused here too.
    secret: authSecret(),
    secure: usesSecureCookies(requestHeaders),
  });
  return token ? adminForSessionClaims(token) : null;
});

/**
 * The claims lib/auth/auth.ts's jwt callback puts in the cookie at sign-in: the admin (`sub`),
 * their sessionVersion then, this session's id (`sid`) and when it began (`signedInAt`). A
 * session is good for SESSION_MAX_AGE_SECONDS from its sign-in, not from its last refresh, and
 * not once it was ended by Sign out (EndedSession), whatever copy of the cookie comes back.
 */
export async function adminForSessionClaims(claims: Record<string, unknown>, now = Date.now()): Promise<SessionAdmin | null> {
  const { sub, sessionVersion, sid, signedInAt } = claims;
  if (typeof sub !== 'string' || typeof sid !== 'string' || sid.length === 0 || sid.length > 64) return null;
  if (typeof signedInAt !== 'number' || signedInAt * 1000 > now + 60_000 || (signedInAt + SESSION_MAX_AGE_SECONDS) * 1000 <= now)
    return null;
  return loadSessionAdmin(sub, typeof sessionVersion === 'number' ? sessionVersion : undefined, sid);
}

/** Every page calls this: the signed-in admin, or a redirect to sign in and come back to `returnTo`. */
export async function requireAdmin(returnTo: string): Promise<SessionAdmin> {
  const admin = await currentAdmin();
  if (!admin) seeOther(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return admin;
}
