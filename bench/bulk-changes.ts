// `npm run bench:bulk-changes`: how long "Change phone numbers from a file" takes for 1,000 rows
// (assign, set permissions, unassign, and some that change nothing) in one account: the dry run
// (read, evaluate, store) and Apply (one short transaction per row through the console's data
// functions). On a fresh temporary embedded database, then, given --postgres-url or
// TEST_POSTGRES_URL, on a database it creates on that (local) PostgreSQL server and drops
// afterwards. It prints times against the targets; it is not a test, and fails only if the
// outcomes are wrong.
//
//   npm run bench:bulk-changes
//   npm run bench:bulk-changes -- --postgres-url postgresql://postgres@127.0.0.1:5432/postgres
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { loadSessionAdmin } from '../lib/kernel/session-admin';
import { applyChangeFile, dryRunChangeFile, getChangeFile } from '../lib/telephony/phone-change-files';
import type { Outcome } from '../lib/telephony/phone-change-file';
import { assertLocalDatabase } from '../lib/test/local';
import { makeAccount, makeAdmin, uniqueLocalE164 } from '../lib/test/factories';

const ROWS = { assign: 400, 'set-permissions': 300, unassign: 200, 'user-not-found': 50, invalid: 50 } as const;
/** What the console promises an admin waiting on the page (docs/phone-number-changes.md); printed, not asserted. */
const TARGET_MS = { dryRun: 5_000, apply: 60_000 };

const { values: args } = parseArgs({ options: { 'postgres-url': { type: 'string' } } });

const fmt = (n: number) => n.toFixed(0).padStart(6);

async function timed<T>(label: string, target: number | null, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  const took = performance.now() - start;
  const verdict = target === null ? '' : took <= target ? `   (target ≤ ${target} ms: met)` : `   (target ≤ ${target} ms: MISSED)`;
  console.log(`  ${label.padEnd(46)} ${fmt(took)} ms${verdict}`);
  return result;
}

function check(what: string, actual: number, expected: number) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

function uniqueNumbers(n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(uniqueLocalE164());
  return [...out];
}

async function bench(name: string) {
  console.log(`\n${name}`);
  const { prisma } = await getDatabase();
  const admin = await loadSessionAdmin((await makeAdmin(prisma)).id, 1);
  if (!admin) throw new Error('the benchmark admin did not load');
  const account = await makeAccount(prisma, { name: `Bench Changes ${crypto.randomBytes(4).toString('hex')}` });

  // Users without a number (to assign), and users with one (to set permissions or unassign).
  const tag = crypto.randomBytes(4).toString('hex');
  const withNumbers = ROWS['set-permissions'] + ROWS.unassign;
  const people = Array.from({ length: ROWS.assign + withNumbers }, (_, i) => {
    const email = `person-${i}-${tag}@bench.example`;
    return { id: crypto.randomUUID(), accountId: account.id, fullName: `Person ${i}`, email, activeEmail: email, license: 'Pro' as const };
  });
  await prisma.user.createMany({ data: people });
  const numbers = uniqueNumbers(people.length);
  await prisma.phoneNumber.createMany({
    data: numbers.map((e164, i) => {
      const holder = i >= ROWS.assign ? people[i]! : null;
      return {
        e164,
        country: 'US',
        type: 'Local' as const,
        productType: 'BusinessCalling' as const,
        status: holder ? ('Assigned' as const) : ('Unassigned' as const),
        userId: holder?.id,
        accountId: holder?.accountId,
        assignedAt: holder ? new Date() : undefined,
      };
    }),
  });

  const rows: string[] = [];
  for (let i = 0; i < ROWS.assign; i++) rows.push(`${people[i]!.email},${numbers[i]},,,,`);
  for (let i = 0; i < ROWS['set-permissions']; i++) rows.push(`${people[ROWS.assign + i]!.email},,set permissions,yes,yes,`);
  for (let i = 0; i < ROWS.unassign; i++) rows.push(`${people[ROWS.assign + ROWS['set-permissions'] + i]!.id},,unassign,,,`);
  for (let i = 0; i < ROWS['user-not-found']; i++) rows.push(`nobody-${i}-${tag}@bench.example,,unassign,,,`);
  for (let i = 0; i < ROWS.invalid; i++) rows.push(`person-${i}-${tag}@bench.example,not a number,,,,`);
  const csv = `User,Phone number,Action,Inbound,Outbound,SMS\r\n${rows.join('\r\n')}\r\n`;
  console.log(`  ${rows.length.toLocaleString('en-US')} rows, CSV of ${(csv.length / 1024).toFixed(0)} KiB`);

  const { id } = await timed('dryRunChangeFile (parse, evaluate, store)', TARGET_MS.dryRun, () => dryRunChangeFile(admin, account.id, csv));
  const dry = await timed('getChangeFile (the dry-run page)', null, () => getChangeFile(admin, account.id, id));
  for (const [outcome, n] of Object.entries(ROWS)) check(`dry run: ${outcome}`, dry!.counts[outcome as Outcome], n);

  const perRow: number[] = [];
  let last = performance.now();
  const result = await timed('applyChangeFile (one transaction per row)', TARGET_MS.apply, () =>
    applyChangeFile(admin, account.id, id, {
      onRow: () => {
        const now = performance.now();
        perRow.push(now - last);
        last = now;
      },
    }),
  );
  for (const [outcome, n] of Object.entries(ROWS)) check(`applied: ${outcome}`, result.counts[outcome as Outcome], n);
  const sorted = [...perRow].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!.toFixed(1);
  console.log(`  per row: median ${at(0.5)} / p95 ${at(0.95)} / max ${sorted.at(-1)!.toFixed(1)} ms`);
  check(
    'audit rows of the changes',
    await prisma.auditEvent.count({
      where: {
        accountId: account.id,
        outcome: 'Done',
        action: { in: ['assign-phone-number', 'edit-telephony-permissions', 'unassign-phone-number'] },
      },
    }),
    ROWS.assign + ROWS['set-permissions'] + ROWS.unassign,
  );
  check(
    'numbers assigned',
    await prisma.phoneNumber.count({ where: { accountId: account.id, status: 'Assigned' } }),
    ROWS.assign + ROWS['set-permissions'],
  );
}

async function onEmbedded() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-changes-'));
  const saved = { url: process.env.DATABASE_URL, dir: process.env.SWITCHBOARD_DATA_DIR };
  delete process.env.DATABASE_URL;
  process.env.SWITCHBOARD_DATA_DIR = dir;
  try {
    await bench('Embedded database (PGlite)');
  } finally {
    await closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    if (saved.dir !== undefined) process.env.SWITCHBOARD_DATA_DIR = saved.dir;
    else delete process.env.SWITCHBOARD_DATA_DIR;
  }
}

async function onPostgres(server: string) {
  assertLocalDatabase(server);
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  await client.connect();
  const name = `switchboard_bench_changes_${crypto.randomBytes(4).toString('hex')}`;
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

async function main() {
  await onEmbedded();
  const server = args['postgres-url'] ?? process.env.TEST_POSTGRES_URL;
  if (server) await onPostgres(server);
  else console.log('\nPostgreSQL: skipped (give --postgres-url or TEST_POSTGRES_URL)');
}

main().catch(async (err: Error) => {
  console.error(err);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
