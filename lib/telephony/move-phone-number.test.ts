import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { suspendUser } from '@/lib/directory/user-changes';
import { assignPhoneNumber, editTelephonyPermissions, movePhoneNumber, type MoveInput } from './telephony';
import { assertRefused } from '@/lib/test/refused';
import { createPermissionPreset } from '@/lib/presets/permission-presets';

// "Move phone number" (PRODUCT rule 10): one transaction, two history rows, two audit rows, and
// the refusals of Assign and Unassign both. Runs on the embedded database and on PostgreSQL.

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

/** Everything a refused move could touch but the audit log, which the refusal appends to. */
async function snapshot() {
  const [numbers, users, history, outbox] = await Promise.all([
    prisma.phoneNumber.findMany({ orderBy: { id: 'asc' } }),
    prisma.user.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignmentHistory.findMany({ orderBy: { id: 'asc' } }),
    prisma.outboxMessage.findMany({ orderBy: { id: 'asc' }, select: { id: true, userId: true, kind: true } }),
  ]);
  return JSON.stringify({ numbers, users, history, outbox });
}
const refused = (kind: DomainError['kind'], run: () => Promise<unknown>) => assertRefused(kind, run, snapshot);

/** A holder with a number assigned through the workflow (so with a history row) and calling on. */
async function holderWithNumber(accountId: string) {
  const user = await makeUser(prisma, accountId);
  const number = await makePhoneNumber(prisma);
  await assignPhoneNumber(admin, { accountId, userId: user.id, phoneNumberId: number.id, userVersion: 1 });
  await editTelephonyPermissions(admin, {
    accountId,
    userId: user.id,
    version: 2,
    inboundCalling: true,
    outboundCalling: false,
    sms: true,
  });
  return { user, number };
}

/** The form as the confirmation page renders it now: everyone's current versions. */
async function moveForm(from: { id: string; accountId: string }, to: { id: string; accountId: string }, numberId: string) {
  const [f, t, n] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: from.id } }),
    prisma.user.findUniqueOrThrow({ where: { id: to.id } }),
    prisma.phoneNumber.findUniqueOrThrow({ where: { id: numberId } }),
  ]);
  return {
    accountId: from.accountId,
    userId: from.id,
    version: f.version,
    phoneNumberId: numberId,
    numberVersion: n.version,
    toAccountId: to.accountId,
    toUserId: to.id,
    toUserVersion: t.version,
  } satisfies MoveInput;
}

const audit = (where: { userId?: string; phoneNumberId?: string }) =>
  prisma.auditEvent.findMany({
    where: { ...where, action: 'move-phone-number' },
    orderBy: { seq: 'asc' },
    select: { outcome: true, userId: true, adminId: true, before: true, after: true },
  });

