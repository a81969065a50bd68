import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encode, getToken } from 'next-auth/jwt';
import {
  readSessionToken,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  sessionCookieValue,
  usesSecureCookies,
  type CookieJar,
} from './session-token';

// Every cookie here is minted with next-auth's own `encode`, as next-auth mints it after a sign-in,
// and every answer is compared with Auth.js's own reading of the same cookies (`getToken`, which
// assembles chunks with SessionStore and decrypts with `decode`, as `auth()` does).

const SECRET = 'the-configured-auth-secret-for-these-tests-0001';
const OLD_SECRET = 'the-secret-before-the-rotation-for-these-tests-02';
const MAX_AGE = 8 * 60 * 60; // lib/auth/auth.ts's SESSION_MAX_AGE_SECONDS
// SessionStore's chunk size: ALLOWED_COOKIE_SIZE (4096) less ESTIMATED_EMPTY_COOKIE_SIZE (160).
const AUTH_JS_CHUNK_SIZE = 4096 - 160;

type Mint = { secret?: string; salt?: string; maxAge?: number; extra?: Record<string, unknown> };

function mint({ secret = SECRET, salt = SESSION_COOKIE, maxAge = MAX_AGE, extra = {} }: Mint = {}) {
  return encode({ token: { sub: 'admin-1', sessionVersion: 3, ...extra }, secret, salt, maxAge });
}

function jarHeader(jar: CookieJar): string {
  return [...jar].map(({ name, value }) => `${name}=${value}`).join('; ');
}

/** Ours and Auth.js's reading of the same cookies: the admin id each sees, or null. */
async function bothRead(jar: CookieJar, { secure = false, secret = SECRET } = {}) {
  const ours = await readSessionToken({ cookies: jar, secret, secure });
  const authJs = await getToken({
    req: { headers: { cookie: jarHeader(jar) } },
    secret,
    secureCookie: secure,
    salt: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
  });
  return { ours: ours?.sub ?? null, authJs: authJs?.sub ?? null, token: ours };
}

/** One character of the ciphertext changed (any character but the last changes its bytes). */
function tamper(token: string): string {
  const parts = token.split('.');
  const ciphertext = parts[3] ?? '';
  const i = Math.floor(ciphertext.length / 2);
  parts[3] = ciphertext.slice(0, i) + (ciphertext[i] === 'A' ? 'B' : 'A') + ciphertext.slice(i + 1);
  return parts.join('.');
}

/** A token cut into `name.0`, `name.1`, … the way Auth.js's SessionStore cuts one over 4 KB. */
function chunks(name: string, token: string) {
  const out = [];
  for (let i = 0; i * AUTH_JS_CHUNK_SIZE < token.length; i++) {
    out.push({ name: `${name}.${i}`, value: token.slice(i * AUTH_JS_CHUNK_SIZE, (i + 1) * AUTH_JS_CHUNK_SIZE) });
  }
  return out;
}

