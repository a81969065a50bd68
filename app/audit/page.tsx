import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { ACTION_LABELS, AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/audit/format';
import { auditHref, parseAuditFilters, type AuditFilters } from '@/lib/audit/params';
import { requireAdmin } from '@/lib/auth/session';
import { describeAuditFilters, listAuditAccounts, listAuditAdmins, listAuditEvents } from '@/lib/audit/audit-log';
import { parseListParams } from '@/lib/kernel/pagination';
import { Pagination } from '@/app/_components/list-controls';
import { AuditTable } from '@/app/_components/audit-table';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const raw = await searchParams;
  const filters = parseAuditFilters(raw);
  const { after, before } = parseListParams(raw);
  const admin = await requireAdmin(auditHref(filters));
  const [page, admins, accounts, about] = await Promise.all([
    listAuditEvents(admin, filters, { after, before }),
    listAuditAdmins(admin),
    listAuditAccounts(admin),
    describeAuditFilters(admin, filters),
  ]);
  const without = (name: keyof AuditFilters) => auditHref({ ...filters, [name]: undefined });
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <title>Audit log – Switchboard</title>
      <h1>Audit log</h1>
      <p>
        Every change and every refusal, newest first.
        {admin.allAccounts ? null : ' You see the events about the accounts you administer, and your own sign-ins and changes.'}
      </p>
      {about.user || about.phoneNumber ? (
        <ul className="plain">
          {about.user ? (
            <li>
              Activity about the user {about.user.href ? <Link href={about.user.href}>{about.user.label}</Link> : about.user.label}.{' '}
              <Link href={without('userId')}>Show events about every user</Link>
            </li>
          ) : null}
          {about.phoneNumber ? (
            <li>
              Activity about the phone number{' '}
              {about.phoneNumber.href ? <Link href={about.phoneNumber.href}>{about.phoneNumber.label}</Link> : about.phoneNumber.label}.{' '}
              <Link href={without('phoneNumberId')}>Show events about every number</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <form className="search filters" action="/audit" method="get" role="search" aria-label="Filter the audit log">
        {filters.userId ? <input type="hidden" name="userId" value={filters.userId} /> : null}
        {filters.phoneNumberId ? <input type="hidden" name="phoneNumberId" value={filters.phoneNumberId} /> : null}
        <div>
          <label htmlFor="adminId">Admin</label>
          <select id="adminId" name="adminId" defaultValue={filters.adminId ?? ''}>
            <option value="">Any</option>
            {admins.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="accountId">Account</label>
          <select id="accountId" name="accountId" defaultValue={filters.accountId ?? ''}>
            <option value="">Any</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="outcome">Outcome</label>
          <select id="outcome" name="outcome" defaultValue={filters.outcome ?? ''}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from">From</label>
          <p className="hint" id="from-hint">
            Date, UTC
          </p>
          <input id="from" name="from" type="date" defaultValue={filters.from} aria-describedby="from-hint" />
        </div>
        <div>
          <label htmlFor="to">To</label>
          <p className="hint" id="to-hint">
            Date, UTC, included
          </p>
          <input id="to" name="to" type="date" defaultValue={filters.to} aria-describedby="to-hint" />
        </div>
        <button type="submit" className="secondary">
          Apply filters
        </button>
        {filtered ? <Link href="/audit">Clear filters</Link> : null}
      </form>
      <p>
        {/* A plain link: the export is a file, not a page for the client router. */}
        <a href={auditHref(filters, '/audit/export')} download>
          Download CSV
        </a>{' '}
        <span className="muted">(every event that matches these filters)</span>
      </p>
      {page.rows.length === 0 ? (
        <p>No events match.</p>
      ) : (
        <AuditTable
          times={timesIn(admin.timeZone)}
          rows={page.rows}
          caption={filtered ? 'Matching events, newest first' : 'Events, newest first'}
        />
      )}
      <Pagination path="/audit" query={filters} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
