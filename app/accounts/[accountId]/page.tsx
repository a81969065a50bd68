import Link from 'next/link';
import { pageNotFound } from '@/lib/http/not-found';
import { readAccountFlash } from '@/lib/http/flash';
import { requireAdmin } from '@/lib/auth/session';
import { canManageAccounts } from '@/lib/directory/account-changes';
import { getAccount } from '@/lib/directory/accounts';
import { isId, label } from '@/lib/kernel/labels';
import { AccountBanner, SuspendedBanner } from '@/app/_components/account-banner';
import { Breadcrumbs } from '@/app/_components/list-controls';

export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const admin = await requireAdmin(`/accounts/${accountId}`);
  if (!isId(accountId)) pageNotFound();
  const [account, flash] = await Promise.all([getAccount(admin, accountId), readAccountFlash(accountId)]);
  if (!account) pageNotFound();
  const path = `/accounts/${account.id}`;
  const manages = canManageAccounts(admin);
  const suspended = account.status === 'Suspended';
  return (
    <>
      <title>{`Account summary – ${account.name} – Switchboard`}</title>
      <Breadcrumbs items={[{ href: '/accounts', label: 'Accounts' }, { label: account.name }]} />
      {flash ? <AccountBanner flash={flash} name={account.name} /> : null}
      {suspended && !(flash?.kind === 'account-suspended' && !flash.repeated) ? (
        <SuspendedBanner accountId={account.id} name={account.name} canActivate={manages} />
      ) : null}
      <h1>{account.name}</h1>
      {manages ? (
        // A <details> menu opens without JavaScript; each action is its own page.
        <details className="actions">
          <summary>Actions</summary>
          <ul>
            <li>
              <Link href={`${path}/rename`}>Rename</Link>
            </li>
            <li>
              {suspended ? <Link href={`${path}/activate`}>Activate account</Link> : <Link href={`${path}/suspend`}>Suspend account</Link>}
            </li>
            <li>
              <Link href={`${path}/delete`}>Delete account</Link>
            </li>
          </ul>
        </details>
      ) : null}
      <dl className="summary">
        <dt>Account type</dt>
        <dd>{label(account.type)}</dd>
        <dt>Status</dt>
        <dd>{label(account.status)}</dd>
        <dt>Default licence</dt>
        <dd>{label(account.defaultLicense)}</dd>
        <dt>Users</dt>
        <dd>
          <Link href={`${path}/users`}>{account.userCount} users</Link>
        </dd>
        <dt>Phone numbers assigned</dt>
        <dd>{account.phoneNumberCount}</dd>
      </dl>
      {admin.canChange ? (
        <p>
          Users from an identity provider (SCIM): <Link href={`${path}/provisioning`}>Provisioning</Link>
        </p>
      ) : null}
      {admin.canChange && account.userCount === 0 ? (
        // The first day with a new account: what to do, in order (README, "First day in production").
        <>
          <h2>Get started</h2>
          <ol>
            <li>
              <Link href={`${path}/users/new`}>Add user</Link>, or <Link href={`${path}/users/import`}>Import users</Link> from a CSV file.
            </li>
            <li>
              <Link href="/phone-numbers/add">Add phone numbers</Link> to the inventory.
            </li>
            <li>Open a user, then from Actions choose Assign phone number.</li>
          </ol>
        </>
      ) : admin.canChange ? (
        <p>
          Numbers to assign come from the inventory: <Link href="/phone-numbers/add">Add phone numbers</Link>
        </p>
      ) : null}
    </>
  );
}
