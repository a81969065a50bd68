import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueLocalE164, uniqueTollFreeE164 } from '@/lib/test/factories';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { listPhoneNumbersWithCount, type InventoryFilters } from './phone-numbers';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
  const account = await makeAccount(prisma);
  for (let i = 0; i < 6; i++) await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
  for (let i = 0; i < 3; i++)
    await makePhoneNumber(prisma, { e164: uniqueTollFreeE164(), type: 'TollFree', productType: 'VoiceConnector' });
  for (let i = 0; i < 4; i++) await makePhoneNumber(prisma, { e164: uniqueLocalE164(), user: await makeUser(prisma, account.id) });
  await makePhoneNumber(prisma, { e164: uniqueLocalE164(), status: 'DeleteInProgress' });
});

const STATUS = { all: undefined, unassigned: 'Unassigned', assigned: 'Assigned', 'deletion-queue': 'DeleteInProgress' } as const;

describe('inventory list count', () => {
  test('the count under each view and filter is what the table holds, without a query of its own', async () => {
    const cases: InventoryFilters[] = [
      { view: 'all' },
      { view: 'unassigned' },
      { view: 'assigned' },
      { view: 'deletion-queue' },
      { view: 'all', type: 'TollFree' },
      { view: 'unassigned', productType: 'VoiceConnector' },
      { view: 'assigned', type: 'TollFree' },
      { view: 'all', country: 'US', productType: 'BusinessCalling' },
      { view: 'all', country: 'GB' },
    ];
    for (const filters of cases) {
      const where: Prisma.PhoneNumberWhereInput = {
        status: STATUS[filters.view],
        type: filters.type,
        productType: filters.productType,
        country: filters.country,
      };
      const { page } = await listPhoneNumbersWithCount(admin, filters, {});
      assert.equal(page.total, await prisma.phoneNumber.count({ where }), JSON.stringify(filters));
      assert.equal(page.first, page.rows.length ? 1 : undefined);
    }
  });

  test('under a search by digits, the views and the list count the numbers that match it', async () => {
    const held = await prisma.phoneNumber.findFirstOrThrow({ where: { status: 'Assigned' }, select: { e164: true } });
    const q = held.e164.slice(2, 12);
    const { summary, page } = await listPhoneNumbersWithCount(admin, { view: 'assigned' }, { q: `(${q.slice(0, 3)}) ${q.slice(3)}` });
    assert.equal(page.total, await prisma.phoneNumber.count({ where: { status: 'Assigned', e164: { contains: q } } }));
    assert.equal(page.total, 1);
    assert.equal(summary.counts.all, await prisma.phoneNumber.count({ where: { e164: { contains: q } } }));
  });

  test('pages say where they stand through to the end', async () => {
    for (let i = 0; i < 40; i++) await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
    const all = await prisma.phoneNumber.count();
    const seen: [number | undefined, number][] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const { page } = await listPhoneNumbersWithCount(admin, { view: 'all' }, { after });
      seen.push([page.first, page.rows.length]);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    let expected = 1;
    for (const [first, rows] of seen) {
      assert.equal(first, expected);
      expected += rows;
    }
    assert.equal(expected - 1, all);
    assert.ok(seen.length >= 3, `${seen.length} pages`);
  });
});