describe('move phone number', () => {
  test('moves the number: old holder loses it and its permissions, new holder gets it with all off; history, audit and emails', async () => {
    const account = await makeAccount(prisma);
    const { user: from, number } = await holderWithNumber(account.id);
    const to = await makeUser(prisma, account.id, { inboundCalling: true });
    const form = await moveForm(from, to, number.id);

    const result = await movePhoneNumber(admin, { ...form, notifyUser: true, notifyNewUser: true });
    assert.deepEqual(result, {
      fromName: from.fullName,
      toName: to.fullName,
      e164: number.e164,
      permissions: { inboundCalling: false, outboundCalling: false, sms: false },
      keptPermissions: false,
      preset: null,
      repeated: false,
      notified: 2,
    });

    const n = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
    assert.deepEqual([n.status, n.userId, n.accountId], ['Assigned', to.id, account.id]);
    const [f, t] = await Promise.all([
      prisma.user.findUniqueOrThrow({ where: { id: from.id } }),
      prisma.user.findUniqueOrThrow({ where: { id: to.id } }),
    ]);
    assert.deepEqual([f.inboundCalling, f.outboundCalling, f.sms, f.version], [false, false, false, form.version + 1]);
    assert.deepEqual([t.inboundCalling, t.outboundCalling, t.sms, t.version], [false, false, false, form.toUserVersion + 1]);
    const history = await prisma.assignmentHistory.findMany({ where: { phoneNumberId: number.id }, orderBy: { assignedAt: 'asc' } });
    assert.deepEqual(
      history.map((h) => [h.userId, h.unassignedAt !== null, h.unassignedById]),
      [
        [from.id, true, admin.id],
        [to.id, false, null],
      ],
    );
    assert.deepEqual(await audit({ phoneNumberId: number.id }), [
      {
        outcome: 'Done',
        userId: from.id,
        adminId: admin.id,
        before: { phoneNumber: number.e164, inboundCalling: true, outboundCalling: false, sms: true },
        after: { phoneNumber: null, inboundCalling: false, outboundCalling: false, sms: false },
      },
      {
        outcome: 'Done',
        userId: to.id,
        adminId: admin.id,
        before: { phoneNumber: null, inboundCalling: true, outboundCalling: false, sms: false },
        after: { phoneNumber: number.e164, inboundCalling: false, outboundCalling: false, sms: false },
      },
    ]);
    const mail = await prisma.outboxMessage.findMany({ where: { userId: { in: [from.id, to.id] } }, orderBy: { to: 'asc' } });
    assert.deepEqual(
      mail.map((m) => [m.userId, m.kind]).sort(),
      [
        [from.id, 'Unassigned'],
        [to.id, 'Assigned'],
      ].sort(),
    );

    // The same form again (a double click, a replay): nothing happens twice.
    const again = await movePhoneNumber(admin, { ...form, notifyUser: true, notifyNewUser: true });
    assert.equal(again.repeated, true);
    assert.equal((await audit({ phoneNumberId: number.id })).length, 2);
    assert.equal(await prisma.assignmentHistory.count({ where: { phoneNumberId: number.id } }), 2);
  });

  test('keeping permissions gives the new holder the old holder’s inbound, outbound and SMS; no email unless asked', async () => {
    const account = await makeAccount(prisma);
    const { user: from, number } = await holderWithNumber(account.id);
    const to = await makeUser(prisma, account.id);
    const result = await movePhoneNumber(admin, { ...(await moveForm(from, to, number.id)), keepPermissions: true });
    assert.deepEqual(result.permissions, { inboundCalling: true, outboundCalling: false, sms: true });
    assert.equal(result.notified, 0);
    const t = await prisma.user.findUniqueOrThrow({ where: { id: to.id } });
    assert.deepEqual([t.inboundCalling, t.outboundCalling, t.sms], [true, false, true]);
    const f = await prisma.user.findUniqueOrThrow({ where: { id: from.id } });
    assert.deepEqual([f.inboundCalling, f.outboundCalling, f.sms], [false, false, false]);
    assert.deepEqual((await audit({ userId: to.id }))[0]!.after, {
      phoneNumber: number.e164,
      inboundCalling: true,
      outboundCalling: false,
      sms: true,
    });
    assert.equal(await prisma.outboxMessage.count({ where: { userId: { in: [from.id, to.id] } } }), 0);
  });

  test('conflicts: the number, the old holder or the new holder changed since the form; each refused once, nothing changed', async () => {
    const account = await makeAccount(prisma);
    const { user: from, number } = await holderWithNumber(account.id);
    const to = await makeUser(prisma, account.id);
    const stale = await moveForm(from, to, number.id);

    // The old holder changed (their permissions were edited).
    await editTelephonyPermissions(admin, {
      accountId: account.id,
      userId: from.id,
      version: stale.version,
      inboundCalling: false,
      outboundCalling: true,
      sms: false,
    });
    let err = await refused('conflict', () => movePhoneNumber(admin, stale));
    assert.match(err.message, /^Someone else changed .* while you were choosing\. .*nothing was changed\.$/);

    // The number changed (its calling name, say: its version moved on).
    const fresh = await moveForm(from, to, number.id);
    await prisma.phoneNumber.update({ where: { id: number.id }, data: { callingName: 'Front desk', version: { increment: 1 } } });
    err = await refused('conflict', () => movePhoneNumber(admin, fresh));
    assert.match(err.message, /^Someone else changed/);

    // The number went to someone else meanwhile: it is no longer the old holder's.
    const third = await makeUser(prisma, account.id);
    const before = await moveForm(from, to, number.id);
    await movePhoneNumber(admin, await moveForm(from, third, number.id));
    err = await refused('conflict', () => movePhoneNumber(admin, before));
    assert.match(err.message, new RegExp(`is no longer ${from.fullName}’s number`));

    // The new holder got a number meanwhile.
    const form = await moveForm(third, to, number.id);
    const other = await makePhoneNumber(prisma);
    await assignPhoneNumber(admin, { accountId: account.id, userId: to.id, phoneNumberId: other.id, userVersion: form.toUserVersion });
    err = await refused('conflict', () => movePhoneNumber(admin, form));
    assert.match(err.message, new RegExp(`${to.fullName} already has the phone number`));

    // The new holder was suspended meanwhile.
    const fourth = await makeUser(prisma, account.id);
    const toSuspended = await moveForm(third, fourth, number.id);
    await suspendUser(admin, { accountId: account.id, userId: fourth.id, version: toSuspended.toUserVersion });
    err = await refused('invalid', () => movePhoneNumber(admin, toSuspended));
    assert.equal(err.message, `${fourth.fullName} is suspended. Unsuspend them first.`);

    assert.deepEqual(
      (await audit({ phoneNumberId: number.id })).map((a) => a.outcome),
      ['Conflict', 'Conflict', 'Done', 'Done', 'Conflict', 'Conflict', 'Invalid'],
    );
  });

  test('another account’s admin and a read-only admin are refused and audited; the number cannot go to the same user', async () => {
    const account = await makeAccount(prisma);
    const elsewhere = await makeAccount(prisma);
    const { user: from, number } = await holderWithNumber(account.id);
    const to = await makeUser(prisma, account.id);
    const form = await moveForm(from, to, number.id);
    const otherAdmin = await sessionFor((await makeAdmin(prisma, { accountIds: [elsewhere.id] })).id);
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    await refused('not-found', () => movePhoneNumber(otherAdmin, form));
    await refused('denied', () => movePhoneNumber(viewer, form));
    // Nor to a user of an account the admin does not administer, whatever the form says.
    const stranger = await makeUser(prisma, elsewhere.id);
    const scoped = await sessionFor((await makeAdmin(prisma, { accountIds: [account.id] })).id);
    await refused('not-found', () =>
      movePhoneNumber(scoped, { ...form, toAccountId: elsewhere.id, toUserId: stranger.id, toUserVersion: 1 }),
    );
    const err = await refused('invalid', () => movePhoneNumber(admin, { ...form, toUserId: from.id, toUserVersion: form.version }));
    assert.equal(err.field, 'toUserId');
    assert.deepEqual(
      (await audit({ phoneNumberId: number.id })).map((a) => [a.outcome, a.adminId]),
      [
        ['Denied', otherAdmin.id],
        ['Denied', viewer.id],
        ['Denied', scoped.id],
        ['Invalid', admin.id],
      ],
    );
  });

  test('50 moves at once of one number, or to one user: one holder per number, one number per user, history and audit consistent', async () => {
    const account = await makeAccount(prisma);
    // 25 moves of one number to 25 different users, and 25 moves of 25 numbers to one user.
    const shared = await holderWithNumber(account.id);
    const candidates = await Promise.all(Array.from({ length: 25 }, () => makeUser(prisma, account.id)));
    const holders = [];
    for (let i = 0; i < 25; i++) holders.push(await holderWithNumber(account.id));
    const target = await makeUser(prisma, account.id);
    const forms = [
      ...(await Promise.all(candidates.map((c) => moveForm(shared.user, c, shared.number.id)))),
      ...(await Promise.all(holders.map((h) => moveForm(h.user, target, h.number.id)))),
    ];
    const results = await Promise.allSettled(forms.map((f, i) => movePhoneNumber(admin, { ...f, keepPermissions: i % 2 === 0 })));

    for (const r of results) {
      if (r.status === 'rejected') assert.ok(r.reason instanceof DomainError && r.reason.kind === 'conflict', String(r.reason));
    }
    const won = results.map((r, i) => (r.status === 'fulfilled' ? i : -1)).filter((i) => i >= 0);
    assert.equal(won.filter((i) => i < 25).length, 1, 'the shared number moved once');
    assert.equal(won.filter((i) => i >= 25).length, 1, 'the one user got one number');

    const userIds = [shared.user.id, target.id, ...candidates.map((c) => c.id), ...holders.map((h) => h.user.id)];
    const numberIds = [shared.number.id, ...holders.map((h) => h.number.id)];
    const numbers = await prisma.phoneNumber.findMany({ where: { id: { in: numberIds } } });
    const users = await prisma.user.findMany({ where: { id: { in: userIds } }, include: { phoneNumber: { select: { id: true } } } });
    const openHistory = await prisma.assignmentHistory.findMany({ where: { phoneNumberId: { in: numberIds }, unassignedAt: null } });
    // Every number still held by exactly one user, with exactly one open history row naming them.
    for (const n of numbers) {
      assert.equal(n.status, 'Assigned');
      assert.ok(n.userId);
      assert.deepEqual(
        openHistory.filter((h) => h.phoneNumberId === n.id).map((h) => h.userId),
        [n.userId],
      );
    }
    assert.equal(new Set(numbers.map((n) => n.userId)).size, numbers.length, 'no user holds two numbers');
    assert.equal(users.filter((u) => u.phoneNumber).length, numbers.length);
    // Each applied change audited exactly once: every user's version is 1 plus their Done rows.
    const done = await prisma.auditEvent.groupBy({ by: ['userId'], where: { userId: { in: userIds }, outcome: 'Done' }, _count: true });
    const doneFor = new Map(done.map((d) => [d.userId, d._count]));
    for (const u of users) assert.equal(u.version, 1 + (doneFor.get(u.id) ?? 0), `${u.fullName}'s version matches their audited changes`);
    const moves = await prisma.auditEvent.groupBy({
      by: ['outcome'],
      where: { phoneNumberId: { in: numberIds }, action: 'move-phone-number' },
      _count: true,
    });
    assert.deepEqual(Object.fromEntries(moves.map((m) => [m.outcome, m._count])), { Done: 4, Conflict: 48 });
    // A user who lost a number has nothing left on; one who holds one has a history row for it.
    for (const u of users) {
      if (!u.phoneNumber) assert.deepEqual([u.inboundCalling, u.outboundCalling, u.sms], [false, false, false]);
    }
  });
});

