import Link from 'next/link';
import { loadAdminPage } from '@/lib/admins/admin-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmAdminForm } from '@/app/admins/[adminId]/confirm-form';

type Props = { params: Promise<{ adminId: string }> };

export default async function EnableAdminPage({ params }: Props) {
  const { subject, path } = await loadAdminPage(params, '/enable');
  return (
    <>
      <Breadcrumbs items={[{ href: '/admins', label: 'Admins' }, { href: path, label: subject.name }, { label: 'Enable' }]} />
      <h1>Enable</h1>
      <ConfirmAdminForm
        kind="enable"
        title={`Enable – ${subject.name} – Switchboard`}
        adminId={subject.id}
        confirmLabel={`Enable ${subject.name} (${subject.email})`}
        explanation={`${subject.name} will be able to sign in again with their password, with the role and accounts shown on their page.`}
        blocker={subject.disabledAt ? null : `${subject.name} is not disabled.`}
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
