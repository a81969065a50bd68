// npm run db:migrate: applies pending prisma/migrations to the configured database
// (DATABASE_URL when set, else the embedded PGlite folder under SWITCHBOARD_DATA_DIR).

import pg from 'pg';
import { databaseConfig, describePostgresUrl } from '../lib/db/config';
import { openEmbeddedDatabase } from '../lib/db/embedded';
import { applyMigrations, pgliteRunner, pgRunner, type SqlRunner } from '../lib/db/migrations';

async function withRunner<T>(fn: (runner: SqlRunner, where: string) => Promise<T>): Promise<T> {
  const config = databaseConfig();
  if (config.kind === 'embedded') {
    // openEmbeddedDatabase holds the folder's lock, so this refuses while the server has it open.
    const embedded = await openEmbeddedDatabase(config.dataDir);
    try {
      return await fn(pgliteRunner(embedded.db), `the embedded database in ${config.dataDir}`);
    } finally {
      await embedded.close();
    }
  }

  const where = `PostgreSQL at ${describePostgresUrl(config.url)}`;
  const client = new pg.Client({ connectionString: config.url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to ${where}: ${(error as Error).message}`);
  }
  try {
    return await fn(pgRunner(client), where);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await withRunner(async (runner, where) => {
    console.log(`Database: ${where}`);
    const applied = await applyMigrations(runner);
    for (const name of applied) console.log(`Applied ${name}`);
    if (applied.length === 0) console.log('Database is up to date.');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
