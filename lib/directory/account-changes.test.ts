import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/kernel/errors';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueSuffix } from '@/lib/test/factories';
import { assertRefused } from '@/lib/test/refused';
import { assignPhoneNumber } from '@/lib/telephony/telephony';
import {
  accountHolds,
  activateAccount,
  createAccount,
  deleteAccount,
  deletionBlocker,
  lockActiveAccount,
  renameAccount,
  suspendAccount,
} from './account-changes';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma, { allAccounts: true })).id);
});

/** Every table an account change could touch, as text: a refusal leaves it exactly as it was. */
async function snapshot() {
  const [accounts, links, users, numbers, history, imports] = await Promise.all([
    prisma.account.findMany({ orderBy: { id: 'asc' } }),
    prisma.adminAccount.findMany({ orderBy: [{ adminId: 'asc' }, { accountId: 'asc' }] }),
    prisma.user.findMany({ orderBy: { id: 'asc' } }),
    prisma.phoneNumber.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignmentHistory.findMany({ orderBy: { id: 'asc' } }),
    prisma.userImport.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ accounts, links, users, numbers, history, imports });
}
const refused = (kind: DomainError['kind'], run: () => Promise<unknown>) => assertRefused(kind, run, snapshot);

const auditFor = (where: { accountId?: string; adminId?: string; action?: string }) =>
  prisma.auditEvent.findMany({
    where,
    orderBy: { seq: 'asc' },
    select: { seq: true, action: true, outcome: true, adminId: true, before: true, after: true, detail: true },
  });

const newName = (label = 'Account') => `${label} ${uniqueSuffix()}`;
const team = { type: 'Team', defaultLicense: 'Pro' } as const;

async function removedUser(accountId: string) {
  const user = await makeUser(prisma, accountId);
  await prisma.user.update({ where: { id: user.id }, data: { removedAt: new Date(), removedById: admin.id, activeEmail: null } });
  return user;
}

describe('create account', () => {
  test('creates an Active account with the cleaned name, its key, type and default licence, and audits it', async () => {
    const base = newName('Acme');
    const created = await createAccount(admin, {
      name: `  ${base.replace(' ', '   ')}\u200B `,
      type: 'EnterpriseOIDC',
      defaultLicense: 'Basic',
    });
    assert.equal(created.name, base);
    const row = await prisma.account.findUniqueOrThrow({ where: { id: created.id } });
    assert.deepEqual(
      { name: row.name, nameKey: row.nameKey, type: row.type, status: row.status, defaultLicense: row.defaultLicense },
      { name: base, nameKey: base.toLowerCase(), type: 'EnterpriseOIDC', status: 'Active', defaultLicense: 'Basic' },
    );
    assert.deepEqual(
      (await auditFor({ accountId: created.id })).map((e) => [e.action, e.outcome, e.adminId, e.after]),
      [['create-account', 'Done', admin.id, { name: base, type: 'EnterpriseOIDC', defaultLicense: 'Basic', status: 'Active' }]],
    );
  });

  test('a name another account has, in any case or disguise, is refused on the name field, naming that account', async () => {
    const existing = await createAccount(admin, { name: newName('Globex Corp'), ...team });
    const n = existing.name;
    const fullWidth = n.replace(/[A-Za-z0-9]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
    for (const disguise of [
      n.toLowerCase(),
      n.toUpperCase(),
      n.replace(/ /g, '   '),
      fullWidth,
      `${n.slice(0, 3)}\u200B${n.slice(3)}`, // zero-width space
      `\u202E${n}`, // right-to-left override
      `\u2067${n}\u2069`, // right-to-left isolate
      `\uFEFF${n}\u200D`,
    ]) {
      const err = await refused('invalid', () => createAccount(admin, { name: disguise, ...team }));
      assert.equal(err.field, 'name', disguise);
      assert.equal(err.message, `An account named “${n}” already exists. Choose another name.`);
    }
    const audit = await auditFor({ adminId: admin.id, action: 'create-account' });
    assert.equal(audit.filter((e) => e.outcome === 'Invalid').length >= 8, true);
  });

  test('markup is kept as text, and is unique like any name; blank, over-long and control characters are refused', async () => {
    const markup = `<img src=x onerror=alert(1)> ${uniqueSuffix()}`;
    const created = await createAccount(admin, { name: markup, ...team });
    assert.equal((await prisma.account.findUniqueOrThrow({ where: { id: created.id } })).name, markup);
    const clash = await refused('invalid', () => createAccount(admin, { name: markup.toUpperCase(), ...team }));
    assert.match(clash.message, /already exists/);
    for (const [name, message] of [
      ['', /Enter the account name/],
      [' \u200B\u202E\u00A0 ', /Enter the account name/],
      ['x'.repeat(101), /100 characters or fewer/],
      [`Null\u0000byte ${uniqueSuffix()}`, /without control characters/],
      [`Bell\u0007 ${uniqueSuffix()}`, /without control characters/],
    ] as const) {
      const err = await refused('invalid', () => createAccount(admin, { name, ...team }));
      assert.match(err.message, message);
      assert.equal(err.field, 'name');
    }
    // 100 characters is allowed, counted after cleaning.
    const hundred = `${uniqueSuffix()}${'y'.repeat(92)}`;
    assert.equal((await createAccount(admin, { name: ` ${hundred}\u200B `, ...team })).name, hundred);
  });

  test('ten admins creating the same name (in different cases) at once: exactly one account', async () => {
    const name = newName('Initech');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => createAccount(admin, { name: i % 2 ? name.toUpperCase() : name, ...team })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      if (r.status === 'rejected') {
        assert.ok(r.reason instanceof DomainError && r.reason.kind === 'invalid', String(r.reason));
        assert.match(r.reason.message, /^An account named “.+” already exists\. Choose another name\.$/i);
      }
    }
    assert.equal(await prisma.account.count({ where: { nameKey: name.toLowerCase() } }), 1);
  });
});

