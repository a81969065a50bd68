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
// The API (/api/v1): every mutating endpoint, one row each in apiEndpoints (the OpenAPI document the
// instance serves must list exactly those), called by ten callers: an Administrator of another
// account's token, a read-only token, a revoked, an expired one, one of a disabled admin, one of an
// admin whose role changed after it was made (Stopped), no token, a browser session cookie instead
// of a token, a provisioning (SCIM) token, and last the good token. Each cell has its own target
// and token, so the calls run several at a time: only the allowed ones change the target's rows,
// the refused ones together change no table, and each refusal has its audit row, outcome Denied:
// 'api-request' naming the token (or no one) for a caller the route wrapper refused, the data
// function's own action naming the token for a read-only token or another account's admin. A route
// the app lacks answers a 404 page, not problem+json: its cells fail, saying NO ROUTE.
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
import type { PrismaClient } from '../lib/generated/prisma/client';
import { makeAccount, makeAdmin, makeApiToken, makePhoneNumber, makeUser, uniqueLocalE164 } from '../lib/test/factories';
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
  apiCells: ApiCell[];
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
  /** Files to upload with the fields, by field name: a CSV's text. */
  files?: Record<string, string>;
};

export async function runMatrix(options: MatrixOptions = {}): Promise<MatrixResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = options.postgresUrl || process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  const port = options.port ?? (Number(process.env.AUTHZ_PORT) || 3221);
  assertLocal(server);
  const checks: Check[] = [];
  const cells: Cell[] = [];
  let apiCells: ApiCell[] = [];
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
    const changeFiles: Partial<Record<Identity, string>> = {};
    const fullChangeFile = () => changeFiles['full-scope'] ?? 'no-file-yet';

    const makePreset = (accountId: string) => {
      const name = `Matrix preset ${crypto.randomBytes(4).toString('hex')}`;
      return prisma.permissionPreset.create({
        data: { accountId, name, nameKey: name.toLowerCase(), inboundCalling: true, outboundCalling: true },
        select: { id: true },
      });
    };
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
        // One change, two users: each gets their own audit row.
        name: 'move phone number',
        allowed: ['full-scope'],
        doneRows: 2,
        target: async () => {
          const from = await makeUser(prisma, accountA.id);
          await makePhoneNumber(prisma, { user: from });
          const to = await makeUser(prisma, accountA.id);
          return {
            page: `${userPath(from)}/move-phone-number?to=${to.id}`,
            button: 'Move',
            fields: (f) => set(f, { keepPermissions: 'on' }),
            success: userPath(to),
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
        name: 'unassign phone numbers at once',
        allowed: ['full-scope'],
        doneRows: 2,
        target: async () => {
          const [one, two] = [await makeUser(prisma, accountA.id), await makeUser(prisma, accountA.id)];
          for (const user of [one, two]) await makePhoneNumber(prisma, { user });
          return {
            page: `/accounts/${accountA.id}/users/bulk?action=unassign-phone-number&userId=${one.id}&userId=${two.id}`,
            button: 'Unassign 2 users',
            fields: (f) => f,
            success: new RegExp(`^/accounts/${accountA.id}/users/bulk/[A-Za-z0-9_-]+$`),
          };
        },
      },
      {
        name: 'set permissions at once',
        allowed: ['full-scope'],
        doneRows: 2,
        target: async () => {
          const [one, two] = [await makeUser(prisma, accountA.id), await makeUser(prisma, accountA.id)];
          for (const user of [one, two]) await makePhoneNumber(prisma, { user });
          return {
            page: `/accounts/${accountA.id}/users/bulk?action=set-permissions&userId=${one.id}&userId=${two.id}`,
            button: 'Save for 2 users',
            fields: (f) => set(f, { inboundCalling: 'on' }),
            success: new RegExp(`^/accounts/${accountA.id}/users/bulk/[A-Za-z0-9_-]+$`),
          };
        },
      },
      // ---- Change phone numbers from a file (lib/telephony/phone-change-files.ts): the dry run
      // writes a PhoneNumberChangeFile and is refused like a change; Apply posts the full-scope
      // admin's own file as every identity, and makes its one row's change (audited) and a summary.
      {
        name: 'change phone numbers from a file (dry run)',
        allowed: ['full-scope'],
        doneRows: 0,
        target: async (identity) => {
          const user = await makeUser(prisma, accountA.id);
          const number = await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
          return {
            page: `/accounts/${accountA.id}/users/change-phone-numbers`,
            button: 'Dry run',
            fields: (f) => f,
            files: { csv: `User,Phone number\r\n${user.email},${number.e164}\r\n` },
            success: new RegExp(`^/accounts/${accountA.id}/users/change-phone-numbers/[A-Za-z0-9_-]+$`),
            after: (answer) => void (changeFiles[identity] = answer.location!.split('/').pop()!),
          };
        },
      },
      {
        name: 'change phone numbers from a file (apply)',
        allowed: ['full-scope'],
        doneRows: 2,
        target: async () => ({
          page: () => `/accounts/${accountA.id}/users/change-phone-numbers/${fullChangeFile()}`,
          button: 'Apply',
          fields: (f) => set(f, { accountId: accountA.id, fileId: fullChangeFile() }),
          success: new RegExp(`^/accounts/${accountA.id}/users/change-phone-numbers/[A-Za-z0-9_-]+$`),
        }),
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

      // ---- Permission presets (issue 16): the account's Administrators add, edit and delete them;
      // assigning with one is the assignment's own check, plus the preset's (in the account).
      {
        name: 'add permission preset',
        allowed: ['full-scope'],
        target: async () => ({
          page: `/accounts/${accountA.id}/permission-presets/new`,
          button: 'Add preset',
          fields: (f) => set(f, { name: `Matrix ${crypto.randomBytes(4).toString('hex')}`, inboundCalling: 'on' }),
          success: `/accounts/${accountA.id}/permission-presets`,
        }),
      },
      ...(
        [
          ['edit permission preset', 'edit', 'Save', { name: 'Matrix edited', sms: 'on' }],
          ['delete permission preset', 'delete', 'Delete', { confirm: 'on' }],
        ] as const
      ).map(([name, page, button, values]): Mutation => ({
        name,
        allowed: ['full-scope'],
        target: async () => {
          const preset = await makePreset(accountA.id);
          return {
            page: `/accounts/${accountA.id}/permission-presets/${preset.id}/${page}`,
            button,
            fields: (f) => set(f, values),
            success: `/accounts/${accountA.id}/permission-presets`,
          };
        },
      })),
      {
        name: 'assign phone number with a permission preset',
        allowed: ['full-scope'],
        target: async () => {
          const user = await makeUser(prisma, accountA.id);
          const n = await makePhoneNumber(prisma);
          const preset = await makePreset(accountA.id);
          return {
            page: `${userPath(user)}/assign-phone-number?q=${n.e164.slice(2)}`,
            button: 'Assign',
            fields: (f) => set(f, { phoneNumberId: n.id, permissionPreset: `${preset.id}:1` }),
            success: userPath(user),
          };
        },
      },
    ];
    const anotherPreview = mutations.find((m) => m.name.startsWith('add phone numbers from another'))!;

    const targets = new Map<string, Target>();
    for (const m of mutations) {
      for (const identity of IDENTITIES) {
        if (m === anotherPreview && identity === 'full-scope') continue; // it is the full-scope admin's own preview
        targets.set(`${m.name}|${identity}`, await m.target(identity));
      }
    }
    // The API's cells: a target and a token each; one more admin, whose role changes after.
    const apiSetup = performance.now();
    const api = await makeApiTargets(prisma, { ...people, changed: await makeAdmin(prisma, { allAccounts: true }) }, accountA);
    await db.close();
    log(
      `  made 2 accounts, 5 admins and a target for each of ${targets.size} form cells and ${api.targets.size} API cells ` +
        `(the API's in ${((performance.now() - apiSetup) / 1000).toFixed(1)} s)`,
    );

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
    const mint = (maxAge: number) =>
      encode({
        token: {
          sub: people.full.id,
          sessionVersion: 1,
          sid: crypto.randomBytes(16).toString('base64url'),
          signedInAt: Math.floor(Date.now() / 1000),
        },
        secret,
        salt: SESSION_COOKIE,
        maxAge,
      });
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
        // A token's last use is written by every call it authenticates, refused or not.
        const row = t === 'ApiToken' ? `(to_jsonb(x) - 'lastUsedAt')` : 'x';
        out[t] = (
          await c.query<{ j: string }>(`select coalesce(json_agg(${row} order by ${row}::text), '[]')::text as j from "${t}" x`)
        ).rows[0]!.j;
      }
      return out;
    };
    const changedTables = (a: Record<string, string>, b: Record<string, string>) => tables.filter((t) => a[t] !== b[t]);
    const auditRows = async () =>
      (await c.query<{ n: number; max: string | null }>(`select count(*)::int as n, max(seq)::text as max from "AuditEvent"`)).rows[0]!;
    const newAudit = async (afterSeq: string | null) =>
      (
        await c.query<{ action: string; outcome: string; named: string | null }>(
          `select action, outcome::text, coalesce("accountId", "userId", "phoneNumberId") as named from "AuditEvent" where seq > $1 order by seq`,
          [afterSeq ?? '0'],
        )
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
        for (const [k, text] of Object.entries(target.files ?? {})) body.set(k, new Blob([text], { type: 'text/csv' }), `${k}.csv`);
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
          // Without a valid session the post's ids are anyone's claim: its refusal names no account,
          // user or number (issue 13), so it cannot be planted in their history.
          const sessionless = ['signed-out', 'expired', 'disabled'].includes(identity);
          const refusalRow =
            rows.length === 1 &&
            ['Denied', 'Invalid', ...(m.refusedForAll ? ['Conflict'] : [])].includes(rows[0]!.outcome) &&
            (!sessionless || rows[0]!.named === null);
          ok = clear && changed.length === 0 && refusalRow;
          detail =
            `${outcome}${clear ? '' : ' (not a clear refusal)'}; ` +
            `${changed.length ? `CHANGED ${changed.join(', ')}` : 'nothing changed'}; ${rows.length} audit row${rows.length === 1 ? '' : 's'} (${auditSaid})`;
        }
        cells.push({ mutation: m.name, identity, expected, outcome, ok, detail });
        check(cellName, ok, `expected ${expected}: ${detail}`);
      }
    }

    log(`\n== The API: ${api.endpoints.length} endpoints × ${API_IDENTITIES.length} callers`);
    apiCells = await runApiMatrix({
      I,
      c,
      endpoints: api.endpoints,
      targets: api.targets,
      sessionCookie: jars['full-scope']!.header(),
      snapshot,
      changedTables,
      check,
      log,
    });

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

    logApiTable(apiCells, api.endpoints, log);

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
    apiCells,
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

