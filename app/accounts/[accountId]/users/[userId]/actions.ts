'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { assignPhoneNumber, editTelephonyPermissions, unassignPhoneNumber } from '@/lib/telephony/telephony';
import { setFlash } from '@/lib/http/flash';
import { formAction } from '@/lib/forms/server-action';
import { deliverAfterResponse } from '@/lib/notifications/after-response';
import { assignPhoneNumberSchema, editTelephonyPermissionsSchema, unassignPhoneNumberSchema } from '@/lib/telephony/schemas';

const userPath = (input: { accountId: string; userId: string }) => `/accounts/${input.accountId}/users/${input.userId}`;

/** Assigns the chosen number to the user, then back to the user's page with the outcome. */
export const assignPhoneNumberAction = formAction(assignPhoneNumberSchema, async (admin, input) => {
  const result = await assignPhoneNumber(admin, input);
  await setFlash({ kind: 'assigned', userId: input.userId, e164: result.e164, notified: result.notified });
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
