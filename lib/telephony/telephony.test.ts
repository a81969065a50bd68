import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { assignPhoneNumber, editTelephonyPermissions, listAssignableNumbers, unassignPhoneNumber } from './telephony';
import { assertRefused } from '@/lib/test/refused';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

/** Everything but the audit log, which a refusal appends to. */
async function snapshot() {
  const [numbers, users, history] = await Promise.all([
    prisma.phoneNumber.findMany({ orderBy: { id: 'asc' } }),
    prisma.user.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignmentHistory.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ numbers, users, history });
}

const refused = (kind: DomainError['kind'], run: () => Promise<unknown>) => assertRefused(kind, run, snapshot);

async function auditFor(where: { userId?: string; phoneNumberId?: string }) {
  return prisma.auditEvent.findMany({
    where,
    orderBy: { seq: 'asc' },
    select: { action: true, outcome: true, adminId: true, before: true, after: true },
  });
}

describe('assign', () => {
  test('assigns an Unassigned Business Calling number, turns calling and SMS off, and records history and audit', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id, { inboundCalling: true, outboundCalling: true, sms: true });
    const number = await makePhoneNumber(prisma);

    const result = await assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 });
    assert.deepEqual(result, { fullName: user.fullName, e164: number.e164, repeated: false, notified: false });

    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { phoneNumber: true } });
    assert.equal(after.phoneNumber?.id, number.id);
    assert.equal(after.phoneNumber?.status, 'Assigned');
    assert.equal(after.phoneNumber?.accountId, account.id);
    assert.deepEqual([after.inboundCalling, after.outboundCalling, after.sms], [false, false, false]);
    assert.equal(after.version, 2);
    assert.ok(after.telephonyChangedAt);
    const history = await prisma.assignmentHistory.findMany({ where: { phoneNumberId: number.id } });
    assert.equal(history.length, 1);
    assert.equal(history[0]!.assignedById, admin.id);
    assert.equal(history[0]!.unassignedAt, null);
    assert.deepEqual(await auditFor({ userId: user.id }), [
      {
        action: 'assign-phone-number',
        outcome: 'Done',
        adminId: admin.id,
        before: { phoneNumber: null, inboundCalling: true, outboundCalling: true, sms: true },
        after: { phoneNumber: number.e164, inboundCalling: false, outboundCalling: false, sms: false },
      },
    ]);

    // The same form again (double click, replay): nothing happens twice.
    const again = await assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 });
    assert.equal(again.repeated, true);
    assert.equal(await prisma.assignmentHistory.count({ where: { phoneNumberId: number.id } }), 1);
    assert.equal((await auditFor({ userId: user.id })).length, 1);
  });

  test('never offers or assigns toll-free, Voice Connector, deletion-queue or assigned numbers', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const holder = await makeUser(prisma, account.id);
    const unusable = [
      await makePhoneNumber(prisma, { type: 'TollFree', productType: 'VoiceConnector' }),
      await makePhoneNumber(prisma, { productType: 'VoiceConnector' }),
      await makePhoneNumber(prisma, { status: 'DeleteInProgress' }),
      await makePhoneNumber(prisma, { user: holder }),
    ];
    const offered = new Set<string>();
    let after: string | undefined;
    do {
      const page = await listAssignableNumbers(admin, { after });
      page.rows.forEach((r) => offered.add(r.id));
      after = page.nextCursor;
    } while (after);
    for (const n of unusable) {
      assert.ok(!offered.has(n.id), `${n.e164} is not offered`);
      const err = await refused(n === unusable[3] ? 'conflict' : 'invalid', () =>
        assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: n.id, userVersion: 1 }),
      );
      assert.ok(err.message.length > 0);
    }
  });

  test('search by digits finds a number by its area code or any part of it', async () => {
    const number = await makePhoneNumber(prisma, { e164: '+19075550142' });
    const byArea = await listAssignableNumbers(admin, { q: '(907)' });
    assert.ok(byArea.rows.some((r) => r.id === number.id));
    assert.deepEqual(
      (await listAssignableNumbers(admin, { q: '907-555-0142' })).rows.map((r) => r.id),
      [number.id],
    );
  });

  test('a user who already has a number is told to unassign it first', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const held = await makePhoneNumber(prisma, { user });
    const other = await makePhoneNumber(prisma);
    const err = await refused('conflict', () =>
      assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: other.id, userVersion: 1 }),
    );
    assert.match(err.message, /already has the phone number .* Unassign it first/);
    void held;
  });

  test('refusals: read-only admin, another account, unknown number, wrong account in the form; each audited', async () => {
    const account = await makeAccount(prisma);
    const elsewhere = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    const otherAdmin = await sessionFor((await makeAdmin(prisma, { accountIds: [elsewhere.id] })).id);
    const input = { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 };

    await refused('denied', () => assignPhoneNumber(viewer, input));
    await refused('not-found', () => assignPhoneNumber(otherAdmin, input));
    await refused('not-found', () => assignPhoneNumber(admin, { ...input, accountId: elsewhere.id }));
    await refused('invalid', () => assignPhoneNumber(admin, { ...input, phoneNumberId: 'no-such-number' }));

    const audit = await auditFor({ userId: user.id });
    assert.deepEqual(
      audit.map((a) => [a.outcome, a.adminId]),
      [
        ['Denied', viewer.id],
        ['Denied', otherAdmin.id],
        ['Denied', admin.id],
        ['Invalid', admin.id],
      ],
    );
  });

  test('50 admins assigning one number to 50 users at once: exactly one wins', async () => {
    const account = await makeAccount(prisma);
    const users = await Promise.all(Array.from({ length: 50 }, () => makeUser(prisma, account.id)));
    const number = await makePhoneNumber(prisma);
    const results = await Promise.allSettled(
      users.map((u) => assignPhoneNumber(admin, { accountId: account.id, userId: u.id, phoneNumberId: number.id, userVersion: 1 })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 49);
    for (const r of lost) {
      assert.ok(r.reason instanceof DomainError && r.reason.kind === 'conflict', String(r.reason));
      assert.match(r.reason.message, /was assigned to someone else\. Choose another number\./);
    }
    const holders = await prisma.user.count({ where: { accountId: account.id, phoneNumber: { isNot: null } } });
    assert.equal(holders, 1);
    assert.equal(await prisma.assignmentHistory.count({ where: { phoneNumberId: number.id } }), 1);
    const audit = await auditFor({ phoneNumberId: number.id });
    assert.equal(audit.filter((a) => a.outcome === 'Done').length, 1);
    assert.equal(audit.filter((a) => a.outcome === 'Conflict').length, 49);
  });

  test('50 numbers assigned to one user at once: exactly one', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const numbers = await Promise.all(Array.from({ length: 50 }, () => makePhoneNumber(prisma)));
    const results = await Promise.allSettled(
      numbers.map((n) => assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: n.id, userVersion: 1 })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      if (r.status === 'rejected') assert.ok(r.reason instanceof DomainError && r.reason.kind === 'conflict', String(r.reason));
    }
    const assigned = await prisma.phoneNumber.findMany({ where: { id: { in: numbers.map((n) => n.id) }, status: 'Assigned' } });
    assert.equal(assigned.length, 1);
    assert.equal(assigned[0]!.userId, user.id);
    assert.equal(await prisma.assignmentHistory.count({ where: { userId: user.id } }), 1);
    assert.equal((await auditFor({ userId: user.id })).filter((a) => a.outcome === 'Done').length, 1);
  });
});

