import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { editCallingNameSchema } from './schemas';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import {
  deletePhoneNumber,
  editCallingName,
  findPhoneNumberId,
  getPhoneNumber,
  listPhoneNumbers,
  listPhoneNumbersWithCount,
  inventorySummary,
  purgeDeletedPhoneNumbers,
  recentHolder,
  restorePhoneNumber,
} from './phone-numbers';
import { assignPhoneNumber, unassignPhoneNumber } from '@/lib/telephony/telephony';
import { INVENTORY_SORTS } from './sort';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

const DAY = 24 * 3600 * 1000;

describe('inventory list', () => {
  test('views, digit search ignoring punctuation, filters, and who holds a number only for their own accounts', async () => {
    const mine = await makeAccount(prisma);
    const theirs = await makeAccount(prisma);
    const me = await makeUser(prisma, mine.id, { fullName: 'Visible Holder' });
    const them = await makeUser(prisma, theirs.id, { fullName: 'Hidden Holder' });
    const a = await makePhoneNumber(prisma, { e164: '+15095550101', user: me });
    const b = await makePhoneNumber(prisma, { e164: '+15095550102', user: them });
    const c = await makePhoneNumber(prisma, { e164: '+15095550103' });
    const d = await makePhoneNumber(prisma, { e164: '+18885550109', type: 'TollFree', productType: 'VoiceConnector' });
    const scoped = await sessionFor((await makeAdmin(prisma, { accountIds: [mine.id] })).id);

    const ids = async (view: 'all' | 'assigned' | 'unassigned' | 'deletion-queue', q: string, extra = {}) =>
      (await listPhoneNumbers(scoped, { view, ...extra }, { q })).rows.map((r) => r.id);
    assert.deepEqual(await ids('all', '(509) 555-01'), [a.id, b.id, c.id]);
    assert.deepEqual(await ids('assigned', '+1 509 555'), [a.id, b.id]);
    assert.deepEqual(await ids('unassigned', '5095550'), [c.id]);
    assert.deepEqual(await ids('all', '509555010', { type: 'TollFree' }), []);
    assert.deepEqual(await ids('all', '8885550109', { productType: 'VoiceConnector', country: 'US' }), [d.id]);

    const rows = (await listPhoneNumbers(scoped, { view: 'assigned' }, { q: '509555010' })).rows;
    assert.deepEqual(rows[0]?.assignee, {
      visible: true,
      accountId: mine.id,
      accountName: mine.name,
      userId: me.id,
      fullName: 'Visible Holder',
    });
    assert.deepEqual(rows[1]?.assignee, { visible: false });

    // The page's one-query summary: each tab's count and the countries, as the table holds them.
    const summary = await inventorySummary(scoped);
    const count = (status?: 'Assigned' | 'Unassigned' | 'DeleteInProgress') =>
      prisma.phoneNumber.count({ where: status ? { status } : {} });
    assert.deepEqual(summary.counts, {
      all: await count(),
      assigned: await count('Assigned'),
      unassigned: await count('Unassigned'),
      'deletion-queue': await count('DeleteInProgress'),
    });
    assert.ok(summary.counts.assigned >= 2);
    const countries = await prisma.phoneNumber.findMany({ distinct: ['country'], select: { country: true }, orderBy: { country: 'asc' } });
    assert.deepEqual(
      summary.countries,
      countries.map((r) => r.country),
    );
  });

  test('a number is found by its E.164 exactly, not by part of it', async () => {
    const n = await makePhoneNumber(prisma);
    assert.equal(await findPhoneNumberId(admin, n.e164), n.id);
    assert.equal(await findPhoneNumberId(admin, n.e164.slice(0, -1)), null);
  });
});

