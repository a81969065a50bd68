import 'server-only';
import crypto from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { seal, unseal } from '@/lib/auth/sealed';
import { FLASH_AAD, FLASH_COOKIE, FLASH_HEADER } from './flash-names';

// A one-shot message for the page an action redirects to (Post/Redirect/Get). The cookie holds
// only what happened and to whom; the page writes the words, and only for that very user.
// proxy.ts moves the cookie into a request header on the next page request and deletes it, so a
// reload does not repeat it. Right after an action (JavaScript on) the page reads the new cookie.
// The whole cookie is sealed (encodeFlash), so the browser can neither read nor forge one. A new
// admin's one-time password, or a new API token's secret, is sealed once more inside it for the
// admin who made it, and is never stored anywhere unhashed.

const changeFlashSchema = z.object({
  kind: z.enum([
    'assigned',
    'unassigned',
    'moved',
    'permissions-saved',
    'calling-name-saved',
    'deleted',
    'restored',
    'admin-added',
    'admin-changed',
    'admin-disabled',
    'admin-enabled',
    'admin-password-reset',
    'user-added',
    'user-edited',
    'user-suspended',
    'user-unsuspended',
    'user-removed',
  ]),
  /** The user the change was about, if any: a user's page shows only its own flashes. */
  userId: z.string().max(64).optional(),
  /** The number the change was about, if any: a number's page shows only its own flashes. */
  phoneNumberId: z.string().max(64).optional(),
  /** The admin the change was about, if any: an admin's page shows only its own flashes. */
  adminId: z.string().max(64).optional(),
  e164: z.string().max(20).nullish(),
  /** An email to the user about the change was queued. */
  notified: z.boolean().optional(),
  /** It was so already (a replay, or another admin did it first): nothing was changed. */
  repeated: z.boolean().optional(),
  /** After a move, on the new holder's page: whom the number came from, and whether they kept that holder's permissions. */
  fromName: z.string().max(200).optional(),
  keptPermissions: z.boolean().optional(),
  /** A one-time password, sealed for the admin who may see it; read it with `flashPassword`. */
  sealedPassword: z.string().max(200).optional(),
  /** Assigned with a permission preset: its name and the permissions it set (absent: All off). */
  preset: z
    .object({ name: z.string().max(200), inboundCalling: z.boolean(), outboundCalling: z.boolean(), sms: z.boolean() })
    .strict()
    .optional(),
});
/** After "Add phone numbers": how many were added, and how many someone else had added first. */
const numbersAddedFlashSchema = z.object({
  kind: z.literal('numbers-added'),
  added: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
/**
 * After a change to an account (lib/directory/account-changes.ts). A deleted account's name rides
 * along, since there is nothing left to read it from; the other pages read the name themselves.
 */
const accountFlashSchema = z.object({
  kind: z.enum(['account-created', 'account-renamed', 'account-suspended', 'account-activated', 'account-deleted']),
  accountId: z.string().max(64),
  name: z.string().max(200).optional(),
  /** It was so already (a repeat, or another admin did it first): nothing was changed. */
  repeated: z.boolean().optional(),
});
/** After "Import users": into which account, how many were added, and how many were there first. */
const usersImportedFlashSchema = z.object({
  kind: z.literal('users-imported'),
  accountId: z.string().max(64),
  added: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
/**
 * After creating or revoking an account's provisioning token (its Provisioning page). A new
 * token's secret rides along sealed for the admin who made it, as a one-time password does.
 */
const provisioningFlashSchema = z.object({
  kind: z.enum(['provisioning-token-created', 'provisioning-token-revoked']),
  accountId: z.string().max(64),
  tokenId: z.string().max(64),
  /** It was so already (a repeat, or another admin did it first): nothing was changed. */
  repeated: z.boolean().optional(),
  sealedSecret: z.string().max(300).optional(),
});
/** After making or revoking one of the admin's own API tokens, for the API tokens page. */
const apiTokenFlashSchema = z.object({
  kind: z.enum(['api-token-created', 'api-token-revoked']),
  tokenId: z.string().max(64),
  /** It was revoked already (a replay): nothing was changed. */
  repeated: z.boolean().optional(),
  /** A new token's secret, sealed for the admin who made it; read it with `flashTokenSecret`. */
  sealedSecret: z.string().max(300).optional(),
});
/** After adding, editing or deleting one of an account's permission presets, for its Permission presets page. */
const presetFlashSchema = z.object({
  kind: z.enum(['preset-created', 'preset-edited', 'preset-deleted']),
  accountId: z.string().max(64),
  /** The preset's name as saved (a deleted one has nothing left to read it from). */
  name: z.string().max(200).nullable(),
  /** It was so already (a replay, or another admin did it first): nothing was changed. */
  repeated: z.boolean().optional(),
});
/** After saving one's own time zone (the API tokens page, where an admin keeps their own things). */
const timeZoneFlashSchema = z.object({
  kind: z.literal('time-zone-saved'),
  adminId: z.string().max(64),
  /** It was that zone already: nothing was changed. */
  repeated: z.boolean().optional(),
});
const flashSchema = z.union([
  changeFlashSchema.strict(),
  numbersAddedFlashSchema.strict(),
  accountFlashSchema.strict(),
  usersImportedFlashSchema.strict(),
  provisioningFlashSchema.strict(),
  apiTokenFlashSchema.strict(),
  presetFlashSchema.strict(),
  timeZoneFlashSchema.strict(),
]);
export type ChangeFlash = z.infer<typeof changeFlashSchema>;
export type NumbersAddedFlash = z.infer<typeof numbersAddedFlashSchema>;
export type AccountFlash = z.infer<typeof accountFlashSchema>;
export type UsersImportedFlash = z.infer<typeof usersImportedFlashSchema>;
export type ProvisioningFlash = z.infer<typeof provisioningFlashSchema>;
export type ApiTokenFlash = z.infer<typeof apiTokenFlashSchema>;
export type PresetFlash = z.infer<typeof presetFlashSchema>;
export type TimeZoneFlash = z.infer<typeof timeZoneFlashSchema>;
export type Flash = z.infer<typeof flashSchema>;

const isAccountFlash = (flash: Flash): flash is AccountFlash => flash.kind.startsWith('account-');
const isProvisioningFlash = (flash: Flash): flash is ProvisioningFlash => flash.kind.startsWith('provisioning-');
const isApiTokenFlash = (flash: Flash): flash is ApiTokenFlash => flash.kind.startsWith('api-token-');
const isPresetFlash = (flash: Flash): flash is PresetFlash => flash.kind.startsWith('preset-');
/** The flashes about one user, number or admin (the others say what they are about themselves). */
const isChangeFlash = (flash: Flash): flash is ChangeFlash =>
  flash.kind !== 'numbers-added' &&
  flash.kind !== 'users-imported' &&
  flash.kind !== 'time-zone-saved' &&
  !isAccountFlash(flash) &&
  !isApiTokenFlash(flash) &&
  !isPresetFlash(flash) &&
  !isProvisioningFlash(flash);

/**
 * The cookie's value: the whole flash sealed (lib/auth/sealed.ts, AES-256-GCM under a key from
 * AUTH_SECRET), so the browser can neither read what it says (the ids, an account's name) nor
 * make or edit one: a post cannot plant "Phone number assigned" on a page it did not assign on.
 */
export function encodeFlash(flash: Flash, secret?: string): string {
  return seal(JSON.stringify(flash), FLASH_AAD, secret);
}

/** The flash in a cookie or header, or null if there is none or it is not one of ours. */
export function decodeFlash(raw: string | undefined | null, secret?: string): Flash | null {
  if (!raw || raw.length > 4096) return null;
  const opened = unseal(raw, FLASH_AAD, secret);
  if (opened === null) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(opened));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Sets the flash; a one-time password in it is sealed so that only `shownTo` (an admin id) can read it. */
export async function setFlash(flash: Flash, secret?: { oneTimePassword: string; shownTo: string }): Promise<void> {
  const value: Flash = secret && isChangeFlash(flash) ? { ...flash, sealedPassword: seal(secret.oneTimePassword, secret.shownTo) } : flash;
  await writeFlash(value);
}

async function writeFlash(value: Flash): Promise<void> {
  const h = await headers();
  const https = h.get('x-forwarded-proto') === 'https' || Boolean(process.env.AUTH_URL?.startsWith('https:'));
  (await cookies()).set(FLASH_COOKIE, encodeFlash(value), {
    httpOnly: true,
    secure: https,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

async function readAnyFlash(): Promise<Flash | null> {
  return decodeFlash((await headers()).get(FLASH_HEADER) ?? (await cookies()).get(FLASH_COOKIE)?.value);
}

/** What just happened to this user, number or admin, shown only on its own page. */
export async function readFlash(about: { userId: string } | { phoneNumberId: string } | { adminId: string }): Promise<ChangeFlash | null> {
  const flash = await readAnyFlash();
  if (!flash || !isChangeFlash(flash)) return null;
  const matches =
    'userId' in about
      ? flash.userId === about.userId
      : 'phoneNumberId' in about
        ? flash.phoneNumberId === about.phoneNumberId
        : flash.adminId === about.adminId;
  return matches ? flash : null;
}

/** How many numbers were just added, for the inventory's page. */
export async function readNumbersAddedFlash(): Promise<NumbersAddedFlash | null> {
  const flash = await readAnyFlash();
  return flash?.kind === 'numbers-added' ? flash : null;
}

/** How many users were just imported, for that account's Users page only. */
export async function readUsersImportedFlash(accountId: string): Promise<UsersImportedFlash | null> {
  const flash = await readAnyFlash();
  return flash?.kind === 'users-imported' && flash.accountId === accountId ? flash : null;
}

/**
 * "Remove user" lands on the Users list, where no user's page reads the flash: the list reads it
 * here, and shows it only for a user of its own account that the admin may see.
 */
export async function readUserRemovedFlash(): Promise<ChangeFlash | null> {
  const flash = await readAnyFlash();
  return flash?.kind === 'user-removed' && flash.userId ? flash : null;
}

/** The flash's one-time password, if it has one and it was sealed for `viewerId`. */
export function flashPassword(flash: ChangeFlash, viewerId: string): string | null {
  return flash.sealedPassword ? unseal(flash.sealedPassword, viewerId) : null;
}

/**
 * What just happened to an account: on its own page (`accountId`), or, for a deleted account, on
 * the Accounts page (`null`).
 */
export async function readAccountFlash(accountId: string | null): Promise<AccountFlash | null> {
  const flash = await readAnyFlash();
  if (!flash || !isAccountFlash(flash)) return null;
  return accountId === null ? (flash.kind === 'account-deleted' ? flash : null) : flash.accountId === accountId ? flash : null;
}

/** A token's secret is sealed for one admin and one token, so it opens on no other banner. */
const tokenSecretFor = (viewerId: string, tokenId: string) => `${viewerId} token ${tokenId}`;

/** After making or revoking a provisioning token; a new one's secret sealed so that only `shownTo` (an admin id) can read it. */
export async function setProvisioningTokenFlash(flash: ProvisioningFlash, secret?: { token: string; shownTo: string }): Promise<void> {
  await writeFlash(secret ? { ...flash, sealedSecret: seal(secret.token, tokenSecretFor(secret.shownTo, flash.tokenId)) } : flash);
}

/** After making or revoking one of the admin's API tokens; a new one's secret sealed so that only `shownTo` can read it. */
export async function setApiTokenFlash(flash: Omit<ApiTokenFlash, 'sealedSecret'>, secret?: { secret: string; shownTo: string }) {
  await writeFlash(secret ? { ...flash, sealedSecret: seal(secret.secret, tokenSecretFor(secret.shownTo, flash.tokenId)) } : flash);
}

/** What just happened to one of this account's provisioning tokens, for its Provisioning page. */
export async function readProvisioningFlash(accountId: string): Promise<ProvisioningFlash | null> {
  const flash = await readAnyFlash();
  return flash && isProvisioningFlash(flash) && flash.accountId === accountId ? flash : null;
}

/** What just happened to one of the admin's API tokens, for the API tokens page (which shows it only for a token of theirs). */
export async function readApiTokenFlash(): Promise<ApiTokenFlash | null> {
  const flash = await readAnyFlash();
  return flash && isApiTokenFlash(flash) ? flash : null;
}

/** That this admin just saved their time zone, for their own eyes only. */
export async function readTimeZoneFlash(adminId: string): Promise<TimeZoneFlash | null> {
  const flash = await readAnyFlash();
  return flash?.kind === 'time-zone-saved' && flash.adminId === adminId ? flash : null;
}

/** Names one showing of a new token's secret (not the secret): the page remembers it was shown. */
export function secretNonce(flash: ProvisioningFlash | ApiTokenFlash): string {
  return crypto
    .createHash('sha256')
    .update(flash.sealedSecret ?? flash.tokenId)
    .digest('hex')
    .slice(0, 16);
}

/** A new token's secret, if the flash has one and it was sealed for `viewerId`. */
export function flashTokenSecret(flash: ProvisioningFlash | ApiTokenFlash, viewerId: string): string | null {
  return flash.sealedSecret ? unseal(flash.sealedSecret, tokenSecretFor(viewerId, flash.tokenId)) : null;
}

/** After a change to one of an account's permission presets. */
export async function setPresetFlash(flash: PresetFlash): Promise<void> {
  await writeFlash(flash);
}

/** What just happened to one of this account's permission presets, for its Permission presets page. */
export async function readPresetFlash(accountId: string): Promise<PresetFlash | null> {
  const flash = await readAnyFlash();
  return flash && isPresetFlash(flash) && flash.accountId === accountId ? flash : null;
}
