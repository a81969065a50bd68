import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getAccount, listAccounts } from './accounts';
import { listUsers, getUser } from './users';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import { loadSessionAdmin } from '@/lib/kernel/session-admin';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

describe('account scope', () => {
  test('an admin of some accounts sees only those, and the same "not found" for the rest', async () => {
    const mine = await makeAccount(prisma);
    const theirs = await makeAccount(prisma);
    const theirUser = await makeUser(prisma, theirs.id);
    const admin = await sessionFor((await makeAdmin(prisma, { accountIds: [mine.id] })).id);

    const page = await listAccounts(admin, {});
    assert.deepEqual(
      page.rows.map((a) => a.id),
      [mine.id],
    );
    assert.equal(await getAccount(admin, theirs.id), null);
    assert.equal(await getAccount(admin, 'no-such-account'), null);
    assert.equal(await listUsers(admin, theirs.id, {}), null);
    assert.equal(await getUser(admin, theirs.id, theirUser.id), null);
  });

  test('a user is found only under their own account', async () => {
    const a = await makeAccount(prisma);
    const b = await makeAccount(prisma);
    const user = await makeUser(prisma, a.id);
    const admin = await sessionFor((await makeAdmin(prisma, { allAccounts: true })).id);
    assert.equal((await getUser(admin, a.id, user.id))?.id, user.id);
    assert.equal(await getUser(admin, b.id, user.id), null);
  });
});

describe('users list', () => {
  test('pages forward and back through every user once, in name order', async () => {
    const account = await makeAccount(prisma);
    // Duplicate names make the id tie-breaker matter.
    const names = Array.from({ length: 57 }, (_, i) => `Person ${String(i % 40).padStart(2, '0')}`);
    for (const fullName of names) await makeUser(prisma, account.id, { fullName });
    const admin = await sessionFor((await makeAdmin(prisma)).id);

    const seen: string[] = [];
    const pages = [];
    let after: string | undefined;
    do {
      const page = await listUsers(admin, account.id, { after });
      assert.ok(page);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
    } while (after);
    assert.equal(pages.length, 3);
    assert.equal(new Set(seen).size, 57);
    const all = await prisma.user.findMany({
      where: { accountId: account.id },
      orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    assert.deepEqual(
      seen,
      all.map((u) => u.id),
    );

    // Back from the last page lands on exactly the middle page.
    const back = await listUsers(admin, account.id, { before: pages[2]!.prevCursor });
    assert.deepEqual(
      back?.rows.map((r) => r.id),
      pages[1]!.rows.map((r) => r.id),
    );
    assert.ok(back?.prevCursor && back.nextCursor);
  });

  test('search by name, by email and by digits of the number', async () => {
    const account = await makeAccount(prisma);
    const jane = await makeUser(prisma, account.id, { fullName: 'Jane Searchable', email: 'jane.s@corp.example' });
    const omar = await makeUser(prisma, account.id, { fullName: 'Omar Other', email: 'omar@corp.example' });
    await makePhoneNumber(prisma, { e164: '+14255550142', user: omar });
    const admin = await sessionFor((await makeAdmin(prisma)).id);
    const ids = async (q: string) => (await listUsers(admin, account.id, { q }))!.rows.map((r) => r.id);

    assert.deepEqual(await ids('searchable'), [jane.id]);
    assert.deepEqual(await ids('JANE.S@'), [jane.id]);
    assert.deepEqual(await ids('(425) 555-0142'), [omar.id]);
    assert.deepEqual(await ids('555 01'), [omar.id]);
    assert.deepEqual(await ids('nobody-like-this'), []);
    const omarRow = (await listUsers(admin, account.id, { q: 'Omar' }))!.rows[0];
    assert.equal(omarRow?.phoneNumber, '+14255550142');
  });
});

describe('sign-in', () => {
  test('right password signs in; wrong password, unknown email and disabled admin do not; each is audited', async () => {
    const admin = await makeAdmin(prisma, { password: 'correct horse' });
    const disabled = await makeAdmin(prisma, { password: 'correct horse', disabled: true });

    assert.equal((await verifyAdminCredentials(admin.email.toUpperCase(), 'correct horse'))?.id, admin.id);
    assert.equal(await verifyAdminCredentials(admin.email, 'wrong'), null);
    assert.equal(await verifyAdminCredentials('nobody@test.example', 'correct horse'), null);
    assert.equal(await verifyAdminCredentials(disabled.email, 'correct horse'), null);

    const events = await prisma.auditEvent.findMany({
      where: { action: 'sign-in', adminEmail: { in: [admin.email, disabled.email, 'nobody@test.example'] } },
      orderBy: { seq: 'asc' },
      select: { outcome: true, adminId: true, detail: true },
    });
    assert.deepEqual(
      events.map((e) => [e.outcome, e.detail]),
      [
        ['Done', null],
        ['Denied', 'wrong password'],
        ['Denied', 'unknown email'],
        ['Denied', 'admin disabled'],
      ],
    );
  });

  test('a session from before a change of password or role, or of a disabled admin, is not accepted', async () => {
    const admin = await makeAdmin(prisma);
    assert.ok(await loadSessionAdmin(admin.id, 1));
    await prisma.admin.update({ where: { id: admin.id }, data: { sessionVersion: 2 } });
    assert.equal(await loadSessionAdmin(admin.id, 1), null);
    await prisma.admin.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    assert.equal(await loadSessionAdmin(admin.id, 2), null);
    assert.equal(await loadSessionAdmin('no-such-admin', 1), null);
  });
});

describe('searches are literal', () => {
  test('%, _ and backslash match themselves, never everything', async () => {
    const account = await makeAccount(prisma, { name: `Literal 100%_\\ ${Date.now()}` });
    const plain = await makeUser(prisma, account.id, { fullName: 'Plain Name' });
    const odd = await makeUser(prisma, account.id, { fullName: '100% Sure_Thing \\o/' });
    const admin = await sessionFor((await makeAdmin(prisma)).id);
    const ids = async (q: string) => (await listUsers(admin, account.id, { q }))!.rows.map((r) => r.id);
    assert.deepEqual(await ids('%'), [odd.id]);
    assert.deepEqual(await ids('_'), [odd.id]);
    assert.deepEqual(await ids('%_%'), []);
    assert.deepEqual(await ids('\\'), [odd.id]);
    assert.deepEqual(await ids('Plain\'; DROP TABLE "User"; --'), []);
    assert.deepEqual(await ids('plain'), [plain.id]);
    assert.deepEqual(
      (await listAccounts(admin, { q: '100%_\\' })).rows.map((a) => a.id),
      [account.id],
    );
    assert.equal(
      (await listAccounts(admin, { q: '%' })).rows.every((a) => a.name.includes('%')),
      true,
    );
  });
});
