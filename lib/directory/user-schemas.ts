import { z } from 'zod';
import { checkbox, id, version } from '@/lib/forms/fields';
import { cleanEmail, cleanName } from './names';

// The user forms' schemas (Add user, Edit user, Suspend, Unsuspend, Remove), used by
// react-hook-form in the browser and safeParse on the server. The fields are also what the data
// functions (lib/directory/user-changes.ts) check what they are given against, so an import or
// a machine interface calling them directly meets the same rules.

export const USER_TYPES = ['PrivateUser', 'SharedDevice'] as const;
export const LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'] as const;

export const MAX_FULL_NAME = 200;
/** RFC 5321's practical limit on an address. */
export const MAX_EMAIL = 254;

const nameTooLong = `Enter a full name of ${MAX_FULL_NAME} characters or fewer`;

/**
 * A full name as stored: cleaned (lib/directory/names.ts: NFKC, zero-width and bidirectional
 * controls removed, spaces collapsed), then at least one character and at most 200. Markup is
 * just text: it is stored as typed and always shown escaped.
 */
export const fullNameField = z
  .string({ error: 'Enter their full name' })
  // Refused before it is cleaned, so an enormous paste is not normalised first.
  .max(MAX_FULL_NAME * 10, nameTooLong)
  .transform(cleanName)
  .pipe(z.string().min(1, 'Enter their full name').max(MAX_FULL_NAME, nameTooLong));

/** An email address as stored: trimmed and lower-cased, then checked. */
export const emailField = z
  .string({ error: 'Enter their email address' })
  .max(MAX_EMAIL * 4, 'Email address is too long')
  .transform(cleanEmail)
  .pipe(
    z
      .string()
      .min(1, 'Enter their email address')
      .max(MAX_EMAIL, 'Email address is too long')
      .email('Enter an email address like name@example.com'),
  );

export const userTypeField = z.enum(USER_TYPES, { error: 'Select a user type' });
export const licenseField = z.enum(LICENSES, { error: 'Select a licence' });

/** What "Add user" and "Edit user" ask for. */
export const userFields = { fullName: fullNameField, email: emailField, userType: userTypeField, license: licenseField };

export const addUserSchema = z.object({ accountId: id, ...userFields });
export type AddUserFormInput = z.input<typeof addUserSchema>;

/** `version` is the user's version the form was shown with: a stale form is refused. */
export const editUserSchema = z.object({ accountId: id, userId: id, version, ...userFields });
export type EditUserFormInput = z.input<typeof editUserSchema>;

const confirmed = (message: string) => ({ confirm: checkbox.refine((v) => v, message) });

export const suspendUserSchema = z.object({
  accountId: id,
  userId: id,
  version,
  ...confirmed('Select the box to confirm that you want to suspend this user'),
});
export type SuspendUserFormInput = z.input<typeof suspendUserSchema>;

export const unsuspendUserSchema = z.object({
  accountId: id,
  userId: id,
  version,
  ...confirmed('Select the box to confirm that you want to unsuspend this user'),
});

export const removeUserSchema = z.object({
  accountId: id,
  userId: id,
  version,
  ...confirmed('Select the box to confirm that you want to remove this user'),
});
