'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addUser, editUser, removeUser, suspendUser, unsuspendUser } from '@/lib/directory/user-changes';
import { addUserSchema, editUserSchema, removeUserSchema, suspendUserSchema, unsuspendUserSchema } from '@/lib/directory/user-schemas';
import { setFlash } from '@/lib/http/flash';
import { formAction } from '@/lib/forms/server-action';
import { deliverAfterResponse } from '@/lib/notifications/after-response';

const usersPath = (accountId: string) => `/accounts/${accountId}/users`;
const userPath = (input: { accountId: string; userId: string }) => `${usersPath(input.accountId)}/${input.userId}`;

/** Adds the user and queues their invitation, then opens the new user's page. */
export const addUserAction = formAction(addUserSchema, async (admin, input) => {
  const added = await addUser(admin, input);
  await setFlash({ kind: 'user-added', userId: added.id });
  deliverAfterResponse(added);
  revalidatePath(usersPath(input.accountId));
  redirect(userPath({ accountId: input.accountId, userId: added.id }));
});

/** Saves the user's name, email, user type and licence. */
export const editUserAction = formAction(editUserSchema, async (admin, input) => {
  const result = await editUser(admin, input);
  await setFlash({ kind: 'user-edited', userId: input.userId, repeated: !result.changed });
  revalidatePath(usersPath(input.accountId));
  redirect(userPath(input));
});

/** Suspends the user once confirmed: number kept, calling and SMS off. */
export const suspendUserAction = formAction(suspendUserSchema, async (admin, input) => {
  const result = await suspendUser(admin, input);
  await setFlash({ kind: 'user-suspended', userId: input.userId, e164: result.e164, repeated: result.repeated });
  revalidatePath(userPath(input));
  redirect(userPath(input));
});

/** Unsuspends the user once confirmed; calling and SMS stay off. */
export const unsuspendUserAction = formAction(unsuspendUserSchema, async (admin, input) => {
  const result = await unsuspendUser(admin, input);
  await setFlash({ kind: 'user-unsuspended', userId: input.userId, e164: result.e164, repeated: result.repeated });
  revalidatePath(userPath(input));
  redirect(userPath(input));
});

/** Removes the user once confirmed (their number back to the inventory), then back to the Users list. */
export const removeUserAction = formAction(removeUserSchema, async (admin, input) => {
  const result = await removeUser(admin, input);
  await setFlash({
    kind: 'user-removed',
    userId: input.userId,
    e164: result.e164,
    phoneNumberId: result.phoneNumberId ?? undefined,
    repeated: result.repeated,
  });
  revalidatePath(usersPath(input.accountId));
  revalidatePath(userPath(input));
  if (result.phoneNumberId) revalidatePath(`/phone-numbers/${result.phoneNumberId}`);
  redirect(usersPath(input.accountId));
});
