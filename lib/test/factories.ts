import crypto from 'node:crypto';
import type {
  AccountType,
  AdminRole,
  PhoneNumberProductType,
  PhoneNumberStatus,
  PhoneNumberType,
  PrismaClient,
} from '@/lib/generated/prisma/client';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { hashTestPassword } from './password';
import { accountNameKey } from '@/lib/directory/names';
import { newSecret } from '@/lib/api/token-secret';

// Factories for tests: every record gets a unique name, so tests never collide with each other,
// with earlier runs or with the demo data.

export function uniqueSuffix(): string {
  return crypto.randomBytes(4).toString('hex');
}

export async function makeAccount(
  prisma: PrismaClient,
  overrides: { name?: string; type?: AccountType } = {},
): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? `Test Account ${uniqueSuffix()}`;
  return prisma.account.create({
    data: { name, nameKey: accountNameKey(name), type: overrides.type ?? 'Team' },
    select: { id: true, name: true },
  });
}

export async function makeUser(
  prisma: PrismaClient,
  accountId: string,
  overrides: { fullName?: string; email?: string; inboundCalling?: boolean; outboundCalling?: boolean; sms?: boolean } = {},
): Promise<{ id: string; fullName: string; email: string; accountId: string }> {
  const suffix = uniqueSuffix();
  const email = (overrides.email ?? `user-${suffix}@test.example`).toLowerCase();
  return prisma.user.create({
    data: {
      accountId,
      fullName: overrides.fullName ?? `Test User ${suffix}`,
      email,
      activeEmail: email,
      license: 'Pro',
      inboundCalling: overrides.inboundCalling ?? false,
      outboundCalling: overrides.outboundCalling ?? false,
      sms: overrides.sms ?? false,
    },
    select: { id: true, fullName: true, email: true, accountId: true },
  });
}

let numberCounter = 0;
/** A valid, unused North American number in the 555-01xx fictional range of a random area code. */
export function uniqueE164(): string {
  const area = 200 + crypto.randomInt(0, 700);
  const exchange = 200 + crypto.randomInt(0, 700);
  const line = String((crypto.randomInt(0, 10_000) + numberCounter++) % 10_000).padStart(4, '0');
  return `+1${area}${exchange}${line}`;
}

/**
 * Like uniqueE164, but a number the phone library accepts as a valid local (not toll-free or
 * premium-rate) United States number, as the "Add phone numbers" checks require.
 */
export function uniqueLocalE164(): string {
  for (;;) {
    const e164 = uniqueE164();
    const parsed = parsePhoneNumberFromString(e164);
    if (parsed?.isValid() && parsed.country === 'US' && !['TOLL_FREE', 'PREMIUM_RATE'].includes(parsed.getType() ?? '')) return e164;
  }
}

/** A valid United States toll-free number (800, 888, …) nobody is likely to have used. */
export function uniqueTollFreeE164(): string {
  const prefixes = ['800', '833', '844', '855', '866', '877', '888'];
  for (;;) {
    const e164 = `+1${prefixes[crypto.randomInt(0, prefixes.length)]}${uniqueE164().slice(5)}`;
    if (parsePhoneNumberFromString(e164)?.getType() === 'TOLL_FREE') return e164;
  }
}

export async function makePhoneNumber(
  prisma: PrismaClient,
  overrides: {
    e164?: string;
    type?: PhoneNumberType;
    productType?: PhoneNumberProductType;
    status?: PhoneNumberStatus;
    user?: { id: string; accountId: string };
  } = {},
): Promise<{ id: string; e164: string }> {
  return prisma.phoneNumber.create({
    data: {
      e164: overrides.e164 ?? uniqueE164(),
      country: 'US',
      type: overrides.type ?? 'Local',
      productType: overrides.productType ?? 'BusinessCalling',
      status: overrides.user ? 'Assigned' : (overrides.status ?? 'Unassigned'),
      userId: overrides.user?.id,
      accountId: overrides.user?.accountId,
      assignedAt: overrides.user ? new Date() : undefined,
    },
    select: { id: true, e164: true },
  });
}

export async function makeAdmin(
  prisma: PrismaClient,
  overrides: { role?: AdminRole; accountIds?: string[]; allAccounts?: boolean; password?: string; disabled?: boolean } = {},
): Promise<{ id: string; email: string; name: string; password: string }> {
  const suffix = uniqueSuffix();
  const password = overrides.password ?? `pw-${suffix}-${uniqueSuffix()}`;
  const admin = await prisma.admin.create({
    data: {
      email: `admin-${suffix}@test.example`,
      name: `Test Admin ${suffix}`,
      passwordHash: await hashTestPassword(password),
      role: overrides.role ?? 'Administrator',
      allAccounts: overrides.allAccounts ?? !overrides.accountIds,
      disabledAt: overrides.disabled ? new Date() : null,
      accounts: overrides.accountIds ? { create: overrides.accountIds.map((accountId) => ({ accountId })) } : undefined,
    },
    select: { id: true, email: true, name: true },
  });
  return { ...admin, password };
}

/** An API or provisioning token for `adminId`, as the console makes one; returns its secret. */
export async function makeApiToken(
  prisma: PrismaClient,
  adminId: string,
  overrides: {
    kind?: 'Personal' | 'Provisioning';
    accountId?: string;
    readOnly?: boolean;
    name?: string;
    expiresAt?: Date | null;
    revoked?: boolean;
  } = {},
): Promise<{ id: string; name: string; secret: string }> {
  const kind = overrides.kind ?? 'Personal';
  const { secret, hint, secretHash } = newSecret(kind);
  const admin = await prisma.admin.findUniqueOrThrow({ where: { id: adminId }, select: { sessionVersion: true } });
  const name = overrides.name ?? `Test token ${uniqueSuffix()}`;
  const token = await prisma.apiToken.create({
    data: {
      kind,
      adminId,
      accountId: overrides.accountId ?? null,
      name,
      hint,
      secretHash,
      readOnly: overrides.readOnly ?? false,
      adminVersion: admin.sessionVersion,
      expiresAt:
        overrides.expiresAt === undefined ? (kind === 'Personal' ? new Date(Date.now() + 30 * 86_400_000) : null) : overrides.expiresAt,
      revokedAt: overrides.revoked ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: token.id, name, secret };
}
