import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeReturnPath } from './return-path';

test('same-site paths are kept, with their query', () => {
  assert.equal(safeReturnPath('/accounts/abc/users?q=ana'), '/accounts/abc/users?q=ana');
});

test('anything that could leave the site becomes the Accounts page', () => {
  for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'accounts', '', null, 42]) {
    assert.equal(safeReturnPath(bad), '/accounts', String(bad));
  }
});

test('encoded slashes stay a path on this site', () => {
  assert.equal(safeReturnPath('/%2F%2Fevil.example'), '/%2F%2Fevil.example');
});
