import { CsvUploadError, readCsvRecords, shownInput } from '@/lib/forms/csv-upload';
import { parsePhoneNumberInput } from '@/lib/inventory/parse';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { MAX_CHANGE_ROWS } from './limits';
import { csvHeaderKey } from '@/lib/kernel/csv';

// "Change phone numbers from a file", the pure half: a CSV's rows read into changes (or the reason
// a row cannot be one), and what a row would do to the account as it is (`evaluateChange`). The
// data layer (phone-change-files.ts) runs the same evaluation for the dry run, against the whole
// file's state, and again at Apply, against the state of that row's user and number just before
// the row's change is made through the console's own data functions.
// The format is documented in docs/phone-number-changes.md; keep the two together.

export const CHANGE_ACTIONS = ['assign', 'unassign', 'set-permissions'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export type Permissions = { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
const PERMISSION_KEYS = ['inboundCalling', 'outboundCalling', 'sms'] as const;

export type ChangeRow = {
  /** Line of the file, counting from 1, blank lines included. */
  line: number;
  /** The row's cells as they were, for the result CSV. */
  cells: string[];
  action?: ChangeAction;
  /** An email address (lower-cased) or a user id. */
  user?: string;
  e164?: string;
  /** Each permission the row sets; one left empty stays as it is. */
  permissions?: Partial<Permissions>;
  /** Why the row is not a change; absent for one that is. */
  error?: string;
};

export type ChangeFile = { header: string[]; rows: ChangeRow[] };

/** A file that cannot be read at all (as opposed to single rows that are invalid). */
export class ChangeFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeFileError';
  }
}

type Column = 'user' | 'phoneNumber' | 'action' | keyof Permissions;

/** Header names, as compared: letters and digits only, lower-cased ("Phone number" → "phonenumber"). */
const HEADERS: Record<string, Column> = {
  user: 'user',
  email: 'user',
  emailaddress: 'user',
  useremail: 'user',
  primaryemail: 'user',
  userid: 'user',
  id: 'user',
  phonenumber: 'phoneNumber',
  number: 'phoneNumber',
  phone: 'phoneNumber',
  e164: 'phoneNumber',
  action: 'action',
  change: 'action',
  inbound: 'inboundCalling',
  inboundcalling: 'inboundCalling',
  outbound: 'outboundCalling',
  outboundcalling: 'outboundCalling',
  sms: 'sms',
  text: 'sms',
};

const key = csvHeaderKey;

const ACTION_NAMES: Record<string, ChangeAction> = {
  assign: 'assign',
  unassign: 'unassign',
  setpermissions: 'set-permissions',
  permissions: 'set-permissions',
  editpermissions: 'set-permissions',
  edittelephonypermissions: 'set-permissions',
};

/** Yes and no as spreadsheets and people write them; anything else is an invalid row. */
const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  '1': true,
  on: true,
  false: false,
  no: false,
  n: false,
  '0': false,
  off: false,
};
export const BOOLEAN_WORDS = 'true/false, yes/no, y/n, 1/0 or on/off';

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const COLUMN_NAMES: Record<keyof Permissions, string> = { inboundCalling: 'Inbound', outboundCalling: 'Outbound', sms: 'SMS' };

