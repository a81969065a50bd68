import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makeUser, uniqueSuffix } from '@/lib/test/factories';
import { assertRefused } from '@/lib/test/refused';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { getUserImport, importUsers, previewUserImport } from './user-imports';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

const address = (label: string) => `${label}-${uniqueSuffix()}@import.example`;

async function usersOf(accountId: string) {
  return prisma.user.findMany({
    where: { accountId },
    orderBy: [{ email: 'asc' }, { createdAt: 'asc' }],
    select: { fullName: true, email: true, activeEmail: true, userType: true, license: true, invitationStatus: true, removedAt: true },
  });
}

async function removeUser(id: string) {
  await prisma.user.update({ where: { id }, data: { removedAt: new Date(), activeEmail: null } });
}

describe('preview', () => {
  test('each line gets its verdict, against the file and against the account; nothing is written', async () => {
    const account = await makeAccount(prisma);
    const other = await makeAccount(prisma);
    await prisma.account.update({ where: { id: account.id }, data: { defaultLicense: 'Basic' } });
    const [pat, jo, kim, sam, lee] = ['pat', 'jo', 'kim', 'sam', 'lee'].map(address) as [string, string, string, string, string];
    await makeUser(prisma, account.id, { email: kim }); // a present user: refused
    const removed = await makeUser(prisma, account.id, { email: sam });
    await removeUser(removed.id); // a removed user's address: allowed again
    await makeUser(prisma, other.id, { email: lee }); // the same address in another account: allowed
    const text = [
      `Pat Lee, ${pat}`,
      `Jo Smith, ${jo.toUpperCase()}, Shared device, Plus`,
      `Pat again, ${pat.toUpperCase()}`,
      `Kim Present, ${kim.toUpperCase()}`,
      `Sam Back, ${sam}`,
      `Lee Elsewhere, ${lee}`,
      'No Email',
    ].join('\n');
    const before = await usersOf(account.id);

    const { id } = await previewUserImport(admin, account.id, { text });
    const preview = await getUserImport(admin, account.id, id);
    assert.ok(preview);
    assert.deepEqual([preview.acceptedCount, preview.rejectedCount, preview.committedAt], [4, 3, null]);
    assert.deepEqual(preview.account, { id: account.id, name: account.name });
    assert.deepEqual(
      preview.accepted.map((u) => [u.line, u.fullName, u.email, u.userType, u.license, u.defaultLicense]),
      [
        [1, 'Pat Lee', pat, 'PrivateUser', 'Basic', true],
        [2, 'Jo Smith', jo, 'SharedDevice', 'Plus', false],
        [5, 'Sam Back', sam, 'PrivateUser', 'Basic', true],
        [6, 'Lee Elsewhere', lee, 'PrivateUser', 'Basic', true],
      ],
    );
    assert.deepEqual(preview.rejected, [
      { line: 3, input: `Pat again, ${pat.toUpperCase()}`, error: 'Duplicate of line 1: the same email address' },
      { line: 4, input: `Kim Present, ${kim.toUpperCase()}`, error: 'Already a user of this account' },
      { line: 7, input: 'No Email', error: 'Missing email address' },
    ]);
    assert.deepEqual(await usersOf(account.id), before, 'a preview adds no users');
  });

  test('an import is seen only by the admin who made it, under its own account', async () => {
    const account = await makeAccount(prisma);
    const { id } = await previewUserImport(admin, account.id, { text: `Pat, ${address('pat')}` });
    const colleague = await sessionFor((await makeAdmin(prisma)).id);
    assert.equal(await getUserImport(colleague, account.id, id), null);
    assert.equal(await getUserImport(admin, (await makeAccount(prisma)).id, id), null);
    assert.equal(await getUserImport(admin, account.id, 'no-such-import'), null);
  });

  test('a file that cannot be read is refused on its field, and audited', async () => {
    const account = await makeAccount(prisma);
    const err = await assertRefused('invalid', () =>
      previewUserImport(admin, account.id, { csv: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) }),
    );
    assert.equal(err.field, 'csv');
    assert.match(err.message, /This is a spreadsheet/);
    const empty = await assertRefused('invalid', () => previewUserImport(admin, account.id, { text: '\n' }));
    assert.deepEqual([empty.field, empty.message], ['users', 'Enter at least one user']);
    const audit = await prisma.auditEvent.findMany({
      where: { adminId: admin.id, accountId: account.id },
      orderBy: { seq: 'asc' },
      select: { action: true, outcome: true },
    });
    assert.deepEqual(audit, [
      { action: 'import-users', outcome: 'Invalid' },
      { action: 'import-users', outcome: 'Invalid' },
    ]);
  });
});

