import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Database } from '@/lib/db/client';
import { useTestDatabase } from '@/lib/test/database';
import { makeAdmin, makePhoneNumber } from '@/lib/test/factories';
import { loadSessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { deletePhoneNumber, purgeDeletedPhoneNumbers } from '@/lib/inventory/phone-numbers';

// The audit log is append-only twice over: no code changes or removes a row (the first part
// reads the source), and the database refuses to even if some code tried (the second part; it
// runs on the embedded database and, in the PostgreSQL half of the suite, on PostgreSQL).

const root = path.resolve(import.meta.dirname, '../..');
const database = useTestDatabase();

/** Ways code could change or remove audit rows, through Prisma or in raw SQL. */
const MUTATIONS: { name: string; pattern: RegExp }[] = [
  { name: 'Prisma update/delete/upsert of AuditEvent', pattern: /\bauditEvent\s*\??\.\s*(update|delete|upsert)\w*/i },
  { name: 'SQL UPDATE of "AuditEvent"', pattern: /\bUPDATE\s+(ONLY\s+)?(public\.)?"?AuditEvent"?(?=[\s;`'"]|$)/i },
  { name: 'SQL DELETE FROM "AuditEvent"', pattern: /\bDELETE\s+FROM\s+(ONLY\s+)?(public\.)?"?AuditEvent"?(?=[\s;`'"]|$)/i },
  { name: 'SQL TRUNCATE of "AuditEvent"', pattern: /\bTRUNCATE\s+(TABLE\s+)?(ONLY\s+)?(public\.)?"?AuditEvent"?(?=[\s;,`'"]|$)/i },
];

function auditMutations(text: string): string[] {
  return MUTATIONS.filter((m) => m.pattern.test(text)).map((m) => m.name);
}

/** Application code: everything under these folders but generated code and tests (tests may try, to prove the refusal). */
function sourceFiles(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['generated', 'node_modules'].includes(entry.name)) visit(rel);
      } else if (/\.(ts|tsx|js|mjs|cjs|sql)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        found.push(rel);
      }
    }
  };
  for (const dir of ['app', 'lib', 'scripts', 'e2e']) visit(dir);
  return found;
}

describe('no code path changes or removes audit rows', () => {
  test('the check recognises every way of writing a change or removal, and not reads or inserts', () => {
    for (const bad of [
      'await prisma.auditEvent.update({ where: { id } })',
      'tx.auditEvent.updateMany({})',
      'db.auditEvent .deleteMany()',
      'prisma.auditEvent.upsert({',
      'prisma.auditEvent?.delete({',
      'await tx.$executeRaw`UPDATE "AuditEvent" SET detail = null`',
      'runner.exec(\'delete from "AuditEvent" where true\')',
      'DELETE FROM public."AuditEvent";',
      'TRUNCATE TABLE "AuditEvent" CASCADE',
      'truncate "AuditEvent", "User"',
    ]) {
      assert.notDeepEqual(auditMutations(bad), [], bad);
    }
    for (const fine of [
      'await db.auditEvent.create({ data })',
      'prisma.auditEvent.findMany({ where })',
      'select * from "AuditEvent" where outcome = \'Done\'',
      'UPDATE "User" SET version = version + 1',
      'DELETE FROM "AuditEventArchive"',
      'BEFORE UPDATE OR DELETE ON "AuditEvent"',
    ]) {
      assert.deepEqual(auditMutations(fine), [], fine);
    }
  });

  test('app/, lib/, scripts/ and e2e/ never update, delete, upsert or truncate AuditEvent', () => {
    const files = sourceFiles();
    assert.ok(files.includes(path.join('lib', 'kernel', 'audit.ts')), 'the scan reaches the data layer');
    const offenders = files.flatMap((file) =>
      auditMutations(fs.readFileSync(path.join(root, file), 'utf8')).map((what) => `${file}: ${what}`),
    );
    assert.deepEqual(offenders, [], 'audit rows are append-only (PRODUCT.md); record a new event instead');
  });
});

describe('the database refuses to change or remove audit rows', () => {
  let db: Database;
  let prisma: PrismaClient;
  before(async () => {
    db = await database;
    prisma = db.prisma;
  });

  async function oneEvent() {
    const admin = await makeAdmin(prisma);
    await recordAudit(prisma, { admin, action: 'edit-calling-name', outcome: 'Done', detail: `probe ${admin.id}` });
    return prisma.auditEvent.findFirstOrThrow({ where: { adminId: admin.id } });
  }

  const appendOnly = /append-only/;

  test('an UPDATE, through Prisma or in SQL, is refused and changes nothing', async () => {
    const row = await oneEvent();
    await assert.rejects(prisma.auditEvent.updateMany({ where: { id: row.id }, data: { detail: 'rewritten' } }), appendOnly);
    await assert.rejects(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET outcome = 'Denied' WHERE id = $1`, row.id), appendOnly);
    await assert.rejects(db.runner.exec(`UPDATE "AuditEvent" SET "adminEmail" = 'someone@else.example'`), appendOnly);
    assert.deepEqual(await prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } }), row);
  });

  test('a DELETE or TRUNCATE is refused and removes nothing', async () => {
    const row = await oneEvent();
    const count = await prisma.auditEvent.count();
    await assert.rejects(prisma.auditEvent.deleteMany({ where: { id: row.id } }), appendOnly);
    await assert.rejects(db.runner.exec(`DELETE FROM "AuditEvent"`), appendOnly);
    await assert.rejects(db.runner.exec(`TRUNCATE "AuditEvent"`), appendOnly);
    assert.equal(await prisma.auditEvent.count(), count);
    assert.deepEqual(await prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } }), row);
  });

  test('inserting still works, and purging a number leaves the rows about it in place', async () => {
    const admin = await loadSessionAdmin((await makeAdmin(prisma)).id, 1);
    assert.ok(admin);
    const n = await makePhoneNumber(prisma);
    const t0 = new Date('2026-01-01T00:00:00Z');
    await deletePhoneNumber(admin, { phoneNumberId: n.id }, t0);
    await purgeDeletedPhoneNumbers(new Date(t0.getTime() + 8 * 24 * 3600 * 1000));
    assert.equal(await prisma.phoneNumber.findUnique({ where: { id: n.id } }), null);
    const rows = await prisma.auditEvent.findMany({
      where: { phoneNumberId: n.id },
      orderBy: { seq: 'asc' },
      select: { action: true, before: true },
    });
    assert.deepEqual(
      rows.map((r) => r.action),
      ['delete-phone-number', 'purge-phone-number'],
    );
    assert.deepEqual(rows[1]?.before, { e164: n.e164, status: 'DeleteInProgress' });
  });
});
