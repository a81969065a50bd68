import Link from 'next/link';
import { loadPresetsPage } from '@/lib/presets/presets-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { PresetForm } from '../../preset-form';

type Props = { params: Promise<{ accountId: string; presetId: string }> };

export default async function EditPermissionPresetPage({ params }: Props) {
  const { presetId } = await params;
  const { admin, account, path, presets } = await loadPresetsPage(params, `/${presetId}/edit`);
  const preset = presets.find((p) => p.id === presetId);
  const title = `Edit permission preset – ${preset?.name ?? 'Not found'} – ${account.name} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: path, label: 'Permission presets' },
          { label: 'Edit permission preset' },
        ]}
      />
      <h1>Edit permission preset</h1>
      {!preset ? (
        // Not "Page not found": a preset deleted while the form was open lands here after the refusal.
        <>
          <title>{title}</title>
          <p>That preset does not exist in {account.name}: it may have been deleted.</p>
        </>
      ) : admin.canChange ? (
        <PresetForm title={title} accountId={account.id} preset={preset} />
      ) : (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot edit permission presets.</p>
        </>
      )}
      <p>
        <Link href={path}>{preset && admin.canChange ? 'Cancel' : 'Back to Permission presets'}</Link>
      </p>
    </>
  );
}
