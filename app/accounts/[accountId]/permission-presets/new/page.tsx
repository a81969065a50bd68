import Link from 'next/link';
import { loadPresetsPage } from '@/lib/presets/presets-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { PresetForm } from '../preset-form';

type Props = { params: Promise<{ accountId: string }> };

export default async function AddPermissionPresetPage({ params }: Props) {
  const { admin, account, path } = await loadPresetsPage(params, '/new');
  const title = `Add permission preset – ${account.name} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: path, label: 'Permission presets' },
          { label: 'Add permission preset' },
        ]}
      />
      <h1>Add permission preset</h1>
      {admin.canChange ? (
        <PresetForm title={title} accountId={account.id} />
      ) : (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot add permission presets.</p>
        </>
      )}
      <p>
        <Link href={path}>{admin.canChange ? 'Cancel' : 'Back to Permission presets'}</Link>
      </p>
    </>
  );
}
