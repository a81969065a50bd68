import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { requireAdmin } from '@/lib/auth/session';
import { getUserImport } from '@/lib/directory/user-imports';
import { count } from '@/lib/directory/user-import-words';
import { pageNotFound } from '@/lib/http/not-found';
import { isId, label } from '@/lib/kernel/labels';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';
import { ImportForm } from './import-form';
import { Email } from '@/app/_components/email';

type Props = { params: Promise<{ accountId: string; importId: string }> };

export default async function PreviewUsersPage({ params }: Props) {
  const { accountId, importId } = await params;
  const admin = await requireAdmin(`/accounts/${accountId}/users/import/${importId}`);
  const times = timesIn(admin.timeZone);
  if (!isId(accountId) || !isId(importId)) pageNotFound();
  const preview = await getUserImport(admin, accountId, importId);
  if (!preview) pageNotFound();
  const { account, acceptedCount, rejectedCount, committedAt } = preview;
  const usersPath = `/accounts/${account.id}/users`;
  const title = `Check the users to import – ${account.name} – Switchboard`;
  const added = preview.addedCount ?? 0;
  const importable = !committedAt && acceptedCount > 0 && admin.canChange;
  const acceptedHeading = committedAt ? 'Users in this list' : 'Users to import';

  const details = (
    <>
      {committedAt ? (
        <div className="banner notice">
          <p>
            <strong>These users were imported on {times.at(committedAt)}:</strong> {count(added, 'user', 'users')} added
            {acceptedCount > added ? `, ${count(acceptedCount - added, 'other', 'others')} added to the account by someone else first` : ''}
            .
          </p>
        </div>
      ) : (
        <ul>
          <li>{count(acceptedCount, 'user can', 'users can')} be imported</li>
          <li>{count(rejectedCount, 'line cannot', 'lines cannot')} be imported</li>
        </ul>
      )}

      {rejectedCount > 0 ? (
        <>
          <h2 id="rejected">Lines that cannot be imported</h2>
          <TableRegion label="Lines that cannot be imported">
            <table>
              <caption className="visually-hidden">Lines that cannot be imported</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">What was typed</th>
                  <th scope="col">Why it cannot be imported</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.input || <span className="muted">(empty)</span>}</td>
                    <td>{r.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {rejectedCount > preview.rejected.length ? (
            <p className="muted">
              Showing the first {preview.rejected.length}: {count(rejectedCount - preview.rejected.length, 'more line', 'more lines')}{' '}
              cannot be imported.
            </p>
          ) : null}
        </>
      ) : null}

      {acceptedCount > 0 ? (
        <>
          <h2 id="accepted">{acceptedHeading}</h2>
          <TableRegion label={acceptedHeading}>
            <table>
              <caption className="visually-hidden">{acceptedHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Full name</th>
                  <th scope="col">Email</th>
                  <th scope="col">User type</th>
                  <th scope="col">Licence</th>
                </tr>
              </thead>
              <tbody>
                {preview.accepted.map((u) => (
                  <tr key={u.line}>
                    <td>{u.line}</td>
                    <td>{u.fullName}</td>
                    <td>
                      <Email address={u.email} />
                    </td>
                    <td>{label(u.userType)}</td>
                    <td>
                      {label(u.license)}
                      {u.defaultLicense ? <span className="muted"> (the account’s default)</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {acceptedCount > preview.accepted.length ? (
            <p className="muted">
              Showing the first {preview.accepted.length}: {count(acceptedCount - preview.accepted.length, 'more user', 'more users')}{' '}
              {committedAt ? 'not shown.' : 'will be imported too.'}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );

  const crumbs = (
    <Breadcrumbs
      items={[
        { href: '/accounts', label: 'Accounts' },
        { href: `/accounts/${account.id}`, label: account.name },
        { href: usersPath, label: 'Users' },
        { href: `${usersPath}/import`, label: 'Import users' },
        { label: 'Check the users to import' },
      ]}
    />
  );

  if (importable) {
    return (
      <>
        {crumbs}
        <h1>Check the users to import</h1>
        <ImportForm title={title} accountId={account.id} importId={preview.id} acceptedCount={acceptedCount} accountName={account.name}>
          {details}
        </ImportForm>
      </>
    );
  }
  return (
    <>
      <title>{title}</title>
      {crumbs}
      <h1>Check the users to import</h1>
      {details}
      {committedAt ? (
        <p>
          <Link href={usersPath}>Back to users</Link> · <Link href={`${usersPath}/import`}>Import more users</Link>
        </p>
      ) : acceptedCount === 0 ? (
        <>
          <p>None of these lines can be imported. Correct them, then start again.</p>
          <p>
            <Link href={`${usersPath}/import`} className="button">
              Start again
            </Link>
          </p>
        </>
      ) : (
        <p>You have read-only access, so you cannot import users.</p>
      )}
    </>
  );
}
