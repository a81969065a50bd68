// `npm test`: every test. Unit and data-layer tests, then the end-to-end suite in a JS-on and a
// JS-off browser against a production build, on the embedded database; then both again on
// PostgreSQL when a local server is reachable (TEST_POSTGRES_URL, default 127.0.0.1:5432).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const postgresServer = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const totals = { passed: 0, failed: 0 };
const failures: string[] = [];

/** Runs a command, showing its output, and returns what it printed. */
function run(label: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; output: string }> {
  console.log(`\n=== ${label}\n$ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function count(label: string, code: number, passed: number, failed: number) {
  totals.passed += passed;
  totals.failed += failed;
  if (code !== 0 || failed > 0 || passed === 0) failures.push(`${label} (exit ${code}, ${passed} passed, ${failed} failed)`);
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

async function unit(label: string, env: Record<string, string | undefined>) {
  const { code, output } = await run(label, process.execPath, ['--conditions=react-server', '--import', 'tsx', '--test', ...unitTestFiles()], env);
  const num = (name: string) => Number(output.match(new RegExp(`^[ℹ#] ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  count(label, code, num('pass'), num('fail') + num('cancelled'));
}

async function e2e(label: string, env: Record<string, string | undefined>) {
  const dataDir = path.join(root, '.e2e', 'data');
  fs.rmSync(path.join(root, '.e2e'), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, '.e2e', 'state'), { recursive: true });
  const full = { SWITCHBOARD_DATA_DIR: dataDir, AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), ...env };
  const prepared = await run(`${label}: test data`, 'npx', ['tsx', '--conditions=react-server', 'e2e/prepare.ts'], full);
  if (prepared.code !== 0) return count(label, prepared.code, 0, 1);
  const { code, output } = await run(label, 'npx', ['playwright', 'test'], full);
  const num = (name: string) => Number(output.match(new RegExp(`^\\s+(\\d+) ${name}`, 'm'))?.[1] ?? 0);
  count(label, code, num('passed'), num('failed') + num('flaky') + num('did not run'));
}

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

async function main() {
  // `npm test -- unit` or `npm test -- e2e` runs one part; no argument runs everything.
  const only = process.argv[2];
  if (only && !['unit', 'e2e'].includes(only)) throw new Error(`Unknown part "${only}": use unit or e2e.`);
  const wants = (part: string) => !only || only === part;

  if (wants('unit')) await unit('Unit and data-layer tests (embedded database)', { DATABASE_URL: '', TEST_POSTGRES_URL: '' });

  const build = wants('e2e') ? await run('Production build for end-to-end tests', 'npx', ['next', 'build']) : { code: 0 };
  if (build.code !== 0) {
    failures.push('next build');
  } else if (wants('e2e')) {
    await e2e('End-to-end tests (embedded database)', { DATABASE_URL: '' });
  }

  if (await postgresReachable()) {
    if (wants('unit')) await unit('Unit and data-layer tests (PostgreSQL)', { TEST_POSTGRES_URL: postgresServer });
    if (wants('e2e') && build.code === 0) {
      const name = `switchboard_e2e_${crypto.randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: postgresServer });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(postgresServer);
      url.pathname = `/${name}`;
      try {
        // The accessibility and keyboard specs ran on the embedded database; pages are the same markup here.
        await e2e('End-to-end tests (PostgreSQL)', { DATABASE_URL: url.toString(), E2E_SKIP_ACCESSIBILITY: '1' });
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
      // Two instances on one database: 100 racing assigns, then a short storm with one instance
      // killed halfway; every invariant is one check in its `N passed, N failed` line.
      const race = await run('Race proof: two instances on PostgreSQL', 'npx', [
        'tsx', '--conditions=react-server', 'scripts/race.ts', '--storm-seconds', '8', '--postgres-url', postgresServer,
        '--ports', process.env.RACE_PORTS ?? '3201,3202',
      ]);
      const [, passed = '0', failed = '0'] = race.output.match(/^(\d+) passed, (\d+) failed$/m) ?? [];
      count('Race proof (PostgreSQL)', race.code, Number(passed), Number(failed));
      // Every mutation posted as six identities (full-scope, another account's, read-only,
      // disabled, signed out, expired): only the full-scope one changes anything; each cell is a check.
      const authz = await run('Authorisation matrix: one instance on PostgreSQL', 'npx', [
        'tsx', '--conditions=react-server', 'scripts/authz-matrix.ts', '--postgres-url', postgresServer,
        '--port', process.env.AUTHZ_PORT ?? '3221',
      ]);
      const [, authzPassed = '0', authzFailed = '0'] = authz.output.match(/^(\d+) passed, (\d+) failed$/m) ?? [];
      count('Authorisation matrix (PostgreSQL)', authz.code, Number(authzPassed), Number(authzFailed));
      // The benchmark on small data for a few seconds, so the script cannot rot: each page served
      // with its rows by Switchboard and by the ceiling, and its queries within target, is a check.
      // No timing is asserted (docs/performance.md has the full run).
      const bench = await run('Benchmark smoke: Switchboard and the ceiling on PostgreSQL', 'npx', [
        'tsx', '--conditions=react-server', 'bench/run.ts', '--smoke', '--postgres-url', postgresServer,
        '--ports', process.env.BENCH_PORT ?? '3231',
      ]);
      const [, benchPassed = '0', benchFailed = '0'] = bench.output.match(/^(\d+) passed, (\d+) failed$/m) ?? [];
      count('Benchmark smoke (PostgreSQL)', bench.code, Number(benchPassed), Number(benchFailed));
    }
  } else {
    console.log('SKIPPED: the PostgreSQL half of the suite (set TEST_POSTGRES_URL to a local server to run it).');
  }

  console.log('\n=== Summary');
  for (const failure of failures) console.log(`FAILED: ${failure}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
