import Link from 'next/link';
import type { ChangeFlash } from '@/lib/http/flash';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { describeChoice } from '@/lib/presets/words';
import { FlashConsumed } from './flash-consumed';
import { FocusOnArrival } from './focus-on-arrival';

/** What just happened, and the spec's two notes: tell the user, and they must sign in again. */
export function ChangeBanner({ flash, fullName, editHref }: { flash: ChangeFlash; fullName: string; editHref: string }) {
  const number = flash.e164 ? formatPhoneNumber(flash.e164) : 'The phone number';
  if (flash.kind === 'permissions-saved' && flash.repeated) {
    // Saved as they were: nothing to tell the user and no sign-in to wait for, so no notes.
    return (
      <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
        <FlashConsumed />
        <FocusOnArrival />
        <h2 id="banner-title">Nothing changed</h2>
        <p>{fullName}’s telephony permissions were already as you saved them.</p>
      </div>
    );
  }
  // A move changes two people's numbers: the spec's notes are for both.
  const people = flash.kind === 'moved' && flash.fromName ? `${flash.fromName} and ${fullName}` : fullName;
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      {flash.kind === 'assigned' ? (
        <>
          <h2 id="banner-title">
            {number} is assigned to {fullName}
          </h2>
          {flash.preset ? (
            <p>
              Permissions: {describeChoice(flash.preset)}. <Link href={editHref}>Edit telephony permissions</Link>
            </p>
          ) : (
            <p>
              Calling and SMS permissions are turned off by default. <Link href={editHref}>Edit telephony permissions</Link>
            </p>
          )}
        </>
      ) : flash.kind === 'moved' ? (
        <>
          <h2 id="banner-title">
            {number} is moved from {flash.fromName} to {fullName}
          </h2>
          <p>
            {flash.keptPermissions
              ? `${fullName} has the calling and SMS permissions ${flash.fromName} had; ${flash.fromName}’s are turned off.`
              : flash.preset
                ? `${fullName}’s permissions: ${describeChoice(flash.preset)}; ${flash.fromName}’s are turned off.`
                : `Calling and SMS permissions are turned off for both ${flash.fromName} and ${fullName}.`}{' '}
            <Link href={editHref}>Edit telephony permissions</Link>
          </p>
        </>
      ) : flash.kind === 'unassigned' ? (
        <>
          <h2 id="banner-title">
            {number} is unassigned from {fullName}
          </h2>
          <p>The number is back in the inventory, and {fullName}’s calling and SMS permissions are turned off.</p>
        </>
      ) : (
        <h2 id="banner-title">Telephony permissions saved for {fullName}</h2>
      )}
      <ul className="notes">
        {flash.notified && flash.kind === 'moved' ? (
          <li>
            Emails about this change are queued. <Link href="/outbox">See the Outbox</Link>
          </li>
        ) : flash.notified ? (
          <li>
            An email to {fullName} about this change is queued. <Link href="#notifications">See notifications</Link>
          </li>
        ) : null}
        <li>We recommend contacting {people} with their new phone number or permissions information.</li>
        <li>{people} must sign out of their calling app and sign back in before they can use their new phone number or permissions.</li>
      </ul>
    </div>
  );
}
