import { z } from 'zod';
import { COUNTRY_CODES } from '@/lib/inventory/countries';
import { MAX_CSV_BYTES, MAX_LINES, MAX_TEXT_CHARS } from '@/lib/inventory/limits';

// One schema per form, used by react-hook-form in the browser and safeParse on the server.

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(320, 'Email address is too long').email('Enter an email address like name@example.com'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password is too long'),
});
export type SignInInput = z.infer<typeof signInSchema>;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'That is not a valid id');
// A version is a PostgreSQL integer: a larger one would reach the query and fail there, as a server error.
const version = z.coerce.number().int().min(0).max(2_147_483_647);
/** An HTML checkbox: "on" when ticked and absent when not; react-hook-form gives a boolean. */
const checkbox = z.union([z.boolean(), z.string()]).nullish().transform((v) => v === true || v === 'on' || v === 'true');

/** Ids and version of the user the form was rendered for; hidden fields, so re-checked on the server. */
const userTarget = { accountId: id, userId: id };
/**
 * "Email <user> about this change": selected when the form is first shown, but a cleared box
 * posts nothing, so absent means no email.
 */
const notifyUser = { notifyUser: checkbox };

export const assignPhoneNumberSchema = z.object({
  ...userTarget,
  userVersion: version,
  phoneNumberId: z.string({ error: 'Select the phone number to assign' }).min(1, 'Select the phone number to assign').pipe(id),
  ...notifyUser,
});
export type AssignPhoneNumberInput = z.input<typeof assignPhoneNumberSchema>;

export const editTelephonyPermissionsSchema = z.object({
  ...userTarget,
  version,
  inboundCalling: checkbox,
  outboundCalling: checkbox,
  sms: checkbox,
  ...notifyUser,
});
export type EditTelephonyPermissionsInput = z.input<typeof editTelephonyPermissionsSchema>;

export const unassignPhoneNumberSchema = z.object({
  ...userTarget,
  version,
  phoneNumberId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to unassign this phone number'),
  ...notifyUser,
});
export type UnassignPhoneNumberInput = z.input<typeof unassignPhoneNumberSchema>;

export const editCallingNameSchema = z.object({
  phoneNumberId: id,
  version,
  callingName: z
    .string()
    .max(100, 'Enter a calling name of 15 characters or fewer')
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .max(15, 'Enter a calling name of 15 characters or fewer')
        .regex(/^([A-Za-z0-9 ]{2,})?$/, 'Enter a calling name of 2 to 15 letters, digits or spaces, or leave it empty to clear it'),
    ),
});
export type EditCallingNameInput = z.input<typeof editCallingNameSchema>;

export const deletePhoneNumberSchema = z.object({
  phoneNumberId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to delete this phone number'),
});
export type DeletePhoneNumberInput = z.input<typeof deletePhoneNumberSchema>;

export const restorePhoneNumberSchema = z.object({ phoneNumberId: id });
export type RestorePhoneNumberInput = z.input<typeof restorePhoneNumberSchema>;

/** A chosen file: a File on the server, a FileList in react-hook-form; nothing chosen (or an empty file) is absent. */
const chosenFile = z.preprocess((value) => {
  const file = typeof FileList !== 'undefined' && value instanceof FileList ? value[0] : value;
  return file instanceof File && file.size > 0 ? file : undefined;
}, z.instanceof(File).optional());

export const PRODUCT_TYPES = ['BusinessCalling', 'VoiceConnector'] as const;

export const previewPhoneNumbersSchema = z
  .object({
    numbers: z
      .string()
      .max(MAX_TEXT_CHARS, `That is too much to paste at once: add at most ${MAX_LINES.toLocaleString('en-US')} phone numbers at a time, or upload a CSV file`)
      .default(''),
    csv: chosenFile.refine((file) => !file || file.size <= MAX_CSV_BYTES, `The CSV file must be smaller than ${MAX_CSV_BYTES / 1024 / 1024} MB`),
    defaultCountry: z.enum(COUNTRY_CODES, { error: 'Choose the country for numbers without a country code' }),
    productType: z.enum(PRODUCT_TYPES, { error: 'Choose the product type' }),
  })
  .superRefine((input, ctx) => {
    const typed = input.numbers.trim() !== '';
    if (!typed && !input.csv) {
      ctx.addIssue({ code: 'custom', path: ['numbers'], message: 'Enter phone numbers, one on each line, or choose a CSV file that has them' });
    }
    if (typed && input.csv) {
      ctx.addIssue({ code: 'custom', path: ['csv'], message: 'Enter phone numbers or choose a CSV file, not both' });
    }
  });
export type PreviewPhoneNumbersInput = z.input<typeof previewPhoneNumbersSchema>;

export const addPhoneNumbersSchema = z.object({ importId: id });
export type AddPhoneNumbersInput = z.input<typeof addPhoneNumbersSchema>;

// ---- Admins ----------------------------------------------------------------------------------

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
    name: z.string({ error: 'Enter their name' }).trim().min(1, 'Enter their name').max(200, 'Enter a name of 200 characters or fewer'),
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
export type EnableAdminInput = z.input<typeof enableAdminSchema>;

export const resetAdminPasswordSchema = z.object({
  adminId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to reset this admin’s password'),
});
export type ResetAdminPasswordInput = z.input<typeof resetAdminPasswordSchema>;