describe('calling name', () => {
  test('2–15 letters, digits or spaces; empty clears it', () => {
    for (const ok of ['', 'AB', 'Front Desk 2', 'x'.repeat(15), '  Sales   Line  ']) {
      assert.ok(editCallingNameSchema.safeParse({ phoneNumberId: 'n1', version: '1', callingName: ok }).success, ok);
    }
    for (const bad of ['A', 'x'.repeat(16), 'Café', 'Sales!', '<script>', 'Ｓales']) {
      assert.ok(!editCallingNameSchema.safeParse({ phoneNumberId: 'n1', version: '1', callingName: bad }).success, bad);
    }
    assert.equal(
      editCallingNameSchema.parse({ phoneNumberId: 'n1', version: '1', callingName: '  Sales   Line  ' }).callingName,
      'Sales Line',
    );
  });

  test('saves, clears, and refuses a stale form', async () => {
    const n = await makePhoneNumber(prisma);
    await editCallingName(admin, { phoneNumberId: n.id, version: 1, callingName: 'Front Desk' });
    assert.equal((await getPhoneNumber(admin, n.id))?.callingName, 'Front Desk');
    await assert.rejects(
      editCallingName(admin, { phoneNumberId: n.id, version: 1, callingName: 'Other' }),
      (e: unknown) => e instanceof DomainError && e.kind === 'conflict',
    );
    await editCallingName(admin, { phoneNumberId: n.id, version: 2, callingName: '' });
    assert.equal((await getPhoneNumber(admin, n.id))?.callingName, null);
  });
});

describe('delete, restore, purge', () => {
  test('only an Unassigned number can be deleted; restore puts it back; the purge removes it after 7 days', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const held = await makePhoneNumber(prisma, { user });
    const before = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: held.id } });
    await assert.rejects(
      deletePhoneNumber(admin, { phoneNumberId: held.id }),
      (e: unknown) => e instanceof DomainError && /Unassign it from the user first/.test(e.message),
    );
    assert.deepEqual(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: held.id } }), before);

    const n = await makePhoneNumber(prisma);
    const t0 = new Date('2026-01-01T00:00:00Z');
    await deletePhoneNumber(admin, { phoneNumberId: n.id }, t0);
    assert.equal((await getPhoneNumber(admin, n.id))?.status, 'DeleteInProgress');
    await assert.rejects(
      assignPhoneNumber(admin, {
        accountId: account.id,
        userId: (await makeUser(prisma, account.id)).id,
        phoneNumberId: n.id,
        userVersion: 1,
      }),
      (e: unknown) => e instanceof DomainError && /deletion queue/.test(e.message),
    );
    await restorePhoneNumber(admin, { phoneNumberId: n.id });
    assert.equal((await getPhoneNumber(admin, n.id))?.status, 'Unassigned');

    await deletePhoneNumber(admin, { phoneNumberId: n.id }, t0);
    assert.deepEqual((await purgeDeletedPhoneNumbers(new Date(t0.getTime() + 7 * DAY - 1000))).purged.includes(n.e164), false);
    assert.ok(await prisma.phoneNumber.findUnique({ where: { id: n.id } }));
    const [first, second] = await Promise.all([
      purgeDeletedPhoneNumbers(new Date(t0.getTime() + 7 * DAY)),
      purgeDeletedPhoneNumbers(new Date(t0.getTime() + 7 * DAY)),
    ]);
    assert.equal([...first.purged, ...second.purged].filter((e) => e === n.e164).length, 1, 'removed once');
    assert.equal(await prisma.phoneNumber.findUnique({ where: { id: n.id } }), null);
    const audit = await prisma.auditEvent.findMany({
      where: { phoneNumberId: n.id },
      orderBy: { seq: 'asc' },
      select: { action: true, outcome: true },
    });
    assert.deepEqual(
      audit.map((a) => `${a.action} ${a.outcome}`),
      [
        'delete-phone-number Done',
        'assign-phone-number Invalid',
        'restore-phone-number Done',
        'delete-phone-number Done',
        'purge-phone-number Done',
      ],
    );
  });

  test('a restore that loses its race is refused as a conflict, audited, and changes nothing', async () => {
    const n = await makePhoneNumber(prisma);
    await deletePhoneNumber(admin, { phoneNumberId: n.id });
    // Someone else's change lands between the restore's read and its conditional write: this
    // trigger makes that write match no row, as a restore or purge committed a moment earlier would.
    const name = `lose_race_${n.id}`;
    await prisma.$executeRawUnsafe(`CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "${name}" BEFORE UPDATE ON "PhoneNumber" FOR EACH ROW WHEN (OLD.id = '${n.id}') EXECUTE FUNCTION "${name}"()`,
    );
    try {
      await assert.rejects(
        restorePhoneNumber(admin, { phoneNumberId: n.id }),
        (e: unknown) =>
          e instanceof DomainError &&
          e.kind === 'conflict' &&
          /^Someone else changed .* a moment ago, before your restore\./.test(e.message),
      );
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "PhoneNumber"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
    }
    assert.equal((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n.id } })).status, 'DeleteInProgress');
    const audit = await prisma.auditEvent.findMany({
      where: { phoneNumberId: n.id },
      orderBy: { seq: 'asc' },
      select: { action: true, outcome: true, detail: true },
    });
    assert.deepEqual(
      audit.map((a) => `${a.action} ${a.outcome}`),
      ['delete-phone-number Done', 'restore-phone-number Conflict'],
    );
    assert.match(audit[1]?.detail ?? '', /before your restore/);
  });

  test('a read-only admin can change nothing', async () => {
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    const n = await makePhoneNumber(prisma);
    for (const attempt of [
      () => deletePhoneNumber(viewer, { phoneNumberId: n.id }),
      () => restorePhoneNumber(viewer, { phoneNumberId: n.id }),
      () => editCallingName(viewer, { phoneNumberId: n.id, version: 1, callingName: 'Nope' }),
    ]) {
      await assert.rejects(attempt(), (e: unknown) => e instanceof DomainError && e.kind === 'denied');
    }
    const after = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n.id } });
    assert.deepEqual([after.status, after.callingName, after.version], ['Unassigned', null, 1]);
  });
});

