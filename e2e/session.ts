// Signing in without the sign-in form: a session cookie made with next-auth's own `encode`, the
// instance's AUTH_SECRET and the cookie's name as salt, exactly as next-auth makes it after a
// sign-in (scripts/authz-matrix.ts mints its cookies the same way). The specs about signing in
// itself (sign-in, throttling, the Admins page's password and session flows) use the real form.
import crypto from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type { BrowserContextOptions } from '@playwright/test';
import { authSecret } from '../lib/auth/secret';

export const SESSION_COOKIE = 'authjs.session-token';
const MAX_AGE_SECONDS = 8 * 60 * 60; // lib/auth/auth.ts's SESSION_MAX_AGE_SECONDS

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

export const SIGNED_OUT: StorageState = { cookies: [], origins: [] };

/** The cookie a browser holds after `admin` signs in (sessionVersion 1: an admin nobody has changed). */
export async function sessionCookie(admin: { id: string }, baseURL: string, sessionVersion = 1) {
  const value = await encode({
    // As lib/auth/auth.ts's jwt callback makes them at sign-in: a session id, and when it began.
    token: { sub: admin.id, sessionVersion, sid: crypto.randomBytes(16).toString('base64url'), signedInAt: Math.floor(Date.now() / 1000) },
    secret: authSecret(),
    salt: SESSION_COOKIE,
    maxAge: MAX_AGE_SECONDS,
  });
  return {
    name: SESSION_COOKIE,
    value,
    domain: new URL(baseURL).hostname,
    path: '/',
    expires: Math.floor(Date.now() / 1000) + MAX_AGE_SECONDS,
    httpOnly: true,
    secure: false,
    sameSite: 'Lax' as const,
  };
}

/** A storage state signed in as `admin`, for `browser.newContext` or `test.use`. */
export async function sessionState(admin: { id: string }, baseURL: string): Promise<StorageState> {
  return { cookies: [await sessionCookie(admin, baseURL)], origins: [] };
}
