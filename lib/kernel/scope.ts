import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { SessionAdmin } from './session-admin';

/**
 * The database as one admin may see it: every query on accounts and users (find, count,
 * aggregate, update, delete, upsert) gets the admin's account scope added to its `where`, so a
 * query written without thinking of scope still cannot reach another account. Data functions
 * that read accounts or users take their client from here, not from getPrisma().
 *
 * Relations read through another model (a number's `user`) are not covered by Prisma's query
 * extensions: code that shows them checks canSeeAccount() itself (lib/inventory/phone-numbers.ts).
 */
const FILTERED = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);

export async function scopedPrisma(admin: SessionAdmin) {
  const prisma = await getPrisma();
  const ids = [...admin.accountIds];
  const accountWhere: Prisma.AccountWhereInput = admin.allAccounts ? {} : { id: { in: ids } };
  const userWhere: Prisma.UserWhereInput = admin.allAccounts ? {} : { accountId: { in: ids } };
  const within = <W extends object>(where: W | undefined, scope: object): W =>
    ({ ...(where ?? {}), AND: [scope, ...([] as object[]).concat((where as { AND?: object | object[] } | undefined)?.AND ?? [])] }) as W;
  /** A create of users whose every row names one of the admin's accounts by id. */
  const createsOwnUsers = (operation: string, args: unknown) => {
    if (!['create', 'createMany', 'createManyAndReturn'].includes(operation)) return false;
    const data = (args as { data?: unknown } | undefined)?.data;
    const rows = Array.isArray(data) ? data : [data];
    return rows.length > 0 && rows.every((row) => typeof row?.accountId === 'string' && ids.includes(row.accountId));
  };
  const scoped = (scope: object, model: 'account' | 'user') =>
    async function ({ operation, args, query }: { operation: string; args: unknown; query: (args: unknown) => Promise<unknown> }) {
      if (FILTERED.has(operation)) {
        const a = (args ?? {}) as { where?: object };
        a.where = within(a.where, scope);
        return query(a);
      }
      // Creating rows in someone else's account is a bug in the caller, never a user's mistake.
      // An admin of some accounts may create users in those (Add user, Import users), nothing else.
      if (!admin.allAccounts && operation.startsWith('create') && !(model === 'user' && createsOwnUsers(operation, args)))
        throw new Error(`account scope: ${operation} is not allowed through the scoped client`);
      return query(args);
    };
  return prisma.$extends({
    name: 'account-scope',
    query: { account: { $allOperations: scoped(accountWhere, 'account') }, user: { $allOperations: scoped(userWhere, 'user') } },
  }) as unknown as typeof prisma;
}

/** Whether the admin administers this account (for data reached through another model). */
export function canSeeAccount(admin: SessionAdmin, accountId: string | null | undefined): boolean {
  return Boolean(accountId) && (admin.allAccounts || admin.accountIds.includes(accountId!));
}
