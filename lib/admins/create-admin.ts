import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { getPrisma } from '@/lib/db/client';
import { normaliseEmail, type AdminRole } from '@/lib/kernel/session-admin';

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
      accounts: input.accountIds?.length ? { create: input.accountIds.map((accountId) => ({ accountId })) } : undefined,
    },
    select: { id: true, email: true },
  });
}
