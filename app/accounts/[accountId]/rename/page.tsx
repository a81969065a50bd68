import Link from 'next/link';
import { loadAccountChangePage } from '@/lib/directory/account-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { RenameForm } from './rename-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function RenameAccountPage({ params }: Props) {
  const { account, path } = await loadAccountChangePage(params, '/rename');
  return (
    <>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { href: path, label: account.name }, { label: 'Rename' }]} />
      <h1>Rename</h1>
      <RenameForm title={`Rename – ${account.name} – Switchboard`} accountId={account.id} currentName={account.name} />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
