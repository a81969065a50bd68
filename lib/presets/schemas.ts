import { z } from 'zod';
import { checkbox, id, version } from '@/lib/forms/fields';
import { cleanName } from '@/lib/directory/names';

// One schema per form (Add permission preset, Edit, Delete), used by react-hook-form in the
// browser and safeParse on the server; and the "Permissions after assigning" field the assign
// forms (and, later, Move phone number) share.

export const MAX_PRESET_NAME = 60;
const TOO_LONG = `Enter a preset name of ${MAX_PRESET_NAME} characters or fewer`;

/** A preset's name as stored: cleaned as account names are, required, at most 60 characters. */
export const presetName = z
  .string({ error: 'Enter a name for the preset' })
  // Checked before cleaning too, so a huge paste is refused without being normalised first.
  .max(MAX_PRESET_NAME * 10, TOO_LONG)
  .transform(cleanName)
  .pipe(
    z
      .string()
      .min(1, 'Enter a name for the preset')
      .max(MAX_PRESET_NAME, TOO_LONG)
      .refine((v) => !/[\u0000-\u001F\u007F-\u009F]/.test(v), 'Enter a preset name without control characters'),
  );

const permissions = { inboundCalling: checkbox, outboundCalling: checkbox, sms: checkbox };

export const createPermissionPresetSchema = z.object({ accountId: id, name: presetName, ...permissions });
export type CreatePermissionPresetInput = z.input<typeof createPermissionPresetSchema>;

export const editPermissionPresetSchema = z.object({ accountId: id, presetId: id, version, name: presetName, ...permissions });
export type EditPermissionPresetInput = z.input<typeof editPermissionPresetSchema>;

export const deletePermissionPresetSchema = z.object({
  accountId: id,
  presetId: id,
  version,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to delete this preset'),
});
export type DeletePermissionPresetInput = z.input<typeof deletePermissionPresetSchema>;

/** The radio value of "All off (default)"; a preset's is `<id>:<version>`, so a changed preset is noticed. */
export const ALL_OFF_CHOICE = 'all-off';
const CHOICE_ERROR = 'Choose the permissions after assigning';

/** A preset as chosen on a form: its id and the version the form showed; null is "All off". */
export type PresetChoice = { presetId: string; version: number } | null;

export const presetChoiceValue = (preset: { id: string; version: number }) => `${preset.id}:${preset.version}`;

const CHOICE = /^([A-Za-z0-9_-]{1,64}):(\d{1,10})$/;

/**
 * "Permissions after assigning": absent or "all-off" is All off (the spec's default); otherwise
 * `<id>:<version>` of one of the account's presets, re-checked by the data layer. It stays a
 * string (react-hook-form holds the radio's value); `presetChoice` reads it for the data layer.
 */
export const permissionsAfterAssigning = z
  .string()
  .nullish()
  .refine((v) => !v || v === ALL_OFF_CHOICE || (CHOICE.test(v) && Number(CHOICE.exec(v)![2]) <= 2_147_483_647), CHOICE_ERROR);
/** The schema field the assign forms spread in. */
export const permissionsAfterAssigningField = { permissionPreset: permissionsAfterAssigning };

/** The checked field's value as the data layer takes it (`PresetSelection` in lib/presets/permission-presets.ts). */
export function presetChoice(value: string | null | undefined): PresetChoice {
  const m = value ? CHOICE.exec(value) : null;
  return m ? { presetId: m[1]!, version: Number(m[2]) } : null;
}
