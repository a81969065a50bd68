import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueSuffix } from '@/lib/test/factories';
import { assertRefused } from '@/lib/test/refused';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { assignPhoneNumber, editTelephonyPermissions } from '@/lib/telephony/telephony';
import { addUser, changeUserLicense, editUser, removeUser, suspendUser, unsuspendUser } from './user-changes';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
let viewer: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
  viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
});

/** Everything a user change could touch but the audit log, which a refusal appends to. */
async function snapshot() {
  const [users, numbers, history, outbox] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: 'asc' } }),
    prisma.phoneNumber.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignmentHistory.findMany({ orderBy: { id: 'asc' } }),
    prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ users, numbers, history, outbox }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
const refused = (kind: DomainError['kind'], run: () => Promise<unknown>) => assertRefused(kind, run, snapshot);

async function auditFor(where: { userId?: string; accountId?: string; phoneNumberId?: string; action?: string }) {
  return prisma.auditEvent.findMany({
    where,
    orderBy: { seq: 'asc' },
    select: { action: true, outcome: true, adminId: true, phoneNumberId: true, before: true, after: true, detail: true },
  });
}
const userRow = (id: string) => prisma.user.findUniqueOrThrow({ where: { id } });
/** An admin of one other account only. */
const outsider = async () => sessionFor((await makeAdmin(prisma, { accountIds: [(await makeAccount(prisma)).id] })).id);

