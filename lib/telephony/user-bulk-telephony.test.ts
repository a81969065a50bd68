import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { assertRefused } from '@/lib/test/refused';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { getBulkResult, loadBulkSelection } from '@/lib/directory/user-bulk';
import { bulkChangeSchema } from '@/lib/directory/user-bulk-schemas';
import { editTelephonyPermissions } from './telephony';
import { applyBulkTelephonyChange } from './user-bulk-telephony';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

async function scene() {
  const account = await makeAccount(prisma);
  const ada = await makeUser(prisma, account.id, { fullName: 'Ada Checked', inboundCalling: true });
  const bea = await makeUser(prisma, account.id, { fullName: 'Bea Checked' });
  const cy = await makeUser(prisma, account.id, { fullName: 'Cy Checked' });
  const adas = await makePhoneNumber(prisma, { user: ada });
  const beas = await makePhoneNumber(prisma, { user: bea });
  const users = [ada, bea, cy];
  const shown = (await loadBulkSelection(
    admin,
    account.id,
    users.map((u) => u.id),
  ))!.users.map((u) => ({ userId: u.id, version: u.version }));
  return { account, ada, bea, cy, adas, beas, shown };
}

const outcomes = async (accountId: string, batchId: string) =>
  Object.fromEntries((await getBulkResult(admin, accountId, batchId))!.results.map((r) => [r.fullName, r.message ?? r.outcome]));

test('unassign: each shown user with a number loses it, audited; one changed meanwhile is refused; one without is left', async () => {
  const s = await scene();
  // Someone changes Bea after the confirmation page was shown.
  await editTelephonyPermissions(await sessionFor((await makeAdmin(prisma)).id), {
    accountId: s.account.id,
    userId: s.bea.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
  });
  const batchId = await applyBulkTelephonyChange(admin, { accountId: s.account.id, action: 'unassign-phone-number', users: s.shown });
  const got = await outcomes(s.account.id, batchId);
  assert.equal(got['Ada Checked'], 'done');
  assert.match(got['Bea Checked']!, /Someone else changed Bea Checked/);
  assert.equal(got['Cy Checked'], 'repeated');
  const numbers = await prisma.phoneNumber.findMany({ where: { id: { in: [s.adas.id, s.beas.id] } }, select: { id: true, userId: true } });
  assert.deepEqual(
    new Map(numbers.map((n) => [n.id, n.userId])),
    new Map([
      [s.adas.id, null],
      [s.beas.id, s.bea.id],
    ]),
  );
  const ada = await prisma.user.findUnique({ where: { id: s.ada.id }, select: { inboundCalling: true } });
  assert.equal(ada!.inboundCalling, false);
  const trail = await prisma.auditEvent.findMany({
    where: { accountId: s.account.id, action: 'unassign-phone-number' },
    select: { outcome: true, userId: true },
  });
  assert.deepEqual(
    trail.map((a) => [a.userId, a.outcome]).sort(),
    [
      [s.ada.id, 'Done'],
      [s.bea.id, 'Conflict'],
    ].sort(),
  );
});

test('set permissions: given to each who can have them; one without a number is refused and says why', async () => {
  const s = await scene();
  const permissions = { inboundCalling: true, outboundCalling: true, sms: false };
  const batchId = await applyBulkTelephonyChange(admin, {
    accountId: s.account.id,
    action: 'set-permissions',
    users: s.shown,
    permissions,
  });
  const got = await outcomes(s.account.id, batchId);
  assert.equal(got['Ada Checked'], 'done');
  assert.equal(got['Bea Checked'], 'done');
  assert.match(got['Cy Checked']!, /has no phone number/);
  const users = await prisma.user.findMany({
    where: { accountId: s.account.id },
    select: { fullName: true, inboundCalling: true, outboundCalling: true },
    orderBy: { fullName: 'asc' },
  });
  assert.deepEqual(
    users.map((u) => [u.fullName, u.inboundCalling, u.outboundCalling]),
    [
      ['Ada Checked', true, true],
      ['Bea Checked', true, true],
      ['Cy Checked', false, false],
    ],
  );
  const trail = await prisma.auditEvent.findMany({
    where: { accountId: s.account.id, action: 'edit-telephony-permissions' },
    select: { outcome: true },
  });
  assert.deepEqual(trail.map((a) => a.outcome).sort(), ['Done', 'Done', 'Invalid']);
});

test('a read-only admin is refused the whole batch, audited; the unassign confirmation must be ticked', async () => {
  const s = await scene();
  const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
  await assertRefused('denied', () =>
    applyBulkTelephonyChange(viewer, { accountId: s.account.id, action: 'unassign-phone-number', users: s.shown }),
  );
  const denied = await prisma.auditEvent.findMany({ where: { accountId: s.account.id }, select: { action: true, outcome: true } });
  assert.deepEqual(denied, [{ action: 'unassign-phone-number', outcome: 'Denied' }]);
  assert.equal((await prisma.phoneNumber.findUnique({ where: { id: s.adas.id } }))!.userId, s.ada.id);

  const base = { accountId: s.account.id, user: [`${s.ada.id}:1`] };
  assert.equal(bulkChangeSchema.safeParse({ ...base, action: 'unassign-phone-number' }).success, false);
  assert.equal(bulkChangeSchema.safeParse({ ...base, action: 'unassign-phone-number', confirm: 'on' }).success, true);
  const perms = bulkChangeSchema.safeParse({ ...base, action: 'set-permissions', sms: 'on' });
  assert.deepEqual(perms.success && [perms.data.inboundCalling, perms.data.outboundCalling, perms.data.sms], [false, false, true]);
});