// ---- The API (issue 15) ---------------------------------------------------------------------
// Every mutating endpoint of /api/v1, called with nine callers that must change nothing and then
// with a good token. The endpoints are one table (apiEndpoints below); the OpenAPI document the
// instance serves must list exactly them (a new mutating operation without a row here fails).

export const API_IDENTITIES = [
  'other-account',
  'read-only',
  'revoked',
  'expired',
  'disabled',
  'role-changed',
  'no-token',
  'session-cookie',
  'provisioning',
  'good',
] as const;
export type ApiIdentity = (typeof API_IDENTITIES)[number];
export type ApiCell = {
  endpoint: string;
  identity: ApiIdentity;
  expected: 'allowed' | 'refused';
  outcome: string;
  ok: boolean;
  detail: string;
};

/**
 * Why the route wrapper refuses each caller that is not a token it can use (lib/api/route.ts): a
 * 401, audited as 'api-request' with that reason, naming the token when it was one of ours.
 */
const CALLER_REFUSALS: Partial<Record<ApiIdentity, string>> = {
  revoked: 'revoked',
  expired: 'expired',
  disabled: 'stopped',
  'role-changed': 'stopped',
  provisioning: 'wrong-kind',
  'no-token': 'missing',
  'session-cookie': 'missing',
};

