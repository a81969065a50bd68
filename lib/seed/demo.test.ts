import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import { DEMO_ADMINS, DEMO_PASSWORD, seedDemo } from './demo';

const database = useTestDatabase();
let prisma: PrismaClient;
let seeded: boolean;
before(async () => {
  prisma = (await database).prisma;
  seeded = await seedDemo(prisma);
});

test('an empty database gets the demo organisation described in PRODUCT.md, once', async () => {
  assert.equal(seeded, true);

  assert.ok((await prisma.account.count()) >= 3);
  assert.ok((await prisma.user.count()) >= 36, 'dozens of users');
  const numbers = await prisma.phoneNumber.groupBy({ by: ['type', 'productType', 'status'], _count: true });
  const count = (where: (n: (typeof numbers)[number]) => boolean) => numbers.filter(where).reduce((s, n) => s + n._count, 0);
  assert.ok(count(() => true) >= 90 && count(() => true) <= 120, 'about a hundred numbers');
  assert.ok(count((n) => n.type === 'TollFree') > 0, 'some toll-free');
  assert.ok(count((n) => n.productType === 'VoiceConnector' && n.type === 'Local') > 0, 'some Voice Connector');
  assert.ok(count((n) => n.status === 'Assigned') > 0, 'some assigned');
  assert.ok(count((n) => n.status === 'DeleteInProgress') > 0, 'some in the deletion queue');
  assert.equal(
    count((n) => n.type === 'TollFree' && n.productType === 'BusinessCalling'),
    0,
    'toll-free is never Business Calling',
  );

  // The data holds together: assigned numbers have a user in the same account, and a history row.
  const assigned = await prisma.phoneNumber.findMany({
    where: { status: 'Assigned' },
    select: { id: true, accountId: true, user: { select: { accountId: true } }, history: { select: { unassignedAt: true } } },
  });
  for (const n of assigned) {
    assert.equal(n.user?.accountId, n.accountId);
    assert.equal(n.history.filter((h) => h.unassignedAt === null).length, 1);
  }
  assert.equal(await prisma.phoneNumber.count({ where: { status: { not: 'Assigned' }, userId: { not: null } } }), 0);

  for (const admin of DEMO_ADMINS) {
    assert.ok(await verifyAdminCredentials(admin.email, DEMO_PASSWORD), `${admin.email} can sign in`);
  }
  const roles = await prisma.admin.findMany({ select: { email: true, role: true }, orderBy: { email: 'asc' } });
  assert.deepEqual(roles, [
    { email: 'admin@example.com', role: 'Administrator' },
    { email: 'viewer@example.com', role: 'ReadOnly' },
  ]);

  const users = await prisma.user.count();
  assert.equal(await seedDemo(prisma), false, 'a database with data is left alone');
  assert.equal(await prisma.user.count(), users);
});

