import 'server-only';
import { requireAdmin } from '../auth/session';
import { pageNotFound } from '../not-found';
import { isId } from '../labels';
import { getAccount, type AccountSummary } from './accounts';
import type { SessionAdmin } from './admins';
import { getUser, type UserDetails } from './users';

/**
 * What every page about one user starts with: the signed-in admin (or a redirect to sign in and
 * back to `suffix`), and the account and user, both checked against the admin's accounts.
 */
export async function loadUserPage(
  params: Promise<{ accountId: string; userId: string }>,
  suffix = '',
): Promise<{ admin: SessionAdmin; account: AccountSummary; user: UserDetails; path: string }> {
  const { accountId, userId } = await params;
  const path = `/accounts/${accountId}/users/${userId}`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(accountId) || !isId(userId)) pageNotFound();
  const [account, user] = await Promise.all([getAccount(admin, accountId), getUser(admin, accountId, userId)]);
  if (!account || !user) pageNotFound();
  return { admin, account, user, path };
}
