import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
import { closeDatabase, getDatabase, type Database } from '@/lib/db/client';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** Tests only ever touch a database on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.includes(host)) {
    throw new Error(`Tests refuse to run against a database that is not on this machine (${host}).`);
  }
}

/**
 * Call at the top of a test file. Gives this test process (node runs each test file in its own) a database of its own, made
 * fresh and removed afterwards: an embedded one in a temporary folder, or, when
 * TEST_POSTGRES_URL names a local PostgreSQL server, a new database on it.
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
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    setCleanup(async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    });
  } else {
    delete process.env.DATABASE_URL;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
    process.env.SWITCHBOARD_DATA_DIR = dir;
    setCleanup(async () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return getDatabase();
}
