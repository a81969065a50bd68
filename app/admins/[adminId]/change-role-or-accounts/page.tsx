import Link from 'next/link';
import { listAccountChoices } from '@/lib/admins/admin-management';
import { adminsPageRead, loadAdminPage } from '@/lib/admins/admin-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { AccessForm } from './access-form';

type Props = { params: Promise<{ adminId: string }> };

export default async function ChangeRoleOrAccountsPage({ params }: Props) {
  const { admin, subject, path } = await loadAdminPage(params, '/change-role-or-accounts');
  const accounts = await adminsPageRead(() => listAccountChoices(admin));
  const title = `Change role or accounts – ${subject.name} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[{ href: '/admins', label: 'Admins' }, { href: path, label: subject.name }, { label: 'Change role or accounts' }]}
      />
      <h1>Change role or accounts</h1>
      <p>
        Choose what <strong>{subject.name}</strong> ({subject.email}) may do, and for which accounts, and choose Save. They are signed out
        of Switchboard, and have the new role and accounts when they sign in again.
      </p>
      {subject.isLastAdministrator ? (
        <p className="warning-text">
          {subject.isSelf ? 'You are' : `${subject.name} is`} the last active Administrator of all accounts, so this role and scope cannot
          be taken away. Make another admin an Administrator of all accounts first.
        </p>
      ) : subject.isSelf ? (
        <p className="warning-text">You are changing your own role or accounts: you will be signed out, and must sign in again.</p>
      ) : null}
      <AccessForm
        title={title}
        subject={{
          id: subject.id,
          version: subject.version,
          role: subject.role,
          allAccounts: subject.allAccounts,
          accountIds: subject.accounts.map((a) => a.id),
        }}
        accounts={accounts}
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
