import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { auditHref } from '@/lib/audit/params';
import { recentActivity } from '@/lib/audit/audit-log';
import { loadUserDetailsPage } from '@/lib/telephony/user-page';
import { readFlash } from '@/lib/http/flash';
import { label } from '@/lib/kernel/labels';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { ChangeBanner } from '@/app/_components/change-banner';
import { RecentActivity } from '@/app/_components/audit-table';
import { OnOff } from '@/app/_components/list-controls';
import { OutboxTable } from '@/app/_components/outbox-table';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { isUserChangeFlash, UserChangeBanner } from '@/app/_components/user-change-banner';
import { Email } from '@/app/_components/email';

type Props = { params: Promise<{ accountId: string; userId: string }> };

/** What the invitation status means, said next to it. */
const INVITATION_NOTES: Record<string, string> = {
  Pending: 'the invitation email is queued',
  Sent: 'the invitation email was delivered; they have not signed in yet',
  Accepted: 'they have signed in',
  Failed: 'the invitation email could not be delivered',
};

export default async function UserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserDetailsPage(params);
  const times = timesIn(admin.timeZone);
  const [flash, activity] = await Promise.all([readFlash({ userId: user.id }), recentActivity(admin, { userId: user.id })]);
  const { notifications } = user;
  const suspended = user.registrationStatus === 'Suspended';
  // A suspended account gets no new numbers (its assign pages say so): the menu does not offer one.
  const canGetNumber = !user.phoneNumber && !suspended && account.status !== 'Suspended';
  // Nobody is waiting for a removed or suspended user to sign in: they cannot.
  const waitingForSignIn =
    !user.removedAt && !suspended && user.telephonyChangedAt && (!user.lastSignInAt || user.lastSignInAt < user.telephonyChangedAt)
      ? user.telephonyChangedAt
      : null;
  return (
    <>
      <title>{`${user.fullName} – Users – ${account.name} – Switchboard`}</title>
      <UserBreadcrumbs account={account} user={user} />
      {flash && isUserChangeFlash(flash) ? (
        <UserChangeBanner flash={flash} user={user} path={path} />
      ) : flash ? (
        <ChangeBanner flash={flash} fullName={user.fullName} editHref={`${path}/edit-telephony-permissions`} />
      ) : null}
      <h1>{user.fullName}</h1>
      {user.removedAt ? (
        // A removed user's page stays readable (details, history, audit trail); nothing changes them.
        <div className="banner notice" role="note">
          <p>
            <strong>
              Removed on {times.at(user.removedAt)} by {user.removedBy}.
            </strong>{' '}
            {user.fullName} is no longer a user of {account.name}; what happened to them is kept below.
          </p>
        </div>
      ) : admin.canChange ? (
        // A <details> menu opens without JavaScript; each action is its own page.
        <details className="actions">
          <summary>Actions</summary>
          <ul>
            <li>
              <Link href={`${path}/edit`}>Edit user</Link>
            </li>
            {!canGetNumber ? null : (
              <li>
                <Link href={`${path}/assign-phone-number`}>Assign phone number</Link>
              </li>
            )}
            {suspended ? null : user.phoneNumber ? (
              <li>
                <Link href={`${path}/edit-telephony-permissions`}>Edit telephony permissions</Link>
              </li>
            ) : (
              // Said rather than hidden, so that an admin following the spec's steps learns why; the
              // link's own words differ from the Assign phone number entry's, which is just above.
              <li>
                Edit telephony permissions <span className="muted">needs a phone number</span>
                {canGetNumber ? (
                  <>
                    : <Link href={`${path}/assign-phone-number`}>assign one first</Link>
                  </>
                ) : null}
              </li>
            )}
            {user.phoneNumber ? (
              <>
                <li>
                  <Link href={`${path}/move-phone-number`}>Move phone number</Link>
                </li>
                <li>
                  <Link href={`${path}/unassign-phone-number`}>Unassign phone number</Link>
                </li>
              </>
            ) : null}
            <li>
              {suspended ? <Link href={`${path}/unsuspend`}>Unsuspend user</Link> : <Link href={`${path}/suspend`}>Suspend user</Link>}
            </li>
            <li>
              <Link href={`${path}/remove`}>Remove user</Link>
            </li>
          </ul>
        </details>
      ) : null}
      {waitingForSignIn ? (
        <div className="banner notice">
          <p>
            <strong>Waiting for {user.fullName}’s next sign-in.</strong> Their phone number or permissions changed on{' '}
            {times.at(waitingForSignIn)}; the change reaches their app after they sign out and sign back in.
          </p>
        </div>
      ) : null}
      <h2>User details</h2>
      <dl className="summary">
        <dt>Email</dt>
        <dd>
          <Email address={user.email} />
        </dd>
        <dt>User type</dt>
        <dd>{label(user.userType)}</dd>
        <dt>Licence</dt>
        <dd>{label(user.license)}</dd>
        <dt>Registration status</dt>
        <dd>{label(user.registrationStatus)}</dd>
        <dt>Invitation status</dt>
        <dd>
          {label(user.invitationStatus)}
          {INVITATION_NOTES[user.invitationStatus] ? <span className="muted"> — {INVITATION_NOTES[user.invitationStatus]}</span> : null}
        </dd>
      </dl>
      <h2>Phone number and permissions</h2>
      <dl className="summary">
        <dt>Phone number</dt>
        <dd>
          {user.phoneNumber ? (
            <Link href={`/phone-numbers/${user.phoneNumber.id}`}>{formatPhoneNumber(user.phoneNumber.e164)}</Link>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
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
      <h2 id="notifications">Notifications</h2>
      {notifications.rows.length === 0 ? (
        <p>No emails have been sent to {user.fullName} about changes to their phone number or permissions.</p>
      ) : (
        <>
          <OutboxTable times={times} rows={notifications.rows} caption={`Emails to ${user.fullName}, newest first`} withRecipient={false} />
          {notifications.more ? (
            <p>
              Only the latest {notifications.rows.length} are shown. <Link href="/outbox">See every email in the Outbox</Link>
            </p>
          ) : null}
        </>
      )}
      <RecentActivity {...activity} times={times} allHref={auditHref({ userId: user.id })} subject={user.fullName} />
    </>
  );
}
