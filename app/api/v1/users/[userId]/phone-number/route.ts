import { findPhoneNumberId } from '@/lib/inventory/phone-numbers';
import { DomainError } from '@/lib/kernel/errors';
import { auditRefusal, requirePermission } from '@/lib/kernel/mutation';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { assignPhoneNumber, unassignPhoneNumber } from '@/lib/telephony/telephony';
import { assignPhoneNumberBody, unassignPhoneNumberQuery } from '@/lib/api/paths/workflows';
import { apiRoute } from '@/lib/api/route';
import { changeUser } from '@/lib/api/user-answer';

// Assign phone number: 201 when assigned, 200 when the user already had that number.
export const POST = apiRoute<{ userId: string }>({ idempotent: true }, async (ctx) => {
  const input = ctx.body(assignPhoneNumberBody);
  return changeUser(
    ctx,
    'assign-phone-number',
    async (user, version) => {
      const phoneNumberId = input.phoneNumberId ?? (await findPhoneNumberId(ctx.admin, input.e164!));
      if (!phoneNumberId) {
        // Refused before assignPhoneNumber could run, so audited here, as it would have been there.
        const refusal = new DomainError(
          'invalid',
          `${formatPhoneNumber(input.e164!)} is not in the inventory. Add it first, or choose another number.`,
          'e164',
        );
        await auditRefusal(ctx.admin, 'assign-phone-number', refusal, {
          accountId: user.accountId,
          userId: user.id,
          attempted: { e164: input.e164! },
        });
        throw refusal;
      }
      return assignPhoneNumber(ctx.admin, {
        accountId: user.accountId,
        userId: user.id,
        phoneNumberId,
        userVersion: version,
        notifyUser: input.notify,
        // The preset as it is now: the API has no form that showed a version.
        permissionPreset: input.permissionPresetId ? { presetId: input.permissionPresetId } : null,
      });
    },
    (result) => (result.repeated ? 200 : 201),
  );
});

// Unassign phone number: the user's number, whichever it is now.
export const DELETE = apiRoute<{ userId: string }>({}, async (ctx) => {
  const { notify } = ctx.query(unassignPhoneNumberQuery);
  return changeUser(ctx, 'unassign-phone-number', async (user, version) => {
    const target = { accountId: user.accountId, userId: user.id };
    if (!user.phoneNumber) {
      // A read-only token is told that first, as for any change.
      await requirePermission(ctx.admin, 'change', 'unassign-phone-number', target);
      const refusal = new DomainError('invalid', `${user.fullName} has no phone number to unassign.`);
      await auditRefusal(ctx.admin, 'unassign-phone-number', refusal, target);
      throw refusal;
    }
    return unassignPhoneNumber(ctx.admin, { ...target, phoneNumberId: user.phoneNumber.id, version, notifyUser: notify === 'true' });
  });
});