describe('import', () => {
  test('adds the users with an invitation each, in batches of one transaction and one audit row each', async () => {
    const account = await makeAccount(prisma);
    const emails = Array.from({ length: 5 }, (_, i) => address(`batch${i}`)).sort();
    const text = [...emails.map((e, i) => `Person ${i}, ${e}, , ${i === 0 ? 'Plus' : ''}`), 'bad line'].join('\n');
    const { id } = await previewUserImport(admin, account.id, { text });

    const seen: number[][] = [];
    const result = await importUsers(admin, account.id, id, {
      batchSize: 2,
      onBatch: (b) => seen.push([b.batch, b.batches, b.added, b.skipped]),
    });
    assert.deepEqual(result, { added: 5, skipped: 0, repeated: false, notified: true });
    assert.deepEqual(seen, [
      [1, 3, 2, 0],
      [2, 3, 2, 0],
      [3, 3, 1, 0],
    ]);
    const users = await usersOf(account.id);
    assert.deepEqual(
      users.map((u) => [u.email, u.activeEmail, u.userType, u.license, u.invitationStatus, u.removedAt]),
      emails.map((e, i) => [e, e, 'PrivateUser', i === 0 ? 'Plus' : 'Pro', 'Pending', null]),
    );
    const outbox = await prisma.outboxMessage.findMany({
      where: { accountId: account.id },
      orderBy: { to: 'asc' },
      select: { kind: true, to: true, subject: true, status: true, adminId: true, user: { select: { email: true } } },
    });
    assert.deepEqual(
      outbox,
      emails.map((e) => ({
        kind: 'Invitation',
        to: e,
        subject: `You are invited to ${account.name}`,
        status: 'Pending',
        adminId: admin.id,
        user: { email: e },
      })),
    );
    const audit = await prisma.auditEvent.findMany({
      where: { accountId: account.id, action: 'import-users' },
      orderBy: { seq: 'asc' },
      select: { outcome: true, after: true, detail: true },
    });
    assert.deepEqual(audit, [
      {
        outcome: 'Done',
        after: { importId: id, batch: 1, batches: 3, added: 2, skipped: 0, rejected: 1 },
        detail: 'Imported 2 users (batch 1 of 3), each invited by email; 1 line rejected in the preview',
      },
      {
        outcome: 'Done',
        after: { importId: id, batch: 2, batches: 3, added: 2, skipped: 0 },
        detail: 'Imported 2 users (batch 2 of 3), each invited by email',
      },
      {
        outcome: 'Done',
        after: { importId: id, batch: 3, batches: 3, added: 1, skipped: 0 },
        detail: 'Imported 1 user (batch 3 of 3), each invited by email',
      },
    ]);
    const preview = await getUserImport(admin, account.id, id);
    assert.ok(preview?.committedAt);
    assert.equal(preview.addedCount, 5);
  });

  test('an import already made imports nothing again, and says so', async () => {
    const account = await makeAccount(prisma);
    const { id } = await previewUserImport(admin, account.id, { text: `Pat, ${address('pat')}\nJo, ${address('jo')}` });
    assert.deepEqual(await importUsers(admin, account.id, id), { added: 2, skipped: 0, repeated: false, notified: true });
    const audits = await prisma.auditEvent.count({ where: { accountId: account.id } });
    assert.deepEqual(await importUsers(admin, account.id, id), { added: 2, skipped: 0, repeated: true, notified: false });
    assert.equal((await usersOf(account.id)).length, 2);
    assert.equal(await prisma.outboxMessage.count({ where: { accountId: account.id } }), 2);
    assert.equal(await prisma.auditEvent.count({ where: { accountId: account.id } }), audits, 'a repeat is neither a change nor a refusal');
  });

  test('two submits at once: one imports, the other repeats; nobody is added twice', async () => {
    const account = await makeAccount(prisma);
    const { id } = await previewUserImport(admin, account.id, { text: `Pat, ${address('pat')}\nJo, ${address('jo')}` });
    const results = await Promise.all([importUsers(admin, account.id, id), importUsers(admin, account.id, id)]);
    assert.deepEqual(results.map((r) => r.repeated).sort(), [false, true]);
    assert.equal((await usersOf(account.id)).length, 2);
    assert.equal(await prisma.outboxMessage.count({ where: { accountId: account.id } }), 2);
  });

  test('someone added one of them since the preview: skipped and counted, never a second user', async () => {
    const account = await makeAccount(prisma);
    const [pat, jo] = [address('pat'), address('jo')];
    const { id } = await previewUserImport(admin, account.id, { text: `Pat, ${pat}\nJo, ${jo}` });
    await makeUser(prisma, account.id, { fullName: 'Jo First', email: jo });

    assert.deepEqual(await importUsers(admin, account.id, id), { added: 1, skipped: 1, repeated: false, notified: true });
    assert.deepEqual(
      (await usersOf(account.id)).map((u) => [u.fullName, u.email]),
      [
        ['Jo First', jo],
        ['Pat', pat],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    assert.deepEqual(
      (await prisma.outboxMessage.findMany({ where: { accountId: account.id }, select: { to: true } })).map((m) => m.to),
      [pat],
      'only the imported user is invited',
    );
    const [audit] = await prisma.auditEvent.findMany({
      where: { accountId: account.id, action: 'import-users' },
      select: { detail: true },
    });
    assert.equal(audit?.detail, 'Imported 1 user, each invited by email; skipped 1 user someone else added to the account first');
  });

  test('a removed user is imported again as a new user; their old row stays as it was', async () => {
    const account = await makeAccount(prisma);
    const email = address('back');
    const old = await makeUser(prisma, account.id, { fullName: 'Old Self', email });
    const { id } = await previewUserImport(admin, account.id, { text: `New Self, ${email}` });
    await removeUser(old.id); // removed between the preview (which refused the address) and the import
    const again = await previewUserImport(admin, account.id, { text: `New Self, ${email}` });
    assert.equal((await getUserImport(admin, account.id, id))?.acceptedCount, 0);
    assert.deepEqual(await importUsers(admin, account.id, again.id), { added: 1, skipped: 0, repeated: false, notified: true });
    const rows = await usersOf(account.id);
    assert.deepEqual(
      rows.map((u) => [u.fullName, u.email, u.activeEmail, u.removedAt !== null]),
      [
        ['Old Self', email, null, true],
        ['New Self', email, email, false],
      ],
    );
  });
});

describe('who may import', () => {
  test('a ReadOnly admin is refused at both steps, and each refusal audited once', async () => {
    const account = await makeAccount(prisma);
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', allAccounts: true })).id);
    const { id } = await previewUserImport(admin, account.id, { text: `Pat, ${address('pat')}` });
    const imports = await prisma.userImport.count();
    const preview = await assertRefused('denied', () => previewUserImport(viewer, account.id, { text: `Jo, ${address('jo')}` }));
    assert.equal(preview.message, 'You have read-only access, so you cannot change phone numbers, users or permissions.');
    await assertRefused('denied', () => importUsers(viewer, account.id, id));
    assert.equal(await prisma.userImport.count(), imports);
    assert.equal((await usersOf(account.id)).length, 0);
    assert.deepEqual(
      await prisma.auditEvent.findMany({
        where: { adminId: viewer.id },
        orderBy: { seq: 'asc' },
        select: { action: true, outcome: true, accountId: true },
      }),
      [
        { action: 'import-users', outcome: 'Denied', accountId: account.id },
        { action: 'import-users', outcome: 'Denied', accountId: account.id },
      ],
    );
  });

  test("an Administrator of another account cannot preview into this one, nor import someone else's preview", async () => {
    const account = await makeAccount(prisma);
    const elsewhere = await makeAccount(prisma);
    const outsider = await sessionFor((await makeAdmin(prisma, { accountIds: [elsewhere.id] })).id);
    const { id } = await previewUserImport(admin, account.id, { text: `Pat, ${address('pat')}` });
    const refusal = await assertRefused('not-found', () => previewUserImport(outsider, account.id, { text: `Jo, ${address('jo')}` }));
    assert.equal(refusal.message, 'That account does not exist, or you do not administer it.');
    await assertRefused('not-found', () => importUsers(outsider, account.id, id));
    // Their own preview, pointed at the other account, is not found either.
    const own = await previewUserImport(outsider, elsewhere.id, { text: `Kim, ${address('kim')}` });
    await assertRefused('not-found', () => importUsers(outsider, account.id, own.id));
    // A colleague with the same rights still cannot import this admin's preview.
    const colleague = await sessionFor((await makeAdmin(prisma)).id);
    const notTheirs = await assertRefused('not-found', () => importUsers(colleague, account.id, id));
    assert.equal(notTheirs.message, 'That list of users does not exist, or was not made by you. Start again.');
    assert.equal((await usersOf(account.id)).length, 0);
    assert.deepEqual(
      (await prisma.auditEvent.findMany({ where: { adminId: outsider.id, outcome: { not: 'Done' } }, select: { outcome: true } })).map(
        (a) => a.outcome,
      ),
      ['Denied', 'Denied', 'Denied'],
    );
  });
});
