import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { canManageAccounts } from '@/lib/directory/account-changes';
import { pageNotFound } from '@/lib/http/not-found';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { CreateAccountForm } from './create-account-form';

export default async function CreateAccountPage() {
  const admin = await requireAdmin('/accounts/new');
  // Only Administrators of all accounts create accounts; to anyone else this page does not exist.
  if (!canManageAccounts(admin)) pageNotFound();
  return (
    <>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { label: 'Create account' }]} />
      <h1>Create account</h1>
      <CreateAccountForm />
      <p>
        <Link href="/accounts">Cancel</Link>
      </p>
    </>
  );
}
