// `npm run authz`: the authorisation matrix. For every mutation the app has and six identities,
// renders the form as a full-scope Administrator (so its fields and action ids are genuine), then
// posts it as each identity, over HTTP as a browser without JavaScript would, to one `next start`
// on a scratch PostgreSQL database (local servers only; dropped at the end unless --keep).
//
// Identities: full-scope Administrator; Administrator of another account only; ReadOnly of all
// accounts; a disabled admin (signed in, then disabled in the database, posting with their old
// cookie); signed out (no cookie); an expired session (a cookie minted with next-auth's own
// `encode`, with the instance's AUTH_SECRET, and `exp` in the past).
//
// Each cell is one check. Allowed: answered with a redirect to where a success goes, the data
// changed, one 'Done' audit row more. Refused: a clear answer (200 with the error summary, or a
// redirect to sign in or to "Page not found"; never a 5xx), every table but "AuditEvent" and
// "SignInThrottle" byte-for-byte the same, and exactly one audit row more, a refusal.
//
// Options: --postgres-url URL (or TEST_POSTGRES_URL), --port 3221 (or AUTHZ_PORT), --keep,
// --json FILE. Ends with one line: `N passed, N failed`. Importable: `runMatrix(options)`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { openDatabase } from '../lib/db/client';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueLocalE164 } from '../lib/test/factories';
import {
  assertLocal,
  buildAge,
  CookieJar,
  databaseUrl,
  DEFAULT_POSTGRES_URL,
  findForm,
  portIsFree,
  problemsOf,
  request,
  setField,
  signalInstance,
  signIn,
  startInstance,
  stopInstance,
  tail,
  textOf,
  waitUntilReady,
  withClient,
  type Answer,
  type Instance,
} from './http-client';

export type MatrixOptions = {
  postgresUrl?: string;
  port?: number;
  keep?: boolean;
  json?: string;
  log?: (line: string) => void;
};

export type Check = { name: string; ok: boolean; detail: string };
export type Cell = { mutation: string; identity: Identity; expected: 'allowed' | 'refused'; outcome: string; ok: boolean; detail: string };
export type MatrixResult = {
  ok: boolean;
  passed: number;
  failed: number;
  checks: Check[];
  cells: Cell[];
  database: string;
  logs: string | null;
};

export const IDENTITIES = ['full-scope', 'other-account', 'read-only', 'disabled', 'signed-out', 'expired'] as const;
export type Identity = (typeof IDENTITIES)[number];

// The server this process started, killed if the process exits under us.
let current: Instance | null = null;
process.on('exit', () => {
  if (current) signalInstance(current, 'SIGKILL');
});

const SESSION_COOKIE = 'authjs.session-token';
/** Tables compared before and after each post: every one but the two that refusals write to. */
const NOT_COMPARED = new Set(['AuditEvent', 'SignInThrottle']);

/** What one row of the matrix does: a fresh target per identity, a page to render, and what to post. */
type Mutation = {
  name: string;
  /** Who may make this change (the others must be refused). */
  allowed: readonly Identity[];
  /** Make this cell's own target (before the server starts: all in one setup). */
  target: (identity: Identity) => Promise<Target>;
  /** A refusal for everyone, the full-scope Administrator included: its audit row may say Conflict. */
  refusedForAll?: boolean;
  /** 'Done' audit rows an allowed post adds (a preview changes no inventory, so it adds none). */
  doneRows?: number;
};
type Target = {
  /** The page rendered as the full-scope Administrator. */
  page: string | (() => string);
  button: string;
  /** The fields to post, from the rendered form's. */
  fields: (form: [string, string][], radios: Record<string, string[]>) => [string, string][];
  /** Where a success redirects (pathname), or a pattern. */
  success: string | RegExp;
  /** Run after an allowed post succeeded (e.g. to remember an id it made). */
  after?: (answer: Answer) => void;
};

