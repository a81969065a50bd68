import Link from 'next/link';
import { loadUserPage } from '@/lib/telephony/user-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { UnassignForm } from './unassign-form';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function UnassignPhoneNumberPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/unassign-phone-number');
  const title = `Unassign phone number – ${user.fullName} – Switchboard`;
  const number = user.phoneNumber;
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page="Unassign phone number" />
      <h1>Unassign phone number</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot unassign phone numbers.</p>
        </>
      ) : (
        // Rendered even once the number is gone, so that a refused attempt still shows why.
        <UnassignForm
          title={title}
          target={{ accountId: account.id, userId: user.id, version: user.version, phoneNumberId: number?.id ?? null }}
          fullName={user.fullName}
          email={user.email}
          number={number ? formatPhoneNumber(number.e164) : null}
        />
      )}
      <p>
        <Link href={path}>{admin.canChange && number ? 'Cancel' : `Back to ${user.fullName}`}</Link>
      </p>
    </>
  );
}
