// `npm run bench:import-users`: how long "Import users" takes for 10,000 users (plus some bad
// lines) into one account, batch by batch (one transaction each, with its invitations and audit
// row), on a fresh temporary embedded database by default, or with --postgres-url on a database
// it creates on that (local) PostgreSQL server and drops afterwards. It prints times and counts;
// it is not a test, and fails only if the counts are wrong.
//
//   npm run bench:import-users
//   npm run bench:import-users -- --postgres-url postgresql://postgres@127.0.0.1:5432/postgres
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { loadSessionAdmin } from '../lib/kernel/session-admin';
import { getUserImport, importUsers, IMPORT_BATCH, previewUserImport } from '../lib/directory/user-imports';
import { assertLocalDatabase } from '../lib/test/local';
import { makeAccount, makeAdmin } from '../lib/test/factories';

const USERS = 10_000;
const BAD_LINES = ['No Email', 'Bad Address, not-an-email', 'Odd Type, odd@bench.example, Robot', ', nameless@bench.example'];

const { values: args } = parseArgs({ options: { 'postgres-url': { type: 'string' } } });

const ms = (start: number) => performance.now() - start;
const fmt = (n: number) => n.toFixed(0).padStart(6);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`  ${label.padEnd(50)} ${fmt(ms(start))} ms`);
  return result;
}

function check(what: string, actual: number, expected: number) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

async function bench(name: string) {
  console.log(`\n${name}`);
  const { prisma } = await getDatabase();
  const admin = await loadSessionAdmin((await makeAdmin(prisma)).id, 1);
  if (!admin) throw new Error('the benchmark admin did not load');
  const account = await makeAccount(prisma, { name: `Bench Import ${crypto.randomBytes(4).toString('hex')}` });

  // A CSV as a directory would export it: a header, an extra column, some bad lines among the rest.
  const rows = Array.from(
    { length: USERS },
    (_, i) => `"Person ${String(i).padStart(5, '0')}",person-${i}@bench.example,,${i % 4 ? '' : 'Basic'},Dept ${i % 7}`,
  );
  for (const [i, bad] of BAD_LINES.entries()) rows.splice((i + 1) * 2000, 0, bad);
  const csv = `Full name,Email,User type,Licence,Department\r\n${rows.join('\r\n')}\r\n`;
  console.log(`  ${USERS.toLocaleString('en-US')} users and ${BAD_LINES.length} bad lines, CSV of ${(csv.length / 1024).toFixed(0)} KiB`);

  const { id } = await timed('previewUserImport (parse, check, store)', () => previewUserImport(admin, account.id, { csv }));
  const preview = await timed('getUserImport (the preview page)', () => getUserImport(admin, account.id, id));
  check('accepted', preview?.acceptedCount ?? -1, USERS);
  check('rejected', preview?.rejectedCount ?? -1, BAD_LINES.length);

  const batches: number[] = [];
  const start = performance.now();
  const result = await importUsers(admin, account.id, id, {
    onBatch: (b) => {
      batches.push(b.ms);
      console.log(
        `    batch ${String(b.batch).padStart(2)} of ${b.batches}: ${b.added} users added, ${b.skipped} skipped   ${fmt(b.ms)} ms`,
      );
    },
  });
  const total = ms(start);
  check('added', result.added, USERS);
  const sorted = [...batches].sort((a, b) => a - b);
  console.log(
    `  importUsers: ${batches.length} transactions of ≤ ${IMPORT_BATCH} users; total ${fmt(total).trim()} ms; ` +
      `per batch min ${sorted[0]!.toFixed(0)} / median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} / max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
  check('users in the account', await prisma.user.count({ where: { accountId: account.id } }), USERS);
  check('invitations queued', await prisma.outboxMessage.count({ where: { accountId: account.id, kind: 'Invitation' } }), USERS);
  check(
    'audit rows',
    await prisma.auditEvent.count({ where: { accountId: account.id, action: 'import-users', outcome: 'Done' } }),
    batches.length,
  );

  const again = await timed('previewUserImport again (all in the account)', () => previewUserImport(admin, account.id, { csv }));
  check('accepted the second time', (await getUserImport(admin, account.id, again.id))?.acceptedCount ?? -1, 0);
}

async function main() {
  const server = args['postgres-url'];
  if (!server) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-import-'));
    delete process.env.DATABASE_URL;
    process.env.SWITCHBOARD_DATA_DIR = dir;
    try {
      await bench('Embedded database (PGlite)');
    } finally {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  assertLocalDatabase(server);
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  await client.connect();
  const name = `switchboard_bench_import_${crypto.randomBytes(4).toString('hex')}`;
  await client.query(`create database ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    await bench(`PostgreSQL (${url.host})`);
  } finally {
    await closeDatabase();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
}

main().catch(async (err: Error) => {
  console.error(err);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
