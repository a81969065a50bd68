'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createApiToken, revokeApiToken } from '@/lib/api/tokens';
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/api/token-schemas';
import { chooseTimeZoneSchema } from '@/lib/admins/schemas';
import { setOwnTimeZone } from '@/lib/admins/time-zone';
import { setApiTokenFlash, setFlash } from '@/lib/http/flash';
import { formAction } from '@/lib/forms/server-action';

/** Makes one of the admin's own tokens, then shows them its secret, once, on the API tokens page. */
export const createApiTokenAction = formAction(createApiTokenSchema, async (admin, input) => {
  const token = await createApiToken(admin, { name: input.name, days: Number(input.days), readOnly: input.readOnly });
  // The secret leaves the server only sealed for this admin, in the one-shot flash cookie.
  await setApiTokenFlash({ kind: 'api-token-created', tokenId: token.id }, { secret: token.secret, shownTo: admin.id });
  revalidatePath('/api-tokens');
  redirect('/api-tokens');
});

/** Revokes one of the admin's own tokens once confirmed; calls with it are refused from then on. */
export const revokeApiTokenAction = formAction(revokeApiTokenSchema, async (admin, input) => {
  const result = await revokeApiToken(admin, { tokenId: input.tokenId });
  await setApiTokenFlash({ kind: 'api-token-revoked', tokenId: input.tokenId, ...(result.repeated ? { repeated: true } : {}) });
  revalidatePath('/api-tokens');
  redirect('/api-tokens');
});

/** Saves the zone the console shows this admin's dates and times in; back to the page, which says so. */
export const chooseTimeZoneAction = formAction(chooseTimeZoneSchema, async (admin, input) => {
  const result = await setOwnTimeZone(admin, input);
  await setFlash({ kind: 'time-zone-saved', adminId: admin.id, ...(result.repeated ? { repeated: true } : {}) });
  // Every page shows times in it from now on.
  revalidatePath('/', 'layout');
  redirect('/api-tokens');
});