describe('numbers in use belong to their account', () => {
  test('an administrator of other accounts cannot change a number assigned in an account they do not administer', async () => {
    const theirs = await makeAccount(prisma);
    const holder = await makeUser(prisma, theirs.id);
    const n = await makePhoneNumber(prisma, { user: holder });
    const outsider = await sessionFor((await makeAdmin(prisma, { accountIds: [(await makeAccount(prisma)).id] })).id);
    const before = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n.id } });
    await assert.rejects(
      editCallingName(outsider, { phoneNumberId: n.id, version: 1, callingName: 'Taken' }),
      (e: unknown) => e instanceof DomainError && e.kind === 'denied',
    );
    await assert.rejects(
      deletePhoneNumber(outsider, { phoneNumberId: n.id }),
      (e: unknown) => e instanceof DomainError && e.kind === 'denied',
    );
    assert.deepEqual(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n.id } }), before);
    // An unassigned number is the organisation's: any administrator may name it.
    const free = await makePhoneNumber(prisma);
    await editCallingName(outsider, { phoneNumberId: free.id, version: 1, callingName: 'Spare Line' });
    assert.equal((await getPhoneNumber(outsider, free.id))?.callingName, 'Spare Line');
  });
});

describe('history and reuse warning', () => {
  test('the details list who held the number; a number given up in the last 30 days names its last holder', async () => {
    const account = await makeAccount(prisma);
    const first = await makeUser(prisma, account.id, { fullName: 'First Holder' });
    const n = await makePhoneNumber(prisma);
    await assignPhoneNumber(admin, { accountId: account.id, userId: first.id, phoneNumberId: n.id, userVersion: 1 });
    await unassignPhoneNumber(admin, { accountId: account.id, userId: first.id, phoneNumberId: n.id, version: 2 });

    const details = await getPhoneNumber(admin, n.id);
    assert.equal(details?.history.length, 1);
    assert.deepEqual(details?.history[0]?.holder, {
      visible: true,
      accountId: account.id,
      accountName: account.name,
      userId: first.id,
      fullName: 'First Holder',
    });
    assert.ok(details?.history[0]?.unassignedAt);

    const recent = await recentHolder(admin, n.id);
    assert.equal(recent?.holder.visible && recent.holder.fullName, 'First Holder');
    assert.equal(await recentHolder(admin, n.id, new Date(Date.now() + 31 * DAY)), null);
    const outsider = await sessionFor((await makeAdmin(prisma, { accountIds: [(await makeAccount(prisma)).id] })).id);
    assert.deepEqual((await recentHolder(outsider, n.id))?.holder, { visible: false });
    // Nor who assigned and unassigned it: another account's admins are not this admin's to know.
    const seen = (await getPhoneNumber(outsider, n.id))?.history[0];
    assert.deepEqual(
      [seen?.holder, seen?.assignedBy, seen?.unassignedBy],
      [{ visible: false }, 'an admin of another account', 'an admin of another account'],
    );
    assert.equal(details?.history[0]?.assignedBy, admin.name, 'the admin who may see the account sees the name');
  });
});

