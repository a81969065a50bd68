import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makeApiToken, makePhoneNumber, makeUser, uniqueLocalE164 } from '@/lib/test/factories';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { previewPhoneNumbers, addPhoneNumbers } from '@/lib/inventory/phone-number-imports';
import { exportAuditEvents, listAuditAdmins, listAuditEvents, recentActivity, type AuditRow } from './audit-log';
import { deletePhoneNumber, editCallingName, purgeDeletedPhoneNumbers } from '@/lib/inventory/phone-numbers';
import { assignPhoneNumber, editTelephonyPermissions } from '@/lib/telephony/telephony';
import { authenticateToken, revokeApiToken } from '@/lib/api/tokens';

const database = useTestDatabase();
let prisma: PrismaClient;
let everything: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  everything = await sessionFor((await makeAdmin(prisma)).id);
});

/** Every event this admin may see that matches, newest first, read page by page. */
async function all(admin: SessionAdmin, filters: Parameters<typeof listAuditEvents>[1]): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for await (const batch of exportAuditEvents(admin, filters, 50)) rows.push(...batch);
  return rows;
}

const summary = (rows: AuditRow[]) => rows.map((r) => `${r.action} ${r.outcome}`);

describe('filters', () => {
  test('by admin, account, user, number, action, outcome and UTC day range, each alone and together', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const other = await makeUser(prisma, account.id);
    const n = await makePhoneNumber(prisma);
    const [a1, a2] = [await makeAdmin(prisma), await makeAdmin(prisma)];
    const event = (at: string, data: Partial<Prisma.AuditEventUncheckedCreateInput>) =>
      prisma.auditEvent.create({
        data: { at: new Date(at), action: 'edit-telephony-permissions', outcome: 'Done', accountId: account.id, ...data },
        select: { id: true },
      });
    const e = {
      first: await event('2026-03-01T00:00:00Z', { adminId: a1.id, userId: user.id }),
      conflict: await event('2026-03-01T23:59:59.999Z', { adminId: a1.id, userId: user.id, outcome: 'Conflict' }),
      assign: await event('2026-03-02T12:00:00Z', { adminId: a2.id, userId: user.id, phoneNumberId: n.id, action: 'assign-phone-number' }),
      denied: await event('2026-03-03T00:00:00Z', { adminId: a2.id, userId: other.id, outcome: 'Denied' }),
      late: await event('2026-03-04T08:00:00Z', { adminId: a1.id, userId: other.id, phoneNumberId: n.id, action: 'unassign-phone-number' }),
    };
    const ids = async (filters: Parameters<typeof listAuditEvents>[1]) =>
      (await all(everything, { accountId: account.id, ...filters })).map((r) => r.id);
    const { first, conflict, assign, denied, late } = e;

    assert.deepEqual(await ids({}), [late.id, denied.id, assign.id, conflict.id, first.id], 'newest first');
    assert.deepEqual(await ids({ adminId: a1.id }), [late.id, conflict.id, first.id]);
    assert.deepEqual(await ids({ userId: other.id }), [late.id, denied.id]);
    assert.deepEqual(await ids({ phoneNumberId: n.id }), [late.id, assign.id]);
    assert.deepEqual(await ids({ action: 'assign-phone-number' }), [assign.id]);
    assert.deepEqual(await ids({ outcome: 'Conflict' }), [conflict.id]);
    assert.deepEqual(await ids({ from: '2026-03-02' }), [late.id, denied.id, assign.id]);
    assert.deepEqual(await ids({ to: '2026-03-01' }), [conflict.id, first.id], '"to" includes the whole day');
    assert.deepEqual(await ids({ from: '2026-03-02', to: '2026-03-03' }), [denied.id, assign.id]);
    assert.deepEqual(await ids({ from: '2026-03-05' }), []);
    assert.deepEqual(
      await ids({
        adminId: a1.id,
        userId: other.id,
        action: 'unassign-phone-number',
        outcome: 'Done',
        from: '2026-03-04',
        to: '2026-03-04',
      }),
      [late.id],
    );
    assert.deepEqual(await ids({ action: ['assign-phone-number', 'unassign-phone-number'] }), [late.id, assign.id], 'several actions');
    assert.deepEqual(await ids({ adminId: a2.id, outcome: 'Conflict' }), []);
    const otherAccount = await makeAccount(prisma);
    assert.deepEqual(await ids({ accountId: otherAccount.id }), []);
  });
});

