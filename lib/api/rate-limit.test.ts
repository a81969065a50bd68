import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetRateLimits, take } from './rate-limit';

test('a fixed one-minute window: the limit is allowed, the next refused with Retry-After, a new minute starts afresh', () => {
  resetRateLimits();
  const start = Date.UTC(2026, 11, 1, 12, 0, 0);
  for (let i = 0; i < 3; i++) assert.equal(take('token:a', 3, start + i * 1000).allowed, true);
  const refused = take('token:a', 3, start + 18_000);
  assert.equal(refused.allowed, false);
  assert.equal(refused.headers['Retry-After'], '42');
  assert.equal(refused.headers.RateLimit, '"default";r=0;t=42');
  assert.equal(refused.headers['RateLimit-Policy'], '"default";q=3;w=60');
  // Another key has its own window; the next minute forgets the first.
  assert.equal(take('token:b', 3, start + 18_000).headers.RateLimit, '"default";r=2;t=42');
  assert.equal(take('token:a', 3, start + 60_000).allowed, true);
});
