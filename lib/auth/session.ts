import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import { loadSessionAdmin, type SessionAdmin } from '@/lib/kernel/session-admin';
import { safeReturnPath } from './return-path';
import { seeOther } from '@/lib/http/see-other';

/** The signed-in admin for this request, checked against the database once per request. */
export const currentAdmin = cache(async (): Promise<SessionAdmin | null> => {
  const session = (await auth()) as { adminId?: unknown; sessionVersion?: unknown } | null;
  if (typeof session?.adminId !== 'string') return null;
  const version = typeof session.sessionVersion === 'number' ? session.sessionVersion : undefined;
  return loadSessionAdmin(session.adminId, version);
});

/** Every page calls this: the signed-in admin, or a redirect to sign in and come back to `returnTo`. */
export async function requireAdmin(returnTo: string): Promise<SessionAdmin> {
  const admin = await currentAdmin();
  if (!admin) seeOther(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return admin;
}
