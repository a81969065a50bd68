import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { License, PrismaClient, RegistrationStatus } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { listUsers } from './users';
import { parseUserFilters, type UserFilters } from './user-params';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma, { allAccounts: true })).id);
});

/** An account of 9 users: every third has a number, statuses and licences in turn; one more, removed. */
async function makeDirectory() {
  const account = await makeAccount(prisma);
  const statuses: RegistrationStatus[] = ['Unregistered', 'Registered', 'Suspended'];
  const licenses: License[] = ['Basic', 'Pro'];
  const users = [];
  for (let i = 0; i < 9; i++) {
    const user = await makeUser(prisma, account.id, { fullName: `Person ${i}` });
    await prisma.user.update({ where: { id: user.id }, data: { registrationStatus: statuses[i % 3], license: licenses[i % 2] } });
    if (i % 3 === 0) await makePhoneNumber(prisma, { user });
    users.push({ ...user, status: statuses[i % 3]!, license: licenses[i % 2]!, hasNumber: i % 3 === 0 });
  }
  const gone = await makeUser(prisma, account.id, { fullName: 'Person Removed' });
  await prisma.user.update({ where: { id: gone.id }, data: { removedAt: new Date(), activeEmail: null } });
  return { account, users };
}

/** Every row of the list with these filters, paging through it, and the count each page gave. */
async function readAll(accountId: string, filters: UserFilters, q?: string, size?: number) {
  const names: string[] = [];
  const ranges: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await listUsers(admin, accountId, { q, after }, { filters });
    assert.ok(page);
    names.push(...page.rows.map((r) => r.fullName));
    ranges.push(`${page.first}-${(page.first ?? 0) + page.rows.length - 1} of ${page.total}`);
    if (!page.nextCursor) break;
    after = page.nextCursor;
    void size;
  }
  return { names, ranges };
}

describe('users list filters and count', () => {
  test('removed users are never listed nor counted', async () => {
    const { account } = await makeDirectory();
    const page = await listUsers(admin, account.id, {});
    assert.equal(page?.total, 9);
    assert.ok(!page?.rows.some((r) => r.fullName === 'Person Removed'));
    assert.equal((await listUsers(admin, account.id, { q: 'Removed' }))?.total, 0);
  });

  test('each filter, alone and combined with the others and the search, lists and counts exactly the matching users', async () => {
    const { account, users } = await makeDirectory();
    const cases: { filters: UserFilters; q?: string; expect: (u: (typeof users)[number]) => boolean }[] = [
      { filters: {}, expect: () => true },
      { filters: { number: 'with' }, expect: (u) => u.hasNumber },
      { filters: { number: 'without' }, expect: (u) => !u.hasNumber },
      { filters: { status: 'Registered' }, expect: (u) => u.status === 'Registered' },
      { filters: { license: 'Basic' }, expect: (u) => u.license === 'Basic' },
      { filters: { number: 'without', license: 'Pro' }, expect: (u) => !u.hasNumber && u.license === 'Pro' },
      { filters: { status: 'Suspended', license: 'Basic' }, expect: (u) => u.status === 'Suspended' && u.license === 'Basic' },
      { filters: { license: 'Pro' }, q: 'Person 4', expect: (u) => u.license === 'Pro' && u.fullName === 'Person 4' },
      { filters: { license: 'ProTrial' }, expect: () => false },
    ];
    for (const c of cases) {
      const expected = users.filter(c.expect).map((u) => u.fullName);
      const page = await listUsers(admin, account.id, { q: c.q }, { filters: c.filters });
      assert.ok(page);
      assert.deepEqual(
        page.rows.map((r) => r.fullName),
        expected,
        JSON.stringify(c),
      );
      assert.equal(page.total, expected.length, JSON.stringify(c));
      assert.equal(page.first, expected.length ? 1 : undefined);
    }
    const row = (await listUsers(admin, account.id, { q: 'Person 3' }))?.rows[0];
    assert.deepEqual(
      row && [row.license, row.registrationStatus, row.phoneNumber !== null],
      ['Pro', 'Unregistered', true],
      'a row says its licence, status and number',
    );
  });

  test('pages of a filtered list say where they stand, "1–25 of N" style, through to the end', async () => {
    const account = await makeAccount(prisma);
    for (let i = 0; i < 60; i++) {
      const u = await makeUser(prisma, account.id, { fullName: `Member ${String(i).padStart(2, '0')}` });
      if (i % 2 === 0) await prisma.user.update({ where: { id: u.id }, data: { license: 'Basic' } });
    }
    const all = await readAll(account.id, {});
    assert.deepEqual(all.ranges, ['1-25 of 60', '26-50 of 60', '51-60 of 60']);
    const basic = await readAll(account.id, { license: 'Basic' });
    assert.deepEqual(basic.ranges, ['1-25 of 30', '26-30 of 30']);
    assert.equal(new Set(basic.names).size, 30);
    // Back from the last page: the same rows and positions as going forward.
    const page1 = await listUsers(admin, account.id, {}, {});
    const page2 = await listUsers(admin, account.id, { after: page1!.nextCursor }, {});
    const page3 = await listUsers(admin, account.id, { after: page2!.nextCursor }, {});
    const back = await listUsers(admin, account.id, { before: page3!.prevCursor }, {});
    assert.deepEqual([back?.first, back?.rows.map((r) => r.id)], [26, page2?.rows.map((r) => r.id)]);
  });

  test('the count respects scope: another account is not found, whatever the filters', async () => {
    const { account } = await makeDirectory();
    const mine = await makeAccount(prisma);
    const scoped = await sessionFor((await makeAdmin(prisma, { accountIds: [mine.id] })).id);
    assert.equal(await listUsers(scoped, account.id, {}, { filters: { license: 'Basic' } }), null);
    await makeUser(prisma, mine.id);
    assert.equal((await listUsers(scoped, mine.id, {}))?.total, 1);
  });

  test('filters come from GET parameters; anything unexpected is ignored', () => {
    assert.deepEqual(parseUserFilters({ number: 'with', status: 'Registered', license: 'ProTrial' }), {
      number: 'with',
      status: 'Registered',
      license: 'ProTrial',
    });
    assert.deepEqual(parseUserFilters({ number: 'some', status: ['Suspended', 'x'], license: '<b>' }), {
      number: undefined,
      status: 'Suspended',
      license: undefined,
    });
  });
});
