import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAdmin, makePhoneNumber, uniqueLocalE164, uniqueTollFreeE164 } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { addPhoneNumberList, addPhoneNumbers, getPhoneNumberImport, previewPhoneNumbers, PREVIEW_ROWS } from './phone-number-imports';
import { assertRefused } from '@/lib/test/refused';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

/** "(206) 555-0100" for "+12065550100": how admins type national numbers. */
const national = (e164: string) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');

async function numbersIn(e164s: string[]) {
  return prisma.phoneNumber.findMany({
    where: { e164: { in: e164s } },
    orderBy: { e164: 'asc' },
    select: { e164: true, country: true, type: true, productType: true, status: true, userId: true, accountId: true },
  });
}

const refused = (kind: DomainError['kind'], run: () => Promise<unknown>) => assertRefused(kind, run);

describe('preview', () => {
  test('each line gets its verdict: accepted with the product type it will get, or rejected with why', async () => {
    const [a, b, c] = [uniqueLocalE164(), uniqueLocalE164(), uniqueLocalE164()];
    const free = uniqueTollFreeE164();
    const existing = await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
    const queued = await makePhoneNumber(prisma, { e164: uniqueLocalE164(), status: 'DeleteInProgress' });
    const text = [a, national(b), '', free, 'call me', existing.e164, queued.e164, national(a), '+1', c].join('\n');

    const { id } = await previewPhoneNumbers(admin, { text, defaultCountry: 'US', productType: 'BusinessCalling' });
    const preview = await getPhoneNumberImport(admin, id);
    assert.ok(preview);
    assert.equal(preview.acceptedCount, 4);
    assert.equal(preview.rejectedCount, 5);
    assert.equal(preview.tollFreeCount, 1);
    assert.equal(preview.committedAt, null);
    assert.deepEqual(
      preview.accepted.map((l) => [l.line, l.e164, l.type, l.productType]),
      [
        [1, a, 'Local', 'BusinessCalling'],
        [2, b, 'Local', 'BusinessCalling'],
        [4, free, 'TollFree', 'VoiceConnector'],
        [10, c, 'Local', 'BusinessCalling'],
      ],
    );
    assert.deepEqual(preview.rejected, [
      { line: 5, input: 'call me', error: 'Contains letters: enter the phone number with digits only' },
      { line: 6, input: existing.e164, error: 'Already in the inventory' },
      { line: 7, input: queued.e164, error: 'Already in the inventory, in the deletion queue' },
      { line: 8, input: national(a), error: 'Duplicate of line 1' },
      { line: 9, input: '+1', error: '“+1” alone is only a country code: add the rest of the phone number' },
    ]);
    assert.deepEqual(await numbersIn([a, b, c, free]), [], 'a preview adds nothing');
  });

  test('Voice Connector chosen: every accepted number is Voice Connector', async () => {
    const e164 = uniqueLocalE164();
    const { id } = await previewPhoneNumbers(admin, {
      csv: `phone,name\n"${national(e164)}",Pat\n`,
      defaultCountry: 'US',
      productType: 'VoiceConnector',
    });
    const preview = await getPhoneNumberImport(admin, id);
    assert.deepEqual(
      preview?.accepted.map((l) => [l.line, l.e164, l.productType]),
      [[2, e164, 'VoiceConnector']],
    );
  });

  test('an import is seen only by the admin who made it', async () => {
    const { id } = await previewPhoneNumbers(admin, { text: uniqueLocalE164(), defaultCountry: 'US', productType: 'BusinessCalling' });
    const other = await sessionFor((await makeAdmin(prisma)).id);
    assert.equal(await getPhoneNumberImport(other, id), null);
    assert.equal(await getPhoneNumberImport(admin, 'no-such-import'), null);
  });

  test('a list that cannot be read at all is refused on its field', async () => {
    const err = await refused('invalid', () =>
      previewPhoneNumbers(admin, { csv: 'phone\n"unclosed\n', defaultCountry: 'US', productType: 'BusinessCalling' }),
    );
    assert.equal(err.field, 'csv');
    const empty = await refused('invalid', () =>
      previewPhoneNumbers(admin, { text: '\n\n', defaultCountry: 'US', productType: 'BusinessCalling' }),
    );
    assert.deepEqual([empty.field, empty.message], ['numbers', 'Enter at least one phone number']);
  });

  test('a read-only admin is refused, and the refusal audited', async () => {
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    const imports = await prisma.phoneNumberImport.count();
    const err = await refused('denied', () =>
      previewPhoneNumbers(viewer, { text: uniqueLocalE164(), defaultCountry: 'US', productType: 'BusinessCalling' }),
    );
    assert.equal(err.message, 'You have read-only access, so you cannot change phone numbers, users or permissions.');
    assert.equal(await prisma.phoneNumberImport.count(), imports);
    const audit = await prisma.auditEvent.findMany({
      where: { adminId: viewer.id },
      select: { action: true, outcome: true, detail: true },
    });
    assert.deepEqual(audit, [{ action: 'add-phone-numbers', outcome: 'Denied', detail: err.message }]);
  });

  test('a big batch shows the first rows of each table and counts the rest', async () => {
    const lines = Array.from({ length: PREVIEW_ROWS + 50 }, () => uniqueLocalE164());
    const bad = Array.from({ length: PREVIEW_ROWS + 5 }, (_, i) => `bad ${i}`);
    const { id } = await previewPhoneNumbers(admin, {
      text: [...lines, ...bad].join('\n'),
      defaultCountry: 'US',
      productType: 'BusinessCalling',
    });
    const preview = await getPhoneNumberImport(admin, id);
    assert.equal(preview?.acceptedCount, PREVIEW_ROWS + 50);
    assert.equal(preview?.rejectedCount, PREVIEW_ROWS + 5);
    assert.equal(preview?.accepted.length, PREVIEW_ROWS);
    assert.equal(preview?.rejected.length, PREVIEW_ROWS);
    assert.equal(preview?.accepted[0]?.e164, lines[0]);
  });
});

