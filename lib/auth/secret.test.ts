import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { authSecret } from './secret';

test('the embedded demo makes a secret once and keeps it in its data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-secret-'));
  try {
    const env = { SWITCHBOARD_DATA_DIR: dir };
    const first = authSecret(env);
    assert.ok(first.length >= 40);
    assert.equal(authSecret(env), first);
    assert.equal(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777, 0o600);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a configured AUTH_SECRET wins', () => {
  assert.equal(authSecret({ AUTH_SECRET: 's3cret-value', DATABASE_URL: 'postgres://db/x' }), 's3cret-value');
});

test('production on PostgreSQL without AUTH_SECRET is a clear error', () => {
  assert.throws(() => authSecret({ DATABASE_URL: 'postgres://localhost/switchboard' }), /AUTH_SECRET is not set/);
});
