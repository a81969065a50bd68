import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { verifyPassword } from '@/lib/auth/password';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, uniqueSuffix } from '@/lib/test/factories';
import {
  addAdmin,
  canManageAdmins,
  changeAdminAccess,
  disableAdmin,
  enableAdmin,
  getAdminDetails,
  listAccountChoices,
  listAdmins,
  resetAdminPassword,
} from './admin-management';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import { loadSessionAdmin, type SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { assertRefused } from '@/lib/test/refused';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

/** A new Administrator of all accounts, signed in. */
async function fullScope(): Promise<SessionAdmin> {
  return sessionFor((await makeAdmin(prisma, { allAccounts: true })).id);
}

/** Admins and their accounts: everything a refusal must leave as it was. */
async function snapshot() {
  const [admins, links] = await Promise.all([
    prisma.admin.findMany({ orderBy: { id: 'asc' } }),
    prisma.adminAccount.findMany({ orderBy: [{ adminId: 'asc' }, { accountId: 'asc' }] }),
  ]);
  return JSON.stringify({ admins, links });
}

const refused = (kind: DomainError['kind'], run: () => Promise<unknown>) => assertRefused(kind, run, snapshot);

async function auditBy(adminId: string) {
  return prisma.auditEvent.findMany({
    where: { adminId },
    orderBy: { seq: 'asc' },
    select: { action: true, outcome: true, before: true, after: true, detail: true },
  });
}

/** Every audit row as text, to look for what must never be in it. */
const wholeAuditLog = async () =>
  JSON.stringify(await prisma.auditEvent.findMany(), (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

const sessionVersionOf = async (id: string) =>
  (await prisma.admin.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

/**
 * Leaves `keep` as the only active full-scope Administrators in this test file's database (the
 * rule is about all admins, so a test of it must control all of them).
 */
async function onlyFullScope(keep: string[]) {
  await prisma.admin.updateMany({
    where: { id: { notIn: keep }, role: 'Administrator', allAccounts: true, disabledAt: null },
    data: { disabledAt: new Date() },
  });
}

const activeFullScopeCount = () => prisma.admin.count({ where: { role: 'Administrator', allAccounts: true, disabledAt: null } });

describe('who may manage admins', () => {
  test('only an Administrator of all accounts; anyone else is refused, audited, and changes nothing', async () => {
    const account = await makeAccount(prisma);
    const target = await makeAdmin(prisma, { accountIds: [account.id] });
    const others = [
      await sessionFor((await makeAdmin(prisma, { accountIds: [account.id] })).id), // Administrator of some accounts
      await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', allAccounts: true })).id),
      await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', accountIds: [account.id] })).id),
    ];
    assert.equal(canManageAdmins(await fullScope()), true);
    for (const admin of others) {
      assert.equal(canManageAdmins(admin), false);
      await refused('denied', () => listAdmins(admin, {}));
      await refused('denied', () => getAdminDetails(admin, target.id));
      await refused('denied', () => listAccountChoices(admin));
      await refused('denied', () =>
        addAdmin(admin, { email: `x-${uniqueSuffix()}@test.example`, name: 'X', role: 'Administrator', allAccounts: true, accountIds: [] }),
      );
      await refused('denied', () =>
        changeAdminAccess(admin, { adminId: target.id, version: 1, role: 'Administrator', allAccounts: true, accountIds: [] }),
      );
      await refused('denied', () => disableAdmin(admin, { adminId: target.id }));
      await refused('denied', () => enableAdmin(admin, { adminId: target.id }));
      await refused('denied', () => resetAdminPassword(admin, { adminId: target.id }));
      const audit = await auditBy(admin.id);
      assert.deepEqual(
        audit.map((e) => [e.action, e.outcome]),
        [
          ['view-admins', 'Denied'],
          ['view-admins', 'Denied'],
          ['view-admins', 'Denied'],
          ['create-admin', 'Denied'],
          ['change-admin', 'Denied'],
          ['disable-admin', 'Denied'],
          ['enable-admin', 'Denied'],
          ['reset-admin-password', 'Denied'],
        ],
      );
    }
    assert.ok(await loadSessionAdmin(target.id, 1), 'the target is untouched');
  });

  test('an admin demoted since their request began is refused inside the change, not just at its start', async () => {
    const [a, b] = [await fullScope(), await fullScope()];
    const target = await makeAdmin(prisma);
    // b's session object was checked before a demoted b.
    await changeAdminAccess(a, { adminId: b.id, version: 1, role: 'ReadOnly', allAccounts: true, accountIds: [] });
    const err = await refused('denied', () => disableAdmin(b, { adminId: target.id }));
    assert.match(err.message, /no longer an Administrator of all accounts/);
    assert.equal(await loadSessionAdmin(b.id, 1), null, 'and their session has ended');
  });
});

describe('list and details', () => {
  test('pages through every admin once, by name, and finds them by any part of the name or email', async () => {
    const admin = await fullScope();
    const tag = uniqueSuffix();
    const account = await makeAccount(prisma, { name: `Listed Account ${tag}` });
    for (let i = 0; i < 30; i++) {
      await prisma.admin.create({
        data: {
          email: `listed-${i}-${tag}@test.example`,
          name: `Listed ${tag} ${String(i % 20).padStart(2, '0')}`, // duplicate names: the id breaks ties
          passwordHash: 'not-a-real-hash',
          role: i % 3 === 0 ? 'ReadOnly' : 'Administrator',
          allAccounts: i % 2 === 0,
          disabledAt: i === 7 ? new Date() : null,
          accounts: i % 2 === 0 ? undefined : { create: [{ accountId: account.id }] },
        },
      });
    }
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listAdmins(admin, { q: tag, after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
      pages++;
    } while (after);
    assert.equal(pages, 2);
    const expected = await prisma.admin.findMany({
      where: { name: { contains: tag } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    assert.deepEqual(
      seen,
      expected.map((a) => a.id),
    );

    const byEmail = await listAdmins(admin, { q: `LISTED-7-${tag.toUpperCase()}` });
    assert.deepEqual(
      byEmail.rows.map((r) => [r.email, r.role, r.allAccounts, r.accountNames, r.disabled]),
      [[`listed-7-${tag}@test.example`, 'Administrator', false, [account.name], true]],
    );
    assert.deepEqual((await listAdmins(admin, { q: `listed ${tag} 00` })).rows.length, 2);
    assert.equal((await listAdmins(admin, { q: `nobody-${tag}` })).rows.length, 0);
  });

  test('details say who is looking at themselves; an unknown id is simply not there', async () => {
    const admin = await fullScope();
    const details = await getAdminDetails(admin, admin.id);
    assert.equal(details?.isSelf, true);
    assert.equal(details?.allAccounts, true);
    assert.equal(await getAdminDetails(admin, 'no-such-admin'), null);
  });
});

describe('add admin', () => {
  test('adds an admin with a one-time password that is stored only hashed and audited without it', async () => {
    const admin = await fullScope();
    const [one, two] = [await makeAccount(prisma), await makeAccount(prisma)];
    const email = `New.Admin-${uniqueSuffix()}@Test.Example`;
    const added = await addAdmin(admin, {
      email: ` ${email} `,
      name: '  Nia New ',
      role: 'ReadOnly',
      allAccounts: false,
      accountIds: [two.id, one.id, two.id],
    });

    assert.equal(added.email, email.toLowerCase());
    assert.equal(added.name, 'Nia New');
    assert.ok(added.oneTimePassword.length >= 20);
    const row = await prisma.admin.findUniqueOrThrow({ where: { id: added.id }, include: { accounts: true } });
    assert.equal(row.role, 'ReadOnly');
    assert.equal(row.allAccounts, false);
    assert.deepEqual(row.accounts.map((a) => a.accountId).sort(), [one.id, two.id].sort());
    assert.notEqual(row.passwordHash, added.oneTimePassword);
    assert.ok(await verifyPassword(row.passwordHash, added.oneTimePassword));
    assert.equal((await verifyAdminCredentials(email, added.oneTimePassword))?.id, added.id);

    const audit = await auditBy(admin.id);
    assert.deepEqual(
      audit.map((e) => [e.action, e.outcome]),
      [['create-admin', 'Done']],
    );
    assert.deepEqual(audit[0]!.after, {
      adminId: added.id,
      email: email.toLowerCase(),
      name: 'Nia New',
      role: 'ReadOnly',
      allAccounts: false,
      accountIds: [one.id, two.id].sort(),
    });
    const everything = await wholeAuditLog();
    assert.ok(!everything.includes(added.oneTimePassword), 'no one-time password in the audit log');
    assert.ok(!everything.includes(row.passwordHash), 'no password hash in the audit log');
  });

  test('an email already in use, in any case, is a field error; so is an account that does not exist', async () => {
    const admin = await fullScope();
    const existing = await makeAdmin(prisma);
    const err = await refused('invalid', () =>
      addAdmin(admin, { email: existing.email.toUpperCase(), name: 'Dup', role: 'Administrator', allAccounts: true, accountIds: [] }),
    );
    assert.equal(err.field, 'email');
    assert.equal(err.message, 'An admin with this email address already exists');
    const gone = await refused('invalid', () =>
      addAdmin(admin, {
        email: `n-${uniqueSuffix()}@test.example`,
        name: 'N',
        role: 'Administrator',
        allAccounts: false,
        accountIds: ['no-such-account'],
      }),
    );
    assert.equal(gone.field, 'accountIds');
    assert.deepEqual(
      (await auditBy(admin.id)).map((e) => [e.action, e.outcome]),
      [
        ['create-admin', 'Invalid'],
        ['create-admin', 'Invalid'],
      ],
    );
  });

  test('the same email added twice at once: one admin, one refusal', async () => {
    const admin = await fullScope();
    const email = `twice-${uniqueSuffix()}@test.example`;
    const results = await Promise.allSettled(
      [email, email.toUpperCase()].map((e) =>
        addAdmin(admin, { email: e, name: 'Twice', role: 'ReadOnly', allAccounts: true, accountIds: [] }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(rejected.reason instanceof DomainError && rejected.reason.field === 'email', String(rejected.reason));
    assert.equal(await prisma.admin.count({ where: { email } }), 1);
  });
});

describe('change role or accounts', () => {
  test('saves role and accounts, ends the admin’s sessions, and audits before and after', async () => {
    const admin = await fullScope();
    const [one, two] = [await makeAccount(prisma), await makeAccount(prisma)];
    const target = await makeAdmin(prisma, { role: 'ReadOnly', accountIds: [one.id] });
    assert.ok(await loadSessionAdmin(target.id, 1));

    const result = await changeAdminAccess(admin, {
      adminId: target.id,
      version: 1,
      role: 'Administrator',
      allAccounts: false,
      accountIds: [two.id],
    });
    assert.equal(result.repeated, false);
    assert.equal(await loadSessionAdmin(target.id, 1), null, 'the old session has ended');
    const now = await sessionFor(target.id);
    assert.equal(now.role, 'Administrator');
    assert.deepEqual(now.accountIds, [two.id]);
    const audit = await auditBy(admin.id);
    assert.deepEqual(
      audit.map((e) => [e.action, e.outcome]),
      [['change-admin', 'Done']],
    );
    assert.deepEqual(audit[0]!.before, {
      adminId: target.id,
      email: target.email,
      role: 'ReadOnly',
      allAccounts: false,
      accountIds: [one.id],
    });
    assert.deepEqual(audit[0]!.after, {
      adminId: target.id,
      email: target.email,
      role: 'Administrator',
      allAccounts: false,
      accountIds: [two.id],
    });

    // To all accounts: the list of accounts goes.
    await changeAdminAccess(admin, { adminId: target.id, version: 2, role: 'Administrator', allAccounts: true, accountIds: [one.id] });
    assert.equal(await prisma.adminAccount.count({ where: { adminId: target.id } }), 0);
    assert.equal(await sessionVersionOf(target.id), 3);
  });

  test('a form someone else saved first is refused; the same values again change nothing', async () => {
    const admin = await fullScope();
    const other = await fullScope();
    const account = await makeAccount(prisma);
    const target = await makeAdmin(prisma, { accountIds: [account.id] });
    await changeAdminAccess(other, { adminId: target.id, version: 1, role: 'ReadOnly', allAccounts: false, accountIds: [account.id] });
    const err = await refused('conflict', () =>
      changeAdminAccess(admin, { adminId: target.id, version: 1, role: 'Administrator', allAccounts: true, accountIds: [] }),
    );
    assert.match(err.message, /^Someone else changed .+ while you were editing\./);
    const again = await changeAdminAccess(admin, {
      adminId: target.id,
      version: 1,
      role: 'ReadOnly',
      allAccounts: false,
      accountIds: [account.id],
    });
    assert.equal(again.repeated, true);
    assert.equal(await sessionVersionOf(target.id), 2, 'nothing bumped: their sessions go on');
    assert.deepEqual(
      (await auditBy(admin.id)).map((e) => [e.action, e.outcome]),
      [['change-admin', 'Conflict']],
    );
  });

  test('concurrent saves from forms of the same version: exactly one', async () => {
    const admin = await fullScope();
    const target = await makeAdmin(prisma, { role: 'ReadOnly', allAccounts: true });
    const accounts = await Promise.all([makeAccount(prisma), makeAccount(prisma), makeAccount(prisma), makeAccount(prisma)]);
    const results = await Promise.allSettled(
      accounts.map((a) =>
        changeAdminAccess(admin, { adminId: target.id, version: 1, role: 'ReadOnly', allAccounts: false, accountIds: [a.id] }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal(await prisma.adminAccount.count({ where: { adminId: target.id } }), 1);
    assert.equal(await sessionVersionOf(target.id), 2);
  });
});

describe('disable and enable', () => {
  test('a disabled admin’s sessions end and they cannot sign in; enabled, their password works again', async () => {
    const admin = await fullScope();
    const target = await makeAdmin(prisma, { role: 'ReadOnly', password: 'their own password' });
    assert.ok(await loadSessionAdmin(target.id, 1));

    assert.equal((await disableAdmin(admin, { adminId: target.id })).repeated, false);
    assert.equal(await loadSessionAdmin(target.id, 1), null);
    assert.equal(await loadSessionAdmin(target.id, 2), null, 'not even a session of the new version');
    assert.equal(await verifyAdminCredentials(target.email, 'their own password'), null);
    assert.equal((await disableAdmin(admin, { adminId: target.id })).repeated, true, 'twice is as once');

    assert.equal((await enableAdmin(admin, { adminId: target.id })).repeated, false);
    assert.equal((await verifyAdminCredentials(target.email, 'their own password'))?.sessionVersion, 3);
    assert.equal(await loadSessionAdmin(target.id, 1), null, 'sessions from before the disabling stay ended');
    assert.equal((await enableAdmin(admin, { adminId: target.id })).repeated, true);
    assert.deepEqual(
      (await auditBy(admin.id)).map((e) => [e.action, e.outcome, e.after]),
      [
        ['disable-admin', 'Done', { adminId: target.id, email: target.email, disabled: true }],
        ['enable-admin', 'Done', { adminId: target.id, email: target.email, disabled: false }],
      ],
    );
  });

  test('an admin cannot disable themselves', async () => {
    const admin = await fullScope();
    const err = await refused('invalid', () => disableAdmin(admin, { adminId: admin.id }));
    assert.match(err.message, /You cannot disable yourself/);
    assert.deepEqual(
      (await auditBy(admin.id)).map((e) => [e.action, e.outcome]),
      [['disable-admin', 'Invalid']],
    );
  });

  test('an unknown admin is refused and audited', async () => {
    const admin = await fullScope();
    await refused('not-found', () => disableAdmin(admin, { adminId: 'no-such-admin' }));
    assert.deepEqual(
      (await auditBy(admin.id)).map((e) => [e.action, e.outcome, e.after]),
      [['disable-admin', 'Denied', { adminId: 'no-such-admin', disabled: true }]],
    );
  });
});

describe('reset password', () => {
  test('a new one-time password works, the old one does not, sessions end, and neither reaches the audit log', async () => {
    const admin = await fullScope();
    const target = await makeAdmin(prisma, { password: 'the old password' });
    const result = await resetAdminPassword(admin, { adminId: target.id });
    assert.equal(await loadSessionAdmin(target.id, 1), null);
    assert.equal(await verifyAdminCredentials(target.email, 'the old password'), null);
    assert.equal((await verifyAdminCredentials(target.email, result.oneTimePassword))?.id, target.id);
    const hash = (await prisma.admin.findUniqueOrThrow({ where: { id: target.id } })).passwordHash;
    const audit = await auditBy(admin.id);
    assert.deepEqual(
      audit.map((e) => [e.action, e.outcome, e.after]),
      [['reset-admin-password', 'Done', { adminId: target.id, email: target.email, passwordReset: true }]],
    );
    const everything = await wholeAuditLog();
    assert.ok(!everything.includes(result.oneTimePassword) && !everything.includes(hash));
  });

  test('not one’s own password', async () => {
    const admin = await fullScope();
    await refused('invalid', () => resetAdminPassword(admin, { adminId: admin.id }));
  });
});

// These tests set which admins are full-scope in this file's database, so they come last.
describe('the last active Administrator of all accounts', () => {
  test('cannot be demoted, narrowed to some accounts or disabled; with a second one, can', async () => {
    const admin = await fullScope();
    await onlyFullScope([admin.id]);
    const account = await makeAccount(prisma);
    for (const change of [
      { role: 'ReadOnly' as const, allAccounts: true, accountIds: [] },
      { role: 'Administrator' as const, allAccounts: false, accountIds: [account.id] },
    ]) {
      const err = await refused('invalid', () => changeAdminAccess(admin, { adminId: admin.id, version: 1, ...change }));
      assert.match(err.message, /^You are the last active Administrator of all accounts/);
    }
    assert.equal((await getAdminDetails(admin, admin.id))?.isLastAdministrator, true);

    const second = await fullScope();
    assert.equal((await getAdminDetails(admin, admin.id))?.isLastAdministrator, false);
    await changeAdminAccess(admin, { adminId: admin.id, version: 1, role: 'ReadOnly', allAccounts: true, accountIds: [] });
    assert.equal(await activeFullScopeCount(), 1);
    // Now `second` is the last one: it cannot demote itself either.
    const err = await refused('invalid', () =>
      changeAdminAccess(second, { adminId: second.id, version: 1, role: 'ReadOnly', allAccounts: true, accountIds: [] }),
    );
    assert.match(err.message, /last active Administrator of all accounts/);
    assert.deepEqual(
      (await auditBy(admin.id)).map((e) => [e.action, e.outcome]),
      [
        ['change-admin', 'Invalid'],
        ['change-admin', 'Invalid'],
        ['change-admin', 'Done'],
      ],
    );
  });

  test('a disabled or read-only admin of all accounts does not count', async () => {
    const admin = await fullScope();
    await onlyFullScope([admin.id]);
    await makeAdmin(prisma, { allAccounts: true, disabled: true });
    await makeAdmin(prisma, { role: 'ReadOnly', allAccounts: true });
    await refused('invalid', () =>
      changeAdminAccess(admin, { adminId: admin.id, version: 1, role: 'ReadOnly', allAccounts: true, accountIds: [] }),
    );
  });

  /**
   * On PostgreSQL, holds the full-scope rows locked from a connection of the test's own while
   * `run` starts its changes, so that they all queue on the lock and truly overlap; on the
   * embedded database (one connection, one transaction at a time) they just run together.
   */
  async function together<T>(run: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
    const url = process.env.DATABASE_URL;
    if (!url) return Promise.allSettled(run());
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT id FROM "Admin" WHERE role = 'Administrator' AND "allAccounts" AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`,
      );
      const pending = Promise.allSettled(run());
      const started = Date.now();
      const waiting = async () =>
        Number(
          (await holder.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))
            .rows[0].n,
        );
      while ((await waiting()) < 2) {
        assert.ok(Date.now() - started < 10_000, 'both changes reach the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      await holder.query('COMMIT');
      return await pending;
    } finally {
      await holder.end();
    }
  }

  test('two admins demoting each other, or themselves, at the same moment never leave none', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await fullScope();
      const b = await fullScope();
      await onlyFullScope([a.id, b.id]);
      const demote = (by: SessionAdmin, who: SessionAdmin) =>
        changeAdminAccess(by, { adminId: who.id, version: 1, role: 'ReadOnly', allAccounts: true, accountIds: [] });
      const results = await together(() => (round % 2 === 0 ? [demote(a, b), demote(b, a)] : [demote(a, a), demote(b, b)]));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}: exactly one change`);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(loser.reason instanceof DomainError, String(loser.reason));
      assert.ok(['denied', 'invalid'].includes(loser.reason.kind), loser.reason.message);
      assert.equal(await activeFullScopeCount(), 1, `round ${round}: one is left`);
      const done = await prisma.auditEvent.count({ where: { adminId: { in: [a.id, b.id] }, action: 'change-admin', outcome: 'Done' } });
      assert.equal(done, 1, 'one Done audit row');
    }
  });

  test('a disabling and a demotion at the same moment, each of the other, never leave none', async () => {
    for (let round = 0; round < 2; round++) {
      const a = await fullScope();
      const b = await fullScope();
      await onlyFullScope([a.id, b.id]);
      const results = await together(() => [
        disableAdmin(a, { adminId: b.id }),
        changeAdminAccess(b, { adminId: a.id, version: 1, role: 'ReadOnly', allAccounts: true, accountIds: [] }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}: exactly one change`);
      assert.equal(await activeFullScopeCount(), 1);
    }
  });
});