describe('add', () => {
  test('adds the accepted numbers as Unassigned, marks the import added, and audits once', async () => {
    const [a, b] = [uniqueLocalE164(), uniqueLocalE164()];
    const free = uniqueTollFreeE164();
    const { id } = await previewPhoneNumbers(admin, {
      text: `${a}\n${national(b)}\nnope\n${free}`,
      defaultCountry: 'US',
      productType: 'BusinessCalling',
    });

    assert.deepEqual(await addPhoneNumbers(admin, id), { added: 3, skipped: 0, repeated: false });
    assert.deepEqual(
      await numbersIn([a, b, free]),
      [
        { e164: a, country: 'US', type: 'Local', productType: 'BusinessCalling', status: 'Unassigned', userId: null, accountId: null },
        { e164: b, country: 'US', type: 'Local', productType: 'BusinessCalling', status: 'Unassigned', userId: null, accountId: null },
        { e164: free, country: 'US', type: 'TollFree', productType: 'VoiceConnector', status: 'Unassigned', userId: null, accountId: null },
      ].sort((x, y) => x.e164.localeCompare(y.e164)),
    );
    const preview = await getPhoneNumberImport(admin, id);
    assert.ok(preview?.committedAt);
    assert.equal(preview.addedCount, 3);
    const stamps = await prisma.phoneNumber.findMany({
      where: { e164: { in: [a, b, free] } },
      select: { id: true, createdAt: true, updatedAt: true },
    });
    for (const n of stamps) {
      assert.match(n.id, /^[a-z][0-9a-z]{23}$/, 'ids look like the rest');
      assert.equal(n.createdAt.getTime(), preview.committedAt.getTime(), 'created when the import was added, in UTC like every other date');
      assert.equal(n.updatedAt.getTime(), preview.committedAt.getTime());
    }
    const audit = await prisma.auditEvent.findMany({
      where: { action: 'add-phone-numbers', adminId: admin.id, outcome: 'Done' },
      select: { after: true, detail: true },
    });
    assert.deepEqual(audit, [
      { after: { importId: id, added: 3, skipped: 0, rejected: 1 }, detail: 'Added 3 phone numbers; 1 line rejected in the preview' },
    ]);

    // Submitted again (a double click, the back button, a replay): nothing is added twice.
    assert.deepEqual(await addPhoneNumbers(admin, id), { added: 3, skipped: 0, repeated: true });
    assert.equal(await prisma.auditEvent.count({ where: { action: 'add-phone-numbers', adminId: admin.id, outcome: 'Done' } }), 1);
  });

  test('numbers someone else added since the preview are skipped and counted, not an error', async () => {
    const me = await sessionFor((await makeAdmin(prisma)).id);
    const numbers = [uniqueLocalE164(), uniqueLocalE164(), uniqueLocalE164()];
    const { id } = await previewPhoneNumbers(me, { text: numbers.join('\n'), defaultCountry: 'US', productType: 'BusinessCalling' });
    await makePhoneNumber(prisma, { e164: numbers[1], productType: 'VoiceConnector' });

    assert.deepEqual(await addPhoneNumbers(me, id), { added: 2, skipped: 1, repeated: false });
    const [taken] = await numbersIn([numbers[1]!]);
    assert.equal(taken?.productType, 'VoiceConnector', 'the other admin’s number is left as it was');
    const [audit] = await prisma.auditEvent.findMany({ where: { action: 'add-phone-numbers', adminId: me.id }, select: { detail: true } });
    assert.equal(audit?.detail, 'Added 2 phone numbers; skipped 1 number someone else added first');
  });

  test('the same import submitted many times at once is added exactly once', async () => {
    const me = await sessionFor((await makeAdmin(prisma)).id);
    const numbers = Array.from({ length: 30 }, () => uniqueLocalE164());
    const { id } = await previewPhoneNumbers(me, { text: numbers.join('\n'), defaultCountry: 'US', productType: 'BusinessCalling' });
    const results = await Promise.all(Array.from({ length: 8 }, () => addPhoneNumbers(me, id)));
    assert.equal(results.filter((r) => !r.repeated).length, 1);
    for (const r of results) assert.deepEqual([r.added, r.skipped], [30, 0]);
    assert.equal((await numbersIn(numbers)).length, 30);
    assert.equal(await prisma.auditEvent.count({ where: { action: 'add-phone-numbers', adminId: me.id } }), 1);
  });

  test('a read-only admin, or another admin’s import, is refused, audited, and adds nothing', async () => {
    const e164 = uniqueLocalE164();
    const { id } = await previewPhoneNumbers(admin, { text: e164, defaultCountry: 'US', productType: 'BusinessCalling' });
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    const other = await sessionFor((await makeAdmin(prisma)).id);

    await refused('denied', () => addPhoneNumbers(viewer, id));
    const notYours = await refused('not-found', () => addPhoneNumbers(other, id));
    assert.match(notYours.message, /does not exist, or was not made by you/);
    assert.deepEqual(await numbersIn([e164]), []);
    assert.equal((await getPhoneNumberImport(admin, id))?.committedAt, null);
    const audit = await prisma.auditEvent.findMany({
      where: { action: 'add-phone-numbers', adminId: { in: [viewer.id, other.id] } },
      orderBy: { at: 'asc' },
      select: { adminId: true, outcome: true, after: true },
    });
    assert.deepEqual(audit, [
      { adminId: viewer.id, outcome: 'Denied', after: { importId: id } },
      { adminId: other.id, outcome: 'Denied', after: { importId: id } },
    ]);
  });

  test('10,000 numbers preview and add in bulk', async () => {
    const numbers = new Set<string>();
    while (numbers.size < 10_000) numbers.add(uniqueLocalE164());
    const list = [...numbers];
    const me = await sessionFor((await makeAdmin(prisma)).id);
    const { id } = await previewPhoneNumbers(me, {
      text: [...list, 'oops'].join('\n'),
      defaultCountry: 'US',
      productType: 'BusinessCalling',
    });
    assert.deepEqual(await addPhoneNumbers(me, id), { added: 10_000, skipped: 0, repeated: false });
    assert.equal(await prisma.phoneNumber.count({ where: { e164: { in: list.slice(0, 1000) } } }), 1000);
    assert.equal(await prisma.phoneNumber.count({ where: { e164: { in: list.slice(-1000) } } }), 1000);
  });
});

