import Link from 'next/link';
import { loadUserPage } from '@/lib/telephony/user-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { permissionsNeedNumber } from '@/lib/telephony/words';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { PermissionsForm } from './permissions-form';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function EditTelephonyPermissionsPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/edit-telephony-permissions');
  const title = `Edit telephony permissions – ${user.fullName} – Switchboard`;
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page="Edit telephony permissions" />
      <h1>Edit telephony permissions</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot change telephony permissions.</p>
        </>
      ) : (
        // One PermissionsForm whether or not the user has a number, at the same place in the tree:
        // a post refused because the number went meanwhile is answered (without JavaScript) by this
        // page with the form's state, which React gives back only to the form where it was posted.
        <>
          {user.phoneNumber ? (
            <p>
              Select the calling and SMS permissions for <strong>{user.fullName}</strong> on {formatPhoneNumber(user.phoneNumber.e164)}, and
              choose Save.
            </p>
          ) : null}
          <PermissionsForm
            title={title}
            user={{
              accountId: account.id,
              userId: user.id,
              version: user.version,
              inboundCalling: user.inboundCalling,
              outboundCalling: user.outboundCalling,
              sms: user.sms,
            }}
            recipient={{ fullName: user.fullName, email: user.email }}
            blocker={
              user.phoneNumber ? undefined : (
                // Permissions are the number's to use: nothing to edit until there is one (the action refuses too).
                <>
                  {permissionsNeedNumber(user.fullName)} <Link href={`${path}/assign-phone-number`}>Assign phone number</Link>
                </>
              )
            }
          />
        </>
      )}
      <p>
        <Link href={path}>{admin.canChange && user.phoneNumber ? 'Cancel' : `Back to ${user.fullName}`}</Link>
      </p>
    </>
  );
}
