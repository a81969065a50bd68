import 'server-only';
import { headers } from 'next/headers';
import { listProvisioningTokens, type TokenRow } from '@/lib/api/tokens';
import { requireAdmin } from '@/lib/auth/session';
import { getAccountStatus } from '@/lib/directory/accounts';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import { canSeeAccount } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { scimBase } from './route';

/**
 * What every Provisioning page starts with. They are for the account's Administrators (who may
 * make and revoke its tokens); to anyone else, as for an account that does not exist, they
 * answer "Page not found".
 */
export async function loadProvisioningPage(
  params: Promise<{ accountId: string }>,
  suffix = '',
): Promise<{
  admin: SessionAdmin;
  account: { id: string; name: string };
  path: string;
  tokens: TokenRow[];
  scimUrl: string;
}> {
  const { accountId } = await params;
  const path = `/accounts/${accountId}/provisioning`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(accountId) || !admin.canChange || !canSeeAccount(admin, accountId)) pageNotFound();
  const [account, tokens] = await Promise.all([getAccountStatus(admin, accountId), listProvisioningTokens(admin, accountId)]);
  if (!account || !tokens) pageNotFound();
  const h = await headers();
  const proto = h.get('x-forwarded-proto') ?? 'http';
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  return { admin, account: { id: account.id, name: account.name }, path, tokens, scimUrl: scimBase(`${proto}://${host}`) };
}
