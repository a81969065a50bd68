'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { applyBulkChange } from '@/lib/directory/user-bulk';
import { bulkChangeSchema, shownUsers } from '@/lib/directory/user-bulk-schemas';
import { formAction } from '@/lib/forms/server-action';

/** Changes each confirmed user that is still as shown, then shows what happened to each. */
export const bulkChangeUsersAction = formAction(bulkChangeSchema, async (admin, input) => {
  const batchId = await applyBulkChange(admin, {
    accountId: input.accountId,
    action: input.action,
    users: shownUsers(input.user),
    license: input.license,
  });
  const path = `/accounts/${input.accountId}/users`;
  revalidatePath(path);
  redirect(`${path}/bulk/${batchId}`);
});
