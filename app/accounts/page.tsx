import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { canManageAccounts } from '@/lib/directory/account-changes';
import { listAccounts } from '@/lib/directory/accounts';
import { readAccountFlash } from '@/lib/http/flash';
import { label } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { Pagination, SearchForm } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';
import { AccountBanner } from '@/app/_components/account-banner';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  const params = parseListParams(await searchParams);
  const admin = await requireAdmin('/accounts');
  const [page, flash] = await Promise.all([listAccounts(admin, params), readAccountFlash(null)]);
  const manages = canManageAccounts(admin);
  const empty = page.rows.length === 0 && !params.q && !params.after && !params.before;
  return (
    <>
      <title>Accounts – Switchboard</title>
      {flash ? <AccountBanner flash={flash} name={flash.name ?? 'the account'} /> : null}
      <h1>Accounts</h1>
      {empty ? (
        // The first thing a new organisation sees (README, "First day in production").
        manages ? (
          <>
            <p>There are no accounts yet. Start here: an account holds users, and users are given phone numbers.</p>
            <p>
              <Link href="/accounts/new" className="button">
                Create account
              </Link>
            </p>
          </>
        ) : (
          <p>
            {admin.allAccounts
              ? 'There are no accounts yet. An Administrator of all accounts can create them.'
              : 'There are no accounts you administer. An Administrator of all accounts can give you access to one.'}
          </p>
        )
      ) : (
        <>
          {manages ? (
            <p>
              <Link href="/accounts/new" className="button">
                Create account
              </Link>
            </p>
          ) : null}
          <SearchForm action="/accounts" q={params.q} label="Search accounts by name" />
        </>
      )}
      {empty ? null : page.rows.length === 0 ? (
        <p>{params.q ? `No accounts match “${params.q}”.` : 'There are no accounts on this page.'}</p>
      ) : (
        <TableRegion label="Accounts">
          <table>
            <caption className="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Account name</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Users</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((account) => (
                <tr key={account.id}>
                  <td>
                    <Link href={`/accounts/${account.id}`}>{account.name}</Link>
                  </td>
                  <td>{label(account.type)}</td>
                  <td>{label(account.status)}</td>
                  <td>{account.userCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination path="/accounts" q={params.q} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