describe('scope', () => {
  test('an admin of some accounts sees their accounts’ events, their own sign-ins and changes, and nothing else', async () => {
    const mine = await makeAccount(prisma);
    const theirs = await makeAccount(prisma);
    const myUser = await makeUser(prisma, mine.id);
    const theirUser = await makeUser(prisma, theirs.id, { fullName: 'Secret Person' });
    const meRecord = await makeAdmin(prisma, { accountIds: [mine.id] });
    const me = await sessionFor(meRecord.id);
    const colleague = await makeAdmin(prisma, { accountIds: [mine.id, theirs.id] });

    // Sign-ins: mine (done and a wrong password), and a colleague's.
    assert.ok(await verifyAdminCredentials(meRecord.email, meRecord.password));
    assert.equal(await verifyAdminCredentials(meRecord.email.toUpperCase(), 'wrong'), null);
    assert.ok(await verifyAdminCredentials(colleague.email, colleague.password));
    // Changes in each account, and to the inventory by me, by someone else, and by the purge.
    await recordAudit(prisma, {
      admin: colleague,
      action: 'edit-telephony-permissions',
      outcome: 'Done',
      accountId: mine.id,
      userId: myUser.id,
    });
    await recordAudit(prisma, {
      admin: colleague,
      action: 'edit-telephony-permissions',
      outcome: 'Done',
      accountId: theirs.id,
      userId: theirUser.id,
    });
    const myNumber = await makePhoneNumber(prisma);
    await editCallingName(me, { phoneNumberId: myNumber.id, version: 1, callingName: 'Mine' });
    const otherNumber = await makePhoneNumber(prisma);
    await editCallingName(everything, { phoneNumberId: otherNumber.id, version: 1, callingName: 'Theirs' });
    // A forged request naming my account and their user: mine to see, but not their user's name.
    await recordAudit(prisma, {
      admin: colleague,
      action: 'assign-phone-number',
      outcome: 'Denied',
      accountId: mine.id,
      userId: theirUser.id,
      detail: 'forged',
    });

    const since = (rows: AuditRow[]) =>
      rows.filter(
        (r) =>
          [meRecord.id, colleague.id].includes(r.who.kind === 'admin' ? r.who.adminId : '') ||
          (r.who.kind === 'attempt' && r.who.email === meRecord.email) ||
          r.phoneNumber?.id === otherNumber.id,
      );
    const seen = since(await all(me, {}));
    assert.deepEqual(summary(seen), [
      'assign-phone-number Denied',
      'edit-calling-name Done',
      'edit-telephony-permissions Done',
      'sign-in Denied',
      'sign-in Done',
    ]);
    assert.ok(seen.every((r) => r.account === null || r.account.id === mine.id));
    const forged = seen[0]!;
    assert.deepEqual(forged.user, { id: theirUser.id, label: 'A user who does not exist or is not in your accounts' });
    assert.equal(forged.account?.label, mine.name);
    assert.ok(!JSON.stringify(seen).includes('Secret Person'));

    // An admin of every account sees all of it, names included.
    const everythingSeen = since(await all(everything, {}));
    assert.equal(everythingSeen.length, 8);
    assert.ok(JSON.stringify(everythingSeen).includes('Secret Person'));

    // Filters cannot widen the scope.
    assert.deepEqual(await all(me, { accountId: theirs.id }), []);
    assert.deepEqual(await all(me, { userId: theirUser.id, accountId: theirs.id }), []);
    assert.deepEqual(await all(me, { adminId: colleague.id, action: 'sign-in' }), []);
    assert.deepEqual((await recentActivity(me, { phoneNumberId: otherNumber.id })).rows, []);
    assert.equal((await recentActivity(everything, { phoneNumberId: otherNumber.id })).rows.length, 1);

    // The admin filter offers those who can act in my accounts, not everyone.
    const stranger = await makeAdmin(prisma, { accountIds: [theirs.id] });
    const offered = (await listAuditAdmins(me)).map((a) => a.id);
    assert.ok(offered.includes(me.id) && offered.includes(colleague.id) && offered.includes(everything.id));
    assert.ok(!offered.includes(stranger.id));
    assert.ok((await listAuditAdmins(everything)).some((a) => a.id === stranger.id));
  });
});

