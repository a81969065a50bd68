import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserUrl, demoListen, nextStartArgs } from './listen';

test('the demo listens on 127.0.0.1 unless HOST says otherwise, and next start is told so', () => {
  assert.deepEqual(nextStartArgs(demoListen({})), ['-p', '3000', '-H', '127.0.0.1']);
  assert.deepEqual(nextStartArgs(demoListen({ HOST: '0.0.0.0', PORT: '3100' })), ['-p', '3100', '-H', '0.0.0.0']);
  assert.deepEqual(nextStartArgs(demoListen({ HOST: ' ', PORT: '' })), ['-p', '3000', '-H', '127.0.0.1']);
  assert.equal(browserUrl(demoListen({})), 'http://127.0.0.1:3000');
  assert.equal(browserUrl(demoListen({ HOST: '0.0.0.0' })), 'http://localhost:3000');
  assert.equal(browserUrl(demoListen({ HOST: '::1', PORT: '8080' })), 'http://[::1]:8080');
});

test('a HOST or PORT that is not one stops the demo with a message', () => {
  assert.throws(() => demoListen({ HOST: 'evil host; rm -rf' }), /HOST must be an address or a host name/);
  assert.throws(() => demoListen({ PORT: '80x' }), /PORT must be a port number/);
  assert.throws(() => demoListen({ PORT: '70000' }), /PORT must be a port number/);
});