type Sql = { sql: string; params: unknown[] };
type Row = Record<string, unknown>;

/** One mutating endpoint: what a call to it looks like, and how to tell it did its work. */
type ApiEndpoint = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document names it, under /api/v1. */
  path: string;
  /** The data function's audit action: its Done rows, and its refusals of a read-only token. */
  action: string;
  /** What a success answers. */
  success: number[];
  /** How an Administrator of another account is refused: 403 (their role) or 404 (not theirs). */
  otherAccount?: 403 | 404;
  /** Callers besides the good token that may make this change (the inventory is every Administrator's). */
  allowedToo?: ApiIdentity[];
  /** 'Done' audit rows a success adds. */
  doneRows?: number;
  /** This cell's own target, made before the server starts. */
  target: () => Promise<ApiTarget>;
};
type ApiTarget = {
  /** The concrete path, under /api/v1. */
  path: string;
  body?: unknown;
  /** The rows this call could change, read before and after it. */
  state: Sql;
  /** Whether the rows after a success are what the change should make them. */
  done: (rows: Row[]) => boolean;
};

type ApiPeople = { full: { id: string }; other: { id: string }; disabled: { id: string }; changed: { id: string } };

/** The users a user endpoint's cell changes: one each, in account A, with or without a number. */
const USER_STATE = `select u."fullName", u."registrationStatus"::text as status, u."removedAt" is not null as removed,
  u."inboundCalling", u."outboundCalling", u.sms, u.version,
  (select json_agg(p.id order by p.id) from "PhoneNumber" p where p."userId" = u.id) as numbers
  from "User" u where u.id = $1`;
