// `npm test`: every test, in phases (docs/testing.md says what each covers and why it runs where):
//   0. lint (ESLint) and format (Prettier) checks;
//   1. unit and data-layer tests on the embedded database (node's test runner, files concurrently,
//      each on its own copy of one migrated template);
//   2. the production build;
//   3. the end-to-end suite against `next start` on the embedded database: every journey spec in
//      a JS-on (`chromium`) and a JS-off (`chromium-no-js`) browser, the raw-HTTP tests once (`http`);
//   then, when a local PostgreSQL server is reachable (TEST_POSTGRES_URL, default 127.0.0.1:5432):
//   4. the unit and data-layer tests again, on PostgreSQL;
//   5. the e2e tests that depend on the database (tagged @postgres), on PostgreSQL;
//   6. the race proof, the authorisation matrix and the benchmark smoke.
// It ends with each phase's wall time and, on a line of its own, `N passed, N failed`.
// Budget: the whole run within 8 minutes on a 2-core machine; a feature that would break it makes room first.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromiumPath, INSTALL_HINT } from '../e2e/browser';
import { assertLocalDatabase } from '../lib/test/local';
import {
  copyEmbeddedTemplate,
  copyPostgresTemplate,
  dropPostgresDatabase,
  EMBEDDED_TEMPLATE_ENV,
  makeEmbeddedTemplate,
  makePostgresTemplate,
  POSTGRES_TEMPLATE_ENV,
  removeEmbeddedTemplate,
} from '../lib/test/template';

const root = path.resolve(import.meta.dirname, '..');
const postgresServer = process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const cores = os.availableParallelism();

type Phase = { name: string; seconds: number; passed: number; failed: number; ok: boolean; note?: string };
const phases: Phase[] = [];
const failures: string[] = [];

type Env = Record<string, string | undefined>;

/**
 * Runs a command and returns what it printed. Its output is shown as it comes, or, for a phase
 * running alongside another (`buffered`), all at once when it ends, so the two do not interleave.
 */
function run(label: string, cmd: string, args: string[], env: Env = {}, buffered = false): Promise<{ code: number; output: string }> {
  const header = `\n=== ${label}\n$ ${cmd} ${args.join(' ')}\n`;
  if (!buffered) process.stdout.write(header);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (!buffered) stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => {
      if (buffered) process.stdout.write(header + output);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Times `body` as one phase of the table; it returns its passed and failed counts. */
async function phase(
  name: string,
  body: () => Promise<{ code: number; passed: number; failed: number; note?: string }>,
  { runsTests = true, alongside = '' } = {},
) {
  const started = performance.now();
  // In the table in the order the phases start, whichever ends first.
  const row: Phase = { name, seconds: 0, passed: 0, failed: 0, ok: false };
  phases.push(row);
  let result: { code: number; passed: number; failed: number; note?: string };
  try {
    result = await body();
  } catch (err) {
    console.error(`\n${name}: ${(err as Error).stack ?? err}`);
    result = { code: 1, passed: 0, failed: 1 };
  }
  const seconds = (performance.now() - started) / 1000;
  // A phase that passed nothing proved nothing: that is a failure too.
  const ok = result.code === 0 && result.failed === 0 && (result.passed > 0 || !runsTests);
  const note = [alongside && `alongside ${alongside}`, result.note].filter(Boolean).join('; ') || undefined;
  Object.assign(row, { seconds, passed: result.passed, failed: result.failed, ok, note });
  if (!ok) failures.push(`${name} (exit ${result.code}, ${result.passed} passed, ${result.failed} failed)`);
}

/**
 * Whether a test file's outcome can depend on the database: it opens one with useTestDatabase().
 * The others (parsers, formatting, tokens, and the migration and embedded-folder tests, which make
 * and name their own databases, PostgreSQL included) give the same answer in both passes, so the
 * PostgreSQL pass leaves them out: running them twice is double work (docs/testing.md).
 */
function usesTestDatabase(file: string): boolean {
  return fs.readFileSync(path.join(root, file), 'utf8').includes('useTestDatabase(');
}

function unitTestFiles(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory() && !['generated', 'node_modules'].includes(entry.name)) visit(rel);
      else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(rel);
    }
  };
  for (const dir of ['lib', 'scripts']) visit(dir);
  return found.sort();
}

