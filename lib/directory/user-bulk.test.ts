import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { assignPhoneNumber, editTelephonyPermissions } from '@/lib/telephony/telephony';
import { applyBulkChange, getBulkResult, loadBulkSelection } from './user-bulk';
import { bulkChangeSchema, bulkSelectionSchema, shownUsers } from './user-bulk-schemas';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

async function threeUsers() {
  const account = await makeAccount(prisma);
  const users = [];
  for (const name of ['Ada Bulk', 'Bea Bulk', 'Cy Bulk']) users.push(await makeUser(prisma, account.id, { fullName: name }));
  return { account, users };
}

const shown = async (accountId: string, ids: string[]) =>
  (await loadBulkSelection(admin, accountId, ids))!.users.map((u) => ({ userId: u.id, version: u.version }));

test('suspends each user still as shown; one changed meanwhile is refused and named, the others done', async () => {
  const { account, users } = await threeUsers();
  const [ada, bea, cy] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
  const number = await makePhoneNumber(prisma);
  await assignPhoneNumber(admin, { accountId: account.id, userId: ada.id, phoneNumberId: number.id, userVersion: 1 });
  const confirmation = await shown(
    account.id,
    users.map((u) => u.id),
  );
  await makePhoneNumber(prisma, { user: bea });
  // Another admin changes Bea after the confirmation page was shown.
  const other = await sessionFor((await makeAdmin(prisma)).id);
  await editTelephonyPermissions(other, {
    accountId: account.id,
    userId: bea.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
  });

  const batchId = await applyBulkChange(admin, { accountId: account.id, action: 'suspend', users: confirmation });
  const result = await getBulkResult(admin, account.id, batchId);
  const byId = new Map(result!.results.map((r) => [r.userId, r]));
  assert.equal(byId.get(ada.id)!.outcome, 'done');
  assert.equal(byId.get(cy.id)!.outcome, 'done');
  assert.equal(byId.get(bea.id)!.outcome, 'refused');
  assert.match(byId.get(bea.id)!.message!, /Bea Bulk/);

  const after = await prisma.user.findMany({
    where: { accountId: account.id },
    orderBy: { fullName: 'asc' },
    select: { fullName: true, registrationStatus: true, phoneNumber: { select: { id: true } } },
  });
  assert.deepEqual(
    after.map((u) => [u.fullName, u.registrationStatus]),
    [
      ['Ada Bulk', 'Suspended'],
      ['Bea Bulk', 'Unregistered'],
      ['Cy Bulk', 'Suspended'],
    ],
  );
  assert.equal(after[0]!.phoneNumber?.id, number.id, 'a suspended user keeps their number');
  const audit = await prisma.auditEvent.findMany({
    where: { accountId: account.id, action: 'suspend-user' },
    select: { userId: true, outcome: true },
  });
  assert.deepEqual(audit.map((a) => `${a.userId}:${a.outcome}`).sort(), [`${ada.id}:Done`, `${bea.id}:Conflict`, `${cy.id}:Done`].sort());
});

test('removing several users at once releases their numbers and leaves the others as they were', async () => {
  const { account, users } = await threeUsers();
  const number = await makePhoneNumber(prisma);
  await assignPhoneNumber(admin, { accountId: account.id, userId: users[0]!.id, phoneNumberId: number.id, userVersion: 1 });
  const confirmation = await shown(account.id, [users[0]!.id, users[1]!.id]);
  const batchId = await applyBulkChange(admin, { accountId: account.id, action: 'remove', users: confirmation });
  const result = await getBulkResult(admin, account.id, batchId);
  assert.deepEqual(
    result!.results.map((r) => r.outcome),
    ['done', 'done'],
  );
  const released = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
  assert.equal(released.status, 'Unassigned');
  assert.equal(released.userId, null);
  const left = await prisma.user.findMany({ where: { accountId: account.id, removedAt: null }, select: { id: true } });
  assert.deepEqual(
    left.map((u) => u.id),
    [users[2]!.id],
  );
  // The confirmation page no longer lists removed users.
  const again = await loadBulkSelection(admin, account.id, [users[0]!.id, users[2]!.id]);
  assert.deepEqual(
    again!.users.map((u) => u.id),
    [users[2]!.id],
  );
  assert.equal(again!.missing, 1);
});

test('change licence gives each the chosen licence; a repeat says so', async () => {
  const { account, users } = await threeUsers();
  const first = await applyBulkChange(admin, {
    accountId: account.id,
    action: 'change-license',
    license: 'Basic',
    users: await shown(account.id, [users[0]!.id]),
  });
  assert.equal((await getBulkResult(admin, account.id, first))!.results[0]!.outcome, 'done');
  assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: users[0]!.id } })).license, 'Basic');
});

test('a read-only admin is refused the whole batch and nothing changes; an admin of another account sees nothing', async () => {
  const { account, users } = await threeUsers();
  const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
  const confirmation = await shown(account.id, [users[0]!.id]);
  await assert.rejects(
    applyBulkChange(viewer, { accountId: account.id, action: 'suspend', users: confirmation }),
    (e) => e instanceof DomainError && e.kind === 'denied',
  );
  const elsewhere = await sessionFor((await makeAdmin(prisma, { accountIds: [(await makeAccount(prisma)).id] })).id);
  assert.equal(await loadBulkSelection(elsewhere, account.id, [users[0]!.id]), null);
  await assert.rejects(
    applyBulkChange(elsewhere, { accountId: account.id, action: 'suspend', users: confirmation }),
    (e) => e instanceof DomainError && e.kind === 'not-found',
  );
  assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: users[0]!.id } })).registrationStatus, 'Unregistered');
  // Each refusal is in the audit log once.
  const refusals = await prisma.auditEvent.findMany({
    where: { accountId: account.id, action: 'suspend-user', adminId: { in: [viewer.id, elsewhere.id] } },
    select: { adminId: true, outcome: true },
  });
  assert.deepEqual(refusals.map((r) => [r.adminId === viewer.id ? 'viewer' : 'elsewhere', r.outcome]).sort(), [
    ['elsewhere', 'Denied'],
    ['viewer', 'Denied'],
  ]);
  // Another admin cannot read this admin's batch results either.
  const batchId = await applyBulkChange(admin, { accountId: account.id, action: 'suspend', users: confirmation });
  assert.equal(await getBulkResult(viewer, account.id, batchId), null);
});

test('the forms: an action and at least one user; licence required to change it; removal confirmed', () => {
  assert.equal(bulkSelectionSchema.safeParse({ action: 'suspend' }).success, false);
  assert.equal(bulkSelectionSchema.safeParse({ action: 'explode', userId: 'abc' }).success, false);
  assert.deepEqual(bulkSelectionSchema.parse({ action: 'remove', userId: ['a', 'b', 'a'] }).userId, ['a', 'b']);
  const base = { accountId: 'acct', user: ['u1:3', 'u2:1'] };
  const license = bulkChangeSchema.safeParse({ ...base, action: 'change-license' });
  assert.equal(license.success, false);
  assert.equal(license.error!.issues[0]!.path[0], 'license');
  assert.equal(bulkChangeSchema.safeParse({ ...base, action: 'remove' }).success, false);
  assert.deepEqual(shownUsers(bulkChangeSchema.parse({ ...base, action: 'remove', confirm: 'on' }).user), [
    { userId: 'u1', version: 3 },
    { userId: 'u2', version: 1 },
  ]);
  assert.equal(bulkChangeSchema.safeParse({ ...base, user: 'u1:x', action: 'suspend' }).success, false);
});
