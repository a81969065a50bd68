import Link from 'next/link';
import { loadUserPage } from '@/lib/telephony/user-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { ConfirmUserForm } from '@/app/accounts/[accountId]/users/[userId]/confirm-user-form';
import { RemovedUserNotice } from '@/app/accounts/[accountId]/users/[userId]/removed-user-notice';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function SuspendUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/suspend', { removed: 'show' });
  const title = `Suspend user – ${user.fullName} – Switchboard`;
  const number = user.phoneNumber ? formatPhoneNumber(user.phoneNumber.e164) : null;
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page="Suspend user" />
      <h1>Suspend user</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot suspend users.</p>
        </>
      ) : user.removedAt ? (
        <RemovedUserNotice title={title} user={user} />
      ) : (
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
      )}
      <p>
        <Link href={path}>
          {admin.canChange && !user.removedAt && user.registrationStatus !== 'Suspended' ? 'Cancel' : `Back to ${user.fullName}`}
        </Link>
      </p>
    </>
  );
}
