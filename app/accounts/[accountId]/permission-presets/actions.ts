'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/forms/server-action';
import { setPresetFlash } from '@/lib/http/flash';
import { createPermissionPreset, deletePermissionPreset, editPermissionPreset } from '@/lib/presets/permission-presets';
import { createPermissionPresetSchema, deletePermissionPresetSchema, editPermissionPresetSchema } from '@/lib/presets/schemas';

const presetsPath = (accountId: string) => `/accounts/${accountId}/permission-presets`;

/** Adds a permission preset to the account, then back to its presets. */
export const createPermissionPresetAction = formAction(createPermissionPresetSchema, async (admin, input) => {
  const preset = await createPermissionPreset(admin, input);
  await setPresetFlash({ kind: 'preset-created', accountId: input.accountId, name: preset.name });
  revalidatePath(presetsPath(input.accountId));
  redirect(presetsPath(input.accountId));
});

/** Renames a preset or changes its permissions. */
export const editPermissionPresetAction = formAction(editPermissionPresetSchema, async (admin, input) => {
  const preset = await editPermissionPreset(admin, input);
  await setPresetFlash({ kind: 'preset-edited', accountId: input.accountId, name: preset.name, repeated: preset.repeated });
  revalidatePath(presetsPath(input.accountId));
  redirect(presetsPath(input.accountId));
});

/** Deletes a preset once the admin has confirmed. */
export const deletePermissionPresetAction = formAction(deletePermissionPresetSchema, async (admin, input) => {
  const result = await deletePermissionPreset(admin, input);
  await setPresetFlash({ kind: 'preset-deleted', accountId: input.accountId, name: result.name, repeated: result.repeated });
  revalidatePath(presetsPath(input.accountId));
  redirect(presetsPath(input.accountId));
});
