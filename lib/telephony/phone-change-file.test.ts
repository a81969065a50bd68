import assert from 'node:assert/strict';
import { test } from 'node:test';
import { carryOut, ChangeFileError, evaluateChange, parseChangeFile, type NumberNow, type UserNow } from './phone-change-file';

const csv = (...lines: string[]) => lines.join('\r\n');

test('reads each row into a change, or the reason it is not one, liberal in what it accepts', () => {
  const { header, rows } = parseChangeFile(
    csv(
      'Email,Phone number,Action,Inbound,Outbound,SMS,Notes',
      'Pat@Example.com,+1 206 555 0100,,,,,ignored', // a number alone: assign
      'pat@example.com,,,,,,', // nothing else: unassign
      'cuid123abc,,,yes,N,0,', // permissions by id, any spelling
      "sam@example.com,'+12065550100,set permissions,TRUE,,,", // an export's guarded cell
      'sam@example.com,+12065550100,assign,yes,,,', // assign with permissions: invalid
      'sam@example.com,2065550100,,,,,', // no country code
      'sam@example.com,+1206555,,,,,', // too short
      'not an email,,,,,,',
      ',+12065550100,,,,,',
      'sam@example.com,,move,,,,',
      'sam@example.com,,,maybe,,,',
      'sam@example.com,,set permissions,,,,',
      '',
      ',,,,,,', // blank rows are skipped
    ),
  );
  assert.equal(header[0], 'Email');
  const [assign, unassign, perms, guarded, assignPerms, local, short, badUser, noUser, badAction, badBool, noPerms] = rows;
  assert.deepEqual(
    { action: assign!.action, user: assign!.user, e164: assign!.e164, error: assign!.error, line: assign!.line },
    { action: 'assign', user: 'pat@example.com', e164: '+12065550100', error: undefined, line: 2 },
  );
  assert.equal(unassign!.action, 'unassign');
  assert.deepEqual(perms!.permissions, { inboundCalling: true, outboundCalling: false, sms: false });
  assert.equal(perms!.user, 'cuid123abc');
  assert.equal(guarded!.e164, '+12065550100');
  assert.equal(guarded!.action, 'set-permissions');
  assert.match(assignPerms!.error!, /Assigning turns calling and SMS off/);
  assert.match(local!.error!, /E\.164/);
  assert.match(short!.error!, /^Phone number: Too short/);
  assert.match(badUser!.error!, /neither an email address nor a user id/);
  assert.match(noUser!.error!, /No user/);
  assert.match(badAction!.error!, /Unknown action “move”/);
  assert.match(badBool!.error!, /Inbound “maybe”: use true\/false, yes\/no/);
  assert.match(noPerms!.error!, /at least one of Inbound, Outbound and SMS/);
  assert.equal(rows.length, 12);
});

test('a file that cannot be read says so as a whole', () => {
  assert.throws(() => parseChangeFile(''), ChangeFileError);
  assert.throws(() => parseChangeFile('pat@example.com,+12065550100'), /first row must name the columns/);
  assert.throws(() => parseChangeFile('User,Phone number\r\n'), /no changes under it/);
  assert.throws(() => parseChangeFile('User,Phone number\r\n"pat,+1'), /cannot be read/);
  assert.throws(() => parseChangeFile(`User\r\n${'x@example.com\r\n'.repeat(5001)}`), /at most 5,000/);
});

const person = (id: string, more: Partial<UserNow> = {}): UserNow => ({
  id,
  fullName: `Person ${id}`,
  version: 1,
  suspended: false,
  inboundCalling: false,
  outboundCalling: false,
  sms: false,
  phoneNumber: null,
  ...more,
});
const number = (e164: string, more: Partial<NumberNow> = {}): NumberNow => ({
  id: `n${e164}`,
  e164,
  status: 'Unassigned',
  assignable: true,
  canSms: true,
  userId: null,
  ...more,
});

test('every outcome a row can have, with later rows seeing earlier ones', () => {
  const A = '+12065550100';
  const B = '+12065550101';
  const T = '+18005550100';
  const D = '+12065550102';
  const users = new Map<string, UserNow>([
    ['a@x.example', person('a')],
    ['b@x.example', person('b', { phoneNumber: { id: `n${B}`, e164: B, canSms: false } })],
    ['s@x.example', person('s', { suspended: true })],
  ]);
  const numbers = new Map<string, NumberNow>([
    [A, number(A)],
    [B, number(B, { status: 'Assigned', userId: 'b', canSms: false })],
    [T, number(T, { assignable: false })],
    [D, number(D, { status: 'DeleteInProgress' })],
  ]);
  const world = { accountSuspended: false, user: (k: string) => users.get(k), number: (e: string) => numbers.get(e) };
  const { rows } = parseChangeFile(
    csv(
      'User,Phone number,Action,Inbound,Outbound,SMS',
      `a@x.example,${B},,,,`, // held by b
      `a@x.example,${T},,,,`, // toll-free
      `a@x.example,${D},,,,`, // deletion queue
      `a@x.example,+12065550199,,,,`, // not in the inventory
      `nobody@x.example,${A},,,,`,
      `s@x.example,${A},,,,`, // suspended
      `a@x.example,${A},,,,`, // assign
      `a@x.example,${A},,,,`, // now already theirs
      `a@x.example,,set permissions,yes,yes,`, // after the assign above
      `a@x.example,,set permissions,yes,yes,`, // now already so
      `b@x.example,,,,,yes`, // B cannot SMS
      `b@x.example,${A},,yes,,`, // not b's number
      `b@x.example,${A},assign,,,`, // b already has one
      `b@x.example,,,,,`, // unassign
      `b@x.example,,,,,`, // nothing left to unassign
      `b@x.example,,,yes,,`, // no number now
      `a@x.example,,,maybe,,`,
    ),
  );
  const got = rows.map((row) => {
    const d = evaluateChange(row, world);
    carryOut(d, users, numbers);
    return d.outcome;
  });
  assert.deepEqual(got, [
    'conflict',
    'not-assignable',
    'not-assignable',
    'not-assignable',
    'user-not-found',
    'refused',
    'assign',
    'no-change',
    'set-permissions',
    'no-change',
    'refused',
    'conflict',
    'conflict',
    'unassign',
    'no-change',
    'refused',
    'invalid',
  ]);
  // In a suspended account nothing new is assigned.
  const suspendedAccount = { ...world, accountSuspended: true };
  assert.equal(evaluateChange(parseChangeFile(`User,Phone number\r\na@x.example,${A}`).rows[0]!, suspendedAccount).outcome, 'no-change');
  users.set('c@x.example', person('c'));
  assert.equal(evaluateChange(parseChangeFile(`User,Phone number\r\nc@x.example,${B}`).rows[0]!, suspendedAccount).outcome, 'refused');
});
