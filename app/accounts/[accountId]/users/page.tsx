import Link from 'next/link';
import { pageNotFound } from '@/lib/http/not-found';
import { requireAdmin } from '@/lib/auth/session';
import { listUsers } from '@/lib/directory/users';
import { isId } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { Breadcrumbs, Pagination, SearchForm, permissionSummary } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';
import { UserRemovedBanner } from '@/app/_components/user-change-banner';

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function UsersPage({ params, searchParams }: Props) {
  const { accountId } = await params;
  const list = parseListParams(await searchParams);
  const path = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(path);
  if (!isId(accountId)) pageNotFound();
  // One query for the account's name and the page of users (the account's counts are not shown here).
  const page = await listUsers(admin, accountId, list);
  if (!page) pageNotFound();
  const { account } = page;
  return (
    <>
      <title>{`Users – ${account.name} – Switchboard`}</title>
      <Breadcrumbs
        items={[{ href: '/accounts', label: 'Accounts' }, { href: `/accounts/${account.id}`, label: account.name }, { label: 'Users' }]}
      />
      <UserRemovedBanner admin={admin} accountId={account.id} />
      <h1>Users</h1>
      {admin.canChange ? (
        <p>
          <Link href={`${path}/new`} className="button">
            Add user
          </Link>
        </p>
      ) : null}
      <SearchForm action={path} q={list.q} label="Search users" hint="By name, email address or digits of their phone number" />
      {page.rows.length === 0 ? (
        <p>{list.q ? `No users match “${list.q}”.` : 'This account has no users.'}</p>
      ) : (
        <TableRegion label={`Users of ${account.name}`}>
          <table>
            <caption className="visually-hidden">Users of {account.name}</caption>
            <thead>
              <tr>
                <th scope="col">Full name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone number</th>
                <th scope="col">Calling and SMS</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link href={`${path}/${user.id}`}>{user.fullName}</Link>
                  </td>
                  <td>{user.email}</td>
                  <td className="nowrap">{user.phoneNumber ? formatPhoneNumber(user.phoneNumber) : <span className="muted">None</span>}</td>
                  <td>{permissionSummary(user)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination path={path} q={list.q} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
