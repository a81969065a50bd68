import Link from 'next/link';
import { loadUserPage } from '@/lib/telephony/user-page';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { ConfirmUserForm } from '@/app/accounts/[accountId]/users/[userId]/confirm-user-form';
import { RemovedUserNotice } from '@/app/accounts/[accountId]/users/[userId]/removed-user-notice';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function UnsuspendUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/unsuspend', { removed: 'show' });
  const title = `Unsuspend user – ${user.fullName} – Switchboard`;
  const suspended = user.registrationStatus === 'Suspended';
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page="Unsuspend user" />
      <h1>Unsuspend user</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot unsuspend users.</p>
        </>
      ) : user.removedAt ? (
        <RemovedUserNotice title={title} user={user} />
      ) : (
        <ConfirmUserForm
          kind="unsuspend"
          title={title}
          target={{ accountId: account.id, userId: user.id, version: user.version }}
          confirmLabel={`Unsuspend ${user.fullName} (${user.email})`}
          explanation={
            `${user.fullName}’s registration status goes back to ${user.lastSignInAt ? 'Registered' : 'Unregistered (they have never signed in)'}. ` +
            'Their inbound calling, outbound calling and SMS stay off until you turn them on with Edit telephony permissions.'
          }
          blocker={suspended ? null : `${user.fullName} is not suspended.`}
        />
      )}
      <p>
        <Link href={path}>{admin.canChange && !user.removedAt && suspended ? 'Cancel' : `Back to ${user.fullName}`}</Link>
      </p>
    </>
  );
}
