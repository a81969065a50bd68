import Link from 'next/link';
import type { AccountFlash } from '@/lib/http/flash';
import { FlashConsumed } from './flash-consumed';
import { FocusOnArrival } from './focus-on-arrival';

/**
 * What just happened to an account, once: on its summary page, or on Accounts after a delete.
 * `name` is the account's name now (a deleted account's comes in the flash itself).
 */
export function AccountBanner({ flash, name }: { flash: AccountFlash; name: string }) {
  const { title, text } = {
    'account-created': { title: `${name} is created`, text: 'Next, give it users and phone numbers: see Get started below.' },
    'account-renamed': { title: flash.repeated ? `${name} keeps its name` : `Account renamed to ${name}`, text: null },
    'account-suspended': {
      title: flash.repeated ? `${name} was already suspended` : `${name} is suspended`,
      text: flash.repeated
        ? 'Nothing was changed.'
        : 'Its users keep their phone numbers, but no phone number can be assigned there until it is activated.',
    },
    'account-activated': {
      title: flash.repeated ? `${name} was already active` : `${name} is active`,
      text: flash.repeated ? 'Nothing was changed.' : 'Phone numbers can be assigned to its users again.',
    },
    'account-deleted': { title: `Deleted account ${name}`, text: null },
  }[flash.kind];
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{title}</h2>
      {text ? <p>{text}</p> : null}
    </div>
  );
}

/** On an account's pages while it is suspended: what that means, and (for those who may) the way back. */
export function SuspendedBanner({ accountId, name, canActivate }: { accountId: string; name: string; canActivate: boolean }) {
  return (
    <div className="banner notice" role="note" aria-labelledby="suspended-title">
      <h2 id="suspended-title">{name} is suspended</h2>
      <p>
        Its users keep their phone numbers, but no phone number can be assigned there.{' '}
        {canActivate ? <Link href={`/accounts/${accountId}/activate`}>Activate account</Link> : null}
      </p>
    </div>
  );
}