describe('inventory sort', () => {
  test('by number, status or date added, either way: pages forward and back neither skip nor repeat, and know where they start', async () => {
    const prefix = `425${String(Math.floor(Math.random() * 900) + 100)}00`;
    const base = Date.UTC(2026, 0, 1);
    const made = Array.from({ length: 30 }, (_, i) => ({
      e164: `+1${prefix}${String(i).padStart(2, '0')}`,
      country: 'US',
      type: 'Local' as const,
      productType: 'BusinessCalling' as const,
      // Shuffled, and in ties: three statuses' worth of rows share each status, four each instant.
      status: (['Unassigned', 'DeleteInProgress'] as const)[(i * 7) % 2]!,
      createdAt: new Date(base + ((i * 11) % 8) * 60_000),
    }));
    await prisma.phoneNumber.createMany({ data: made });
    const rank = { Unassigned: 0, Assigned: 1, DeleteInProgress: 2 };
    const expected = (sort: (typeof INVENTORY_SORTS)[number]) => {
      const by = {
        number: (a: (typeof made)[number], b: (typeof made)[number]) => a.e164.localeCompare(b.e164),
        status: (a: (typeof made)[number], b: (typeof made)[number]) => rank[a.status] - rank[b.status] || a.e164.localeCompare(b.e164),
        added: (a: (typeof made)[number], b: (typeof made)[number]) =>
          a.createdAt.getTime() - b.createdAt.getTime() || a.e164.localeCompare(b.e164),
      }[sort.replace('-', '') as 'number' | 'status' | 'added'];
      const sorted = [...made].sort(by);
      return (sort.startsWith('-') ? sorted.reverse() : sorted).map((n) => n.e164);
    };
    for (const sort of INVENTORY_SORTS) {
      const read = (params: { after?: string; before?: string }) =>
        listPhoneNumbersWithCount(admin, { view: 'all', sort }, { q: prefix, ...params }).then((r) => r.page);
      const first = await read({});
      const second = await read({ after: first.nextCursor });
      assert.equal(first.total, 30, sort);
      assert.deepEqual([first.first, second.first], [1, 26], sort);
      assert.deepEqual(
        [...first.rows, ...second.rows].map((r) => r.e164),
        expected(sort),
        sort,
      );
      assert.equal(second.nextCursor, undefined, sort);
      const back = await read({ before: second.prevCursor });
      assert.deepEqual(
        back.rows.map((r) => r.e164),
        expected(sort).slice(0, 25),
        `${sort}, back`,
      );
      assert.equal(back.first, 1, `${sort}, back`);
    }
  });
});
