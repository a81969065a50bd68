'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addPhoneNumbers, previewPhoneNumbers } from '@/lib/inventory/phone-number-imports';
import { setFlash } from '@/lib/http/flash';
import { formAction } from '@/lib/forms/server-action';
import { addPhoneNumbersSchema, previewPhoneNumbersSchema } from '@/lib/inventory/schemas';

/** Checks the pasted numbers or the CSV file, then shows the preview of what would be added. */
export const previewPhoneNumbersAction = formAction(previewPhoneNumbersSchema, async (admin, input) => {
  const { id } = await previewPhoneNumbers(admin, {
    text: input.numbers,
    csv: input.csv ? new Uint8Array(await input.csv.arrayBuffer()) : undefined,
    defaultCountry: input.defaultCountry,
    productType: input.productType,
  });
  redirect(`/phone-numbers/add/${id}`);
});

/** Adds the previewed numbers to the inventory, then shows the unassigned numbers with the outcome. */
export const addPhoneNumbersAction = formAction(addPhoneNumbersSchema, async (admin, input) => {
  const result = await addPhoneNumbers(admin, input.importId);
  await setFlash({ kind: 'numbers-added', added: result.added, skipped: result.skipped });
  revalidatePath('/phone-numbers', 'layout');
  redirect('/phone-numbers?view=unassigned');
});