describe('add user', () => {
  test('adds the user with the account’s default licence, cleans name and email, queues the invitation in the same change', async () => {
    const account = await makeAccount(prisma);
    await prisma.account.update({ where: { id: account.id }, data: { defaultLicense: 'Basic' } });
    const tag = uniqueSuffix();
    const result = await addUser(admin, {
      accountId: account.id,
      fullName: '  Jane\u200B \u202EDoe\u202C  ',
      email: `  Jane.Doe-${tag}@Example.COM `,
      userType: 'PrivateUser',
    });
    const email = `jane.doe-${tag}@example.com`;
    assert.deepEqual(result, { id: result.id, fullName: 'Jane Doe', email, notified: true });

    const user = await userRow(result.id);
    assert.deepEqual(
      [user.accountId, user.fullName, user.email, user.activeEmail, user.userType, user.license],
      [account.id, 'Jane Doe', email, email, 'PrivateUser', 'Basic'],
    );
    assert.deepEqual([user.registrationStatus, user.invitationStatus, user.version, user.removedAt], ['Unregistered', 'Pending', 1, null]);
    const outbox = await prisma.outboxMessage.findMany({ where: { userId: user.id } });
    assert.equal(outbox.length, 1);
    assert.deepEqual([outbox[0]!.kind, outbox[0]!.to, outbox[0]!.status, outbox[0]!.adminId], ['Invitation', email, 'Pending', admin.id]);
    assert.match(outbox[0]!.subject, new RegExp(`invited to ${account.name}`));
    assert.match(outbox[0]!.text, /Hello Jane Doe,/);
    assert.deepEqual(await auditFor({ userId: user.id }), [
      {
        action: 'add-user',
        outcome: 'Done',
        adminId: admin.id,
        phoneNumberId: null,
        before: null,
        after: { fullName: 'Jane Doe', email, userType: 'PrivateUser', license: 'Basic' },
        detail: null,
      },
    ]);

    // A licence chosen on the form wins over the default.
    const pro = await addUser(admin, {
      accountId: account.id,
      fullName: 'Pro User',
      email: `pro-${tag}@example.com`,
      userType: 'SharedDevice',
      license: 'Pro',
    });
    assert.deepEqual([(await userRow(pro.id)).license, (await userRow(pro.id)).userType], ['Pro', 'SharedDevice']);
  });

  test('an email is unique among the account’s present users, whatever its case; another account may have it; a removed user’s comes back', async () => {
    const account = await makeAccount(prisma);
    const other = await makeAccount(prisma);
    const email = `taken-${uniqueSuffix()}@example.com`;
    const first = await addUser(admin, { accountId: account.id, fullName: 'First', email, userType: 'PrivateUser' });

    const err = await refused('invalid', () =>
      addUser(admin, { accountId: account.id, fullName: 'Second', email: ` ${email.toUpperCase()} `, userType: 'PrivateUser' }),
    );
    assert.equal(err.field, 'email');
    assert.match(err.message, new RegExp(`${email} is already the email address of a user in ${account.name}`));
    assert.deepEqual(
      (await auditFor({ accountId: account.id, action: 'add-user' })).map((a) => a.outcome),
      ['Done', 'Invalid'],
    );

    const elsewhere = await addUser(admin, { accountId: other.id, fullName: 'Elsewhere', email, userType: 'PrivateUser' });
    assert.equal((await userRow(elsewhere.id)).email, email);

    await removeUser(admin, { accountId: account.id, userId: first.id, version: 1 });
    const again = await addUser(admin, {
      accountId: account.id,
      fullName: 'First Again',
      email: email.toUpperCase(),
      userType: 'PrivateUser',
    });
    assert.notEqual(again.id, first.id);
    const both = await prisma.user.findMany({ where: { accountId: account.id, email }, orderBy: { createdAt: 'asc' } });
    assert.deepEqual(
      both.map((u) => [u.id, u.activeEmail]),
      [
        [first.id, null],
        [again.id, email],
      ],
    );
  });

  test('two admins adding the same address at once: one user, the other told on the email field', async () => {
    const account = await makeAccount(prisma);
    const email = `race-${uniqueSuffix()}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        addUser(admin, { accountId: account.id, fullName: `Racer ${i}`, email, userType: 'PrivateUser' }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      if (r.status === 'rejected') assert.ok(r.reason instanceof DomainError && r.reason.field === 'email', String(r.reason));
    }
    assert.equal(await prisma.user.count({ where: { accountId: account.id } }), 1);
    assert.equal(await prisma.outboxMessage.count({ where: { accountId: account.id } }), 1);
  });

  test('refused for a read-only admin, an admin of another account, and a bad name or email; nothing is added', async () => {
    const account = await makeAccount(prisma);
    const valid = {
      accountId: account.id,
      fullName: 'Nobody',
      email: `nobody-${uniqueSuffix()}@example.com`,
      userType: 'PrivateUser' as const,
    };
    await refused('denied', () => addUser(viewer, valid));
    const err = await refused('not-found', () => addUser(admin, { ...valid, accountId: 'no-such-account' }));
    assert.match(err.message, /does not exist, or you do not administer it/);
    await refused('not-found', async () => addUser(await outsider(), valid));
    for (const [field, bad] of [
      ['fullName', { fullName: '\u200B\u202E  ' }],
      ['fullName', { fullName: 'x'.repeat(201) }],
      ['email', { email: 'not an email' }],
      ['email', { email: 'jane @example.com' }],
    ] as const) {
      const e = await refused('invalid', () => addUser(admin, { ...valid, ...bad }));
      assert.equal(e.field, field, e.message);
    }
    assert.equal(await prisma.user.count({ where: { accountId: account.id } }), 0);
  });
});

describe('edit user', () => {
  test('saves name, email (both email and active email), type and licence, and bumps the version; a stale form is a conflict', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id, { fullName: 'Old Name' });
    const email = `new-${uniqueSuffix()}@example.com`;
    const edit = {
      accountId: account.id,
      userId: user.id,
      fullName: 'New Name',
      email: ` ${email.toUpperCase()}`,
      userType: 'SharedDevice',
      license: 'Plus',
    } as const;
    assert.deepEqual(await editUser(admin, { ...edit, version: 1 }), { fullName: 'New Name', changed: true });
    const saved = await userRow(user.id);
    assert.deepEqual(
      [saved.fullName, saved.email, saved.activeEmail, saved.userType, saved.license, saved.version],
      ['New Name', email, email, 'SharedDevice', 'Plus', 2],
    );
    const [row] = await auditFor({ userId: user.id });
    assert.deepEqual(row?.before, { fullName: 'Old Name', email: user.email, userType: 'PrivateUser', license: 'Pro' });
    assert.deepEqual(row?.after, { fullName: 'New Name', email, userType: 'SharedDevice', license: 'Plus' });

    // The same save again (a replay) changes nothing; another change from the old form is refused.
    assert.deepEqual(await editUser(admin, { ...edit, version: 1 }), { fullName: 'New Name', changed: false });
    const err = await refused('conflict', () => editUser(admin, { ...edit, version: 1, fullName: 'Third Name' }));
    assert.match(err.message, /^Someone else changed New Name while you were looking at this page\. Nothing was changed/);
    assert.deepEqual(
      (await auditFor({ userId: user.id })).map((a) => a.outcome),
      ['Done', 'Conflict'],
    );
  });

  test('another present user’s email is refused on the field; a removed user’s is not', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const other = await makeUser(prisma, account.id);
    const gone = await makeUser(prisma, account.id);
    await removeUser(admin, { accountId: account.id, userId: gone.id, version: 1 });
    const edit = {
      accountId: account.id,
      userId: user.id,
      version: 1,
      fullName: user.fullName,
      userType: 'PrivateUser',
      license: 'Pro',
    } as const;
    const err = await refused('invalid', () => editUser(admin, { ...edit, email: other.email.toUpperCase() }));
    assert.equal(err.field, 'email');
    await editUser(admin, { ...edit, email: gone.email });
    assert.equal((await userRow(user.id)).activeEmail, gone.email);
  });

  test('concurrent saves from forms of the same version: exactly one, the others told someone else changed the user', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        editUser(admin, {
          accountId: account.id,
          userId: user.id,
          version: 1,
          fullName: `Name ${i}`,
          email: user.email,
          userType: 'PrivateUser',
          license: 'Pro',
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      // Lost at the write, or (a save that began after the winner committed) seen stale at the read.
      if (r.status === 'rejected')
        assert.match(String(r.reason), /Someone else changed .+ (a moment ago|while you were looking at this page)\. Nothing was changed/);
    }
    assert.equal((await userRow(user.id)).version, 2);
    assert.deepEqual((await auditFor({ userId: user.id })).map((a) => a.outcome).sort(), [
      'Conflict',
      'Conflict',
      'Conflict',
      'Conflict',
      'Conflict',
      'Conflict',
      'Conflict',
      'Conflict',
      'Conflict',
      'Done',
    ]);
  });

  test('refused for a read-only admin, an admin of another account, and a removed user', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const edit = {
      accountId: account.id,
      userId: user.id,
      version: 1,
      fullName: 'Changed',
      email: user.email,
      userType: 'PrivateUser',
      license: 'Pro',
    } as const;
    await refused('denied', () => editUser(viewer, edit));
    await refused('not-found', async () => editUser(await outsider(), edit));
    await removeUser(admin, { accountId: account.id, userId: user.id, version: 1 });
    const err = await refused('conflict', () => editUser(admin, { ...edit, version: 2 }));
    assert.match(err.message, /was removed on .+, so they cannot be changed\. Nothing was changed\./);
  });
});

describe('suspend and unsuspend', () => {
  test('suspending keeps the number and turns calling and SMS off; nothing can be turned on or assigned until unsuspended', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id, { inboundCalling: true, outboundCalling: true, sms: true });
    const number = await makePhoneNumber(prisma, { user });
    const target = { accountId: account.id, userId: user.id };

    assert.deepEqual(await suspendUser(admin, { ...target, version: 1 }), { fullName: user.fullName, e164: number.e164, repeated: false });
    const suspended = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { phoneNumber: true } });
    assert.deepEqual(
      [suspended.registrationStatus, suspended.inboundCalling, suspended.outboundCalling, suspended.sms, suspended.version],
      ['Suspended', false, false, false, 2],
    );
    assert.deepEqual([suspended.phoneNumber?.id, suspended.phoneNumber?.status], [number.id, 'Assigned']);
    assert.ok(suspended.telephonyChangedAt, 'their app learns of calling going off at its next sign-in');
    // A replay (or a second admin doing the same) is harmless.
    assert.equal((await suspendUser(admin, { ...target, version: 1 })).repeated, true);

    const err = await refused('invalid', () =>
      editTelephonyPermissions(admin, { ...target, version: 2, inboundCalling: true, outboundCalling: false, sms: false }),
    );
    assert.equal(err.message, `${user.fullName} is suspended. Unsuspend them first.`);

    // Never signed in: back to Unregistered. Permissions stay off.
    assert.deepEqual(await unsuspendUser(admin, { ...target, version: 2 }), {
      fullName: user.fullName,
      e164: number.e164,
      repeated: false,
    });
    const back = await userRow(user.id);
    assert.deepEqual(
      [back.registrationStatus, back.inboundCalling, back.outboundCalling, back.sms, back.version],
      ['Unregistered', false, false, false, 3],
    );
    assert.equal((await unsuspendUser(admin, { ...target, version: 2 })).repeated, true);

    assert.deepEqual(
      (await auditFor({ userId: user.id })).map((a) => [a.action, a.outcome, a.phoneNumberId, a.before, a.after]),
      [
        [
          'suspend-user',
          'Done',
          number.id,
          { registrationStatus: 'Unregistered', inboundCalling: true, outboundCalling: true, sms: true },
          { registrationStatus: 'Suspended', inboundCalling: false, outboundCalling: false, sms: false },
        ],
        ['edit-telephony-permissions', 'Invalid', number.id, null, { inboundCalling: true, outboundCalling: false, sms: false }],
        ['unsuspend-user', 'Done', number.id, { registrationStatus: 'Suspended' }, { registrationStatus: 'Unregistered' }],
      ],
    );
  });

  test('a suspended user without a number cannot be given one; one who has signed in is Registered again', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    await prisma.user.update({ where: { id: user.id }, data: { registrationStatus: 'Registered', lastSignInAt: new Date() } });
    const target = { accountId: account.id, userId: user.id };
    await suspendUser(admin, { ...target, version: 1 });
    const free = await makePhoneNumber(prisma);
    const err = await refused('invalid', () => assignPhoneNumber(admin, { ...target, phoneNumberId: free.id, userVersion: 2 }));
    assert.match(err.message, /is suspended\. Unsuspend them first\./);
    await unsuspendUser(admin, { ...target, version: 2 });
    assert.equal((await userRow(user.id)).registrationStatus, 'Registered');
    await assignPhoneNumber(admin, { ...target, phoneNumberId: free.id, userVersion: 3 });
  });

  test('a stale form, a read-only admin, an admin of another account and a removed user are refused', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const target = { accountId: account.id, userId: user.id };
    await editUser(admin, {
      ...target,
      version: 1,
      fullName: 'Renamed Meanwhile',
      email: user.email,
      userType: 'PrivateUser',
      license: 'Pro',
    });
    const err = await refused('conflict', () => suspendUser(admin, { ...target, version: 1 }));
    assert.match(err.message, /^Someone else changed Renamed Meanwhile while you were looking at this page\. Nothing was changed/);
    await refused('denied', () => suspendUser(viewer, { ...target, version: 2 }));
    await refused('not-found', async () => suspendUser(await outsider(), { ...target, version: 2 }));
    await suspendUser(admin, { ...target, version: 2 });
    await refused('denied', () => unsuspendUser(viewer, { ...target, version: 3 }));
    await refused('not-found', async () => unsuspendUser(await outsider(), { ...target, version: 3 }));
    await removeUser(admin, { ...target, version: 3 });
    await refused('conflict', () => suspendUser(admin, { ...target, version: 4 }));
    await refused('conflict', () => unsuspendUser(admin, { ...target, version: 4 }));
  });
});

describe('change licence', () => {
  test('changes the licence; a replay is harmless; stale, read-only, another account and removed are refused', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const target = { accountId: account.id, userId: user.id };
    assert.deepEqual(await changeUserLicense(admin, { ...target, version: 1, license: 'Basic' }), {
      fullName: user.fullName,
      repeated: false,
    });
    assert.deepEqual([(await userRow(user.id)).license, (await userRow(user.id)).version], ['Basic', 2]);
    assert.equal((await changeUserLicense(admin, { ...target, version: 1, license: 'Basic' })).repeated, true);
    await refused('conflict', () => changeUserLicense(admin, { ...target, version: 1, license: 'Plus' }));
    await refused('invalid', () => changeUserLicense(admin, { ...target, version: 2, license: 'Gold' as never }));
    await refused('denied', () => changeUserLicense(viewer, { ...target, version: 2, license: 'Plus' }));
    await refused('not-found', async () => changeUserLicense(await outsider(), { ...target, version: 2, license: 'Plus' }));
    await removeUser(admin, { ...target, version: 2 });
    await refused('conflict', () => changeUserLicense(admin, { ...target, version: 3, license: 'Plus' }));
    assert.deepEqual(
      (await auditFor({ userId: user.id, action: 'change-user-license' })).map((a) => [a.outcome, a.before, a.after]),
      [
        ['Done', { license: 'Pro' }, { license: 'Basic' }],
        ['Conflict', null, { license: 'Plus' }],
        ['Invalid', null, null],
        ['Denied', null, null], // read-only: refused before anything is read
        ['Denied', null, { license: 'Plus' }], // another account's admin
        ['Conflict', null, { license: 'Plus' }],
      ],
    );
  });
});

describe('remove user', () => {
  test('removes softly and gives their number back to the inventory in the same change: history closed, audit names the number', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    const target = { accountId: account.id, userId: user.id };
    await assignPhoneNumber(admin, { ...target, phoneNumberId: number.id, userVersion: 1 });
    await editTelephonyPermissions(admin, { ...target, version: 2, inboundCalling: true, outboundCalling: true, sms: true });
    const invitation = await prisma.outboxMessage.create({
      data: {
        accountId: account.id,
        userId: user.id,
        adminId: admin.id,
        kind: 'Invitation',
        to: user.email,
        subject: 's',
        text: 't',
        html: 'h',
      },
    });

    // A form shown before the permissions changed is stale.
    await refused('conflict', () => removeUser(admin, { ...target, version: 2 }));
    assert.deepEqual(await removeUser(admin, { ...target, version: 3 }), {
      fullName: user.fullName,
      e164: number.e164,
      phoneNumberId: number.id,
      repeated: false,
    });

    const removed = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { phoneNumber: true } });
    assert.ok(removed.removedAt);
    assert.deepEqual(
      [
        removed.removedById,
        removed.email,
        removed.activeEmail,
        removed.inboundCalling,
        removed.outboundCalling,
        removed.sms,
        removed.phoneNumber,
      ],
      [admin.id, user.email, null, false, false, false, null],
    );
    const n = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
    assert.deepEqual([n.status, n.userId, n.accountId, n.assignedAt], ['Unassigned', null, null, null]);
    const history = await prisma.assignmentHistory.findMany({ where: { phoneNumberId: number.id } });
    assert.equal(history.length, 1);
    assert.ok(history[0]!.unassignedAt);
    assert.equal(history[0]!.unassignedById, admin.id);
    // The invitation that had not gone yet will not go to someone no longer in the account.
    assert.equal((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: invitation.id } })).status, 'Failed');

    const events = await auditFor({ userId: user.id });
    assert.deepEqual(
      events.map((a) => `${a.action} ${a.outcome}`),
      ['assign-phone-number Done', 'edit-telephony-permissions Done', 'remove-user Conflict', 'remove-user Done'],
    );
    const done = events.at(-1)!;
    assert.equal(done.phoneNumberId, number.id);
    assert.deepEqual(done.before, {
      fullName: user.fullName,
      email: user.email,
      phoneNumber: number.e164,
      inboundCalling: true,
      outboundCalling: true,
      sms: true,
    });
    assert.deepEqual(done.after, { removed: true, phoneNumber: null, inboundCalling: false, outboundCalling: false, sms: false });
    assert.match(done.detail ?? '', /went back to the inventory as Unassigned/);
    // The number's own trail has it too.
    assert.ok((await auditFor({ phoneNumberId: number.id })).some((a) => a.action === 'remove-user' && a.outcome === 'Done'));

    // Removing again (a replay) changes nothing; nothing can be assigned to them any more.
    assert.deepEqual(await removeUser(admin, { ...target, version: 3 }), {
      fullName: user.fullName,
      e164: null,
      phoneNumberId: null,
      repeated: true,
    });
    const err = await refused('not-found', () => assignPhoneNumber(admin, { ...target, phoneNumberId: number.id, userVersion: 4 }));
    assert.match(err.message, /does not exist/);
    await refused('not-found', () =>
      editTelephonyPermissions(admin, { ...target, version: 4, inboundCalling: false, outboundCalling: false, sms: false }),
    );
    assert.equal((await auditFor({ userId: user.id, action: 'remove-user' })).length, 2);
  });

  test('refused for a read-only admin and an admin of another account', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    await makePhoneNumber(prisma, { user });
    await refused('denied', () => removeUser(viewer, { accountId: account.id, userId: user.id, version: 1 }));
    await refused('not-found', async () => removeUser(await outsider(), { accountId: account.id, userId: user.id, version: 1 }));
  });
});

describe('50 concurrent removals and assignments over several users', () => {
  test('the database stays consistent: no number or open history row for a removed user, every change audited once', async () => {
    const account = await makeAccount(prisma);
    const users = await Promise.all(Array.from({ length: 10 }, () => makeUser(prisma, account.id)));
    const numbers = await Promise.all(Array.from({ length: 15 }, () => makePhoneNumber(prisma)));
    const auditFrom = (await prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    // Each operation starts a few database round trips after the last (so that some assignments
    // are made before a removal reads the user, and some after), reads the user's version as a
    // freshly shown form would, then acts on it.
    const versionOf = async (userId: string, trips: number) => {
      for (let k = 0; k < trips; k++) await prisma.$queryRaw`select 1`;
      return (await userRow(userId)).version;
    };
    const ops = Array.from({ length: 50 }, (_, i) => {
      const user = users[i % users.length]!;
      const target = { accountId: account.id, userId: user.id };
      return i % 3 === 0
        ? {
            kind: 'remove' as const,
            run: async () => removeUser(admin, { ...target, version: await versionOf(user.id, 2 + ((i * 5) % 9)) }),
          }
        : {
            kind: 'assign' as const,
            run: async () =>
              assignPhoneNumber(admin, {
                ...target,
                phoneNumberId: numbers[i % numbers.length]!.id,
                userVersion: await versionOf(user.id, i % 3),
              }),
          };
    });
    const results = await Promise.allSettled(ops.map((op) => op.run()));

    // Every refusal is one the admin can read (never a deadlock or a server error).
    for (const r of results) {
      if (r.status === 'rejected') assert.ok(r.reason instanceof DomainError, String(r.reason));
    }
    const made = (kind: 'remove' | 'assign') =>
      results.filter((r, i) => ops[i]!.kind === kind && r.status === 'fulfilled' && !(r.value as { repeated: boolean }).repeated).length;
    const refusedCount = results.filter((r) => r.status === 'rejected').length;

    const after = await prisma.user.findMany({
      where: { accountId: account.id },
      select: { id: true, removedAt: true, activeEmail: true, inboundCalling: true, outboundCalling: true, sms: true },
    });
    const removedIds = after.filter((u) => u.removedAt).map((u) => u.id);
    assert.ok(removedIds.length > 0, 'some removals won');
    assert.equal(await prisma.phoneNumber.count({ where: { userId: { in: removedIds } } }), 0, 'no number points at a removed user');
    assert.equal(
      await prisma.assignmentHistory.count({ where: { userId: { in: removedIds }, unassignedAt: null } }),
      0,
      'no open history row for a removed user',
    );
    for (const u of after.filter((u) => u.removedAt))
      assert.deepEqual([u.activeEmail, u.inboundCalling, u.outboundCalling, u.sms], [null, false, false, false]);

    // Numbers and history agree: an Assigned number has exactly one open row, for its user; the others none.
    const ids = numbers.map((n) => n.id);
    const rows = await prisma.phoneNumber.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, userId: true, accountId: true },
    });
    const open = await prisma.assignmentHistory.findMany({ where: { phoneNumberId: { in: ids }, unassignedAt: null } });
    for (const n of rows) {
      const mine = open.filter((h) => h.phoneNumberId === n.id);
      if (n.status === 'Assigned') {
        assert.equal(n.accountId, account.id);
        assert.deepEqual(
          mine.map((h) => h.userId),
          [n.userId],
        );
      } else {
        assert.deepEqual([n.status, n.userId, n.accountId, mine.length], ['Unassigned', null, null, 0]);
      }
    }

    // Every change made is audited exactly once as Done, every refusal once as a refusal.
    const events = await prisma.auditEvent.findMany({
      where: { seq: { gt: auditFrom }, accountId: account.id, action: { in: ['remove-user', 'assign-phone-number'] } },
      select: { action: true, outcome: true, userId: true },
    });
    const done = (action: string) => events.filter((e) => e.action === action && e.outcome === 'Done');
    assert.equal(done('remove-user').length, made('remove'));
    assert.equal(done('remove-user').length, removedIds.length);
    assert.equal(new Set(done('remove-user').map((e) => e.userId)).size, removedIds.length);
    assert.equal(done('assign-phone-number').length, made('assign'));
    assert.equal(await prisma.assignmentHistory.count({ where: { phoneNumberId: { in: ids } } }), made('assign'));
    assert.equal(events.filter((e) => e.outcome !== 'Done').length, refusedCount);
  });
});

describe('externalId (provisioning)', () => {
  test('addUser and editUser keep it when given and audit it beside the other fields; null clears it; blank is refused', async () => {
    const account = await makeAccount(prisma);
    const email = `ext-${uniqueSuffix()}@example.com`;
    const added = await addUser(admin, {
      accountId: account.id,
      fullName: 'Ext User',
      email,
      userType: 'PrivateUser',
      externalId: 'idp-1',
    });
    assert.equal((await userRow(added.id)).externalId, 'idp-1');
    assert.deepEqual((await auditFor({ userId: added.id, action: 'add-user' }))[0]?.after, {
      fullName: 'Ext User',
      email,
      userType: 'PrivateUser',
      license: 'Pro',
      externalId: 'idp-1',
    });

    const edit = { accountId: account.id, userId: added.id, fullName: 'Ext User', email, userType: 'PrivateUser', license: 'Pro' } as const;
    // Without externalId (the console's form) it is left as it is, and not in the audit row.
    assert.deepEqual(await editUser(admin, { ...edit, version: 1, fullName: 'Ext Renamed' }), { fullName: 'Ext Renamed', changed: true });
    assert.equal((await userRow(added.id)).externalId, 'idp-1');
    assert.deepEqual((await auditFor({ userId: added.id, action: 'edit-user' }))[0]?.after, {
      fullName: 'Ext Renamed',
      email,
      userType: 'PrivateUser',
      license: 'Pro',
    });

    assert.deepEqual(await editUser(admin, { ...edit, fullName: 'Ext Renamed', version: 2, externalId: 'idp-2' }), {
      fullName: 'Ext Renamed',
      changed: true,
    });
    const [, second] = await auditFor({ userId: added.id, action: 'edit-user' });
    assert.deepEqual(
      [second?.before, second?.after].map((v) => (v as { externalId?: unknown }).externalId),
      ['idp-1', 'idp-2'],
    );
    // The same again is no change; null clears it.
    assert.equal((await editUser(admin, { ...edit, fullName: 'Ext Renamed', version: 3, externalId: 'idp-2' })).changed, false);
    await editUser(admin, { ...edit, fullName: 'Ext Renamed', version: 3, externalId: null });
    assert.equal((await userRow(added.id)).externalId, null);

    const err = await refused('invalid', () => editUser(admin, { ...edit, fullName: 'Ext Renamed', version: 4, externalId: '   ' }));
    assert.equal(err.field, 'externalId');
    await refused('invalid', () =>
      addUser(admin, {
        accountId: account.id,
        fullName: 'Long',
        email: `l-${uniqueSuffix()}@example.com`,
        userType: 'PrivateUser',
        externalId: 'x'.repeat(257),
      }),
    );
  });
});