test('the demo tells one story: dates in order, and every assignment, permission and deletion has its history and audit rows', async () => {
  const now = new Date();
  const [admins, accounts, users, numbers, history, events] = await Promise.all([
    prisma.admin.findMany({ select: { id: true, createdAt: true } }),
    prisma.account.findMany({ select: { id: true, createdAt: true } }),
    prisma.user.findMany({
      select: {
        id: true,
        accountId: true,
        createdAt: true,
        version: true,
        telephonyChangedAt: true,
        inboundCalling: true,
        outboundCalling: true,
        sms: true,
        phoneNumber: { select: { id: true } },
      },
    }),
    prisma.phoneNumber.findMany({
      select: {
        id: true,
        e164: true,
        status: true,
        userId: true,
        accountId: true,
        createdAt: true,
        assignedAt: true,
        deletionRequestedAt: true,
      },
    }),
    prisma.assignmentHistory.findMany(),
    prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [adminById, accountById, userById, numberById] = [byId(admins), byId(accounts), byId(users), byId(numbers)];
  const notAfter = (a: Date, b: Date, what: string) =>
    assert.ok(a.getTime() <= b.getTime(), `${what}: ${a.toISOString()} after ${b.toISOString()}`);
  const done = (action: string) => events.filter((e) => e.action === action && e.outcome === 'Done');

  // Nothing seeded is in the future, and the log's commit order is its time order.
  for (const t of [...admins, ...accounts, ...users, ...numbers].map((r) => r.createdAt)) notAfter(t, now, 'created');
  for (const [i, e] of events.entries()) {
    notAfter(e.at, now, 'audited');
    if (i > 0) notAfter(events[i - 1]!.at, e.at, `audit seq ${e.seq}`);
    if (e.adminId) notAfter(adminById.get(e.adminId)!.createdAt, e.at, 'an admin acts after they exist');
    if (e.phoneNumberId) notAfter(numberById.get(e.phoneNumberId)!.createdAt, e.at, 'a number is audited after it is added');
    if (e.userId) notAfter(userById.get(e.userId)!.createdAt, e.at, 'a user is audited after they are added');
  }
  for (const u of users) notAfter(accountById.get(u.accountId)!.createdAt, u.createdAt, 'a user is added to an account that exists');

  // A number is added before it is assigned or queued for deletion, and each of those has its rows.
  for (const h of history) {
    const number = numberById.get(h.phoneNumberId)!;
    notAfter(number.createdAt, h.assignedAt, `${number.e164} is added before it is assigned`);
    notAfter(userById.get(h.userId)!.createdAt, h.assignedAt, 'a user is added before they get a number');
  }
  const assigns = done('assign-phone-number');
  assert.equal(assigns.length, history.length, 'one assign audit row per history row');
  for (const n of numbers.filter((n) => n.status === 'Assigned')) {
    const open = history.filter((h) => h.phoneNumberId === n.id && h.unassignedAt === null);
    assert.equal(open.length, 1, `${n.e164}: one open history row`);
    assert.equal(open[0]!.userId, n.userId);
    assert.equal(open[0]!.assignedAt.getTime(), n.assignedAt?.getTime(), `${n.e164}: assigned since its history row`);
    const row = assigns.find((e) => e.phoneNumberId === n.id);
    assert.ok(row, `${n.e164}: an audit row of its assignment`);
    assert.deepEqual([row.userId, row.accountId, row.at.getTime()], [n.userId, n.accountId, n.assignedAt!.getTime()]);
    assert.equal((row.after as { phoneNumber?: string }).phoneNumber, n.e164);
  }
  for (const n of numbers.filter((n) => n.status === 'DeleteInProgress')) {
    notAfter(n.createdAt, n.deletionRequestedAt!, `${n.e164} is added before it is queued for deletion`);
    const row = done('delete-phone-number').find((e) => e.phoneNumberId === n.id);
    assert.equal(row?.at.getTime(), n.deletionRequestedAt!.getTime(), `${n.e164}: an audit row of its deletion request`);
  }

  // Calling and SMS are on only with a number, as the last audited change of permissions left them;
  // the user's version and "changed at" count and date their audited changes.
  for (const u of users) {
    const changes = events.filter((e) => e.userId === u.id && e.outcome === 'Done');
    assert.equal(u.version, 1 + changes.length, 'a version per change');
    assert.equal(u.telephonyChangedAt?.getTime(), changes.at(-1)?.at.getTime(), 'changed when last audited');
    if (!(u.inboundCalling || u.outboundCalling || u.sms)) continue;
    assert.ok(u.phoneNumber, 'calling or SMS only with a number');
    const last = changes.filter((e) => e.action === 'edit-telephony-permissions').at(-1);
    assert.ok(last, 'permissions turned on have their audit row');
    assert.deepEqual(last.after, { inboundCalling: u.inboundCalling, outboundCalling: u.outboundCalling, sms: u.sms });
    notAfter(numberById.get(u.phoneNumber.id)!.assignedAt!, last.at, 'permissions are edited after the number is assigned');
  }
});
