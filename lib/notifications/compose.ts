import { formatPhoneNumber } from '@/lib/kernel/phone';

// The email a user gets when an admin changes their phone number or permissions: what they have
// now, in plain words, and the spec's note that the change reaches their app only after they sign
// out and sign back in. Pure functions, so what users read is tested without a database.

export type NotificationKind = 'Assigned' | 'PermissionsChanged' | 'Unassigned';

export type NotificationInput = {
  kind: NotificationKind;
  fullName: string;
  /** The user's number after the change (E.164), or null when they have none. */
  e164: string | null;
  /** The number that was taken away, for an unassignment. */
  removedE164?: string | null;
  permissions: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
};

export type ComposedEmail = { subject: string; text: string; html: string };

export const SIGN_OUT_SENTENCE = 'Before you can use this change, sign out of your calling app and sign back in again.';

const onOff = (on: boolean) => (on ? 'on' : 'off');

/** Escapes text for HTML element content and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function composeNotification(input: NotificationInput): ComposedEmail {
  const number = input.e164 ? formatPhoneNumber(input.e164) : null;
  const removed = input.removedE164 ? formatPhoneNumber(input.removedE164) : null;
  const subject =
    input.kind === 'Assigned'
      ? `Your new phone number is ${number}`
      : input.kind === 'Unassigned'
        ? 'Your phone number was removed'
        : 'Your calling and SMS permissions changed';
  const lead =
    input.kind === 'Assigned'
      ? `Your administrator gave you the phone number ${number}.`
      : input.kind === 'Unassigned'
        ? `Your administrator removed your phone number${removed ? ` ${removed}` : ''}. You no longer have a phone number.`
        : number
          ? `Your administrator changed your calling and SMS permissions on ${number}.`
          : 'Your administrator changed your calling and SMS permissions. You have no phone number.';
  const facts: [string, string][] = [
    ['Phone number', number ?? 'None'],
    ['Inbound calling', onOff(input.permissions.inboundCalling)],
    ['Outbound calling', onOff(input.permissions.outboundCalling)],
    ['SMS', onOff(input.permissions.sms)],
  ];
  const greeting = `Hello ${input.fullName},`;
  const text = [
    greeting,
    '',
    lead,
    '',
    'What you have now:',
    ...facts.map(([k, v]) => `- ${k}: ${v}`),
    '',
    SIGN_OUT_SENTENCE,
    '',
    'If you did not expect this change, ask your administrator.',
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(lead)}</p>`,
    '<p>What you have now:</p>',
    '<table>',
    ...facts.map(([k, v]) => `<tr><th align="left" style="padding-right: 1em">${e(k)}</th><td>${e(v)}</td></tr>`),
    '</table>',
    `<p><strong>${e(SIGN_OUT_SENTENCE)}</strong></p>`,
    '<p>If you did not expect this change, ask your administrator.</p>',
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}

export type InvitationInput = { fullName: string; email: string; accountName: string };

/** The invitation "Add user" and "Import users" queue: who invited them where, and how to accept. */
export function composeInvitation(input: InvitationInput): ComposedEmail {
  const subject = `You are invited to ${input.accountName}`;
  const greeting = `Hello ${input.fullName},`;
  const lead = `Your administrator added you to ${input.accountName}.`;
  const how = `To accept, sign in to your calling app with this email address: ${input.email}.`;
  const text = [greeting, '', lead, '', how, '', 'If you did not expect this invitation, ask your administrator.', ''].join('\n');
  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(lead)}</p>`,
    `<p>${e(how)}</p>`,
    '<p>If you did not expect this invitation, ask your administrator.</p>',
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
