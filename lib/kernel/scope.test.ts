import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { makeAccount, makeAdmin, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { loadSessionAdmin } from './session-admin';
import { scopedPrisma } from './scope';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

test('a query that forgets the scope still reaches only the admin’s accounts', async () => {
  const mine = await makeAccount(prisma);
  const theirs = await makeAccount(prisma);
  const me = await makeUser(prisma, mine.id);
  const them = await makeUser(prisma, theirs.id);
  const admin = (await loadSessionAdmin((await makeAdmin(prisma, { accountIds: [mine.id] })).id, 1))!;
  const db = await scopedPrisma(admin);

  assert.deepEqual(
    (await db.account.findMany({ select: { id: true } })).map((a) => a.id),
    [mine.id],
  );
  assert.deepEqual(
    (await db.user.findMany({ select: { id: true } })).map((u) => u.id),
    [me.id],
  );
  assert.equal(await db.user.count(), 1);
  assert.equal(await db.user.findUnique({ where: { id: them.id } }), null);
  assert.equal(
    await db.user.findFirst({ where: { OR: [{ id: them.id }, { id: me.id }] }, select: { id: true } }).then((u) => u?.id),
    me.id,
  );
  assert.equal((await db.user.updateMany({ where: { id: them.id }, data: { sms: true } })).count, 0);
  await assert.rejects(db.user.update({ where: { id: them.id }, data: { sms: true } }));
  await assert.rejects(
    db.user.create({ data: { accountId: theirs.id, fullName: 'X', email: `x-${Date.now()}@t.example`, license: 'Pro' } }),
  );
  await assert.rejects(
    db.user.createMany({ data: [{ accountId: theirs.id, fullName: 'X', email: `y-${Date.now()}@t.example`, license: 'Pro' }] }),
  );
  assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: them.id } })).sms, false);

  const everyone = (await loadSessionAdmin((await makeAdmin(prisma, { allAccounts: true })).id, 1))!;
  assert.ok((await (await scopedPrisma(everyone)).user.count()) >= 2);
});

test('data functions read users and accounts only through the scoped client', () => {
  // Every data function of every domain under lib/, bar the code that never touches a user or an
  // account on an admin's behalf: the session itself, the scope, sign-in, the audit row writer.
  const lib = path.resolve(import.meta.dirname, '..');
  const exempt = new Set(['kernel/session-admin.ts', 'kernel/scope.ts', 'auth/sign-in-throttle.ts', 'kernel/audit.ts']);
  const skipped = new Set(['generated', 'test', 'seed']);
  const files = fs
    .readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !skipped.has(f.split('/')[0]!) && !exempt.has(f));
  assert.ok(files.includes('telephony/telephony.ts') && files.includes('directory/users.ts'), 'the guard reads the domain folders');
  for (const file of files) {
    const source = fs.readFileSync(path.join(lib, file), 'utf8');
    const unscoped = [...source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*await getPrisma\(\)/g)].map((m) => m[1]!);
    for (const name of unscoped) {
      const leak = source.match(new RegExp(`\\b${name}\\.(user|account)\\.`));
      assert.equal(leak, null, `${file}: ${name}.${leak?.[1]} uses the unscoped client; use scopedPrisma(admin)`);
    }
  }
});
