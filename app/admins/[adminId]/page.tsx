import crypto from 'node:crypto';
import { timesIn } from '@/lib/kernel/format-time';
import Link from 'next/link';
import { loadAdminPage } from '@/lib/admins/admin-page';
import type { AdminDetails } from '@/lib/admins/admin-management';
import { flashPassword, readFlash, type Flash } from '@/lib/http/flash';
import { FlashConsumed } from '@/app/_components/flash-consumed';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { accountsSummary, ROLE_LABELS } from '@/app/admins/labels';
import { OneTimePassword } from './one-time-password';

type Props = { params: Promise<{ adminId: string }> };

/** What just happened to this admin; after adding or a reset, their one-time password, once. */
function AdminBanner({ flash, subject, password }: { flash: Flash; subject: AdminDetails; password: string | null }) {
  const name = subject.name;
  const heading = {
    'admin-added': `${name} is added`,
    'admin-changed': `Role and accounts saved for ${name}`,
    'admin-disabled': `${name} is disabled`,
    'admin-enabled': `${name} is enabled`,
    'admin-password-reset': `${name}’s password is reset`,
  }[flash.kind as 'admin-added' | 'admin-changed' | 'admin-disabled' | 'admin-enabled' | 'admin-password-reset'];
  if (!heading) return null;
  const withPassword = flash.kind === 'admin-added' || flash.kind === 'admin-password-reset';
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{heading}</h2>
      {withPassword ? (
        password ? (
          <>
            <OneTimePassword
              password={password}
              nonce={crypto
                .createHash('sha256')
                .update(flash.sealedPassword ?? '')
                .digest('hex')
                .slice(0, 16)}
            />
            <ul className="notes">
              <li>
                Give it to {name} yourself, securely: in person, by phone, or through your password manager’s sharing. Do not send it in an
                email or chat message to {subject.email}.
              </li>
              <li>It is shown only this once. If it is lost, reset the password again.</li>
              {flash.kind === 'admin-password-reset' ? <li>{name} is signed out, and their old password no longer works.</li> : null}
            </ul>
          </>
        ) : (
          <p>The one-time password can no longer be shown. If it was not passed on, reset the password.</p>
        )
      ) : flash.kind === 'admin-changed' ? (
        <p>{name} is signed out of Switchboard, and has the new role and accounts when they sign in again.</p>
      ) : flash.kind === 'admin-disabled' ? (
        <p>{name} is signed out, and cannot sign in until an admin enables them.</p>
      ) : (
        <p>{name} can sign in again with their password.</p>
      )}
    </div>
  );
}

export default async function AdminPage({ params }: Props) {
  const { admin, subject, path } = await loadAdminPage(params);
  const { at: when } = timesIn(admin.timeZone);
  const flash = await readFlash({ adminId: subject.id });
  const password = flash ? flashPassword(flash, admin.id) : null;
  return (
    <>
      <title>{`${subject.name} – Admins – Switchboard`}</title>
      <Breadcrumbs items={[{ href: '/admins', label: 'Admins' }, { label: subject.name }]} />
      {flash ? <AdminBanner flash={flash} subject={subject} password={password} /> : null}
      <h1>{subject.name}</h1>
      {subject.isSelf ? <p className="muted">This is you.</p> : null}
      {/* A <details> menu opens without JavaScript; each action is its own page. */}
      <details className="actions">
        <summary>Actions</summary>
        <ul>
          <li>
            <Link href={`${path}/change-role-or-accounts`}>Change role or accounts</Link>
          </li>
          {subject.isSelf ? null : subject.disabledAt ? (
            <li>
              <Link href={`${path}/enable`}>Enable</Link>
            </li>
          ) : (
            <li>
              <Link href={`${path}/disable`}>Disable</Link>
            </li>
          )}
          {subject.isSelf ? null : (
            <li>
              <Link href={`${path}/reset-password`}>Reset password</Link>
            </li>
          )}
        </ul>
      </details>
      <dl className="summary">
        <dt>Email</dt>
        <dd>{subject.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[subject.role].label}</dd>
        <dt>Accounts</dt>
        <dd>
          {accountsSummary(
            subject.allAccounts,
            subject.accounts.map((a) => a.name),
            Infinity,
          )}
        </dd>
        <dt>Status</dt>
        <dd>{subject.disabledAt ? `Disabled since ${when(subject.disabledAt)}` : 'Active'}</dd>
        <dt>Added</dt>
        <dd>{when(subject.createdAt)}</dd>
        <dt>Last changed</dt>
        <dd>{when(subject.updatedAt)}</dd>
      </dl>
    </>
  );
}