describe('rename', () => {
  test('renames, audits before → after; the own name in another case is allowed; a no-op changes nothing', async () => {
    const account = await createAccount(admin, { name: newName('Umbrella'), ...team });
    const renamed = `${account.name} Ltd`;
    assert.deepEqual(await renameAccount(admin, { accountId: account.id, currentName: account.name, name: renamed }), {
      id: account.id,
      name: renamed,
      repeated: false,
    });
    const upper = renamed.toUpperCase();
    await renameAccount(admin, { accountId: account.id, currentName: renamed, name: upper });
    const row = await prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    assert.deepEqual([row.name, row.nameKey], [upper, renamed.toLowerCase()]);
    // The same name again (a replay, or nothing changed on the form) changes nothing and audits nothing.
    const same = await renameAccount(admin, { accountId: account.id, currentName: upper, name: ` ${upper} ` });
    assert.equal(same.repeated, true);
    assert.deepEqual(
      (await auditFor({ accountId: account.id, action: 'rename-account' })).map((e) => [e.outcome, e.before, e.after]),
      [
        ['Done', { name: account.name }, { name: renamed }],
        ['Done', { name: renamed }, { name: upper }],
      ],
    );
  });

  test('a name another account has is refused; a form shown before someone else renamed it is a conflict', async () => {
    const taken = await createAccount(admin, { name: newName('Hooli'), ...team });
    const account = await createAccount(admin, { name: newName('Pied Piper'), ...team });
    const clash = await refused('invalid', () =>
      renameAccount(admin, { accountId: account.id, currentName: account.name, name: `\u202E${taken.name.toLowerCase()}` }),
    );
    assert.equal(clash.field, 'name');
    assert.equal(clash.message, `An account named “${taken.name}” already exists. Choose another name.`);

    await renameAccount(admin, { accountId: account.id, currentName: account.name, name: `${account.name} A` });
    const stale = await refused('conflict', () =>
      renameAccount(admin, { accountId: account.id, currentName: account.name, name: `${account.name} B` }),
    );
    assert.match(stale.message, new RegExp(`Someone else renamed this account to “${account.name} A”`));
    assert.deepEqual(
      (await auditFor({ accountId: account.id, action: 'rename-account' })).map((e) => e.outcome),
      ['Invalid', 'Done', 'Conflict'],
    );
  });

  test('two renames from the same form at once: exactly one', async () => {
    const account = await createAccount(admin, { name: newName('Vandelay'), ...team });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        renameAccount(admin, { accountId: account.id, currentName: account.name, name: `${account.name} ${i}` }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      if (r.status === 'rejected') assert.ok(r.reason instanceof DomainError && r.reason.kind === 'conflict', String(r.reason));
    }
    assert.equal((await auditFor({ accountId: account.id, action: 'rename-account' })).filter((e) => e.outcome === 'Done').length, 1);
  });
});

