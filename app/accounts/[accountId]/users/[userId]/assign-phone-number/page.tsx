import Link from 'next/link';
import { listAssignableNumbers } from '@/lib/telephony/telephony';
import { listPermissionPresets } from '@/lib/presets/permission-presets';
import { accountSuspendedMessage, canManageAccounts } from '@/lib/directory/account-changes';
import { loadUserPage } from '@/lib/telephony/user-page';
import { parseListParams } from '@/lib/kernel/pagination';
import { areaCode, formatPhoneNumber } from '@/lib/kernel/phone';
import { countryName } from '@/lib/inventory/countries';
import { capabilitiesOf } from '@/lib/inventory/phone-numbers';
import { label } from '@/lib/kernel/labels';
import type { AssignableNumber } from '@/lib/telephony/telephony';
import { ListCount, Pagination, SearchForm } from '@/app/_components/list-controls';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { AssignForm } from './assign-form';

/** "Area code 206, United States · Local · Business Calling · Inbound call, Outbound call, SMS". */
function numberDetails(n: AssignableNumber): string {
  const area = areaCode(n.e164);
  const where = area ? `Area code ${area}, ${countryName(n.country)}` : countryName(n.country);
  return [where, label(n.type), label(n.productType), capabilitiesOf(n).join(', ') || 'No calling or SMS'].join(' · ');
}

type Props = {
  params: Promise<{ accountId: string; userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AssignPhoneNumberPage({ params, searchParams }: Props) {
  const list = parseListParams(await searchParams);
  const { admin, account, user, path } = await loadUserPage(params, '/assign-phone-number');
  const title = `Assign phone number – ${user.fullName} – Switchboard`;
  const here = `${path}/assign-phone-number`;
  const crumbs = <UserBreadcrumbs account={account} user={user} page="Assign phone number" />;

  if (!admin.canChange) {
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Assign phone number</h1>
        <p>You have read-only access, so you cannot assign phone numbers.</p>
        <p>
          <Link href={path}>Back to {user.fullName}</Link>
        </p>
      </>
    );
  }

  // Rendered even when the user already has a number, so that a refused attempt (someone gave
  // them one first) still shows its message above the page as it is now.
  const existing = user.phoneNumber ? formatPhoneNumber(user.phoneNumber.e164) : null;
  // Nothing new is assigned in a suspended account: say so instead of a form that cannot succeed.
  const blocker = user.account.status === 'Suspended' ? accountSuspendedMessage(account.name) : null;
  const [page, presets] =
    existing || blocker ? [null, []] : await Promise.all([listAssignableNumbers(admin, list), listPermissionPresets(admin, account.id)]);
  return (
    <>
      {crumbs}
      <h1>Assign phone number</h1>
      {page ? (
        <>
          <p>
            Choose the phone number to assign to <strong>{user.fullName}</strong> ({user.email}). Calling and SMS permissions are turned off
            when a number is assigned, unless you choose one of the account’s permission presets; you can change them afterwards.
          </p>
          <SearchForm action={here} q={list.q} label="Search numbers" hint="By any digits, for example an area code such as 206" />
          {page.total > 0 ? (
            <ListCount first={page.first} shown={page.rows.length} total={page.total} one="number available" many="numbers available" />
          ) : null}
        </>
      ) : null}
      <AssignForm
        title={title}
        user={{ accountId: account.id, userId: user.id, version: user.version, fullName: user.fullName, email: user.email }}
        existingNumber={existing}
        blocker={blocker}
        numbers={(page?.rows ?? []).map((n) => ({ id: n.id, label: formatPhoneNumber(n.e164), details: numberDetails(n) }))}
        searched={Boolean(list.q)}
        presets={presets ?? []}
        presetsHref={`/accounts/${account.id}/permission-presets`}
        paging={page ? <Pagination path={here} q={list.q} prevCursor={page.prevCursor} nextCursor={page.nextCursor} /> : null}
      />
      {blocker && canManageAccounts(admin) ? (
        <p>
          <Link href={`/accounts/${account.id}/activate`}>Activate account</Link>
        </p>
      ) : null}
      <p>
        <Link href={path}>{existing || blocker ? `Back to ${user.fullName}` : 'Cancel'}</Link>
      </p>
    </>
  );
}
