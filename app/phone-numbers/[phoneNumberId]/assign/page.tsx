import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { listAccounts } from '@/lib/directory/accounts';
import { accountSuspendedMessage, canManageAccounts } from '@/lib/directory/account-changes';
import { loadNumberPage } from '@/lib/inventory/number-page';
import { recentHolder } from '@/lib/inventory/phone-numbers';
import { getUser, listUsers } from '@/lib/directory/users';
import { listPermissionPresets } from '@/lib/presets/permission-presets';
import { isId } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { Breadcrumbs, Pagination, SearchForm } from '@/app/_components/list-controls';
import { AssignFromNumberForm } from './assign-from-number-form';
import { Email } from '@/app/_components/email';

type Props = {
  params: Promise<{ phoneNumberId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Three steps, each a GET page so every step has a URL and works without JavaScript:
// choose the account, choose the user (search by name or email), then confirm with a POST.
export default async function AssignFromNumberPage({ params, searchParams }: Props) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const accountId = isId(first(raw.accountId)) ? first(raw.accountId)! : undefined;
  const userId = accountId && isId(first(raw.userId)) ? first(raw.userId)! : undefined;
  const list = parseListParams(raw);
  const { admin, number, path } = await loadNumberPage(params, '/assign');
  const times = timesIn(admin.timeZone);
  const formatted = formatPhoneNumber(number.e164);
  const here = `${path}/assign`;
  const title = `Assign to a user – ${formatted} – Switchboard`;
  const crumbs = (
    <Breadcrumbs
      items={[{ href: '/phone-numbers', label: 'Phone numbers' }, { href: path, label: formatted }, { label: 'Assign to a user' }]}
    />
  );
  const assignable = number.status === 'Unassigned' && number.productType === 'BusinessCalling' && number.type === 'Local';

  if (!admin.canChange || (!assignable && !userId)) {
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Assign {formatted}</h1>
        <p>
          {!admin.canChange
            ? 'You have read-only access, so you cannot assign phone numbers.'
            : number.status === 'Assigned'
              ? `${formatted} is already assigned.`
              : number.status === 'DeleteInProgress'
                ? `${formatted} is in the deletion queue, so it cannot be assigned.`
                : `${formatted} is not a Business Calling number, so it cannot be assigned to a user.`}
        </p>
        <p>
          <Link href={path}>Back to {formatted}</Link>
        </p>
      </>
    );
  }

  if (!accountId) {
    const accounts = await listAccounts(admin, list);
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Assign {formatted}</h1>
        <h2>Choose the account</h2>
        <SearchForm action={here} q={list.q} label="Search accounts by name" />
        {accounts.rows.length === 0 ? (
          <p>No accounts match.</p>
        ) : (
          <ul className="choices">
            {accounts.rows.map((a) =>
              // A suspended account is listed, but cannot be chosen: nothing new is assigned there.
              a.status === 'Suspended' ? (
                <li key={a.id}>
                  {a.name} <span className="muted">(suspended: no phone number can be assigned there)</span>
                </li>
              ) : (
                <li key={a.id}>
                  <Link href={`${here}?accountId=${a.id}`}>{a.name}</Link> <span className="muted">({a.userCount} users)</span>
                </li>
              ),
            )}
          </ul>
        )}
        <Pagination path={here} q={list.q} prevCursor={accounts.prevCursor} nextCursor={accounts.nextCursor} />
        <p>
          <Link href={path}>Cancel</Link>
        </p>
      </>
    );
  }

  if (!userId) {
    const users = await listUsers(admin, accountId, list, { withoutNumber: true });
    if (!users) {
      return (
        <>
          <title>{title}</title>
          {crumbs}
          <h1>Assign {formatted}</h1>
          <p>That account does not exist, or you do not administer it.</p>
          <p>
            <Link href={here}>Choose another account</Link>
          </p>
        </>
      );
    }
    if (users.account.status === 'Suspended') {
      return (
        <>
          <title>{title}</title>
          {crumbs}
          <h1>Assign {formatted}</h1>
          <p>{accountSuspendedMessage(users.account.name)}</p>
          <p>
            {canManageAccounts(admin) ? (
              <>
                <Link href={`/accounts/${accountId}/activate`}>Activate account</Link> ·{' '}
              </>
            ) : null}
            <Link href={here}>Choose another account</Link> · <Link href={path}>Cancel</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Assign {formatted}</h1>
        <h2>Choose the user</h2>
        <p>Users who already have a phone number are not listed.</p>
        <form className="search" action={here} method="get" role="search">
          <input type="hidden" name="accountId" value={accountId} />
          <div>
            <label htmlFor="q">Search users by name or email</label>
            <input id="q" name="q" type="search" defaultValue={list.q} />
          </div>
          <button type="submit" className="secondary">
            Search
          </button>
        </form>
        {users.rows.length === 0 ? (
          <p>No users without a phone number match.</p>
        ) : (
          <form action={here} method="get">
            <input type="hidden" name="accountId" value={accountId} />
            <fieldset>
              <legend>User</legend>
              <div className="radios">
                {users.rows.map((u) => (
                  <div className="radio" key={u.id}>
                    <input type="radio" name="userId" id={`user-${u.id}`} value={u.id} required />
                    <label htmlFor={`user-${u.id}`}>
                      {u.fullName}{' '}
                      <span className="muted">
                        <Email address={u.email} />
                      </span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <p>
              <button type="submit">Continue</button>
            </p>
          </form>
        )}
        <Pagination path={here} q={list.q} query={{ accountId }} prevCursor={users.prevCursor} nextCursor={users.nextCursor} />
        <p>
          <Link href={here}>Choose another account</Link> · <Link href={path}>Cancel</Link>
        </p>
      </>
    );
  }

  const [user, previous, presets] = await Promise.all([
    getUser(admin, accountId, userId),
    recentHolder(admin, number.id),
    listPermissionPresets(admin, accountId),
  ]);
  return (
    <>
      {crumbs}
      <h1>Assign {formatted}</h1>
      {user ? (
        <dl className="summary">
          <dt>Phone number</dt>
          <dd>{formatted}</dd>
          <dt>User</dt>
          <dd>
            {user.fullName} <span className="muted">({user.email})</span>
          </dd>
        </dl>
      ) : null}
      {previous && (!previous.holder.visible || previous.holder.userId !== userId) ? (
        <div className="banner notice" role="note">
          <p>
            <strong>Recently used.</strong>{' '}
            {previous.holder.visible
              ? `${previous.holder.fullName} (${previous.holder.accountName}) had this number until ${times.at(previous.unassignedAt)}.`
              : `Someone in an account you do not administer had this number until ${times.at(previous.unassignedAt)}.`}{' '}
            People who call it may still expect to reach them.
          </p>
        </div>
      ) : null}
      <AssignFromNumberForm
        title={title}
        target={{ accountId, userId, userVersion: user?.version ?? 0, phoneNumberId: number.id }}
        user={user ? { fullName: user.fullName, email: user.email, hasNumber: Boolean(user.phoneNumber) } : null}
        blocker={user?.account.status === 'Suspended' ? accountSuspendedMessage(user.account.name) : null}
        formatted={formatted}
        presets={presets ?? []}
        presetsHref={`/accounts/${accountId}/permission-presets`}
      />
      <p>
        <Link href={`${here}?accountId=${accountId}`}>Choose another user</Link> · <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
