import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numbersAddedMessage } from './summary';

test('the banner after adding says how many, and why any were not added', () => {
  assert.deepEqual(numbersAddedMessage({ added: 1, skipped: 0 }), {
    title: '1 phone number added',
    details: ['It is in the inventory as Unassigned.'],
  });
  assert.deepEqual(numbersAddedMessage({ added: 10_000, skipped: 2 }), {
    title: '10,000 phone numbers added',
    details: [
      'They are in the inventory as Unassigned.',
      '2 numbers from your list were not added: someone else added them to the inventory first.',
    ],
  });
  assert.deepEqual(numbersAddedMessage({ added: 0, skipped: 1 }), {
    title: 'No phone numbers were added',
    details: ['1 number from your list was not added: someone else added it to the inventory first.'],
  });
});
