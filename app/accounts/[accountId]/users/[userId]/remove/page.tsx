import { loadUserPage } from '@/lib/telephony/user-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { ConfirmUserForm } from '@/app/accounts/[accountId]/users/[userId]/confirm-user-form';
import { UserChangePage, userChangeTitle } from '@/app/accounts/[accountId]/users/[userId]/user-change-page';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function RemoveUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/remove', { removed: 'show' });
  const title = userChangeTitle('Remove user', user);
  const number = user.phoneNumber ? formatPhoneNumber(user.phoneNumber.e164) : null;
  return (
    <UserChangePage
      admin={admin}
      account={account}
      user={user}
      path={path}
      page="Remove user"
      readOnly="You have read-only access, so you cannot remove users."
    >
      <ConfirmUserForm
        kind="remove"
        title={title}
        target={{ accountId: account.id, userId: user.id, version: user.version }}
        confirmLabel={`Remove ${user.fullName} (${user.email}) from ${account.name}`}
        explanation={
          `${user.fullName} will be removed from ${account.name}. ` +
          (number
            ? `Their phone number, ${number}, goes back to the inventory as Unassigned, and their calling and SMS are turned off. `
            : 'They have no phone number. ') +
          'Their history and audit trail stay readable, and their email address can be added again later as a new user.'
        }
        blocker={null}
      />
    </UserChangePage>
  );
}
