import 'server-only';
import { requireAdmin } from '@/lib/auth/session';
import { getAccountStatus } from '@/lib/directory/accounts';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import { canSeeAccount } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { listPermissionPresets, type PermissionPreset } from './permission-presets';

/**
 * What every Permission presets page starts with. Any admin of the account may look (a ReadOnly
 * admin sees no action controls, and the change pages tell them why they cannot); to an admin of
 * other accounts, as for an account that does not exist, they answer "Page not found".
 */
export async function loadPresetsPage(
  params: Promise<{ accountId: string }>,
  suffix = '',
): Promise<{ admin: SessionAdmin; account: { id: string; name: string }; path: string; presets: PermissionPreset[] }> {
  const { accountId } = await params;
  const path = `/accounts/${accountId}/permission-presets`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(accountId) || !canSeeAccount(admin, accountId)) pageNotFound();
  const [account, presets] = await Promise.all([getAccountStatus(admin, accountId), listPermissionPresets(admin, accountId)]);
  if (!account || !presets) pageNotFound();
  return { admin, account: { id: account.id, name: account.name }, path, presets };
}
