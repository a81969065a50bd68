'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/forms/server-action';
import { applyChangeFile, dryRunChangeFile } from '@/lib/telephony/phone-change-files';
import { applyChangeFileSchema, uploadChangeFileSchema } from '@/lib/telephony/phone-change-schemas';

/** Reads the uploaded CSV of changes, then shows the dry run: what each row would do. */
export const uploadChangeFileAction = formAction(uploadChangeFileSchema, async (admin, input) => {
  const { id } = await dryRunChangeFile(admin, input.accountId, new Uint8Array(await input.csv!.arrayBuffer()));
  redirect(`/accounts/${input.accountId}/users/change-phone-numbers/${id}`);
});

/** Makes each row's change, re-checked as it is made, then shows what happened to each row. */
export const applyChangeFileAction = formAction(applyChangeFileSchema, async (admin, input) => {
  await applyChangeFile(admin, input.accountId, input.fileId);
  revalidatePath(`/accounts/${input.accountId}`, 'layout');
  redirect(`/accounts/${input.accountId}/users/change-phone-numbers/${input.fileId}`);
});
