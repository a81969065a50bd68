import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { pageNotFound } from '@/lib/http/not-found';
import { getAccountStatus } from '@/lib/directory/accounts';
import { getBulkResult } from '@/lib/directory/user-bulk';
import { isId } from '@/lib/kernel/labels';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { TableRegion } from '@/app/_components/table-region';
import { BULK_LABELS, usersCount } from '../labels';

type Props = { params: Promise<{ accountId: string; batchId: string }> };

// What a bulk change did to each user: those changed, and those not changed with the reason.
export default async function BulkResultPage({ params }: Props) {
  const { accountId, batchId } = await params;
  const usersPath = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(`${usersPath}/bulk/${batchId}`);
  if (!isId(accountId) || !isId(batchId)) pageNotFound();
  const [account, batch] = await Promise.all([getAccountStatus(admin, accountId), getBulkResult(admin, accountId, batchId)]);
  if (!account || !batch) pageNotFound();
  const labels = BULK_LABELS[batch.action];
  const changed = batch.results.filter((r) => r.outcome !== 'refused').length;
  const refused = batch.results.length - changed;
  const heading = `${labels.title}: ${refused === 0 ? 'done' : changed === 0 ? 'nothing changed' : 'partly done'}`;
  return (
    <>
      <title>{`${heading} – Users – ${account.name} – Switchboard`}</title>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: usersPath, label: 'Users' },
          { label: labels.title },
        ]}
      />
      {/* Focus lands here after the redirect, as with every change's banner. */}
      <div
        className={`banner${refused === 0 ? '' : ' notice'}`}
        id="banner"
        role="status"
        aria-labelledby="banner-title"
        tabIndex={-1}
        autoFocus
      >
        <FocusOnArrival />
        <h2 id="banner-title">
          {labels.done}: {changed} of {usersCount(batch.results.length)}
        </h2>
        {refused > 0 ? <p>{`${usersCount(refused)} ${refused === 1 ? 'was' : 'were'} not changed; the reasons are below.`}</p> : null}
      </div>
      <h1>{heading}</h1>
      <TableRegion label="What happened to each user">
        <table>
          <caption>What happened to each user</caption>
          <thead>
            <tr>
              <th scope="col">Full name</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {batch.results.map((r) => (
              <tr key={r.userId}>
                <td>
                  {batch.action === 'remove' && r.outcome === 'done' ? (
                    r.fullName
                  ) : (
                    <Link href={`${usersPath}/${r.userId}`}>{r.fullName}</Link>
                  )}
                </td>
                <td>{r.outcome === 'done' ? labels.done : r.outcome === 'repeated' ? labels.repeated : `Not changed: ${r.message}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p>
        <Link href={usersPath}>Back to Users</Link>
      </p>
    </>
  );
}
