import Link from 'next/link';
import { loadUserPage } from '@/lib/telephony/user-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { ConfirmUserForm } from '@/app/accounts/[accountId]/users/[userId]/confirm-user-form';
import { RemovedUserNotice } from '@/app/accounts/[accountId]/users/[userId]/removed-user-notice';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function RemoveUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/remove', { removed: 'show' });
  const title = `Remove user – ${user.fullName} – Switchboard`;
  const number = user.phoneNumber ? formatPhoneNumber(user.phoneNumber.e164) : null;
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page="Remove user" />
      <h1>Remove user</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot remove users.</p>
        </>
      ) : user.removedAt ? (
        <RemovedUserNotice title={title} user={user} />
      ) : (
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
      )}
      <p>
        <Link href={path}>{admin.canChange && !user.removedAt ? 'Cancel' : `Back to ${user.fullName}`}</Link>
      </p>
    </>
  );
}
