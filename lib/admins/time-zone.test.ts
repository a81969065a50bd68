import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAdmin } from '@/lib/test/factories';
import { assertRefused } from '@/lib/test/refused';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { setOwnTimeZone } from './time-zone';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

const audit = (adminId: string) =>
  prisma.auditEvent.findMany({
    where: { adminId, action: 'change-time-zone' },
    orderBy: { seq: 'asc' },
    select: { outcome: true, before: true, after: true },
  });

test('an admin starts in UTC, chooses another zone for themselves (audited), and the same zone again changes nothing', async () => {
  const viewer = await makeAdmin(prisma, { role: 'ReadOnly' });
  const session = await sessionFor(viewer.id);
  assert.equal(session.timeZone, 'UTC');

  assert.deepEqual(await setOwnTimeZone(session, { timeZone: 'Europe/Paris' }), { timeZone: 'Europe/Paris', repeated: false });
  assert.equal((await sessionFor(viewer.id)).timeZone, 'Europe/Paris', 'the next request shows times in it');
  assert.deepEqual(await setOwnTimeZone(session, { timeZone: 'Europe/Paris' }), { timeZone: 'Europe/Paris', repeated: true });
  assert.deepEqual(await audit(viewer.id), [{ outcome: 'Done', before: { timeZone: 'UTC' }, after: { timeZone: 'Europe/Paris' } }]);
});

test('a zone not in the list is refused, audited, and changes nothing', async () => {
  const admin = await makeAdmin(prisma);
  const session = await sessionFor(admin.id);
  const snapshot = async () => JSON.stringify(await prisma.admin.findUniqueOrThrow({ where: { id: admin.id } }));
  for (const timeZone of ['Mars/Olympus_Mons', 'europe/paris', '']) {
    const err = await assertRefused('invalid', () => setOwnTimeZone(session, { timeZone }), snapshot);
    assert.equal(err.message, 'Choose a time zone from the list');
  }
  assert.deepEqual(
    (await audit(admin.id)).map((a) => a.outcome),
    ['Invalid', 'Invalid', 'Invalid'],
  );
});
