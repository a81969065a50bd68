'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { deletePhoneNumber, editCallingName, restorePhoneNumber } from '@/lib/inventory/phone-numbers';
import { assignPhoneNumber } from '@/lib/telephony/telephony';
import { setFlash } from '@/lib/http/flash';
import { presetFlash } from '@/lib/presets/permission-presets';
import { presetChoice } from '@/lib/presets/schemas';
import { formAction } from '@/lib/forms/server-action';
import { deliverAfterResponse } from '@/lib/notifications/after-response';
import { assignPhoneNumberSchema } from '@/lib/telephony/schemas';
import { deletePhoneNumberSchema, editCallingNameSchema, restorePhoneNumberSchema } from '@/lib/inventory/schemas';

const numberPath = (phoneNumberId: string) => `/phone-numbers/${phoneNumberId}`;

async function done(flash: Parameters<typeof setFlash>[0] & { phoneNumberId: string }): Promise<never> {
  await setFlash(flash);
  revalidatePath('/phone-numbers');
  revalidatePath(numberPath(flash.phoneNumberId));
  redirect(numberPath(flash.phoneNumberId));
}

/** Sets or clears the number's calling name. */
export const editCallingNameAction = formAction(editCallingNameSchema, async (admin, input) => {
  const result = await editCallingName(admin, input);
  await done({ kind: 'calling-name-saved', phoneNumberId: input.phoneNumberId, e164: result.e164 });
});

/** Assigns the number to the chosen user: the same rules and checks as from the user's page. */
export const assignFromNumberAction = formAction(assignPhoneNumberSchema, async (admin, input) => {
  const result = await assignPhoneNumber(admin, { ...input, permissionPreset: presetChoice(input.permissionPreset) });
  revalidatePath(`/accounts/${input.accountId}/users/${input.userId}`);
  deliverAfterResponse(result);
  await done({
    kind: 'assigned',
    phoneNumberId: input.phoneNumberId,
    userId: input.userId,
    e164: result.e164,
    notified: result.notified,
    ...presetFlash(result.applied),
  });
});

/** Moves an unassigned number to the deletion queue once the admin has confirmed. */
export const deletePhoneNumberAction = formAction(deletePhoneNumberSchema, async (admin, input) => {
  const result = await deletePhoneNumber(admin, input);
  await done({ kind: 'deleted', phoneNumberId: input.phoneNumberId, e164: result.e164 });
});

/** Takes a number out of the deletion queue. */
export const restorePhoneNumberAction = formAction(restorePhoneNumberSchema, async (admin, input) => {
  const result = await restorePhoneNumber(admin, input);
  await done({ kind: 'restored', phoneNumberId: input.phoneNumberId, e164: result.e164 });
});
