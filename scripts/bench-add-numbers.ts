// `npm run bench:add`: how long "Add phone numbers" takes for a batch of 10,000 numbers (plus some
// bad lines), on a fresh temporary embedded database, then on PostgreSQL when a local server is
// reachable (TEST_POSTGRES_URL, default 127.0.0.1:5432) on a database it creates and drops.
// It prints times and counts; it is not a test and fails only if the counts are wrong.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { loadSessionAdmin } from '../lib/kernel/session-admin';
import { addPhoneNumbers, getPhoneNumberImport, previewPhoneNumbers } from '../lib/inventory/phone-number-imports';
import { assertLocalDatabase } from '../lib/test/local';
import { makeAdmin, uniqueLocalE164 } from '../lib/test/factories';

const NUMBERS = 10_000;
const BAD_LINES = ['call me', '+1', '12345', '206555010099999', '+1 555 555 5555', '2065550100 ext 4', '+999 1234 5678'];
const postgresServer = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`  ${label.padEnd(46)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
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

  const numbers = new Set<string>();
  while (numbers.size < NUMBERS) numbers.add(uniqueLocalE164());
  // A CSV as an admin would export it: a header, a name column, national formats, some bad lines.
  const rows = [...numbers].map((e164, i) => `"${e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3')}",Person ${i}`);
  for (const [i, bad] of BAD_LINES.entries()) rows.splice((i + 1) * 1000, 0, `"${bad}",Bad ${i}`);
  const csv = `phone,name\r\n${rows.join('\r\n')}\r\n`;
  console.log(
    `  ${NUMBERS.toLocaleString('en-US')} valid distinct numbers and ${BAD_LINES.length} bad lines, CSV of ${(csv.length / 1024).toFixed(0)} KiB`,
  );

  const input = { csv, defaultCountry: 'US', productType: 'BusinessCalling' } as const;
  const { id } = await timed('previewPhoneNumbers (parse, check, store)', () => previewPhoneNumbers(admin, input));
  const preview = await timed('getPhoneNumberImport (the preview page)', () => getPhoneNumberImport(admin, id));
  check('accepted', preview?.acceptedCount ?? -1, NUMBERS);
  check('rejected', preview?.rejectedCount ?? -1, BAD_LINES.length);
  const result = await timed('addPhoneNumbers (one transaction)', () => addPhoneNumbers(admin, id));
  check('added', result.added, NUMBERS);
  const again = await timed('previewPhoneNumbers again (all in inventory)', () => previewPhoneNumbers(admin, input));
  const second = await getPhoneNumberImport(admin, again.id);
  check('accepted the second time', second?.acceptedCount ?? -1, 0);
  console.log(
    `  added ${result.added}, skipped ${result.skipped}; previewed again: ${second?.rejectedCount} rejected, ${second?.acceptedCount} accepted`,
  );
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  delete process.env.DATABASE_URL;
  process.env.SWITCHBOARD_DATA_DIR = dir;
  try {
    await bench('Embedded database (PGlite)');
  } finally {
    await closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  assertLocalDatabase(postgresServer);
  const server = new pg.Client({ connectionString: postgresServer, connectionTimeoutMillis: 3000 });
  try {
    await server.connect();
  } catch (err) {
    console.log(`\nSKIPPED: PostgreSQL at ${new URL(postgresServer).host} is not reachable (${(err as Error).message}).`);
    return;
  }
  const name = `switchboard_bench_${crypto.randomBytes(4).toString('hex')}`;
  await server.query(`create database ${name}`);
  try {
    const url = new URL(postgresServer);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    await bench(`PostgreSQL (${url.host})`);
  } finally {
    await closeDatabase();
    await server.query(`drop database if exists ${name} with (force)`);
    await server.end();
  }
}

main().catch(async (err: Error) => {
  console.error(err);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
