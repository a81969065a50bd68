import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PGLITE_EXTENSIONS } from './pglite-extensions';
import { diffMigrationsToSchema, hasStatements } from '@/scripts/schema-diff';
import { assertLocalDatabase } from '@/lib/test/local';
import { applyMigrations, pendingMigrations, pgliteRunner, pgRunner } from './migrations';

const root = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(root, 'prisma/migrations');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const postgresServer = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
assertLocalDatabase(postgresServer);

const folders = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A database as initdb leaves it, nothing migrated; made once, and only ever cloned. */
let pristine: Promise<PGlite> | undefined;

/**
 * A fresh in-memory database with nothing migrated, of its own: a clone of one pristine
 * database, the same data folder initdb makes. Making each with initdb took 2–4 s of CPU, five
 * times over; a clone takes a fraction of that (docs/testing.md).
 */
async function memoryDb(): Promise<PGlite> {
  pristine ??= (async () => {
    const db = new PGlite({ extensions: PGLITE_EXTENSIONS });
    cleanups.push(() => db.close());
    await db.waitReady;
    return db;
  })();
  const db = (await (await pristine).clone()) as PGlite;
  cleanups.push(() => db.close());
  return db;
}

/** A scratch copy of the real migrations, plus extra folders, to test against without touching the repo. */
function scratchMigrations(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-migrations-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

test('there is at least one migration, and a lockfile for postgresql', () => {
  assert.ok(folders.length > 0, 'prisma/migrations has no migration folders');
  assert.match(fs.readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8'), /^provider = "postgresql"$/m);
});

test('the migrations produce exactly prisma/schema.prisma (no drift)', async () => {
  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  assert.ok(
    !hasStatements(sql),
    'prisma/schema.prisma differs from the database that prisma/migrations builds. ' +
      'Run `npm run db:migration -- --name <what changed>` to write a migration, review it, and commit it. ' +
      `The missing SQL:\n${sql}`,
  );
});

test('applyMigrations on PGlite applies every folder once, recording Prisma-compatible rows', async () => {
  const db = await memoryDb();
  const runner = pgliteRunner(db);

  assert.deepEqual(await pendingMigrations(runner, { dir: migrationsDir }), folders);
  const lines: string[] = [];
  assert.deepEqual(await applyMigrations(runner, { dir: migrationsDir, log: (line) => lines.push(line) }), folders);
  assert.equal(lines.length, folders.length);
  assert.deepEqual(await applyMigrations(runner, { dir: migrationsDir }), []);
  assert.deepEqual(await pendingMigrations(runner, { dir: migrationsDir }), []);

  const rows = (
    await db.query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    )
  ).rows;
  assert.deepEqual(
    rows,
    folders.map((name) => ({
      migration_name: name,
      checksum: createHash('sha256')
        .update(fs.readFileSync(path.join(migrationsDir, name, 'migration.sql')))
        .digest('hex'),
      finished: true,
      rolled_back_at: null,
      applied_steps_count: 1,
    })),
  );
});

test('a migration edited after it was applied makes applyMigrations refuse', async () => {
  const db = await memoryDb();
  const runner = pgliteRunner(db);
  await applyMigrations(runner, { dir: migrationsDir });
  const [first] = folders;
  await db.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', ['0'.repeat(64), first]);
  await assert.rejects(applyMigrations(runner, { dir: migrationsDir }), (error: Error) => {
    assert.match(error.message, new RegExp(`Migration ${first} was changed after it was applied`));
    return true;
  });
  await assert.rejects(pendingMigrations(runner, { dir: migrationsDir }), /was changed after it was applied/);
});

test('an unfinished (failed) migration row, or an applied migration missing from disk, makes it refuse', async () => {
  const unfinished = pgliteRunner(await memoryDb());
  await applyMigrations(unfinished, { dir: migrationsDir });
  await unfinished.query(
    "INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('00000000-0000-4000-8000-000000000000', $1, '99990101000000_half_done')",
    ['0'.repeat(64)],
  );
  await assert.rejects(applyMigrations(unfinished, { dir: migrationsDir }), /99990101000000_half_done started earlier but never finished/);

  const missing = pgliteRunner(await memoryDb());
  const dir = scratchMigrations({ '99990101000000_gone_later': 'SELECT 1;\n' });
  await applyMigrations(missing, { dir });
  fs.rmSync(path.join(dir, '99990101000000_gone_later'), { recursive: true });
  await assert.rejects(applyMigrations(missing, { dir }), /applied migration 99990101000000_gone_later, which is not in/);
});

test('a failing migration is rolled back and named in the error, with the database message', async () => {
  const db = await memoryDb();
  const runner = pgliteRunner(db);
  const dir = scratchMigrations({
    '99990101000000_broken': 'CREATE TABLE "Probe" (id int);\nSELECT * FROM "NoSuchTable";\n',
  });
  await assert.rejects(applyMigrations(runner, { dir }), (error: Error) => {
    assert.match(error.message, /^Migration 99990101000000_broken failed and was rolled back: .*"NoSuchTable" does not exist/);
    return true;
  });
  // Everything before it stays applied; nothing of it does.
  assert.deepEqual(await pendingMigrations(runner, { dir }), ['99990101000000_broken']);
  assert.deepEqual((await db.query('SELECT to_regclass(\'"Probe"\') AS t')).rows, [{ t: null }]);
});

async function reachPostgres(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: postgresServer, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const unreachable =
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) ||
      /timeout/i.test((error as Error).message);
    if (unreachable) return null;
    throw error;
  }
}

test('on PostgreSQL, instances migrating at once apply each migration exactly once', async (t) => {
  const admin = await reachPostgres();
  if (!admin) {
    t.skip('PostgreSQL not reachable');
    return;
  }
  const name = `switchboard_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  await admin.query(`CREATE DATABASE ${name}`);

  // A slow first migration keeps the first instance busy, so the second surely arrives while
  // the first holds the lock; without the lock both would apply everything.
  const dir = scratchMigrations({ '00000000000000_slow_start': 'SELECT pg_sleep(1);\n' });
  const expected = ['00000000000000_slow_start', ...folders];
  const url = new URL(postgresServer);
  url.pathname = `/${name}`;
  const clients = [new pg.Client({ connectionString: url.toString() }), new pg.Client({ connectionString: url.toString() })];
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const results = await Promise.all(clients.map((client) => applyMigrations(pgRunner(client), { dir })));
    assert.deepEqual(
      results.map((names) => names.length).sort(),
      [0, expected.length],
      `each migration should be applied by exactly one instance: ${JSON.stringify(results)}`,
    );
    assert.deepEqual(results.flat(), expected);

    const [client] = clients;
    const rows = (
      await client!.query<{ migration_name: string; n: number }>(
        'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name',
      )
    ).rows;
    assert.deepEqual(
      rows,
      expected.map((migration_name) => ({ migration_name, n: 1 })),
    );
    assert.deepEqual(await pendingMigrations(pgRunner(client!), { dir }), []);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
});
