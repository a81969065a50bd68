import type { AuditAction } from '@/lib/kernel/audit';
import { label } from '@/lib/kernel/labels';
import { DEFAULT_TIME_ZONE, timesIn, type Times } from '@/lib/kernel/format-time';
import { formatPhoneNumber } from '@/lib/kernel/phone';

// How audit events read to an admin, on the page and in the CSV export alike.

/** Every action, as the log names it. `satisfies` makes a new action without a label a type error. */
export const ACTION_LABELS = {
  'sign-in': 'Sign-in',
  'assign-phone-number': 'Assigned phone number',
  'unassign-phone-number': 'Unassigned phone number',
  'move-phone-number': 'Moved phone number',
  'edit-telephony-permissions': 'Edited telephony permissions',
  'edit-calling-name': 'Edited calling name',
  'delete-phone-number': 'Deleted phone number',
  'restore-phone-number': 'Restored phone number',
  'purge-phone-number': 'Purged phone number',
  'add-phone-numbers': 'Added phone numbers',
  'signed-out-attempt': 'Change attempted without a valid session',
  'view-admins': 'Opened the Admins page',
  'create-admin': 'Added admin',
  'change-admin': 'Changed admin’s role or accounts',
  'disable-admin': 'Disabled admin',
  'enable-admin': 'Enabled admin',
  'reset-admin-password': 'Reset admin’s password',
  'change-time-zone': 'Changed own time zone',
  'create-account': 'Created account',
  'rename-account': 'Renamed account',
  'suspend-account': 'Suspended account',
  'activate-account': 'Activated account',
  'delete-account': 'Deleted account',
  'add-user': 'Added user',
  'import-users': 'Imported users',
  'change-phone-numbers-from-file': 'Changed phone numbers from a file',
  'edit-user': 'Edited user',
  'change-user-license': 'Changed user’s licence',
  'suspend-user': 'Suspended user',
  'unsuspend-user': 'Unsuspended user',
  'remove-user': 'Removed user',
  'create-api-token': 'Created API token',
  'revoke-api-token': 'Revoked API token',
  'create-provisioning-token': 'Created provisioning token',
  'revoke-provisioning-token': 'Revoked provisioning token',
  'create-permission-preset': 'Added permission preset',
  'edit-permission-preset': 'Edited permission preset',
  'delete-permission-preset': 'Deleted permission preset',
  'api-request': 'API request refused',
} as const satisfies Record<AuditAction, string>;

export const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as [AuditAction, ...AuditAction[]];

/**
 * What "Changes only" leaves out: events that change nothing, whatever their outcome. Sign-ins
 * (and failed sign-in attempts), a change posted without a valid session, a look at the Admins
 * page refused, and API requests refused before they reached any change (bad token, bad input,
 * no such path). Every attempt at a change stays, refused or not: a denied assign is evidence.
 * There is no sign-out event: signing out is not recorded.
 */
export const NOISE_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'sign-in',
  'signed-out-attempt',
  'view-admins',
  'api-request',
]);

export const AUDIT_OUTCOMES = ['Done', 'Denied', 'Conflict', 'Invalid'] as const;

/** An action's label; an action recorded by a newer or older version keeps its raw name. */
export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

const onOff = (v: unknown) => (v === true ? 'On' : v === false ? 'Off' : String(v));
const number = (v: unknown) => (typeof v === 'string' ? formatPhoneNumber(v) : v === null ? 'None' : String(v));
const text = (v: unknown) => (typeof v === 'string' && v ? v : v === null || v === '' ? 'None' : JSON.stringify(v));
const yesNo = (v: unknown) => (v === true ? 'Yes' : v === false ? 'No' : text(v));
/** "1 Mar 2027, 09:30 UTC" (in the reader's zone) for an ISO time; anything else as it is. */
const moment = (v: unknown, times: Times) => {
  const at = typeof v === 'string' ? new Date(v) : null;
  return at && !Number.isNaN(at.getTime()) ? times.at(at) : text(v);
};

