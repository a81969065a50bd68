// `npm run race`: proof, against a real PostgreSQL server and two `next start` instances sharing
// it, that concurrent changes stay correct. No browser: it signs in through next-auth's
// credentials endpoints and posts the forms as a browser without JavaScript would.
//
//   1. makes its own database switchboard_race_<random> (dropped at the end unless --keep);
//   2. starts two instances on one database, secret and server-actions key;
//   3. proves sessions and forms work across instances;
//   4. phase 1: 100 users, one number, 100 no-JS assigns fired at once: exactly one wins;
//      then the same through the REST API (100 more users, one more number, bearer tokens, both
//      instances), an Idempotency-Key sent twice at once, and a stale If-Match;
//   5. phase 2: a storm of random assigns, unassigns and permission edits by several admins on
//      both instances, killing instance A (SIGKILL) halfway;
//   6. checks the database's invariants with SQL.
//
// Options: --postgres-url URL (or TEST_POSTGRES_URL; local servers only), --ports 3201,3202,
// --storm-seconds 30, --admins 4, --racers 100, --storm-users 8, --storm-numbers 6,
// --pool-size 5, --no-kill, --keep, --build (rebuild a build older than the source; a missing
// build is always built), --json FILE. Ends with one line: `N passed, N failed`.
//
// Importable: `runRace(options)` does all of it and returns the figures and checks.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../lib/db/client';
import { formatPhoneNumber } from '../lib/kernel/phone';
import { makeAccount, makeAdmin, makeApiToken, makePhoneNumber, makeUser } from '../lib/test/factories';
import {
  assertLocal,
  buildAge,
  CookieJar,
  databaseUrl,
  DEFAULT_POSTGRES_URL,
  findForm,
  NEXT_BIN,
  portIsFree,
  postForm,
  request,
  root,
  setField,
  setRequestTimeout,
  signalInstance,
  signIn,
  startInstance,
  stopInstance,
  tail,
  textOf,
  transportMessage,
  waitUntilReady,
  withClient,
  type Answer,
  type Instance as HttpInstance,
  type Outcome,
} from './http-client';

// Kept importable from here, as before the helpers moved to http-client.ts.
export { CookieJar, decodeEntities, findForm, problemsOf, textOf, type ParsedForm } from './http-client';

type Instance = HttpInstance<'A' | 'B'>;

export type RaceOptions = {
  /** A PostgreSQL server on this machine; default TEST_POSTGRES_URL, else 127.0.0.1:5432 as postgres. */
  postgresUrl?: string;
  /** Ports of instance A and instance B. */
  ports?: [number, number];
  /** Admins signed in (Administrator, all accounts); also the number of storm workers. */
  admins?: number;
  /** Users racing for the one number in phase 1. */
  racers?: number;
  stormSeconds?: number;
  stormUsers?: number;
  stormNumbers?: number;
  /** SIGKILL instance A halfway through the storm. */
  kill?: boolean;
  /** Keep the database (and the servers' logs) afterwards. */
  keep?: boolean;
  /** DATABASE_POOL_SIZE of each instance. */
  poolSize?: number;
  requestTimeoutMs?: number;
  /** Build first when the build is older than the source, not only when it is missing. */
  build?: boolean;
  /** Write the result as JSON to this file. */
  json?: string;
  /** Where the human-readable lines go; default console.log. */
  log?: (line: string) => void;
};

export type Check = { name: string; ok: boolean; detail: string };

type Counts = Record<string, number>;

export type StormFigures = {
  seconds: number;
  workers: number;
  attempts: Counts;
  successes: Counts;
  successesPostedTo: { A: number; B: number };
  successesOnBAfterKill: number;
  crossInstancePosts: number;
  refusals: Counts;
  notOffered: Counts;
  instanceDown: { render: number; post: number };
  transportErrors: string[];
  unexpected: string[];
  killedAtSeconds: number | null;
  /** Audit rows of the storm's users, by action and Done / refused. */
  audited: Counts;
};

export type RaceResult = {
  ok: boolean;
  passed: number;
  failed: number;
  checks: Check[];
  database: string;
  kept: boolean;
  seconds: { setup: number; build: number; servers: number; phase1: number; api: number; storm: number; total: number };
  phase1: { racers: number; successes: number; conflicts: number; other: string[]; wallMs: number; crossInstance: number };
  /** Phase 1 again through the REST API: 201s, 409s with the conflict message, anything else. */
  api: { racers: number; created: number; conflicts: number; other: string[]; wallMs: number };
  storm: StormFigures | null;
  logs: string | null;
};

