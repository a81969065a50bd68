import 'server-only';
import type { License, Prisma } from '@/lib/generated/prisma/client';
import type { AuditAction } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { mutate } from '@/lib/kernel/mutation';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { scopedPrisma } from '@/lib/kernel/scope';
import { getPrisma } from '@/lib/db/client';
import { changeUserLicense, removeUser, suspendUser, unsuspendUser } from './user-changes';
import type { BulkAction } from './user-bulk-schemas';

// "Select the check boxes for the users and then choose Actions": one change per user, each its
// own conditional write through the same data function as the user's own page (so the same
// rules, refusals and audit rows), one after another. A refusal of one user does not stop the
// others; the outcome of each is kept in a UserBatch row for the result page.

/** The audit action of each bulk action, for a refusal of the whole batch. */
const AUDIT_ACTION: Record<BulkAction, AuditAction> = {
  suspend: 'suspend-user',
  unsuspend: 'unsuspend-user',
  'change-license': 'change-user-license',
  remove: 'remove-user',
  'unassign-phone-number': 'unassign-phone-number',
  'set-permissions': 'edit-telephony-permissions',
};

export type SelectedUser = {
  id: string;
  fullName: string;
  email: string;
  version: number;
  license: License;
  registrationStatus: string;
  phoneNumber: string | null;
};

export type BulkSelectionView = {
  account: { id: string; name: string; status: string };
  users: SelectedUser[];
  /** How many of the ids asked for are not (or no longer) users of this account. */
  missing: number;
};

/**
 * The users a confirmation page lists: those of `userIds` that are present users of the account,
 * in name order, with the version each is shown at; null when the account is not the admin's.
 */
export async function loadBulkSelection(admin: SessionAdmin, accountId: string, userIds: string[]): Promise<BulkSelectionView | null> {
  const prisma = await scopedPrisma(admin);
  const account = await prisma.account.findFirst({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      status: true,
      users: {
        where: { id: { in: userIds }, removedAt: null },
        orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          fullName: true,
          email: true,
          version: true,
          license: true,
          registrationStatus: true,
          phoneNumber: { select: { e164: true } },
        },
      },
    },
  });
  if (!account) return null;
  const { users, ...rest } = account;
  return {
    account: rest,
    users: users.map(({ phoneNumber, ...u }) => ({ ...u, phoneNumber: phoneNumber?.e164 ?? null })),
    missing: userIds.length - users.length,
  };
}

export type BulkOutcome = 'done' | 'repeated' | 'refused';
export type BulkResultRow = { userId: string; fullName: string; outcome: BulkOutcome; message?: string };

export type BulkChange = {
  accountId: string;
  action: BulkAction;
  users: { userId: string; version: number }[];
  license?: License;
  /** Set permissions: what each user gets. */
  permissions?: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
};

/** One user's change in a batch: a data function's own conditional write, with its own audit row. */
export type ChangeOne = (target: {
  accountId: string;
  userId: string;
  version: number;
}) => Promise<{ fullName: string; repeated: boolean }>;

/**
 * Changes each user as asked, if they are still as the confirmation page showed them; returns the
 * id of the batch's result. Refused as a whole only when the admin may change no users at all.
 */
export async function applyBulkChange(admin: SessionAdmin, input: BulkChange): Promise<string> {
  return runBulkChange(admin, input, (target) => changeOne(admin, input, target));
}

/**
 * The batch itself, for any domain's per-user change (lib/telephony/user-bulk-telephony.ts gives
 * its own, so domains only point down): refused as a whole only when the admin may change no users
 * of the account at all; then `change` for each user, one after another, each outcome kept.
 */
export async function runBulkChange(admin: SessionAdmin, input: BulkChange, change: ChangeOne): Promise<string> {
  // The batch as a whole: the admin's role and the account, each refusal audited once (by mutate).
  await mutate(
    admin,
    { action: AUDIT_ACTION[input.action], permission: 'change', about: { accountId: input.accountId } },
    async ({ db }) => {
      if (input.action === 'change-license' && !input.license)
        throw new DomainError('invalid', 'Choose the licence to give them', 'license');
      const account = await db.account.findFirst({ where: { id: input.accountId }, select: { id: true } });
      if (!account) throw new DomainError('not-found', 'That account does not exist, or is not one you administer.');
    },
  );
  const prisma = await scopedPrisma(admin);
  // Names for the result page, read once; a user the admin cannot see keeps their id only.
  const names = new Map(
    (
      await prisma.user.findMany({
        where: { accountId: input.accountId, id: { in: input.users.map((u) => u.userId) } },
        select: { id: true, fullName: true },
      })
    ).map((u) => [u.id, u.fullName]),
  );
  const results: BulkResultRow[] = [];
  for (const { userId, version } of input.users) {
    const target = { accountId: input.accountId, userId, version };
    const fullName = names.get(userId) ?? 'A user who is not in this account';
    try {
      const result = await change(target);
      results.push({ userId, fullName: result.fullName, outcome: result.repeated ? 'repeated' : 'done' });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push({ userId, fullName, outcome: 'refused', message: err.message });
    }
  }
  const batch = await (
    await getPrisma()
  ).userBatch.create({
    data: { adminId: admin.id, accountId: input.accountId, action: input.action, results: results as Prisma.InputJsonValue },
    select: { id: true },
  });
  return batch.id;
}

async function changeOne(
  admin: SessionAdmin,
  input: BulkChange,
  target: { accountId: string; userId: string; version: number },
): Promise<{ fullName: string; repeated: boolean }> {
  switch (input.action) {
    case 'suspend':
      return suspendUser(admin, target);
    case 'unsuspend':
      return unsuspendUser(admin, target);
    case 'change-license':
      return changeUserLicense(admin, { ...target, license: input.license! });
    case 'remove':
      return removeUser(admin, target);
    case 'unassign-phone-number':
    case 'set-permissions':
      throw new Error(`${input.action} is made by lib/telephony/user-bulk-telephony.ts`);
  }
}

export type BulkResultView = { id: string; action: BulkAction; createdAt: Date; results: BulkResultRow[] };

/** A batch's outcome, for the admin who made it only (it names users of their accounts). */
export async function getBulkResult(admin: SessionAdmin, accountId: string, batchId: string): Promise<BulkResultView | null> {
  const row = await (
    await getPrisma()
  ).userBatch.findFirst({
    where: { id: batchId, accountId, adminId: admin.id },
    select: { id: true, action: true, createdAt: true, results: true },
  });
  if (!row) return null;
  return { id: row.id, action: row.action as BulkAction, createdAt: row.createdAt, results: row.results as BulkResultRow[] };
}