export async function runMatrix(options: MatrixOptions = {}): Promise<MatrixResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = options.postgresUrl || process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const port = options.port ?? (Number(process.env.AUTHZ_PORT) || 3221);
  assertLocal(server);
  const checks: Check[] = [];
  const cells: Cell[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    log(`  ${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const tag = crypto.randomBytes(4).toString('hex');
  const dbName = `switchboard_authz_${tag}`;
  const url = databaseUrl(server, dbName);
  let created = false;
  let instance: Instance | null = null;
  let logDir: string | null = null;
  let client: pg.Client | null = null;

  try {
    if (!(await portIsFree(port))) throw new Error(`Port ${port} is in use; choose another with --port or AUTHZ_PORT.`);
    if (!buildAge().exists) throw new Error('No production build (.next/BUILD_ID): run `npm run build` first.');
    await withClient(server, (c) => c.query(`create database ${dbName}`));
    created = true;
    log(`== Database ${dbName} on ${new URL(server).host}`);

    // ---- Data: the identities, and every cell's own target ---------------------------------
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 }, { log: (line) => log(`  ${line}`) });
    const prisma = db.prisma;
    const accountA = await makeAccount(prisma, { name: `Authz A ${tag}` });
    const accountB = await makeAccount(prisma, { name: `Authz B ${tag}` });
    const people = {
      full: await makeAdmin(prisma, { allAccounts: true }),
      other: await makeAdmin(prisma, { accountIds: [accountB.id] }),
      readOnly: await makeAdmin(prisma, { role: 'ReadOnly', allAccounts: true }),
      disabled: await makeAdmin(prisma, { allAccounts: true }),
    };
    const userPath = (u: { id: string }) => `/accounts/${accountA.id}/users/${u.id}`;
    const numberPath = (n: { id: string }) => `/phone-numbers/${n.id}`;
    const set = (fields: [string, string][], values: Record<string, string | null>) =>
      Object.entries(values).reduce((f, [k, v]) => setField(f, k, v), fields);
    const imports: Partial<Record<Identity, string>> = {};
    const fullImport = () => imports['full-scope'] ?? 'no-import-yet';
    const userImports: Partial<Record<Identity, string>> = {};
    const fullUserImport = () => userImports['full-scope'] ?? 'no-import-yet';

    const mutations: Mutation[] = [
      {
        name: 'assign phone number (user page)',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          const n = await makePhoneNumber(prisma);
          return {
            page: `${userPath(user)}/assign-phone-number?q=${n.e164.slice(2)}`,
            button: 'Assign',
            fields: (f) => set(f, { phoneNumberId: n.id }),
            success: userPath(user),
          };
        },
      },
      {
        name: 'edit telephony permissions',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          await makePhoneNumber(prisma, { user });
          return {
            page: `${userPath(user)}/edit-telephony-permissions`,
            button: 'Save',
            fields: (f) => set(f, { inboundCalling: 'on' }),
            success: userPath(user),
          };
        },
      },
      {
        name: 'unassign phone number',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          await makePhoneNumber(prisma, { user });
          return {
            page: `${userPath(user)}/unassign-phone-number`,
            button: 'Unassign',
            fields: (f) => set(f, { confirm: 'on' }),
            success: userPath(user),
          };
        },
      },
      {
        name: 'assign from the number',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          const n = await makePhoneNumber(prisma);
          return {
            page: `${numberPath(n)}/assign?accountId=${accountA.id}&userId=${user.id}`,
            button: 'Assign',
            fields: (f) => f,
            success: numberPath(n),
          };
        },
      },
      {
        name: 'edit calling name (unassigned number)',
        allowed: ['full-scope', 'other-account'],
        target: async () => {
          const n = await makePhoneNumber(prisma);
          return {
            page: `${numberPath(n)}/calling-name`,
            button: 'Save',
            fields: (f) => set(f, { callingName: 'Matrix Name' }),
            success: numberPath(n),
          };
        },
      },
      {
        // The number is held by a user of account A, which the scoped admin does not administer.
        name: 'edit calling name (number of a user in another account)',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          const n = await makePhoneNumber(prisma, { user });
          return {
            page: `${numberPath(n)}/calling-name`,
            button: 'Save',
            fields: (f) => set(f, { callingName: 'Matrix Name' }),
            success: numberPath(n),
          };
        },
      },
      {
        name: 'delete phone number (unassigned)',
        allowed: ['full-scope', 'other-account'],
        target: async () => {
          const n = await makePhoneNumber(prisma);
          return { page: `${numberPath(n)}/delete`, button: 'Delete', fields: (f) => set(f, { confirm: 'on' }), success: numberPath(n) };
        },
      },
      {
        // Nobody may delete an assigned number; the scoped admin must not learn more than others.
        // Its page shows why instead of the form, so the form is a free number's, aimed at this one.
        name: 'delete phone number (number of a user in another account)',
        allowed: [],
        refusedForAll: true,
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          const n = await makePhoneNumber(prisma, { user });
          const free = await makePhoneNumber(prisma);
          return {
            page: `${numberPath(free)}/delete`,
            button: 'Delete',
            fields: (f) => set(f, { phoneNumberId: n.id, confirm: 'on' }),
            success: numberPath(n),
          };
        },
      },
      {
        name: 'restore phone number',
        allowed: ['full-scope', 'other-account'],
        target: async () => {
          const n = await makePhoneNumber(prisma, { status: 'DeleteInProgress' });
          await prisma.phoneNumber.update({ where: { id: n.id }, data: { deletionRequestedAt: new Date() } });
          return { page: numberPath(n), button: 'Restore', fields: (f) => f, success: numberPath(n) };
        },
      },
      {
        name: 'preview phone numbers (add, step 1)',
        allowed: ['full-scope', 'other-account'],
        doneRows: 0,
        target: async (identity) => ({
          page: '/phone-numbers/add',
          button: 'Preview',
          // A textarea and a select are not inputs: the form's own values, as a browser sends them.
          fields: (f) => set(f, { numbers: uniqueLocalE164(), defaultCountry: 'US', productType: 'BusinessCalling' }),
          success: /^\/phone-numbers\/add\/[A-Za-z0-9_-]+$/,
          after: (answer) => void (imports[identity] = answer.location!.split('/').pop()!),
        }),
      },
      {
        name: "add phone numbers from another admin's preview",
        allowed: [],
        target: async () => ({
          page: () => `/phone-numbers/add/${fullImport()}`,
          button: 'Add',
          fields: (f) => set(f, { importId: fullImport() }),
          success: '/phone-numbers',
        }),
      },
      {
        // Each admin adds only a preview they made: the scoped admin adds their own (allowed),
        // everyone else posts the full-scope admin's.
        name: 'add phone numbers (add, step 2)',
        allowed: ['full-scope', 'other-account'],
        target: async (identity) => ({
          page: () => `/phone-numbers/add/${fullImport()}`,
          button: 'Add',
          fields: (f) => set(f, { importId: identity === 'other-account' ? (imports['other-account'] ?? 'none') : fullImport() }),
          success: '/phone-numbers',
        }),
      },
      // ---- Import users (lib/directory/user-imports.ts): the preview writes a UserImport row and
      // is refused like a change (to a ReadOnly admin, and to an admin of another account, who is
      // told the account is not theirs); the import posts the full-scope admin's own preview as
      // every identity, which only they may import. Each admin's preview id is kept for step 2.
      {
        name: 'preview users (import users, step 1)',
        allowed: ['full-scope'],
        doneRows: 0,
        target: async (identity) => ({
          page: `/accounts/${accountA.id}/users/import`,
          button: 'Preview',
          fields: (f) => set(f, { users: `Matrix ${identity}, ${identity}-${crypto.randomBytes(4).toString('hex')}@authz.example` }),
          success: new RegExp(`^/accounts/${accountA.id}/users/import/[A-Za-z0-9_-]+$`),
          after: (answer) => void (userImports[identity] = answer.location!.split('/').pop()!),
        }),
      },
      {
        name: 'import users (import users, step 2)',
        allowed: ['full-scope'],
        target: async () => ({
          page: () => `/accounts/${accountA.id}/users/import/${fullUserImport()}`,
          button: 'Import',
          fields: (f) => set(f, { accountId: accountA.id, importId: fullUserImport() }),
          success: `/accounts/${accountA.id}/users`,
        }),
      },
      // ---- end of Import users
      // ---- Many users at once (issue 14): one post, one conditional change per user --------
      {
        name: 'suspend users at once',
        allowed: ['full-scope'],
        doneRows: 2,
        target: async () => {
          const [one, two] = [await makeUser(prisma, accountA.id), await makeUser(prisma, accountA.id)];
          return {
            page: `/accounts/${accountA.id}/users/bulk?action=suspend&userId=${one.id}&userId=${two.id}`,
            button: 'Suspend 2 users',
            fields: (f) => f,
            success: new RegExp(`^/accounts/${accountA.id}/users/bulk/[A-Za-z0-9_-]+$`),
          };
        },
      },
      {
        name: 'add admin',
        allowed: ['full-scope'],
        target: async () => {
          const suffix = crypto.randomBytes(4).toString('hex');
          return {
            page: '/admins/new',
            button: 'Add admin',
            fields: (f) =>
              set(f, {
                email: `added-${suffix}@authz.example`,
                name: `Added ${suffix}`,
                role: 'ReadOnly',
                accounts: 'chosen',
                accountIds: accountA.id,
              }),
            success: /^\/admins\/[A-Za-z0-9_-]+$/,
          };
        },
      },
      ...(
        [
          ['change role or accounts', 'change-role-or-accounts', 'Save', false, (f: [string, string][]) => set(f, { role: 'ReadOnly' })],
          ['disable admin', 'disable', 'Disable', false, (f: [string, string][]) => f],
          ['enable admin', 'enable', 'Enable', true, (f: [string, string][]) => f],
          ['reset password', 'reset-password', 'Reset password', false, (f: [string, string][]) => f],
        ] as const
      ).map(([name, page, button, disabled, fields]): Mutation => ({
        name,
        allowed: ['full-scope'],
        target: async () => {
          const subject = await makeAdmin(prisma, { accountIds: [accountA.id], disabled });
          return { page: `/admins/${subject.id}/${page}`, button, fields, success: `/admins/${subject.id}` };
        },
      })),
      // ---- Accounts (issue 14, item 1): create, rename, suspend, activate, delete ---------------
      // Administrators of all accounts only. Each cell's account is also administered by the
      // Administrator of another account, so what refuses them is the role, not the account scope.
      {
        name: 'create account',
        allowed: ['full-scope'],
        target: async () => {
          const suffix = crypto.randomBytes(4).toString('hex');
          return {
            page: '/accounts/new',
            button: 'Create account',
            fields: (f) => set(f, { name: `Authz Created ${suffix}`, type: 'Team', defaultLicense: 'Pro' }),
            success: /^\/accounts\/[A-Za-z0-9_-]+$/,
          };
        },
      },
      ...(
        [
          [
            'rename account',
            'rename',
            'Rename',
            'Active',
            (f: [string, string][]) => set(f, { name: `Authz Renamed ${crypto.randomBytes(4).toString('hex')}` }),
          ],
          ['suspend account', 'suspend', 'Suspend account', 'Active', (f: [string, string][]) => f],
          ['activate account', 'activate', 'Activate account', 'Suspended', (f: [string, string][]) => f],
          ['delete account (no users)', 'delete', 'Delete account', 'Active', (f: [string, string][]) => f],
        ] as const
      ).map(([name, page, button, status, fields]): Mutation => ({
        name,
        allowed: ['full-scope'],
        target: async () => {
          const account = await makeAccount(prisma, { name: `Authz ${page} ${crypto.randomBytes(4).toString('hex')}` });
          await prisma.account.update({ where: { id: account.id }, data: { status } });
          await prisma.adminAccount.create({ data: { adminId: people.other.id, accountId: account.id } });
          const success = page === 'delete' ? '/accounts' : `/accounts/${account.id}`;
          return { page: `/accounts/${account.id}/${page}`, button, fields, success };
        },
      })),

      // ---- Users (issue 14): Add user, Edit user, Suspend / Unsuspend user, Remove user --------
      // Administrators of account A only: the scoped admin (of B) posts A's ids and is told the
      // account or user is not theirs; read-only, disabled, signed-out and expired are refused.
      {
        name: 'add user',
        allowed: ['full-scope'],
        target: async () => {
          const suffix = crypto.randomBytes(4).toString('hex');
          return {
            page: `/accounts/${accountA.id}/users/new`,
            button: 'Add user',
            fields: (f) => set(f, { fullName: `Added ${suffix}`, email: `added-${suffix}@authz.example`, userType: 'PrivateUser' }),
            success: new RegExp(`^/accounts/${accountA.id}/users/[A-Za-z0-9_-]+$`),
          };
        },
      },
      {
        name: 'edit user',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          return {
            page: `${userPath(user)}/edit`,
            button: 'Save',
            fields: (f) => set(f, { fullName: 'Matrix Renamed', license: 'Basic' }),
            success: userPath(user),
          };
        },
      },
      ...(
        [
          ['suspend user', 'suspend', 'Suspend', 'Registered'],
          ['unsuspend user', 'unsuspend', 'Unsuspend', 'Suspended'],
          ['remove user', 'remove', 'Remove', 'Registered'],
        ] as const
      ).map(([name, page, button, registrationStatus]): Mutation => ({
        name,
        allowed: ['full-scope'],
        target: async () => {
          // Each with a number, so that suspending keeps it and removing gives it back.
          const user = await makeUser(prisma, accountA.id, { inboundCalling: true });
          await prisma.user.update({ where: { id: user.id }, data: { registrationStatus } });
          await makePhoneNumber(prisma, { user });
          return {
            page: `${userPath(user)}/${page}`,
            button,
            fields: (f) => f,
            success: page === 'remove' ? `/accounts/${accountA.id}/users` : userPath(user),
          };
        },
      })),
    ];
    const anotherPreview = mutations.find((m) => m.name.startsWith('add phone numbers from another'))!;

    const targets = new Map<string, Target>();
    for (const m of mutations) {
      for (const identity of IDENTITIES) {
        if (m === anotherPreview && identity === 'full-scope') continue; // it is the full-scope admin's own preview
        targets.set(`${m.name}|${identity}`, await m.target(identity));
      }
    }
    await db.close();
    log(`  made 2 accounts, 4 admins and a target for each of ${targets.size} cells`);

    // ---- One instance ----------------------------------------------------------------------
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), `switchboard-authz-${tag}-`));
    const secret = crypto.randomBytes(33).toString('base64url');
    instance = current = startInstance('authz', port, { DATABASE_URL: url, DATABASE_POOL_SIZE: '4', AUTH_SECRET: secret }, logDir);
    await waitUntilReady(instance);
    const I = instance;
    log(`  next start on ${I.origin} (logs in ${logDir})`);

    const jars: Record<Identity, CookieJar | null> = {
      'full-scope': await signIn(I, people.full.email, people.full.password),
      'other-account': await signIn(I, people.other.email, people.other.password),
      'read-only': await signIn(I, people.readOnly.email, people.readOnly.password),
      disabled: await signIn(I, people.disabled.email, people.disabled.password),
      'signed-out': null,
      expired: new CookieJar(),
    };
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const c = client;
    await c.query(`update "Admin" set "disabledAt" = now() where id = $1`, [people.disabled.id]);
    // next-auth v5 reads the JWE in `authjs.session-token` (plain http), salted with the cookie's name.
    const mint = (maxAge: number) => encode({ token: { sub: people.full.id, sessionVersion: 1 }, secret, salt: SESSION_COOKIE, maxAge });
    jars.expired!.set(SESSION_COOKIE, await mint(-3600));
    {
      const control = new CookieJar();
      control.set(SESSION_COOKIE, await mint(3600));
      const fresh = await request(I, '/accounts', control);
      const expired = await request(I, '/accounts', jars.expired);
      const disabledAnswer = await request(I, '/accounts', jars.disabled);
      check(
        'a cookie minted the same way but not expired is a session; the expired one and the disabled admin’s are not',
        fresh.status === 200 && Boolean(expired.location?.startsWith('/login')) && Boolean(disabledAnswer.location?.startsWith('/login')),
        `fresh: ${fresh.status}; expired: ${expired.status} → ${expired.location}; disabled: ${disabledAnswer.status} → ${disabledAnswer.location}`,
      );
    }

    const tables = (
      await c.query<{ t: string }>(
        `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      )
    ).rows
      .map((r) => r.t)
      .filter((t) => !NOT_COMPARED.has(t));
    const snapshot = async () => {
      const out: Record<string, string> = {};
      for (const t of tables) {
        out[t] = (await c.query<{ j: string }>(`select coalesce(json_agg(x order by x::text), '[]')::text as j from "${t}" x`)).rows[0]!.j;
      }
      return out;
    };
    const changedTables = (a: Record<string, string>, b: Record<string, string>) => tables.filter((t) => a[t] !== b[t]);
    const auditRows = async () =>
      (await c.query<{ n: number; max: string | null }>(`select count(*)::int as n, max(seq)::text as max from "AuditEvent"`)).rows[0]!;
    const newAudit = async (afterSeq: string | null) =>
      (
        await c.query<{ action: string; outcome: string }>(`select action, outcome::text from "AuditEvent" where seq > $1 order by seq`, [
          afterSeq ?? '0',
        ])
      ).rows;

    log(`\n== The matrix: ${mutations.length} mutations × ${IDENTITIES.length} identities`);
    for (const m of mutations) {
      // Refused identities first, then the allowed ones, the full-scope admin last: until then the
      // page they render (their own preview, say) is as it was.
      const rank = (i: Identity) => (i === 'full-scope' ? 2 : m.allowed.includes(i) ? 1 : 0);
      const order = [...IDENTITIES].sort((a, b) => rank(a) - rank(b));
      for (const identity of order) {
        const target = targets.get(`${m.name}|${identity}`);
        if (!target) continue;
        const expected = m.allowed.includes(identity) ? 'allowed' : 'refused';
        const pagePath = typeof target.page === 'function' ? target.page() : target.page;
        const page = await request(I, pagePath, jars['full-scope']);
        const form = findForm(page.html, target.button);
        const cellName = `${m.name} × ${identity}`;
        if (page.status !== 200 || !form) {
          const detail = `the form (${target.button}) did not render for the full-scope admin: ${page.status} ${page.location ?? ''} ${textOf(page.html).slice(0, 160)}`;
          cells.push({ mutation: m.name, identity, expected, outcome: 'no form', ok: false, detail });
          check(cellName, false, detail);
          continue;
        }
        const fields = target.fields(form.fields, form.radios);
        const before = await snapshot();
        const audit0 = await auditRows();
        const body = new FormData();
        for (const [k, v] of fields) body.append(k, v);
        const answer = await request(I, pagePath, jars[identity], { method: 'POST', body, headers: { Origin: I.origin } });
        const after = await snapshot();
        const rows = await newAudit(audit0.max);
        const changed = changedTables(before, after);
        const messages = answer.status === 200 ? problemsOf(answer.html) : null;
        const outcome =
          answer.status >= 300 && answer.status < 400
            ? `${answer.status} → ${answer.location}`
            : answer.status === 200
              ? messages
                ? `200 “${messages.join(' | ').slice(0, 90)}”`
                : /You have read-only access[^.]*\./.test(textOf(answer.html))
                  ? `200 page says “${textOf(answer.html).match(/You have read-only access[^.]*\./)![0]}” (no error summary)`
                  : `200 without a message: ${textOf(answer.html).slice(0, 120)}`
              : `${answer.status} ${textOf(answer.html).slice(0, 120)}`;
        const successAnswer =
          [302, 303].includes(answer.status) &&
          (typeof target.success === 'string' ? answer.location === target.success : target.success.test(answer.location ?? ''));
        let ok: boolean;
        let detail: string;
        const auditSaid = rows.map((r) => `${r.action} ${r.outcome}`).join(', ') || 'no audit row';
        if (expected === 'allowed') {
          const doneRows = m.doneRows ?? 1;
          ok = successAnswer && changed.length > 0 && rows.length === doneRows && rows.every((r) => r.outcome === 'Done');
          detail = `${outcome}; changed ${changed.join(', ') || 'nothing'}; ${auditSaid}`;
          if (ok) target.after?.(answer);
        } else {
          const clear =
            answer.status < 500 &&
            !successAnswer &&
            // A read-only admin is shown the page without the form, saying why: that is an answer too.
            ((answer.status === 200 && (messages !== null || /You have read-only access/.test(textOf(answer.html)))) ||
              ([302, 303, 307].includes(answer.status) &&
                (Boolean(answer.location?.startsWith('/login')) || answer.location === '/not-found')));
          const refusalRow =
            rows.length === 1 && ['Denied', 'Invalid', ...(m.refusedForAll ? ['Conflict'] : [])].includes(rows[0]!.outcome);
          ok = clear && changed.length === 0 && refusalRow;
          detail =
            `${outcome}${clear ? '' : ' (not a clear refusal)'}; ` +
            `${changed.length ? `CHANGED ${changed.join(', ')}` : 'nothing changed'}; ${rows.length} audit row${rows.length === 1 ? '' : 's'} (${auditSaid})`;
        }
        cells.push({ mutation: m.name, identity, expected, outcome, ok, detail });
        check(cellName, ok, `expected ${expected}: ${detail}`);
      }
    }

    // ---- The table -------------------------------------------------------------------------
    log(`\n== Matrix (✓ as expected, ✗ not; A = allowed and changed, R = refused and nothing changed)`);
    const short = (cell: Cell) => {
      const o = cell.outcome;
      const kind =
        o.startsWith('303 → /login') || o.startsWith('307 → /login')
          ? 'login'
          : o.includes('/not-found')
            ? 'not-found'
            : o.startsWith('200 “')
              ? 'message'
              : o.startsWith('200 page says')
                ? 'read-only'
                : o.startsWith('303')
                  ? 'redirect'
                  : o.slice(0, 9);
      return `${cell.ok ? '✓' : '✗'} ${cell.expected === 'allowed' ? 'A' : 'R'} ${kind}`;
    };
    const width = Math.max(...mutations.map((m) => m.name.length));
    log(`${'mutation'.padEnd(width)} | ${IDENTITIES.map((i) => i.padEnd(13)).join(' | ')}`);
    for (const m of mutations) {
      log(
        `${m.name.padEnd(width)} | ${IDENTITIES.map((i) => {
          const cell = cells.find((c) => c.mutation === m.name && c.identity === i);
          return (cell ? short(cell) : '—').padEnd(13);
        }).join(' | ')}`,
      );
    }

    // next-auth logs every expired or undecryptable session cookie as a JWTSessionError (a
    // three-line block): expected here, where the expired identity posts on purpose.
    const lines = fs.readFileSync(I.logFile, 'utf8').split('\n');
    const jwtNoise = /JWTSessionError|errors\.authjs\.dev#jwtsessionerror|^\s*kind: 'error',$/;
    log(
      `  next-auth logged ${lines.filter((l) => /type: 'JWTSessionError'/.test(l)).length} JWTSessionError blocks (the expired cookie's requests)`,
    );
    const errors = lines.filter((line) => /error|⨯|exception|unhandled/i.test(line) && !jwtNoise.test(line));
    for (const line of errors.slice(0, 10)) log(`    ${line}`);
    check('no errors in the server’s log', errors.length === 0, `${errors.length} lines`);
  } catch (err) {
    check('the matrix ran to the end', false, (err as Error).stack ?? (err as Error).message);
    if (instance) log(tail(instance.logFile, 20));
  } finally {
    await client?.end().catch(() => {});
    if (instance) await stopInstance(instance);
    current = null;
    if (created && !options.keep) {
      await withClient(server, (c) => c.query(`drop database if exists ${dbName} with (force)`)).catch((err: Error) =>
        log(`  could not drop ${dbName}: ${err.message}`),
      );
    }
  }
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  const result: MatrixResult = {
    ok: failed === 0,
    passed,
    failed,
    checks,
    cells,
    database: dbName,
    logs: failed || options.keep ? logDir : null,
  };
  if (logDir && !result.logs) fs.rmSync(logDir, { recursive: true, force: true });
  log(`\n== Summary`);
  log(
    `  database ${dbName} ${created ? (options.keep ? 'kept' : 'dropped') : 'not created'}${result.logs ? `; server log in ${result.logs}` : ''}`,
  );
  for (const c of checks.filter((c) => !c.ok)) log(`  FAILED: ${c.name} — ${c.detail}`);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(result, null, 2));
  log(`${passed} passed, ${failed} failed`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { 'postgres-url': { type: 'string' }, port: { type: 'string' }, keep: { type: 'boolean' }, json: { type: 'string' } },
  });
  // Ctrl+C: the exit handler kills the server; the scratch database is left (its name is printed).
  process.once('SIGINT', () => process.exit(130));
  runMatrix({
    postgresUrl: values['postgres-url'],
    port: values.port ? Number(values.port) : undefined,
    keep: values.keep,
    json: values.json,
  }).then(
    (result) => process.exit(result.ok ? 0 : 1),
    (err: Error) => {
      console.error(`The matrix cannot run: ${err.message}`);
      process.exit(1);
    },
  );
}