const userState = (id: string): Sql => ({ sql: USER_STATE, params: [id] });
const countOf = (table: string, column: string, value: string): Sql => ({
  sql: `select count(*)::int as n from "${table}" where "${column}" = $1`,
  params: [value],
});

function apiEndpoints(prisma: PrismaClient, accountA: { id: string }): ApiEndpoint[] {
  const hex = () => crypto.randomBytes(4).toString('hex');
  const user = async (options: { number?: boolean; status?: 'Registered' | 'Suspended' } = {}) => {
    const u = await makeUser(prisma, accountA.id, { inboundCalling: options.number && options.status !== 'Suspended' });
    if (options.status) await prisma.user.update({ where: { id: u.id }, data: { registrationStatus: options.status } });
    if (options.number) await makePhoneNumber(prisma, { user: u });
    return u;
  };
  const first = (rows: Row[]) => rows[0] ?? {};
  return [
    {
      method: 'POST',
      path: '/accounts',
      action: 'create-account',
      success: [201],
      otherAccount: 403,
      target: async () => {
        const name = `Authz API ${hex()}`;
        return {
          path: '/accounts',
          body: { name, type: 'Team', defaultLicense: 'Pro' },
          state: countOf('Account', 'name', name),
          done: (r) => first(r).n === 1,
        };
      },
    },
    {
      method: 'POST',
      path: '/users',
      action: 'add-user',
      success: [201],
      target: async () => {
        const suffix = hex();
        const email = `api-added-${suffix}@authz.example`;
        return {
          path: '/users',
          body: { accountId: accountA.id, fullName: `API Added ${suffix}`, email, userType: 'PrivateUser' },
          state: countOf('User', 'email', email),
          done: (r) => first(r).n === 1,
        };
      },
    },
    {
      method: 'PATCH',
      path: '/users/{userId}',
      action: 'edit-user',
      success: [200],
      target: async () => {
        const u = await user();
        return {
          path: `/users/${u.id}`,
          body: { fullName: 'Matrix Renamed' },
          state: userState(u.id),
          done: (r) => first(r).fullName === 'Matrix Renamed',
        };
      },
    },
    {
      method: 'DELETE',
      path: '/users/{userId}',
      action: 'remove-user',
      success: [200],
      target: async () => {
        // With a number, so that removing gives it back.
        const u = await user({ number: true, status: 'Registered' });
        return { path: `/users/${u.id}`, state: userState(u.id), done: (r) => first(r).removed === true && first(r).numbers === null };
      },
    },
    {
      method: 'POST',
      path: '/users/{userId}/suspend',
      action: 'suspend-user',
      success: [200],
      target: async () => {
        const u = await user({ number: true, status: 'Registered' });
        return { path: `/users/${u.id}/suspend`, state: userState(u.id), done: (r) => first(r).status === 'Suspended' };
      },
    },
    {
      method: 'POST',
      path: '/users/{userId}/unsuspend',
      action: 'unsuspend-user',
      success: [200],
      target: async () => {
        const u = await user({ number: true, status: 'Suspended' });
        return { path: `/users/${u.id}/unsuspend`, state: userState(u.id), done: (r) => first(r).status !== 'Suspended' };
      },
    },
    {
      method: 'POST',
      path: '/users/{userId}/phone-number',
      action: 'assign-phone-number',
      success: [201],
      target: async () => {
        const u = await user();
        const n = await makePhoneNumber(prisma);
        return {
          path: `/users/${u.id}/phone-number`,
          body: { phoneNumberId: n.id },
          state: userState(u.id),
          done: (r) => JSON.stringify(first(r).numbers) === JSON.stringify([n.id]),
        };
      },
    },
    {
      method: 'DELETE',
      path: '/users/{userId}/phone-number',
      action: 'unassign-phone-number',
      success: [200],
      target: async () => {
        const u = await user({ number: true });
        return { path: `/users/${u.id}/phone-number`, state: userState(u.id), done: (r) => first(r).numbers === null };
      },
    },
    {
      method: 'PATCH',
      path: '/users/{userId}/telephony-permissions',
      action: 'edit-telephony-permissions',
      success: [200],
      target: async () => {
        const u = await makeUser(prisma, accountA.id);
        await makePhoneNumber(prisma, { user: u });
        return {
          path: `/users/${u.id}/telephony-permissions`,
          body: { sms: true },
          state: userState(u.id),
          done: (r) => first(r).sms === true,
        };
      },
    },
    {
      // The inventory is not any account's: every Administrator may add numbers, as in the console.
      method: 'POST',
      path: '/phone-numbers',
      action: 'add-phone-numbers',
      success: [200, 201],
      allowedToo: ['other-account'],
      target: async () => {
        const e164 = uniqueLocalE164();
        return {
          path: '/phone-numbers',
          body: { numbers: [e164] },
          state: countOf('PhoneNumber', 'e164', e164),
          done: (r) => first(r).n === 1,
        };
      },
    },
  ];
}

