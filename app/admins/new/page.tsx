import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listAccountChoices } from '@/lib/admins/admin-management';
import { adminsPageRead } from '@/lib/admins/admin-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { AddAdminForm } from './add-admin-form';

export default async function AddAdminPage() {
  const admin = await requireAdmin('/admins/new');
  const accounts = await adminsPageRead(() => listAccountChoices(admin));
  return (
    <>
      <Breadcrumbs items={[{ href: '/admins', label: 'Admins' }, { label: 'Add admin' }]} />
      <h1>Add admin</h1>
      <AddAdminForm accounts={accounts} />
      <p>
        <Link href="/admins">Cancel</Link>
      </p>
    </>
  );
}
