// `npm run bench`: bench/run.ts at three scales — 10,000, 100,000 and 1,000,000 numbers, with a
// tenth as many users (60 % of them in one account, whose list has the deep page) — one after
// another on the same machine, then one table: per page, at each scale, Switchboard's and the
// ceiling's req/s and p95, their ratio, and how Switchboard's own latency grew from the smallest
// scale to the largest (a page whose cost grows with the data shows it here).
//
// Options: --scales 10000,100000,1000000 (numbers; users are a tenth), --duration 10,
// --connections 10, --postgres-url URL, --ports 3301, --node-options "…", --tag NAME, --build:
// passed to each bench/run.ts. Each scale keeps its own database (switchboard_bench_<numbers>),
// generated once and reused by later runs. Ends with `N passed, N failed` (the runs' own checks).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '10000,100000,1000000' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    'postgres-url': { type: 'string' },
    ports: { type: 'string' },
    'node-options': { type: 'string' },
    tag: { type: 'string' },
    build: { type: 'boolean', default: false },
  },
});

type Stats = { rps: number; p50: number; p95: number; cpuMsPerRequest?: number };
type Report = {
  commit: string;
  date: string;
  machine: { cpu: string; cores: number; node: string; loadAverage: number[] };
  scale: { users: number; numbers: number; deepPage: number };
  pages: { page: string; switchboard: Stats & { queries: number }; ceiling: Stats }[];
  firstLoadJs: { gzipBytes: number };
  checks: { name: string; ok: boolean }[];
};

const scales = args.scales.split(',').map((s) => Number(s.trim()));
if (!scales.every((n) => Number.isInteger(n) && n >= 10)) throw new Error('--scales: whole numbers of phone numbers, e.g. 10000,100000');

const reports: Report[] = [];
let failed = 0;
for (const numbers of scales) {
  const users = Math.round(numbers / 10);
  const resultFile = path.join(os.tmpdir(), `switchboard-bench-${process.pid}-${numbers}.txt`);
  const pass = (name: string) =>
    args[name as keyof typeof args] !== undefined ? [`--${name}`, String(args[name as keyof typeof args])] : [];
  const run = spawnSync(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      'bench/run.ts',
      '--users',
      String(users),
      '--numbers',
      String(numbers),
      '--database',
      `switchboard_bench_${numbers}`,
      ...pass('duration'),
      ...pass('connections'),
      ...pass('postgres-url'),
      ...pass('ports'),
      ...pass('node-options'),
      ...pass('tag'),
      ...(args.build && reports.length === 0 ? ['--build'] : []),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_RESULT_FILE: resultFile } },
  );
  if (run.status !== 0 || !fs.existsSync(resultFile)) {
    failed++;
    console.log(`\nThe run at ${numbers.toLocaleString('en-US')} numbers failed (exit ${run.status}).`);
    continue;
  }
  reports.push(JSON.parse(fs.readFileSync(fs.readFileSync(resultFile, 'utf8'), 'utf8')) as Report);
  fs.rmSync(resultFile);
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';
// The pages are the same four at every scale; their names carry scale-dependent details.
const PAGES = ['Users, page 1', 'Users, deep page', 'User details', 'Inventory, search'];

if (reports.length > 0) {
  const first = reports[0]!;
  const last = reports[reports.length - 1]!;
  console.log(
    `\n== Cost as the data grows (commit ${first.commit}, ${first.date.slice(0, 10)}, ${first.machine.cores} × ${first.machine.cpu}, Node ${first.machine.node})`,
  );
  console.log(
    'Targets: Switchboard ≥ 15 % of the ceiling’s req/s, p95 ≤ 6× the ceiling’s, its own p50 within 1.3× from smallest to largest.\n',
  );
  const header = [
    'page',
    ...reports.map((r) => `${fmt(r.scale.numbers)} numbers: req/s S / C (÷), p95 ms S / C (×), CPU ms/req S`),
    'p50 growth',
    'CPU/req growth',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  PAGES.forEach((name, i) => {
    const cells = reports.map((r) => {
      const p = r.pages[i]!;
      return `${fmt(p.switchboard.rps)} / ${fmt(p.ceiling.rps)} (${fmt((p.switchboard.rps / p.ceiling.rps) * 100)} %), ${fmt(p.switchboard.p95)} / ${fmt(p.ceiling.p95)} (${fmt(p.switchboard.p95 / p.ceiling.p95, 1)}×), ${fmt(p.switchboard.cpuMsPerRequest ?? NaN, 1)}`;
    });
    const growth = last.pages[i]!.switchboard.p50 / first.pages[i]!.switchboard.p50;
    const cpuGrowth = (last.pages[i]!.switchboard.cpuMsPerRequest ?? NaN) / (first.pages[i]!.switchboard.cpuMsPerRequest ?? NaN);
    console.log(`| ${name} | ${cells.join(' | ')} | ${fmt(growth, 2)}× | ${fmt(cpuGrowth, 2)}× |`);
  });
  console.log(
    `\nDeep page at each scale: ${reports.map((r) => `page ${fmt(r.scale.deepPage)} of ${fmt(r.scale.users)} users`).join('; ')}.` +
      ` First-load JavaScript: ${reports.map((r) => `${fmt(r.firstLoadJs.gzipBytes / 1024, 1)} KiB`).join(', ')} gzipped (target ≤ 200 KiB).`,
  );
  const out = path.join(root, 'bench/results', `${first.date.slice(0, 10)}-scales${args.tag ? `-${args.tag}` : ''}.json`);
  fs.writeFileSync(out, JSON.stringify({ scales: reports.map((r) => r.scale), reports }, null, 2) + '\n');
  console.log(`Written to ${path.relative(root, out)}`);
}
const checks = reports.flatMap((r) => r.checks);
const bad = checks.filter((c) => !c.ok).length + failed;
console.log(`\n${checks.length - checks.filter((c) => !c.ok).length} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
