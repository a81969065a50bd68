import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listAdmins } from '@/lib/admins/admin-management';
import { adminsPageRead } from '@/lib/admins/admin-page';
import { parseListParams } from '@/lib/kernel/pagination';
import { Pagination, SearchForm } from '@/app/_components/list-controls';
import { accountsSummary, ROLE_LABELS } from './labels';
import { TableRegion } from '@/app/_components/table-region';
import { Email } from '@/app/_components/email';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminsPage({ searchParams }: Props) {
  const params = parseListParams(await searchParams);
  const admin = await requireAdmin('/admins');
  const page = await adminsPageRead(() => listAdmins(admin, params));
  return (
    <>
      <title>Admins – Switchboard</title>
      <h1>Admins</h1>
      <p>The people who can sign in to Switchboard, what they may do, and for which accounts.</p>
      <p>
        <Link href="/admins/new" className="button">
          Add admin
        </Link>
      </p>
      <SearchForm action="/admins" q={params.q} label="Search admins by name or email" />
      {page.rows.length === 0 ? (
        <p>{params.q ? `No admins match “${params.q}”.` : 'There are no admins.'}</p>
      ) : (
        <TableRegion label="Admins">
          <table>
            <caption className="visually-hidden">Admins{params.q ? ` matching “${params.q}”` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Accounts</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/admins/${a.id}`}>{a.name}</Link>
                    {a.id === admin.id ? <span className="muted"> (you)</span> : null}
                  </td>
                  <td>
                    <Email address={a.email} />
                  </td>
                  <td>{ROLE_LABELS[a.role].label}</td>
                  <td>{accountsSummary(a.allAccounts, a.accountNames)}</td>
                  <td>{a.disabled ? <strong>Disabled</strong> : 'Active'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination path="/admins" q={params.q} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
