import 'server-only';
import net from 'node:net';
import type { PrismaClient } from '@/lib/generated/prisma/client';

// Failed sign-ins slow down, then lock out, each email address and each client address. The
// counts live in the database so that every instance enforces the same limits.

const WINDOW_MS = 15 * 60 * 1000; // failures older than this are forgotten
const LOCKOUT_MS = 15 * 60 * 1000;

type Policy = { freeFailures: number; lockoutAfter: number };
// An email address: two free tries, then 2, 4, 8, 16 s between attempts, then locked for 15 min.
const EMAIL: Policy = { freeFailures: 2, lockoutAfter: 8 };
// A client address is shared by many people (an office behind one NAT): more slack.
const ADDRESS: Policy = { freeFailures: 20, lockoutAfter: 50 };

function delayAfter(failures: number, policy: Policy): number {
  if (failures >= policy.lockoutAfter) return LOCKOUT_MS;
  if (failures <= policy.freeFailures) return 0;
  return Math.min(2 ** (failures - policy.freeFailures) * 1000, 60_000);
}

export type ThrottleKeys = { email: string; address: string | null };

function keys(k: ThrottleKeys): { key: string; policy: Policy }[] {
  return [{ key: `email:${k.email}`, policy: EMAIL }, ...(k.address ? [{ key: `ip:${k.address}`, policy: ADDRESS }] : [])];
}

/** Seconds to wait before another attempt for this email or address may be checked (0: go ahead). */
export async function signInWait(prisma: PrismaClient, k: ThrottleKeys, now = new Date()): Promise<number> {
  const rows = await prisma.signInThrottle.findMany({
    where: { key: { in: keys(k).map((x) => x.key) } },
    select: { notBefore: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.notBefore.getTime()));
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** Counts a failed (or refused) attempt against the email and the address, in one statement each. */
export async function recordSignInFailure(prisma: PrismaClient, k: ThrottleKeys, now = new Date()): Promise<void> {
  for (const { key, policy } of keys(k)) {
    // One atomic upsert: concurrent failures on several instances all count.
    const [row] = await prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" (key, failures, "firstFailureAt", "lastFailureAt", "notBefore")
      VALUES (${key}, 1, ${now}, ${now}, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN "SignInThrottle"."lastFailureAt" < ${new Date(now.getTime() - WINDOW_MS)} THEN 1 ELSE "SignInThrottle".failures + 1 END,
        "firstFailureAt" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${new Date(now.getTime() - WINDOW_MS)} THEN ${now} ELSE "SignInThrottle"."firstFailureAt" END,
        "lastFailureAt" = ${now}
      RETURNING failures`;
    const failures = row?.failures ?? 1;
    await prisma.signInThrottle.update({
      where: { key },
      data: { notBefore: new Date(now.getTime() + delayAfter(failures, policy)) },
      select: { key: true },
    });
  }
}

/** A successful sign-in clears the email's failures; the address keeps its count. */
export async function recordSignInSuccess(prisma: PrismaClient, k: ThrottleKeys): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: `email:${k.email}` } });
}

/**
 * The client's address for throttling. Next.js fills X-Forwarded-For only when it is missing,
 * so without a proxy a client can name any address: set TRUSTED_PROXY_HOPS to the number of
 * proxies in front of Switchboard (each appends the address it saw) and the address is read that
 * many entries from the right. Per-email limits hold regardless.
 */
export function clientAddress(forwardedFor: string | null, hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 1)): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const index = Math.max(0, entries.length - Math.max(1, hops));
  // Only an IP address is a key: anything else in the header (a forged name, a long string) is
  // no address at all, and the per-email limit still holds.
  const address = entries[index]!.replace(/^\[(.*)\]$/, '$1');
  return net.isIP(address) ? address : null;
}