describe('reading the session cookie as auth() does', () => {
  test('a cookie next-auth minted is accepted, with the claims the session callback uses', async () => {
    const read = await bothRead([{ name: SESSION_COOKIE, value: await mint() }]);
    assert.equal(read.ours, 'admin-1');
    assert.equal(read.authJs, 'admin-1');
    assert.equal(read.token?.sessionVersion, 3);
  });

  test('no cookie, or an empty one, is no session', async () => {
    assert.deepEqual(await bothRead([]), { ours: null, authJs: null, token: null });
    const read = await bothRead([{ name: SESSION_COOKIE, value: '' }]);
    assert.equal(read.ours, null);
    assert.equal(read.authJs, null);
  });

  test('a cookie with one character changed is refused', async () => {
    const token = await mint();
    const tampered = tamper(token);
    assert.notEqual(tampered, token);
    const read = await bothRead([{ name: SESSION_COOKIE, value: tampered }]);
    assert.equal(read.ours, null);
    assert.equal(read.authJs, null);
  });

  test('a cookie expired beyond the 15 s clock tolerance is refused', async () => {
    const read = await bothRead([{ name: SESSION_COOKIE, value: await mint({ maxAge: -60 }) }]);
    assert.equal(read.ours, null);
    assert.equal(read.authJs, null);
  });

  test('a cookie expired within the 15 s clock tolerance is still accepted, as Auth.js accepts it', async () => {
    const read = await bothRead([{ name: SESSION_COOKIE, value: await mint({ maxAge: -5 }) }]);
    assert.equal(read.ours, 'admin-1');
    assert.equal(read.authJs, 'admin-1');
  });

  test('a cookie made with another secret is refused', async () => {
    const read = await bothRead([{ name: SESSION_COOKIE, value: await mint({ secret: 'some-other-secret-nobody-configured-03' }) }]);
    assert.equal(read.ours, null);
    assert.equal(read.authJs, null);
  });

  test('after an AUTH_SECRET rotation, a cookie made with the old secret is refused', async () => {
    const old = [{ name: SESSION_COOKIE, value: await mint({ secret: OLD_SECRET }) }];
    // Before the rotation it was a session, to both.
    assert.deepEqual(
      { ...(await bothRead(old, { secret: OLD_SECRET })), token: null },
      { ours: 'admin-1', authJs: 'admin-1', token: null },
    );
    const read = await bothRead(old, { secret: SECRET });
    assert.equal(read.ours, null);
    assert.equal(read.authJs, null);
  });

  test('a cookie salted for the other cookie name is refused (the salt is the cookie name)', async () => {
    const read = await bothRead([{ name: SESSION_COOKIE, value: await mint({ salt: SECURE_SESSION_COOKIE }) }]);
    assert.equal(read.ours, null);
    assert.equal(read.authJs, null);
  });

  test('a large token split across .0/.1 cookies is reassembled in order and accepted', async () => {
    const token = await mint({ extra: { padding: 'x'.repeat(5000) } });
    const parts = chunks(SESSION_COOKIE, token);
    assert.equal(parts.length, 2);
    // The browser may send them in any order; the suffix decides.
    const read = await bothRead([...parts].reverse());
    assert.equal(read.ours, 'admin-1');
    assert.equal(read.authJs, 'admin-1');
    assert.equal(sessionCookieValue(parts.reverse(), SESSION_COOKIE), token);
  });

  test('a chunked token with a chunk missing is refused', async () => {
    const parts = chunks(SESSION_COOKIE, await mint({ extra: { padding: 'x'.repeat(5000) } }));
    for (const kept of [parts.slice(0, 1), parts.slice(1)]) {
      const read = await bothRead(kept);
      assert.equal(read.ours, null);
      assert.equal(read.authJs, null);
    }
  });

  test('over HTTPS the __Secure- cookie is read, and the plain one is not', async () => {
    const secureJar = [{ name: SECURE_SESSION_COOKIE, value: await mint({ salt: SECURE_SESSION_COOKIE }) }];
    const secure = await bothRead(secureJar, { secure: true });
    assert.equal(secure.ours, 'admin-1');
    assert.equal(secure.authJs, 'admin-1');

    const plainOverHttps = await bothRead([{ name: SESSION_COOKIE, value: await mint() }], { secure: true });
    assert.equal(plainOverHttps.ours, null);
    assert.equal(plainOverHttps.authJs, null);

    const secureOverHttp = await bothRead(secureJar, { secure: false });
    assert.equal(secureOverHttp.ours, null);
    assert.equal(secureOverHttp.authJs, null);
  });

  test('a chunked __Secure- cookie over HTTPS is accepted', async () => {
    const token = await mint({ salt: SECURE_SESSION_COOKIE, extra: { padding: 'x'.repeat(5000) } });
    const read = await bothRead(chunks(SECURE_SESSION_COOKIE, token), { secure: true });
    assert.equal(read.ours, 'admin-1');
    assert.equal(read.authJs, 'admin-1');
  });

  test('a second read of the same secret and cookie name (the cached key) gives the same answers', async () => {
    const good = [{ name: SESSION_COOKIE, value: await mint() }];
    const bad = [{ name: SESSION_COOKIE, value: tamper(await mint()) }];
    for (let i = 0; i < 3; i++) {
      assert.equal((await bothRead(good)).ours, 'admin-1');
      assert.equal((await bothRead(bad)).ours, null);
    }
  });
});

describe('which cookie name auth() reads (trustHost, no useSecureCookies)', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  test('the request protocol as next sets x-forwarded-proto: http reads the plain cookie, https the __Secure- one', () => {
    assert.equal(usesSecureCookies(headers({ 'x-forwarded-proto': 'http' }), {}), false);
    assert.equal(usesSecureCookies(headers({ 'x-forwarded-proto': 'https' }), {}), true);
  });

  test('without x-forwarded-proto next-auth assumes https', () => {
    assert.equal(usesSecureCookies(headers({}), {}), true);
  });

  test('AUTH_URL (or NEXTAUTH_URL), when set, decides instead of the header', () => {
    assert.equal(usesSecureCookies(headers({ 'x-forwarded-proto': 'http' }), { AUTH_URL: 'https://switchboard.example' }), true);
    assert.equal(usesSecureCookies(headers({ 'x-forwarded-proto': 'https' }), { NEXTAUTH_URL: 'http://localhost:3000' }), false);
  });
});
