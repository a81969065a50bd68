import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import { DEMO_ADMINS, DEMO_PASSWORD, seedDemo } from './demo';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

test('an empty database gets the demo organisation described in PRODUCT.md, once', async () => {
  assert.equal(await seedDemo(prisma), true);

  assert.ok((await prisma.account.count()) >= 3);
  assert.ok((await prisma.user.count()) >= 36, 'dozens of users');
  const numbers = await prisma.phoneNumber.groupBy({ by: ['type', 'productType', 'status'], _count: true });
  const count = (where: (n: (typeof numbers)[number]) => boolean) => numbers.filter(where).reduce((s, n) => s + n._count, 0);
  assert.ok(count(() => true) >= 90 && count(() => true) <= 120, 'about a hundred numbers');
  assert.ok(count((n) => n.type === 'TollFree') > 0, 'some toll-free');
  assert.ok(count((n) => n.productType === 'VoiceConnector' && n.type === 'Local') > 0, 'some Voice Connector');
  assert.ok(count((n) => n.status === 'Assigned') > 0, 'some assigned');
  assert.ok(count((n) => n.status === 'DeleteInProgress') > 0, 'some in the deletion queue');
  assert.equal(
    count((n) => n.type === 'TollFree' && n.productType === 'BusinessCalling'),
    0,
    'toll-free is never Business Calling',
  );

  // The data holds together: assigned numbers have a user in the same account, and a history row.
  const assigned = await prisma.phoneNumber.findMany({
    where: { status: 'Assigned' },
    select: { id: true, accountId: true, user: { select: { accountId: true } }, history: { select: { unassignedAt: true } } },
  });
  for (const n of assigned) {
    assert.equal(n.user?.accountId, n.accountId);
    assert.equal(n.history.filter((h) => h.unassignedAt === null).length, 1);
  }
  assert.equal(await prisma.phoneNumber.count({ where: { status: { not: 'Assigned' }, userId: { not: null } } }), 0);

  for (const admin of DEMO_ADMINS) {
    assert.ok(await verifyAdminCredentials(admin.email, DEMO_PASSWORD), `${admin.email} can sign in`);
  }
  const roles = await prisma.admin.findMany({ select: { email: true, role: true }, orderBy: { email: 'asc' } });
  assert.deepEqual(roles, [
    { email: 'admin@example.com', role: 'Administrator' },
    { email: 'viewer@example.com', role: 'ReadOnly' },
  ]);

  const users = await prisma.user.count();
  assert.equal(await seedDemo(prisma), false, 'a database with data is left alone');
  assert.equal(await prisma.user.count(), users);
});