describe('suspend and activate', () => {
  test('suspend and activate flip the status once each; a repeat is harmless, says so and audits nothing', async () => {
    const account = await createAccount(admin, { name: newName('Soylent'), ...team });
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma, { user });
    assert.equal((await suspendAccount(admin, { accountId: account.id })).repeated, false);
    assert.equal((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).status, 'Suspended');
    // Users keep their numbers.
    assert.equal((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } })).userId, user.id);
    assert.equal((await suspendAccount(admin, { accountId: account.id })).repeated, true);
    assert.equal((await activateAccount(admin, { accountId: account.id })).repeated, false);
    assert.equal((await activateAccount(admin, { accountId: account.id })).repeated, true);
    assert.equal((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).status, 'Active');
    assert.deepEqual(
      (await auditFor({ accountId: account.id })).slice(1).map((e) => [e.action, e.outcome, e.before, e.after]),
      [
        ['suspend-account', 'Done', { status: 'Active' }, { status: 'Suspended' }],
        ['activate-account', 'Done', { status: 'Suspended' }, { status: 'Active' }],
      ],
    );
  });

  test('twenty suspensions at once: one change, one audit row', async () => {
    const account = await createAccount(admin, { name: newName('Wonka'), ...team });
    const results = await Promise.all(Array.from({ length: 20 }, () => suspendAccount(admin, { accountId: account.id })));
    assert.equal(results.filter((r) => !r.repeated).length, 1);
    assert.equal((await auditFor({ accountId: account.id, action: 'suspend-account' })).length, 1);
  });
});

