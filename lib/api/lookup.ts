import 'server-only';
import { getUser, type UserDetails } from '@/lib/directory/users';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';

// The API names users by id alone (/api/v1/users/{userId}); the data functions take the account
// too. This finds it through the admin's scoped client, so a user in another account is not
// found, exactly as one that does not exist.

export async function userAccountId(admin: SessionAdmin, userId: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId)) return null;
  const prisma = await scopedPrisma(admin);
  const user = await prisma.user.findFirst({ where: { id: userId }, select: { accountId: true } });
  return user?.accountId ?? null;
}

/** The user as getUser reads them, by id alone; null when missing or out of scope. */
export async function findUser(admin: SessionAdmin, userId: string): Promise<UserDetails | null> {
  const accountId = await userAccountId(admin, userId);
  return accountId ? getUser(admin, accountId, userId) : null;
}

export const USER_NOT_FOUND = 'That user does not exist, or this token cannot reach them.';