function readRow(cell: (column: Column) => string): Omit<ChangeRow, 'line' | 'cells'> {
  // A leading ' is how an export (ours included) keeps a spreadsheet from reading + as a formula.
  const text = (column: Column) =>
    cell(column)
      .trim()
      .replace(/^'(?=[=+\-@])/, '');
  const rawUser = text('user');
  const rawNumber = text('phoneNumber');
  const rawAction = text('action');
  const row: Omit<ChangeRow, 'line' | 'cells'> = {};
  if (rawAction) {
    const action = ACTION_NAMES[key(rawAction)];
    if (!action) return { error: `Unknown action “${shownInput(rawAction, 40)}”: use assign, unassign or set permissions` };
    row.action = action;
  }
  if (!rawUser) return { ...row, error: 'No user: give their email address or user id' };
  if (rawUser.includes('@')) {
    if (!EMAIL.test(rawUser)) return { ...row, error: `“${shownInput(rawUser, 60)}” is not an email address` };
    row.user = rawUser.toLowerCase();
  } else if (USER_ID.test(rawUser)) row.user = rawUser;
  else return { ...row, error: `“${shownInput(rawUser, 60)}” is neither an email address nor a user id` };
  if (rawNumber) {
    if (!rawNumber.startsWith('+')) {
      return { ...row, error: 'Write the phone number in E.164, with + and the country code, like +12065550100' };
    }
    const parsed = parsePhoneNumberInput(rawNumber, 'US');
    if (parsed.error !== undefined) return { ...row, error: `Phone number: ${parsed.error}` };
    row.e164 = parsed.e164;
  }
  const permissions: Partial<Permissions> = {};
  for (const k of PERMISSION_KEYS) {
    const raw = text(k);
    if (!raw) continue;
    const value = BOOLEANS[raw.toLowerCase()];
    if (value === undefined)
      return { ...row, error: `${COLUMN_NAMES[k]} “${shownInput(raw, 20)}”: use ${BOOLEAN_WORDS}, or leave it empty` };
    permissions[k] = value;
  }
  const givesPermissions = Object.keys(permissions).length > 0;
  // Without an action: a number alone assigns it, permissions set them, nothing else unassigns.
  row.action ??= givesPermissions ? 'set-permissions' : row.e164 ? 'assign' : 'unassign';
  if (row.action === 'assign' && !row.e164) return { ...row, error: 'Assign needs the phone number to assign' };
  if (row.action === 'assign' && givesPermissions) {
    return {
      ...row,
      error:
        'Assigning turns calling and SMS off: leave Inbound, Outbound and SMS empty, and set them in a later row with the action set permissions',
    };
  }
  if (row.action === 'unassign' && givesPermissions) {
    return { ...row, error: 'Unassigning turns calling and SMS off: leave Inbound, Outbound and SMS empty' };
  }
  if (row.action === 'set-permissions' && !givesPermissions) {
    return { ...row, error: 'Set permissions needs at least one of Inbound, Outbound and SMS' };
  }
  if (givesPermissions) row.permissions = permissions;
  return row;
}

/**
 * A CSV file's changes, one per non-blank row under a header row that names the columns (any case
 * and spacing; other columns are ignored): User (or Email, User id), Phone number, and optionally
 * Action, Inbound, Outbound and SMS. See docs/phone-number-changes.md.
 */
export function parseChangeFile(csv: string): ChangeFile {
  let records;
  try {
    records = readCsvRecords(csv);
  } catch (err) {
    if (err instanceof CsvUploadError) throw new ChangeFileError(err.message);
    throw err;
  }
  records = records.filter((r) => r.cells.some((cell) => shownInput(cell) !== ''));
  const first = records[0];
  if (!first) throw new ChangeFileError('The CSV file is empty');
  const columns = new Map<Column, number>();
  first.cells.forEach((cell, i) => {
    const column = HEADERS[key(cell)];
    if (column && !columns.has(column)) columns.set(column, i);
  });
  if (!columns.has('user')) {
    throw new ChangeFileError(
      'The first row must name the columns: User (an email address or user id), Phone number, and if you like Action, Inbound, Outbound and SMS',
    );
  }
  const rows = records.slice(1);
  if (rows.length === 0) throw new ChangeFileError('The CSV file has a header row but no changes under it');
  if (rows.length > MAX_CHANGE_ROWS) {
    throw new ChangeFileError(
      `That is ${rows.length.toLocaleString('en-US')} rows: change at most ${MAX_CHANGE_ROWS.toLocaleString('en-US')} at a time`,
    );
  }
  return {
    header: first.cells,
    rows: rows.map(({ line, cells }) => ({ line, cells, ...readRow((c) => cells[columns.get(c) ?? -1] ?? '') })),
  };
}

// What a row would do, and (after Apply) what it did.

export const OUTCOMES = [
  'assign',
  'unassign',
  'set-permissions',
  'no-change',
  'conflict',
  'user-not-found',
  'not-assignable',
  'refused',
  'invalid',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type RowOutcome = { outcome: Outcome; message: string; userId?: string };

/** How each outcome reads on the dry run and, once applied, on the result. */
export const OUTCOME_LABELS: Record<Outcome, { dryRun: string; applied: string }> = {
  assign: { dryRun: 'Would assign', applied: 'Assigned' },
  unassign: { dryRun: 'Would unassign', applied: 'Unassigned' },
  'set-permissions': { dryRun: 'Would set permissions', applied: 'Permissions set' },
  'no-change': { dryRun: 'No change', applied: 'No change' },
  conflict: { dryRun: 'Would conflict', applied: 'Conflict' },
  'user-not-found': { dryRun: 'User not found', applied: 'User not found' },
  'not-assignable': { dryRun: 'Number not assignable', applied: 'Number not assignable' },
  refused: { dryRun: 'Would be refused', applied: 'Refused' },
  invalid: { dryRun: 'Invalid row', applied: 'Invalid row' },
};

/** A user as the evaluation needs them. */
export type UserNow = Permissions & {
  id: string;
  fullName: string;
  version: number;
  suspended: boolean;
  phoneNumber: { id: string; e164: string; canSms: boolean } | null;
};
/** A number of the inventory as the evaluation needs it. */
export type NumberNow = {
  id: string;
  e164: string;
  status: 'Unassigned' | 'Assigned' | 'DeleteInProgress';
  assignable: boolean;
  canSms: boolean;
  userId: string | null;
};
export type World = { accountSuspended: boolean; user(key: string): UserNow | undefined; number(e164: string): NumberNow | undefined };

/** The change a row would make, with what it needs to make it. */
export type Decision = RowOutcome & { user?: UserNow; number?: NumberNow; wanted?: Permissions };

const ALL_OFF: Permissions = { inboundCalling: false, outboundCalling: false, sms: false };
const fmt = formatPhoneNumber;
const sameRights = (a: Permissions, b: Permissions) => PERMISSION_KEYS.every((k) => a[k] === b[k]);
export function permissionsText(p: Permissions): string {
  const on = [p.inboundCalling && 'inbound calling', p.outboundCalling && 'outbound calling', p.sms && 'SMS'].filter(Boolean);
  return on.length ? `${on.join(', ')} on; the rest off` : 'calling and SMS off';
}

/** What `row` would do to the world as it is; the same rules the data functions apply. */
export function evaluateChange(row: ChangeRow, world: World): Decision {
  if (row.error || !row.action || !row.user) return { outcome: 'invalid', message: row.error ?? 'Not a change' };
  const user = world.user(row.user);
  if (!user) return { outcome: 'user-not-found', message: `No user ${row.user} in this account` };
  const base = { userId: user.id, user };
  const held = user.phoneNumber;
  switch (row.action) {
    case 'assign': {
      const number = world.number(row.e164!);
      if (!number) return { ...base, outcome: 'not-assignable', message: `${fmt(row.e164!)} is not in the inventory` };
      if (number.userId === user.id) return { ...base, outcome: 'no-change', message: `${user.fullName} already has ${fmt(number.e164)}` };
      if (held) {
        return {
          ...base,
          outcome: 'conflict',
          message: `${user.fullName} already has the phone number ${fmt(held.e164)}: unassign it first`,
        };
      }
      if (!number.assignable) {
        return { ...base, outcome: 'not-assignable', message: `${fmt(number.e164)} is not a Business Calling number` };
      }
      if (number.status === 'DeleteInProgress') {
        return { ...base, outcome: 'not-assignable', message: `${fmt(number.e164)} is in the deletion queue` };
      }
      if (number.status !== 'Unassigned') {
        return { ...base, outcome: 'conflict', message: `${fmt(number.e164)} is held by someone else` };
      }
      if (world.accountSuspended)
        return { ...base, outcome: 'refused', message: 'The account is suspended: nothing new is assigned there' };
      if (user.suspended) return { ...base, outcome: 'refused', message: `${user.fullName} is suspended` };
      return { ...base, number, outcome: 'assign', message: `${fmt(number.e164)} to ${user.fullName}; calling and SMS off` };
    }
    case 'unassign': {
      if (!held) return { ...base, outcome: 'no-change', message: `${user.fullName} has no phone number` };
      if (row.e164 && row.e164 !== held.e164) {
        return { ...base, outcome: 'conflict', message: `${user.fullName}’s number is ${fmt(held.e164)}, not ${fmt(row.e164)}` };
      }
      return { ...base, outcome: 'unassign', message: `${fmt(held.e164)} from ${user.fullName}; calling and SMS off` };
    }
    case 'set-permissions': {
      if (row.e164 && row.e164 !== held?.e164) {
        return {
          ...base,
          outcome: 'conflict',
          message: held ? `${user.fullName}’s number is ${fmt(held.e164)}, not ${fmt(row.e164)}` : `${user.fullName} has no phone number`,
        };
      }
      const wanted: Permissions = { ...user, ...row.permissions } as Permissions;
      const rights = { inboundCalling: wanted.inboundCalling, outboundCalling: wanted.outboundCalling, sms: wanted.sms };
      if (sameRights(rights, user))
        return { ...base, outcome: 'no-change', message: `${user.fullName} already has ${permissionsText(rights)}` };
      const anyOn = rights.inboundCalling || rights.outboundCalling || rights.sms;
      if (user.suspended && anyOn) return { ...base, outcome: 'refused', message: `${user.fullName} is suspended` };
      if (!held && anyOn)
        return { ...base, outcome: 'refused', message: `${user.fullName} has no phone number to turn calling or SMS on for` };
      if (held && rights.sms && !held.canSms)
        return { ...base, outcome: 'refused', message: `${fmt(held.e164)} cannot send or receive SMS` };
      return { ...base, wanted: rights, outcome: 'set-permissions', message: `${user.fullName}: ${permissionsText(rights)}` };
    }
  }
}

/** The world after a decision is carried out, so later rows of the dry run see earlier ones. */
export function carryOut(decision: Decision, users: Map<string, UserNow>, numbers: Map<string, NumberNow>): void {
  const user = decision.user;
  if (!user) return;
  const update = (next: UserNow) => {
    for (const [k, u] of users) if (u.id === user.id) users.set(k, next);
  };
  if (decision.outcome === 'assign' && decision.number) {
    const n = decision.number;
    numbers.set(n.e164, { ...n, status: 'Assigned', userId: user.id });
    update({ ...user, ...ALL_OFF, version: user.version + 1, phoneNumber: { id: n.id, e164: n.e164, canSms: n.canSms } });
  } else if (decision.outcome === 'unassign' && user.phoneNumber) {
    const n = numbers.get(user.phoneNumber.e164);
    if (n) numbers.set(n.e164, { ...n, status: 'Unassigned', userId: null });
    update({ ...user, ...ALL_OFF, version: user.version + 1, phoneNumber: null });
  } else if (decision.outcome === 'set-permissions' && decision.wanted) {
    update({ ...user, ...decision.wanted, version: user.version + 1 });
  }
}
