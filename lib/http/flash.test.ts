import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seal } from '@/lib/auth/sealed';
import { decodeFlash, encodeFlash, type Flash } from './flash';
import { FLASH_AAD } from './flash-names';

const SECRET = 'test secret for the flash cookie, not a real one';

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
  for (const flash of flashes) assert.deepEqual(decodeFlash(encodeFlash(flash, SECRET), SECRET), flash);
  // Sealed as encodeFlash seals, so that what is refused below is refused for what it says.
  const raw = (value: unknown) => seal(JSON.stringify(value), FLASH_AAD, SECRET);
  assert.deepEqual(decodeFlash(raw(flashes[0]), SECRET), flashes[0]);
  assert.equal(decodeFlash(raw({ kind: 'numbers-added', added: -1, skipped: 0 })), null);
  assert.equal(decodeFlash(raw({ kind: 'numbers-added', userId: 'u1', e164: null })), null);
  assert.equal(decodeFlash(raw({ kind: 'assigned', added: 1, skipped: 0 })), null);
  assert.equal(decodeFlash(raw({ kind: 'provisioning-token-created', accountId: 'a1' })), null);
  assert.equal(decodeFlash(raw({ kind: 'provisioning-token-created', accountId: 'a1', tokenId: 't1', sealedPassword: 'x' })), null);
  // A token's flash names its token; it carries no plain secret, nor a one-time password.
  assert.equal(decodeFlash(raw({ kind: 'api-token-created' })), null);
  assert.equal(decodeFlash(raw({ kind: 'api-token-created', tokenId: 't1', secret: 'sb_pat_x' })), null);
  assert.equal(decodeFlash(raw({ kind: 'api-token-created', tokenId: 't1', sealedPassword: 'x' })), null);
  assert.equal(decodeFlash('not base64 json', SECRET), null);
  assert.equal(decodeFlash(undefined, SECRET), null);
});

test('the browser can neither read a flash nor make or edit one', () => {
  const flash: Flash = { kind: 'account-deleted', accountId: 'a1', name: 'Acme Corp' };
  const sealed = encodeFlash(flash, SECRET);
  assert.ok(!Buffer.from(sealed, 'base64url').toString('latin1').includes('Acme'), 'what it says is not in the cookie');
  // What the cookie used to be: base64 JSON anyone could write.
  const forged = Buffer.from(JSON.stringify({ kind: 'assigned', userId: 'u1', e164: '+12065550100' })).toString('base64url');
  assert.equal(decodeFlash(forged, SECRET), null);
  const edited = Buffer.from(sealed, 'base64url');
  edited[edited.length - 1]! ^= 1;
  assert.equal(decodeFlash(edited.toString('base64url'), SECRET), null);
  assert.equal(decodeFlash(sealed, 'another instance secret'), null, 'sealed under another secret');
  assert.equal(decodeFlash(seal(JSON.stringify(flash), 'someone', SECRET), SECRET), null, 'sealed for something else');
});
