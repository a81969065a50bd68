// Applies prisma/migrations/* the way `prisma migrate deploy` does, keeping its bookkeeping in
// Prisma's own `_prisma_migrations` table, so either tool can take over from the other.
// We need our own runner because Prisma's native schema engine cannot be fetched here and
// because the embedded database (PGlite) has no network endpoint for it to connect to.

import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ClientBase } from 'pg';

export type SqlRunner = {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Present when other processes can reach the same database at the same time; runs `fn`
   * while holding a lock that every migrating process takes.
   */
  withMigrationLock?<T>(fn: () => Promise<T>): Promise<T>;
};

export type MigrationOptions = {
  dir?: string;
  log?: (line: string) => void;
};

export type MigrationFile = {
  name: string;
  /** Absolute path of the migration.sql file. */
  file: string;
  sql: string;
  /** sha256 of the file's bytes, lower-case hex: what Prisma stores in `checksum`. */
  checksum: string;
};

// The key Prisma's schema engine locks (`SELECT pg_advisory_lock(72707369)`), so this runner and
// `prisma migrate deploy` also exclude each other.
const MIGRATION_LOCK_KEY = 72707369;

// Prisma's PostgreSQL DDL for the table, column for column; IF NOT EXISTS because we create it
// lazily on every run.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export function defaultMigrationsDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma/migrations');
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
  };
}

export function pgRunner(client: ClientBase): SqlRunner {
  return {
    async exec(sql) {
      // Without parameters pg uses the simple query protocol, which accepts a whole script.
      await client.query(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async withMigrationLock<T>(fn: () => Promise<T>): Promise<T> {
      // Session-level, so it must be this very connection that runs the migrations.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      let result: T;
      try {
        result = await fn();
      } catch (error) {
        // The original failure matters more than a failed unlock; the lock dies with the session anyway.
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        throw error;
      }
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      return result;
    },
  };
}

function checksumOf(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Mirrors Prisma's `script_matches_checksum`: git may have changed the line endings since the
 * migration was applied, and early Prisma versions stored the hex without zero padding.
 */
function checksumMatches(sql: string, stored: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, '\n'), sql.replace(/\n/g, '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    const rendered =
      stored.length !== 0 && stored.length !== 64 ? Array.from(digest, (byte) => byte.toString(16)).join('') : digest.toString('hex');
    return rendered === stored;
  });
}

/** The migration folders in `dir`, in the order they apply (by name, as Prisma orders them). */
export async function readMigrations(dir: string = defaultMigrationsDir()): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return [];
    throw error;
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, 'migration.sql');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) {
        throw new Error(`Migration folder ${name} has no migration.sql (${file}).`);
      }
      throw error;
    }
    migrations.push({ name, file, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) });
  }
  return migrations;
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
};

async function readHistory(runner: SqlRunner): Promise<MigrationRow[]> {
  const [table] = await runner.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
  if (!table?.present) return [];
  return runner.query<MigrationRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name',
  );
}

/** Throws unless every live row in the database matches a migration file; returns what is left to apply. */
function planPending(rows: MigrationRow[], migrations: MigrationFile[], dir: string): MigrationFile[] {
  // Rows marked rolled back (e.g. by `prisma migrate resolve --rolled-back`) are history only.
  const live = rows.filter((row) => row.rolled_back_at === null);

  const unfinished = [...new Set(live.filter((row) => row.finished_at === null).map((row) => row.migration_name))];
  if (unfinished.length > 0) {
    throw new Error(
      `Migration ${unfinished.join(', ')} started earlier but never finished (it failed), so the database ` +
        'may be partly migrated. Repair the database by hand, then mark the row rolled back ' +
        "(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL, " +
        'or `prisma migrate resolve --rolled-back <name>`) and run the migrations again.',
    );
  }

  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  const missing: string[] = [];
  const edited: string[] = [];
  for (const row of live) {
    applied.add(row.migration_name);
    const migration = byName.get(row.migration_name);
    if (!migration) missing.push(row.migration_name);
    else if (!checksumMatches(migration.sql, row.checksum)) edited.push(row.migration_name);
  }
  if (missing.length > 0) {
    throw new Error(
      `The database has applied migration ${[...new Set(missing)].join(', ')}, which is not in ${dir}. ` +
        'This code is older than the database, or a migration folder was deleted or renamed; restore it.',
    );
  }
  if (edited.length > 0) {
    throw new Error(
      `Migration ${[...new Set(edited)].join(', ')} was changed after it was applied (its checksum no longer ` +
        'matches _prisma_migrations). Restore the original migration.sql and put the change in a new migration.',
    );
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

/** Names of the migrations in `opts.dir` not yet applied; throws if the history is inconsistent. */
export async function pendingMigrations(runner: SqlRunner, opts: MigrationOptions = {}): Promise<string[]> {
  const dir = opts.dir ?? defaultMigrationsDir();
  const migrations = await readMigrations(dir);
  return planPending(await readHistory(runner), migrations, dir).map((migration) => migration.name);
}

/** Applies pending migrations in name order, each in its own transaction; returns the names applied. */
export async function applyMigrations(runner: SqlRunner, opts: MigrationOptions = {}): Promise<string[]> {
  const dir = opts.dir ?? defaultMigrationsDir();
  const log = opts.log ?? (() => undefined);
  const migrations = await readMigrations(dir);

  const run = async (): Promise<string[]> => {
    // Reading the history only after taking the lock is what makes a waiting instance see
    // everything the first one applied.
    await runner.exec(CREATE_MIGRATIONS_TABLE);
    const pending = planPending(await readHistory(runner), migrations, dir);
    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      await runner.exec('BEGIN');
      try {
        await runner.exec(migration.sql);
        // started_at defaults to now(), the transaction's start; clock_timestamp() is the real end.
        await runner.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await runner.exec('COMMIT');
      } catch (error) {
        await runner.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${databaseMessage(error)}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return applied;
  };

  return runner.withMigrationLock ? runner.withMigrationLock(run) : run();
}

function databaseMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { detail, hint } = error as Error & { detail?: unknown; hint?: unknown };
  return [
    error.message,
    typeof detail === 'string' && detail ? `Detail: ${detail}` : '',
    typeof hint === 'string' && hint ? `Hint: ${hint}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function isErrnoCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
