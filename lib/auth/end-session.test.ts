import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { makeAdmin } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { endSession, purgeEndedSessions } from './end-session';
import { adminForSessionClaims } from './session';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

const HOUR = 60 * 60;
const nowSeconds = () => Math.floor(Date.now() / 1000);

test('a session is good for 8 hours from its sign-in, however recently the cookie was refreshed', async () => {
  const admin = await makeAdmin(prisma);
  const claims = (signedInAt: number) => ({ sub: admin.id, sessionVersion: 1, sid: `s-${signedInAt}`, signedInAt });
  assert.equal((await adminForSessionClaims(claims(nowSeconds())))?.id, admin.id);
  assert.equal((await adminForSessionClaims(claims(nowSeconds() - 7 * HOUR)))?.id, admin.id);
  assert.equal(await adminForSessionClaims(claims(nowSeconds() - 8 * HOUR - 5)), null, 'over 8 hours since the sign-in');
  assert.equal(await adminForSessionClaims(claims(nowSeconds() + HOUR)), null, 'a sign-in in the future is no sign-in');
  // A cookie without the claims sign-in puts there (one made before this rule, or forged) is none.
  assert.equal(await adminForSessionClaims({ sub: admin.id, sessionVersion: 1 }), null);
  assert.equal(await adminForSessionClaims({ sub: admin.id, sessionVersion: 1, sid: 'x', signedInAt: String(nowSeconds()) }), null);
  assert.equal(await adminForSessionClaims({ sub: admin.id, sessionVersion: 1, sid: 'x'.repeat(65), signedInAt: nowSeconds() }), null);
});

test('Sign out ends that session and no other; ended sessions are forgotten once they would have expired', async () => {
  const admin = await makeAdmin(prisma);
  const signedInAt = nowSeconds() - HOUR;
  const laptop = { sub: admin.id, sessionVersion: 1, sid: `laptop-${admin.id}`, signedInAt };
  const phone = { ...laptop, sid: `phone-${admin.id}` };
  await endSession({ adminId: admin.id, sid: laptop.sid, signedInAt });
  await endSession({ adminId: admin.id, sid: laptop.sid, signedInAt }); // twice: still one row
  assert.equal(await adminForSessionClaims(laptop), null, 'the signed-out cookie, presented again');
  assert.equal((await adminForSessionClaims(phone))?.id, admin.id, 'the other browser is still signed in');
  assert.equal(await prisma.endedSession.count({ where: { adminId: admin.id } }), 1);

  assert.equal(await purgeEndedSessions(new Date((signedInAt + 7 * HOUR) * 1000)), 0, 'not yet: the cookie could still come back');
  assert.ok((await purgeEndedSessions(new Date((signedInAt + 8 * HOUR + 1) * 1000))) >= 1);
  assert.equal(await prisma.endedSession.count({ where: { adminId: admin.id } }), 0);
});
