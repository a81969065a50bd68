'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { applyBulkChange } from '@/lib/directory/user-bulk';
import { bulkChangeSchema, isTelephonyBulkAction, shownUsers } from '@/lib/directory/user-bulk-schemas';
import { formAction } from '@/lib/forms/server-action';
import { applyBulkTelephonyChange } from '@/lib/telephony/user-bulk-telephony';

/** Changes each confirmed user that is still as shown, then shows what happened to each. */
export const bulkChangeUsersAction = formAction(bulkChangeSchema, async (admin, input) => {
  const apply = isTelephonyBulkAction(input.action) ? applyBulkTelephonyChange : applyBulkChange;
  const batchId = await apply(admin, {
    accountId: input.accountId,
    action: input.action,
    users: shownUsers(input.user),
    license: input.license,
    permissions: { inboundCalling: input.inboundCalling, outboundCalling: input.outboundCalling, sms: input.sms },
  });
  const path = `/accounts/${input.accountId}/users`;
  revalidatePath(path);
  redirect(`${path}/bulk/${batchId}`);
});
