import Link from 'next/link';
import { loadAdminPage } from '@/lib/admins/admin-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmAdminForm } from '@/app/admins/[adminId]/confirm-form';

type Props = { params: Promise<{ adminId: string }> };

export default async function ResetAdminPasswordPage({ params }: Props) {
  const { subject, path } = await loadAdminPage(params, '/reset-password');
  return (
    <>
      <Breadcrumbs items={[{ href: '/admins', label: 'Admins' }, { href: path, label: subject.name }, { label: 'Reset password' }]} />
      <h1>Reset password</h1>
      <ConfirmAdminForm
        kind="reset-password"
        title={`Reset password – ${subject.name} – Switchboard`}
        adminId={subject.id}
        confirmLabel={`Reset the password of ${subject.name} (${subject.email})`}
        explanation={`${subject.name}’s password will stop working and they will be signed out of Switchboard at once. You will see a new one-time password, once, to give them.`}
        blocker={subject.isSelf ? 'You cannot reset your own password here. Ask another Administrator of all accounts to do it.' : null}
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
