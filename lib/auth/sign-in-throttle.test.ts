import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { makeAdmin } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import { clientAddress, recordSignInFailure, recordSignInSuccess, signInWait } from './sign-in-throttle';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

test('an email gets two free failures, then growing waits, then a 15-minute lockout; quiet time forgets', async () => {
  const k = { email: `t-${Date.now()}@test.example`, address: null };
  const t0 = new Date('2026-03-01T10:00:00Z');
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    await recordSignInFailure(prisma, k, t0);
    waits.push(await signInWait(prisma, k, t0));
  }
  assert.deepEqual(waits, [0, 0, 2, 4, 8, 16, 32, 900]);
  // 16 minutes after the last failure the lockout is over and the count starts again.
  const later = new Date(t0.getTime() + 16 * 60_000);
  assert.equal(await signInWait(prisma, k, later), 0);
  await recordSignInFailure(prisma, k, later);
  assert.equal(await signInWait(prisma, k, later), 0);
});

test('a client address is limited too, with more slack; success clears the email but not the address', async () => {
  const address = `10.9.${Math.floor(Math.random() * 250)}.1`;
  const now = new Date();
  for (let i = 0; i < 21; i++) await recordSignInFailure(prisma, { email: `many-${i}-${Date.now()}@test.example`, address }, now);
  assert.ok((await signInWait(prisma, { email: 'fresh@test.example', address }, now)) > 0, 'the address must wait');
  const k = { email: `clear-${Date.now()}@test.example`, address: null };
  for (let i = 0; i < 4; i++) await recordSignInFailure(prisma, k, now);
  assert.ok((await signInWait(prisma, k, now)) > 0);
  await recordSignInSuccess(prisma, k);
  assert.equal(await signInWait(prisma, k, now), 0);
});

test('while an email must wait, even the right password is refused unchecked, and audited', async () => {
  const admin = await makeAdmin(prisma, { password: 'right password' });
  for (let i = 0; i < 3; i++) assert.equal(await verifyAdminCredentials(admin.email, 'wrong'), null);
  assert.equal(await verifyAdminCredentials(admin.email, 'right password'), null);
  const last = await prisma.auditEvent.findFirst({ where: { adminEmail: admin.email }, orderBy: { seq: 'desc' } });
  assert.match(last?.detail ?? '', /too many attempts/);
});

test('attempts refused during a lockout do not renew it: the admin gets in once it is over', async () => {
  const admin = await makeAdmin(prisma, { password: 'right password' });
  const k = { email: admin.email, address: null };
  const t0 = new Date(Date.now() - 14 * 60_000); // locked out 14 minutes ago
  for (let i = 0; i < 8; i++) await recordSignInFailure(prisma, k, t0);
  assert.ok((await signInWait(prisma, k)) > 0 && (await signInWait(prisma, k)) <= 60, 'about a minute left');
  // A stranger keeps trying during the lockout, with any password: refused unchecked, audited ...
  for (let i = 0; i < 3; i++) assert.equal(await verifyAdminCredentials(admin.email, 'guess'), null);
  assert.equal(await prisma.auditEvent.count({ where: { adminEmail: admin.email, detail: { contains: 'too many attempts' } } }), 3);
  // ... and the lockout still ends when it was going to: 15 minutes after the eighth failure.
  assert.equal(await signInWait(prisma, k, new Date(t0.getTime() + 15 * 60_000 + 1000)), 0);
});

test('the client address is read from the right of X-Forwarded-For, as many hops as there are proxies', () => {
  assert.equal(clientAddress(null), null);
  assert.equal(clientAddress('203.0.113.9'), '203.0.113.9');
  assert.equal(clientAddress('6.6.6.6, 203.0.113.9', 1), '203.0.113.9');
  assert.equal(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', 2), '203.0.113.9');
  assert.equal(clientAddress('203.0.113.9', 3), '203.0.113.9');
  assert.equal(clientAddress('[2001:db8::1]'), '2001:db8::1');
  // Only an address is kept: not a name, not a string as long as the header allows.
  assert.equal(clientAddress('evil.example'), null);
  assert.equal(clientAddress(`203.0.113.9${'x'.repeat(500)}`), null);
});