type ApiCallTarget = ApiTarget & { identity: ApiIdentity; token: { id: string; name: string; secret: string } | null };

/** Every cell's target and token, made in the one setup before the server starts. */
async function makeApiTargets(prisma: PrismaClient, people: ApiPeople, accountA: { id: string }) {
  const endpoints = apiEndpoints(prisma, accountA);
  const targets = new Map<string, ApiCallTarget>();
  const past = new Date(Date.now() - 3_600_000);
  // Each cell its own token, so that every audit row is told apart by the token it names.
  const tokenOf = (identity: ApiIdentity) => {
    switch (identity) {
      case 'other-account':
        return makeApiToken(prisma, people.other.id);
      case 'read-only':
        return makeApiToken(prisma, people.full.id, { readOnly: true });
      case 'revoked':
        return makeApiToken(prisma, people.full.id, { revoked: true });
      case 'expired':
        return makeApiToken(prisma, people.full.id, { expiresAt: past });
      case 'disabled':
        return makeApiToken(prisma, people.disabled.id);
      case 'role-changed':
        return makeApiToken(prisma, people.changed.id);
      case 'provisioning':
        return makeApiToken(prisma, people.full.id, { kind: 'Provisioning', accountId: accountA.id });
      case 'good':
        return makeApiToken(prisma, people.full.id);
      default:
        return null;
    }
  };
  // The endpoints side by side (the pool has 4 connections), each one's cells in turn.
  await inPool(
    endpoints.map((e) => async () => {
      for (const identity of API_IDENTITIES)
        targets.set(`${apiName(e)}|${identity}`, { ...(await e.target()), identity, token: await tokenOf(identity) });
    }),
    4,
  );
  // The role-changed admin's tokens were made under their old sessionVersion: changing the role
  // moves it (as the Admins page does), so the tokens stop, as the admin's sessions do.
  await prisma.admin.update({ where: { id: people.changed.id }, data: { role: 'ReadOnly', sessionVersion: { increment: 1 } } });
  return { endpoints, targets };
}

