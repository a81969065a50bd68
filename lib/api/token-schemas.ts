import { z } from 'zod';
import { checkbox, id } from '@/lib/forms/fields';

// The API tokens page's forms (Create token, Revoke token): one schema each, used by
// react-hook-form in the browser and safeParse on the server. The name rule is the one
// lib/api/tokens.ts enforces itself, so it lives here, where the browser can import it too.

/** Personal tokens live at most a year (the form offers 7, 30, 90 and 365 days). */
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_DAYS = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_NAME = 100;

const TOO_LONG = `Enter a name of ${MAX_TOKEN_NAME} characters or fewer`;

/** A token's name as stored: normalised, invisible characters removed, spaces collapsed, 1–100 characters. */
export const tokenNameField = z
  .string({ error: 'Enter a name for the token' })
  // Checked before cleaning too, so a huge paste is refused without being normalised first.
  .max(MAX_TOKEN_NAME * 4, TOO_LONG)
  .transform((v) =>
    v
      .normalize('NFKC')
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .pipe(z.string().min(1, 'Enter a name for the token').max(MAX_TOKEN_NAME, TOO_LONG));

const DAY_CHOICES = TOKEN_DAYS.map(String) as ['7', '30', '90', '365'];

export const createApiTokenSchema = z.object({
  name: tokenNameField,
  // Kept as the radio's text (the browser's form types are the schema's output); the action counts it.
  days: z.enum(DAY_CHOICES, { error: 'Choose when the token expires' }),
  readOnly: checkbox,
});
export type CreateApiTokenFormInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to revoke this token'),
});
