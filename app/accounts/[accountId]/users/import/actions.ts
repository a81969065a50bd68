'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { importUsers, previewUserImport } from '@/lib/directory/user-imports';
import { importUsersSchema, previewUsersSchema } from '@/lib/directory/user-import-schemas';
import { formAction } from '@/lib/forms/server-action';
import { setFlash } from '@/lib/http/flash';
import { deliverAfterResponse } from '@/lib/notifications/after-response';

/** Checks the pasted users or the CSV file, then shows the preview of who would be imported. */
export const previewUsersAction = formAction(previewUsersSchema, async (admin, input) => {
  const { id } = await previewUserImport(admin, input.accountId, {
    text: input.users,
    csv: input.csv ? new Uint8Array(await input.csv.arrayBuffer()) : undefined,
  });
  redirect(`/accounts/${input.accountId}/users/import/${id}`);
});

/** Imports the previewed users with an invitation each, then shows the account's users with the outcome. */
export const importUsersAction = formAction(importUsersSchema, async (admin, input) => {
  const result = await importUsers(admin, input.accountId, input.importId);
  deliverAfterResponse(result);
  await setFlash({ kind: 'users-imported', accountId: input.accountId, added: result.added, skipped: result.skipped });
  revalidatePath(`/accounts/${input.accountId}`, 'layout');
  redirect(`/accounts/${input.accountId}/users`);
});
