import Link from 'next/link';
import { pageNotFound } from '@/lib/http/not-found';
import { requireAdmin } from '@/lib/auth/session';
import { listUsers } from '@/lib/directory/users';
import { hasUserFilters, parseUserFilters, REGISTRATION_STATUSES, USER_LICENSES, userListQuery } from '@/lib/directory/user-params';
import { isId, label } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { Breadcrumbs, ListCount, Pagination, permissionSummary } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';
import { SuspendedBanner } from '@/app/_components/account-banner';
import { canManageAccounts } from '@/lib/directory/account-changes';
import { UsersImportedBanner } from '@/app/_components/users-imported-banner';
import { UserRemovedBanner } from '@/app/_components/user-change-banner';
import { Email } from '@/app/_components/email';

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The Actions menu for the selected users; each leads to a confirmation page (`users/bulk`). */
const BULK_ACTIONS = [
  { value: 'suspend', label: 'Suspend' },
  { value: 'unsuspend', label: 'Unsuspend' },
  { value: 'change-license', label: 'Change licence' },
  { value: 'remove', label: 'Remove' },
  { value: 'unassign-phone-number', label: 'Unassign phone number' },
  { value: 'set-permissions', label: 'Set permissions' },
] as const;

export default async function UsersPage({ params, searchParams }: Props) {
  const { accountId } = await params;
  const raw = await searchParams;
  const list = parseListParams(raw);
  const filters = parseUserFilters(raw);
  const path = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(path);
  if (!isId(accountId)) pageNotFound();
  // One query for the account's name, the page of users and how many match in all.
  const page = await listUsers(admin, accountId, list, { filters });
  if (!page) pageNotFound();
  const { account } = page;
  const query = userListQuery(filters);
  const filtered = Boolean(list.q) || hasUserFilters(filters);
  const exportQuery = new URLSearchParams(
    Object.entries(userListQuery(filters, list.q)).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const exportHref = `${path}/export${exportQuery.size ? `?${exportQuery.toString()}` : ''}`;
  const selectable = admin.canChange && page.rows.length > 0;

  const table = (
    <TableRegion label={`Users of ${account.name}`}>
      <table>
        <caption className="visually-hidden">Users of {account.name}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
            ) : null}
            <th scope="col">Full name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Licence</th>
            <th scope="col">Phone number</th>
            <th scope="col">Calling and SMS</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((user) => (
            <tr key={user.id}>
              {selectable ? (
                <td>
                  <input type="checkbox" name="userId" value={user.id} id={`select-${user.id}`} />
                  <label htmlFor={`select-${user.id}`} className="visually-hidden">
                    Select {user.fullName}
                  </label>
                </td>
              ) : null}
              <td>
                <Link href={`${path}/${user.id}`}>{user.fullName}</Link>
              </td>
              <td>
                <Email address={user.email} />
              </td>
              <td>{label(user.registrationStatus)}</td>
              <td>{label(user.license)}</td>
              <td className="nowrap">
                {user.phoneNumber && user.phoneNumberId ? (
                  <Link href={`/phone-numbers/${user.phoneNumberId}`}>{formatPhoneNumber(user.phoneNumber)}</Link>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td>{permissionSummary(user)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );

  return (
    <>
      <title>{`Users – ${account.name} – Switchboard`}</title>
      <Breadcrumbs
        items={[{ href: '/accounts', label: 'Accounts' }, { href: `/accounts/${account.id}`, label: account.name }, { label: 'Users' }]}
      />
      {account.status === 'Suspended' ? (
        <SuspendedBanner accountId={account.id} name={account.name} canActivate={canManageAccounts(admin)} />
      ) : null}
      <UsersImportedBanner accountId={account.id} />
      <UserRemovedBanner admin={admin} accountId={account.id} />
      <h1>Users</h1>
      {/* An account with no users at all says what to do first, below, with these same links. */}
      {page.rows.length === 0 && !filtered ? null : (
        <p>
          {admin.canChange ? (
            <>
              <Link href={`${path}/new`}>Add user</Link>
              {' · '}
              <Link href={`${path}/import`}>Import users</Link>
              {' · '}
              <Link href={`${path}/change-phone-numbers`}>Change phone numbers from a file</Link>
              {' · '}
            </>
          ) : null}
          {/* A plain link: the export is a file, not a page for the client router. */}
          <a href={exportHref} download>
            Export users
          </a>
        </p>
      )}
      <form className="search filters" action={path} method="get" role="search" aria-label="Search and filter users">
        <div>
          <label htmlFor="number">Phone number</label>
          <select id="number" name="number" defaultValue={filters.number ?? ''}>
            <option value="">Any</option>
            <option value="with">Has a number</option>
            <option value="without">Has none</option>
          </select>
        </div>
        <div>
          <label htmlFor="status">Registration status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any</option>
            {REGISTRATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="license">Licence</label>
          <select id="license" name="license" defaultValue={filters.license ?? ''}>
            <option value="">Any</option>
            {USER_LICENSES.map((l) => (
              <option key={l} value={l}>
                {label(l)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q">Search users</label>
          <p className="hint" id="q-hint">
            By name, email address or digits of their phone number
          </p>
          <input id="q" name="q" type="search" defaultValue={list.q} aria-describedby="q-hint" />
        </div>
        {/* "Search", as on the inventory's page: one button for the search and the filters together,
            right after the search box (the filters come first) so the box and its button sit together. */}
        <button type="submit" className="secondary">
          Search
        </button>
        {filtered ? <Link href={path}>Clear</Link> : null}
      </form>
      <ListCount first={page.first} shown={page.rows.length} total={page.total} one="user" many="users" />
      {page.rows.length === 0 ? (
        filtered ? (
          <p>No users match.</p>
        ) : (
          <>
            <p>This account has no users.</p>
            {admin.canChange ? (
              // A new account's first step (README, "First day in production").
              <p>
                Start with <Link href={`${path}/new`}>Add user</Link>, or <Link href={`${path}/import`}>Import users</Link> from a CSV file.
              </p>
            ) : null}
          </>
        )
      ) : selectable ? (
        // One GET form for "many at once": the checked users and the chosen action go to a
        // confirmation page, which asks before anything changes. The search form above is its own.
        <form method="get" action={`${path}/bulk`} aria-label="Selected users">
          <div className="search">
            <div>
              <label htmlFor="action">Actions</label>
              <p className="hint" id="action-hint">
                Select the check boxes for the users, then choose an action. You will be asked to confirm.
              </p>
              <select id="action" name="action" aria-describedby="action-hint">
                {BULK_ACTIONS.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary">
              Continue
            </button>
          </div>
          {table}
        </form>
      ) : (
        table
      )}
      <Pagination path={path} q={list.q} query={query} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
