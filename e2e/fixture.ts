// Each spec's data is made by its own fixture, e2e/<spec>.fixture.ts:
//
//   export default defineFixture('workflows', async (f) => ({ admin: await f.admin({ … }), … }));
//
// e2e/prepare.ts finds every *.fixture.ts, runs each once per Playwright project that uses it,
// before the server starts (the embedded database allows one process, so the rows must exist
// before `next start`), and writes what it returns to .e2e/data/<name>.json. The spec imports its
// fixture and reads its own named data with `fixture.data(testInfo.project.name)` (or through
// `forSpec` in e2e/test.ts). A new spec touches one fixture file and nothing shared.
//
// A fixture module is also loaded by the Playwright workers (for its type and `data`), which do
// not run under react-server: import data-layer code inside `make` with `await import(…)`.
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../lib/generated/prisma/client';
import { makeAccount, makeAdmin, makeApiToken, makePhoneNumber, makeUser, uniqueSuffix } from '../lib/test/factories';

/** The projects that run the browser specs (JS on and off) and the one that sends raw HTTP. */
export const BROWSER_PROJECTS = ['chromium', 'chromium-no-js'] as const;
export const HTTP_PROJECT = 'http';
export const DATA_DIR = path.join('.e2e', 'data');

export type Person = { id: string; fullName: string };
export type Recipient = Person & { email: string };
export type PersonWithNumber = Person & { e164: string; phoneNumberId: string };
export type FreeNumber = { id: string; e164: string };
export type AdminPerson = { id: string; name: string; email: string; password: string };

/** What a fixture's `make` gets: the database, this run's names, and the factories bound to them. */
export type Maker = {
  prisma: PrismaClient;
  /** This run's random tag: every name made here contains it. */
  run: string;
  /** The Playwright project the data is for ("chromium", "chromium-no-js", "http"). */
  project: string;
  /** `${label} ${run} ${project}`: a name no other run, project or fixture has. */
  name(label: string): string;
  /** An email address unique to this run and project. */
  email(label: string): string;
  account(label: string): Promise<{ id: string; name: string }>;
  user(accountId: string, label: string, overrides?: Parameters<typeof makeUser>[2]): Promise<Recipient & { accountId: string }>;
  userWithNumber(accountId: string, label: string): Promise<PersonWithNumber & { email: string }>;
  freeNumber(overrides?: Parameters<typeof makePhoneNumber>[1]): Promise<FreeNumber>;
  admin(overrides?: Parameters<typeof makeAdmin>[1]): Promise<AdminPerson>;
  /** An API token (or, with kind Provisioning, an account's SCIM token) for the admin; its secret. */
  token(adminId: string, overrides?: Parameters<typeof makeApiToken>[2]): Promise<ApiTokenSecret>;
};

export type ApiTokenSecret = { id: string; name: string; secret: string };

export type Fixture<T> = {
  name: string;
  projects: readonly string[];
  make(maker: Maker): Promise<T>;
  /** The data made for this project by e2e/prepare.ts. */
  data(project: string): T & { run: string };
};

type Stored<T> = { run: string; projects: Record<string, T> };

export function defineFixture<T>(
  name: string,
  make: (maker: Maker) => Promise<T>,
  options: { projects?: readonly string[] } = {},
): Fixture<T> {
  let cache: Stored<T> | undefined;
  return {
    name,
    projects: options.projects ?? BROWSER_PROJECTS,
    make,
    data(project) {
      cache ??= JSON.parse(fs.readFileSync(path.join(DATA_DIR, `${name}.json`), 'utf8')) as Stored<T>;
      const found = cache.projects[project];
      if (!found) throw new Error(`No e2e data "${name}" for project ${project}; run the tests with npm run test:e2e.`);
      return { ...found, run: cache.run };
    },
  };
}

export function makerFor(prisma: PrismaClient, run: string, project: string): Maker {
  const name = (label: string) => `E2E ${label} ${run} ${project}`;
  const email = (label: string) => `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${uniqueSuffix()}-${run}-${project}@e2e.example`;
  const maker: Maker = {
    prisma,
    run,
    project,
    name,
    email,
    account: (label) => makeAccount(prisma, { name: name(label) }),
    user: (accountId, label, overrides = {}) => makeUser(prisma, accountId, { fullName: name(label), email: email(label), ...overrides }),
    async userWithNumber(accountId, label) {
      const user = await maker.user(accountId, label);
      const n = await makePhoneNumber(prisma, { user });
      return { id: user.id, fullName: user.fullName, email: user.email, e164: n.e164, phoneNumberId: n.id };
    },
    freeNumber: (overrides) => makePhoneNumber(prisma, overrides),
    async admin(overrides) {
      const a = await makeAdmin(prisma, overrides);
      return { id: a.id, name: a.name, email: a.email, password: a.password };
    },
    token: (adminId, overrides) => makeApiToken(prisma, adminId, overrides),
  };
  return maker;
}

/** "(206) 555-0100" for "+12065550100": how admins type a US number without its country code. */
export function national(e164: string): string {
  return e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
}

/** "+1 206 555 0100" for "+12065550100", as the pages show North American numbers. */
export function formatted(e164: string): string {
  return e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
}
