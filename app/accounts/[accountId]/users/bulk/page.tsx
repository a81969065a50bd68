import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { pageNotFound } from '@/lib/http/not-found';
import { loadBulkSelection, type BulkSelectionView } from '@/lib/directory/user-bulk';
import { bulkSelectionSchema, type BulkAction } from '@/lib/directory/user-bulk-schemas';
import { isId, label } from '@/lib/kernel/labels';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';
import { BulkForm } from './bulk-form';
import { BULK_LABELS, usersCount } from './labels';
import { Email } from '@/app/_components/email';

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** What each action will do, said on the confirmation page before anything changes. */
function explanation(action: BulkAction, n: number, accountName: string): string {
  const them = usersCount(n);
  switch (action) {
    case 'suspend':
      return `These ${them} will be suspended. They keep their phone numbers; their inbound calling, outbound calling and SMS are turned off.`;
    case 'unsuspend':
      return `These ${them} will no longer be suspended. Their inbound calling, outbound calling and SMS stay off until you turn them on.`;
    case 'change-license':
      return `Choose the licence these ${them} will have.`;
    case 'remove':
      return `These ${them} will be removed from ${accountName}. A phone number they hold goes back to the inventory as unassigned. Their history and audit trail are kept.`;
    case 'unassign-phone-number':
      return `The phone numbers of these ${them} go back to the inventory as unassigned, and their inbound calling, outbound calling and SMS are turned off. Anyone listed without a phone number is left as they are.`;
    case 'set-permissions':
      return `Choose the calling and SMS permissions these ${them} will have; a cleared box turns that permission off. A user with no phone number, or a suspended user, can only have them off, and SMS needs a number that can send it: anyone that applies to is not changed, and you will see why.`;
  }
}

// The confirmation of "Actions" on Users with users checked: a GET page (it works without
// JavaScript and can be reloaded) listing who is affected, then one POST.
export default async function BulkUsersPage({ params, searchParams }: Props) {
  const { accountId } = await params;
  const query = await searchParams;
  const usersPath = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(`${usersPath}/bulk`);
  if (!isId(accountId)) pageNotFound();
  const selection = bulkSelectionSchema.safeParse(query);
  const view = await loadBulkSelection(admin, accountId, selection.success ? selection.data.userId : []);
  if (!view) pageNotFound();
  const crumbs = (page: string) => (
    <Breadcrumbs
      items={[
        { href: '/accounts', label: 'Accounts' },
        { href: `/accounts/${view.account.id}`, label: view.account.name },
        { href: usersPath, label: 'Users' },
        { label: page },
      ]}
    />
  );
  if (!selection.success) {
    const problem = selection.error.issues[0]?.message ?? 'Select users and an action';
    return (
      <>
        <title>{`Error: Actions – Users – ${view.account.name} – Switchboard`}</title>
        {crumbs('Actions')}
        <h1>Actions</h1>
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            <li>{problem}.</li>
          </ul>
        </div>
        <p>
          <Link href={usersPath}>Back to Users</Link>, select the check boxes for the users, then choose an action.
        </p>
      </>
    );
  }
  const { action } = selection.data;
  const { title } = BULK_LABELS[action];
  const pageTitle = `${title} – Users – ${view.account.name} – Switchboard`;
  return (
    <>
      {crumbs(title)}
      <h1>{title}</h1>
      {!admin.canChange ? (
        <>
          <title>{pageTitle}</title>
          <p>You have read-only access, so you cannot change users.</p>
        </>
      ) : view.users.length === 0 ? (
        <>
          <title>{pageTitle}</title>
          <p>None of the selected users is in {view.account.name} any more.</p>
        </>
      ) : (
        <>
          <SelectedUsers view={view} />
          <BulkForm
            title={pageTitle}
            accountId={view.account.id}
            action={action}
            users={view.users.map((u) => `${u.id}:${u.version}`)}
            explanation={explanation(action, view.users.length, view.account.name)}
          />
        </>
      )}
      <p>
        <Link href={usersPath}>Cancel</Link>
      </p>
    </>
  );
}

function SelectedUsers({ view }: { view: BulkSelectionView }) {
  return (
    <>
      {view.missing > 0 ? (
        <p className="banner notice">
          {usersCount(view.missing)} of those selected {view.missing === 1 ? 'is' : 'are'} no longer in {view.account.name} and{' '}
          {view.missing === 1 ? 'is' : 'are'} not listed.
        </p>
      ) : null}
      <TableRegion label="Selected users">
        <table>
          <caption>{`Selected users (${view.users.length})`}</caption>
          <thead>
            <tr>
              <th scope="col">Full name</th>
              <th scope="col">Email</th>
              <th scope="col">Phone number</th>
              <th scope="col">Registration status</th>
              <th scope="col">Licence</th>
            </tr>
          </thead>
          <tbody>
            {view.users.map((u) => (
              <tr key={u.id}>
                <td>{u.fullName}</td>
                <td>
                  <Email address={u.email} />
                </td>
                <td className="nowrap">{u.phoneNumber ? formatPhoneNumber(u.phoneNumber) : <span className="muted">None</span>}</td>
                <td>{label(u.registrationStatus)}</td>
                <td>{label(u.license)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
