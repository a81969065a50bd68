import { loadUserPage } from '@/lib/telephony/user-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { ConfirmUserForm } from '@/app/accounts/[accountId]/users/[userId]/confirm-user-form';
import { UserChangePage, userChangeTitle } from '@/app/accounts/[accountId]/users/[userId]/user-change-page';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function SuspendUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/suspend', { removed: 'show' });
  const title = userChangeTitle('Suspend user', user);
  const number = user.phoneNumber ? formatPhoneNumber(user.phoneNumber.e164) : null;
  return (
    <UserChangePage
      admin={admin}
      account={account}
      user={user}
      path={path}
      page="Suspend user"
      readOnly="You have read-only access, so you cannot suspend users."
      ready={user.registrationStatus !== 'Suspended'}
    >
      <ConfirmUserForm
        kind="suspend"
        title={title}
        target={{ accountId: account.id, userId: user.id, version: user.version }}
        confirmLabel={`Suspend ${user.fullName} (${user.email})`}
        explanation={
          `${user.fullName}’s registration status becomes Suspended. ` +
          (number
            ? `They keep their phone number, ${number}, but their inbound calling, outbound calling and SMS are turned off. `
            : 'Their inbound calling, outbound calling and SMS are turned off, and no phone number can be assigned to them. ') +
          'Unsuspending them later does not turn calling and SMS back on: you do that with Edit telephony permissions.'
        }
        blocker={user.registrationStatus === 'Suspended' ? `${user.fullName} is already suspended.` : null}
      />
    </UserChangePage>
  );
}
