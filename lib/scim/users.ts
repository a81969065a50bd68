import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { cleanEmail } from '@/lib/directory/names';
import { addUser, editUser, removeUser, suspendUser, unsuspendUser } from '@/lib/directory/user-changes';
import { DomainError } from '@/lib/kernel/errors';
import { isId } from '@/lib/kernel/labels';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { ScimRefusal } from './errors';
import type { UserCondition } from './filter';
import {
  applyPatch,
  patchChanges,
  readUserResource,
  replaceChanges,
  toScimUser,
  userToCreate,
  type DirectoryUser,
  type ScimUser,
  type UserChanges,
} from './mapping';

// /scim/v2/Users on the directory. Reads go through the admin's scoped client, within the one
// account a provisioning token reaches, and never see removed users. Every change is one of the
// console's data functions (lib/directory/user-changes.ts), called as the token's admin, so the
// rules, refusals and audit rows (naming the token) are the console's own.

export const SCIM_USER_NOT_FOUND = 'No such user in this account.';

/** The one account a provisioning token reaches (lib/kernel/session-admin.ts narrows it). */
export function scimAccountId(admin: SessionAdmin): string {
  const accountId = admin.token?.kind === 'Provisioning' && !admin.allAccounts ? admin.accountIds[0] : undefined;
  if (!accountId)
    throw new ScimRefusal(
      403,
      undefined,
      'This token does not reach an account. Make a provisioning token on the account’s Provisioning page.',
    );
  return accountId;
}

const select = {
  id: true,
  fullName: true,
  email: true,
  externalId: true,
  registrationStatus: true,
  userType: true,
  license: true,
  version: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;
type Row = Prisma.UserGetPayload<{ select: typeof select }>;
/** The user as SCIM shows them, with what editUser needs to be given back unchanged. */
export type ScimDirectoryUser = DirectoryUser & Row;

/** lastModified: the user's latest change in the audit log (every change writes one), else when they were added. */
async function withLastModified(rows: Row[]): Promise<ScimDirectoryUser[]> {
  if (rows.length === 0) return [];
  // The audit log is no account's table: read with the plain client (named apart from the scoped one).
  const log = await getPrisma();
  const latest = await log.auditEvent.groupBy({
    by: ['userId'],
    where: { userId: { in: rows.map((r) => r.id) }, outcome: 'Done' },
    _max: { at: true },
  });
  const at = new Map(latest.map((l) => [l.userId, l._max.at]));
  return rows.map((r) => {
    const changed = at.get(r.id);
    return { ...r, lastModified: changed && changed > r.createdAt ? changed : r.createdAt };
  });
}

function whereOf(c: UserCondition): Prisma.UserWhereInput {
  switch (c.attribute) {
    case 'userName':
      return { activeEmail: cleanEmail(c.value) };
    case 'externalId':
      return { externalId: c.value };
    case 'id':
      return { id: c.value };
    case 'active':
      return c.value ? { registrationStatus: { not: 'Suspended' } } : { registrationStatus: 'Suspended' };
    case 'never':
      return { id: { in: [] } };
  }
}

/** One page of the account's present users matching every condition, oldest first (RFC 7644 §3.4.2.4). */
export async function listScimUsers(
  admin: SessionAdmin,
  conditions: UserCondition[],
  page: { startIndex: number; count: number },
): Promise<{ total: number; users: DirectoryUser[] }> {
  const accountId = scimAccountId(admin);
  const prisma = await scopedPrisma(admin);
  const where: Prisma.UserWhereInput = { AND: [{ accountId, removedAt: null }, ...conditions.map(whereOf)] };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    page.count === 0
      ? Promise.resolve([])
      : prisma.user.findMany({
          where,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          skip: page.startIndex - 1,
          take: page.count,
          select,
        }),
  ]);
  return { total, users: await withLastModified(rows) };
}

async function findRow(admin: SessionAdmin, userId: string): Promise<ScimDirectoryUser | null> {
  const accountId = scimAccountId(admin);
  if (!isId(userId)) return null;
  const prisma = await scopedPrisma(admin);
  const row = await prisma.user.findFirst({ where: { id: userId, accountId, removedAt: null }, select });
  return row ? ((await withLastModified([row]))[0] ?? null) : null;
}

/** The user, present in the token's account; 404 otherwise (missing, removed, or another account's). */
export async function getScimUser(admin: SessionAdmin, userId: string): Promise<ScimDirectoryUser> {
  const user = await findRow(admin, userId);
  if (!user) throw new ScimRefusal(404, undefined, SCIM_USER_NOT_FOUND);
  return user;
}

