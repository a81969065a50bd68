import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFlash, encodeFlash, type Flash } from './flash';

test('a flash survives the cookie, and anything else in it is ignored', () => {
  const flashes: Flash[] = [
    { kind: 'assigned', userId: 'u1', e164: '+12065550100' },
    { kind: 'permissions-saved', userId: 'u1', e164: null },
    { kind: 'numbers-added', added: 12, skipped: 1 },
    { kind: 'account-deleted', accountId: 'a1', name: '<b>Acme</b>' },
    { kind: 'provisioning-token-created', accountId: 'a1', tokenId: 't1', sealedSecret: 'c2VhbGVk' },
    { kind: 'provisioning-token-revoked', accountId: 'a1', tokenId: 't1', repeated: true },
    { kind: 'api-token-created', tokenId: 't1', sealedSecret: 'sealed' },
    { kind: 'api-token-revoked', tokenId: 't1', repeated: true },
  ];
  for (const flash of flashes) assert.deepEqual(decodeFlash(encodeFlash(flash)), flash);
  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  assert.equal(decodeFlash(raw({ kind: 'numbers-added', added: -1, skipped: 0 })), null);
  assert.equal(decodeFlash(raw({ kind: 'numbers-added', userId: 'u1', e164: null })), null);
  assert.equal(decodeFlash(raw({ kind: 'assigned', added: 1, skipped: 0 })), null);
  assert.equal(decodeFlash(raw({ kind: 'provisioning-token-created', accountId: 'a1' })), null);
  assert.equal(decodeFlash(raw({ kind: 'provisioning-token-created', accountId: 'a1', tokenId: 't1', sealedPassword: 'x' })), null);
  // A token's flash names its token; it carries no plain secret, nor a one-time password.
  assert.equal(decodeFlash(raw({ kind: 'api-token-created' })), null);
  assert.equal(decodeFlash(raw({ kind: 'api-token-created', tokenId: 't1', secret: 'sb_pat_x' })), null);
  assert.equal(decodeFlash(raw({ kind: 'api-token-created', tokenId: 't1', sealedPassword: 'x' })), null);
  assert.equal(decodeFlash('not base64 json'), null);
  assert.equal(decodeFlash(undefined), null);
});