/** The fields events record in `before` and `after`, in the order they are shown. */
const FIELDS: Record<string, { name: string; format: (v: unknown, times: Times) => string }> = {
  phoneNumber: { name: 'Phone number', format: number },
  e164: { name: 'Phone number', format: number },
  inboundCalling: { name: 'Inbound calling', format: onOff },
  outboundCalling: { name: 'Outbound calling', format: onOff },
  sms: { name: 'SMS', format: onOff },
  // Assigning with "Permissions after assigning" names the preset whose permissions it set.
  permissionPreset: { name: 'Permission preset', format: text },
  callingName: { name: 'Calling name', format: text },
  timeZone: { name: 'Time zone', format: text },
  status: { name: 'Status', format: (v) => (typeof v === 'string' ? label(v) : text(v)) },
  // The user changes (lib/directory/user-changes.ts).
  fullName: { name: 'Full name', format: text },
  email: { name: 'Email', format: text },
  userType: { name: 'User type', format: (v) => (typeof v === 'string' ? label(v) : text(v)) },
  license: { name: 'Licence', format: (v) => (typeof v === 'string' ? label(v) : text(v)) },
  registrationStatus: { name: 'Registration status', format: (v) => (typeof v === 'string' ? label(v) : text(v)) },
  removed: { name: 'Removed', format: yesNo },
  // A refused move (lib/telephony/telephony.ts): whom the number was to go to, and how.
  toAccountId: { name: 'New holder’s account ID', format: text },
  toUserId: { name: 'New holder’s user ID', format: text },
  keepPermissions: { name: 'Keep permissions', format: yesNo },
  // Accounts, admins and tokens by name.
  name: { name: 'Name', format: text },
  // Permission presets (lib/presets/), named by `name` above.
  presetId: { name: 'Preset ID', format: text },
  // API tokens (lib/api/tokens.ts): never the secret, only its first characters.
  tokenId: { name: 'Token ID', format: text },
  hint: { name: 'Secret starts with', format: (v) => (typeof v === 'string' && v ? `${v}…` : text(v)) },
  readOnly: { name: 'Read only', format: yesNo },
  days: { name: 'Expires after', format: (v) => (typeof v === 'number' ? `${v} days` : text(v)) },
  expiresAt: { name: 'Expires', format: moment },
  // A refused machine call (lib/api/route.ts): what was asked; the detail says why it was refused.
  method: { name: 'Method', format: text },
  path: { name: 'Path', format: text },
};
/**
 * Recorded, but said better elsewhere: a refused call's reason is its detail's words; an addition
 * of numbers is "Added 25 phone numbers", linked to them (AuditRow.numbersAdded), with its detail
 * saying what was skipped or rejected, rather than its import's internal id and counts.
 */
const UNSHOWN = new Set(['reason', 'importId', 'added', 'skipped', 'rejected']);

/** "API token “deploy script”": the token an event came through, as the log and the export name it. */
export function tokenLabel(token: { name: string; kind: 'Personal' | 'Provisioning' | null }): string {
  const kind = token.kind === 'Personal' ? 'API token' : token.kind === 'Provisioning' ? 'provisioning token' : 'token';
  return `${kind} “${token.name}”`;
}

/** One field of an event: both sides when it changed, one side when only one was recorded. */
export type Change = { field: string; before?: string; after?: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an event changed, field by field, leaving out fields that stayed the same (assigning
 * records every permission, though only some were on). A side that is not an object (never
 * written today) is shown as it is rather than dropped.
 */
export function describeChanges(before: unknown, after: unknown, times: Times = timesIn(DEFAULT_TIME_ZONE)): Change[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(FIELDS), ...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => (k in b || k in a) && !UNSHOWN.has(k),
  );
  const changes: Change[] = [];
  for (const key of keys) {
    const field = FIELDS[key] ?? { name: key, format: text };
    const has = { before: key in b, after: key in a };
    if (has.before && has.after && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    changes.push({
      field: field.name,
      ...(has.before ? { before: field.format(b[key], times) } : {}),
      ...(has.after ? { after: field.format(a[key], times) } : {}),
    });
  }
  if (!isObject(before) && before != null) changes.push({ field: 'Before', before: JSON.stringify(before) });
  if (!isObject(after) && after != null) changes.push({ field: 'After', after: JSON.stringify(after) });
  return changes;
}

/** "Inbound calling: Off → On", or "SMS: On" when only one side was recorded. */
export function changeText(change: Change): string {
  if (change.before !== undefined && change.after !== undefined) return `${change.field}: ${change.before} → ${change.after}`;
  return `${change.field}: ${change.before ?? change.after}`;
}

/**
 * A refused change records what was asked for as `after`, with no `before`: say so, or
 * "SMS: On" would read as if it happened.
 */
export function isRequest(outcome: string, before: unknown, after: unknown): boolean {
  return outcome !== 'Done' && before == null && after != null;
}
