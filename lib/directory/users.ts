import 'server-only';
import type { AccountStatus, Prisma } from '@/lib/generated/prisma/client';
import { keysetPage, type CountedPage, type ListParams } from '@/lib/kernel/pagination';
import { searchDigits } from '@/lib/kernel/phone';
import { likeLiteral } from '@/lib/kernel/search';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { UserFilters } from './user-params';
import { outboxRowSelect, USER_NOTIFICATIONS, type OutboxRow } from '@/lib/notifications/outbox';

export type UserRow = {
  id: string;
  fullName: string;
  email: string;
  license: string;
  registrationStatus: string;
  phoneNumber: string | null;
  /** The number's id, for a link to its page (every admin may open a number's page). */
  phoneNumberId: string | null;
  inboundCalling: boolean;
  outboundCalling: boolean;
  sms: boolean;
};

/**
 * Users of one account the admin administers, one page of them, with how many match in all;
 * null when the account is not theirs to see. Removed users are never listed. `filters`: the
 * Users page's (has a number or not, registration status, licence), with the search `q`;
 * `withoutNumber`: only those who could be given a number (the assign pages); `notSuspended`: no
 * suspended user (Move phone number).
 */
export async function listUsers(
  admin: SessionAdmin,
  accountId: string,
  params: ListParams,
  opts: { withoutNumber?: boolean; notSuspended?: boolean; filters?: UserFilters } = {},
): Promise<(CountedPage<UserRow> & { account: { id: string; name: string; status: AccountStatus } }) | null> {
  const prisma = await scopedPrisma(admin);
  const page = keysetPage('fullName', params);
  const filters: UserFilters = { ...opts.filters, ...(opts.withoutNumber ? { number: 'without' } : {}) };
  const where = userListWhere(filters, params.q);
  // Suspended users get no number (Move phone number offers only those who could take it).
  const matching: Prisma.UserWhereInput = opts.notSuspended ? { AND: [where, { registrationStatus: { not: 'Suspended' } }] } : where;
  // One query: the account (scoped to the admin's accounts, so its users are theirs to see) with
  // one page of its users and their numbers, and the count of all that match, in the same SELECT.
  // Where the page starts comes from its cursor (keysetPage.toCountedPage), not from a second count.
  const account = await prisma.account.findFirst({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      status: true,
      _count: { select: { users: { where: matching } } },
      users: {
        where: { AND: [matching, page.where] },
        orderBy: page.orderBy,
        take: page.take,
        select: {
          id: true,
          fullName: true,
          email: true,
          license: true,
          registrationStatus: true,
          inboundCalling: true,
          outboundCalling: true,
          sms: true,
          phoneNumber: { select: { id: true, e164: true } },
        },
      },
    },
  });
  if (!account) return null;
  const result = page.toCountedPage(account.users, account._count.users);
  return {
    ...result,
    account: { id: account.id, name: account.name, status: account.status },
    rows: result.rows.map(({ phoneNumber, ...u }) => ({
      ...u,
      phoneNumber: phoneNumber?.e164 ?? null,
      phoneNumberId: phoneNumber?.id ?? null,
    })),
  };
}

/** The users of a list (within an account, which the caller scopes): present ones, filtered and searched. */
export function userListWhere(filters: UserFilters, q: string | undefined): Prisma.UserWhereInput {
  return {
    AND: [
      { removedAt: null },
      filters.number === 'with' ? { phoneNumber: { isNot: null } } : filters.number === 'without' ? { phoneNumber: { is: null } } : {},
      filters.status ? { registrationStatus: filters.status } : {},
      filters.license ? { license: filters.license } : {},
      userSearch(q),
    ],
  };
}

/** Name or email contains the text, or the number contains its digits. */
function userSearch(q: string | undefined): Prisma.UserWhereInput {
  if (!q) return {};
  const digits = searchDigits(q);
  return {
    OR: [
      { fullName: { contains: likeLiteral(q), mode: 'insensitive' } },
      { email: { contains: likeLiteral(q), mode: 'insensitive' } },
      ...(digits.length >= 3 ? [{ phoneNumber: { is: { e164: { contains: digits } } } }] : []),
    ],
  };
}

export type UserDetails = {
  id: string;
  accountId: string;
  fullName: string;
  email: string;
  userType: string;
  license: string;
  registrationStatus: string;
  invitationStatus: string;
  inboundCalling: boolean;
  outboundCalling: boolean;
  sms: boolean;
  version: number;
  telephonyChangedAt: Date | null;
  lastSignInAt: Date | null;
  /** Set once the user is removed: their page stays readable, and nothing about them changes. */
  removedAt: Date | null;
  /** `version`: for forms that must notice a change to the number meanwhile (Move phone number). */
  phoneNumber: { id: string; e164: string; version: number } | null;
  account: { id: string; name: string; status: AccountStatus };
};

const userDetailsSelect = {
  id: true,
  accountId: true,
  fullName: true,
  email: true,
  userType: true,
  license: true,
  registrationStatus: true,
  invitationStatus: true,
  inboundCalling: true,
  outboundCalling: true,
  sms: true,
  version: true,
  telephonyChangedAt: true,
  lastSignInAt: true,
  removedAt: true,
  phoneNumber: { select: { id: true, e164: true, version: true } },
  account: { select: { id: true, name: true, status: true } },
} as const satisfies Prisma.UserSelect;

/** One user, scoped by account and by the admin's accounts; null when not found or not visible. */
export async function getUser(admin: SessionAdmin, accountId: string, userId: string): Promise<UserDetails | null> {
  const prisma = await scopedPrisma(admin);
  return prisma.user.findFirst({ where: { id: userId, accountId }, select: userDetailsSelect });
}

/**
 * As getUser, with the latest emails about the user (newest first, `more` when there are older
 * ones), read in the same query: the user details page stays within three queries. For a removed
 * user, also who removed them (`removedBy`, a name), one more query.
 */
export async function getUserWithNotifications(
  admin: SessionAdmin,
  accountId: string,
  userId: string,
): Promise<(UserDetails & { notifications: { rows: OutboxRow[]; more: boolean }; removedBy: string | null }) | null> {
  const prisma = await scopedPrisma(admin);
  const user = await prisma.user.findFirst({
    where: { id: userId, accountId },
    select: {
      ...userDetailsSelect,
      removedById: true,
      notifications: {
        where: { accountId },
        orderBy: [{ createdAt: 'desc' }, { seq: 'desc' }],
        take: USER_NOTIFICATIONS + 1,
        select: outboxRowSelect,
      },
    },
  });
  if (!user) return null;
  const { notifications, removedById, ...details } = user;
  // Admins are not in an account's scope: any admin may read another's name, as the audit log shows it.
  const remover = removedById ? await prisma.admin.findUnique({ where: { id: removedById }, select: { name: true } }) : null;
  return {
    ...details,
    removedBy: removedById ? (remover?.name ?? 'a former admin') : null,
    notifications: { rows: notifications.slice(0, USER_NOTIFICATIONS), more: notifications.length > USER_NOTIFICATIONS },
  };
}
