// `npm run bench:fault`: Switchboard while its PostgreSQL server goes away and comes back, and
// the embedded database refusing a second server on its folder (issue 19, item 5; decision 016).
//
// PostgreSQL: on a cluster of its own (default `15/fault` on port 5440, made with
// `pg_createcluster 15 fault -p 5440 -- --auth=trust` when missing; that needs root or the
// postgres user), never the main cluster on 5432. A scratch database of small bench data
// (bench/data.ts), two `next start` instances on it, and a load of signed-in page reads and CSV
// downloads plus no-JS assign posts (as bench/run.ts times one); after a few seconds
// `pg_ctlcluster … stop`, a pause, `start` (or `--down 0`: `restart`) while the load runs. It prints
// the status codes seen per second, the longest request, how long after the database was back
// each instance's first success came, every acknowledged change (303) checked against the
// database and the audit log, and one verdict per guarantee:
//   - every request got a success or a clear "cannot reach its database" answer (503 page or
//     problem+json; a request in flight may get the error page saying the same), no stack, none
//     longer than 10 s;
//   - each instance serves again within 5 s of the database's return, without a restart;
//   - nothing acknowledged is lost.
// Embedded: `npm start` on a temporary SWITCHBOARD_DATA_DIR, a second `npm start` on the same
// folder (its message and exit code), and the first still answering 200.
//
// Needs a current build (`npm run build`; --build makes one). Timings are printed, never asserted
// in tests. Options: --version 15 --cluster fault --pg-port 5440 --ports 3570 (A, B; +2, +3 for
// the embedded pair) --users 2000 --numbers 10000 --down 5 (seconds stopped; 0 = restart)
// --after 12 (seconds of load after the database is back) --readers 4 --writers 2
// --skip-embedded --skip-postgres --build. Ends with `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../lib/db/client';
import { OUTAGE_DIGEST, OUTAGE_TITLE } from '../lib/http/outage-words';
import {
  assertLocal,
  buildAge,
  CookieJar,
  databaseUrl,
  findForm,
  NEXT_BIN,
  portIsFree,
  root,
  setField,
  signIn,
  startInstance,
  stopInstance,
  textOf,
  transportMessage,
  waitUntilReady,
  withClient,
  type Instance,
} from '../scripts/http-client';
import { BENCH_ADMIN, BIG_ACCOUNT_ID, generateBenchData } from './data';

const { values: args } = parseArgs({
  options: {
    version: { type: 'string', default: '15' },
    cluster: { type: 'string', default: 'fault' },
    'pg-port': { type: 'string', default: '5440' },
    ports: { type: 'string', default: '3570' },
    users: { type: 'string', default: '2000' },
    numbers: { type: 'string', default: '10000' },
    down: { type: 'string', default: '5' },
    after: { type: 'string', default: '12' },
    readers: { type: 'string', default: '4' },
    writers: { type: 'string', default: '2' },
    'skip-embedded': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
  },
});

const version = args.version;
const cluster = args.cluster;
const pgPort = Number(args['pg-port']);
const basePort = Number(args.ports);
const downSeconds = Number(args.down);
const afterSeconds = Number(args.after);
const HANG_LIMIT_MS = 10_000;
const RECOVERY_LIMIT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 20_000; // longer than the limit, so that a hang is measured, not cut

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail = '') {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

// ---------------------------------------------------------------------------------------------
// The separate cluster

function run(cmd: string, argv: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() || (r.error?.message ?? '') };
}

type Cluster = { version: string; name: string; port: number; status: string };
function clusters(): Cluster[] {
  const r = run('pg_lsclusters', ['-h']);
  if (!r.ok) throw new Error(`pg_lsclusters failed (is postgresql-common installed?): ${r.out}`);
  return r.out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/))
    .map(([v, name, port, status]) => ({ version: v!, name: name!, port: Number(port), status: status! }));
}

