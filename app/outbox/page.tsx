import { requireAdmin } from '@/lib/auth/session';
import { listOutboxMessages } from '@/lib/notifications/outbox';
import { mailConfig } from '@/lib/notifications/mail-config';
import { parseListParams } from '@/lib/kernel/pagination';
import { Pagination } from '@/app/_components/list-controls';
import { MailServerNote } from './mail-server-note';
import { OutboxTable } from '@/app/_components/outbox-table';
import { timesIn } from '@/lib/kernel/format-time';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const { after, before } = parseListParams(await searchParams);
  const admin = await requireAdmin('/outbox');
  const page = await listOutboxMessages(admin, { after, before });
  return (
    <>
      <title>Outbox – Switchboard</title>
      <h1>Outbox</h1>
      <p>
        The emails to users about changes to their phone number or permissions, newest first.
        {admin.allAccounts ? null : ' You see the emails to users in the accounts you administer.'}
      </p>
      <MailServerNote configured={Boolean(mailConfig())} />
      {page.rows.length === 0 ? (
        <p>There are no emails yet.</p>
      ) : (
        <OutboxTable rows={page.rows} caption="Emails, newest first" times={timesIn(admin.timeZone)} />
      )}
      <Pagination path="/outbox" prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
