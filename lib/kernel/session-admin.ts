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
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function loadSessionAdmin(adminId: string, sessionVersion: number | undefined): Promise<SessionAdmin | null> {
  const prisma = await getPrisma();
  const admin = await prisma.admin.findUnique({
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
  if (!admin || admin.disabledAt || admin.sessionVersion !== sessionVersion) return null;
  return {
    id: admin.id,
    email: admin.email,
    name: admin.name,
    role: admin.role,
    canChange: admin.role === 'Administrator',
    allAccounts: admin.allAccounts,
    accountIds: admin.accounts.map((a) => a.accountId),
  } as unknown as SessionAdmin;
}
