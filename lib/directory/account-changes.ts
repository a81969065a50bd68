import 'server-only';
import type { AccountStatus, AccountType, License } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { label } from '@/lib/kernel/labels';
import { hasPermission, mutate, type Db, type Tx } from '@/lib/kernel/mutation';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { accountName } from './account-schemas';
import { accountNameKey, cleanName } from './names';

// Creating, renaming, suspending, activating and deleting accounts (Chime's CreateAccount,
// UpdateAccount, DeleteAccount): an Administrator of all accounts only (`manage-accounts`). Each
// change is one conditional write with its audit row, through `mutate`; refusals are audited there.
//
// Names are unique case-insensitively: the database's unique index on `nameKey` is the rule, the
// read before it only the friendly message; a clash the index catches (two admins creating "Acme"
// at once) gets the same message.
//
// A suspended account keeps its users and their numbers, but nothing new is assigned there:
// `assignPhoneNumber` (lib/telephony/telephony.ts) checks `refuseIfSuspended` first and takes
// `lockActiveAccount` inside its transaction, so a suspension racing an assignment cannot let one
// through.

/** May create, rename, suspend, activate and delete accounts: an Administrator of all accounts. */
export function canManageAccounts(admin: SessionAdmin): boolean {
  return hasPermission(admin, 'manage-accounts');
}

const quoted = (name: string) => `“${name}”`;

/** The refusal for anything new in a suspended account; the same words on every page that says so. */
export function accountSuspendedMessage(name: string): string {
  return `${name} is suspended, so no phone number can be assigned there. Activate the account first.`;
}

/** Refuses (before any transaction) when the account is suspended: for the admin, a clear message. */
export async function refuseIfSuspended(db: Db, accountId: string): Promise<void> {
  const account = await db.account.findFirst({ where: { id: accountId }, select: { name: true, status: true } });
  if (account?.status === 'Suspended') throw new DomainError('invalid', accountSuspendedMessage(account.name));
}

/**
 * Inside a transaction that adds something to the account (a number assigned there): holds a
 * share lock on the account's row while it is Active, until the transaction ends, and refuses when
 * it is not. A suspension (an UPDATE of that row) waits for the lock, and a transaction that asks
 * for the lock after a suspension, or while one is under way, gets no row once it commits (for a
 * locking read PostgreSQL re-checks the WHERE on the newest version of a row it waited for). So
 * either the addition commits before the suspension, or it is refused: never one after the other.
 * Share locks do not wait for each other, so assignments in one account still run side by side.
 */