const apiName = (e: { method: string; path: string }) => `${e.method} ${e.path}`;

type ApiAnswer = { status: number; type: string; authenticate: string | null; text: string };

async function callApi(
  I: Instance,
  method: string,
  pathname: string,
  who: { token?: string; cookie?: string },
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.cookie) headers.cookie = who.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${I.origin}/api/v1${pathname}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    authenticate: response.headers.get('www-authenticate'),
    text: await response.text(),
  };
}

/** Runs `tasks` at most `n` at a time. */
async function inPool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

const PROBLEM = 'application/problem+json';
const isProblem = (a: ApiAnswer) => a.type.split(';')[0]!.trim() === PROBLEM;
/** An App Router 404 for a path it has no route for is a page, not problem+json. */
const noRoute = (a: ApiAnswer) => a.status === 404 && !isProblem(a);
function describeAnswer(a: ApiAnswer): string {
  if (noRoute(a)) return '404 NO ROUTE';
  if (isProblem(a)) {
    try {
      const p = JSON.parse(a.text) as { detail?: string };
      return `${a.status} “${(p.detail ?? '').slice(0, 90)}”`;
    } catch {
      /* not JSON after all */
    }
  }
  return `${a.status} ${a.type.split(';')[0]} ${a.text.slice(0, 80)}`;
}

type AuditRow = {
  action: string;
  outcome: string;
  tokenId: string | null;
  tokenName: string | null;
  adminId: string | null;
  after: Row | null;
};

/**
 * The API's part of the matrix: the refused calls all at once (each cell has its own target and
 * token, so its rows and audit rows are its own), then the other allowed callers, the good token last.
 */