/** Asynchronously: the load must keep running (and be timed) while the cluster stops and starts. */
function pgctl(action: 'start' | 'stop' | 'restart'): Promise<void> {
  const argv = [...(action === 'start' ? [] : ['-m', 'fast']), version, cluster, action];
  return new Promise((resolve, reject) => {
    const child = spawn('pg_ctlcluster', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_ctlcluster ${argv.join(' ')} failed (${code}): ${out.trim()}`)),
    );
  });
}

/** Makes (when missing) and starts the fault cluster; refuses anything that could be the main one. */
async function ensureCluster(): Promise<{ startedByUs: boolean }> {
  if (pgPort === 5432 || cluster === 'main')
    throw new Error('The fault run restarts its PostgreSQL cluster: it refuses port 5432 and the cluster "main". Pick another.');
  const all = clusters();
  const mine = all.find((c) => c.version === version && c.name === cluster);
  const other = all.find((c) => c.port === pgPort && c !== mine);
  if (other) throw new Error(`Port ${pgPort} belongs to cluster ${other.version}/${other.name}: pass --pg-port or --cluster.`);
  if (mine && mine.port !== pgPort)
    throw new Error(`Cluster ${version}/${cluster} listens on ${mine.port}, not ${pgPort}: pass --pg-port ${mine.port}.`);
  const uid = process.getuid?.();
  const isPostgresUser = os.userInfo().username === 'postgres';
  if (uid !== 0 && !isPostgresUser)
    throw new Error(
      'Creating, starting and restarting a PostgreSQL cluster needs root or the postgres user (pg_createcluster, pg_ctlcluster).',
    );
  if (!mine) {
    console.log(`Creating cluster ${version}/${cluster} on port ${pgPort} (trust authentication, local connections only)…`);
    const r = run('pg_createcluster', [version, cluster, '-p', String(pgPort), '--', '--auth=trust']);
    if (!r.ok) throw new Error(`pg_createcluster failed: ${r.out}`);
  }
  if (mine?.status === 'online') return { startedByUs: false };
  await pgctl('start');
  return { startedByUs: true };
}

/** Whether the server answers a new connection and a query (while it restarts, an error event may come at any time). */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000, query_timeout: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Load

type Kind = 'read' | 'export' | 'form' | 'post';
type Sample = {
  kind: Kind;
  instance: string;
  path: string;
  start: number;
  end: number;
  /** HTTP status, or a transport failure ('error: …', 'timeout'). */
  status: number | string;
  contentType: string;
  retryAfter: string | null;
  /** The answer names the outage (the 503 page or problem+json, or the error page saying so). */
  saysOutage: boolean;
  stack: boolean;
};

const STACK = /\n\s+at \S+ \(|\bat \S+ \([^)]*:\d+:\d+\)|node_modules\//;

async function timed(
  kind: Kind,
  instance: Instance,
  pathname: string,
  jar: CookieJar,
  init: RequestInit = {},
): Promise<Sample & { body: string }> {
  const start = performance.now();
  const headers = new Headers(init.headers);
  headers.set('cookie', jar.header());
  try {
    const response = await fetch(instance.origin + pathname, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    jar.take(response);
    const body = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const location = response.headers.get('location');
    const saysOutage =
      response.status >= 500 &&
      (contentType.startsWith('application/problem+json')
        ? (JSON.parse(body) as { status?: number }).status === 503 && body.includes('cannot reach its database')
        : // The error page of a request in flight: React renders it in the browser from the payload,
          // which carries the outage's digest (without JavaScript the page is blank: decision 016).
          textOf(body).includes(OUTAGE_TITLE) || body.includes(OUTAGE_DIGEST));
    return {
      kind,
      instance: instance.name,
      path: location ? `${pathname} → ${new URL(location, instance.origin).pathname}` : pathname,
      start,
      end: performance.now(),
      status: response.status,
      contentType,
      retryAfter: response.headers.get('retry-after'),
      saysOutage,
      stack: STACK.test(body),
      body,
    };
  } catch (err) {
    const message = transportMessage(err);
    return {
      kind,
      instance: instance.name,
      path: pathname,
      start,
      end: performance.now(),
      status: message === 'timeout' ? 'timeout' : `error: ${message}`,
      contentType: '',
      retryAfter: null,
      saysOutage: false,
      stack: false,
      body: '',
    };
  }
}

const isSuccess = (s: Sample) => (s.kind === 'post' ? s.status === 303 : s.status === 200);

type Pair = { userId: string; numberId: string; e164: string };

// ---------------------------------------------------------------------------------------------

async function postgresFault(): Promise<void> {
  console.log(`\n== PostgreSQL goes away under load (cluster ${version}/${cluster}, port ${pgPort})`);
  const { startedByUs } = await ensureCluster();
  const server = `postgresql://postgres@127.0.0.1:${pgPort}/postgres`;
  assertLocal(server);
  for (let i = 0; i < 100 && !(await answers(server)); i++) await sleep(100);
  const serverVersion = (await withClient(server, (c) => c.query('show server_version'))).rows[0].server_version as string;
  const dbName = `switchboard_fault_${crypto.randomBytes(4).toString('hex')}`;
  const url = databaseUrl(server, dbName);
  await withClient(server, (c) => c.query(`create database ${dbName}`));
  const logDir = path.join(root, 'bench/logs', `fault-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(logDir, { recursive: true });
  const instances: Instance[] = [];
  // Interrupted: stop what we started (the scratch database stays; drop it by hand).
  const interrupted = () => void Promise.all(instances.map((i) => stopInstance(i))).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    // ---- data: small bench data, and for each writer its own users without a number and free numbers
    const users = Number(args.users);
    const writers = Number(args.writers);
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 }, { log: () => {} });
    let pairs: Pair[][];
    let readPaths: { kind: Kind; path: string }[];
    try {
      await generateBenchData(db, { users, numbers: Number(args.numbers), log: () => {} });
      const q = db.runner.query.bind(db.runner);
      const lacking = (await q(
        `SELECT u.id FROM "User" u WHERE u."accountId" = $1 AND NOT EXISTS (SELECT 1 FROM "PhoneNumber" p WHERE p."userId" = u.id) ORDER BY u.id`,
        [BIG_ACCOUNT_ID],
      )) as { id: string }[];
      const free = (await q(
        `SELECT id, e164 FROM "PhoneNumber" WHERE status = 'Unassigned' AND "productType" = 'BusinessCalling' ORDER BY id LIMIT $1`,
        [lacking.length],
      )) as { id: string; e164: string }[];
      const all = lacking.slice(0, free.length).map((u, i) => ({ userId: u.id, numberId: free[i]!.id, e164: free[i]!.e164 }));
      pairs = Array.from({ length: writers }, (_, w) => all.filter((_, i) => i % writers === w));
      const [holder] = (await q(
        `SELECT u.id, p.e164 FROM "User" u JOIN "PhoneNumber" p ON p."userId" = u.id WHERE u."accountId" = $1 ORDER BY u.id LIMIT 1`,
        [BIG_ACCOUNT_ID],
      )) as { id: string; e164: string }[];
      const usersPath = `/accounts/${BIG_ACCOUNT_ID}/users`;
      readPaths = [
        { kind: 'read', path: usersPath },
        { kind: 'read', path: `${usersPath}/${holder!.id}` },
        { kind: 'read', path: `/phone-numbers?q=${holder!.e164.slice(5, 11)}` },
        { kind: 'export', path: `${usersPath}/export` },
      ];
      console.log(
        `  ${users} users, ${args.numbers} numbers in ${dbName} (PostgreSQL ${serverVersion}); ${all.length} assigns available to ${writers} writers`,
      );
    } finally {
      await db.close();
    }

    // ---- two instances
    for (const p of [basePort, basePort + 1]) if (!(await portIsFree(p))) throw new Error(`Port ${p} is in use: pass --ports.`);
    const env = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '5',
      AUTH_SECRET: crypto.randomBytes(33).toString('base64url'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const A = startInstance('A', basePort, env, logDir);
    const B = startInstance('B', basePort + 1, env, logDir);
    instances.push(A, B);
    await Promise.all([waitUntilReady(A), waitUntilReady(B)]);
    const jar = await signIn(A, BENCH_ADMIN.email, BENCH_ADMIN.password);
    console.log(`  instances A ${A.origin} and B ${B.origin} (pool 5 each); logs in ${path.relative(root, logDir)}`);

    const counts = () =>
      withClient(url, async (c) => {
        const r = await c.query(
          `SELECT (SELECT count(*) FROM "AuditEvent" WHERE action = 'assign-phone-number' AND outcome = 'Done')::int AS audited,
                  (SELECT count(*) FROM "PhoneNumber" WHERE status = 'Assigned')::int AS assigned,
                  (SELECT count(*) FROM "AuditEvent")::int AS events`,
        );
        return r.rows[0] as { audited: number; assigned: number; events: number };
      });
    const before = await counts();

    // ---- the load
    const samples: Sample[] = [];
    const acknowledged: (Pair & { at: number; instance: string })[] = [];
    const unacknowledged: (Pair & { outcome: string })[] = [];
    let stop = false;
    const readers = Array.from({ length: Number(args.readers) }, async (_, r) => {
      let i = r;
      while (!stop) {
        const target = readPaths[i % readPaths.length]!;
        const s = await timed(target.kind, instances[i % 2]!, target.path, jar);
        samples.push(s);
        i++;
        await sleep(25);
      }
    });
    const writerLoops = pairs.map(async (mine, w) => {
      let k = 0;
      let turn = w;
      while (!stop && k < mine.length) {
        const pair = mine[k]!;
        const instance = instances[turn++ % 2]!;
        const userPath = `/accounts/${BIG_ACCOUNT_ID}/users/${pair.userId}`;
        const formPath = `${userPath}/assign-phone-number?q=${pair.e164.slice(2)}`;
        const page = await timed('form', instance, formPath, jar);
        samples.push(page);
        const form = page.status === 200 ? findForm(page.body, 'Assign') : null;
        if (!form || !form.radios.phoneNumberId?.includes(pair.numberId)) {
          // The form could not be had (the database is away): nothing was posted; try again shortly.
          if (page.status === 200) {
            unacknowledged.push({ ...pair, outcome: 'not offered' });
            k++;
          }
          await sleep(100);
          continue;
        }
        const body = new FormData();
        for (const [name, value] of setField(form.fields, 'phoneNumberId', pair.numberId)) body.append(name, value);
        const post = await timed('post', instance, formPath, jar, { method: 'POST', body, headers: { Origin: instance.origin } });
        samples.push(post);
        if (post.status === 303 && post.path.endsWith(`→ ${userPath}`))
          acknowledged.push({ ...pair, at: post.end, instance: instance.name });
        else unacknowledged.push({ ...pair, outcome: String(post.status) });
        k++; // a post that was not acknowledged is not retried: it may or may not have been made
        await sleep(100); // an admin's pace, so that the users without a number last the run
      }
    });

    const t0 = performance.now();
    await sleep(3000);
    const downAt = performance.now();
    // "Back" is the first new connection and query that succeed, polled every 50 ms while
    // pg_ctlcluster is still at work (it returns a little after the server accepts connections).
    const firstAnswer = async (afterDown: boolean) => {
      const giveUp = performance.now() + 10_000; // a restart too quick to be seen down
      if (afterDown) while (performance.now() < giveUp && (await answers(server))) await sleep(20);
      while (!(await answers(server))) await sleep(50);
      return performance.now();
    };
    let upAt: number;
    if (downSeconds > 0) {
      await pgctl('stop');
      console.log(`  ${ms(performance.now() - t0)}: pg_ctlcluster ${version} ${cluster} stop (fast) returned; waiting ${downSeconds} s`);
      await sleep(downSeconds * 1000);
      [upAt] = await Promise.all([firstAnswer(false), pgctl('start')]);
    } else [upAt] = await Promise.all([firstAnswer(true), pgctl('restart')]);
    console.log(`  ${ms(upAt - t0)}: the database answers again (${ms(upAt - downAt)} after the stop began)`);
    await sleep(afterSeconds * 1000);
    stop = true;
    await Promise.all([...readers, ...writerLoops]);
    const after = await counts();

    // ---- verdicts
    console.log('');
    const failures = samples.filter((s) => !isSuccess(s));
    // In flight: started before its instance answered its first 503, i.e. before that instance
    // knew the database was gone. Those may fail with the error page (decision 016); the rest may not.
    const firstOutage = new Map(
      instances.map((i) => [i.name, Math.min(...samples.filter((s) => s.instance === i.name && s.status === 503).map((s) => s.start))]),
    );
    const inFlight = failures.filter((s) => s.status !== 503 && s.start < firstOutage.get(s.instance)!);
    const unexplained = failures.filter((s) => !s.saysOutage && !inFlight.includes(s));
    const outage503 = samples.filter((s) => s.status === 503 && s.saysOutage);
    const problemJson = outage503.filter((s) => s.kind === 'export');
    const longest = samples.reduce((a, s) => (s.end - s.start > a.end - a.start ? s : a), samples[0]!);
    const concurrency = Number(args.readers) + Number(args.writers);
    // ---- per second
    console.log(
      `\n  Status codes per second (by when the request started; 0 = the stop; the database back at ${((upAt - downAt) / 1000).toFixed(1)} s):`,
    );
    const label = (s: Sample) =>
      typeof s.status !== 'number'
        ? s.status
        : `${s.status}${inFlight.includes(s) ? '(in flight)' : s.status >= 500 && !s.saysOutage ? '(unexplained)' : ''}`;
    for (let sec = Math.floor((t0 - downAt) / 1000); sec <= Math.ceil((performance.now() - downAt) / 1000); sec++) {
      const inSec = samples.filter((s) => Math.floor((s.start - downAt) / 1000) === sec);
      if (!inSec.length) continue;
      const tally = new Map<string, number>();
      for (const s of inSec) tally.set(label(s), (tally.get(label(s)) ?? 0) + 1);
      const marks = sec >= 0 && sec * 1000 < upAt - downAt ? '   (database down)' : '';
      console.log(
        `  ${String(sec).padStart(4)} s  ${[...tally]
          .sort()
          .map(([k, v]) => `${k}×${v}`)
          .join('  ')}${marks}`,
      );
    }

    console.log(
      `  ${samples.length} requests: ${samples.length - failures.length} succeeded, ${outage503.length} answered 503 "cannot reach its database" ` +
        `(${problemJson.length} of them CSV downloads as problem+json); ${inFlight.length} in flight when the database went away failed ` +
        `(${inFlight.filter((s) => s.saysOutage).length} with the error page naming the outage, shown with JavaScript; ` +
        `${inFlight.filter((s) => !s.saysOutage).length} a bare 500, no-JS form posts); ${unexplained.length} other`,
    );
    for (const s of [...inFlight, ...unexplained].slice(0, 10))
      console.log(
        `    ${inFlight.includes(s) ? 'in flight' : 'OTHER'}: ${s.instance} ${s.kind} ${s.path}: ${s.status} ${s.contentType}, started ${ms(s.start - downAt)} after the stop, took ${ms(s.end - s.start)}`,
      );
    console.log(
      `  Longest request: ${ms(longest.end - longest.start)} (${longest.instance} ${longest.kind} ${longest.path}, ${longest.status}, started ${ms(longest.start - downAt)} after the stop)`,
    );
    check(
      'every request that started once its instance knew the database was gone got a clear "cannot reach its database" 503 (page or problem+json), or a success',
      unexplained.length === 0,
      `${unexplained.length} other`,
    );
    check(
      `few requests in flight at the stop failed: at most one per concurrent client (${concurrency})`,
      inFlight.length <= concurrency,
      `${inFlight.length}`,
    );
    check(
      'the 503s: problem+json for the CSV downloads, HTML for pages, each with Retry-After; no answer showed a stack trace',
      samples.every((s) => !s.stack) &&
        outage503.every(
          (s) =>
            s.retryAfter !== null &&
            (s.kind === 'export' ? s.contentType.startsWith('application/problem+json') : s.contentType.startsWith('text/html')),
        ),
      `${samples.filter((s) => s.stack).length} with a stack, ${outage503.filter((s) => s.retryAfter === null).length} without Retry-After`,
    );
    check(
      `no request took longer than ${HANG_LIMIT_MS / 1000} s`,
      longest.end - longest.start <= HANG_LIMIT_MS,
      ms(longest.end - longest.start),
    );
    check('the outage was seen: some requests were answered 503', outage503.length > 0, `${outage503.length}`);

    for (const instance of instances) {
      const mine = samples.filter((s) => s.instance === instance.name);
      const firstOk = mine.filter((s) => s.start >= upAt && isSuccess(s)).sort((a, b) => a.end - b.end)[0];
      const lastBad = mine.filter((s) => !isSuccess(s)).sort((a, b) => b.end - a.end)[0];
      const recovered = firstOk ? firstOk.end - upAt : Infinity;
      console.log(
        `  ${instance.name}: first success ${firstOk ? `${ms(recovered)} after the database was back (${firstOk.kind} ${firstOk.path})` : 'never'}; ` +
          `last failure ${lastBad ? `${ms(Math.abs(lastBad.end - upAt))} ${lastBad.end >= upAt ? 'after' : 'before'} it (${lastBad.status})` : 'none'}; still the same process: ${instance.child?.exitCode === null ? 'yes' : 'no'}`,
      );
      check(
        `instance ${instance.name} served again within ${RECOVERY_LIMIT_MS / 1000} s of the database's return, without a restart`,
        recovered <= RECOVERY_LIMIT_MS && instance.child?.exitCode === null,
        firstOk ? ms(recovered) : 'no success after the return',
      );
    }

    // ---- nothing acknowledged lost
    const present = await withClient(url, async (c) => {
      const ids = acknowledged.map((a) => a.numberId);
      const numbers = (await c.query(`SELECT id, "userId", status FROM "PhoneNumber" WHERE id = ANY($1)`, [ids])).rows as {
        id: string;
        userId: string | null;
        status: string;
      }[];
      const audited = (
        await c.query(
          `SELECT "userId", "phoneNumberId" FROM "AuditEvent" WHERE action = 'assign-phone-number' AND outcome = 'Done' AND "phoneNumberId" = ANY($1)`,
          [ids],
        )
      ).rows as { userId: string; phoneNumberId: string }[];
      return { numbers, audited };
    });
    const missing = acknowledged.filter(
      (a) =>
        !present.numbers.some((n) => n.id === a.numberId && n.userId === a.userId && n.status === 'Assigned') ||
        !present.audited.some((e) => e.phoneNumberId === a.numberId && e.userId === a.userId),
    );
    const duringOutage = acknowledged.filter((a) => a.at >= downAt && a.at <= upAt + RECOVERY_LIMIT_MS).length;
    console.log(
      `\n  Changes: ${acknowledged.length} assigns acknowledged (303), ${duringOutage} of them between the stop and 5 s after the return; ` +
        `${unacknowledged.length} posted and not acknowledged (${[...new Set(unacknowledged.map((u) => u.outcome))].join(', ') || '–'}).`,
    );
    console.log(
      `  Audit log 'assign-phone-number' Done rows: ${before.audited} before, ${after.audited} after (+${after.audited - before.audited}); ` +
        `assigned numbers ${before.assigned} → ${after.assigned} (+${after.assigned - before.assigned}); audit rows in all ${before.events} → ${after.events}.`,
    );
    const extra = after.audited - before.audited - acknowledged.length;
    if (extra > 0)
      console.log(`  ${extra} change(s) made but not acknowledged (the answer was lost with the connection): allowed, never the reverse.`);
    for (const m of missing.slice(0, 10)) console.log(`    MISSING: user ${m.userId} number ${m.numberId} (acknowledged by ${m.instance})`);
    check(
      'every acknowledged change is in the database and in the audit log',
      missing.length === 0 && acknowledged.length > 0,
      `${acknowledged.length - missing.length} of ${acknowledged.length}`,
    );
    check(
      "the audit log's count grew by at least the acknowledged changes, and matches the numbers assigned",
      after.audited - before.audited >= acknowledged.length && after.audited - before.audited === after.assigned - before.assigned,
      `+${after.audited - before.audited} rows, +${after.assigned - before.assigned} numbers, ${acknowledged.length} acknowledged`,
    );
  } finally {
    process.removeListener('SIGINT', interrupted);
    for (const i of instances) await stopInstance(i);
    if (!(await answers(server))) await pgctl('start');
    await withClient(server, (c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => {});
    if (startedByUs) await pgctl('stop');
  }
}

// ---------------------------------------------------------------------------------------------

async function embeddedSecondStart(): Promise<void> {
  console.log('\n== The embedded database: a second `npm start` on the same folder');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-fault-embedded-'));
  const [firstPort, secondPort] = [basePort + 2, basePort + 3];
  for (const p of [firstPort, secondPort]) if (!(await portIsFree(p))) throw new Error(`Port ${p} is in use: pass --ports.`);
  const env = (port: number) => {
    const e: NodeJS.ProcessEnv = { ...process.env, SWITCHBOARD_DATA_DIR: dir, PORT: String(port) };
    for (const k of ['DATABASE_URL', 'AUTH_SECRET', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY']) delete e[k];
    return e;
  };
  const logFile = path.join(dir, 'first.log');
  const fd = fs.openSync(logFile, 'a');
  const first = spawn('npm', ['start'], { cwd: root, env: env(firstPort), stdio: ['ignore', fd, fd], detached: true });
  fs.closeSync(fd);
  const firstExit = new Promise<number | null>((resolve) => first.once('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${firstPort}`;
  const login = async () => {
    try {
      const r = await fetch(`${origin}/login`, { signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      return r.status;
    } catch {
      return 0;
    }
  };
  try {
    const started = performance.now();
    while ((await login()) !== 200) {
      if (first.exitCode !== null)
        throw new Error(`The first npm start exited (${first.exitCode}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
      if (performance.now() - started > 180_000) throw new Error('The first npm start did not answer within 3 minutes.');
      await sleep(500);
    }
    console.log(`  first: npm start on ${dir} serves ${origin} (ready in ${ms(performance.now() - started)})`);

    const second = spawnSync('npm', ['start'], { cwd: root, env: env(secondPort), encoding: 'utf8', timeout: 120_000 });
    const said = `${second.stdout}${second.stderr}`
      .split('\n')
      .filter((l) => l.trim())
      .slice(-6);
    console.log(`  second: npm start on the same folder exited with code ${second.status}; it said:`);
    for (const line of said) console.log(`    | ${line.slice(0, 400)}`);
    check(
      'a second npm start on the same folder is refused, saying the folder is in use and what to do',
      second.status !== 0 &&
        /is in use by another process \(pid \d+\)/.test(second.stdout + second.stderr) &&
        /SWITCHBOARD_DATA_DIR/.test(second.stdout + second.stderr),
      `exit code ${second.status}`,
    );
    const status = await login();
    check('the first keeps serving: GET /login answers 200', status === 200, String(status));
  } finally {
    try {
      if (first.pid) process.kill(-first.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    await Promise.race([firstExit, sleep(10_000)]);
    try {
      if (first.pid) process.kill(-first.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

/** The rule of scripts/start.ts, which would rebuild in the middle of the run: the build must be newer than the code. */
function ensureBuild(): void {
  const age = buildAge();
  const built = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  const lock = fs.statSync(path.join(root, 'package-lock.json'), { throwIfNoEntry: false });
  const stale = age.stale || Boolean(built && lock && lock.mtimeMs > built.mtimeMs);
  if (!age.exists || (stale && args.build)) {
    console.log('Building (next build)…');
    const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('next build failed');
  } else if (stale) throw new Error('The build is older than the source: run `npm run build` first, or pass --build.');
}

async function main() {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const cpus = os.cpus();
  console.log(
    `Switchboard fault run: commit ${commit}, ${new Date().toISOString()}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  ensureBuild();
  try {
    if (!args['skip-postgres']) await postgresFault();
    if (!args['skip-embedded']) await embeddedSecondStart();
  } catch (err) {
    check('the fault run completed', false, (err as Error).message);
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\n${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