/** node's test runner, test files `cores` at a time, each in its own process on its own database. */
async function unit(label: string, env: Env, buffered = false, files = unitTestFiles()) {
  const args = ['--conditions=react-server', '--import', 'tsx', '--test', `--test-concurrency=${cores}`, ...files];
  const { code, output } = await run(label, process.execPath, args, env, buffered);
  const num = (name: string) => Number(output.match(new RegExp(`^[ℹ#] ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const skipped = num('skipped') + num('todo');
  return { code, passed: num('pass'), failed: num('fail') + num('cancelled'), note: skipped ? `${skipped} skipped` : undefined };
}

/** e2e/prepare.ts, then Playwright, against a production build on the database `env` names. */
async function e2e(label: string, env: Env, options: { fixtures?: string[]; playwrightArgs?: string[] } = {}) {
  const full = { AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), ...env };
  const prepareArgs = [
    'tsx',
    '--conditions=react-server',
    'e2e/prepare.ts',
    ...(options.fixtures ? ['--only', options.fixtures.join(',')] : []),
  ];
  const prepared = await run(`${label}: test data`, 'npx', prepareArgs, full);
  if (prepared.code !== 0) return { code: prepared.code, passed: 0, failed: 1 };
  const { code, output } = await run(label, 'npx', ['playwright', 'test', ...(options.playwrightArgs ?? [])], full);
  const num = (name: string) => Number(output.match(new RegExp(`^\\s+(\\d+) ${name}`, 'm'))?.[1] ?? 0);
  // A skipped or unrun test is no pass: it counts as a failure.
  return { code, passed: num('passed'), failed: num('failed') + num('flaky') + num('did not run') + num('skipped') + num('interrupted') };
}

/** A script that ends with its own `N passed, N failed` line (the race, the matrix, the benchmark smoke). */
async function checks(label: string, script: string, args: string[], buffered = false) {
  const { code, output } = await run(label, 'npx', ['tsx', '--conditions=react-server', script, ...args], {}, buffered);
  const [, passed = '0', failed = '0'] = output.match(/^(\d+) passed, (\d+) failed$/m) ?? [];
  return { code, passed: Number(passed), failed: Number(failed) };
}

/** The API's OpenAPI document, generated from the zod schemas, linted by Redocly (warnings fail too). */
async function lintOpenApi() {
  const generated = await run('OpenAPI document', 'npx', ['tsx', 'scripts/openapi.ts', OPENAPI_FILE], {}, true);
  if (generated.code !== 0) return generated;
  const linted = await run(
    'Lint the OpenAPI document (Redocly)',
    'npx',
    ['redocly', 'lint', '--max-problems', '50', OPENAPI_FILE],
    REDOCLY_ENV,
    true,
  );
  // Redocly exits 0 on warnings; here they fail, so the document stays clean.
  return /You have \d+ warnings?/.test(linted.output) ? { ...linted, code: 1 } : linted;
}

const OPENAPI_FILE = path.join('node_modules', '.cache', 'openapi.json');
const REDOCLY_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresServer, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (err) {
    console.log(`\nPostgreSQL at ${new URL(postgresServer).host} is not reachable (${(err as Error).message}).`);
    return false;
  }
}

function printSummary(total: number) {
  console.log('\n=== Summary');
  const rows = phases.map((p) => [
    p.name,
    `${p.seconds.toFixed(0)} s`,
    p.passed || p.failed ? String(p.passed) : '',
    p.passed || p.failed ? String(p.failed) : '',
    p.note ?? '',
  ]);
  rows.push(['Total (wall)', `${total.toFixed(0)} s`, '', '', `budget 480 s; ${cores} cores`]);
  const head = ['phase', 'wall time', 'passed', 'failed', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 || i === 4 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  for (const failure of failures) console.log(`FAILED: ${failure}`);
  if (total > 480) console.log(`OVER BUDGET: ${total.toFixed(0)} s is more than the 8 minutes the suite may take (docs/testing.md).`);
}

async function main() {
  const started = performance.now();
  // `npm test -- unit` or `npm test -- e2e` runs one part; no argument runs everything.
  const only = process.argv[2];
  if (only && !['unit', 'e2e'].includes(only)) throw new Error(`Unknown part "${only}": use unit or e2e.`);
  const wants = (part: string) => !only || only === part;

  // Stop before anything runs when a pass could not: a non-local database, or no browser.
  assertLocalDatabase(postgresServer);
  if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
  if (wants('e2e') && !chromiumPath().found) {
    console.error(`${INSTALL_HINT}\n(Looked for: ${chromiumPath().tried.join(', ')}.)`);
    process.exit(1);
  }

  let embeddedTemplate = '';
  let postgresTemplate: string | null = null;
  const postgres = await postgresReachable();
  try {
    // First, and fast: a style slip or a bug ESLint can see fails here, in seconds, not after the
    // browsers. The rest still runs, so one run shows everything that is wrong. It runs alongside
    // the templates, the build and the embedded unit tests: ESLint's type-aware pass is one
    // process, and on 2 cores the other core was mostly idle for its 20 s (docs/testing.md).
    const lint = phase(
      'Lint and format',
      async () => {
        const [lint, format, openapi] = await Promise.all([
          run('Lint (ESLint)', 'npx', ['eslint', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'], {}, true),
          run('Format (Prettier)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'], {}, true),
          lintOpenApi(),
        ]);
        const failed = Number(lint.code !== 0) + Number(format.code !== 0) + Number(openapi.code !== 0);
        return {
          code: failed ? 1 : 0,
          passed: 0,
          failed,
          note: failed ? 'npm run lint / npm run format / npm run openapi:lint' : undefined,
        };
      },
      { runsTests: false, alongside: 'the templates, the build and the unit tests' },
    );

    await phase(
      'Migrated templates (embedded, PostgreSQL)',
      async () => {
        embeddedTemplate = await makeEmbeddedTemplate();
        if (postgres) postgresTemplate = await makePostgresTemplate(postgresServer);
        return { code: 0, passed: 0, failed: 0 };
      },
      { runsTests: false },
    );

    // Phases that share nothing run side by side where that measured faster on 2 cores
    // (docs/testing.md): the unit tests alongside the build, the matrix alongside the benchmark
    // smoke. The one running alongside prints its output when it ends. (The PostgreSQL unit tests
    // alongside the embedded e2e run measured no faster than one after the other: both fill the cores.)
    let built = false;
    const build = async () => {
      if (!wants('e2e')) return;
      await phase(
        'Production build',
        async () => {
          const { code } = await run('Production build for end-to-end tests', 'npx', ['next', 'build']);
          built = code === 0;
          return { code, passed: 0, failed: 0 };
        },
        { runsTests: false },
      );
    };
    await Promise.all([
      wants('unit') &&
        phase(
          'Unit and data-layer tests (embedded)',
          () =>
            unit(
              'Unit and data-layer tests (embedded database)',
              { DATABASE_URL: '', TEST_POSTGRES_URL: '', [EMBEDDED_TEMPLATE_ENV]: embeddedTemplate },
              true,
            ),
          { alongside: wants('e2e') ? 'the build' : '' },
        ),
      build(),
    ]);
    await lint;

    const e2eEmbedded = async () => {
      if (!built) return;
      await phase('End-to-end (embedded)', async () => {
        const dataDir = path.join(root, '.e2e', 'db');
        fs.rmSync(path.join(root, '.e2e'), { recursive: true, force: true });
        fs.mkdirSync(dataDir, { recursive: true });
        copyEmbeddedTemplate(embeddedTemplate, dataDir);
        return e2e('End-to-end tests (embedded database)', { DATABASE_URL: '', SWITCHBOARD_DATA_DIR: dataDir });
      });
    };
    const unitPostgres = async () => {
      if (!wants('unit') || !postgresTemplate) return;
      await phase('Unit and data-layer tests (PostgreSQL)', () =>
        unit(
          'Unit and data-layer tests (PostgreSQL)',
          { TEST_POSTGRES_URL: postgresServer, [POSTGRES_TEMPLATE_ENV]: postgresTemplate! },
          false,
          unitTestFiles().filter(usesTestDatabase),
        ),
      );
    };
    await e2eEmbedded();
    await unitPostgres();

    if (!postgres || !postgresTemplate) {
      console.log('SKIPPED: the PostgreSQL half of the suite (set TEST_POSTGRES_URL to a local server to run it).');
      phases.push({ name: 'PostgreSQL half', seconds: 0, passed: 0, failed: 0, ok: true, note: 'SKIPPED: no local server' });
      return;
    }
    if (built) {
      const template = postgresTemplate;
      // Only what depends on the database (docs/testing.md): the three workflows, the concurrency
      // specs and the audit log; the rest of PostgreSQL's behaviour is proven by the unit pass on
      // it, the race proof and the authorisation matrix.
      await phase('End-to-end, database-dependent (PostgreSQL)', async () => {
        const name = `switchboard_e2e_${crypto.randomBytes(4).toString('hex')}`;
        const url = await copyPostgresTemplate(postgresServer, template, name);
        try {
          fs.rmSync(path.join(root, '.e2e'), { recursive: true, force: true });
          return await e2e(
            'End-to-end tests that depend on the database (PostgreSQL)',
            { DATABASE_URL: url },
            {
              fixtures: ['workflows', 'audit-log', 'admins'],
              playwrightArgs: ['--grep', '@postgres', '--project', 'chromium', '--project', 'chromium-no-js'],
            },
          );
        } finally {
          await dropPostgresDatabase(postgresServer, name);
        }
      });
      // Two instances on one database: 100 racing assigns, then a short storm with one instance
      // killed halfway; every invariant is one check in its `N passed, N failed` line. Alone: it
      // is the one phase whose point is load.
      await phase('Race proof (PostgreSQL)', () =>
        checks('Race proof: two instances on PostgreSQL', 'scripts/race.ts', [
          '--storm-seconds',
          '8',
          '--postgres-url',
          postgresServer,
          '--ports',
          process.env.RACE_PORTS ?? '3201,3202',
        ]),
      );
      await Promise.all([
        // Every mutation posted as six identities: only the full-scope one changes anything.
        phase(
          'Authorisation matrix (PostgreSQL)',
          () =>
            checks(
              'Authorisation matrix: one instance on PostgreSQL',
              'scripts/authz-matrix.ts',
              ['--postgres-url', postgresServer, '--port', process.env.AUTHZ_PORT ?? '3221'],
              true,
            ),
          { alongside: 'the benchmark smoke' },
        ),
        // The benchmark on small data for a few seconds, so the script cannot rot; no timing is asserted.
        phase('Benchmark smoke (PostgreSQL)', () =>
          checks('Benchmark smoke: Switchboard and the ceiling on PostgreSQL', 'bench/run.ts', [
            '--smoke',
            '--postgres-url',
            postgresServer,
            '--ports',
            process.env.BENCH_PORT ?? '3231',
          ]),
        ),
      ]);
    }
  } finally {
    if (embeddedTemplate) removeEmbeddedTemplate(embeddedTemplate);
    if (postgresTemplate) await dropPostgresDatabase(postgresServer, postgresTemplate).catch(() => {});
    const total = (performance.now() - started) / 1000;
    printSummary(total);
    const passed = phases.reduce((n, p) => n + p.passed, 0);
    // A phase that failed without a failed test (a crash, a build error) counts as one failure.
    const failed = phases.reduce((n, p) => n + (p.ok ? p.failed : Math.max(p.failed, 1)), 0);
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failures.length ? 1 : 0;
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
