import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { accountForNewUser } from '@/lib/directory/user-changes';
import { pageNotFound } from '@/lib/http/not-found';
import { isId, label } from '@/lib/kernel/labels';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { AddUserForm } from './add-user-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function AddUserPage({ params }: Props) {
  const { accountId } = await params;
  const usersPath = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(`${usersPath}/new`);
  if (!isId(accountId)) pageNotFound();
  const account = await accountForNewUser(admin, accountId);
  if (!account) pageNotFound();
  const title = `Add user – ${account.name} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: usersPath, label: 'Users' },
          { label: 'Add user' },
        ]}
      />
      <h1>Add user</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot add users.</p>
        </>
      ) : (
        <>
          <p>
            Add a user to <strong>{account.name}</strong>. The licence starts as the account’s default, {label(account.defaultLicense)}.
          </p>
          <AddUserForm title={title} account={account} />
        </>
      )}
      <p>
        <Link href={usersPath}>{admin.canChange ? 'Cancel' : 'Back to Users'}</Link>
      </p>
    </>
  );
}
