import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { auditHref } from '@/lib/audit/params';
import { recentActivity } from '@/lib/audit/audit-log';
import { loadNumberPage } from '@/lib/inventory/number-page';
import { DELETION_QUEUE_DAYS } from '@/lib/inventory/phone-numbers';
import { readFlash, type Flash } from '@/lib/http/flash';
import { label } from '@/lib/kernel/labels';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { RecentActivity } from '@/app/_components/audit-table';
import { ChangeBanner } from '@/app/_components/change-banner';
import { FlashConsumed } from '@/app/_components/flash-consumed';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { AssigneeCell } from '@/app/phone-numbers/assignee';
import { RestoreForm } from './restore-form';
import { TableRegion } from '@/app/_components/table-region';

type Props = { params: Promise<{ phoneNumberId: string }> };

function NumberBanner({ flash, formatted }: { flash: Flash; formatted: string }) {
  const text = {
    'calling-name-saved': `Calling name saved for ${formatted}`,
    deleted: `${formatted} is in the deletion queue. It will be removed for good after ${DELETION_QUEUE_DAYS} days unless you restore it.`,
    restored: `${formatted} is restored: it is unassigned and can be assigned again.`,
  }[flash.kind as 'calling-name-saved' | 'deleted' | 'restored'];
  if (!text) return null;
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{text}</h2>
    </div>
  );
}

export default async function PhoneNumberPage({ params }: Props) {
  const { admin, number, path } = await loadNumberPage(params);
  const { at: when } = timesIn(admin.timeZone);
  const formatted = formatPhoneNumber(number.e164);
  const [flash, activity] = await Promise.all([
    readFlash({ phoneNumberId: number.id }),
    recentActivity(admin, { phoneNumberId: number.id }),
  ]);
  // A number in use belongs to its user's account: only that account's administrators change it.
  const mayChange = admin.canChange && (!number.assignee || number.assignee.visible);
  const assignable = number.status === 'Unassigned' && number.productType === 'BusinessCalling' && number.type === 'Local';
  const purgeOn = number.deletionRequestedAt && new Date(number.deletionRequestedAt.getTime() + DELETION_QUEUE_DAYS * 24 * 3600 * 1000);
  return (
    <>
      <title>{`${formatted} – Phone numbers – Switchboard`}</title>
      <Breadcrumbs items={[{ href: '/phone-numbers', label: 'Phone numbers' }, { label: formatted }]} />
      {flash?.kind === 'assigned' && number.assignee?.visible ? (
        <ChangeBanner
          flash={flash}
          fullName={number.assignee.fullName}
          editHref={`/accounts/${number.assignee.accountId}/users/${number.assignee.userId}/edit-telephony-permissions`}
        />
      ) : flash ? (
        <NumberBanner flash={flash} formatted={formatted} />
      ) : null}
      <h1>{formatted}</h1>
      {mayChange ? (
        <details className="actions">
          <summary>Actions</summary>
          <ul>
            <li>
              <Link href={`${path}/calling-name`}>Edit calling name</Link>
            </li>
            {assignable ? (
              <li>
                <Link href={`${path}/assign`}>Assign to a user</Link>
              </li>
            ) : null}
            {number.status === 'Unassigned' ? (
              <li>
                <Link href={`${path}/delete`}>Delete phone number</Link>
              </li>
            ) : null}
            {number.assignee?.visible ? (
              <>
                {/* Both happen on the holder's pages, with the same checks as from their Actions. */}
                <li>
                  <Link href={`/accounts/${number.assignee.accountId}/users/${number.assignee.userId}/move-phone-number`}>
                    Move phone number
                  </Link>
                </li>
                <li>
                  <Link href={`/accounts/${number.assignee.accountId}/users/${number.assignee.userId}/unassign-phone-number`}>
                    Unassign phone number
                  </Link>
                </li>
              </>
            ) : null}
          </ul>
        </details>
      ) : null}
      {number.status === 'DeleteInProgress' ? (
        <div className="banner notice">
          <p>
            <strong>In the deletion queue</strong> since {when(number.deletionRequestedAt!)}. It cannot be assigned, and will be removed for
            good on {when(purgeOn!)}.
          </p>
          {admin.canChange ? <RestoreForm phoneNumberId={number.id} /> : null}
        </div>
      ) : null}
      <dl className="summary">
        <dt>Phone number</dt>
        <dd>
          {formatted} <span className="muted">({number.e164})</span>
        </dd>
        <dt>Country</dt>
        <dd>{number.country}</dd>
        <dt>Type</dt>
        <dd>{label(number.type)}</dd>
        <dt>Product type</dt>
        <dd>{label(number.productType)}</dd>
        <dt>Status</dt>
        <dd>{label(number.status)}</dd>
        <dt>Capabilities</dt>
        <dd>{number.capabilities.join(', ') || 'None'}</dd>
        <dt>Calling name</dt>
        <dd>{number.callingName ?? <span className="muted">None</span>}</dd>
        <dt>Assigned to</dt>
        <dd>
          <AssigneeCell assignee={number.assignee} />
          {number.assignedAt ? <span className="muted"> since {when(number.assignedAt)}</span> : null}
        </dd>
        <dt>Added</dt>
        <dd>{when(number.createdAt)}</dd>
      </dl>
      <h2>Assignment history</h2>
      {number.history.length === 0 ? (
        <p>Nobody has held this number yet.</p>
      ) : (
        <TableRegion label="Assignment history">
          <table>
            <caption className="visually-hidden">Who held {formatted}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Held by</th>
                <th scope="col">From</th>
                <th scope="col">Assigned by</th>
                <th scope="col">To</th>
                <th scope="col">Unassigned by</th>
              </tr>
            </thead>
            <tbody>
              {number.history.map((h) => (
                <tr key={h.id}>
                  <td>
                    <AssigneeCell assignee={h.holder} />
                  </td>
                  <td>{when(h.assignedAt)}</td>
                  <td>{h.assignedBy}</td>
                  <td>{h.unassignedAt ? when(h.unassignedAt) : <strong>Now</strong>}</td>
                  <td>{h.unassignedBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <RecentActivity {...activity} times={timesIn(admin.timeZone)} allHref={auditHref({ phoneNumberId: number.id })} subject={formatted} />
    </>
  );
}
