import 'server-only';
import type { AdminRole } from '@/lib/generated/prisma/client';

export type { AdminRole };
import { getPrisma } from '@/lib/db/client';

declare const sessionAdminBrand: unique symbol;

/**
 * The signed-in admin as the data layer sees them. Only `loadSessionAdmin` makes one, after
 * checking the admin still exists, is enabled and the session is current, so a data function
 * that takes a SessionAdmin cannot be called for a session nobody checked.
 */
export type SessionAdmin = {
  readonly [sessionAdminBrand]: true;
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  /** May make changes (role Administrator), not just look. */
  canChange: boolean;
  allAccounts: boolean;
  accountIds: readonly string[];
  /** The IANA zone every page shows this admin's dates and times in (lib/kernel/format-time.ts). */
  timeZone: string;
  /** The admin's sessionVersion this session (or token) was checked against. */
  sessionVersion: number;
  /**
   * Set when the admin acts through an API or provisioning token (lib/api/tokens.ts): audit rows
   * name it beside the admin, and a read-only token changes nothing (lib/kernel/mutation.ts).
   */
  token?: ApiTokenUse;
};

export type ApiTokenUse = { id: string; name: string; kind: 'Personal' | 'Provisioning'; readOnly: boolean };

/** What loadSessionAdmin and the token check read of an admin. */
export const ADMIN_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  allAccounts: true,
  disabledAt: true,
  sessionVersion: true,
  timeZone: true,
  accounts: { select: { accountId: true } },
} as const;

type AdminRow = {
  id: string;
  sessionVersion: number;
  email: string;
  name: string;
  role: AdminRole;
  allAccounts: boolean;
  timeZone: string;
  accounts: { accountId: string }[];
};

/**
 * The SessionAdmin for a row the caller has checked (enabled, session or token current). A
 * provisioning token narrows the admin to its one account, and only if they administer it.
 */
export function sessionAdminFrom(admin: AdminRow, token?: ApiTokenUse & { accountId?: string | null }): SessionAdmin {
  const accountIds = admin.accounts.map((a) => a.accountId);
  const narrowTo = token?.kind === 'Provisioning' ? token.accountId : undefined;
  const scope =
    narrowTo !== undefined
      ? { allAccounts: false, accountIds: narrowTo && (admin.allAccounts || accountIds.includes(narrowTo)) ? [narrowTo] : [] }
      : { allAccounts: admin.allAccounts, accountIds };
  return {
    id: admin.id,
    email: admin.email,
    name: admin.name,
    role: admin.role,
    sessionVersion: admin.sessionVersion,
    timeZone: admin.timeZone,
    canChange: admin.role === 'Administrator' && !token?.readOnly,
    ...scope,
    ...(token ? { token: { id: token.id, name: token.name, kind: token.kind, readOnly: token.readOnly } } : {}),
  } as unknown as SessionAdmin;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The admin of a session, if it is still good: they exist, are enabled, nothing ended their
 * sessions since (sessionVersion), and this one (`sid`, when the session has one) was not
 * signed out. One query: the ended-session check is a NOT EXISTS in the same statement.
 */
export async function loadSessionAdmin(adminId: string, sessionVersion: number | undefined, sid?: string): Promise<SessionAdmin | null> {
  const prisma = await getPrisma();
  const admin = await prisma.admin.findUnique({
    where: { id: adminId, ...(sid ? { endedSessions: { none: { sid } } } : {}) },
    select: ADMIN_SELECT,
  });
  if (!admin || admin.disabledAt || admin.sessionVersion !== sessionVersion) return null;
  return sessionAdminFrom(admin);
}
