import 'server-only';
import type { AdminRole } from '@/lib/generated/prisma/client';

export type { AdminRole };
import { getPrisma } from '@/lib/db/client';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { recordAudit } from './audit';
import { recordSignInFailure, recordSignInSuccess, signInWait } from '@/lib/auth/sign-in-throttle';

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

export type SignedInAdmin = { id: string; email: string; name: string; sessionVersion: number };

/** Seconds before the next sign-in attempt for this email or address will be checked. */
export async function signInRetryAfter(email: string, address: string | null): Promise<number> {
  return signInWait(await getPrisma(), { email: normaliseEmail(email).slice(0, 320), address });
}

/**
 * Checks an email and password. Unknown emails, disabled admins and wrong passwords all cost
 * one argon2 verification and give the same answer, so the answer reveals nothing. Attempts
 * for an email or from an address that failed too often lately are refused unchecked until
 * their wait is over (see lib/auth/sign-in-throttle.ts), and count as failures themselves.
 */
export async function verifyAdminCredentials(
  email: string,
  password: string,
  address: string | null = null,
): Promise<SignedInAdmin | null> {
  const prisma = await getPrisma();
  const normalised = normaliseEmail(email);
  const throttle = { email: normalised.slice(0, 320), address };
  const wait = await signInWait(prisma, throttle);
  if (wait > 0) {
    await recordSignInFailure(prisma, throttle);
    await recordAudit(prisma, {
      adminEmail: throttle.email,
      action: 'sign-in',
      outcome: 'Denied',
      detail: `too many attempts: refused unchecked${address ? ` (from ${address})` : ''}`,
    });
    return null;
  }
  const admin = await prisma.admin.findUnique({
    where: { email: normalised },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const ok = await verifyPassword(admin?.passwordHash ?? (await dummyPasswordHash()), password);
  const allowed = Boolean(admin && ok && !admin.disabledAt);
  await recordAudit(prisma, {
    admin: allowed && admin ? admin : null,
    adminEmail: normalised.slice(0, 320),
    action: 'sign-in',
    outcome: allowed ? 'Done' : 'Denied',
    detail: allowed ? undefined : !admin ? 'unknown email' : admin.disabledAt ? 'admin disabled' : 'wrong password',
  });
  if (!allowed || !admin) {
    await recordSignInFailure(prisma, throttle);
    return null;
  }
  await recordSignInSuccess(prisma, throttle);
  return { id: admin.id, email: admin.email, name: admin.name, sessionVersion: admin.sessionVersion };
}

export type NewAdmin = {
  email: string;
  name: string;
  password: string;
  role: AdminRole;
  allAccounts: boolean;
  accountIds?: string[];
};

/** Creates an admin (first admin of a production database, demo seed, tests). */
export async function createAdmin(input: NewAdmin): Promise<{ id: string; email: string }> {
  const prisma = await getPrisma();
  const passwordHash = await hashPassword(input.password);
  return prisma.admin.create({
    data: {
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      passwordHash,
      role: input.role,
      allAccounts: input.allAccounts,
      accounts: input.accountIds?.length
        ? { create: input.accountIds.map((accountId) => ({ accountId })) }
        : undefined,
    },
    select: { id: true, email: true },
  });
}
