import { z } from 'zod';
import { checkbox, id } from '@/lib/forms/fields';
import { cleanName } from './names';

// One schema per form (Create account, Rename, Suspend account, Activate account, Delete account),
// used by react-hook-form in the browser and safeParse on the server.

export const ACCOUNT_TYPES = ['Team', 'EnterpriseDirectory', 'EnterpriseLWA', 'EnterpriseOIDC'] as const;
export const LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'] as const;
export const MAX_ACCOUNT_NAME = 100;

const TOO_LONG = `Enter an account name of ${MAX_ACCOUNT_NAME} characters or fewer`;

/**
 * An account name as stored: cleaned (NFKC, zero-width and bidirectional controls removed, spaces
 * collapsed: lib/directory/names.ts), then required and at most 100 characters. Markup is allowed
 * and shown as text, as in every name; control characters (which PostgreSQL cannot store, or which
 * no one can see) are not.
 */
export const accountName = z
  .string({ error: 'Enter the account name' })
  // Checked before cleaning too, so a huge paste is refused without being normalised first.
  .max(MAX_ACCOUNT_NAME * 10, TOO_LONG)
  .transform(cleanName)
  .pipe(
    z
      .string()
      .min(1, 'Enter the account name')
      .max(MAX_ACCOUNT_NAME, TOO_LONG)
      .refine((v) => !/[\u0000-\u001F\u007F-\u009F]/.test(v), 'Enter an account name without control characters'),
  );

export const createAccountSchema = z.object({
  name: accountName,
  type: z.enum(ACCOUNT_TYPES, { error: 'Select the account type' }),
  defaultLicense: z.enum(LICENSES, { error: 'Select the default licence' }),
});
export type CreateAccountInput = z.input<typeof createAccountSchema>;

/**
 * `currentName` is the name the form was shown with: the account's version, in effect, so that a
 * rename someone else made meanwhile is not silently overwritten.
 */
export const renameAccountSchema = z.object({
  accountId: id,
  currentName: z.string().max(MAX_ACCOUNT_NAME * 10),
  name: accountName,
});
export type RenameAccountInput = z.input<typeof renameAccountSchema>;

export const suspendAccountSchema = z.object({
  accountId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to suspend this account'),
});
export type SuspendAccountInput = z.input<typeof suspendAccountSchema>;

export const activateAccountSchema = z.object({
  accountId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to activate this account'),
});

export const deleteAccountSchema = z.object({
  accountId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to delete this account'),
});
