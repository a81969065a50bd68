import Link from 'next/link';
import { loadAccountChangePage } from '@/lib/directory/account-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmAccountForm } from '@/app/accounts/[accountId]/confirm-account-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function SuspendAccountPage({ params }: Props) {
  const { account, path } = await loadAccountChangePage(params, '/suspend');
  return (
    <>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { href: path, label: account.name }, { label: 'Suspend account' }]} />
      <h1>Suspend account</h1>
      <ConfirmAccountForm
        kind="suspend"
        title={`Suspend account – ${account.name} – Switchboard`}
        accountId={account.id}
        confirmLabel={`Suspend ${account.name}`}
        explanation={`${account.name}’s users keep their phone numbers and permissions, but no phone number can be assigned there until the account is activated again.`}
        blocker={account.status === 'Suspended' ? `${account.name} is already suspended.` : null}
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
