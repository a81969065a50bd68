import Link from 'next/link';
import { loadPresetsPage } from '@/lib/presets/presets-page';
import { describePermissions } from '@/lib/presets/words';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmDeleteForm } from '../../confirm-delete-form';

type Props = { params: Promise<{ accountId: string; presetId: string }> };

export default async function DeletePermissionPresetPage({ params }: Props) {
  const { presetId } = await params;
  const { admin, account, path, presets } = await loadPresetsPage(params, `/${presetId}/delete`);
  const preset = presets.find((p) => p.id === presetId);
  const title = `Delete permission preset – ${preset?.name ?? 'Not found'} – ${account.name} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: path, label: 'Permission presets' },
          { label: 'Delete permission preset' },
        ]}
      />
      <h1>Delete permission preset</h1>
      {!preset ? (
        <>
          <title>{title}</title>
          <p>That preset does not exist in {account.name}: it may have been deleted already.</p>
        </>
      ) : admin.canChange ? (
        <ConfirmDeleteForm
          title={title}
          accountId={account.id}
          presetId={preset.id}
          version={preset.version}
          confirmLabel={`Delete the preset “${preset.name}” (${describePermissions(preset)})`}
          explanation={`“${preset.name}” will no longer be offered when a phone number is assigned. Users who were given its permissions keep them as they are.`}
        />
      ) : (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot delete permission presets.</p>
        </>
      )}
      <p>
        <Link href={path}>{preset && admin.canChange ? 'Cancel' : 'Back to Permission presets'}</Link>
      </p>
    </>
  );
}
