import Link from 'next/link';
import { getUser } from '@/lib/directory/users';
import { readUserRemovedFlash, type ChangeFlash } from '@/lib/http/flash';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { FlashConsumed } from './flash-consumed';
import { FocusOnArrival } from './focus-on-arrival';

// What just happened to a user through Add user, Edit user, Suspend user and Unsuspend user (on
// the user's page), and Remove user (on the Users list). The telephony changes have ChangeBanner.

const USER_KINDS = ['user-added', 'user-edited', 'user-suspended', 'user-unsuspended', 'user-removed'] as const;

/** Whether a flash is one of the user changes' (else it is a telephony change's, for ChangeBanner). */
export function isUserChangeFlash(flash: ChangeFlash): boolean {
  return (USER_KINDS as readonly string[]).includes(flash.kind);
}

function Banner({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{title}</h2>
      {children}
    </div>
  );
}

export function UserChangeBanner({
  flash,
  user,
  path,
}: {
  flash: ChangeFlash;
  user: { fullName: string; email: string };
  /** The user's page. */
  path: string;
}) {
  const name = user.fullName;
  const number = flash.e164 ? formatPhoneNumber(flash.e164) : null;
  switch (flash.kind) {
    case 'user-added':
      return (
        <Banner title={`Added ${name}`}>
          <p>
            An invitation email to {user.email} is on its way. <Link href="#notifications">See notifications</Link>
          </p>
        </Banner>
      );
    case 'user-edited':
      return <Banner title={flash.repeated ? `Nothing to change for ${name}` : `Saved ${name}’s details`} />;
    case 'user-suspended':
      return (
        <Banner title={flash.repeated ? `${name} was already suspended` : `${name} is suspended`}>
          <p>
            {number ? `They keep the phone number ${number}. ` : ''}Their inbound calling, outbound calling and SMS are turned off until you
            unsuspend them and turn them on again.
          </p>
        </Banner>
      );
    case 'user-unsuspended':
      return (
        <Banner title={flash.repeated ? `${name} was not suspended` : `${name} is unsuspended`}>
          <p>
            Their calling and SMS permissions are still off.{' '}
            <Link href={`${path}/edit-telephony-permissions`}>Edit telephony permissions</Link>
          </p>
        </Banner>
      );
    default:
      return null;
  }
}

/**
 * After "Remove user", on the Users list: who was removed and where their number went, once.
 * Shown only for a user of this account the admin may see (the flash names the user; the page
 * reads them).
 */
export async function UserRemovedBanner({ admin, accountId }: { admin: SessionAdmin; accountId: string }) {
  const flash = await readUserRemovedFlash();
  const user = flash?.userId ? await getUser(admin, accountId, flash.userId) : null;
  if (!flash || !user) return null;
  const path = `/accounts/${accountId}/users/${user.id}`;
  return (
    <Banner title={flash.repeated ? `${user.fullName} was already removed` : `Removed ${user.fullName}`}>
      {flash.e164 ? (
        <p>
          {flash.phoneNumberId ? (
            <Link href={`/phone-numbers/${flash.phoneNumberId}`}>{formatPhoneNumber(flash.e164)}</Link>
          ) : (
            formatPhoneNumber(flash.e164)
          )}{' '}
          is back in the inventory as Unassigned.
        </p>
      ) : null}
      <p>
        Their history and audit trail stay readable on <Link href={path}>their page</Link>.
      </p>
    </Banner>
  );
}