export async function lockActiveAccount(tx: Tx, accountId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT name FROM "Account" WHERE id = ${accountId} AND status = 'Active' FOR SHARE`;
  if (rows.length === 1) return;
  const now = await tx.account.findUnique({ where: { id: accountId }, select: { name: true } });
  throw new DomainError(now ? 'invalid' : 'not-found', now ? accountSuspendedMessage(now.name) : 'That account no longer exists.');
}

/** What the account changes' audit rows and results say about an account. */
type AccountFacts = { id: string; name: string; type: AccountType; status: AccountStatus; defaultLicense: License };
const factsSelect = { id: true, name: true, type: true, status: true, defaultLicense: true } as const;

async function accountToChange(db: Db, accountId: string): Promise<AccountFacts> {
  const account = await db.account.findFirst({ where: { id: accountId }, select: factsSelect });
  if (!account) throw new DomainError('not-found', 'That account does not exist.');
  return account;
}

/**
 * The name as stored, or the refusal the form would give: the same schema as the forms, so that a
 * caller that skipped them (the API, later) gets the same rules.
 */
function checkedName(raw: string): string {
  const parsed = accountName.safeParse(raw);
  if (!parsed.success) throw new DomainError('invalid', parsed.error.issues[0]!.message, 'name');
  return parsed.data;
}

/**
 * A name as a refusal's audit row keeps it: cleaned, control characters shown as �, and cut short
 * (PostgreSQL's JSON cannot hold a NUL, and a refusal must still be recorded).
 */
const attemptedName = (raw: string) =>
  cleanName(raw.slice(0, 1000))
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD')
    .slice(0, 200);

/** The refusal for a name another account has (told from that account, as it is now). */
async function nameTaken(db: Db, nameKey: string, exceptId?: string): Promise<DomainError | null> {
  const other = await db.account.findFirst({
    where: { nameKey, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  return other ? new DomainError('invalid', `An account named ${quoted(other.name)} already exists. Choose another name.`, 'name') : null;
}

export type AccountChangeResult = { id: string; name: string; repeated: boolean };

export type CreateAccountInput = { name: string; type: AccountType; defaultLicense: License };

/** Creates an Active account with a name no other account has, whatever its case or look-alike characters. */
export async function createAccount(admin: SessionAdmin, input: CreateAccountInput): Promise<AccountChangeResult> {
  const action = 'create-account';
  const wanted = { name: attemptedName(input.name), type: input.type, defaultLicense: input.defaultLicense };
  return mutate(admin, { action, permission: 'manage-accounts', about: { attempted: wanted } }, async ({ db, about, write }) => {
    const name = checkedName(input.name);
    const nameKey = accountNameKey(name);
    about({ attempted: { ...wanted, name } });
    const taken = await nameTaken(db, nameKey);
    if (taken) throw taken;
    const created = await write(
      async (tx) => {
        const row = await tx.account.create({
          data: { name, nameKey, type: input.type, defaultLicense: input.defaultLicense, status: 'Active' },
          select: { id: true, name: true },
        });
        await recordAudit(tx, { admin, action, outcome: 'Done', accountId: row.id, after: { ...wanted, name, status: 'Active' } });
        return row;
      },
      // Someone else created the same name (in any case) a moment ago.
      {
        unique: async () =>
          (await nameTaken(db, nameKey)) ?? new DomainError('conflict', 'Someone else created that account a moment ago.'),
      },
    );
    return { ...created, repeated: false };
  });
}

export type RenameAccountInput = { accountId: string; name: string; /** The name the form was shown with. */ currentName: string };

/**
 * Renames an account, if nobody renamed it since the form was shown; the new name must be free
 * (the account's own name in another case is). A rename to the name it has changes nothing.
 */
export async function renameAccount(admin: SessionAdmin, input: RenameAccountInput): Promise<AccountChangeResult> {
  const action = 'rename-account';
  return mutate(
    admin,
    { action, permission: 'manage-accounts', about: { accountId: input.accountId, attempted: { name: attemptedName(input.name) } } },
    async ({ db, about, write }) => {
      const name = checkedName(input.name);
      const nameKey = accountNameKey(name);
      about({ attempted: { name } });
      const account = await accountToChange(db, input.accountId);
      const result = { id: account.id, name };
      if (account.name === name) return { ...result, repeated: true }; // as asked already (or a replay)
      const stale = (now: string) =>
        new DomainError(
          'conflict',
          `Someone else renamed this account to ${quoted(now)} while you were editing. Check the name and rename it again if it is still needed.`,
        );
      if (account.name !== input.currentName) throw stale(account.name);
      const taken = await nameTaken(db, nameKey, account.id);
      if (taken) throw taken;
      await write(
        async (tx, lost) => {
          const { count } = await tx.account.updateMany({ where: { id: account.id, name: account.name }, data: { name, nameKey } });
          if (count !== 1) lost();
          await recordAudit(tx, { admin, action, outcome: 'Done', accountId: account.id, before: { name: account.name }, after: { name } });
        },
        {
          lost: async () => {
            const now = await db.account.findFirst({ where: { id: account.id }, select: { name: true } });
            return now ? stale(now.name) : new DomainError('not-found', 'That account no longer exists.');
          },
          unique: async () => (await nameTaken(db, nameKey, account.id)) ?? stale(name),
        },
      );
      return { ...result, repeated: false };
    },
  );
}

/** Suspends an account: its users keep their numbers, but no number can be assigned there. */
export async function suspendAccount(admin: SessionAdmin, input: { accountId: string }): Promise<AccountChangeResult> {
  return setStatus(admin, input.accountId, 'Suspended');
}

/** Lets numbers be assigned in a suspended account again. */
export async function activateAccount(admin: SessionAdmin, input: { accountId: string }): Promise<AccountChangeResult> {
  return setStatus(admin, input.accountId, 'Active');
}

/**
 * One conditional write from the other status. A repeat (a double-click, a replay, or another
 * admin who did the same first) changes nothing, writes no audit row and says `repeated`.
 */
async function setStatus(admin: SessionAdmin, accountId: string, status: AccountStatus): Promise<AccountChangeResult> {
  const action = status === 'Suspended' ? 'suspend-account' : 'activate-account';
  const from: AccountStatus = status === 'Suspended' ? 'Active' : 'Suspended';
  return mutate(admin, { action, permission: 'manage-accounts', about: { accountId, attempted: { status } } }, async ({ db, write }) => {
    const account = await accountToChange(db, accountId);
    const result = { id: account.id, name: account.name };
    if (account.status === status) return { ...result, repeated: true };
    const changed = await write(async (tx) => {
      const { count } = await tx.account.updateMany({ where: { id: account.id, status: from }, data: { status } });
      if (count !== 1) return false; // done by someone else a moment ago: as asked
      await recordAudit(tx, { admin, action, outcome: 'Done', accountId: account.id, before: { status: from }, after: { status } });
      return true;
    });
    return { ...result, repeated: !changed };
  });
}

/** Who and what still hold an account, so that it cannot be deleted. */
export type AccountHolds = { activeUsers: number; removedUsers: number; phoneNumbers: number };

/** Counts what keeps an account from being deleted; the delete page and deleteAccount use the same. */
export async function accountHolds(db: Db | Tx, accountId: string): Promise<AccountHolds> {
  const [activeUsers, removedUsers, phoneNumbers] = await Promise.all([
    db.user.count({ where: { accountId, removedAt: null } }),
    db.user.count({ where: { accountId, removedAt: { not: null } } }),
    db.phoneNumber.count({ where: { accountId } }),
  ]);
  return { activeUsers, removedUsers, phoneNumbers };
}

/**
 * What the Delete account page says before asking: what keeps the account, and the admins whose
 * accounts it will leave (those who have no other will then administer none).
 */
export async function accountDeletionFacts(
  admin: SessionAdmin,
  accountId: string,
): Promise<{ holds: AccountHolds; admins: { name: string; email: string; onlyThis: boolean }[] }> {
  const db = await scopedPrisma(admin);
  const [holds, links] = await Promise.all([
    accountHolds(db, accountId),
    db.adminAccount.findMany({
      where: { accountId },
      orderBy: { admin: { name: 'asc' } },
      select: { admin: { select: { name: true, email: true, _count: { select: { accounts: true } } } } },
    }),
  ]);
  return { holds, admins: links.map(({ admin: a }) => ({ name: a.name, email: a.email, onlyThis: a._count.accounts === 1 })) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Why an account with these holds cannot be deleted, or null when it can. Removed users count:
 * they are kept, with the numbers they held, the emails sent to them and their audit trail, and
 * deleting their account would orphan that history (and the database refuses it: User.accountId
 * is ON DELETE RESTRICT). Such an account is suspended instead.
 */
export function deletionBlocker(name: string, holds: AccountHolds): string | null {
  if (holds.activeUsers > 0) {
    return `${name} still has ${plural(holds.activeUsers, 'user')}; remove them first. Only an account with no users can be deleted.`;
  }
  if (holds.removedUsers > 0) {
    return (
      `${name} had ${plural(holds.removedUsers, 'user')}, removed but kept with their history (the numbers they held, ` +
      `the emails sent to them and their audit trail), so it cannot be deleted. Suspend it instead: ` +
      `no phone number can then be assigned there.`
    );
  }
  if (holds.phoneNumbers > 0) {
    return `${plural(holds.phoneNumbers, 'phone number')} still ${holds.phoneNumbers === 1 ? 'belongs' : 'belong'} to ${name}; unassign ${holds.phoneNumbers === 1 ? 'it' : 'them'} first.`;
  }
  return null;
}

/**
 * Deletes an account that has never had users (removed users count: see `deletionBlocker`) and
 * no numbers. The check is made again inside the transaction, after locking the account's row:
 * a user being added at that moment holds a key-share lock on it (the foreign key), so the delete
 * waits for that addition and then sees the user; an addition that starts later waits for the
 * delete and then fails for want of the account. The account's admin links go with it (ON DELETE
 * CASCADE), as do its unfinished user imports; the audit row names both.
 */
export async function deleteAccount(admin: SessionAdmin, input: { accountId: string }): Promise<AccountChangeResult> {
  const action = 'delete-account';
  return mutate(admin, { action, permission: 'manage-accounts', about: { accountId: input.accountId } }, async ({ db, write }) => {
    const account = await accountToChange(db, input.accountId);
    const refuse = (holds: AccountHolds) => {
      const blocker = deletionBlocker(account.name, holds);
      if (blocker) throw new DomainError('invalid', blocker);
    };
    refuse(await accountHolds(db, account.id));
    await write(
      async (tx, lost) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Account" WHERE id = ${account.id} FOR UPDATE`;
        if (locked.length !== 1) lost();
        refuse(await accountHolds(tx, account.id));
        const admins = await tx.adminAccount.findMany({
          where: { accountId: account.id },
          orderBy: { admin: { email: 'asc' } },
          select: { admin: { select: { id: true, email: true } } },
        });
        const imports = await tx.userImport.deleteMany({ where: { accountId: account.id } });
        await tx.account.delete({ where: { id: account.id }, select: { id: true } });
        const emails = admins.map((a) => a.admin.email);
        await recordAudit(tx, {
          admin,
          action,
          outcome: 'Done',
          accountId: account.id,
          before: {
            name: account.name,
            type: account.type,
            status: account.status,
            defaultLicense: account.defaultLicense,
            admins: emails,
            userImports: imports.count,
          },
          detail: [
            `Deleted the account ${quoted(account.name)} (${label(account.type)}, ${label(account.status)}).`,
            emails.length ? `It was removed from the accounts of ${plural(emails.length, 'admin')}: ${emails.join(', ')}.` : '',
            imports.count ? `${plural(imports.count, 'user import')} for it deleted.` : '',
          ]
            .filter(Boolean)
            .join(' '),
        });
      },
      { lost: () => new DomainError('not-found', `${account.name} was deleted a moment ago.`) },
    );
    return { id: account.id, name: account.name, repeated: false };
  });
}
