import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/kernel/audit';
import { normaliseEmail } from '@/lib/kernel/session-admin';
import { dummyPasswordHash, verifyPassword } from './password';
import { recordSignInFailure, recordSignInSuccess, signInWait } from './sign-in-throttle';

export type SignedInAdmin = { id: string; email: string; name: string; sessionVersion: number };

/** Seconds before the next sign-in attempt for this email or address will be checked. */
export async function signInRetryAfter(email: string, address: string | null): Promise<number> {
  return signInWait(await getPrisma(), { email: normaliseEmail(email).slice(0, 320), address });
}

/**
 * Checks an email and password. Unknown emails, disabled admins and wrong passwords all cost
 * one argon2 verification and give the same answer, so the answer reveals nothing. Attempts
 * for an email or from an address that failed too often lately are refused unchecked until
 * their wait is over (see sign-in-throttle.ts); those do not count as failures, so the wait
 * cannot be renewed by someone who does not know the password.
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
    // Not counted: an attempt refused unchecked proves nothing about the password, and counting
    // it would let anyone keep any admin locked out for ever with one request per lockout.
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
