// `npm run bench`: Switchboard side by side with the ceiling (bench/ceiling.ts) on one PostgreSQL
// database of benchmark data (bench/data.ts, generated when the database lacks it).
//
// For each page (users list page 1, a deep page, user details, inventory search by digits), and
// the API's users list and user read (/api/v1/users?accountId=…, /api/v1/users/{userId}, with the
// bench admin's bearer token, renewed each run; the ceiling answers the same JSON), it checks both
// servers answer 200 with the expected rows, then drives each with autocannon at the
// same concurrency for the same time and prints req/s, p50/p95/p99 latency, HTML bytes and
// Switchboard ÷ ceiling; then queries per page (from Switchboard's opt-in query log, on a second
// instance so logging costs the timed one nothing), first-load JavaScript (gzipped) of a JS-on
// page, and the time of one signed-in no-JS assign POST → redirect. Results go to
// bench/results/<date>-<scale>.json (smoke runs: bench/results/smoke/, not committed).
//
// Options: --postgres-url URL (local servers only; default TEST_POSTGRES_URL or 127.0.0.1:5432),
// --database NAME (default switchboard_bench), --users 100000, --numbers 1000000, --duration 10
// (seconds per page and server), --connections 10, --ports 3301 (then +1 ceiling, +2 query-log
// instance; or BENCH_PORT), --smoke (2,000 users, 10,000 numbers, 1 s per page, a throwaway
// database dropped afterwards), --build (rebuild a stale build; a missing one is always built),
// --node-options "…" (NODE_OPTIONS for the timed Switchboard instance only, to measure a runtime
// flag), --tag NAME (added to the result file's name). `npm run bench` runs this at three scales
// (bench/scales.ts).
// Ends with `N passed, N failed`: the checks (rows served, queries within target), never timings.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { openDatabase } from '../lib/db/client';
import { QUERY_LOG_PREFIX } from '../lib/db/client';
import { encodeCursor, PAGE_SIZE } from '../lib/kernel/pagination';
import { formatPhoneNumber } from '../lib/kernel/phone';
import {
  assertLocal,
  buildAge,
  databaseUrl,
  DEFAULT_POSTGRES_URL,
  findForm,
  NEXT_BIN,
  portIsFree,
  postForm,
  request,
  root,
  setField,
  signIn,
  startInstance,
  stopInstance,
  tail,
  textOf,
  waitUntilReady,
  withClient,
  type Instance,
} from '../scripts/http-client';
import { BENCH_ADMIN, BIG_ACCOUNT_ID, generateBenchData, renewBenchToken } from './data';

const { values: args } = parseArgs({
  options: {
    'postgres-url': { type: 'string' },
    database: { type: 'string' },
    users: { type: 'string' },
    numbers: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    ports: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'node-options': { type: 'string' },
    tag: { type: 'string' },
  },
});

const smoke = args.smoke;
const server = args['postgres-url'] ?? process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
const users = Number(args.users ?? (smoke ? 2_000 : 100_000));
const numbers = Number(args.numbers ?? (smoke ? 10_000 : 1_000_000));
const duration = Number(args.duration ?? (smoke ? 1 : 10));
const connections = Number(args.connections);
const basePort = Number(args.ports ?? process.env.BENCH_PORT ?? (smoke ? 3231 : 3301));
const dbName = args.database ?? (smoke ? `switchboard_bench_smoke_${crypto.randomBytes(4).toString('hex')}` : 'switchboard_bench');
// Page 2,000 at full scale; at smaller scales the deepest whole page of the big account.
const DEEP_PAGE = Math.min(2000, Math.floor(Math.ceil(users * 0.6) / PAGE_SIZE));

const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

type Stats = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
  non2xx: number;
  requests: number;
  /** CPU time (user + system) the server's processes spent per request served: steadier than req/s on a busy machine. */
  cpuMsPerRequest?: number;
};

