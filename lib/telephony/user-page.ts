import 'server-only';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/session';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { getUser, getUserWithNotifications, type UserDetails } from '@/lib/directory/users';

/**
 * What every page about one user starts with: the signed-in admin (or a redirect to sign in and
 * back to `suffix`), and the account and user, both checked against the admin's accounts.
 */
export async function loadUserPage(
  params: Promise<{ accountId: string; userId: string }>,
  suffix = '',
  /**
   * A removed user: 'redirect' to their page, which says so (the telephony pages: nothing there
   * applies to them), or 'show' the page, which explains it itself, with any refusal (the user's
   * own changes: another admin may have removed them while this admin was on the page).
   */
  options: { removed?: 'redirect' | 'show' } = {},
): Promise<{ admin: SessionAdmin; account: { id: string; name: string }; user: UserDetails; path: string }> {
  const { admin, path, accountId, userId } = await checkUserPage(params, suffix);
  // The user's query brings its account's name: one query, not two (the account's counts were
  // never shown on these pages, and counting 60,000 users cost more than the page).
  const user = await getUser(admin, accountId, userId);
  if (!user) pageNotFound();
  if (user.removedAt && options.removed !== 'show') redirect(path);
  return { admin, account: user.account, user, path };
}

/** The user details page: as loadUserPage, with the latest emails about the user in the same query. */
export async function loadUserDetailsPage(params: Promise<{ accountId: string; userId: string }>) {
  const { admin, path, accountId, userId } = await checkUserPage(params, '');
  const user = await getUserWithNotifications(admin, accountId, userId);
  if (!user) pageNotFound();
  return { admin, account: user.account, user, path };
}

async function checkUserPage(params: Promise<{ accountId: string; userId: string }>, suffix: string) {
  const { accountId, userId } = await params;
  const path = `/accounts/${accountId}/users/${userId}`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(accountId) || !isId(userId)) pageNotFound();
  return { admin, path, accountId, userId };
}