describe('keyset paging on seq', () => {
  test('forward and back through pages: newest first, no repeats, no skips, even as events are added', async () => {
    const account = await makeAccount(prisma);
    const admin = await makeAdmin(prisma);
    const add = (i: number) =>
      recordAudit(prisma, { admin, action: 'edit-telephony-permissions', outcome: 'Done', accountId: account.id, detail: `event ${i}` });
    for (let i = 0; i < 23; i++) await add(i);
    const expected = (
      await prisma.auditEvent.findMany({ where: { accountId: account.id }, orderBy: { seq: 'desc' }, select: { seq: true } })
    ).map((e) => String(e.seq));

    const pages: AuditRow[][] = [];
    let after: string | undefined;
    let prevOfFirst: string | undefined = 'unset';
    for (;;) {
      const page = await listAuditEvents(everything, { accountId: account.id }, { after }, 5);
      if (pages.length === 0) prevOfFirst = page.prevCursor;
      pages.push(page.rows);
      await add(100 + pages.length); // newer events arriving while an admin reads must not shift the pages
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    assert.equal(prevOfFirst, undefined, 'the first page has no previous page');
    assert.deepEqual(
      pages.map((p) => p.length),
      [5, 5, 5, 5, 3],
    );
    assert.deepEqual(
      pages.flat().map((r) => r.seq),
      expected,
    );

    // Back from the last page, page by page, to the first.
    let beforeCursor = (await listAuditEvents(everything, { accountId: account.id }, { after: pages[3]!.at(-1)!.seq }, 5)).prevCursor;
    for (let i = 3; i >= 0; i--) {
      const page = await listAuditEvents(everything, { accountId: account.id }, { before: beforeCursor }, 5);
      assert.deepEqual(
        page.rows.map((r) => r.seq),
        pages[i]!.map((r) => r.seq),
        `page ${i + 1} read backwards`,
      );
      assert.equal(page.nextCursor, pages[i]!.at(-1)!.seq);
      beforeCursor = page.prevCursor;
    }
    // Above the first page now sit the events added meanwhile: a previous page, newest first.
    assert.ok(beforeCursor);
    const newer = await listAuditEvents(everything, { accountId: account.id }, { before: beforeCursor }, 5);
    assert.deepEqual(
      newer.rows.map((r) => r.detail),
      ['event 105', 'event 104', 'event 103', 'event 102', 'event 101'],
    );
    assert.equal(newer.prevCursor, undefined);

    // Garbage cursors are ignored: the first page.
    for (const bad of ['abc', '-1', '1e3', '99999999999999999999', '']) {
      assert.equal((await listAuditEvents(everything, { accountId: account.id }, { after: bad }, 5)).rows[0]?.detail, 'event 105', bad);
    }
  });

  test('the export reads every event in batches, in the same order as the pages', async () => {
    const account = await makeAccount(prisma);
    const admin = await makeAdmin(prisma);
    for (let i = 0; i < 12; i++) {
      await recordAudit(prisma, { admin, action: 'sign-in', outcome: 'Done', accountId: account.id, detail: String(i) });
    }
    const batches: AuditRow[][] = [];
    for await (const batch of exportAuditEvents(everything, { accountId: account.id }, 5)) batches.push(batch);
    assert.deepEqual(
      batches.map((b) => b.length),
      [5, 5, 2],
    );
    assert.deepEqual(
      batches.flat().map((r) => r.detail),
      ['11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0'],
    );
    const exact: AuditRow[][] = [];
    for await (const batch of exportAuditEvents(everything, { accountId: account.id }, 6)) exact.push(batch);
    assert.deepEqual(
      exact.map((b) => b.length),
      [6, 6],
      'a last full batch is not followed by an empty one',
    );
  });
});

describe('how events read', () => {
  test('who, what, which account, user and number (even once purged), and before → after', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id, { fullName: 'Ada Reader' });
    const n = await makePhoneNumber(prisma);
    const adminRecord = await makeAdmin(prisma);
    const admin = await sessionFor(adminRecord.id);
    await assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: n.id, userVersion: 1 });
    await editTelephonyPermissions(admin, {
      accountId: account.id,
      userId: user.id,
      version: 2,
      inboundCalling: true,
      outboundCalling: false,
      sms: false,
    });
    await assert.rejects(
      editTelephonyPermissions(admin, {
        accountId: account.id,
        userId: user.id,
        version: 2,
        inboundCalling: true,
        outboundCalling: true,
        sms: true,
      }),
    );

    const { rows, more } = await recentActivity(everything, { userId: user.id });
    assert.equal(more, false);
    const [conflict, edit, assign] = rows;
    assert.deepEqual(summary(rows), ['edit-telephony-permissions Conflict', 'edit-telephony-permissions Done', 'assign-phone-number Done']);
    assert.deepEqual(assign!.who, { kind: 'admin', adminId: admin.id, name: admin.name, email: admin.email });
    assert.equal(assign!.actionLabel, 'Assigned phone number');
    assert.deepEqual(assign!.account, { id: account.id, label: account.name, href: `/accounts/${account.id}` });
    assert.deepEqual(assign!.user, { id: user.id, label: 'Ada Reader', href: `/accounts/${account.id}/users/${user.id}` });
    assert.deepEqual(assign!.phoneNumber, { id: n.id, label: formatPhoneNumber(n.e164), href: `/phone-numbers/${n.id}`, e164: n.e164 });
    assert.deepEqual(assign!.changes, [{ field: 'Phone number', before: 'None', after: formatPhoneNumber(n.e164) }]);
    assert.deepEqual(edit!.changes, [{ field: 'Inbound calling', before: 'Off', after: 'On' }]);
    assert.equal(edit!.requested, false);
    assert.deepEqual(conflict!.changes, [
      { field: 'Inbound calling', after: 'On' },
      { field: 'Outbound calling', after: 'On' },
      { field: 'SMS', after: 'On' },
    ]);
    assert.equal(conflict!.requested, true);
    assert.match(conflict!.detail ?? '', /Someone else changed Ada Reader/);

    // A purged number is still named: from the event itself, or from its purge event.
    const gone = await makePhoneNumber(prisma);
    await editCallingName(admin, { phoneNumberId: gone.id, version: 1, callingName: 'Gone Soon' });
    await deletePhoneNumber(admin, { phoneNumberId: gone.id }, new Date('2026-01-01T00:00:00Z'));
    await purgeDeletedPhoneNumbers(new Date('2026-02-01T00:00:00Z'));
    const history = (await recentActivity(everything, { phoneNumberId: gone.id })).rows;
    assert.deepEqual(summary(history), ['purge-phone-number Done', 'delete-phone-number Done', 'edit-calling-name Done']);
    for (const row of history)
      assert.deepEqual(row.phoneNumber, { id: gone.id, label: `${formatPhoneNumber(gone.e164)} (removed)`, e164: gone.e164 });
    assert.deepEqual(history[0]!.who, { kind: 'system', name: 'System' });
    assert.deepEqual(history[2]!.changes, [{ field: 'Calling name', before: 'None', after: 'Gone Soon' }]);
    assert.deepEqual(history[1]!.changes, [{ field: 'Status', before: 'Unassigned', after: 'Deletion queue' }]);

    // A refused sign-in names the email that was typed, not an admin.
    await verifyAdminCredentials(`nobody-${account.id}@example.com`, 'x');
    const [attempt] = await all(everything, { action: 'sign-in', outcome: 'Denied', from: new Date().toISOString().slice(0, 10) });
    assert.deepEqual(attempt!.who, { kind: 'attempt', email: `nobody-${account.id}@example.com`.toLowerCase() });
    assert.equal(attempt!.detail, 'unknown email');
  });
});

