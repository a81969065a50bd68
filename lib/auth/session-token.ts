import 'server-only';
import { hkdf } from '@panva/hkdf';
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from 'jose';

// Reads next-auth's session cookie the way Auth.js 0.41 (`@auth/core/jwt` `decode`, and
// `SessionStore` in lib/utils/cookie.js) reads it, without the rest of `auth()`'s pipeline (CSRF
// hash, re-encrypting a refreshed cookie a page render throws away). Decision 014 says why this is
// safe; session-token.test.ts checks every case against Auth.js's own `getToken`.

export const SESSION_COOKIE = 'authjs.session-token';
export const SECURE_SESSION_COOKIE = '__Secure-authjs.session-token';

/** Auth.js's `decode`: 15 s of clock skew on `exp`/`nbf`, `dir` keys, its two content encryptions. */
const CLOCK_TOLERANCE_SECONDS = 15;
const KEY_MANAGEMENT_ALGORITHMS = ['dir'];
const KEY_LENGTHS: Readonly<Record<string, number>> = { 'A256CBC-HS512': 64, A256GCM: 32 };

type DerivedKey = { key: Uint8Array; thumbprint: string };

// HKDF and the thumbprint are most of `decode`'s cost and depend only on these three inputs, so
// derive once per process. A handful of entries: two cookie names × two encryptions × the secrets.
const derivedKeys = new Map<string, Promise<DerivedKey>>();

function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const length = KEY_LENGTHS[enc];
  if (length === undefined) return Promise.reject(new Error('Unsupported JWT Content Encryption Algorithm'));
  const id = JSON.stringify([enc, salt, secret]);
  let derived = derivedKeys.get(id);
  if (!derived) {
    derived = (async () => {
      // Exactly Auth.js's getDerivedEncryptionKey: salt = the cookie's name, this info string.
      const key = await hkdf('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
      const thumbprint = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, `sha${key.byteLength << 3}` as 'sha512');
      return { key, thumbprint };
    })();
    derived.catch(() => derivedKeys.delete(id));
    derivedKeys.set(id, derived);
  }
  return derived;
}

/** Auth.js's `decode`, with the derived keys cached: the payload, or a rejection. */
export async function decodeSessionToken(token: string, secret: string | readonly string[], salt: string): Promise<JWTPayload> {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const s of secrets) {
        const { key, thumbprint } = await derivedKey(enc, s, salt);
        if (kid === undefined || kid === thumbprint) return key;
      }
      throw new Error('no matching decryption secret');
    },
    {
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      keyManagementAlgorithms: KEY_MANAGEMENT_ALGORITHMS,
      contentEncryptionAlgorithms: Object.keys(KEY_LENGTHS),
    },
  );
  return payload;
}

export type CookieJar = Iterable<{ name: string; value: string }>;

/**
 * The session cookie's value as Auth.js's SessionStore assembles it: every cookie whose name
 * starts with `name` (the cookie itself, or its chunks `name.0`, `name.1`, …), joined in the
 * order of their numeric suffix. A missing chunk leaves a token that does not decrypt.
 */
export function sessionCookieValue(jar: CookieJar, name: string): string {
  const chunks: Record<string, string> = {};
  for (const cookie of jar) {
    if (!cookie.name.startsWith(name) || !cookie.value) continue;
    chunks[cookie.name] = cookie.value;
  }
  const suffix = (key: string) => parseInt(key.split('.').pop() || '0');
  return Object.keys(chunks)
    .sort((a, b) => suffix(a) - suffix(b))
    .map((key) => chunks[key])
    .join('');
}

/**
 * Whether `auth()` would use the `__Secure-` cookie: next-auth builds the session URL from
 * AUTH_URL (or NEXTAUTH_URL) when set, else from `x-forwarded-proto` (https when absent), and
 * Auth.js uses secure cookies when that URL is https (`trustHost: true`, no `useSecureCookies`).
 */
export function usesSecureCookies(
  headers: { get(name: string): string | null },
  env: Record<string, string | undefined> = process.env,
): boolean {
  const envUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (envUrl) return new URL(envUrl).protocol === 'https:';
  const protocol = headers.get('x-forwarded-proto') ?? 'https';
  return (protocol.endsWith(':') ? protocol : `${protocol}:`).toLowerCase() === 'https:';
}

/**
 * The session's JWT payload, or null when there is no session cookie or it does not decrypt and
 * verify (tampered, expired beyond the tolerance, another secret, a chunk missing) — the cases
 * in which `auth()` answers null.
 */
export async function readSessionToken(options: {
  cookies: CookieJar;
  secret: string | readonly string[];
  secure: boolean;
}): Promise<JWTPayload | null> {
  const name = options.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const token = sessionCookieValue(options.cookies, name);
  if (!token) return null;
  try {
    return await decodeSessionToken(token, options.secret, name);
  } catch {
    return null;
  }
}
