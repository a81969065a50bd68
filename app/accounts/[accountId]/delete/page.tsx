import Link from 'next/link';
import { accountDeletionFacts, deletionBlocker } from '@/lib/directory/account-changes';
import { loadAccountChangePage } from '@/lib/directory/account-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmAccountForm } from '@/app/accounts/[accountId]/confirm-account-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function DeleteAccountPage({ params }: Props) {
  const { admin, account, path } = await loadAccountChangePage(params, '/delete');
  const { holds, admins } = await accountDeletionFacts(admin, account.id);
  const blocker = deletionBlocker(account.name, holds);
  return (
    <>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { href: path, label: account.name }, { label: 'Delete account' }]} />
      <h1>Delete account</h1>
      <ConfirmAccountForm
        kind="delete"
        title={`Delete account – ${account.name} – Switchboard`}
        accountId={account.id}
        confirmLabel={`Delete ${account.name}`}
        explanation={`${account.name} will be deleted for good. It has no users and no phone numbers; its audit log stays readable.`}
        blocker={blocker}
      />
      {!blocker && admins.length > 0 ? (
        <>
          <h2>Admins of this account</h2>
          <p>It is taken off the accounts these admins administer:</p>
          <ul>
            {admins.map((a) => (
              <li key={a.email}>
                {a.name} ({a.email}){a.onlyThis ? ' — it is their only account: they will administer none' : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link href={path}>{blocker ? `Back to ${account.name}` : 'Cancel'}</Link>
      </p>
    </>
  );
}
