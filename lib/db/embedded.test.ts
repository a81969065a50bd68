import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyEmbeddedTemplate, EMBEDDED_TEMPLATE_ENV, scratchDir } from '@/lib/test/template';
import { EmbeddedDatabaseInUseError, openEmbeddedDatabase } from './embedded';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Asynchronously, so that this process's event loop keeps refreshing its lock meanwhile, as a
 * live server's does (a blocking spawn let the lock look abandoned on a busy machine).
 */
async function openInAnotherProcess(dataDir: string): Promise<{ stdout: string; stderr: string }> {
  const script = `
    import { openEmbeddedDatabase } from './lib/db/embedded.ts';
    try { const db = await openEmbeddedDatabase(${JSON.stringify(dataDir)}); await db.close(); console.log('opened'); }
    catch (err) { console.log(err.name + ': ' + err.message); }
  `;
  // Without the test runner's variables, or the child would report to it instead of printing.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NODE_TEST'))) as NodeJS.ProcessEnv;
  return promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env,
    timeout: 120_000,
  });
}

test('a second process cannot open a folder that is in use, and is told why', async () => {
  // Under npm test, a copy of the pass's migrated template (lib/test/template.ts), in memory where
  // the machine allows: what is in the folder does not matter here, and initdb would add seconds.
  const dir = scratchDir('switchboard-lock-');
  const template = process.env[EMBEDDED_TEMPLATE_ENV];
  if (template) copyEmbeddedTemplate(template, dir);
  const db = await openEmbeddedDatabase(dir);
  try {
    await db.db.exec('create table t (x int); insert into t values (1);');
    const other = await openInAnotherProcess(dir);
    assert.match(
      other.stdout,
      /EmbeddedDatabaseInUseError: The embedded database in .* is in use by another process \(pid \d+\)/,
      `stderr: ${other.stderr}`,
    );
    await assert.rejects(openEmbeddedDatabase(dir), EmbeddedDatabaseInUseError);
  } finally {
    await db.close();
  }
  // Once closed, the folder opens again, with its data.
  const other = await openInAnotherProcess(dir);
  assert.match(other.stdout, /opened/, other.stderr);
  const again = await openEmbeddedDatabase(dir);
  try {
    assert.deepEqual((await again.db.query('select x from t')).rows, [{ x: 1 }]);
  } finally {
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
