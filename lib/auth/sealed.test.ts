import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seal, unseal } from './sealed';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

test('a sealed value opens for whom it was sealed, and only with the same secret', () => {
  const sealed = seal('one-time-pw', 'admin-1', secret);
  assert.ok(!sealed.includes('one-time-pw'));
  assert.equal(unseal(sealed, 'admin-1', secret), 'one-time-pw');
  assert.equal(unseal(sealed, 'admin-2', secret), null);
  assert.equal(unseal(sealed, 'admin-1', secret + 'x'), null);
});

test('an altered or truncated value does not open', () => {
  const sealed = seal('one-time-pw', 'admin-1', secret);
  const raw = Buffer.from(sealed, 'base64url');
  raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
  assert.equal(unseal(raw.toString('base64url'), 'admin-1', secret), null);
  assert.equal(unseal(sealed.slice(0, 20), 'admin-1', secret), null);
  assert.equal(unseal('', 'admin-1', secret), null);
});

test('the same value sealed twice looks different', () => {
  assert.notEqual(seal('same', 'admin-1', secret), seal('same', 'admin-1', secret));
});
