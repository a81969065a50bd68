import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { getAccount } from '@/lib/directory/accounts';
import { MAX_USER_CSV_BYTES, MAX_USER_LINES } from '@/lib/directory/limits';
import { pageNotFound } from '@/lib/http/not-found';
import { isId, label } from '@/lib/kernel/labels';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ImportUsersForm } from './import-users-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function ImportUsersPage({ params }: Props) {
  const { accountId } = await params;
  const path = `/accounts/${accountId}/users/import`;
  const admin = await requireAdmin(path);
  if (!isId(accountId)) pageNotFound();
  const account = await getAccount(admin, accountId);
  if (!account) pageNotFound();
  const usersPath = `/accounts/${account.id}/users`;
  const title = `Import users – ${account.name} – Switchboard`;
  const crumbs = (
    <Breadcrumbs
      items={[
        { href: '/accounts', label: 'Accounts' },
        { href: `/accounts/${account.id}`, label: account.name },
        { href: usersPath, label: 'Users' },
        { label: 'Import users' },
      ]}
    />
  );

  if (!admin.canChange) {
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Import users</h1>
        <p>You have read-only access, so you cannot import users.</p>
        <p>
          <Link href={usersPath}>Back to users</Link>
        </p>
      </>
    );
  }

  return (
    <>
      {crumbs}
      <h1>Import users</h1>
      <p>
        Type or paste the users, or upload a CSV file. Next you will see who will be added to {account.name} and why any line cannot be;
        nothing is imported until you choose <strong>Import</strong>. Each user gets an invitation email. Up to{' '}
        {MAX_USER_LINES.toLocaleString('en-US')} users at a time; without a licence, a user gets the account’s default,{' '}
        {label(account.defaultLicense)}.
      </p>
      <ImportUsersForm title={title} accountId={account.id} maxCsvMegabytes={MAX_USER_CSV_BYTES / 1024 / 1024} />
      <p>
        <Link href={usersPath}>Cancel</Link>
      </p>
    </>
  );
}