async function runApiMatrix(args: {
  I: Instance;
  c: pg.Client;
  endpoints: ApiEndpoint[];
  targets: Map<string, ApiCallTarget>;
  sessionCookie: string;
  snapshot: () => Promise<Record<string, string>>;
  changedTables: (a: Record<string, string>, b: Record<string, string>) => string[];
  check: (name: string, ok: boolean, detail: string) => void;
  log: (line: string) => void;
}): Promise<ApiCell[]> {
  const { I, c, endpoints, targets, check, log } = args;
  const cells: ApiCell[] = [];
  const CONCURRENCY = 8;

  // The document the instance serves lists exactly the mutating operations of this table.
  const doc = JSON.parse((await callApi(I, 'GET', '/openapi.json', {})).text) as { paths?: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) =>
    Object.keys(ops)
      .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${p}`),
  );
  const tabled = endpoints.map(apiName);
  const untabled = documented.filter((op) => !tabled.includes(op));
  const undocumented = tabled.filter((op) => !documented.includes(op));
  check(
    'API: every mutating operation of the OpenAPI document has a row in the matrix',
    untabled.length === 0,
    untabled.length ? `add a row to apiEndpoints for: ${untabled.join(', ')}` : `${documented.length} operations`,
  );
  check(
    'API: every endpoint of the matrix is in the OpenAPI document',
    undocumented.length === 0,
    undocumented.length ? `MISSING (is the branch that adds them merged?): ${undocumented.join(', ')}` : '',
  );

  const state = async (t: ApiCallTarget) => JSON.stringify((await c.query(t.state.sql, t.state.params)).rows);
  const seq0 = (await c.query<{ max: string | null }>(`select max(seq)::text as max from "AuditEvent"`)).rows[0]!.max ?? '0';
  type Run = { e: ApiEndpoint; t: ApiCallTarget; before: string; answer: ApiAnswer; after: string };
  const call = (e: ApiEndpoint, t: ApiCallTarget) => async (): Promise<Run> => {
    const before = await state(t);
    const who = t.identity === 'session-cookie' ? { cookie: args.sessionCookie } : { token: t.token?.secret };
    const answer = await callApi(I, e.method, t.path, who, t.body);
    return { e, t, before, answer, after: await state(t) };
  };
  const allowed = (e: ApiEndpoint, identity: ApiIdentity) => identity === 'good' || Boolean(e.allowedToo?.includes(identity));
  const cellsOf = (pick: (e: ApiEndpoint, identity: ApiIdentity) => boolean) =>
    endpoints.flatMap((e) => API_IDENTITIES.filter((i) => pick(e, i)).map((i) => call(e, targets.get(`${apiName(e)}|${i}`)!)));

  const started = performance.now();
  const whole0 = await args.snapshot();
  const refused = await inPool(
    cellsOf((e, i) => !allowed(e, i)),
    CONCURRENCY,
  );
  const whole1 = await args.snapshot();
  const others = await inPool(
    cellsOf((e, i) => i !== 'good' && allowed(e, i)),
    CONCURRENCY,
  );
  const good = await inPool(
    cellsOf((_e, i) => i === 'good'),
    CONCURRENCY,
  );
  const runs = [...refused, ...others, ...good];
  const changed = args.changedTables(whole0, whole1);
  check(
    'API: the refused calls together changed no table (API tokens’ last use aside)',
    changed.length === 0,
    changed.length ? `CHANGED ${changed.join(', ')}` : `${refused.length} calls`,
  );

  const audit = (
    await c.query<AuditRow>(
      `select action, outcome::text as outcome, "tokenId", "tokenName", "adminId", after from "AuditEvent" where seq > $1 order by seq`,
      [seq0],
    )
  ).rows;
  // Calls without a token of ours are told apart by what they asked: as many rows for a method
  // and path as such calls made to it.
  const tokenless = (method: string, pathname: string) =>
    audit.filter((r) => !r.tokenId && r.action === 'api-request' && r.after?.method === method && r.after?.path === `/api/v1${pathname}`);
  const tokenlessCalls = new Map<string, number>();
  for (const r of runs)
    if (!r.t.token) tokenlessCalls.set(`${r.e.method} ${r.t.path}`, (tokenlessCalls.get(`${r.e.method} ${r.t.path}`) ?? 0) + 1);

  // An endpoint the app has no route for fails once, loudly, not once per caller.
  const missingRoutes = new Set(endpoints.filter((e) => runs.every((r) => r.e !== e || noRoute(r.answer))).map(apiName));
  for (const name of missingRoutes)
    check(
      `API ${name}: the route exists`,
      false,
      'NO ROUTE: every call got a 404 page, not problem+json. Is the branch that adds it merged?',
    );
  for (const { e, t, before, answer, after } of runs) {
    const expected = allowed(e, t.identity) ? 'allowed' : 'refused';
    const outcome = describeAnswer(answer);
    if (missingRoutes.has(apiName(e))) {
      cells.push({ endpoint: apiName(e), identity: t.identity, expected, outcome, ok: false, detail: 'no route' });
      continue;
    }
    const rows = t.token ? audit.filter((r) => r.tokenId === t.token!.id) : tokenless(e.method, t.path);
    const said = rows.map((r) => `${r.action} ${r.outcome}${r.tokenName ? ` (${r.tokenName})` : ''}`).join(', ') || 'no audit row';
    const stateChanged = before !== after;
    let ok: boolean;
    let detail: string;
    if (expected === 'allowed') {
      const doneRows = e.doneRows ?? 1;
      const done = e.success.includes(answer.status) && t.done(JSON.parse(after) as Row[]);
      ok = done && rows.length === doneRows && rows.every((r) => r.action === e.action && r.outcome === 'Done');
      detail = `${outcome}; ${stateChanged ? (done ? 'changed as asked' : `changed, but not as asked: ${after.slice(0, 160)}`) : 'NOTHING CHANGED'}; ${said}`;
    } else {
      const reason = CALLER_REFUSALS[t.identity];
      const status = reason ? 401 : t.identity === 'read-only' ? 403 : (e.otherAccount ?? 404);
      const clear = answer.status === status && isProblem(answer) && (status !== 401 || Boolean(answer.authenticate?.startsWith('Bearer')));
      // The row that says so: the wrapper's for a caller it refused (the reason, the token if it
      // was ours), the data function's own for a read-only token or another account's admin.
      const audited =
        rows.length === (t.token ? 1 : tokenlessCalls.get(`${e.method} ${t.path}`)) &&
        rows.every(
          (r) =>
            r.outcome === 'Denied' &&
            (reason
              ? r.action === 'api-request' && r.after?.reason === reason && (t.token ? r.adminId !== null : r.adminId === null)
              : r.action === e.action && r.tokenName === t.token!.name),
        );
      ok = clear && !stateChanged && audited;
      detail =
        `${outcome}${clear ? '' : ` (expected ${status} problem+json)`}; ${stateChanged ? `CHANGED ${after.slice(0, 160)}` : 'nothing changed'}; ` +
        `${rows.length} audit row${rows.length === 1 ? '' : 's'} (${said})${audited ? '' : ' (not the refusal expected)'}`;
    }
    cells.push({ endpoint: apiName(e), identity: t.identity, expected, outcome, ok, detail });
    check(`API ${apiName(e)} × ${t.identity}`, ok, `expected ${expected}: ${detail}`);
  }
  log(`  ${runs.length} API calls in ${((performance.now() - started) / 1000).toFixed(1)} s, ${CONCURRENCY} at a time`);
  return cells;
}

function logApiTable(cells: ApiCell[], endpoints: ApiEndpoint[], log: (line: string) => void) {
  log(`\n== API matrix (✓ as expected, ✗ not; A = allowed and changed, R = refused and nothing changed; the status answered)`);
  const width = Math.max(...endpoints.map((e) => apiName(e).length));
  log(`${'endpoint'.padEnd(width)} | ${API_IDENTITIES.map((i) => i.padEnd(14)).join(' | ')}`);
  for (const e of endpoints) {
    log(
      `${apiName(e).padEnd(width)} | ${API_IDENTITIES.map((i) => {
        const cell = cells.find((x) => x.endpoint === apiName(e) && x.identity === i);
        return (
          cell
            ? `${cell.ok ? '✓' : '✗'} ${cell.expected === 'allowed' ? 'A' : 'R'} ${cell.outcome.split(' ')[0]}${cell.outcome.includes('NO ROUTE') ? ' none' : ''}`
            : '—'
        ).padEnd(14);
      }).join(' | ')}`,
    );
  }
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
