// CPU per session read, printed not asserted (decision 014): what `auth()` runs for a page (Auth.js's
// session action on a request to /api/auth/session, as next-auth's getSession builds it), Auth.js's
// `decode` alone, and lib/auth/session-token.ts's read with its cached key.
// Run: npx tsx --conditions=react-server bench/session-read.ts [iterations]
import { Auth, type AuthConfig } from '@auth/core';
import { decode, encode } from 'next-auth/jwt';
import { readSessionToken, SESSION_COOKIE } from '../lib/auth/session-token';

const iterations = Number(process.argv[2] ?? 2000);
const secret = 'bench-secret-bench-secret-bench-secret-0001';
const token = await encode({
  token: { sub: 'admin-1', sessionVersion: 1, sid: 'bench-session', signedInAt: Math.floor(Date.now() / 1000) },
  secret,
  salt: SESSION_COOKIE,
  maxAge: 8 * 60 * 60,
});
const cookie = `${SESSION_COOKIE}=${token}`;

// lib/auth/auth.ts's configuration, less the Credentials provider a session read never calls.
const config: AuthConfig = {
  secret,
  trustHost: true,
  basePath: '/api/auth',
  providers: [],
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  callbacks: {
    session({ session, token }) {
      return { ...session, adminId: token.sub, sessionVersion: token.sessionVersion } as typeof session;
    },
  },
};

const ways: Record<string, () => Promise<unknown>> = {
  'auth() (Auth.js session action)': async () => {
    const response = await Auth(new Request('http://localhost:3000/api/auth/session', { headers: { cookie } }), config);
    const body = (await response.json()) as { adminId?: string } | null;
    if (body?.adminId !== 'admin-1') throw new Error('auth() read no session');
  },
  'decode (@auth/core/jwt)': async () => {
    if ((await decode({ token, secret, salt: SESSION_COOKIE }))?.sub !== 'admin-1') throw new Error('decode read no session');
  },
  'readSessionToken (cached key)': async () => {
    const read = await readSessionToken({ cookies: [{ name: SESSION_COOKIE, value: token }], secret, secure: false });
    if (read?.sub !== 'admin-1') throw new Error('readSessionToken read no session');
  },
};

console.log(`CPU per session read, ${iterations} reads each after ${iterations / 10} to warm up (node ${process.version})`);
for (const [name, read] of Object.entries(ways)) {
  for (let i = 0; i < iterations / 10; i++) await read();
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await read();
  const { user, system } = process.cpuUsage(start);
  console.log(`  ${name.padEnd(34)} ${((user + system) / iterations / 1000).toFixed(3)} ms`);
}
