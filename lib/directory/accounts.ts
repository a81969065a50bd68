import 'server-only';
import { likeLiteral } from '@/lib/kernel/search';
import { keysetPage, type ListParams, type Page } from '@/lib/kernel/pagination';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { scopedPrisma } from '@/lib/kernel/scope';

export type AccountRow = { id: string; name: string; type: string; status: string; userCount: number };

export async function listAccounts(admin: SessionAdmin, params: ListParams): Promise<Page<AccountRow>> {
  const prisma = await scopedPrisma(admin);
  const page = keysetPage('name', params);
  const rows = await prisma.account.findMany({
    where: {
      AND: [params.q ? { name: { contains: likeLiteral(params.q), mode: 'insensitive' } } : {}, page.where],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: { id: true, name: true, type: true, status: true, _count: { select: { users: { where: { removedAt: null } } } } },
  });
  const result = page.toPage(rows);
  return {
    ...result,
    rows: result.rows.map(({ _count, ...a }) => ({ ...a, userCount: _count.users })),
  };
}

export type AccountSummary = {
  id: string;
  name: string;
  type: string;
  status: string;
  defaultLicense: string;
  userCount: number;
  phoneNumberCount: number;
};

/** One account, or null when it does not exist or this admin does not administer it (the same answer). */
export async function getAccount(admin: SessionAdmin, accountId: string): Promise<AccountSummary | null> {
  const prisma = await scopedPrisma(admin);
  const account = await prisma.account.findFirst({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      defaultLicense: true,
      // Removed users are kept (with their history) but are no longer the account's users.
      _count: { select: { users: { where: { removedAt: null } }, phoneNumbers: true } },
    },
  });
  if (!account) return null;
  const { _count, ...rest } = account;
  return { ...rest, userCount: _count.users, phoneNumberCount: _count.phoneNumbers };
}

/** An account's name and status, for the pages that act on it (the assign pages, the Actions pages). */
export async function getAccountStatus(
  admin: SessionAdmin,
  accountId: string,
): Promise<{ id: string; name: string; status: AccountSummary['status'] } | null> {
  const prisma = await scopedPrisma(admin);
  return prisma.account.findFirst({ where: { id: accountId }, select: { id: true, name: true, status: true } });
}
