import 'server-only';
import { cookies, headers } from 'next/headers';
import { getPrisma } from '@/lib/db/client';
import { readSessionToken, usesSecureCookies } from './session-token';
import { authSecret } from './secret';
import { adminForSessionClaims } from './session';
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime';

/**
 * Sign out, on the server: this request's session (its `sid`) is recorded as ended, so the cookie
 * is refused from now on even if a copy of it is presented again. The admin's other sessions (other
 * browsers) go on. A session that is no longer good has nothing to end.
 */
export async function endCurrentSession(): Promise<void> {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const claims = await readSessionToken({ cookies: jar.getAll(), secret: authSecret(), secure: usesSecureCookies(requestHeaders) });
  if (!claims) return;
  const admin = await adminForSessionClaims(claims);
  if (!admin) return;
  await endSession({ adminId: admin.id, sid: claims.sid as string, signedInAt: claims.signedInAt as number });
}

/** Records a session as ended (idempotent); the row goes once the session would have expired. */
export async function endSession({ adminId, sid, signedInAt }: { adminId: string; sid: string; signedInAt: number }): Promise<void> {
  const prisma = await getPrisma();
  await prisma.endedSession.createMany({
    data: [{ sid, adminId, expiresAt: new Date((signedInAt + SESSION_MAX_AGE_SECONDS) * 1000) }],
    skipDuplicates: true,
  });
}

/** Forgets ended sessions that would have expired by now anyway (the hourly housekeeping). */
export async function purgeEndedSessions(now = new Date()): Promise<number> {
  const prisma = await getPrisma();
  return (await prisma.endedSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
