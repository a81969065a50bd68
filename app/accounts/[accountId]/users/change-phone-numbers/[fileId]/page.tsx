import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import { OUTCOME_LABELS } from '@/lib/telephony/phone-change-file';
import { getChangeFile, type ChangeFileView } from '@/lib/telephony/phone-change-files';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { TableRegion } from '@/app/_components/table-region';
import { CHANGES, countsList, rowsCount, TITLE } from '../labels';
import { ApplyForm } from './apply-form';

type Props = { params: Promise<{ accountId: string; fileId: string }> };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

// A file of changes: before Apply, the dry run (what each row would do now; nothing has changed);
// after, what each row did, with the result as a CSV to download.
export default async function ChangeFilePage({ params }: Props) {
  const { accountId, fileId } = await params;
  const usersPath = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(`${usersPath}/change-phone-numbers/${fileId}`);
  if (!isId(accountId) || !isId(fileId)) pageNotFound();
  const view = await getChangeFile(admin, accountId, fileId);
  if (!view) pageNotFound();
  const applied = Boolean(view.appliedAt);
  const heading = applied ? 'What each row did' : 'Dry run: what each row would do';
  const title = `${heading} – ${TITLE} – ${view.account.name} – Switchboard`;
  const changes = CHANGES.reduce((n, o) => n + view.counts[o], 0);
  const download = `${usersPath}/change-phone-numbers/${view.id}/download`;
  const crumbs = (
    <Breadcrumbs
      items={[
        { href: '/accounts', label: 'Accounts' },
        { href: `/accounts/${view.account.id}`, label: view.account.name },
        { href: usersPath, label: 'Users' },
        { href: `${usersPath}/change-phone-numbers`, label: TITLE },
        { label: applied ? 'Result' : 'Dry run' },
      ]}
    />
  );
  const details = <Outcomes view={view} applied={applied} />;

  if (applied) {
    return (
      <>
        <title>{title}</title>
        {crumbs}
        {/* Focus lands here after Apply's redirect, as with every change's banner. */}
        <div
          className={`banner${changes === view.rowCount ? '' : ' notice'}`}
          id="banner"
          role="status"
          aria-labelledby="banner-title"
          tabIndex={-1}
          autoFocus
        >
          <FocusOnArrival />
          <h2 id="banner-title">
            Applied: {changes} of {rowsCount(view.rowCount)} changed
          </h2>
          <p>
            Applied on {dateTime.format(view.appliedAt!)} UTC. Contact the users with their new phone numbers or permissions; they must sign
            out and sign back in before the change reaches their app.
          </p>
        </div>
        <h1>{heading}</h1>
        {details}
        <p>
          <a href={download} download>
            Download the result (CSV)
          </a>
        </p>
        <p>
          <Link href={usersPath}>Back to Users</Link> · <Link href={`${usersPath}/change-phone-numbers`}>Upload another file</Link>
        </p>
      </>
    );
  }
  const summary = `Nothing has changed yet. Apply makes the ${changes === 1 ? 'change' : `${changes} changes`} above, one row after another, each checked again as it is made: a row whose outcome has changed since this dry run says what happened instead.`;
  return (
    <>
      {crumbs}
      <h1>{heading}</h1>
      {admin.canChange && changes > 0 ? (
        <ApplyForm title={title} accountId={view.account.id} fileId={view.id} summary={summary}>
          {details}
        </ApplyForm>
      ) : (
        <>
          <title>{title}</title>
          {details}
          <p>
            {admin.canChange
              ? 'No row of this file would change anything now. Correct the file, then upload it again.'
              : 'You have read-only access, so you cannot change phone numbers or permissions.'}
          </p>
          <p>
            <Link href={`${usersPath}/change-phone-numbers`} className="button">
              Start again
            </Link>
          </p>
        </>
      )}
      <p>
        <a href={download} download>
          Download the dry run (CSV)
        </a>
      </p>
    </>
  );
}

function Outcomes({ view, applied }: { view: ChangeFileView; applied: boolean }) {
  const caption = applied ? 'What each row did' : 'What each row would do';
  return (
    <>
      <h2 id="counts">{`${rowsCount(view.rowCount)} in the file`}</h2>
      <ul aria-labelledby="counts">
        {countsList(view.counts, applied).map((c) => (
          <li key={c.outcome}>
            {c.text}: {c.n.toLocaleString('en-US')}
          </li>
        ))}
      </ul>
      <TableRegion label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Row</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.input || <span className="muted">(empty)</span>}</td>
                <td>{applied ? OUTCOME_LABELS[r.outcome].applied : OUTCOME_LABELS[r.outcome].dryRun}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {view.rowCount > view.rows.length ? (
        <p className="muted">
          Showing the first {view.rows.length}; the CSV has all {rowsCount(view.rowCount)}.
        </p>
      ) : null}
    </>
  );
}
