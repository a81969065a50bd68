import 'server-only';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { seal, unseal } from './auth/sealed';
import { FLASH_COOKIE, FLASH_HEADER } from './flash-names';

// A one-shot message for the page an action redirects to (Post/Redirect/Get). The cookie holds
// only what happened and to whom; the page writes the words, and only for that very user.
// proxy.ts moves the cookie into a request header on the next page request and deletes it, so a
// reload does not repeat it. Right after an action (JavaScript on) the page reads the new cookie.
// The one exception to "nothing secret": a new admin's one-time password, which rides along
// sealed (lib/auth/sealed.ts) for the admin who made it, and is never stored anywhere unhashed.

const flashSchema = z.object({
  kind: z.enum([
    'assigned',
    'unassigned',
    'permissions-saved',
    'calling-name-saved',
    'deleted',
    'restored',
    'admin-added',
    'admin-changed',
    'admin-disabled',
    'admin-enabled',
    'admin-password-reset',
  ]),
  /** The user the change was about, if any: a user's page shows only its own flashes. */
  userId: z.string().max(64).optional(),
  /** The number the change was about, if any: a number's page shows only its own flashes. */
  phoneNumberId: z.string().max(64).optional(),
  /** The admin the change was about, if any: an admin's page shows only its own flashes. */
  adminId: z.string().max(64).optional(),
  e164: z.string().max(20).nullish(),
  /** A one-time password, sealed for the admin who may see it; read it with `flashPassword`. */
  sealedPassword: z.string().max(200).optional(),
});
export type Flash = z.infer<typeof flashSchema>;

/** Sets the flash; a one-time password in it is sealed so that only `shownTo` (an admin id) can read it. */
export async function setFlash(
  flash: Omit<Flash, 'sealedPassword'>,
  secret?: { oneTimePassword: string; shownTo: string },
): Promise<void> {
  const value: Flash = secret ? { ...flash, sealedPassword: seal(secret.oneTimePassword, secret.shownTo) } : flash;
  (await cookies()).set(FLASH_COOKIE, Buffer.from(JSON.stringify(value)).toString('base64url'), {
    // Readable by the page's script so that, with JavaScript on, the banner can clear it at once
    // (app/_components/flash-consumed.tsx). It holds nothing secret in the clear: what the admin
    // just did, and at most a sealed password that only the server can open.
    httpOnly: false,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

/** The pending flash, if it is about this user, number or admin. */
export async function readFlash(about: { userId: string } | { phoneNumberId: string } | { adminId: string }): Promise<Flash | null> {
  const raw = (await headers()).get(FLASH_HEADER) ?? (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const matches =
      'userId' in about
        ? parsed.data.userId === about.userId
        : 'phoneNumberId' in about
          ? parsed.data.phoneNumberId === about.phoneNumberId
          : parsed.data.adminId === about.adminId;
    return matches ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The flash's one-time password, if it has one and it was sealed for `viewerId`. */
export function flashPassword(flash: Flash, viewerId: string): string | null {
  return flash.sealedPassword ? unseal(flash.sealedPassword, viewerId) : null;
}
