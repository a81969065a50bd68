import 'server-only';
import { requireAdmin } from '@/lib/auth/session';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { canManageAccounts } from './account-changes';
import { getAccountStatus } from './accounts';

/**
 * What every page that changes an account (Rename, Suspend account, Activate account, Delete
 * account) starts with. They are for Administrators of all accounts; to anyone else, as for an
 * account that does not exist, they answer "Page not found" (as the Admins pages do).
 */
export async function loadAccountChangePage(
  params: Promise<{ accountId: string }>,
  suffix: string,
): Promise<{ admin: SessionAdmin; account: NonNullable<Awaited<ReturnType<typeof getAccountStatus>>>; path: string }> {
  const { accountId } = await params;
  const path = `/accounts/${accountId}`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(accountId) || !canManageAccounts(admin)) pageNotFound();
  const account = await getAccountStatus(admin, accountId);
  if (!account) pageNotFound();
  return { admin, account, path };
}
