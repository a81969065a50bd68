import Link from 'next/link';
import { loadAccountChangePage } from '@/lib/directory/account-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmAccountForm } from '@/app/accounts/[accountId]/confirm-account-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function ActivateAccountPage({ params }: Props) {
  const { account, path } = await loadAccountChangePage(params, '/activate');
  return (
    <>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { href: path, label: account.name }, { label: 'Activate account' }]} />
      <h1>Activate account</h1>
      <ConfirmAccountForm
        kind="activate"
        title={`Activate account – ${account.name} – Switchboard`}
        accountId={account.id}
        confirmLabel={`Activate ${account.name}`}
        explanation={`Phone numbers can be assigned to ${account.name}’s users again.`}
        blocker={account.status === 'Active' ? `${account.name} is not suspended.` : null}
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