describe('delete', () => {
  test('an empty account is deleted with its admin links and user imports; the audit row says what went', async () => {
    const account = await createAccount(admin, { name: newName('Tyrell'), ...team });
    const scoped = await makeAdmin(prisma, { accountIds: [account.id] });
    const other = await makeAccount(prisma);
    const both = await makeAdmin(prisma, { accountIds: [account.id, other.id] });
    await prisma.userImport.create({ data: { adminId: admin.id, accountId: account.id, entries: [], acceptedCount: 0, rejectedCount: 0 } });

    assert.deepEqual(await deleteAccount(admin, { accountId: account.id }), { id: account.id, name: account.name, repeated: false });
    assert.equal(await prisma.account.findUnique({ where: { id: account.id } }), null);
    assert.equal(await prisma.adminAccount.count({ where: { accountId: account.id } }), 0);
    assert.equal(await prisma.userImport.count({ where: { accountId: account.id } }), 0);
    // The admins themselves stay, with their other accounts.
    assert.deepEqual(
      (await prisma.adminAccount.findMany({ where: { adminId: { in: [scoped.id, both.id] } } })).map((l) => [l.adminId, l.accountId]),
      [[both.id, other.id]],
    );
    const [row] = await auditFor({ accountId: account.id, action: 'delete-account' });
    assert.equal(row!.outcome, 'Done');
    const emails = [scoped.email, both.email].sort();
    assert.deepEqual(row!.before, {
      name: account.name,
      type: 'Team',
      status: 'Active',
      defaultLicense: 'Pro',
      admins: emails,
      userImports: 1,
    });
    assert.equal(
      row!.detail,
      `Deleted the account “${account.name}” (Team, Active). It was removed from the accounts of 2 admins: ${emails.join(', ')}. 1 user import for it deleted.`,
    );
    // Deleting it again: it does not exist.
    await refused('not-found', () => deleteAccount(admin, { accountId: account.id }));
  });

  test('refused while it has users, removed users (kept with their history) or numbers, saying why', async () => {
    const withUsers = await createAccount(admin, { name: newName('Cyberdyne'), ...team });
    await makeUser(prisma, withUsers.id);
    await makeUser(prisma, withUsers.id);
    await removedUser(withUsers.id);
    const err = await refused('invalid', () => deleteAccount(admin, { accountId: withUsers.id }));
    assert.equal(err.message, `${withUsers.name} still has 2 users; remove them first. Only an account with no users can be deleted.`);

    const onlyRemoved = await createAccount(admin, { name: newName('Oscorp'), ...team });
    await removedUser(onlyRemoved.id);
    const removed = await refused('invalid', () => deleteAccount(admin, { accountId: onlyRemoved.id }));
    assert.match(removed.message, new RegExp(`^${onlyRemoved.name} had 1 user, removed but kept with their history .* Suspend it instead`));

    const withNumber = await createAccount(admin, { name: newName('Nakatomi'), ...team });
    const n = await makePhoneNumber(prisma);
    await prisma.phoneNumber.update({ where: { id: n.id }, data: { accountId: withNumber.id } });
    const numbered = await refused('invalid', () => deleteAccount(admin, { accountId: withNumber.id }));
    assert.equal(numbered.message, `1 phone number still belongs to ${withNumber.name}; unassign it first.`);

    for (const a of [withUsers, onlyRemoved, withNumber]) {
      assert.deepEqual(
        (await auditFor({ accountId: a.id, action: 'delete-account' })).map((e) => e.outcome),
        ['Invalid'],
      );
    }
    assert.deepEqual(await accountHolds(prisma as never, withUsers.id), { activeUsers: 2, removedUsers: 1, phoneNumbers: 0 });
    assert.equal(deletionBlocker('X', { activeUsers: 0, removedUsers: 0, phoneNumbers: 0 }), null);
  });

  test('a user added while the account is being deleted: either the delete refuses, or the addition fails; never both', async () => {
    let deleted = 0;
    let added = 0;
    for (let round = 0; round < 10; round++) {
      const account = await createAccount(admin, { name: newName('Race'), ...team });
      const email = `race-${uniqueSuffix()}@test.example`;
      const insert = () =>
        prisma.user.create({
          data: { accountId: account.id, fullName: 'Racer', email, activeEmail: email, license: 'Pro' },
          select: { id: true },
        });
      const del = () => deleteAccount(admin, { accountId: account.id });
      const [d, u] = round % 2 ? await Promise.allSettled([del(), insert()]) : (await Promise.allSettled([insert(), del()])).reverse();
      const exists = await prisma.account.count({ where: { id: account.id } });
      const users = await prisma.user.count({ where: { accountId: account.id } });
      if (d!.status === 'fulfilled') {
        deleted++;
        assert.equal(u!.status, 'rejected', 'the addition cannot succeed into a deleted account');
        assert.deepEqual([exists, users], [0, 0]);
      } else {
        added++;
        assert.equal(u!.status, 'fulfilled', String((d as PromiseRejectedResult).reason));
        const reason = (d as PromiseRejectedResult).reason as unknown;
        assert.ok(reason instanceof DomainError && reason.kind === 'invalid', String(reason));
        assert.equal(reason.message, `${account.name} still has 1 user; remove them first. Only an account with no users can be deleted.`);
        assert.deepEqual([exists, users], [1, 1]);
      }
      const audit = await auditFor({ accountId: account.id, action: 'delete-account' });
      assert.deepEqual(
        audit.map((e) => e.outcome),
        [d!.status === 'fulfilled' ? 'Done' : 'Invalid'],
      );
    }
    assert.equal(deleted + added, 10);
  });
});

