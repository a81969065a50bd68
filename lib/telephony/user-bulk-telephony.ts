import 'server-only';
import { runBulkChange, type BulkChange } from '@/lib/directory/user-bulk';
import { DomainError } from '@/lib/kernel/errors';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { editTelephonyPermissions, unassignPhoneNumber } from './telephony';

// "Unassign phone number" and "Set permissions" for the users checked on Users: the directory's
// batch (lib/directory/user-bulk.ts) with each user's change made by the same data function as
// that user's own page, at the version the confirmation page showed them at. So each is its own
// conditional write and audit row, and someone changed meanwhile is refused and named.

/** Unassigns or sets permissions for each confirmed user still as shown; returns the id of the batch's result. */
export async function applyBulkTelephonyChange(admin: SessionAdmin, input: BulkChange): Promise<string> {
  const db = await scopedPrisma(admin);
  return runBulkChange(admin, input, async ({ accountId, userId, version }) => {
    if (input.action === 'set-permissions') {
      const permissions = input.permissions ?? { inboundCalling: false, outboundCalling: false, sms: false };
      return editTelephonyPermissions(admin, { accountId, userId, version, ...permissions });
    }
    if (input.action !== 'unassign-phone-number') throw new Error(`${input.action} is not a telephony change`);
    const user = await db.user.findFirst({
      where: { id: userId, accountId, removedAt: null },
      select: { fullName: true, phoneNumber: { select: { id: true } } },
    });
    if (!user) throw new DomainError('not-found', 'That user is no longer in this account.');
    // Nobody's number to take back: as asked already, whoever did it.
    if (!user.phoneNumber) return { fullName: user.fullName, repeated: true };
    return unassignPhoneNumber(admin, { accountId, userId, version, phoneNumberId: user.phoneNumber.id });
  });
}
