import Link from 'next/link';
import { changeText, tokenLabel } from '@/lib/audit/format';
import { auditHref } from '@/lib/audit/params';
import type { AuditRow, AuditSubject } from '@/lib/audit/audit-log';
import type { Times } from '@/lib/kernel/format-time';
import { TableRegion } from './table-region';
import { Email } from '@/app/_components/email';

function Subject({ name, subject }: { name: string; subject: AuditSubject }) {
  return (
    <li>
      <span className="muted">{name}: </span>
      {subject.href ? <Link href={subject.href}>{subject.label}</Link> : <span className="muted">{subject.label}</span>}
    </li>
  );
}

/** "Added 25 phone numbers", linked to the import's page for the admin who added them. */
function NumbersAdded({ count, href }: { count: number; href?: string }) {
  const text = `Added ${count.toLocaleString('en-US')} ${count === 1 ? 'phone number' : 'phone numbers'}`;
  return <li>{href ? <Link href={href}>{text}</Link> : text}</li>;
}

function Who({ who, token }: { who: AuditRow['who']; token: AuditRow['token'] }) {
  if (who.kind === 'system') return <>{who.name}</>;
  if (who.kind === 'attempt') {
    return (
      <>
        <Email address={who.email} />
        <br />
        <span className="muted">(not signed in)</span>
      </>
    );
  }
  return (
    <>
      <Link href={auditHref({ adminId: who.adminId })} title={`All events by ${who.name}`}>
        {who.name}
      </Link>
      {/* "Ada Admin · via API token “deploy script”": who acted, and through what. */}
      {token ? <> · via {tokenLabel(token)}</> : null}
      <br />
      <span className="muted">
        <Email address={who.email} />
      </span>
    </>
  );
}

/** Audit events as the log, the export and a details page's Recent activity show them. */
export function AuditTable({ rows, caption, times }: { rows: AuditRow[]; caption: string; times: Times }) {
  return (
    <TableRegion label={caption}>
      <table className="audit">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When ({times.zone})</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">About</th>
            <th scope="col">Before → after</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <time dateTime={r.at.toISOString()}>{times.atSeconds(r.at)}</time>
              </td>
              <td>
                <Who who={r.who} token={r.token} />
              </td>
              <td>{r.actionLabel}</td>
              <td>
                <ul className="plain">
                  {r.account ? <Subject name="Account" subject={r.account} /> : null}
                  {r.user ? <Subject name="User" subject={r.user} /> : null}
                  {r.phoneNumber ? <Subject name="Phone number" subject={r.phoneNumber} /> : null}
                  {r.numbersAdded ? <NumbersAdded {...r.numbersAdded} /> : null}
                </ul>
              </td>
              <td>
                {r.requested ? <span className="muted">Asked for:</span> : null}
                <ul className="plain">
                  {r.changes.map((c) => (
                    <li key={c.field}>{changeText(c)}</li>
                  ))}
                </ul>
              </td>
              <td>
                <span className={`tag${r.outcome === 'Done' ? ' on' : ' refused'}`}>{r.outcome}</span>
              </td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** A details page's last events about its user or number, and the way to all of them. */
export function RecentActivity({
  rows,
  more,
  allHref,
  subject,
  times,
}: {
  rows: AuditRow[];
  more: boolean;
  allHref: string;
  subject: string;
  times: Times;
}) {
  return (
    <section aria-labelledby="recent-activity">
      <h2 id="recent-activity">Recent activity</h2>
      {rows.length === 0 ? (
        <p>No recorded activity that you can see.</p>
      ) : (
        <AuditTable
          times={times}
          rows={rows}
          caption={`${more ? `The latest ${rows.length} events` : 'Events'} about ${subject}, newest first`}
        />
      )}
      <p>
        <Link href={allHref}>See all activity about {subject} in the audit log</Link>
      </p>
    </section>
  );
}
