// `npm run bench:data -- --users 100000 --numbers 1000000`: fills a database with benchmark data.
//
// Deterministic (the same --seed gives the same rows, ids included) and fast: every table is
// filled by one INSERT … SELECT over generate_series inside the database, so 1,000,000 numbers
// never cross the wire one by one. Names come from fixed lists, picked by an integer hash of the
// row number and the seed (docs/decisions/009-benchmarks.md says why not a JS PRNG + COPY).
//
// What it makes:
//   - one bench admin (Administrator of all accounts), BENCH_ADMIN below, password hashed with argon2
//     (and, made again by each run, their API token: renewBenchToken);
//   - one big account holding 60 % of the users (so page 2,000 of its users exists at 100,000),
//     the rest in accounts of 1,000;
//   - numbers in 40 US area codes: 85 % Local Business Calling, 10 % Local Voice Connector,
//     5 % toll-free (Voice Connector: toll-free numbers cannot be Business Calling); 1 % in the
//     deletion queue;
//   - 80 % of users hold a Business Calling number (one each, as the rules require), with its
//     open assignment-history row. "80 % of Business Calling numbers assigned" cannot hold with
//     ten numbers per user, so it is 80 % of users (see docs/performance.md).
//
// Where: DATABASE_URL (postgres://…) or the embedded database in SWITCHBOARD_DATA_DIR, migrated
// first. It refuses a database that holds anything but this same bench data (then it does nothing).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { hashPassword } from '../lib/auth/password';
import { openDatabase, type Database } from '../lib/db/client';
import { databaseConfig } from '../lib/db/config';
import type { SqlRunner } from '../lib/db/migrations';
import { newSecret } from '../lib/api/token-secret';

export const BENCH_ADMIN = { id: 'benchadmin0000000000000000', email: 'bench-admin@bench.example', password: 'switchboard-bench' };
export const BIG_ACCOUNT_ID = 'benchacct000000';

export type BenchDataOptions = { users: number; numbers: number; seed?: number; log?: (line: string) => void };

const FIRST = [
  'Aaliyah',
  'Aaron',
  'Abigail',
  'Adam',
  'Adrian',
  'Aisha',
  'Alejandro',
  'Alex',
  'Alice',
  'Amara',
  'Amir',
  'Ana',
  'Andrea',
  'Andrew',
  'Anika',
  'Ben',
  'Bianca',
  'Bruno',
  'Camila',
  'Carlos',
  'Carmen',
  'Chen',
  'Chloe',
  'Daniel',
  'David',
  'Dev',
  'Diana',
  'Dmitri',
  'Elena',
  'Eli',
  'Emma',
  'Ethan',
  'Farid',
  'Fatima',
  'Felix',
  'Fiona',
  'Gabriel',
  'Grace',
  'Hana',
  'Hannah',
  'Hiro',
  'Ibrahim',
  'Ines',
  'Isaac',
  'Isabel',
  'Jamal',
  'James',
  'Jana',
  'Javier',
  'Jin',
  'Jonas',
  'Julia',
  'Kai',
  'Karim',
  'Kate',
  'Kenji',
  'Laila',
  'Lars',
  'Lena',
  'Leo',
  'Liam',
  'Lucia',
  'Luis',
  'Maya',
  'Mateo',
  'Mei',
  'Mia',
  'Mohammed',
  'Nadia',
  'Naomi',
  'Nia',
  'Noah',
  'Olga',
  'Omar',
  'Oscar',
  'Pablo',
  'Priya',
  'Quinn',
  'Rafael',
  'Rahul',
  'Rosa',
  'Ruth',
  'Sam',
  'Sara',
  'Sofia',
  'Sven',
  'Tariq',
  'Tomas',
  'Uma',
  'Valentina',
  'Victor',
  'Wei',
  'Wen',
  'Yara',
  'Yusuf',
  'Zane',
  'Zara',
  'Zoe',
  'Ola',
  'Ivo',
];
const LAST = [
  'Abbott',
  'Adeyemi',
  'Alvarez',
  'Andersen',
  'Baker',
  'Banerjee',
  'Becker',
  'Brown',
  'Campbell',
  'Castro',
  'Chen',
  'Cohen',
  'Costa',
  'Cruz',
  'Davies',
  'Diaz',
  'Dubois',
  'Edwards',
  'Evans',
  'Fernandez',
  'Fischer',
  'Fontaine',
  'Garcia',
  'Gomez',
  'Gupta',
  'Hansen',
  'Hernandez',
  'Hoffmann',
  'Hughes',
  'Ibrahim',
  'Ito',
  'Jackson',
  'Jensen',
  'Johnson',
  'Kahn',
  'Kim',
  'Kowalski',
  'Kumar',
  'Larsen',
  'Lee',
  'Lopez',
  'Martin',
  'Meyer',
  'Moreau',
  'Morris',
  'Murphy',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Park',
  'Patel',
  'Perez',
  'Petrov',
  'Quinn',
  'Ramirez',
  'Reyes',
  'Richter',
  'Rossi',
  'Russo',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Sousa',
  'Suzuki',
  'Tanaka',
  'Taylor',
  'Thomas',
  'Torres',
  'Tran',
  'Turner',
  'Vargas',
  'Walsh',
  'Wang',
  'Weber',
  'White',
  'Williams',
  'Wilson',
  'Wong',
  'Wright',
  'Yamamoto',
  'Young',
  'Zhang',
  'Ziegler',
  'Zimmer',
  'Okoye',
  'Haddad',
  'Mensah',
  'Lindqvist',
  'Novakova',
  'Horvat',
  'Kaya',
  'Demir',
  'Popescu',
  'Nowak',
  'Berg',
  'Dahl',
];
// Real US area codes (geographic) and toll-free prefixes.
const AREAS = [
  '201',
  '202',
  '206',
  '212',
  '213',
  '214',
  '215',
  '216',
  '303',
  '305',
  '310',
  '312',
  '313',
  '314',
  '404',
  '407',
  '408',
  '412',
  '415',
  '503',
  '504',
  '510',
  '512',
  '602',
  '612',
  '615',
  '617',
  '619',
  '646',
  '702',
  '704',
  '713',
  '718',
  '720',
  '801',
  '813',
  '816',
  '818',
  '919',
  '971',
];
const TOLL_FREE = ['800', '833', '844', '855', '866', '877', '888'];
const ACCOUNT_TYPES = ['Team', 'EnterpriseDirectory', 'EnterpriseLWA', 'EnterpriseOIDC'];
const LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'];

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;
/** A deterministic integer in [0, 2^31) from a row number and the seed (Knuth's multiplicative hash). */
const mix = (expr: string, seed: number, salt: number) => `((((${expr})::bigint + ${seed * 7 + salt}) * 2654435761) % 2147483648)`;

