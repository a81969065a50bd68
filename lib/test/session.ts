import assert from 'node:assert/strict';
import { getDatabase } from '@/lib/db/client';
import { loadSessionAdmin, type SessionAdmin } from '@/lib/kernel/session-admin';

/** The admin as the data layer sees them when signed in now (their current session version). */
export async function sessionFor(adminId: string): Promise<SessionAdmin> {
  const { prisma } = await getDatabase();
  const row = await prisma.admin.findUniqueOrThrow({ where: { id: adminId }, select: { sessionVersion: true } });
  const loaded = await loadSessionAdmin(adminId, row.sessionVersion);
  assert.ok(loaded, 'the admin has a working session');
  return loaded;
}
