import Link from 'next/link';
import { loadUserPage } from '@/lib/telephony/user-page';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { RemovedUserNotice } from '@/app/accounts/[accountId]/users/[userId]/removed-user-notice';
import { EditUserForm } from './edit-user-form';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function EditUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/edit', { removed: 'show' });
  const title = `Edit user – ${user.fullName} – Switchboard`;
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page="Edit user" />
      <h1>Edit user</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot change users.</p>
        </>
      ) : user.removedAt ? (
        <RemovedUserNotice title={title} user={user} />
      ) : (
        <EditUserForm
          title={title}
          accountName={account.name}
          user={{
            accountId: account.id,
            userId: user.id,
            version: user.version,
            fullName: user.fullName,
            email: user.email,
            userType: user.userType,
            license: user.license,
          }}
        />
      )}
      <p>
        <Link href={path}>{admin.canChange && !user.removedAt ? 'Cancel' : `Back to ${user.fullName}`}</Link>
      </p>
    </>
  );
}
