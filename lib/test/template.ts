// Migrate once, copy per test file. The suite used to apply every migration to every test
// file's database (29 times per pass); now scripts/test.ts migrates one template per pass and
// each file gets a copy: a PGlite folder copy on the embedded database, `CREATE DATABASE …
// TEMPLATE` on PostgreSQL. Opening a copy still runs the migrations check, which finds nothing to do.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations, pgliteRunner, pgRunner } from '@/lib/db/migrations';
import { assertLocalDatabase } from './local';

/** Set by scripts/test.ts: a migrated PGlite data folder to copy (its `pglite` subfolder). */
export const EMBEDDED_TEMPLATE_ENV = 'TEST_EMBEDDED_TEMPLATE';
/** Set by scripts/test.ts: a migrated database on the TEST_POSTGRES_URL server to create copies of. */
export const POSTGRES_TEMPLATE_ENV = 'TEST_POSTGRES_TEMPLATE';

/** Room a scratch folder needs on /dev/shm: a template, and a copy per test file running at once. */
const SCRATCH_ROOM_BYTES = 1024 ** 3;

/**
 * Where the tests' embedded databases live: /dev/shm, a folder in memory, when this machine has
 * one with room (Docker's default 64 MB has not); else the system's temporary folder.
 * TEST_SCRATCH_DIR chooses another. Each test file copies the 40 MB, 1,100-file template and
 * removes its copy afterwards: on this machine's disk (ext4 mounted with `discard`) that was
 * 0.6 s of system CPU a file and seconds of waiting on a busy machine; in memory a fraction of
 * both. The database is the same PGlite folder either way (docs/testing.md).
 */
export function scratchRoot(): string {
  if (process.env.TEST_SCRATCH_DIR) return process.env.TEST_SCRATCH_DIR;
  try {
    const shm = '/dev/shm';
    fs.accessSync(shm, fs.constants.W_OK);
    const { bavail, bsize } = fs.statfsSync(shm);
    if (bavail * bsize >= SCRATCH_ROOM_BYTES) return shm;
  } catch {
    // no /dev/shm (macOS, Windows) or not writable: the temporary folder
  }
  return os.tmpdir();
}

/** A new, empty folder under scratchRoot(). */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(scratchRoot(), prefix));
}

/** A migrated embedded data folder in a scratch folder; remove it with removeEmbeddedTemplate. */
export async function makeEmbeddedTemplate(): Promise<string> {
  const dir = scratchDir('switchboard-template-');
  const embedded = await openEmbeddedDatabase(dir);
  try {
    await applyMigrations(pgliteRunner(embedded.db), { log: () => {} });
  } finally {
    await embedded.close();
  }
  return dir;
}

/** A fresh data folder with a copy of the template's database in it. */
export function copyEmbeddedTemplate(template: string, into: string): void {
  fs.cpSync(path.join(template, 'pglite'), path.join(into, 'pglite'), { recursive: true });
}

export function removeEmbeddedTemplate(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(server: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  assertLocalDatabase(server);
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A migrated database on `server`, named switchboard_template_<random>, that nobody stays connected to. */
export async function makePostgresTemplate(server: string): Promise<string> {
  const name = `switchboard_template_${crypto.randomBytes(4).toString('hex')}`;
  await withServer(server, (c) => c.query(`create database ${name}`));
  const client = new pg.Client({ connectionString: databaseUrl(server, name) });
  await client.connect();
  try {
    await applyMigrations(pgRunner(client), { log: () => {} });
  } finally {
    await client.end();
  }
  return name;
}

/**
 * Creates `name` as a copy of `template` and returns its URL. PostgreSQL refuses to copy a
 * database someone is connected to, so a copy that collides with another (a moment's connection
 * by autovacuum, say) is tried again.
 */
export async function copyPostgresTemplate(server: string, template: string, name: string): Promise<string> {
  await withServer(server, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database ${name} template ${template}`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  });
  return databaseUrl(server, name);
}

export async function dropPostgresDatabase(server: string, name: string): Promise<void> {
  await withServer(server, (c) => c.query(`drop database if exists ${name} with (force)`));
}
