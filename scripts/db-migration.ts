// npm run db:migration -- --name add_something
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that brings a
// database built from the existing migrations up to prisma/schema.prisma: the offline
// counterpart of `prisma migrate dev --create-only`.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMigrationsDir, readMigrations } from '../lib/db/migrations';
import { diffMigrationsToSchema, hasStatements, MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from './schema-diff';

const USAGE = 'Usage: npm run db:migration -- --name <what_changed>';

/** "Add phone-number Notes" -> "add_phone_number_notes"; Prisma caps migration names well below the 255 of the column. */
function sanitiseMigrationName(raw: string): string {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200)
    .replace(/_+$/, '');
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * Migrations apply in name order, so the new one must sort after every existing one even if the
 * clock disagrees (skew, or two migrations in the same second).
 */
function nextTimestamp(now: Date, existingNames: string[]): string {
  let stamp = utcTimestamp(now);
  const latest = existingNames
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter((prefix): prefix is string => prefix !== undefined)
    .sort()
    .at(-1);
  if (latest !== undefined && stamp <= latest) {
    const y = Number(latest.slice(0, 4));
    const mo = Number(latest.slice(4, 6)) - 1;
    const d = Number(latest.slice(6, 8));
    const h = Number(latest.slice(8, 10));
    const mi = Number(latest.slice(10, 12));
    const s = Number(latest.slice(12, 14));
    stamp = utcTimestamp(new Date(Date.UTC(y, mo, d, h, mi, s) + 1000));
  }
  return stamp;
}

async function ensureLockfile(migrationsDir: string): Promise<void> {
  // 'wx': an existing lockfile stays as it is (diffMigrationsToSchema has checked its provider).
  await writeFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT, { flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
}

async function createMigration(
  rawName: string,
  opts: { migrationsDir?: string; schemaPath?: string; now?: Date } = {},
): Promise<string | null> {
  const name = sanitiseMigrationName(rawName);
  if (!name) throw new Error(`"${rawName}" has no letters or digits to name a migration with.\n${USAGE}`);
  const migrationsDir = path.resolve(opts.migrationsDir ?? defaultMigrationsDir());

  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath: opts.schemaPath });
  if (!hasStatements(sql)) return null;

  const existing = (await readMigrations(migrationsDir)).map((migration) => migration.name);
  const folder = path.join(migrationsDir, `${nextTimestamp(opts.now ?? new Date(), existing)}_${name}`);
  await mkdir(folder, { recursive: true });
  await ensureLockfile(migrationsDir);
  const file = path.join(folder, 'migration.sql');
  // 'wx': never overwrite a migration that may already be applied somewhere.
  await writeFile(file, sql.endsWith('\n') ? sql : `${sql}\n`, { flag: 'wx' });
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: 'string', short: 'n' } }, strict: true });
  if (!values.name) throw new Error(`Give the migration a name.\n${USAGE}`);
  const file = await createMigration(values.name);
  if (file === null) {
    console.log('Schema and migrations agree; nothing to write.');
    return;
  }
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  console.log('Review it, then apply it with: npm run db:migrate');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