export type BenchCounts = { users: number; numbers: number; bigAccountUsers: number; assigned: number };

export function bigAccountUsers(users: number): number {
  return Math.ceil(users * 0.6);
}

async function existingCounts(runner: SqlRunner): Promise<{ admin: boolean; users: number; numbers: number; accounts: number }> {
  const [row] = await runner.query(
    `SELECT (SELECT count(*) FROM "Admin" WHERE id = $1)::int AS admin, (SELECT count(*) FROM "User")::int AS users,
            (SELECT count(*) FROM "PhoneNumber")::int AS numbers, (SELECT count(*) FROM "Account")::int AS accounts`,
    [BENCH_ADMIN.id],
  );
  const r = row as { admin: number; users: number; numbers: number; accounts: number };
  return { admin: r.admin > 0, users: r.users, numbers: r.numbers, accounts: r.accounts };
}

/** Fills the (migrated) database behind `runner`; returns what it holds. Does nothing if it already holds this data. */
export async function generateBenchData(
  db: Pick<Database, 'runner'>,
  options: BenchDataOptions,
): Promise<BenchCounts & { generated: boolean; seconds: number }> {
  const { users, numbers, seed = 1, log = console.log } = options;
  const runner = db.runner;
  const start = performance.now();
  const big = bigAccountUsers(users);
  const assignedWanted = Math.floor(users * 0.8);

  const before = await existingCounts(runner);
  // The deletion queue (1 %) may have been purged since: numbers within 2 % count as the same data.
  if (before.admin && before.users === users && before.numbers <= numbers && before.numbers >= numbers * 0.98) {
    const [row] = await runner.query(`SELECT count(*)::int AS n FROM "PhoneNumber" WHERE status = 'Assigned'`);
    log(
      `The database already holds the bench data (${users.toLocaleString('en-US')} users, ${before.numbers.toLocaleString('en-US')} numbers).`,
    );
    return { users, numbers: before.numbers, bigAccountUsers: big, assigned: (row as { n: number }).n, generated: false, seconds: 0 };
  }
  if (before.admin || before.users || before.numbers || before.accounts) {
    throw new Error(
      `The database is not empty (${before.accounts} accounts, ${before.users} users, ${before.numbers} numbers) and does not hold ` +
        `bench data of ${users} users and ${numbers} numbers. Use an empty database (a new --database name).`,
    );
  }

  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    await runner.query(sql, params);
    log(`  ${label.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
  };

  log(`Generating ${users.toLocaleString('en-US')} users and ${numbers.toLocaleString('en-US')} numbers (seed ${seed})…`);
  await step(
    'bench admin',
    `INSERT INTO "Admin" (id, email, name, "passwordHash", role, "allAccounts", "updatedAt") VALUES ($1, $2, 'Bench Admin', $3, 'Administrator', true, now())`,
    [BENCH_ADMIN.id, BENCH_ADMIN.email, await hashPassword(BENCH_ADMIN.password)],
  );

  // Account 0 is the big one; accounts 1..n hold 1,000 users each (the last one the remainder).
  const small = Math.max(0, Math.ceil((users - big) / 1000));
  await step(
    `${1 + small} accounts`,
    `INSERT INTO "Account" (id, name, "nameKey", type, "defaultLicense")
     SELECT 'benchacct' || lpad(a::text, 6, '0'),
            CASE WHEN a = 0 THEN 'Bench Big Account' ELSE 'Bench Account ' || lpad(a::text, 4, '0') END,
            CASE WHEN a = 0 THEN 'bench big account' ELSE 'bench account ' || lpad(a::text, 4, '0') END,
            ((${sqlArray(ACCOUNT_TYPES)})[1 + ${mix('a', seed, 1)} % ${ACCOUNT_TYPES.length}])::"AccountType",
            'Pro'
     FROM generate_series(0, ${small}) AS a`,
  );

  // User i (1-based): the first `big` are in account 0, then 1,000 per account.
  const first = `(${sqlArray(FIRST)})[1 + ${mix('i', seed, 2)} % ${FIRST.length}]`;
  const last = `(${sqlArray(LAST)})[1 + ${mix('i', seed, 3)} % ${LAST.length}]`;
  await step(
    `${users.toLocaleString('en-US')} users`,
    `INSERT INTO "User" (id, "accountId", "fullName", email, "activeEmail", license, "registrationStatus", "invitationStatus", "lastSignInAt", "createdAt")
     SELECT 'benchuser' || lpad(i::text, 8, '0'),
            'benchacct' || lpad((CASE WHEN i <= ${big} THEN 0 ELSE 1 + (i - ${big} - 1) / 1000 END)::text, 6, '0'),
            f || ' ' || l,
            lower(f || '.' || l || '.' || i || '@bench.example'),
            lower(f || '.' || l || '.' || i || '@bench.example'),
            ((${sqlArray(LICENSES)})[1 + ${mix('i', seed, 4)} % 4])::"License",
            (CASE WHEN ${mix('i', seed, 5)} % 10 < 7 THEN 'Registered' ELSE 'Unregistered' END)::"RegistrationStatus",
            (CASE WHEN ${mix('i', seed, 5)} % 10 < 7 THEN 'Accepted' ELSE 'Pending' END)::"InvitationStatus",
            CASE WHEN ${mix('i', seed, 5)} % 10 < 7 THEN timestamp '2026-11-01' + (${mix('i', seed, 6)} % 2592000) * interval '1 second' END,
            timestamp '2026-01-01' + (i % 28000000) * interval '1 second'
     FROM generate_series(1, ${users}) AS i, LATERAL (SELECT ${first} AS f, ${last} AS l) AS n`,
  );

  // Number j (1-based): every 20th toll-free, the next two Voice Connector, the rest Business
  // Calling. Within an area code, the j-th number's last seven digits are a bijection of j
  // (multiplying by 7,919, coprime to 8,000,000), so numbers are unique yet scattered, exchange 200–999.
  const local = `'+1' || (${sqlArray(AREAS)})[1 + j % ${AREAS.length}] || (2000000 + ((j / ${AREAS.length})::bigint * 7919 + ${seed}) % 8000000)::text`;
  const tollFree = `'+1' || (${sqlArray(TOLL_FREE)})[1 + j % ${TOLL_FREE.length}] || (2000000 + ((j / ${TOLL_FREE.length})::bigint * 7919 + ${seed}) % 8000000)::text`;
  await step(
    `${numbers.toLocaleString('en-US')} numbers`,
    `INSERT INTO "PhoneNumber" (id, e164, country, type, "productType", status, "canMms", "deletionRequestedAt", "createdAt", "updatedAt")
     SELECT 'benchnum' || lpad(j::text, 8, '0'),
            CASE WHEN j % 20 = 0 THEN ${tollFree} ELSE ${local} END,
            'US',
            (CASE WHEN j % 20 = 0 THEN 'TollFree' ELSE 'Local' END)::"PhoneNumberType",
            (CASE WHEN j % 20 IN (0, 1, 2) THEN 'VoiceConnector' ELSE 'BusinessCalling' END)::"PhoneNumberProductType",
            (CASE WHEN j % 100 = 50 THEN 'DeleteInProgress' ELSE 'Unassigned' END)::"PhoneNumberStatus",
            j % 3 = 0,
            CASE WHEN j % 100 = 50 THEN now() - (j % 5) * interval '1 day' END,
            timestamp '2026-01-01' + (j % 28000000) * interval '1 second',
            now()
     FROM generate_series(1, ${numbers}) AS j`,
  );

  // 80 % of users (all but every fifth) get a Business Calling number, in row order, one each.
  await step(
    'assign numbers to 80 % of users',
    `WITH u AS (
       SELECT id, "accountId", row_number() OVER (ORDER BY id) AS rn FROM "User" WHERE right(id, 8)::int % 5 <> 0
     ), n AS (
       SELECT id, row_number() OVER (ORDER BY id) AS rn FROM "PhoneNumber" WHERE "productType" = 'BusinessCalling' AND status = 'Unassigned'
       ORDER BY id LIMIT ${assignedWanted}
     )
     UPDATE "PhoneNumber" p SET status = 'Assigned', "userId" = u.id, "accountId" = u."accountId",
            "assignedAt" = timestamp '2026-06-01' + (n.rn % 10000000) * interval '1 second', version = 2
     FROM n JOIN u ON u.rn = n.rn WHERE p.id = n.id`,
  );
  await step(
    'their assignment history',
    `INSERT INTO "AssignmentHistory" (id, "phoneNumberId", "userId", "accountId", "assignedAt", "assignedById")
     SELECT 'benchhist' || substr(id, 9), id, "userId", "accountId", "assignedAt", $1 FROM "PhoneNumber" WHERE status = 'Assigned'`,
    [BENCH_ADMIN.id],
  );
  // Holders of a number have calling on (most) and SMS (some); the rest have none, as the rules require.
  await step(
    'their permissions',
    `UPDATE "User" u SET "inboundCalling" = true, "outboundCalling" = ${mix('right(u.id, 8)::int', seed, 7)} % 4 <> 0,
            sms = ${mix('right(u.id, 8)::int', seed, 8)} % 2 = 0, version = 2, "telephonyChangedAt" = p."assignedAt"
     FROM "PhoneNumber" p WHERE p."userId" = u.id`,
  );
  await step('ANALYZE', `ANALYZE`);

  const [row] = await runner.query(`SELECT count(*)::int AS n FROM "PhoneNumber" WHERE status = 'Assigned'`);
  const seconds = (performance.now() - start) / 1000;
  const assigned = (row as { n: number }).n;
  log(`Done in ${seconds.toFixed(1)} s: ${assigned.toLocaleString('en-US')} numbers assigned.`);
  return { users, numbers, bigAccountUsers: big, assigned, generated: true, seconds };
}

/** The bench admin's API token: one row, its secret new on every run (bench/run.ts sends it). */
export const BENCH_TOKEN_ID = 'benchtoken000000';

/**
 * Gives the bench admin a personal API token with a new secret, valid for a day: made on the
 * first run, renewed (and un-revoked) on the next, so a kept database never holds a known secret.
 */
export async function renewBenchToken(runner: SqlRunner): Promise<string> {
  const { secret, hint, secretHash } = newSecret('Personal');
  await runner.query(
    `INSERT INTO "ApiToken" (id, kind, "adminId", name, "secretHash", hint, "adminVersion", "expiresAt")
     SELECT $1, 'Personal', a.id, 'Benchmark', $2, $3, a."sessionVersion", now() + interval '1 day' FROM "Admin" a WHERE a.id = $4
     ON CONFLICT (id) DO UPDATE SET "secretHash" = $2, hint = $3, "adminVersion" = EXCLUDED."adminVersion",
       "expiresAt" = EXCLUDED."expiresAt", "revokedAt" = NULL, "lastUsedAt" = NULL`,
    [BENCH_TOKEN_ID, secretHash, hint, BENCH_ADMIN.id],
  );
  return secret;
}

async function main() {
  const { values } = parseArgs({
    options: { users: { type: 'string' }, numbers: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const config = databaseConfig();
  const embedded = config.kind === 'embedded';
  // The embedded database is slower and single-process: a smaller default.
  const users = Number(values.users ?? (embedded ? 5_000 : 100_000));
  const numbers = Number(values.numbers ?? (embedded ? 50_000 : 1_000_000));
  if (![users, numbers].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--users and --numbers must be whole numbers above 0.');
  console.log(
    embedded ? `Embedded database in ${config.dataDir}` : `PostgreSQL ${new URL(config.url).host}${new URL(config.url).pathname}`,
  );
  const db = await openDatabase(config); // migrates first; says clearly if an embedded folder is locked
  try {
    await generateBenchData(db, { users, numbers, seed: Number(values.seed) });
    console.log(`Sign in as ${BENCH_ADMIN.email} / ${BENCH_ADMIN.password}.`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
