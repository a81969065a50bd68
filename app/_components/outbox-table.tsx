import Link from 'next/link';
import type { OutboxRow } from '@/lib/notifications/outbox';
import type { Times } from '@/lib/kernel/format-time';
import { TableRegion } from './table-region';

/** A message's status: Pending, Sent or Failed. */
export function OutboxStatus({ row }: { row: Pick<OutboxRow, 'status'> }) {
  const className = row.status === 'Sent' ? 'tag on' : row.status === 'Failed' ? 'tag refused' : 'tag';
  return <span className={className}>{row.status}</span>;
}

/** Emails to users, newest first; `withRecipient` false on a user's own page. */
export function OutboxTable({
  rows,
  caption,
  withRecipient = true,
  times,
}: {
  rows: OutboxRow[];
  caption: string;
  withRecipient?: boolean;
  times: Times;
}) {
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            {withRecipient ? <th scope="col">To</th> : null}
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{times.at(row.createdAt)}</td>
              {withRecipient ? <td>{row.to}</td> : null}
              <td>
                <Link href={`/outbox/${row.id}`}>{row.subject}</Link>
              </td>
              <td>
                <OutboxStatus row={row} />
              </td>
              <td>{row.attempts}</td>
              <td>{row.sentAt ? times.at(row.sentAt) : <span className="muted">Not yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
