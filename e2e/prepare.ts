// Makes the e2e tests' data before the server starts (the embedded database allows one process
// at a time, so the tests cannot add rows while the server runs). Runs every e2e/*.fixture.ts
// once for each Playwright project it is for, and writes each fixture's data to
// .e2e/data/<name>.json (e2e/fixture.ts). Every record has this run's unique names; nothing
// depends on the demo seed or on another spec's data.
//
// `--only workflows,audit-log` runs only those fixtures (the PostgreSQL pass needs no others).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { uniqueSuffix } from '../lib/test/factories';
import { assertLocalEnvironment } from '../lib/test/local';
import { DATA_DIR, makerFor, type Fixture } from './fixture';

async function main() {
  assertLocalEnvironment();
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only ? new Set(values.only.split(',')) : null;
  const files = fs
    .readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.fixture.ts'))
    .sort();
  const fixtures: Fixture<unknown>[] = [];
  for (const file of files) {
    const fixture = ((await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as { default?: Fixture<unknown> }).default;
    if (!fixture?.make) throw new Error(`e2e data: ${file} has no default export made with defineFixture`);
    if (`${fixture.name}.fixture.ts` !== file)
      throw new Error(`e2e data: ${file} names its fixture "${fixture.name}"; name it after the file`);
    if (!only || only.has(fixture.name)) fixtures.push(fixture);
  }
  if (only) for (const name of only) if (!fixtures.some((f) => f.name === name)) throw new Error(`e2e data: no fixture named "${name}"`);

  const { prisma } = await getDatabase();
  const run = uniqueSuffix();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  for (const fixture of fixtures) {
    const started = performance.now();
    const projects: Record<string, unknown> = {};
    for (const project of fixture.projects) {
      try {
        projects[project] = await fixture.make(makerFor(prisma, run, project));
      } catch (err) {
        throw new Error(`${fixture.name} (${project}): ${(err as Error).message}`);
      }
    }
    fs.writeFileSync(path.join(DATA_DIR, `${fixture.name}.json`), JSON.stringify({ run, projects }, null, 2));
    console.log(`  ${fixture.name}: ${fixture.projects.join(', ')} (${Math.round(performance.now() - started)} ms)`);
  }
  await closeDatabase();
}

main().catch(async (err: Error) => {
  console.error(`e2e data: ${err.message}`);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