describe('changes made through a token', () => {
  test('name the token beside the admin, as it was called then, even once revoked; a caller with no token is no admin', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    await makePhoneNumber(prisma, { user });
    const adminRecord = await makeAdmin(prisma, { accountIds: [account.id] });
    const token = await makeApiToken(prisma, adminRecord.id, { name: 'deploy script' });
    const scim = await makeApiToken(prisma, adminRecord.id, { kind: 'Provisioning', accountId: account.id, name: 'directory sync' });
    const through = async (secret: string, kind: 'Personal' | 'Provisioning') => {
      const result = await authenticateToken(secret, kind);
      assert.ok('admin' in result, 'the token works');
      return result.admin;
    };
    const edit = (admin: SessionAdmin, version: number, sms: boolean) =>
      editTelephonyPermissions(admin, {
        accountId: account.id,
        userId: user.id,
        version,
        inboundCalling: false,
        outboundCalling: false,
        sms,
      });
    await edit(await sessionFor(adminRecord.id), 1, true);
    await edit(await through(token.secret, 'Personal'), 2, false);
    await edit(await through(scim.secret, 'Provisioning'), 3, true);
    await revokeApiToken(await sessionFor(adminRecord.id), { tokenId: token.id });
    await prisma.apiToken.update({ where: { id: token.id }, data: { name: 'renamed since' } }); // the row keeps the name it had

    const rows = await all(everything, { userId: user.id });
    assert.deepEqual(
      rows.map((r) => r.token),
      [{ id: scim.id, name: 'directory sync', kind: 'Provisioning' }, { id: token.id, name: 'deploy script', kind: 'Personal' }, null],
    );
    for (const row of rows)
      assert.deepEqual(row.who, { kind: 'admin', adminId: adminRecord.id, name: adminRecord.name, email: adminRecord.email });

    // A refused call names the token's admin and the token; one with no token of ours names no one.
    assert.ok('refused' in (await authenticateToken(token.secret, 'Personal')));
    await recordAudit(prisma, {
      admin: { id: adminRecord.id, email: adminRecord.email, token: { id: token.id, name: 'deploy script' } },
      action: 'api-request',
      outcome: 'Denied',
      after: { method: 'GET', path: '/api/v1/accounts', reason: 'revoked' },
      detail: 'That API token has been revoked.',
    });
    await recordAudit(prisma, {
      action: 'api-request',
      outcome: 'Denied',
      after: { method: 'GET', path: `/api/v1/accounts/${account.id}`, reason: 'unknown' },
      detail: 'That API token is not valid.',
    });
    const [unknown, revoked] = await all(everything, { action: 'api-request', from: new Date().toISOString().slice(0, 10) });
    assert.deepEqual(unknown!.who, { kind: 'system', name: 'An API caller without a valid token' });
    assert.equal(unknown!.token, null);
    assert.deepEqual(revoked!.token, { id: token.id, name: 'deploy script', kind: 'Personal' });
    assert.deepEqual(revoked!.changes, [
      { field: 'Method', after: 'GET' },
      { field: 'Path', after: '/api/v1/accounts' },
    ]);
    assert.equal(revoked!.requested, true);

    // Made and revoked in the console: its own events, visible to the admin who made it.
    const own = await all(await sessionFor(adminRecord.id), { adminId: adminRecord.id, action: 'revoke-api-token' });
    assert.equal(own.length, 1);
    assert.equal(own[0]!.token, null);
    assert.deepEqual(
      own[0]!.changes.map((c) => `${c.field}: ${c.before}`),
      ['Name: deploy script', `Token ID: ${token.id}`, `Secret starts with: ${token.secret.slice(0, 11)}…`],
    );
  });
});

