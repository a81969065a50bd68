import { z } from 'zod';
import { checkbox, id, version } from '@/lib/forms/fields';
import { timeZoneSchema } from '@/lib/kernel/format-time';

// One schema per form, used by react-hook-form in the browser and safeParse on the server.

const NAME_TOO_LONG = 'Enter a name of 200 characters or fewer';

/**
 * An admin's name, which every audit row and the header show: NFKC-normalised, spaces collapsed
 * and trimmed, at most 200 characters. Bidirectional controls (which can make "Eve" read as
 * another name in the audit log) and other invisible or control characters are refused with a
 * message, as numbers' are, rather than stored.
 */
export const adminNameField = z
  .string({ error: 'Enter their name' })
  .max(2000, NAME_TOO_LONG)
  .transform((v) => v.normalize('NFKC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter their name')
      .max(200, NAME_TOO_LONG)
      .refine(
        (v) => !/[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(v),
        'Enter a name without invisible, control or text-direction characters',
      ),
  );

/** A group of checkboxes: absent or false (none ticked), one value, or a list of values. */
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []),
  z.array(id).max(10_000, 'Too many accounts chosen'),
);

/** Role and accounts, as the add and change forms ask for them. */
const adminAccess = {
  role: z.enum(['Administrator', 'ReadOnly'], { error: 'Select a role' }),
  accounts: z.enum(['all', 'chosen'], { error: 'Select All accounts, or Only the accounts chosen below' }),
  accountIds: idList,
};

function requireChosenAccounts(value: { accounts: 'all' | 'chosen'; accountIds: string[] }, ctx: z.RefinementCtx) {
  if (value.accounts === 'chosen' && value.accountIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['accountIds'], message: 'Select at least one account, or select All accounts' });
  }
}
/** Checked even when another field is wrong, so that every error is shown at once. */
const whenAccountsParsed = {
  when: (payload: z.core.ParsePayload) => !payload.issues.some((i) => ['accounts', 'accountIds'].includes(String(i.path?.[0]))),
};

export const addAdminSchema = z
  .object({
    email: z
      .string({ error: 'Enter their email address' })
      .trim()
      .min(1, 'Enter their email address')
      .max(320, 'Email address is too long')
      .email('Enter an email address like name@example.com'),
    name: adminNameField,
    ...adminAccess,
  })
  .superRefine(requireChosenAccounts, whenAccountsParsed);
export type AddAdminInput = z.input<typeof addAdminSchema>;

/** `version` is the admin's session version the form was shown with: a stale form is refused. */
export const changeAdminAccessSchema = z
  .object({ adminId: id, version, ...adminAccess })
  .superRefine(requireChosenAccounts, whenAccountsParsed);
export type ChangeAdminAccessInput = z.input<typeof changeAdminAccessSchema>;

export const disableAdminSchema = z.object({
  adminId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to disable this admin'),
});
export type DisableAdminInput = z.input<typeof disableAdminSchema>;

export const enableAdminSchema = z.object({
  adminId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to enable this admin'),
});

export const resetAdminPasswordSchema = z.object({
  adminId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to reset this admin’s password'),
});

/** An admin's own time zone, chosen from the list (every IANA zone the server knows, and UTC). */
export const chooseTimeZoneSchema = z.object({ timeZone: timeZoneSchema });
export type ChooseTimeZoneInput = z.input<typeof chooseTimeZoneSchema>;
