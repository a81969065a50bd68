import Link from 'next/link';
import { loadAdminPage } from '@/lib/admins/admin-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmAdminForm } from '@/app/admins/[adminId]/confirm-form';

type Props = { params: Promise<{ adminId: string }> };

export default async function DisableAdminPage({ params }: Props) {
  const { subject, path } = await loadAdminPage(params, '/disable');
  return (
    <>
      <Breadcrumbs items={[{ href: '/admins', label: 'Admins' }, { href: path, label: subject.name }, { label: 'Disable' }]} />
      <h1>Disable</h1>
      <ConfirmAdminForm
        kind="disable"
        title={`Disable – ${subject.name} – Switchboard`}
        adminId={subject.id}
        confirmLabel={`Disable ${subject.name} (${subject.email})`}
        explanation={`${subject.name} will be signed out of Switchboard at once and cannot sign in until an admin enables them. Nothing they did is undone.`}
        blocker={
          subject.isSelf
            ? 'You cannot disable yourself. Ask another Administrator of all accounts to do it.'
            : subject.disabledAt
              ? `${subject.name} is already disabled.`
              : subject.isLastAdministrator
                ? `${subject.name} is the last active Administrator of all accounts, so they cannot be disabled. Make another admin an Administrator of all accounts first.`
                : null
        }
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
