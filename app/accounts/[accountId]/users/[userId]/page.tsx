import { pageNotFound } from '@/lib/not-found';
import { requireAdmin } from '@/lib/auth/session';
import { getAccount } from '@/lib/data/accounts';
import { getUser } from '@/lib/data/users';
import { isId, label } from '@/lib/labels';
import { formatPhoneNumber } from '@/lib/phone';
import { Breadcrumbs, OnOff } from '../../../../_components/list-controls';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function UserPage({ params }: Props) {
  const { accountId, userId } = await params;
  const admin = await requireAdmin(`/accounts/${accountId}/users/${userId}`);
  if (!isId(accountId) || !isId(userId)) pageNotFound();
  const [account, user] = await Promise.all([getAccount(admin, accountId), getUser(admin, accountId, userId)]);
  if (!account || !user) pageNotFound();
  return (
    <>
      <title>{`${user.fullName} – Users – ${account.name} – Switchboard`}</title>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: `/accounts/${account.id}/users`, label: 'Users' },
          { label: user.fullName },
        ]}
      />
      <h1>{user.fullName}</h1>
      <h2>User details</h2>
      <dl className="summary">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>User type</dt>
        <dd>{label(user.userType)}</dd>
        <dt>Licence</dt>
        <dd>{label(user.license)}</dd>
        <dt>Registration status</dt>
        <dd>{label(user.registrationStatus)}</dd>
        <dt>Invitation status</dt>
        <dd>{label(user.invitationStatus)}</dd>
      </dl>
      <h2>Phone number and permissions</h2>
      <dl className="summary">
        <dt>Phone number</dt>
        <dd>{user.phoneNumber ? formatPhoneNumber(user.phoneNumber.e164) : <span className="muted">None</span>}</dd>
        <dt>Inbound calling</dt>
        <dd>
          <OnOff on={user.inboundCalling} />
        </dd>
        <dt>Outbound calling</dt>
        <dd>
          <OnOff on={user.outboundCalling} />
        </dd>
        <dt>SMS</dt>
        <dd>
          <OnOff on={user.sms} />
        </dd>
      </dl>
    </>
  );
}
