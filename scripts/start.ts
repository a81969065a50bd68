// `npm start`: the whole demo in one command. Prepares the database (migrations, and the demo
// organisation when it is empty), builds the app if the build is missing or older than the
// code, then serves it with `next start` and says where and how to sign in.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { authSecret } from '../lib/auth/secret';
import { databaseConfig, describePostgresUrl } from '../lib/db/config';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { browserUrl, demoListen, nextStartArgs } from '../lib/http/listen';
import { DEMO_ADMINS, DEMO_PASSWORD, seedDemo } from '../lib/seed/demo';

const root = path.resolve(import.meta.dirname, '..');

function newestSourceTime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (['node_modules', 'generated', '.next'].includes(path.basename(p))) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of ['app', 'lib', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'prisma/schema.prisma']) {
    visit(path.join(root, p));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const stat = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  return Boolean(stat && stat.mtimeMs >= newestSourceTime());
}

async function main() {
  const listen = demoListen();
  const config = databaseConfig();
  authSecret(); // makes the embedded demo's secret now, or stops here if production lacks one
  console.log(
    config.kind === 'embedded' ? `Database: embedded, in ${config.dataDir}` : `Database: PostgreSQL at ${describePostgresUrl(config.url)}`,
  );
  const db = await getDatabase();
  let seeded = false;
  try {
    seeded = await seedDemo(db.prisma);
  } finally {
    await closeDatabase(); // the server opens it next; PGlite allows one process at a time
  }
  if (seeded) console.log('Seeded the demo organisation.');

  if (!buildIsCurrent()) {
    console.log('Building Switchboard (next build)…');
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', ...nextStartArgs(listen)], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));

  console.log(`\nSwitchboard: ${browserUrl(listen)}`);
  if (listen.host === '127.0.0.1') console.log('(only on this machine: HOST=0.0.0.0 npm start to let others in; README)');
  if (seeded || config.kind === 'embedded') {
    console.log('Sign in with one of the demo admins (password: ' + DEMO_PASSWORD + '):');
    for (const admin of DEMO_ADMINS) console.log(`  ${admin.email}  (${admin.role})`);
  }
  console.log('Stop with Ctrl+C.\n');
}

main().catch((err: Error) => {
  console.error(`Switchboard cannot start: ${err.message}`);
  process.exit(1);
});
