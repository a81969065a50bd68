import 'server-only';
import crypto from 'node:crypto';
import type { AdminRole } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { getPrisma } from '@/lib/db/client';
import { scopedPrisma } from '@/lib/kernel/scope';
import { keysetPage, type ListParams, type Page } from '@/lib/kernel/pagination';
import { normaliseEmail, type SessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { hasPermission, mutate, requirePermission, type Db, type Tx } from '@/lib/kernel/mutation';
import { likeLiteral } from '@/lib/kernel/search';

// The Admins page: who may sign in, with which role, for which accounts. Only a full-scope
// Administrator (role Administrator and all accounts) may see or change admins; anyone else is
// refused and audited, and the pages answer "Page not found".
//
// Every change bumps the admin's sessionVersion, which loadSessionAdmin compares on every request,
// so the admin's open sessions end on their next request. The same number is the version a form
// carries, so a form someone else saved first is refused rather than silently undoing their change.
//
// The one rule that spans rows: at least one active full-scope Administrator must remain, or nobody
// could manage admins again (short of the command line). See `lockFullScopeAdministrators`.

/** May see and change admins: an Administrator of all accounts. */
export function canManageAdmins(admin: SessionAdmin): boolean {
  return hasPermission(admin, 'manage-admins');
}

/** An admin's role and accounts as the forms and audit rows describe them. */
export type AdminAccess = { role: AdminRole; allAccounts: boolean; accountIds: string[] };

const isFullScope = (a: { role: AdminRole; allAccounts: boolean; disabledAt?: Date | null }) =>
  a.role === 'Administrator' && a.allAccounts && !a.disabledAt;

/**
 * Locks the rows of every active full-scope Administrator, in id order (so two transactions never
 * deadlock on them), and returns their ids; then re-checks that the acting admin is still one.
 *
 * Why a row lock and not a conditional update whose WHERE counts the others: under PostgreSQL's
 * default READ COMMITTED, `UPDATE … WHERE (SELECT count(*) FROM "Admin" WHERE <full scope> AND
 * id <> $1) > 0` evaluates the count on a snapshot taken when the statement starts. Two admins
 * demoting each other at once update *different* rows, so neither waits for the other, each
 * counts the other as still full-scope, and both commit: zero left. `SELECT … FOR UPDATE` makes
 * every such change take the same locks first; the second waits until the first commits and then
 * re-reads the locked rows, dropping any that no longer match (PostgreSQL re-checks the WHERE on
 * the newest version of a row it waited for), so it sees the state the first change left.
 * Admins made full-scope by a transaction that committed meanwhile are not seen, which can only
 * refuse a change that would have been allowed, never allow one that must be refused.
 * PGlite runs one transaction at a time, where the lock is free and the reasoning holds trivially.
 */
async function lockFullScopeAdministrators(tx: Tx, admin: SessionAdmin): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Admin"
    WHERE role = 'Administrator' AND "allAccounts" AND "disabledAt" IS NULL
    ORDER BY id
    FOR UPDATE`;
  const ids = rows.map((r) => r.id);
  // The session was checked when the request began; someone may have demoted or disabled this
  // admin since. Decide with the locked state, not the remembered one.
  if (!ids.includes(admin.id)) {
    throw new DomainError('denied', 'You are no longer an Administrator of all accounts, so you cannot change admins.');
  }
  return ids;
}

function lastAdministrator(admin: SessionAdmin, subject: { id: string; name: string }, doing: string): DomainError {
  const who = subject.id === admin.id ? 'You are' : `${subject.name} is`;
  return new DomainError(
    'invalid',
    `${who} the last active Administrator of all accounts, so you cannot ${doing}. Make another admin an Administrator of all accounts first.`,
  );
}

// ---- Reading ---------------------------------------------------------------------------------

export type AdminRow = {
  id: string;
  name: string;
  email: string;
  role: AdminRole;
  allAccounts: boolean;
  /** Names of the accounts they administer, when not all. */
  accountNames: string[];
  disabled: boolean;
};

/** One page of admins, by name; `q` finds any part of a name or email. */
export async function listAdmins(admin: SessionAdmin, params: ListParams): Promise<Page<AdminRow>> {
  await requirePermission(admin, 'manage-admins', 'view-admins');
  const prisma = await getPrisma();
  const page = keysetPage('name', params);
  const rows = await prisma.admin.findMany({
    where: {
      AND: [
        params.q
          ? {
              OR: [
                { name: { contains: likeLiteral(params.q), mode: 'insensitive' } },
                { email: { contains: likeLiteral(params.q.toLowerCase()) } },
              ],
            }
          : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      allAccounts: true,
      disabledAt: true,
      accounts: { select: { account: { select: { name: true } } }, orderBy: { account: { name: 'asc' } } },
    },
  });
  const result = page.toPage(rows);
  return {
    ...result,
    rows: result.rows.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      role: a.role,
      allAccounts: a.allAccounts,
      accountNames: a.allAccounts ? [] : a.accounts.map((x) => x.account.name),
      disabled: Boolean(a.disabledAt),
    })),
  };
}

export type AdminDetails = {
  id: string;
  name: string;
  email: string;
  role: AdminRole;
  allAccounts: boolean;
  accounts: { id: string; name: string }[];
  disabledAt: Date | null;
  /** The version a change form carries. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The admin looking is this admin. */
  isSelf: boolean;
  /** The only active full-scope Administrator: cannot be disabled or demoted. */
  isLastAdministrator: boolean;
};

/** One admin, or null when there is no such admin. */
export async function getAdminDetails(admin: SessionAdmin, adminId: string): Promise<AdminDetails | null> {
  await requirePermission(admin, 'manage-admins', 'view-admins');
  const prisma = await getPrisma();
  const a = await prisma.admin.findUnique({
    where: { id: adminId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      allAccounts: true,
      disabledAt: true,
      sessionVersion: true,
      createdAt: true,
      updatedAt: true,
      accounts: { select: { account: { select: { id: true, name: true } } }, orderBy: { account: { name: 'asc' } } },
    },
  });
  if (!a) return null;
  const others = isFullScope(a)
    ? await prisma.admin.count({ where: { id: { not: a.id }, role: 'Administrator', allAccounts: true, disabledAt: null } })
    : 1;
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    role: a.role,
    allAccounts: a.allAccounts,
    accounts: a.allAccounts ? [] : a.accounts.map((x) => x.account),
    disabledAt: a.disabledAt,
    version: a.sessionVersion,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    isSelf: a.id === admin.id,
    isLastAdministrator: others === 0,
  };
}

/** Every account, by name, for the add and change forms' checkboxes. */
export async function listAccountChoices(admin: SessionAdmin): Promise<{ id: string; name: string }[]> {
  await requirePermission(admin, 'manage-admins', 'view-admins');
  // Full-scope admins only (checked above), for whom the scoped client adds nothing; used all the same.
  return (await scopedPrisma(admin)).account.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
}

// ---- Changes ---------------------------------------------------------------------------------

/** A random password for an admin to sign in with once, then keep or pass on; 144 bits. */
function generateOneTimePassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** The chosen accounts; a refusal naming the field when one of them no longer exists. */
async function checkedAccess(db: Db, access: AdminAccess): Promise<AdminAccess> {
  if (access.allAccounts) return { role: access.role, allAccounts: true, accountIds: [] };
  const accountIds = [...new Set(access.accountIds)].sort();
  if (accountIds.length === 0) throw new DomainError('invalid', 'Select at least one account, or select All accounts', 'accountIds');
  // Whether the accounts exist at all: only full-scope admins (checked by the caller) get here.
  const found = await db.account.count({ where: { id: { in: accountIds } } });
  if (found !== accountIds.length) {
    throw new DomainError('invalid', 'One of the chosen accounts no longer exists. Check the list and choose again.', 'accountIds');
  }
  return { role: access.role, allAccounts: false, accountIds };
}

const accessOf = (a: { role: AdminRole; allAccounts: boolean; accounts: { accountId: string }[] }): AdminAccess => ({
  role: a.role,
  allAccounts: a.allAccounts,
  accountIds: a.allAccounts ? [] : a.accounts.map((x) => x.accountId).sort(),
});
const sameAccess = (a: AdminAccess, b: AdminAccess) =>
  a.role === b.role && a.allAccounts === b.allAccounts && a.accountIds.join() === b.accountIds.join();

export type NewAdminInput = AdminAccess & { email: string; name: string };

/** Adds an admin with a one-time password, which is returned once and stored only hashed. */
export async function addAdmin(
  admin: SessionAdmin,
  input: NewAdminInput,
): Promise<{ id: string; email: string; name: string; oneTimePassword: string }> {
  const action = 'create-admin';
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const attempted = {
    email,
    name,
    role: input.role,
    allAccounts: input.allAccounts,
    accountIds: input.allAccounts ? [] : input.accountIds,
  };
  return mutate(admin, { action, permission: 'manage-admins', about: { attempted } }, async ({ db, write }) => {
    const taken = () => new DomainError('invalid', 'An admin with this email address already exists', 'email');
    if (await db.admin.findUnique({ where: { email }, select: { id: true } })) throw taken();
    const access = await checkedAccess(db, input);

    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword); // slow on purpose: outside the transaction
    const created = await write(
      async (tx) => {
        await lockFullScopeAdministrators(tx, admin);
        const row = await tx.admin.create({
          data: {
            email,
            name,
            passwordHash,
            role: access.role,
            allAccounts: access.allAccounts,
            accounts: access.accountIds.length ? { create: access.accountIds.map((accountId) => ({ accountId })) } : undefined,
          },
          select: { id: true, email: true, name: true },
        });
        await recordAudit(tx, { admin, action, outcome: 'Done', after: { adminId: row.id, email, name, ...access } });
        return row;
      },
      { unique: taken }, // added by someone else a moment ago
    );
    return { ...created, oneTimePassword };
  });
}

async function subjectFor(db: Db, adminId: string) {
  const subject = await db.admin.findUnique({
    where: { id: adminId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      allAccounts: true,
      disabledAt: true,
      sessionVersion: true,
      accounts: { select: { accountId: true } },
    },
  });
  if (!subject) throw new DomainError('not-found', 'That admin does not exist.');
  return subject;
}

export type ChangeAccessInput = AdminAccess & { adminId: string; version: number };
export type AdminChangeResult = { id: string; name: string; email: string; repeated: boolean };

/**
 * Sets an admin's role and accounts, if nobody changed the admin since the form was shown; their
 * sessions end. The last active full-scope Administrator cannot lose that role or scope.
 */
export async function changeAdminAccess(admin: SessionAdmin, input: ChangeAccessInput): Promise<AdminChangeResult> {
  const action = 'change-admin';
  const wanted: AdminAccess = {
    role: input.role,
    allAccounts: input.allAccounts,
    accountIds: input.allAccounts ? [] : [...new Set(input.accountIds)].sort(),
  };
  return mutate(
    admin,
    { action, permission: 'manage-admins', about: { attempted: { adminId: input.adminId, ...wanted } } },
    async ({ db, write }) => {
      const subject = await subjectFor(db, input.adminId);
      const current = accessOf(subject);
      const result = { id: subject.id, name: subject.name, email: subject.email };
      const stale = () =>
        new DomainError(
          'conflict',
          `Someone else changed ${subject.name} while you were editing. The form now shows their current role and accounts; make your change again if it is still needed.`,
        );
      if (sameAccess(current, wanted)) return { ...result, repeated: true }; // already so (or a replay): nothing to end
      if (subject.sessionVersion !== input.version) throw stale();
      const access = await checkedAccess(db, wanted);

      await write(
        async (tx, lost) => {
          const fullScope = await lockFullScopeAdministrators(tx, admin);
          if (fullScope.includes(subject.id) && !isFullScope(access) && fullScope.length <= 1) {
            throw lastAdministrator(admin, subject, `change ${subject.id === admin.id ? 'your' : 'their'} role or accounts`);
          }
          const { count } = await tx.admin.updateMany({
            where: { id: subject.id, sessionVersion: input.version },
            data: { role: access.role, allAccounts: access.allAccounts, sessionVersion: { increment: 1 } },
          });
          if (count !== 1) lost();
          await tx.adminAccount.deleteMany({ where: { adminId: subject.id } });
          if (access.accountIds.length) {
            await tx.adminAccount.createMany({ data: access.accountIds.map((accountId) => ({ adminId: subject.id, accountId })) });
          }
          await recordAudit(tx, {
            admin,
            action,
            outcome: 'Done',
            before: { adminId: subject.id, email: subject.email, ...current },
            after: { adminId: subject.id, email: subject.email, ...access },
          });
        },
        { lost: stale },
      );
      return { ...result, repeated: false };
    },
  );
}

/** Disables an admin: they cannot sign in, and their sessions end. Not oneself, not the last full-scope Administrator. */
export async function disableAdmin(admin: SessionAdmin, input: { adminId: string }, now = new Date()): Promise<AdminChangeResult> {
  return setDisabled(admin, input.adminId, now);
}

/** Lets a disabled admin sign in again, with the password they had. */
export async function enableAdmin(admin: SessionAdmin, input: { adminId: string }): Promise<AdminChangeResult> {
  return setDisabled(admin, input.adminId, null);
}

/** Disables (from `disabledAt`) or enables (null) an admin; either way their version moves on. */
async function setDisabled(admin: SessionAdmin, adminId: string, disabledAt: Date | null): Promise<AdminChangeResult> {
  const disabling = disabledAt !== null;
  const action = disabling ? 'disable-admin' : 'enable-admin';
  return mutate(
    admin,
    { action, permission: 'manage-admins', about: { attempted: { adminId, disabled: disabling } } },
    async ({ db, write }) => {
      const subject = await subjectFor(db, adminId);
      const result = { id: subject.id, name: subject.name, email: subject.email };
      if (disabling && subject.id === admin.id) {
        throw new DomainError('invalid', 'You cannot disable yourself. Ask another Administrator of all accounts to do it.');
      }
      if (Boolean(subject.disabledAt) === disabling) return { ...result, repeated: true };
      await write(async (tx) => {
        const fullScope = await lockFullScopeAdministrators(tx, admin);
        // The acting admin is one of them and is not the subject, so this cannot fire today; it
        // stays so that the rule does not hang on the "not yourself" rule above.
        if (disabling && fullScope.includes(subject.id) && fullScope.length <= 1) throw lastAdministrator(admin, subject, 'disable them');
        const { count } = await tx.admin.updateMany({
          where: { id: subject.id, disabledAt: disabling ? null : { not: null } },
          // Bumped when enabling too, so that every change to an admin moves the version their forms carry.
          data: { disabledAt, sessionVersion: { increment: 1 } },
        });
        if (count !== 1) return; // done by someone else a moment ago: as asked
        await recordAudit(tx, {
          admin,
          action,
          outcome: 'Done',
          before: { adminId: subject.id, email: subject.email, disabled: !disabling },
          after: { adminId: subject.id, email: subject.email, disabled: disabling },
        });
      });
      return { ...result, repeated: false };
    },
  );
}

/**
 * Gives an admin a new one-time password, returned once and stored only hashed; their sessions
 * end. Not one's own: the acting admin would be signed out without having seen it.
 */
export async function resetAdminPassword(
  admin: SessionAdmin,
  input: { adminId: string },
): Promise<AdminChangeResult & { oneTimePassword: string }> {
  const action = 'reset-admin-password';
  return mutate(admin, { action, permission: 'manage-admins', about: { attempted: { adminId: input.adminId } } }, async ({ db, write }) => {
    const subject = await subjectFor(db, input.adminId);
    if (subject.id === admin.id) {
      throw new DomainError('invalid', 'You cannot reset your own password here. Ask another Administrator of all accounts to do it.');
    }
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword); // slow on purpose: outside the transaction
    await write(
      async (tx, lost) => {
        await lockFullScopeAdministrators(tx, admin);
        const { count } = await tx.admin.updateMany({
          where: { id: subject.id },
          data: { passwordHash, sessionVersion: { increment: 1 } },
        });
        if (count !== 1) lost();
        // What changed, never the password or its hash.
        await recordAudit(tx, {
          admin,
          action,
          outcome: 'Done',
          after: { adminId: subject.id, email: subject.email, passwordReset: true },
        });
      },
      { lost: () => new DomainError('not-found', 'That admin does not exist.') },
    );
    return { id: subject.id, name: subject.name, email: subject.email, repeated: false, oneTimePassword };
  });
}
