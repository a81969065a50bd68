import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { ACTION_LABELS, AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/audit/format';
import { FieldError } from '@/app/_components/error-summary';
import { auditDayErrors, auditHref, formatDay, parseAuditFilters, type AuditFilters } from '@/lib/audit/params';
import { requireAdmin } from '@/lib/auth/session';
import { describeAuditFilters, listAuditAccounts, listAuditAdmins, listAuditEvents } from '@/lib/audit/audit-log';
import { parseListParams } from '@/lib/kernel/pagination';
import { Pagination } from '@/app/_components/list-controls';
import { AuditTable } from '@/app/_components/audit-table';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const raw = await searchParams;
  const filters = parseAuditFilters(raw);
  const dayErrors = auditDayErrors(raw);
  // What goes back in a day box: what was typed when it is not a day, else the day as pages write it.
  const dayValue = (name: 'from' | 'to') => dayErrors[name] ?? (filters[name] ? formatDay(filters[name]) : '');
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
      <title>{`${dayErrors.from || dayErrors.to ? 'Error: ' : ''}Audit log – Switchboard`}</title>
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
        <div className="changes-only">
          <div className="checkbox">
            <input
              type="checkbox"
              id="changes"
              name="changes"
              value="only"
              defaultChecked={filters.changes === 'only'}
              aria-describedby="changes-hint"
            />
            <label htmlFor="changes">Changes only</label>
          </div>
          <p className="hint" id="changes-hint">
            Leaves out sign-ins, views and refused requests that change nothing
          </p>
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
        {(['from', 'to'] as const).map((name) => (
          <div key={name} className={`field${dayErrors[name] ? ' has-error' : ''}`}>
            <label htmlFor={name}>{name === 'from' ? 'From' : 'To'}</label>
            <p className="hint" id={`${name}-hint`}>
              {name === 'from' ? 'A day, UTC, for example 1 Dec 2026' : 'A day, UTC, included'}
            </p>
            <FieldError id={name} message={dayErrors[name] ? 'Enter a day like 1 Dec 2026 or 2026-12-01' : undefined} />
            <input
              id={name}
              name={name}
              type="text"
              size={12}
              defaultValue={dayValue(name)}
              aria-describedby={`${name}-hint${dayErrors[name] ? ` ${name}-error` : ''}`}
              aria-invalid={dayErrors[name] ? true : undefined}
            />
          </div>
        ))}
        {/* Checkboxes, so several actions can be chosen without JavaScript (?action=a&action=b). */}
        <details className="choices" open={Boolean(filters.action)}>
          <summary>Actions{filters.action ? ` (${filters.action.length} chosen)` : ' (any)'}</summary>
          <fieldset>
            <legend className="visually-hidden">Actions</legend>
            <div className="checkboxes">
              {AUDIT_ACTIONS.map((action) => (
                <div className="checkbox" key={action}>
                  <input
                    type="checkbox"
                    id={`action-${action}`}
                    name="action"
                    value={action}
                    defaultChecked={filters.action?.includes(action)}
                  />
                  <label htmlFor={`action-${action}`}>{ACTION_LABELS[action]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </details>
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