describe('move phone number with a permission preset', () => {
  test('the new holder gets the preset’s permissions, named in their audit row; keeping the old holder’s as well is refused', async () => {
    const account = await makeAccount(prisma);
    const { user: from, number } = await holderWithNumber(account.id);
    const to = await makeUser(prisma, account.id);
    const preset = await createPermissionPreset(admin, {
      accountId: account.id,
      name: 'Calling only',
      inboundCalling: true,
      outboundCalling: true,
      sms: false,
    });
    const form = await moveForm(from, to, number.id);
    await refused('invalid', () =>
      movePhoneNumber(admin, { ...form, keepPermissions: true, permissionPreset: { presetId: preset.id, version: preset.version } }),
    );
    const moved = await movePhoneNumber(admin, { ...form, permissionPreset: { presetId: preset.id, version: preset.version } });
    assert.deepEqual(
      [moved.preset?.name, moved.permissions],
      ['Calling only', { inboundCalling: true, outboundCalling: true, sms: false }],
    );
    const now = await prisma.user.findUniqueOrThrow({ where: { id: to.id } });
    assert.deepEqual([now.inboundCalling, now.outboundCalling, now.sms], [true, true, false]);
    const [row] = await audit({ userId: to.id });
    assert.deepEqual(row?.after, {
      phoneNumber: number.e164,
      inboundCalling: true,
      outboundCalling: true,
      sms: false,
      permissionPreset: 'Calling only',
    });
  });

  test('a preset changed since the form was shown refuses the whole move', async () => {
    const account = await makeAccount(prisma);
    const { user: from, number } = await holderWithNumber(account.id);
    const to = await makeUser(prisma, account.id);
    const preset = await createPermissionPreset(admin, {
      accountId: account.id,
      name: 'Everything',
      inboundCalling: true,
      outboundCalling: true,
      sms: true,
    });
    const form = await moveForm(from, to, number.id);
    await refused('conflict', () =>
      movePhoneNumber(admin, { ...form, permissionPreset: { presetId: preset.id, version: preset.version + 1 } }),
    );
    assert.equal((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } })).userId, from.id, 'still the old holder’s');
  });
});
