import assert from 'node:assert/strict';
import { timesIn } from '@/lib/kernel/format-time';
import { test } from 'node:test';
import { actionLabel, changeText, describeChanges, isRequest, tokenLabel } from './format';

test('every action has a label; an unknown one keeps its name', () => {
  assert.equal(actionLabel('assign-phone-number'), 'Assigned phone number');
  assert.equal(actionLabel('edit-telephony-permissions'), 'Edited telephony permissions');
  assert.equal(actionLabel('some-future-action'), 'some-future-action');
});

test('before → after, readably, leaving out what stayed the same', () => {
  const assign = describeChanges(
    { phoneNumber: null, inboundCalling: true, outboundCalling: false, sms: false },
    { phoneNumber: '+12065550100', inboundCalling: false, outboundCalling: false, sms: false },
  );
  assert.deepEqual(assign.map(changeText), ['Phone number: None → +1 206 555 0100', 'Inbound calling: On → Off']);
  assert.deepEqual(describeChanges({ callingName: null }, { callingName: 'Front Desk' }).map(changeText), [
    'Calling name: None → Front Desk',
  ]);
  assert.deepEqual(describeChanges({ status: 'DeleteInProgress' }, { status: 'Unassigned' }).map(changeText), [
    'Status: Deletion queue → Unassigned',
  ]);
  assert.deepEqual(describeChanges({ e164: '+12065550100', status: 'DeleteInProgress' }, null).map(changeText), [
    'Phone number: +1 206 555 0100',
    'Status: Deletion queue',
  ]);
  assert.deepEqual(describeChanges(null, { sms: true }).map(changeText), ['SMS: On']);
  assert.deepEqual(describeChanges(null, null), []);
  assert.deepEqual(describeChanges({ note: 'a' }, { note: { b: 1 } }).map(changeText), ['note: a → {"b":1}']);
  assert.deepEqual(describeChanges('odd', null).map(changeText), ['Before: "odd"']);
});

test('a refused change records what was asked for', () => {
  assert.equal(isRequest('Conflict', null, { sms: true }), true);
  assert.equal(isRequest('Done', null, { sms: true }), false);
  assert.equal(isRequest('Denied', { sms: false }, { sms: true }), false);
  assert.equal(isRequest('Denied', null, null), false);
});

test('API tokens read as a name, the secret’s first characters, read only and expiry; a refused call as what was asked', () => {
  assert.equal(actionLabel('create-api-token'), 'Created API token');
  assert.equal(actionLabel('revoke-api-token'), 'Revoked API token');
  assert.deepEqual(
    describeChanges(null, {
      tokenId: 't1',
      name: 'deploy script',
      hint: 'sb_pat_ab12',
      readOnly: true,
      expiresAt: '2027-03-01T09:30:00.000Z',
    }).map(changeText),
    ['Name: deploy script', 'Token ID: t1', 'Secret starts with: sb_pat_ab12…', 'Read only: Yes', 'Expires: 1 Mar 2027, 09:30 UTC'],
  );
  assert.deepEqual(describeChanges(null, { name: 'x', days: 90, readOnly: false }).map(changeText), [
    'Name: x',
    'Read only: No',
    'Expires after: 90 days',
  ]);
  // The reason is the detail's to say; the request is what was asked.
  assert.deepEqual(describeChanges(null, { method: 'GET', path: '/api/v1/accounts', reason: 'revoked' }).map(changeText), [
    'Method: GET',
    'Path: /api/v1/accounts',
  ]);
  assert.deepEqual(describeChanges(null, { expiresAt: 'not a time' }).map(changeText), ['Expires: not a time']);
  // In the reader's time zone, named.
  assert.deepEqual(describeChanges(null, { expiresAt: '2027-03-01T09:30:00.000Z' }, timesIn('Europe/Paris')).map(changeText), [
    'Expires: 1 Mar 2027, 10:30 Europe/Paris',
  ]);
  assert.deepEqual(describeChanges({ timeZone: 'UTC' }, { timeZone: 'Europe/Paris' }).map(changeText), ['Time zone: UTC → Europe/Paris']);
  assert.equal(actionLabel('change-time-zone'), 'Changed own time zone');
  assert.equal(tokenLabel({ name: 'deploy script', kind: 'Personal' }), 'API token “deploy script”');
  assert.equal(tokenLabel({ name: 'okta', kind: 'Provisioning' }), 'provisioning token “okta”');
  assert.equal(tokenLabel({ name: 'gone', kind: null }), 'token “gone”');
});
