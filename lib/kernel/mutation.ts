import 'server-only';
import type { AuditOutcome, Prisma } from '@/lib/generated/prisma/client';
import { getPrisma, markOutage } from '@/lib/db/client';
import { recordAudit, type AuditAction } from './audit';
import { DomainError, isUniqueViolation } from './errors';
import { scopedPrisma } from './scope';
import type { SessionAdmin } from './session-admin';

// The one way a change is made or refused (STYLE 13b). A data function that changes something
// calls `mutate`: it checks the admin's role, hands the function the account-scoped database,
// runs the conditional write with its audit row in one short transaction, and audits any
// refusal on its own, outside the transaction that rolled back, then rethrows it to the form.

/**
 * Every transaction's options. PGlite runs one transaction at a time, so they stay short: reads,
 * checks and password hashing happen before, never inside. The timeout is long enough for the
 * largest write there is, 20,000 numbers added at once on the embedded database.
 */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

export type Db = Awaited<ReturnType<typeof scopedPrisma>>;
export type Tx = Prisma.TransactionClient;

/** What an admin's role lets them change, and what they read when it does not. */
const PERMISSIONS = {
  /** Any change to phone numbers and users: role Administrator. */
  change: {
    allows: (admin: SessionAdmin) => admin.canChange,
    refusal: 'You have read-only access, so you cannot change phone numbers, users or permissions.',
  },
  /** Creating, renaming, suspending, activating and deleting accounts: an Administrator of all accounts. */
  'manage-accounts': {
    allows: (admin: SessionAdmin) => admin.role === 'Administrator' && admin.allAccounts,
    refusal: 'Only an Administrator of all accounts can create, rename, suspend, activate or delete accounts.',
  },
  /** Making and revoking one's own API tokens: every admin (a token does no more than its admin). */
  'own-tokens': {
    allows: () => true,
    refusal: '',
  },
  /** An admin's own settings (their time zone): every admin, read-only ones included. */
  'own-settings': {
    allows: () => true,
    refusal: '',
  },
  /** Seeing and changing admins: an Administrator of all accounts. */
  'manage-admins': {
    allows: (admin: SessionAdmin) => admin.role === 'Administrator' && admin.allAccounts,
    refusal: 'Only an Administrator of all accounts can see or change admins.',
  },
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const READ_ONLY_TOKEN_REFUSAL = 'This API token is read-only, so it cannot change anything.';

export function hasPermission(admin: SessionAdmin, permission: Permission): boolean {
  return PERMISSIONS[permission].allows(admin);
}

/** What a refusal's audit row names besides the admin, the action and the message. */
export type RefusalRecord = {
  accountId?: string;
  userId?: string;
  phoneNumberId?: string;
  /** What the admin asked for (audit rows keep it in `after`). */
  attempted?: Prisma.InputJsonValue;
};

const OUTCOMES = {
  denied: 'Denied',
  'not-found': 'Denied',
  conflict: 'Conflict',
  invalid: 'Invalid',
} as const satisfies Record<DomainError['kind'], AuditOutcome>;

/**
 * Audits a refusal made before any data function ran (a machine route that found nothing to act
 * on): the same row `mutate` writes for its own refusals.
 */
export async function auditRefusal(admin: SessionAdmin, action: AuditAction, error: DomainError, record: RefusalRecord) {
  // On its own, outside any transaction: the change it refuses has rolled back, or never began.
  await recordAudit(await getPrisma(), {
    admin,
    action,
    outcome: OUTCOMES[error.kind],
    accountId: record.accountId,
    userId: record.userId,
    phoneNumberId: record.phoneNumberId,
    after: record.attempted,
    detail: error.message,
  });
}

/**
 * Refuses, and audits the refusal, unless the admin's role allows `permission`. For reads and
 * previews guarded by the same check as the changes (`mutate` calls it itself).
 */
export async function requirePermission(admin: SessionAdmin, permission: Permission, action: AuditAction, record: RefusalRecord = {}) {
  // A read-only token changes nothing, whatever its admin's role would allow.
  const readOnlyToken = admin.token?.readOnly === true;
  if (hasPermission(admin, permission) && !readOnlyToken) return;
  const error = new DomainError('denied', readOnlyToken ? READ_ONLY_TOKEN_REFUSAL : PERMISSIONS[permission].refusal);
  await auditRefusal(admin, action, error, record);
  throw error;
}

/** What happens when a transaction's conditional write matched nothing or broke a unique index. */
type WriteOptions = {
  /** Why the change lost its race, told from the state as it is now (read after the rollback). */
  lost?: () => DomainError | Promise<DomainError>;
  /** The refusal when someone else made the same thing first (a unique index said no). */
  unique?: () => DomainError | Promise<DomainError>;
};

export type Change = {
  /** The database as this admin may see it (accounts and users scoped). */
  db: Db;
  /** Adds to what a refusal from here on is audited with: an id learned from a read, what was asked. */
  about(record: RefusalRecord): void;
  /**
   * The conditional write and its audit row, in one transaction. `lost()` says a conditional
   * write matched nothing (someone else changed the row first); a DomainError thrown inside
   * rolls everything back. Both are refusals, audited by `mutate`.
   */
  write<T>(work: (tx: Tx, lost: () => never) => Promise<T>, options?: WriteOptions): Promise<T>;
};

class LostRace extends Error {}
const lostRace = (): never => {
  throw new LostRace('a conditional write matched nothing');
};

/**
 * Runs one change for `admin`: role check, then `body` (its reads and checks, then `write`).
 * Any DomainError from the body, a lost conditional write or a mapped unique violation is
 * audited once, with one outcome per kind, and rethrown; anything else is a bug and goes on up.
 */
export async function mutate<T>(
  admin: SessionAdmin,
  spec: { action: AuditAction; permission: Permission; about?: RefusalRecord },
  body: (change: Change) => Promise<T>,
): Promise<T> {
  const record: RefusalRecord = { ...spec.about };
  await requirePermission(admin, spec.permission, spec.action, record);
  const db = await scopedPrisma(admin);
  const change: Change = {
    db,
    about: (more) => Object.assign(record, more),
    async write(work, options = {}) {
      try {
        return await db.$transaction((tx) => work(tx, lostRace), TX_OPTIONS);
      } catch (err) {
        if (err instanceof LostRace && options.lost) throw await options.lost();
        if (options.unique && isUniqueViolation(err)) throw await options.unique();
        // A transaction that could not begin never reached the client's query extension.
        throw markOutage(err);
      }
    },
  };
  try {
    return await body(change);
  } catch (err) {
    if (err instanceof DomainError) await auditRefusal(admin, spec.action, err, record);
    throw err;
  }
}