describe('who may change accounts', () => {
  test('ReadOnly admins and Administrators of some accounts are refused every change, audited, and nothing changes', async () => {
    const account = await createAccount(admin, { name: newName('Massive Dynamic'), ...team });
    const others = [
      await sessionFor((await makeAdmin(prisma, { accountIds: [account.id] })).id), // Administrator of this very account
      await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', allAccounts: true })).id),
      await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', accountIds: [account.id] })).id),
    ];
    for (const other of others) {
      const changes = [
        () => createAccount(other, { name: newName('Nope'), ...team }),
        () => renameAccount(other, { accountId: account.id, currentName: account.name, name: newName('Nope') }),
        () => suspendAccount(other, { accountId: account.id }),
        () => activateAccount(other, { accountId: account.id }),
        () => deleteAccount(other, { accountId: account.id }),
      ];
      for (const change of changes) {
        const err = await refused('denied', change);
        assert.equal(err.message, 'Only an Administrator of all accounts can create, rename, suspend, activate or delete accounts.');
      }
      assert.deepEqual(
        (await auditFor({ adminId: other.id })).map((e) => [e.action, e.outcome]),
        [
          ['create-account', 'Denied'],
          ['rename-account', 'Denied'],
          ['suspend-account', 'Denied'],
          ['activate-account', 'Denied'],
          ['delete-account', 'Denied'],
        ],
      );
    }
  });
});

describe('a suspended account: nothing new is assigned there', () => {
  test('assigning a number to a user of a suspended account is refused, audited, and changes nothing', async () => {
    const account = await createAccount(admin, { name: newName('Stark'), ...team });
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    await suspendAccount(admin, { accountId: account.id });
    const err = await refused('invalid', () =>
      assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 }),
    );
    assert.equal(err.message, `${account.name} is suspended, so no phone number can be assigned there. Activate the account first.`);
    assert.deepEqual(
      (await auditFor({ accountId: account.id, action: 'assign-phone-number' })).map((e) => e.outcome),
      ['Invalid'],
    );
    await activateAccount(admin, { accountId: account.id });
    await assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 });
  });

  test('inside the transaction, the account must still be Active (a suspension after the first check)', async () => {
    const account = await createAccount(admin, { name: newName('Wayne'), ...team });
    await prisma.$transaction((tx) => lockActiveAccount(tx, account.id));
    await prisma.account.update({ where: { id: account.id }, data: { status: 'Suspended' } });
    const err = await assertRefused('invalid', () => prisma.$transaction((tx) => lockActiveAccount(tx, account.id)));
    assert.match(err.message, /is suspended, so no phone number can be assigned there/);
  });

  test('a suspension racing an assignment: the assignment commits before the suspension, or is refused', async () => {
    let assigned = 0;
    let refusedCount = 0;
    for (let round = 0; round < 12; round++) {
      const account = await createAccount(admin, { name: newName('Race Suspend'), ...team });
      const user = await makeUser(prisma, account.id);
      const number = await makePhoneNumber(prisma);
      const assign = () => assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1 });
      const suspend = () => suspendAccount(admin, { accountId: account.id });
      const [a, s] =
        round % 2 ? await Promise.allSettled([assign(), suspend()]) : (await Promise.allSettled([suspend(), assign()])).reverse();
      assert.equal(s!.status, 'fulfilled', 'a suspension always succeeds');
      const audit = await auditFor({ accountId: account.id });
      const suspended = audit.find((e) => e.action === 'suspend-account' && e.outcome === 'Done')!;
      const assignDone = audit.find((e) => e.action === 'assign-phone-number' && e.outcome === 'Done');
      const row = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
      if (a!.status === 'fulfilled') {
        assigned++;
        assert.ok(assignDone && assignDone.seq < suspended.seq, 'the assignment was made while the account was Active');
        assert.equal(row.userId, user.id);
      } else {
        refusedCount++;
        const reason = (a as PromiseRejectedResult).reason as unknown;
        assert.ok(reason instanceof DomainError && reason.kind === 'invalid', String(reason));
        assert.match(reason.message, /is suspended, so no phone number can be assigned there/);
        assert.equal(assignDone, undefined);
        assert.deepEqual([row.status, row.userId], ['Unassigned', null]);
      }
    }
    assert.equal(assigned + refusedCount, 12);
  });
});