/**
 * A refusal of the email by addUser or editUser is a SCIM uniqueness conflict when another present
 * user has the address (read after the refusal, so a race lost to the unique index counts too).
 */
async function asUniqueness(err: unknown, admin: SessionAdmin, email: string, exceptUserId?: string): Promise<never> {
  if (err instanceof DomainError && err.kind === 'invalid' && err.field === 'email') {
    const prisma = await scopedPrisma(admin);
    const other = await prisma.user.findFirst({
      where: { accountId: scimAccountId(admin), activeEmail: cleanEmail(email), ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
      select: { id: true },
    });
    if (other) throw new ScimRefusal(409, 'uniqueness', err.message);
  }
  throw err;
}

/** POST /Users: addUser, then suspendUser when it arrives inactive. */
export async function createScimUser(admin: SessionAdmin, body: unknown): Promise<ScimDirectoryUser> {
  const accountId = scimAccountId(admin);
  const wanted = userToCreate(readUserResource(body));
  const added = await addUser(admin, {
    accountId,
    fullName: wanted.fullName,
    email: wanted.email,
    userType: 'PrivateUser',
    externalId: wanted.externalId,
  }).catch((err: unknown) => asUniqueness(err, admin, wanted.email));
  if (!wanted.active) {
    const user = await getScimUser(admin, added.id);
    await suspendUser(admin, { accountId, userId: added.id, version: user.version });
  }
  return getScimUser(admin, added.id);
}

/**
 * Makes the changes with the console's data functions: the fields first (editUser checks them,
 * so a refused value changes nothing), then suspend or unsuspend, each at the version read here,
 * so a change someone makes in between is the data function's conflict (409, or 412 after If-Match).
 */
async function applyChanges(admin: SessionAdmin, user: ScimDirectoryUser, changes: UserChanges, ifMatch: number | undefined) {
  const target = { accountId: scimAccountId(admin), userId: user.id };
  // RFC 7644 §3.14: a stale If-Match is refused whatever the request would change.
  if (ifMatch !== undefined && ifMatch !== user.version)
    throw new ScimRefusal(412, undefined, `${user.fullName} has changed since that version. Read them again, then make the change again.`);
  let current = user.version;
  if (changes.fullName !== undefined || changes.email !== undefined || changes.externalId !== undefined) {
    const email = changes.email ?? user.email;
    const edited = await editUser(admin, {
      ...target,
      version: current,
      fullName: changes.fullName ?? user.fullName,
      email,
      userType: user.userType,
      license: user.license,
      ...(changes.externalId !== undefined ? { externalId: changes.externalId } : {}),
    }).catch((err: unknown) => asUniqueness(err, admin, email, user.id));
    if (edited.changed) current += 1;
  }
  if (changes.active === false) await suspendUser(admin, { ...target, version: current });
  if (changes.active === true) await unsuspendUser(admin, { ...target, version: current });
}

/** PUT /Users/{id}: the body is the whole user. */
export async function replaceScimUser(admin: SessionAdmin, userId: string, body: unknown, ifMatch?: number): Promise<ScimDirectoryUser> {
  const user = await getScimUser(admin, userId);
  const before = toScimUser(user, '');
  await applyChanges(admin, user, replaceChanges(before, readUserResource(body)), ifMatch);
  return getScimUser(admin, userId);
}

/** PATCH /Users/{id}: the operations applied to the user as read, then the difference made with the data functions. */
export async function patchScimUser(admin: SessionAdmin, userId: string, body: unknown, ifMatch?: number): Promise<ScimDirectoryUser> {
  const user = await getScimUser(admin, userId);
  const before: ScimUser = toScimUser(user, '');
  const changes = patchChanges(before, applyPatch(before, body));
  await applyChanges(admin, user, changes, ifMatch);
  return getScimUser(admin, userId);
}

/** DELETE /Users/{id}: removeUser, as "Remove user" in the console (a number they hold goes back to the inventory). */
export async function deleteScimUser(admin: SessionAdmin, userId: string, ifMatch?: number): Promise<void> {
  const user = await getScimUser(admin, userId);
  if (ifMatch !== undefined && ifMatch !== user.version)
    throw new ScimRefusal(412, undefined, `${user.fullName} has changed since that version. Read them again before removing them.`);
  await removeUser(admin, { accountId: scimAccountId(admin), userId: user.id, version: user.version });
}
