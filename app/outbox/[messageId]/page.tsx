import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { getOutboxMessage } from '@/lib/notifications/outbox';
import { isId } from '@/lib/kernel/labels';
import { mailConfig } from '@/lib/notifications/mail-config';
import { pageNotFound } from '@/lib/http/not-found';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { OutboxStatus } from '@/app/_components/outbox-table';
import { timesIn } from '@/lib/kernel/format-time';
import { MailServerNote } from '@/app/outbox/mail-server-note';

type Props = { params: Promise<{ messageId: string }> };

const KIND = {
  Assigned: 'Phone number assigned',
  PermissionsChanged: 'Telephony permissions changed',
  Invitation: 'Invitation to join',
  Unassigned: 'Phone number unassigned',
};

export default async function OutboxMessagePage({ params }: Props) {
  const { messageId } = await params;
  const admin = await requireAdmin(`/outbox/${messageId}`);
  const { at: formatWhen } = timesIn(admin.timeZone);
  if (!isId(messageId)) pageNotFound();
  const message = await getOutboxMessage(admin, messageId);
  if (!message) pageNotFound();
  const userHref = `/accounts/${message.accountId}/users/${message.userId}`;
  return (
    <>
      <title>{`${message.subject} – Outbox – Switchboard`}</title>
      <Breadcrumbs items={[{ href: '/outbox', label: 'Outbox' }, { label: message.subject }]} />
      <h1>{message.subject}</h1>
      {message.status === 'Pending' ? <MailServerNote configured={Boolean(mailConfig())} /> : null}
      <dl className="summary">
        <dt>To</dt>
        <dd>
          {message.to}
          {message.user ? (
            <>
              {' '}
              (<Link href={userHref}>{message.user.fullName}</Link>)
            </>
          ) : null}
        </dd>
        <dt>About</dt>
        <dd>{KIND[message.kind]}</dd>
        <dt>Status</dt>
        <dd>
          <OutboxStatus row={message} />
        </dd>
        <dt>Attempts</dt>
        <dd>{message.attempts}</dd>
        <dt>Created</dt>
        <dd>{formatWhen(message.createdAt)}</dd>
        <dt>Sent</dt>
        <dd>{message.sentAt ? formatWhen(message.sentAt) : <span className="muted">Not yet</span>}</dd>
        {message.status === 'Pending' && message.attempts > 0 ? (
          <>
            <dt>Next attempt</dt>
            <dd>{formatWhen(message.nextAttemptAt)}</dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h2>Message</h2>
      {/* The plain-text part, as text: nothing in it can run. */}
      <pre className="message-body">{message.text}</pre>
      <details>
        <summary>HTML part (source)</summary>
        <pre className="message-body">{message.html}</pre>
      </details>
      <p>
        <Link href="/outbox">Back to Outbox</Link>
      </p>
    </>
  );
}
