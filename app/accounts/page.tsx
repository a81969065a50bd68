import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listAccounts } from '@/lib/directory/accounts';
import { label } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { Pagination, SearchForm } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  const params = parseListParams(await searchParams);
  const admin = await requireAdmin('/accounts');
  const page = await listAccounts(admin, params);
  return (
    <>
      <title>Accounts – Switchboard</title>
      <h1>Accounts</h1>
      <SearchForm action="/accounts" q={params.q} label="Search accounts by name" />
      {page.rows.length === 0 ? (
        <p>{params.q ? `No accounts match “${params.q}”.` : 'There are no accounts you administer.'}</p>
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
