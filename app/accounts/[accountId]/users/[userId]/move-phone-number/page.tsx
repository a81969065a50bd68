import Link from 'next/link';
import { accountSuspendedMessage } from '@/lib/directory/account-changes';
import { getUser, listUsers } from '@/lib/directory/users';
import { loadUserPage } from '@/lib/telephony/user-page';
import { isId } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { Pagination, SearchForm } from '@/app/_components/list-controls';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { listPermissionPresets } from '@/lib/presets/permission-presets';
import { MoveForm } from './move-form';

type Props = {
  params: Promise<{ accountId: string; userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CHOOSE = 'Choose the user to move the number to';
const onOff = (on: boolean) => (on ? 'on' : 'off');

// Two steps, each a GET page so that each has a URL and works without JavaScript: choose the new
// holder (users of this account with no number who are not suspended, searched and paged), then
// confirm with a POST. Choosing nobody comes back to the list with the error, as the server says.
export default async function MovePhoneNumberPage({ params, searchParams }: Props) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const toUserId = isId(first(raw.to)) ? first(raw.to)! : undefined;
  const nothingChosen = first(raw.step) === 'confirm' && !toUserId;
  const list = parseListParams(raw);
  const { admin, account, user, path } = await loadUserPage(params, '/move-phone-number');
  const here = `${path}/move-phone-number`;
  const title = `Move phone number – ${user.fullName} – Switchboard`;
  const number = user.phoneNumber;
  const crumbs = <UserBreadcrumbs account={account} user={user} page="Move phone number" />;
  const back = (
    <p>
      <Link href={path}>Back to {user.fullName}</Link>
    </p>
  );

  if (!admin.canChange || (!number && !toUserId)) {
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Move phone number</h1>
        <p>
          {!admin.canChange
            ? 'You have read-only access, so you cannot move phone numbers.'
            : `${user.fullName} has no phone number to move.`}
        </p>
        {back}
      </>
    );
  }

  if (!toUserId) {
    const formatted = formatPhoneNumber(number!.e164);
    // The new holder is in this account; nothing new goes to a suspended account (rule 9).
    if (user.account.status === 'Suspended') {
      return (
        <>
          <title>{title}</title>
          {crumbs}
          <h1>Move phone number</h1>
          <p>{accountSuspendedMessage(account.name)}</p>
          {back}
        </>
      );
    }
    const users = await listUsers(admin, account.id, list, { withoutNumber: true, notSuspended: true });
    const rows = users?.rows ?? [];
    const firstId = rows[0] ? `to-${rows[0].id}` : 'users';
    const error = nothingChosen ? CHOOSE : undefined;
    return (
      <>
        <title>{`${error ? 'Error: ' : ''}${title}`}</title>
        {crumbs}
        <ErrorSummary fields={[{ id: firstId, message: error }]} />
        <h1>Move phone number</h1>
        <p>
          Choose who gets <strong>{formatted}</strong> instead of {user.fullName}. Users who already have a phone number, and suspended
          users, are not listed.
        </p>
        <SearchForm action={here} q={list.q} label="Search users by name or email" />
        {rows.length === 0 ? (
          <p id="users">
            {list.q ? 'No users without a phone number match your search.' : `No user of ${account.name} can take the number.`}
          </p>
        ) : (
          <form action={here} method="get" noValidate>
            {list.q ? <input type="hidden" name="q" value={list.q} /> : null}
            <div className={`field${error ? ' has-error' : ''}`}>
              <fieldset aria-describedby={error ? `${firstId}-error` : undefined}>
                <legend>New holder</legend>
                <FieldError id={firstId} message={error} />
                <div className="radios">
                  {rows.map((u) => (
                    <div className="radio" key={u.id}>
                      <input type="radio" name="to" id={`to-${u.id}`} value={u.id} />
                      <label htmlFor={`to-${u.id}`}>
                        {u.fullName} <span className="muted">{u.email}</span>
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <p>
              <button type="submit" name="step" value="confirm">
                Continue
              </button>
            </p>
          </form>
        )}
        <Pagination path={here} q={list.q} prevCursor={users?.prevCursor} nextCursor={users?.nextCursor} />
        <p>
          <Link href={path}>Cancel</Link>
        </p>
      </>
    );
  }

  // The confirmation: rendered even when things changed under it, so that a refusal still shows
  // its message above the page as it is now.
  const to = await getUser(admin, account.id, toUserId);
  const blocker = !number
    ? `${user.fullName} has no phone number to move.`
    : !to || to.removedAt
      ? 'That user does not exist, or is not in an account you administer.'
      : to.id === user.id
        ? `${user.fullName} already has ${formatPhoneNumber(number.e164)}. Choose another user.`
        : to.phoneNumber
          ? `${to.fullName} already has the phone number ${formatPhoneNumber(to.phoneNumber.e164)}. Choose another user.`
          : to.registrationStatus === 'Suspended'
            ? `${to.fullName} is suspended. Unsuspend them first, or choose another user.`
            : to.account.status === 'Suspended'
              ? accountSuspendedMessage(to.account.name)
              : null;
  const permissions = `inbound calling ${onOff(user.inboundCalling)}, outbound calling ${onOff(user.outboundCalling)}, SMS ${onOff(user.sms)}`;
  // The new holder's account's presets, offered as "Permissions after assigning".
  const presets = blocker || !to ? [] : ((await listPermissionPresets(admin, to.accountId)) ?? []);
  return (
    <>
      {crumbs}
      <h1>Move phone number</h1>
      <MoveForm
        title={title}
        blocker={blocker}
        target={{
          accountId: account.id,
          userId: user.id,
          version: user.version,
          phoneNumberId: number?.id ?? '',
          numberVersion: number?.version ?? 0,
          toAccountId: to?.accountId ?? account.id,
          toUserId,
          toUserVersion: to?.version ?? 0,
        }}
        from={{ fullName: user.fullName, email: user.email, permissions }}
        to={to ? { fullName: to.fullName, email: to.email } : null}
        number={number ? formatPhoneNumber(number.e164) : null}
        presets={presets}
        presetsHref={`/accounts/${to?.accountId ?? account.id}/permission-presets`}
      />
      <p>
        <Link href={here}>Choose another user</Link> · <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