/** Names a refusal by its message, so the summary can count them by kind. */
function refusalKind(messages: string[]): string {
  const m = messages.join(' | ');
  if (m.includes('was assigned to someone else')) return 'number taken by someone else';
  if (m.includes('already has the phone number')) return 'user already has a number';
  if (m.includes('Someone else gave')) return 'user got a number a moment ago';
  if (m.includes('is no longer')) return 'number no longer the user’s';
  if (m.includes('while you were editing') || m.includes('while you were choosing') || m.includes('a moment ago. Check the details'))
    return 'someone else changed the user (stale form)';
  if (m.includes('Telephony permissions need a phone number')) return 'permissions need a number';
  if (m.includes('cannot send or receive SMS')) return 'number cannot SMS';
  if (m.includes('You are signed out')) return 'signed out';
  return `other: ${m.slice(0, 120)}`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const pick = <T>(items: readonly T[]): T => items[crypto.randomInt(items.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const bump = (counts: Counts, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// Instances started by any run in this process, killed if the process exits under us.
const running = new Set<Instance>();
process.on('exit', () => {
  for (const instance of running) signalInstance(instance, 'SIGKILL');
});
// Databases made by runs in this process and not yet dropped: name → server URL.
const createdDatabases = new Map<string, string>();

/** For an interrupted run (Ctrl+C): kills its servers and drops its databases. */
export async function abandonRaces(): Promise<void> {
  for (const instance of running) signalInstance(instance, 'SIGKILL');
  for (const [name, server] of createdDatabases) {
    await withClient(server, (client) => client.query(`drop database if exists ${name} with (force)`)).catch(() => {});
    createdDatabases.delete(name);
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants

/**
 * What must hold in the database whatever happened: each query returns the rows that break it.
 * Checked on the whole database, so on every user and number the run made.
 */
export const INVARIANTS: { name: string; sql: string; what: string }[] = [
  {
    name: 'no user holds two numbers',
    sql: `select "userId" from "PhoneNumber" where "userId" is not null group by "userId" having count(*) > 1`,
    what: 'users with more than one number',
  },
  {
    name: 'no number is held by two users',
    sql: `select "phoneNumberId" from "AssignmentHistory" where "unassignedAt" is null group by "phoneNumberId" having count(distinct "userId") > 1
       union all select e164 from "PhoneNumber" group by e164 having count(*) > 1`,
    what: 'numbers open for more than one user (or duplicated)',
  },
  {
    name: "status is 'Assigned' exactly when the number has a user",
    sql: `select id from "PhoneNumber" where (status = 'Assigned') <> ("userId" is not null)`,
    what: 'numbers out of step',
  },
  {
    name: "an assigned number's account is its user's account",
    sql: `select p.id from "PhoneNumber" p join "User" u on u.id = p."userId" where p."accountId" is distinct from u."accountId"`,
    what: 'numbers in another account than their user',
  },
  {
    name: "every user's version − 1 equals their 'Done' audit rows",
    sql: `select u.id from "User" u left join (select "userId", count(*) as n from "AuditEvent" where outcome = 'Done' and "userId" is not null group by "userId") a
         on a."userId" = u.id where u.version - 1 <> coalesce(a.n, 0)`,
    what: 'users whose changes and audit rows disagree',
  },
  {
    name: 'each number has at most one open history row, and it is its current assignee’s',
    sql: `select h."phoneNumberId" from "AssignmentHistory" h join "PhoneNumber" p on p.id = h."phoneNumberId" where h."unassignedAt" is null
         group by h."phoneNumberId", p."userId" having count(*) > 1 or bool_or(h."userId" is distinct from p."userId")`,
    what: 'numbers with a wrong open history row',
  },
  {
    name: 'an assigned number has exactly one open history row',
    sql: `select p.id from "PhoneNumber" p where p.status = 'Assigned'
         and (select count(*) from "AssignmentHistory" h where h."phoneNumberId" = p.id and h."unassignedAt" is null) <> 1`,
    what: 'assigned numbers without exactly one',
  },
  {
    name: "each number's 'Done' assigns equal its history rows, and its 'Done' unassigns its closed ones",
    sql: `select p.id from "PhoneNumber" p
         left join (select "phoneNumberId", count(*) filter (where action = 'assign-phone-number') as assigns,
                           count(*) filter (where action = 'unassign-phone-number') as unassigns
                    from "AuditEvent" where outcome = 'Done' group by "phoneNumberId") a on a."phoneNumberId" = p.id
         left join (select "phoneNumberId", count(*) as rows, count("unassignedAt") as closed from "AssignmentHistory" group by "phoneNumberId") h
           on h."phoneNumberId" = p.id
        where coalesce(a.assigns, 0) <> coalesce(h.rows, 0) or coalesce(a.unassigns, 0) <> coalesce(h.closed, 0)`,
    what: 'numbers whose audit and history disagree',
  },
  {
    name: "each user's number and permissions are what their last 'Done' audit row says",
    sql: `with last_change as (
         select distinct on ("userId") "userId", after from "AuditEvent"
          where outcome = 'Done' and "userId" is not null order by "userId", at desc, id desc),
       last_number as (
         select distinct on ("userId") "userId", after->>'phoneNumber' as e164 from "AuditEvent"
          where outcome = 'Done' and action in ('assign-phone-number', 'unassign-phone-number') order by "userId", at desc, id desc)
       select u.id from "User" u
         left join last_change c on c."userId" = u.id
         left join last_number n on n."userId" = u.id
         left join "PhoneNumber" p on p."userId" = u.id
        where (c."userId" is null and (u."inboundCalling" or u."outboundCalling" or u.sms))
           or (c."userId" is not null and ((c.after->>'inboundCalling')::boolean <> u."inboundCalling"
               or (c.after->>'outboundCalling')::boolean <> u."outboundCalling" or (c.after->>'sms')::boolean <> u.sms))
           or (n."userId" is null and p.id is not null)
           or (n."userId" is not null and n.e164 is distinct from p.e164)`,
    what: 'users whose state differs from their last audited change',
  },
  {
    name: 'a user without a number has calling and SMS off',
    sql: `select u.id from "User" u where not exists (select 1 from "PhoneNumber" p where p."userId" = u.id)
         and (u."inboundCalling" or u."outboundCalling" or u.sms)`,
    what: 'users with permissions but no number',
  },
];

/** Runs every invariant on a database; each is one check, passed when its query finds nothing. */
export async function checkInvariants(databaseUrl: string): Promise<Check[]> {
  return withClient(databaseUrl, async (client) => {
    const checks: Check[] = [];
    for (const { name, sql, what } of INVARIANTS) {
      const n = (await client.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`)).rows[0]!.n;
      checks.push({ name, ok: n === 0, detail: `${n} ${what}` });
    }
    return checks;
  });
}

// ---------------------------------------------------------------------------------------------
// The race

type Num = { id: string; e164: string };

export async function runRace(options: RaceOptions = {}): Promise<RaceResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = options.postgresUrl || process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const [portA, portB] = options.ports ?? [3201, 3202];
  const adminCount = options.admins ?? 4;
  const racerCount = options.racers ?? 100;
  const stormSeconds = options.stormSeconds ?? 30;
  const stormUserCount = options.stormUsers ?? 8;
  const stormNumberCount = options.stormNumbers ?? 6;
  const kill = options.kill ?? true;
  const poolSize = options.poolSize ?? 5;
  setRequestTimeout(options.requestTimeoutMs ?? 15_000);
  if (adminCount < 2) throw new Error('The race needs at least 2 admins (one signed in on each instance).');
  if (racerCount < 2) throw new Error('Phase 1 needs at least 2 racers.');

  assertLocal(server);
  const started = performance.now();
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    log(`  ${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  };

  const tag = crypto.randomBytes(4).toString('hex');
  const dbName = `switchboard_race_${tag}`;
  const url = databaseUrl(server, dbName);
  let logDir: string | null = null;
  const instances: Instance[] = [];
  let created = false;
  let checker: pg.Pool | null = null;
  let killTimer: NodeJS.Timeout | null = null;
  const result: RaceResult = {
    ok: false,
    passed: 0,
    failed: 0,
    checks,
    database: dbName,
    kept: Boolean(options.keep),
    seconds: { setup: 0, build: 0, servers: 0, phase1: 0, api: 0, storm: 0, total: 0 },
    phase1: { racers: racerCount, successes: 0, conflicts: 0, other: [], wallMs: 0, crossInstance: 0 },
    api: { racers: racerCount, created: 0, conflicts: 0, other: [], wallMs: 0 },
    storm: null,
    logs: null,
  };

  try {
    // ---- 1. Database and data -------------------------------------------------------------
    log(`== Database`);
    for (const port of [portA, portB]) {
      if (!(await portIsFree(port))) throw new Error(`Port ${port} is in use; choose others with --ports A,B.`);
    }
    await withClient(server, async (client) => {
      await client.query(`create database ${dbName}`);
    }).catch((err: Error) => {
      throw new Error(`Cannot create a database on ${new URL(server).host}: ${err.message}`);
    });
    created = true;
    if (!options.keep) createdDatabases.set(dbName, server);
    log(`  created ${dbName} on ${new URL(server).host}`);

    const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 }, { log: (line) => log(`  ${line}`) });
    const data = await (async () => {
      const prisma = db.prisma;
      const account = await makeAccount(prisma, { name: `Race ${tag}` });
      const admins = await Promise.all(Array.from({ length: adminCount }, () => makeAdmin(prisma)));
      const mkUsers = (n: number, label: string) =>
        mapLimit(
          Array.from({ length: n }, (_, i) => i),
          8,
          (i) => makeUser(prisma, account.id, { fullName: `Race ${label} ${String(i + 1).padStart(3, '0')} ${tag}` }),
        );
      const racers = await mkUsers(racerCount, 'Racer');
      const contested = await makePhoneNumber(prisma);
      const cross = (await mkUsers(1, 'Cross'))[0]!;
      const crossNumber = await makePhoneNumber(prisma);
      const stormUsers = await mkUsers(stormUserCount, 'Storm');
      const stormNumbers = await mapLimit(Array.from({ length: stormNumberCount }), 4, () => makePhoneNumber(prisma));
      // The REST API's turn: a personal token per admin, racers of its own, and a number for each check.
      const tokens = await Promise.all(admins.map((a) => makeApiToken(prisma, a.id)));
      const apiRacers = await mkUsers(racerCount, 'API Racer');
      const apiContested = await makePhoneNumber(prisma);
      const replayUser = (await mkUsers(1, 'API Replay'))[0]!;
      const replayNumber = await makePhoneNumber(prisma);
      return {
        account,
        admins,
        racers,
        contested,
        cross,
        crossNumber,
        stormUsers,
        stormNumbers,
        tokens,
        apiRacers,
        apiContested,
        replayUser,
        replayNumber,
      };
    })().finally(() => db.close());
    log(
      `  made 1 account, ${data.admins.length} admins (Administrator, all accounts), ${data.racers.length} racers + 1 number for phase 1, ` +
        `${data.apiRacers.length} racers + 2 numbers + 1 user and a token per admin for the API, ` +
        `1 user + 1 number for the cross-instance checks, ${data.stormUsers.length} users + ${data.stormNumbers.length} numbers for the storm`,
    );
    result.seconds.setup = (performance.now() - started) / 1000;

    // ---- 2. Two instances -----------------------------------------------------------------
    log(`\n== Two instances of one build on one database`);
    const build = buildAge();
    if (!build.exists || (build.stale && options.build)) {
      log(`  ${build.exists ? 'the build is older than the source' : 'no production build (.next/BUILD_ID)'}: running next build…`);
      const buildStarted = performance.now();
      const built = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      if (built.status !== 0) throw new Error(`next build failed (exit ${built.status}).`);
      result.seconds.build = (performance.now() - buildStarted) / 1000;
    } else if (build.stale) {
      log('  note: .next/BUILD_ID is older than the source; the race tests the build as it is (--build, or `npm run build`, refreshes it)');
    }
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), `switchboard-race-${tag}-`));
    const serversStarted = performance.now();
    const env = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(poolSize),
      AUTH_SECRET: crypto.randomBytes(33).toString('base64url'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    };
    for (const [name, port] of [
      ['A', portA],
      ['B', portB],
    ] as const) {
      const instance = startInstance(name, port, env, logDir!);
      instances.push(instance);
      running.add(instance);
    }
    await Promise.all(instances.map((i) => waitUntilReady(i)));
    const [A, B] = instances as [Instance, Instance];
    result.seconds.servers = (performance.now() - serversStarted) / 1000;
    log(
      `  A: ${A.origin} (pid ${A.child?.pid})   B: ${B.origin} (pid ${B.child?.pid})   ready in ${seconds(performance.now() - serversStarted)}; ` +
        `pool ${poolSize} connections each, same AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY; logs in ${logDir}`,
    );

    const accountId = data.account.id;
    const userPath = (u: { id: string }) => `/accounts/${accountId}/users/${u.id}`;
    const assignPath = (u: { id: string }, n?: Num) => `${userPath(u)}/assign-phone-number${n ? `?q=${n.e164.slice(2)}` : ''}`;
    const editPath = (u: { id: string }) => `${userPath(u)}/edit-telephony-permissions`;
    const unassignPath = (u: { id: string }) => `${userPath(u)}/unassign-phone-number`;

    // ---- 3. Sessions and forms across instances -------------------------------------------
    log(`\n== Across instances`);
    const signInStarted = performance.now();
    const jars = await Promise.all(data.admins.map((a, i) => signIn(instances[i % 2]!, a.email, a.password)));
    log(
      `  signed in ${jars.length} admins over HTTP (csrf + credentials callback), alternately on A and B, in ${seconds(performance.now() - signInStarted)}`,
    );

    const cross = data.cross;
    {
      const anonymous = await request(B, userPath(cross), null);
      const seen = await request(B, userPath(cross), jars[0]!);
      const back = await request(A, userPath(cross), jars[1]!);
      const shows = (a: Answer) => a.status === 200 && textOf(a.html).includes(cross.fullName);
      check(
        'a session made on A loads a user page on B',
        anonymous.status >= 300 && anonymous.status < 400 && Boolean(anonymous.location?.startsWith('/login')) && shows(seen),
        `B without a session: ${anonymous.status} → ${anonymous.location}; with A's session: ${seen.status}${shows(seen) ? ', names the user' : ''}`,
      );
      check(
        'a session made on B loads a user page on A',
        shows(back),
        `A with B's session: ${back.status}${shows(back) ? ', names the user' : ''}`,
      );
    }
    {
      const page = await request(A, assignPath(cross, data.crossNumber), jars[0]!);
      const form = findForm(page.html, 'Assign');
      let detail = `form on A: ${page.status}, ${form ? 'found' : 'no Assign form'}`;
      let ok = false;
      if (form?.radios.phoneNumberId?.includes(data.crossNumber.id)) {
        const fields = setField(form.fields, 'phoneNumberId', data.crossNumber.id);
        detail += `, fields ${fields.map(([n]) => n).join(', ')}`;
        const outcome = await postForm(B, assignPath(cross, data.crossNumber), jars[0]!, fields, userPath(cross));
        const after = await request(A, userPath(cross), jars[0]!);
        const text = textOf(after.html);
        const formatted = formatPhoneNumber(data.crossNumber.e164);
        ok = outcome.kind === 'success' && text.includes(`${formatted} is assigned to ${cross.fullName}`);
        detail += `; posted to B: ${outcome.kind === 'success' ? 'redirected to the user page' : JSON.stringify(outcome)}; user page on A ${
          text.includes(formatted) ? `shows ${formatted}` : 'does not show the number'
        }${text.includes('is assigned to') ? ' and the banner' : ''}`;
      }
      check('an assign form rendered by A and posted to B succeeds', ok, detail);
    }
    {
      const page = await request(B, editPath(cross), jars[1]!);
      const form = findForm(page.html, 'Save');
      let ok = false;
      let detail = `form on B: ${page.status}, ${form ? 'found' : 'no Save form'}`;
      if (form) {
        const fields = setField(form.fields, 'inboundCalling', 'on');
        const outcome = await postForm(A, editPath(cross), jars[1]!, fields, userPath(cross));
        const after = textOf((await request(B, userPath(cross), jars[1]!)).html);
        ok = outcome.kind === 'success' && /Inbound calling On/.test(after) && /Outbound calling Off/.test(after);
        detail += `; posted to A: ${outcome.kind === 'success' ? 'redirected to the user page' : JSON.stringify(outcome)}; user page on B shows inbound calling ${
          /Inbound calling On/.test(after) ? 'On' : 'not On'
        }`;
      }
      check('a permissions form rendered by B and posted to A succeeds', ok, detail);
    }

    // ---- 4. Phase 1: one number, many admins, all at once ----------------------------------
    log(`\n== Phase 1: ${data.racers.length} no-JS assigns of one number, fired at once`);
    const contested = data.contested;
    const phase1Started = performance.now();
    const forms = await mapLimit(data.racers, 8, async (user, i) => {
      const renderOn = instances[i % 2]!;
      const postTo = instances[Math.floor(i / 2) % 2]!;
      const jar = jars[i % jars.length]!;
      const page = await request(renderOn, assignPath(user, contested), jar);
      const form = findForm(page.html, 'Assign');
      if (page.status !== 200 || !form?.radios.phoneNumberId?.includes(contested.id)) {
        throw new Error(`The assign form for ${user.fullName} on ${renderOn.name} did not offer the number (${page.status}).`);
      }
      return { user, jar, renderOn, postTo, fields: setField(form.fields, 'phoneNumberId', contested.id) };
    });
    const renderedMs = performance.now() - phase1Started;
    const crossPosts = forms.filter((f) => f.renderOn !== f.postTo).length;
    log(
      `  rendered ${forms.length} forms in ${seconds(renderedMs)} (fields: ${forms[0]!.fields.map(([n]) => n).join(', ')}); ` +
        `posting ${forms.filter((f) => f.postTo === A).length} to A and ${forms.filter((f) => f.postTo === B).length} to B, ${crossPosts} of them to the other instance`,
    );
    const fired = performance.now();
    const outcomes = await Promise.all(
      forms.map(async (f) => {
        try {
          return { f, outcome: await postForm(f.postTo, assignPath(f.user, contested), f.jar, f.fields, userPath(f.user)) };
        } catch (err) {
          return { f, outcome: { kind: 'unexpected', detail: `transport: ${transportMessage(err)}` } as Outcome };
        }
      }),
    );
    const wallMs = performance.now() - fired;
    const winners = outcomes.filter((o) => o.outcome.kind === 'success');
    // Every loser is told the same, whether the winner's change landed before or during its request.
    const formatted = formatPhoneNumber(contested.e164);
    const conflictMessage = `${formatted} was assigned to someone else`;
    const conflicts = outcomes.filter(
      (o) => o.outcome.kind === 'refused' && o.outcome.messages.some((m) => m.startsWith(conflictMessage)),
    ).length;
    const other = outcomes.flatMap((o) =>
      o.outcome.kind === 'unexpected'
        ? [o.outcome.detail]
        : o.outcome.kind === 'refused' && !o.outcome.messages.some((m) => m.startsWith(conflictMessage))
          ? [o.outcome.messages.join(' | ')]
          : [],
    );
    result.phase1 = { racers: forms.length, successes: winners.length, conflicts, other, wallMs, crossInstance: crossPosts };
    log(
      `  answered in ${seconds(wallMs)} (${(forms.length / (wallMs / 1000)).toFixed(0)} posts/s): ${winners.length} success, ` +
        `${conflicts} refused with "${conflictMessage}…", ${other.length} other`,
    );
    for (const o of other.slice(0, 5)) log(`    other: ${o}`);
    const winner = winners[0]?.f;
    if (winner) log(`  winner: ${winner.user.fullName}, rendered on ${winner.renderOn.name}, posted to ${winner.postTo.name}`);
    check('phase 1: exactly one assign succeeded', winners.length === 1, `${winners.length} of ${forms.length}`);
    check(
      `phase 1: the other ${forms.length - 1} were refused with the conflict message`,
      conflicts === forms.length - 1 && other.length === 0,
      `${conflicts} "${conflictMessage}…", ${other.length} other`,
    );

    checker = new pg.Pool({ connectionString: url, max: 2 });
    checker.on('error', () => {}); // an idle connection ended by `drop database … with (force)` after Ctrl+C
    const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await checker!.query(sql, params)).rows as T[];
    {
      const [row] = await q<{ status: string; userId: string | null }>(`select status, "userId" from "PhoneNumber" where id = $1`, [
        contested.id,
      ]);
      check(
        'phase 1: the number is Assigned, to the one winner',
        row?.status === 'Assigned' && Boolean(row.userId) && row.userId === winner?.user.id,
        `status ${row?.status}, user ${row?.userId === winner?.user.id ? 'is the winner' : (row?.userId ?? 'none')}`,
      );
      const audit = await q<{ outcome: string; n: number }>(
        `select outcome, count(*)::int as n from "AuditEvent" where "phoneNumberId" = $1 and action = 'assign-phone-number' group by outcome`,
        [contested.id],
      );
      const n = (o: string) => audit.find((r) => r.outcome === o)?.n ?? 0;
      check("phase 1: exactly one 'Done' assign audit row for the number", n('Done') === 1, `${n('Done')} Done`);
      check(
        `phase 1: ${forms.length - 1} 'Conflict' assign audit rows for the number`,
        n('Conflict') === forms.length - 1 && n('Denied') + n('Invalid') === 0,
        `${n('Conflict')} Conflict, ${n('Denied')} Denied, ${n('Invalid')} Invalid`,
      );
      const [history] = await q<{ n: number }>(`select count(*)::int as n from "AssignmentHistory" where "phoneNumberId" = $1`, [
        contested.id,
      ]);
      check(
        'phase 1: exactly one AssignmentHistory row for the number',
        history?.n === 1,
        `${history?.n} row${history?.n === 1 ? '' : 's'}`,
      );
    }
    result.seconds.phase1 = (performance.now() - phase1Started) / 1000;

    // ---- 4b. The same through the REST API ------------------------------------------------------
    log(`\n== Phase 1, API: ${data.apiRacers.length} assigns of one number over /api/v1, fired at once at both instances`);
    const apiStarted = performance.now();
    type ApiAnswer = { status: number; body: { detail?: string; version?: number } | null; headers: Headers };
    const callApi = async (
      instance: Instance,
      method: string,
      pathname: string,
      token: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<ApiAnswer> => {
      const response = await fetch(`${instance.origin}/api/v1${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000),
      });
      const text = await response.text();
      let parsed: ApiAnswer['body'] = null;
      try {
        parsed = text ? (JSON.parse(text) as ApiAnswer['body']) : null;
      } catch {
        parsed = { detail: text.slice(0, 160) };
      }
      return { status: response.status, body: parsed, headers: response.headers };
    };
    const tokenOf = (i: number) => data.tokens[i % data.tokens.length]!;
    {
      const number = data.apiContested;
      // Each instance loads the route's code once, on its first request: not what is measured here.
      await Promise.all(
        instances.map((i) => callApi(i, 'POST', '/users/warm-up/phone-number', tokenOf(0).secret, { phoneNumberId: number.id })),
      );
      const fired = performance.now();
      const answers = await Promise.all(
        data.apiRacers.map(async (user, i) => {
          try {
            const answer = await callApi(instances[i % 2]!, 'POST', `/users/${user.id}/phone-number`, tokenOf(i).secret, {
              phoneNumberId: number.id,
            });
            return { user, token: tokenOf(i), answer };
          } catch (err) {
            return { user, token: tokenOf(i), answer: { status: 0, body: { detail: transportMessage(err) }, headers: new Headers() } };
          }
        }),
      );
      const wallMs = performance.now() - fired;
      const conflictMessage = `${formatPhoneNumber(number.e164)} was assigned to someone else`;
      const created = answers.filter((a) => a.answer.status === 201);
      const conflicts = answers.filter((a) => a.answer.status === 409 && a.answer.body?.detail?.startsWith(conflictMessage)).length;
      const other = answers
        .filter((a) => a.answer.status !== 201 && !(a.answer.status === 409 && a.answer.body?.detail?.startsWith(conflictMessage)))
        .map((a) => `${a.answer.status} ${a.answer.body?.detail ?? ''}`);
      result.api = { racers: answers.length, created: created.length, conflicts, other, wallMs };
      log(
        `  answered in ${seconds(wallMs)} (${(answers.length / (wallMs / 1000)).toFixed(0)} requests/s): ${created.length} × 201, ` +
          `${conflicts} × 409 "${conflictMessage}…", ${other.length} other`,
      );
      for (const o of other.slice(0, 5)) log(`    other: ${o}`);
      const winner = created[0];
      check('API: exactly one assign answered 201', created.length === 1, `${created.length} of ${answers.length}`);
      check(
        `API: the other ${answers.length - 1} answered 409 with the conflict message`,
        conflicts === answers.length - 1 && other.length === 0,
        `${conflicts} × 409, ${other.length} other`,
      );
      const holders = await q<{ id: string }>(`select id from "User" where id in (select "userId" from "PhoneNumber" where id = $1)`, [
        number.id,
      ]);
      check(
        'API: the number is held by exactly one user, the one answered 201',
        holders.length === 1 && holders[0]!.id === winner?.user.id,
        `${holders.length} holder${holders.length === 1 ? '' : 's'}${holders[0]?.id === winner?.user.id ? ', the winner' : ''}`,
      );
      const audit = await q<{ outcome: string; tokenId: string | null }>(
        `select outcome, "tokenId" from "AuditEvent" where "phoneNumberId" = $1 and action = 'assign-phone-number'`,
        [number.id],
      );
      const done = audit.filter((r) => r.outcome === 'Done');
      check(
        "API: exactly one 'Done' assign audit row for the number, naming the winner's token",
        done.length === 1 && done[0]!.tokenId === winner?.token.id,
        `${done.length} Done${done[0] ? `, token ${done[0].tokenId === winner?.token.id ? "the winner's" : (done[0].tokenId ?? 'none')}` : ''}; ` +
          `${audit.filter((r) => r.outcome === 'Conflict').length} Conflict`,
      );
    }
    {
      // The same Idempotency-Key sent to both instances at once: one assign, the other request
      // either waits its turn (409, in use) or replays the first answer.
      const { replayUser: user, replayNumber: number } = data;
      const token = tokenOf(0).secret;
      const key = `race-${tag}`;
      const send = (instance: Instance) =>
        callApi(instance, 'POST', `/users/${user.id}/phone-number`, token, { phoneNumberId: number.id }, { 'Idempotency-Key': key });
      const pair = await Promise.all([send(A), send(B)]);
      const later = await send(A);
      const firsts = pair.filter((a) => a.status === 201 && a.headers.get('idempotency-replayed') !== 'true');
      const rest = pair.filter((a) => a !== firsts[0]);
      const secondOk = rest.every(
        (a) => (a.status === 201 && a.headers.get('idempotency-replayed') === 'true') || (a.status === 409 && a.headers.get('retry-after')),
      );
      const [done] = await q<{ n: number }>(
        `select count(*)::int as n from "AuditEvent" where "userId" = $1 and action = 'assign-phone-number' and outcome = 'Done'`,
        [user.id],
      );
      check(
        'API: one Idempotency-Key sent twice at once makes one change, and a later retry replays it',
        firsts.length === 1 &&
          secondOk &&
          later.status === 201 &&
          later.headers.get('idempotency-replayed') === 'true' &&
          later.body?.version === firsts[0]!.body?.version &&
          done?.n === 1,
        `answers ${pair.map((a) => `${a.status}${a.headers.get('idempotency-replayed') ? ' (replayed)' : ''}`).join(' and ')}, ` +
          `later ${later.status}${later.headers.get('idempotency-replayed') ? ' (replayed)' : ''}; ${done?.n} Done audit rows`,
      );

      // An ETag read on A, outdated by a change on B, is refused on A: 412, and nothing changes.
      const path = `/users/${user.id}/telephony-permissions`;
      const first = await callApi(A, 'PATCH', path, token, { inboundCalling: true, notify: false });
      const read = first.headers.get('etag') ?? '';
      const onB = await callApi(B, 'PATCH', path, token, { sms: true, notify: false }, { 'If-Match': read });
      const stale = await callApi(A, 'PATCH', path, token, { outboundCalling: true, notify: false }, { 'If-Match': read });
      const [row] = await q<{ version: number; outboundCalling: boolean; sms: boolean }>(
        `select version, "outboundCalling", sms from "User" where id = $1`,
        [user.id],
      );
      check(
        'API: a stale If-Match is 412 on the other instance, and changes nothing',
        first.status === 200 &&
          onB.status === 200 &&
          stale.status === 412 &&
          row?.version === onB.body?.version &&
          row?.outboundCalling === false &&
          row?.sms === true,
        `ETag ${read} from A; If-Match on B ${onB.status}; the same If-Match again on A ${stale.status}; ` +
          `user at v${row?.version}, outbound calling ${row?.outboundCalling ? 'on' : 'off'}, SMS ${row?.sms ? 'on' : 'off'}`,
      );
    }
    result.seconds.api = (performance.now() - apiStarted) / 1000;

    // ---- 5. Phase 2: the storm -------------------------------------------------------------
    log(
      `\n== Phase 2: storm for ${stormSeconds} s — ${jars.length} admins, ${data.stormUsers.length} users, ${data.stormNumbers.length} numbers, ` +
        `random assign / unassign / edit, rendered and posted on random instances${kill ? '; SIGKILL A halfway' : ''}`,
    );
    const storm: StormFigures = {
      seconds: stormSeconds,
      workers: jars.length,
      attempts: {},
      successes: {},
      successesPostedTo: { A: 0, B: 0 },
      successesOnBAfterKill: 0,
      crossInstancePosts: 0,
      refusals: {},
      notOffered: {},
      instanceDown: { render: 0, post: 0 },
      transportErrors: [],
      unexpected: [],
      killedAtSeconds: null,
      audited: {},
    };
    result.storm = storm;
    const stormStarted = performance.now();
    const deadline = stormStarted + stormSeconds * 1000;
    const failedOn = (instance: Instance, stage: 'render' | 'post', what: string, err: unknown) => {
      if (instance.killedAt !== null) storm.instanceDown[stage]++;
      else storm.transportErrors.push(`${what}: ${stage} on ${instance.name}: ${transportMessage(err)}`);
    };
    if (kill) {
      killTimer = setTimeout(
        () => {
          A.killedAt = performance.now();
          signalInstance(A, 'SIGKILL');
          storm.killedAtSeconds = (A.killedAt - stormStarted) / 1000;
          log(`  ${seconds(A.killedAt - stormStarted)}: kill -9 instance A (pid ${A.child?.pid})`);
        },
        (stormSeconds * 1000) / 2,
      );
    }
    const progress = setInterval(() => {
      const done = Object.values(storm.successes).reduce((a, b) => a + b, 0);
      const tried = Object.values(storm.attempts).reduce((a, b) => a + b, 0);
      log(
        `  ${seconds(performance.now() - stormStarted)}: ${tried} attempts, ${done} changes, ${storm.instanceDown.render + storm.instanceDown.post} to a dead instance`,
      );
    }, 5000);

    const step = async (jar: CookieJar) => {
      const user = pick(data.stormUsers);
      const number = pick(data.stormNumbers);
      const action = pick(['assign', 'unassign', 'edit'] as const);
      const renderOn = pick(instances);
      const postTo = pick(instances);
      const pagePath = action === 'assign' ? assignPath(user, number) : action === 'edit' ? editPath(user) : unassignPath(user);
      const what = `${action} ${user.fullName}`;
      bump(storm.attempts, action);
      let page: Answer;
      try {
        page = await request(renderOn, pagePath, jar);
      } catch (err) {
        return failedOn(renderOn, 'render', what, err);
      }
      if (page.status !== 200)
        return void storm.unexpected.push(`${what}: render on ${renderOn.name}: ${page.status} ${textOf(page.html).slice(0, 120)}`);
      const form = findForm(page.html, action === 'assign' ? 'Assign' : action === 'edit' ? 'Save' : 'Unassign');
      let fields: [string, string][];
      if (action === 'assign') {
        if (!form) return void bump(storm.notOffered, 'assign: the user already has a number');
        if (!form.radios.phoneNumberId?.includes(number.id)) return void bump(storm.notOffered, 'assign: that number is not free');
        fields = setField(form.fields, 'phoneNumberId', number.id);
      } else if (action === 'unassign') {
        if (!form) return void bump(storm.notOffered, 'unassign: the user has no number');
        fields = form.fields;
      } else {
        if (!form) return void bump(storm.notOffered, 'edit: the user has no number');
        fields = form.fields;
        for (const name of ['inboundCalling', 'outboundCalling', 'sms']) fields = setField(fields, name, crypto.randomInt(2) ? 'on' : null);
      }
      await sleep(crypto.randomInt(0, 40)); // an admin's moment between seeing the form and posting it
      if (renderOn !== postTo) storm.crossInstancePosts++;
      let outcome: Outcome;
      try {
        outcome = await postForm(postTo, pagePath, jar, fields, userPath(user));
      } catch (err) {
        return failedOn(postTo, 'post', what, err);
      }
      if (outcome.kind === 'success') {
        bump(storm.successes, action);
        storm.successesPostedTo[postTo.name]++;
        if (postTo === B && A.killedAt !== null) storm.successesOnBAfterKill++;
      } else if (outcome.kind === 'refused') {
        bump(storm.refusals, refusalKind(outcome.messages));
      } else if (postTo.killedAt === null) {
        storm.unexpected.push(`${what}: post to ${postTo.name}: ${outcome.detail}`);
      } else {
        storm.instanceDown.post++;
      }
    };
    await Promise.all(
      jars.map(async (jar) => {
        while (performance.now() < deadline) await step(jar);
      }),
    );
    clearInterval(progress);
    if (killTimer) clearTimeout(killTimer);
    result.seconds.storm = (performance.now() - stormStarted) / 1000;

    const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
    const list = (c: Counts) =>
      Object.entries(c)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || 'none';
    log(`  ${sum(storm.attempts)} attempts in ${seconds(result.seconds.storm * 1000)} (${list(storm.attempts)})`);
    log(
      `  changes made: ${sum(storm.successes)} (${list(storm.successes)}); posted to A ${storm.successesPostedTo.A}, to B ${storm.successesPostedTo.B}; ${storm.crossInstancePosts} posts went to the other instance than the form's`,
    );
    log(`  refused: ${sum(storm.refusals)} (${list(storm.refusals)})`);
    log(`  not offered by the page: ${sum(storm.notOffered)} (${list(storm.notOffered)})`);
    log(`  instance down: ${storm.instanceDown.render} renders and ${storm.instanceDown.post} posts went to killed A`);
    log(`  transport errors on a live instance: ${storm.transportErrors.length}; unexpected answers: ${storm.unexpected.length}`);
    for (const line of [...storm.transportErrors, ...storm.unexpected].slice(0, 10)) log(`    ${line}`);
    if (kill) {
      const exit = await Promise.race([A.exited, sleep(2000).then(() => null)]);
      check(
        'instance A was killed, and B kept making changes after it',
        exit?.signal === 'SIGKILL' && storm.successesOnBAfterKill > 0,
        `A ${exit ? `exited by ${exit.signal ?? `code ${exit.code}`}` : 'still running'}; B made ${storm.successesOnBAfterKill} changes after the kill`,
      );
    }
    check(
      'storm: every answer from a live instance was a change or a clear refusal',
      storm.transportErrors.length === 0 && storm.unexpected.length === 0,
      `${storm.transportErrors.length} transport errors, ${storm.unexpected.length} unexpected answers`,
    );
    check(
      'storm: each of assign, unassign and edit succeeded, and some posts were refused',
      ['assign', 'unassign', 'edit'].every((a) => (storm.successes[a] ?? 0) > 0) && sum(storm.refusals) > 0,
      `${list(storm.successes)}; ${sum(storm.refusals)} refused`,
    );

    // ---- 6. Invariants ---------------------------------------------------------------------
    log(`\n== Invariants (SQL, whole database)`);
    const [totals] = await q<{ users: number; numbers: number; assigned: number; done: number; history: number }>(`
      select (select count(*)::int from "User") as users, (select count(*)::int from "PhoneNumber") as numbers,
             (select count(*)::int from "PhoneNumber" where status = 'Assigned') as assigned,
             (select count(*)::int from "AuditEvent" where outcome = 'Done' and action <> 'sign-in') as done,
             (select count(*)::int from "AssignmentHistory") as history`);
    const stormIds = data.stormUsers.map((u) => u.id);
    const audited = await q<{ action: string; outcome: string; n: number }>(
      `select action, outcome, count(*)::int as n from "AuditEvent" where "userId" = any($1) group by action, outcome`,
      [stormIds],
    );
    const auditedAs = (action: string | null, outcomes: string[]) =>
      audited.filter((r) => (action === null || r.action === action) && outcomes.includes(r.outcome)).reduce((a, r) => a + r.n, 0);
    const actionName = { assign: 'assign-phone-number', unassign: 'unassign-phone-number', edit: 'edit-telephony-permissions' } as const;
    storm.audited = {};
    for (const [short, action] of Object.entries(actionName)) {
      storm.audited[`${short} Done`] = auditedAs(action, ['Done']);
      storm.audited[`${short} refused`] = auditedAs(action, ['Conflict', 'Invalid', 'Denied']);
    }
    log(
      `  storm, answers vs audit rows of its users: ` +
        (['assign', 'unassign', 'edit'] as const)
          .map((a) => `${a} ${storm.successes[a] ?? 0} successes / ${storm.audited[`${a} Done`]} Done`)
          .join(', ') +
        ` (a success that finds the change already made writes nothing${kill ? '; a change A committed as it died was never answered' : ''})`,
    );
    const refusedSeen = sum(storm.refusals);
    const refusedAudited = auditedAs(null, ['Conflict', 'Invalid', 'Denied']);
    const lostWithA = storm.instanceDown.post;
    check(
      'storm: every refusal an admin saw has its audit row',
      refusedAudited >= refusedSeen && refusedAudited - refusedSeen <= (kill ? lostWithA : 0),
      `${refusedSeen} refusals answered, ${refusedAudited} refusal audit rows` +
        (kill ? ` (at most ${lostWithA} more can come from posts A received but never answered)` : ''),
    );
    log(
      `  ${totals!.users} users, ${totals!.numbers} numbers (${totals!.assigned} assigned), ${totals!.done} Done change audit rows, ${totals!.history} history rows`,
    );
    for (const c of await checkInvariants(url)) check(c.name, c.ok, c.detail);

    // ---- 7. What the servers said ------------------------------------------------------------
    log(`\n== Server logs`);
    // Errors fail the proof; a warning (a deprecation notice, say) is shown but is no failure.
    const lines = instances.flatMap((i) =>
      fs
        .readFileSync(i.logFile, 'utf8')
        .split('\n')
        .map((line) => `${i.name}: ${line}`),
    );
    const errors = lines.filter((line) => /error|⨯|exception|unhandled/i.test(line));
    const warnings = lines.filter((line) => !errors.includes(line) && /warn|⚠/i.test(line));
    for (const line of warnings.slice(0, 5)) log(`    (warning) ${line}`);
    for (const line of errors.slice(0, 10)) log(`    ${line}`);
    check('no errors in either server’s log', errors.length === 0, `${errors.length} error lines, ${warnings.length} warnings`);
  } catch (err) {
    check('the race ran to the end', false, (err as Error).message);
  } finally {
    if (killTimer) clearTimeout(killTimer);
    await Promise.all(instances.map((i) => stopInstance(i).finally(() => running.delete(i))));
    await checker?.end().catch(() => {});
    if (created && !options.keep) {
      await withClient(server, (client) => client.query(`drop database if exists ${dbName} with (force)`)).then(
        () => createdDatabases.delete(dbName),
        (err: Error) => log(`  could not drop ${dbName}: ${err.message}`),
      );
    }
  }

  result.passed = checks.filter((c) => c.ok).length;
  result.failed = checks.length - result.passed;
  result.ok = result.failed === 0;
  result.seconds.total = (performance.now() - started) / 1000;
  if (logDir && result.ok && !options.keep) fs.rmSync(logDir, { recursive: true, force: true });
  else result.logs = logDir;

  log(`\n== Summary`);
  log(
    `  setup ${result.seconds.setup.toFixed(1)} s, ${result.seconds.build ? `build ${result.seconds.build.toFixed(1)} s, ` : ''}servers ${result.seconds.servers.toFixed(1)} s, phase 1 ${result.seconds.phase1.toFixed(1)} s, API ${result.seconds.api.toFixed(1)} s, ` +
      `storm ${result.seconds.storm.toFixed(1)} s, total ${result.seconds.total.toFixed(1)} s${result.seconds.build ? ` (${(result.seconds.total - result.seconds.build).toFixed(1)} s without the build)` : ''}`,
  );
  log(
    `  database ${dbName} ${created ? (options.keep ? 'kept' : 'dropped') : 'not created'}${result.logs ? `; server logs in ${result.logs}` : ''}`,
  );
  for (const c of checks.filter((c) => !c.ok)) log(`  FAILED: ${c.name} — ${c.detail}`);
  if (!result.ok && result.logs) {
    for (const i of instances) log(`  last lines of instance ${i.name}'s log:\n${tail(i.logFile, 15).replace(/^/gm, '    ')}`);
  }
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(result, null, 2));
  log(`${result.passed} passed, ${result.failed} failed`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Command line

function cliOptions(argv: string[]): RaceOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'postgres-url': { type: 'string' },
      ports: { type: 'string' },
      'storm-seconds': { type: 'string' },
      admins: { type: 'string' },
      racers: { type: 'string' },
      'storm-users': { type: 'string' },
      'storm-numbers': { type: 'string' },
      'pool-size': { type: 'string' },
      'no-kill': { type: 'boolean' },
      build: { type: 'boolean' },
      keep: { type: 'boolean' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      fs
        .readFileSync(new URL(import.meta.url), 'utf8')
        .split('\nimport ')[0]!
        .replace(/^\/\/ ?/gm, ''),
    );
    process.exit(0);
  }
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number.`);
    return n;
  };
  let ports: [number, number] | undefined;
  if (values.ports) {
    const [a, b] = values.ports.split(',').map(Number);
    if (!a || !b || a === b) throw new Error('--ports takes two different ports, like 3201,3202.');
    ports = [a, b];
  }
  return {
    postgresUrl: values['postgres-url'],
    ports,
    stormSeconds: num('storm-seconds', values['storm-seconds']),
    admins: num('admins', values.admins),
    racers: num('racers', values.racers),
    stormUsers: num('storm-users', values['storm-users']),
    stormNumbers: num('storm-numbers', values['storm-numbers']),
    poolSize: num('pool-size', values['pool-size']),
    kill: !values['no-kill'],
    keep: values.keep,
    build: values.build,
    json: values.json,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let options: RaceOptions;
  try {
    options = cliOptions(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping the servers and dropping the race database…`);
      void abandonRaces().finally(() => process.exit(130));
    });
  }
  runRace(options).then(
    (result) => process.exit(result.ok ? 0 : 1),
    (err: Error) => {
      console.error(`The race cannot run: ${err.message}`);
      process.exit(1);
    },
  );
}