/** User + system CPU milliseconds of a process and all its descendants so far (Linux /proc; NaN elsewhere). */
function treeCpuMs(rootPid: number | undefined): number {
  if (!rootPid || !fs.existsSync('/proc/self/stat')) return NaN;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // After the command's closing parenthesis: state, ppid, …, utime (14th field), stime (15th).
      const after = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(entry), { ppid: Number(after[1]), ticks: Number(after[11]) + Number(after[12]) });
    } catch {
      /* the process ended meanwhile */
    }
  }
  let ticks = 0;
  const visit = (pid: number) => {
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) visit(child);
  };
  visit(rootPid);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** autocannon's latency histogram has p97_5 and p99 but no p95: we keep our own from each response. */
async function drive(url: string, headers: Record<string, string>, seconds = duration, serverPid?: number): Promise<Stats> {
  const latencies: number[] = [];
  const cpuBefore = treeCpuMs(serverPid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (err, r) => (err ? reject(err) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    rps: result.requests.total / seconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    bytes: 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    cpuMsPerRequest: serverPid ? (treeCpuMs(serverPid) - cpuBefore) / Math.max(1, result.requests.total) : undefined,
  };
}

function spawnCeiling(port: number, url: string, logDir: string): ChildProcess {
  const fd = fs.openSync(path.join(logDir, 'ceiling.log'), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/ceiling.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, BENCH_ADMIN_ID: BENCH_ADMIN.id, DATABASE_POOL_SIZE: '10' },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  fs.closeSync(fd);
  return child;
}

async function waitForCeiling(origin: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${origin}/phone-numbers`);
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The ceiling did not start.');
}

/** Queries logged by the instance for one request: lines with the prefix that its log gained meanwhile. */
async function queriesOf(
  instance: Instance,
  pathname: string,
  headers: Record<string, string>,
): Promise<{ status: number; queries: number; lines: string[] }> {
  const before = fs.statSync(instance.logFile).size;
  const r = await fetch(instance.origin + pathname, { headers, redirect: 'manual' });
  await r.arrayBuffer();
  await new Promise((res) => setTimeout(res, 300)); // stdout reaches the file after the response
  const added = fs.readFileSync(instance.logFile).subarray(before).toString('utf8');
  const lines = added.split('\n').filter((l) => l.startsWith(QUERY_LOG_PREFIX));
  return { status: r.status, queries: lines.length, lines };
}

async function firstLoadJs(
  instance: Instance,
  pathname: string,
  cookie: string,
): Promise<{ scripts: number; gzipBytes: number; rawBytes: number }> {
  const html = await (await fetch(instance.origin + pathname, { headers: { cookie } })).text();
  // Not the `noModule` polyfills script (Next's polyfill file): a browser that runs ES modules, as
  // every current one does, never downloads it. Counting it (as before issue 19) added ~39 KiB.
  const srcs = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)>/g)]
        .filter((m) => !/\bnomodule\b/i.test(m[1]!))
        .map((m) => /\bsrc="([^"]+)"/.exec(m[1]!)?.[1]?.replace(/&amp;/g, '&'))
        .filter((src): src is string => Boolean(src)),
    ),
  ];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, instance.origin))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { scripts: srcs.length, gzipBytes, rawBytes };
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';

async function main() {
  assertLocal(server);
  const url = databaseUrl(server, dbName);
  const scale = `${users >= 1000 ? `${users / 1000}k` : users}-users-${numbers >= 1000 ? `${numbers / 1000}k` : numbers}-numbers`;
  const logDir = path.join(root, 'bench/logs', new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(logDir, { recursive: true });
  console.log(
    `Switchboard benchmark: ${users.toLocaleString('en-US')} users, ${numbers.toLocaleString('en-US')} numbers, database ${dbName}; ` +
      `${duration} s per page and server at ${connections} connections; logs in ${path.relative(root, logDir)}`,
  );

  const created = await withClient(server, async (c) => {
    const exists = (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount;
    if (!exists) await c.query(`create database ${dbName}`);
    return !exists;
  });
  const children: ChildProcess[] = [];
  const instances: Instance[] = [];
  const cleanup = async () => {
    for (const i of instances) await stopInstance(i);
    for (const c of children)
      if (c.pid && c.exitCode === null)
        try {
          process.kill(-c.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
    if (smoke && created) await withClient(server, (c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => {});
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    // ---- data
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 }, { log: () => {} });
    let data;
    let target;
    let token;
    try {
      data = await generateBenchData(db, { users, numbers, log: (l) => console.log(l) });
      token = await renewBenchToken(db.runner);
      const q = db.runner.query.bind(db.runner);
      // The row just before the deep page, in the list's order: its cursor names the deep page.
      const [beforeDeep] = (await q(`SELECT "fullName", id FROM "User" WHERE "accountId" = $1 ORDER BY "fullName", id OFFSET $2 LIMIT 1`, [
        BIG_ACCOUNT_ID,
        (DEEP_PAGE - 1) * PAGE_SIZE - 1,
      ])) as { fullName: string; id: string }[];
      const pageRows = async (after: { fullName: string; id: string } | undefined) =>
        (
          await q(
            `SELECT "fullName" FROM "User" WHERE "accountId" = $1 ${after ? `AND ("fullName", id) > ($2, $3)` : ''} ORDER BY "fullName", id LIMIT ${PAGE_SIZE}`,
            after ? [BIG_ACCOUNT_ID, after.fullName, after.id] : [BIG_ACCOUNT_ID],
          )
        ).map((r) => (r as { fullName: string }).fullName);
      const [holder] = (await q(
        `SELECT u.id, u."fullName", p.e164 FROM "User" u JOIN "PhoneNumber" p ON p."userId" = u.id WHERE u."accountId" = $1 ORDER BY u.id LIMIT 1 OFFSET 100`,
        [BIG_ACCOUNT_ID],
      )) as { id: string; fullName: string; e164: string }[];
      // A realistic search: six digits from the middle of a number someone holds (a handful of matches in 1,000,000).
      const digits = holder!.e164.slice(5, 11);
      const searchRows = (
        await q(`SELECT e164 FROM "PhoneNumber" WHERE e164 LIKE $1 ORDER BY e164, id LIMIT ${PAGE_SIZE}`, [`%${digits}%`])
      ).map((r) => (r as { e164: string }).e164);
      // For the assign timing: someone without a number, and a free Business Calling number.
      const [free] = (await q(
        `SELECT id, e164 FROM "PhoneNumber" WHERE status = 'Unassigned' AND "productType" = 'BusinessCalling' ORDER BY id DESC LIMIT 1`,
        [],
      )) as { id: string; e164: string }[];
      const [lacking] = (await q(
        `SELECT u.id FROM "User" u WHERE u."accountId" = $1 AND NOT EXISTS (SELECT 1 FROM "PhoneNumber" p WHERE p."userId" = u.id) ORDER BY u.id DESC LIMIT 1`,
        [BIG_ACCOUNT_ID],
      )) as { id: string }[];
      target = {
        // As the page's own Next link names it: the row, and where it stands in the list.
        deepCursor: encodeCursor({ key: beforeDeep!.fullName, id: beforeDeep!.id, at: (DEEP_PAGE - 1) * PAGE_SIZE }),
        page1: await pageRows(undefined),
        deep: await pageRows(beforeDeep),
        holder: holder!,
        digits,
        searchRows,
        free: free!,
        lacking: lacking!,
      };
    } finally {
      await db.close();
    }

    // ---- build and servers
    const age = buildAge();
    if (!age.exists || (age.stale && args.build)) {
      console.log('Building (next build)…');
      const built = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('next build failed');
    } else if (age.stale) console.log('Note: the build is older than the source; pass --build to rebuild it.');
    for (const p of [basePort, basePort + 1, basePort + 2])
      if (!(await portIsFree(p))) throw new Error(`Port ${p} is in use: pass --ports or BENCH_PORT.`);
    const env = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '10',
      AUTH_SECRET: crypto.randomBytes(33).toString('base64url'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      // The load is one token's: the per-token limit (600 a minute) would answer it 429.
      API_RATE_LIMIT: '1000000000',
    };
    const sb = startInstance('switchboard', basePort, args['node-options'] ? { ...env, NODE_OPTIONS: args['node-options'] } : env, logDir);
    // Its housekeeping (purging the deletion queue, old Idempotency-Keys) waits an hour, so that no
    // query of it lands in a request's count.
    const logged = startInstance(
      'switchboard-query-log',
      basePort + 2,
      { ...env, SWITCHBOARD_QUERY_LOG: '1', SWITCHBOARD_HOUSEKEEPING_DELAY_MS: '3600000' },
      logDir,
    );
    instances.push(sb, logged);
    const ceilingChild = spawnCeiling(basePort + 1, url, logDir);
    children.push(ceilingChild);
    const ceilingOrigin = `http://127.0.0.1:${basePort + 1}`;
    await Promise.all([waitUntilReady(sb), waitUntilReady(logged), waitForCeiling(ceilingOrigin)]);
    const jar = await signIn(sb, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const cookie = jar.header();

    const usersPath = `/accounts/${BIG_ACCOUNT_ID}/users`;
    const bearer = { authorization: `Bearer ${token}` };
    type BenchPage = {
      name: string;
      path: string;
      /** The rows the answer must show: in its text (a page), or exactly these, in order (JSON). */
      expect: string[];
      /** What the answer's JSON shows of them (the API's rows). */
      json?: (body: unknown) => string[];
      /** How Switchboard and the ceiling are asked: a session cookie (the ceiling needs none), or the token. */
      headers: Record<string, string>;
      ceilingHeaders: Record<string, string>;
    };
    const pages: BenchPage[] = [
      { name: 'Users, page 1', path: usersPath, expect: target.page1 },
      { name: `Users, page ${DEEP_PAGE.toLocaleString('en-US')}`, path: `${usersPath}?after=${target.deepCursor}`, expect: target.deep },
      {
        name: 'User details',
        path: `${usersPath}/${target.holder.id}`,
        expect: [target.holder.fullName, formatPhoneNumber(target.holder.e164)],
      },
      {
        name: `Inventory, search “${target.digits}”`,
        path: `/phone-numbers?q=${target.digits}`,
        expect: target.searchRows.map(formatPhoneNumber),
      },
    ].map((p) => ({ ...p, headers: { cookie }, ceilingHeaders: {} }));
    pages.push(
      {
        name: 'API: users, page 1',
        path: `/api/v1/users?accountId=${BIG_ACCOUNT_ID}`,
        expect: target.page1,
        json: (body) => ((body as { items?: { fullName: string }[] }).items ?? []).map((u) => u.fullName),
        headers: bearer,
        ceilingHeaders: bearer,
      },
      {
        name: 'API: a user',
        path: `/api/v1/users/${target.holder.id}`,
        expect: [target.holder.fullName, target.holder.e164],
        json: (body) => {
          const u = body as { fullName?: string; phoneNumber?: { e164: string } | null };
          return [u.fullName ?? '', u.phoneNumber?.e164 ?? ''];
        },
        headers: bearer,
        ceilingHeaders: bearer,
      },
    );

    // ---- per page: rows, bytes, queries, then load
    const results = [];
    for (const page of pages) {
      console.log(`\n== ${page.name}   ${page.path}`);
      const sbResponse = await fetch(sb.origin + page.path, { headers: page.headers, redirect: 'manual' });
      const sbAnswer = { status: sbResponse.status, html: await sbResponse.text() };
      const ceilingResponse = await fetch(ceilingOrigin + page.path, { headers: page.ceilingHeaders });
      const ceilingHtml = await ceilingResponse.text();
      const ceilingQueries = Number(ceilingResponse.headers.get('x-bench-queries'));
      const shownRows = (body: string): string[] | null => {
        try {
          return page.json!(JSON.parse(body));
        } catch {
          return null;
        }
      };
      // A page shows each row somewhere in its text; the API answers exactly these rows, in order.
      const missing = (body: string) =>
        page.json
          ? JSON.stringify(shownRows(body)) === JSON.stringify(page.expect)
            ? []
            : [`rows ${JSON.stringify(shownRows(body))?.slice(0, 120)}`]
          : page.expect.filter((row) => !textOf(body).includes(row));
      check(
        `${page.name}: Switchboard serves 200 with the ${page.expect.length} expected rows`,
        sbAnswer.status === 200 && page.expect.length > 0 && missing(sbAnswer.html).length === 0,
        `${sbAnswer.status}${missing(sbAnswer.html).length ? `, missing ${missing(sbAnswer.html).slice(0, 3).join(', ')}` : ''}`,
      );
      check(
        `${page.name}: the ceiling serves 200 with the same rows`,
        ceilingResponse.status === 200 && missing(ceilingHtml).length === 0,
        `${ceilingResponse.status}${missing(ceilingHtml).length ? `, missing ${missing(ceilingHtml).slice(0, 3).join(', ')}` : ''}`,
      );
      // Twice: the first request of a page may warm caches; count the second.
      await queriesOf(logged, page.path, page.headers);
      const counted = await queriesOf(logged, page.path, page.headers);
      check(`${page.name}: at most 3 database queries`, counted.status === 200 && counted.queries <= 3, `${counted.queries} queries`);
      if (counted.queries > 3) for (const line of counted.lines) console.log(`       ${line.slice(0, 200)}`);

      // A second of warm-up each, then the timed run; one server at a time.
      await drive(sb.origin + page.path, page.headers, 1).catch(() => undefined);
      const s = await drive(sb.origin + page.path, page.headers, duration, sb.child?.pid);
      await drive(ceilingOrigin + page.path, page.ceilingHeaders, 1).catch(() => undefined);
      const c = await drive(ceilingOrigin + page.path, page.ceilingHeaders, duration, ceilingChild.pid);
      s.bytes = Buffer.byteLength(sbAnswer.html);
      // Where Switchboard's bytes go: the RSC payload (inline <script>s that let React take over the
      // page) repeats every row's text a second time.
      const inlineScripts = [...sbAnswer.html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].reduce(
        (n, m) => n + Buffer.byteLength(m[1]!),
        0,
      );
      c.bytes = Buffer.byteLength(ceilingHtml);
      const problems = s.errors + s.non2xx + c.errors + c.non2xx;
      if (problems) console.log(`  note: errors/non-2xx during load: Switchboard ${s.errors}/${s.non2xx}, ceiling ${c.errors}/${c.non2xx}`);
      results.push({
        page: page.name,
        path: page.path,
        switchboard: { ...s, queries: counted.queries, inlineScriptBytes: page.json ? undefined : inlineScripts },
        ceiling: { ...c, queries: ceilingQueries },
      });
      printTable(results[results.length - 1]!);
    }

    // ---- the deep page against page 1 (target: within 1.2×)
    const [first, deep] = [results[0]!.switchboard, results[1]!.switchboard];
    const deepVsFirst = { p50: deep.p50 / first.p50, p95: deep.p95 / first.p95, rps: deep.rps / first.rps };
    console.log(
      `\nSwitchboard, page ${DEEP_PAGE.toLocaleString('en-US')} ÷ page 1: p50 ${fmt(deepVsFirst.p50, 2)}×, p95 ${fmt(deepVsFirst.p95, 2)}×, req/s ${fmt(deepVsFirst.rps, 2)}× (target: latency within 1.2×)`,
    );

    // ---- first-load JS, and one no-JS assign
    const js = await firstLoadJs(sb, `${usersPath}/${target.holder.id}/edit-telephony-permissions`, cookie);
    console.log(
      `\nFirst-load JavaScript of a JS-on page (Edit telephony permissions): ${js.scripts} scripts, ${fmt(js.gzipBytes / 1024, 1)} KiB gzipped (${fmt(js.rawBytes / 1024, 1)} KiB raw)`,
    );
    const assignPath = `${usersPath}/${target.lacking.id}/assign-phone-number?q=${target.free.e164.slice(2)}`;
    const form = await request(sb, assignPath, jar);
    const fields = findForm(form.html, 'Assign');
    let assignMs = NaN;
    if (fields) {
      const started = performance.now();
      const outcome = await postForm(
        sb,
        assignPath,
        jar,
        setField(fields.fields, 'phoneNumberId', target.free.id),
        `${usersPath}/${target.lacking.id}`,
      );
      assignMs = performance.now() - started;
      check(
        'a signed-in no-JS assign POST redirects to the user',
        outcome.kind === 'success',
        `${outcome.kind}${outcome.kind === 'unexpected' ? `: ${outcome.detail}` : ''}, ${fmt(assignMs)} ms`,
      );
    } else check('a signed-in no-JS assign POST redirects to the user', false, `no Assign form on ${assignPath} (${form.status})`);
    console.log(`No-JS assign POST → redirect: ${fmt(assignMs, 1)} ms`);

    // ---- results
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    const dirty =
      spawnSync('git', ['status', '--porcelain', '--', 'app', 'lib', 'bench', 'prisma', ':!bench/results'], {
        cwd: root,
        encoding: 'utf8',
      }).stdout.trim() !== '';
    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      commit: commit + (dirty ? '+uncommitted' : ''),
      machine: {
        cpu: cpus[0]?.model ?? 'unknown',
        cores: cpus.length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        loadAverage: os.loadavg(),
      },
      database: { kind: 'PostgreSQL', server: (await withClient(server, (c) => c.query('show server_version'))).rows[0].server_version },
      scale: {
        users,
        numbers,
        bigAccountUsers: data.bigAccountUsers,
        assigned: data.assigned,
        deepPage: DEEP_PAGE,
        generatedSeconds: data.seconds,
      },
      load: { tool: 'autocannon 9.0.0', connections, durationSeconds: duration, poolSize: 10, nodeOptions: args['node-options'] ?? null },
      ceiling: 'node:http + pg, one raw SQL query per page plus the admin row; no JWT, no React (bench/ceiling.ts)',
      pages: results.map((r) => ({ ...r, ratios: ratios(r) })),
      deepPageVsPage1: deepVsFirst,
      firstLoadJs: { page: 'Edit telephony permissions', ...js, method: 'sum of gzip -9 sizes of every <script src> of the page' },
      assignPostMs: assignMs,
      checks,
    };
    const outDir = path.join(root, 'bench/results', smoke ? 'smoke' : '');
    fs.mkdirSync(outDir, { recursive: true });
    const out = path.join(
      outDir,
      `${report.date.slice(0, 10)}-${scale}${connections !== 10 ? `-c${connections}` : ''}${args.tag ? `-${args.tag}` : ''}.json`,
    );
    fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nWritten to ${path.relative(root, out)}`);
    if (process.env.BENCH_RESULT_FILE) fs.writeFileSync(process.env.BENCH_RESULT_FILE, out);
  } catch (err) {
    console.error((err as Error).stack ?? err);
    for (const i of instances) console.error(`--- ${i.name} log:\n${tail(i.logFile)}`);
    checks.push({ name: 'the benchmark ran to the end', ok: false, detail: (err as Error).message });
  } finally {
    await cleanup();
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\n${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

type Row = { page: string; switchboard: Stats & { queries: number; inlineScriptBytes?: number }; ceiling: Stats & { queries: number } };

function ratios(r: Row) {
  const s = r.switchboard;
  const c = r.ceiling;
  return { rps: s.rps / c.rps, p50: s.p50 / c.p50, p95: s.p95 / c.p95, p99: s.p99 / c.p99, bytes: s.bytes / c.bytes };
}

function printTable(r: Row) {
  const x = ratios(r);
  const line = (label: string, s: string, c: string, ratio: string) =>
    console.log(`  ${label.padEnd(14)}${s.padStart(14)}${c.padStart(14)}${ratio.padStart(18)}`);
  line('', 'Switchboard', 'ceiling', 'Switchboard ÷ ceil');
  line('req/s', fmt(r.switchboard.rps), fmt(r.ceiling.rps), `${fmt(x.rps * 100)} %  (≥ 15 %)`);
  line('p50 ms', fmt(r.switchboard.p50), fmt(r.ceiling.p50), `${fmt(x.p50, 1)}×`);
  line('p95 ms', fmt(r.switchboard.p95), fmt(r.ceiling.p95), `${fmt(x.p95, 1)}×  (≤ 6×)`);
  line('p99 ms', fmt(r.switchboard.p99), fmt(r.ceiling.p99), `${fmt(x.p99, 1)}×`);
  line('CPU ms/request', fmt(r.switchboard.cpuMsPerRequest ?? NaN, 2), fmt(r.ceiling.cpuMsPerRequest ?? NaN, 2), '(server processes)');
  line('body bytes', fmt(r.switchboard.bytes), fmt(r.ceiling.bytes), `${fmt(x.bytes, 1)}×`);
  if (r.switchboard.inlineScriptBytes !== undefined) line('  of which RSC', fmt(r.switchboard.inlineScriptBytes), '', '(inline scripts)');
  line('queries', String(r.switchboard.queries), String(r.ceiling.queries), '(≤ 3)');
}

void main();
