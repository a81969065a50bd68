import Link from 'next/link';
import { pageNotFound } from '@/lib/http/not-found';
import { requireAdmin } from '@/lib/auth/session';
import { getAccount } from '@/lib/directory/accounts';
import { isId, label } from '@/lib/kernel/labels';
import { Breadcrumbs } from '@/app/_components/list-controls';

export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const admin = await requireAdmin(`/accounts/${accountId}`);
  if (!isId(accountId)) pageNotFound();
  const account = await getAccount(admin, accountId);
  if (!account) pageNotFound();
  return (
    <>
      <title>{`Account summary – ${account.name} – Switchboard`}</title>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { label: account.name }]} />
      <h1>{account.name}</h1>
      <dl className="summary">
        <dt>Account type</dt>
        <dd>{label(account.type)}</dd>
        <dt>Status</dt>
        <dd>{label(account.status)}</dd>
        <dt>Default licence</dt>
        <dd>{label(account.defaultLicense)}</dd>
        <dt>Users</dt>
        <dd>
          <Link href={`/accounts/${account.id}/users`}>{account.userCount} users</Link>
        </dd>
        <dt>Phone numbers assigned</dt>
        <dd>{account.phoneNumberCount}</dd>
      </dl>
    </>
  );
}
