import Link from 'next/link';
import { loadProvisioningPage } from '@/lib/scim/provisioning-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { CreateTokenForm } from '../create-token-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function CreateProvisioningTokenPage({ params }: Props) {
  const { account, path } = await loadProvisioningPage(params, '/new');
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: path, label: 'Provisioning' },
          { label: 'Create provisioning token' },
        ]}
      />
      <h1>Create provisioning token</h1>
      <CreateTokenForm title={`Create provisioning token – ${account.name} – Switchboard`} accountId={account.id} />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