describe('edit telephony permissions', () => {
  test('saves the three permissions and bumps the version; a stale form is a conflict', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    await makePhoneNumber(prisma, { user });
    const target = { accountId: account.id, userId: user.id };

    await editTelephonyPermissions(admin, { ...target, version: 1, inboundCalling: true, outboundCalling: false, sms: true });
    const saved = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.deepEqual([saved.inboundCalling, saved.outboundCalling, saved.sms, saved.version], [true, false, true, 2]);

    const err = await refused('conflict', () =>
      editTelephonyPermissions(admin, { ...target, version: 1, inboundCalling: false, outboundCalling: true, sms: false }),
    );
    assert.match(err.message, /Someone else changed/);
    // The same save replayed is not a conflict: it is already as asked.
    const replay = await editTelephonyPermissions(admin, {
      ...target,
      version: 1,
      inboundCalling: true,
      outboundCalling: false,
      sms: true,
    });
    assert.equal(replay.repeated, true);
    assert.deepEqual(
      (await auditFor({ userId: user.id })).map((a) => a.outcome),
      ['Done', 'Conflict'],
    );
  });

  test('concurrent saves from forms of the same version: exactly one', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    await makePhoneNumber(prisma, { user });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        editTelephonyPermissions(admin, {
          accountId: account.id,
          userId: user.id,
          version: 1,
          inboundCalling: i % 2 === 0,
          outboundCalling: true,
          sms: i % 3 === 0,
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).version, 2);
  });

  test('saving what the user already has changes nothing: no version, no audit row, no email, no sign-in wait', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id, { inboundCalling: true });
    await makePhoneNumber(prisma, { user });
    const before = await snapshot();
    const result = await editTelephonyPermissions(admin, {
      accountId: account.id,
      userId: user.id,
      version: 1,
      inboundCalling: true,
      outboundCalling: false,
      sms: false,
      notifyUser: true,
    });
    assert.deepEqual(result, { fullName: user.fullName, e164: result.e164, repeated: true, notified: false });
    assert.equal(await snapshot(), before);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.deepEqual([row.version, row.telephonyChangedAt], [1, null]);
    assert.deepEqual(await auditFor({ userId: user.id }), []);
    assert.equal(await prisma.outboxMessage.count({ where: { userId: user.id } }), 0);
  });

  test('permissions need a number: refused for a user without one, even with everything off', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    for (const inboundCalling of [true, false]) {
      const err = await refused('invalid', () =>
        editTelephonyPermissions(admin, {
          accountId: account.id,
          userId: user.id,
          version: 1,
          inboundCalling,
          outboundCalling: false,
          sms: false,
        }),
      );
      assert.equal(err.message, `${user.fullName} has no phone number. Telephony permissions need a phone number: assign one first.`);
    }
    assert.deepEqual(
      (await auditFor({ userId: user.id })).map((a) => a.outcome),
      ['Invalid', 'Invalid'],
    );
  });

  test('SMS needs a number that can send it', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma, { user });
    await prisma.phoneNumber.update({ where: { id: number.id }, data: { canSms: false } });
    const err = await refused('invalid', () =>
      editTelephonyPermissions(admin, {
        accountId: account.id,
        userId: user.id,
        version: 1,
        inboundCalling: false,
        outboundCalling: false,
        sms: true,
      }),
    );
    assert.equal(err.field, 'sms');
  });
});

