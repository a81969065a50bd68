import crypto from 'node:crypto';
import fs from 'node:fs';
import { after } from 'node:test';
import { closeDatabase, getDatabase, type Database } from '@/lib/db/client';
import { assertLocalDatabase } from './local';
import {
  copyEmbeddedTemplate,
  copyPostgresTemplate,
  dropPostgresDatabase,
  EMBEDDED_TEMPLATE_ENV,
  POSTGRES_TEMPLATE_ENV,
  scratchDir,
} from './template';

export { assertLocalDatabase } from './local';

/**
 * Call at the top of a test file. Gives this test process (node runs each test file in its own,
 * several at once) a database of its own, removed afterwards: an embedded one in a scratch
 * folder (scratchDir: in memory where the machine allows), or, when TEST_POSTGRES_URL names a
 * local PostgreSQL server, a new database on it.
 * Under `npm test` it is a copy of the pass's migrated template (lib/test/template.ts); run
 * alone, a file migrates its database itself.
 */
export function useTestDatabase(): Promise<Database> {
  // Registered now, at the file's top level: node:test runs it after all the file's tests.
  let cleanup: () => Promise<void> = async () => {};
  after(async () => {
    await closeDatabase();
    await cleanup();
  });
  return open((fn) => (cleanup = fn));
}

async function open(setCleanup: (fn: () => Promise<void>) => void): Promise<Database> {
  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    assertLocalDatabase(server);
    const name = `switchboard_test_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    const template = process.env[POSTGRES_TEMPLATE_ENV] || 'template1';
    process.env.DATABASE_URL = await copyPostgresTemplate(server, template, name);
    setCleanup(() => dropPostgresDatabase(server, name));
  } else {
    delete process.env.DATABASE_URL;
    const dir = scratchDir('switchboard-test-');
    const template = process.env[EMBEDDED_TEMPLATE_ENV];
    if (template) copyEmbeddedTemplate(template, dir);
    process.env.SWITCHBOARD_DATA_DIR = dir;
    setCleanup(async () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return getDatabase();
}
