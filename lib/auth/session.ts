import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { loadSessionAdmin, type SessionAdmin } from '@/lib/kernel/session-admin';
import { readSessionToken, usesSecureCookies } from './session-token';
import { authSecret } from './secret';
import { safeReturnPath } from './return-path';
import { seeOther } from '@/lib/http/see-other';

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
  // lib/auth/auth.ts's session callback exposes these two as adminId and sessionVersion.
  if (typeof token?.sub !== 'string') return null;
  const version = typeof token.sessionVersion === 'number' ? token.sessionVersion : undefined;
  return loadSessionAdmin(token.sub, version);
});

/** Every page calls this: the signed-in admin, or a redirect to sign in and come back to `returnTo`. */
export async function requireAdmin(returnTo: string): Promise<SessionAdmin> {
  const admin = await currentAdmin();
  if (!admin) seeOther(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return admin;
}
