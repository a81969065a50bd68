import 'server-only';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { FLASH_COOKIE, FLASH_HEADER } from './flash-names';

// A one-shot message for the page an action redirects to (Post/Redirect/Get). The cookie holds
// only what happened and to whom; the page writes the words, and only for that very user.
// proxy.ts moves the cookie into a request header on the next page request and deletes it, so a
// reload does not repeat it. Right after an action (JavaScript on) the page reads the new cookie.

const flashSchema = z.object({
  kind: z.enum(['assigned', 'unassigned', 'permissions-saved', 'calling-name-saved', 'deleted', 'restored']),
  /** The user the change was about, if any: a user's page shows only its own flashes. */
  userId: z.string().max(64).optional(),
  /** The number the change was about, if any: a number's page shows only its own flashes. */
  phoneNumberId: z.string().max(64).optional(),
  e164: z.string().max(20).nullable(),
});
export type Flash = z.infer<typeof flashSchema>;

export async function setFlash(flash: Flash): Promise<void> {
  const h = await headers();
  const https = h.get('x-forwarded-proto') === 'https' || Boolean(process.env.AUTH_URL?.startsWith('https:'));
  (await cookies()).set(FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
    httpOnly: true,
    secure: https,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

/** The pending flash, if it is about this user or number. */
export async function readFlash(about: { userId: string } | { phoneNumberId: string }): Promise<Flash | null> {
  const raw = (await headers()).get(FLASH_HEADER) ?? (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const matches = 'userId' in about ? parsed.data.userId === about.userId : parsed.data.phoneNumberId === about.phoneNumberId;
    return matches ? parsed.data : null;
  } catch {
    return null;
  }
}
