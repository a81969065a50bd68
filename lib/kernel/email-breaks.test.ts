import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailPieces } from './email-breaks';

test('an address breaks after its @ and before the dots of its domain, never inside a word', () => {
  assert.deepEqual(emailPieces('ada.lovelace@example.co.uk'), ['ada.lovelace@', 'example', '.co', '.uk']);
  assert.deepEqual(emailPieces('a@b'), ['a@', 'b']);
  assert.deepEqual(emailPieces('"odd@local"@example.com'), ['"odd@local"@', 'example', '.com']);
  assert.deepEqual(emailPieces('not-an-address'), ['not-an-address']);
  for (const address of ['ada.lovelace@example.co.uk', 'x@y.', '@example.com']) assert.equal(emailPieces(address).join(''), address);
});
