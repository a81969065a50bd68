import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionLabel, changeText, describeChanges, isRequest } from './format';

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