describe('noise and additions', () => {
  test('"changes only" hides sign-ins and refused requests that change nothing, keeping refused changes', async () => {
    const account = await makeAccount(prisma);
    const a = await makeAdmin(prisma);
    const event = (action: string, outcome: 'Done' | 'Denied' = 'Done') =>
      prisma.auditEvent.create({ data: { action, outcome, adminId: a.id, accountId: account.id }, select: { id: true } });
    const signIn = await event('sign-in');
    const look = await event('view-admins', 'Denied');
    const refusedCall = await event('api-request', 'Denied');
    const denied = await event('edit-user', 'Denied');
    const done = await event('add-user');
    const ids = async (filters: Parameters<typeof listAuditEvents>[1]) =>
      (await all(everything, { adminId: a.id, ...filters })).map((r) => r.id);
    assert.deepEqual(await ids({}), [done.id, denied.id, refusedCall.id, look.id, signIn.id]);
    assert.deepEqual(await ids({ changes: 'only' }), [done.id, denied.id]);
    assert.deepEqual(await ids({ changes: 'only', action: ['sign-in', 'add-user'] }), [done.id]);
  });

  test('an addition of numbers says how many, and links its own admin to them, not naming the import', async () => {
    const adder = await sessionFor((await makeAdmin(prisma)).id);
    const text = [uniqueLocalE164(), uniqueLocalE164(), uniqueLocalE164()].join('\n');
    const { id } = await previewPhoneNumbers(adder, { text, defaultCountry: 'US', productType: 'BusinessCalling' });
    await addPhoneNumbers(adder, id);
    const filters = { adminId: adder.id, action: ['add-phone-numbers' as const] };
    const [mine] = (await listAuditEvents(adder, filters)).rows;
    assert.deepEqual(mine?.numbersAdded, { count: 3, href: `/phone-numbers/add/${id}` });
    assert.deepEqual(mine?.changes, [], 'neither the import id nor its counts are shown as changes');
    assert.equal(mine?.detail, 'Added 3 phone numbers');
    // Another admin of every account sees the count, but the import's page is its admin's alone.
    const [theirs] = (await listAuditEvents(everything, filters)).rows;
    assert.deepEqual(theirs?.numbersAdded, { count: 3 });
  });
});