describe('both steps at once (the REST API)', () => {
  test('each line says added, with the new number’s id, or refused with the preview’s reason', async () => {
    const me = await sessionFor((await makeAdmin(prisma)).id);
    const [a, b] = [uniqueLocalE164(), uniqueLocalE164()];
    const existing = await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
    const result = await addPhoneNumberList(me, {
      text: [a, 'call me', '', existing.e164, national(b), a].join('\n'),
      defaultCountry: 'US',
      productType: 'BusinessCalling',
    });
    const rows = await numbersIn([a, b]);
    const idOf = async (e164: string) => (await prisma.phoneNumber.findUniqueOrThrow({ where: { e164 }, select: { id: true } })).id;
    assert.equal(result.added, 2);
    assert.deepEqual(result.results, [
      { line: 1, input: a, outcome: 'added', e164: a, id: await idOf(a) },
      { line: 2, input: 'call me', outcome: 'refused', error: 'Contains letters: enter the phone number with digits only' },
      { line: 4, input: existing.e164, outcome: 'refused', e164: existing.e164, error: 'Already in the inventory' },
      { line: 5, input: national(b), outcome: 'added', e164: b, id: await idOf(b) },
      { line: 6, input: a, outcome: 'refused', e164: a, error: 'Duplicate of line 1' },
    ]);
    assert.deepEqual(
      rows.map((r) => [r.e164, r.status, r.productType]),
      [a, b].sort().map((e) => [e, 'Unassigned', 'BusinessCalling']),
    );
    assert.equal(await prisma.auditEvent.count({ where: { action: 'add-phone-numbers', adminId: me.id, outcome: 'Done' } }), 1);
  });

  test('a read-only admin is refused before anything is stored', async () => {
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
    const e164 = uniqueLocalE164();
    await refused('denied', () => addPhoneNumberList(viewer, { text: e164, defaultCountry: 'US', productType: 'BusinessCalling' }));
    assert.equal((await numbersIn([e164])).length, 0);
  });
});
