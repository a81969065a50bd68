import 'server-only';
import type { Tx } from '@/lib/kernel/mutation';
import type { SessionAdmin } from '@/lib/kernel/session-admin';

// Here, below telephony, because "Unassign phone number", "Move phone number" (lib/telephony) and
// "Remove user" (this folder) make this write, and domains only point down: telephony may use the directory,
// never the other way round.

/**
 * The write "Unassign phone number", "Move phone number" and "Remove user" share, inside their
 * transaction: the number goes back to the inventory as Unassigned, out of any account, and its
 * open history row is closed. Calls `lost()` when the number is no longer this user's (someone
 * else unassigned it first) or, given `version`, when the number changed since the form showed it.
 */
export async function releasePhoneNumber(
  tx: Tx,
  lost: () => never,
  admin: SessionAdmin,
  held: { phoneNumberId: string; userId: string; version?: number },
): Promise<void> {
  const released = await tx.phoneNumber.updateMany({
    where: {
      id: held.phoneNumberId,
      userId: held.userId,
      status: 'Assigned',
      ...(held.version === undefined ? {} : { version: held.version }),
    },
    data: { status: 'Unassigned', userId: null, accountId: null, assignedAt: null, version: { increment: 1 } },
  });
  if (released.count !== 1) lost();
  await tx.assignmentHistory.updateMany({
    where: { phoneNumberId: held.phoneNumberId, userId: held.userId, unassignedAt: null },
    data: { unassignedAt: new Date(), unassignedById: admin.id },
  });
}