describe('unassign', () => {
  test('returns the number to the inventory, turns calling and SMS off, closes the history row', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    await assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 });
    await editTelephonyPermissions(admin, {
      accountId: account.id,
      userId: user.id,
      version: 2,
      inboundCalling: true,
      outboundCalling: true,
      sms: true,
    });

    // A form rendered before the permissions changed is stale.
    await refused('conflict', () =>
      unassignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, version: 2 }),
    );
    await unassignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, version: 3 });

    const n = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
    assert.deepEqual([n.status, n.userId, n.accountId], ['Unassigned', null, null]);
    const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.deepEqual([u.inboundCalling, u.outboundCalling, u.sms, u.version], [false, false, false, 4]);
    const history = await prisma.assignmentHistory.findFirstOrThrow({ where: { phoneNumberId: number.id } });
    assert.ok(history.unassignedAt);
    assert.equal(history.unassignedById, admin.id);
    assert.deepEqual(
      (await auditFor({ userId: user.id })).map((a) => `${a.action} ${a.outcome}`),
      ['assign-phone-number Done', 'edit-telephony-permissions Done', 'unassign-phone-number Conflict', 'unassign-phone-number Done'],
    );
    // Replayed: already done, nothing changes.
    const replay = await unassignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, version: 3 });
    assert.equal(replay.repeated, true);
    assert.equal((await auditFor({ userId: user.id })).length, 4);
  });

  test('someone else’s number cannot be unassigned through this user, and a read-only admin cannot unassign', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const other = await makeUser(prisma, account.id);
    await makePhoneNumber(prisma, { user });
    const theirs = await makePhoneNumber(prisma, { user: other });
    await refused('conflict', () =>
      unassignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: theirs.id, version: 1 }),
    );
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    await refused('denied', () =>
      unassignPhoneNumber(viewer, { accountId: account.id, userId: other.id, phoneNumberId: theirs.id, version: 1 }),
    );
  });
});
