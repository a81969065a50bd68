import { loadUserPage } from '@/lib/telephony/user-page';
import { ConfirmUserForm } from '@/app/accounts/[accountId]/users/[userId]/confirm-user-form';
import { UserChangePage, userChangeTitle } from '@/app/accounts/[accountId]/users/[userId]/user-change-page';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function UnsuspendUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/unsuspend', { removed: 'show' });
  const title = userChangeTitle('Unsuspend user', user);
  const suspended = user.registrationStatus === 'Suspended';
  return (
    <UserChangePage
      admin={admin}
      account={account}
      user={user}
      path={path}
      page="Unsuspend user"
      readOnly="You have read-only access, so you cannot unsuspend users."
      ready={suspended}
    >
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
    </UserChangePage>
  );
}
