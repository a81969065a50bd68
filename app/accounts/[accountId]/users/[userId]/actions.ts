'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { assignPhoneNumber, editTelephonyPermissions, movePhoneNumber, unassignPhoneNumber } from '@/lib/telephony/telephony';
import { setFlash } from '@/lib/http/flash';
import { presetFlash } from '@/lib/presets/permission-presets';
import { presetChoice } from '@/lib/presets/schemas';
import { formAction } from '@/lib/forms/server-action';
import { deliverAfterResponse } from '@/lib/notifications/after-response';
import {
  assignPhoneNumberSchema,
  editTelephonyPermissionsSchema,
  movePhoneNumberSchema,
  unassignPhoneNumberSchema,
} from '@/lib/telephony/schemas';

const userPath = (input: { accountId: string; userId: string }) => `/accounts/${input.accountId}/users/${input.userId}`;

/** Assigns the chosen number to the user, then back to the user's page with the outcome. */
export const assignPhoneNumberAction = formAction(assignPhoneNumberSchema, async (admin, input) => {
  const result = await assignPhoneNumber(admin, { ...input, permissionPreset: presetChoice(input.permissionPreset) });
  await setFlash({ kind: 'assigned', userId: input.userId, e164: result.e164, notified: result.notified, ...presetFlash(result.applied) });
  deliverAfterResponse(result);
  revalidatePath(userPath(input));
  redirect(userPath(input));
});

/** Saves the user's inbound calling, outbound calling and SMS permissions. */
export const editTelephonyPermissionsAction = formAction(editTelephonyPermissionsSchema, async (admin, input) => {
  const result = await editTelephonyPermissions(admin, input);
  await setFlash({
    kind: 'permissions-saved',
    userId: input.userId,
    e164: result.e164,
    notified: result.notified,
    repeated: result.repeated,
  });
  deliverAfterResponse(result);
  revalidatePath(userPath(input));
  redirect(userPath(input));
});

/** Unassigns the user's number once the admin has confirmed. */
export const unassignPhoneNumberAction = formAction(unassignPhoneNumberSchema, async (admin, input) => {
  const result = await unassignPhoneNumber(admin, input);
  await setFlash({ kind: 'unassigned', userId: input.userId, e164: result.e164, notified: result.notified });
  deliverAfterResponse(result);
  revalidatePath(userPath(input));
  redirect(userPath(input));
});

/** Moves the user's number to the chosen user, then on to the new holder's page with the outcome. */
export const movePhoneNumberAction = formAction(movePhoneNumberSchema, async (admin, input) => {
  const result = await movePhoneNumber(admin, { ...input, permissionPreset: presetChoice(input.permissionPreset) });
  const to = { accountId: input.toAccountId, userId: input.toUserId };
  await setFlash({
    kind: 'moved',
    userId: input.toUserId,
    e164: result.e164,
    fromName: result.fromName,
    keptPermissions: result.keptPermissions,
    repeated: result.repeated,
    notified: result.notified > 0,
    ...(result.preset ? { preset: { name: result.preset.name, ...result.permissions } } : {}),
  });
  deliverAfterResponse({ notified: result.notified > 0 });
  revalidatePath(userPath(input));
  revalidatePath(userPath(to));
  revalidatePath(`/phone-numbers/${input.phoneNumberId}`);
  redirect(userPath(to));
});
