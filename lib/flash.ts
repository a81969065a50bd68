import 'server-only';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { FLASH_COOKIE, FLASH_HEADER } from './flash-names';

// A one-shot message for the page an action redirects to (Post/Redirect/Get). The cookie holds
// only what happened and to whom; the page writes the words, and only for that very user.
// proxy.ts moves the cookie into a request header on the next page request and deletes it, so a
// reload does not repeat it. Right after an action (JavaScript on) the page reads the new cookie.

const changeFlashSchema = z.object({
  kind: z.enum(['assigned', 'unassigned', 'permissions-saved', 'calling-name-saved', 'deleted', 'restored']),
  /** The user the change was about, if any: a user's page shows only its own flashes. */
  userId: z.string().max(64).optional(),
  /** The number the change was about, if any: a number's page shows only its own flashes. */
  phoneNumberId: z.string().max(64).optional(),
  e164: z.string().max(20).nullable(),
});
/** After "Add phone numbers": how many were added, and how many someone else had added first. */
const numbersAddedFlashSchema = z.object({
  kind: z.literal('numbers-added'),
  added: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
const flashSchema = z.union([changeFlashSchema.strict(), numbersAddedFlashSchema.strict()]);
export type ChangeFlash = z.infer<typeof changeFlashSchema>;
export type NumbersAddedFlash = z.infer<typeof numbersAddedFlashSchema>;
export type Flash = z.infer<typeof flashSchema>;

export function encodeFlash(flash: Flash): string {
  return Buffer.from(JSON.stringify(flash)).toString('base64url');
}

/** The flash in a cookie or header, or null if there is none or it is not one of ours. */
export function decodeFlash(raw: string | undefined | null): Flash | null {
  if (!raw) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function setFlash(flash: Flash): Promise<void> {
  const h = await headers();
  const https = h.get('x-forwarded-proto') === 'https' || Boolean(process.env.AUTH_URL?.startsWith('https:'));
  (await cookies()).set(FLASH_COOKIE, encodeFlash(flash), {
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

/** What just happened to this user or number, shown only on its own page. */
export async function readFlash(about: { userId: string } | { phoneNumberId: string }): Promise<ChangeFlash | null> {
  const flash = await readAnyFlash();
  if (!flash || flash.kind === 'numbers-added') return null;
  const matches = 'userId' in about ? flash.userId === about.userId : flash.phoneNumberId === about.phoneNumberId;
  return matches ? flash : null;
}

/** How many numbers were just added, for the inventory's page. */
export async function readNumbersAddedFlash(): Promise<NumbersAddedFlash | null> {
  const flash = await readAnyFlash();
  return flash?.kind === 'numbers-added' ? flash : null;
}
