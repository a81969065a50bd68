import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceHeaders } from './header-values.js';
import { contentSecurityPolicy, isSameSiteRequest, securityHeaders, siteOrigins } from './security-headers';

const h = (values: Record<string, string>) => new Headers(values);

test('posts are accepted only from this site: by Origin, else by Sec-Fetch-Site; neither is refused', () => {
  const site = ['https://switchboard.example'];
  assert.equal(isSameSiteRequest('GET', h({ origin: 'https://evil.example' }), site), true);
  assert.equal(isSameSiteRequest('POST', h({ origin: 'https://switchboard.example' }), site), true);
  assert.equal(isSameSiteRequest('POST', h({ origin: 'https://evil.example' }), site), false);
  assert.equal(isSameSiteRequest('POST', h({ origin: 'null' }), site), false);
  assert.equal(isSameSiteRequest('POST', h({ 'sec-fetch-site': 'same-origin' }), site), true);
  assert.equal(isSameSiteRequest('POST', h({ 'sec-fetch-site': 'cross-site' }), site), false);
  assert.equal(isSameSiteRequest('POST', h({}), site), false);
  assert.equal(isSameSiteRequest('DELETE', h({ origin: 'https://switchboard.example.evil.example' }), site), false);
});

test('this site is the address the browser used, a trusted forwarded host, or AUTH_URL', () => {
  assert.deepEqual(siteOrigins('http://127.0.0.1:3000', h({}), undefined), ['http://127.0.0.1:3000']);
  assert.deepEqual(
    siteOrigins(
      'http://10.0.0.5:3000',
      h({ 'x-forwarded-host': 'switchboard.example', 'x-forwarded-proto': 'https' }),
      'https://switchboard.example',
    ),
    ['http://10.0.0.5:3000', 'https://switchboard.example', 'https://switchboard.example'],
  );
});

test('the CSP allows no inline script without the nonce and no framing; HSTS only over HTTPS', () => {
  const csp = contentSecurityPolicy('abc123', false);
  assert.match(csp, /script-src 'self' 'nonce-abc123' 'strict-dynamic'(;|$)/);
  assert.doesNotMatch(csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '', /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(securityHeaders('n', false)['Strict-Transport-Security'], undefined);
  assert.match(securityHeaders('n', true)['Strict-Transport-Security'] ?? '', /max-age=\d+/);
  assert.equal(securityHeaders('n', false)['X-Content-Type-Options'], 'nosniff');
});

test('responses the proxy never sees get a CSP that runs nothing, and HSTS only over HTTPS', () => {
  for (const kind of ['api', 'static'] as const) {
    const headers = resourceHeaders(kind, false);
    assert.equal(headers['Content-Security-Policy'], "default-src 'none'; frame-ancestors 'none'");
    assert.equal(headers['X-Content-Type-Options'], 'nosniff');
    assert.equal(headers['Strict-Transport-Security'], undefined);
    assert.match(resourceHeaders(kind, true)['Strict-Transport-Security'] ?? '', /max-age=\d+/);
  }
  // JSON with an admin's data may not be embedded by another site; public static files may.
  assert.equal(resourceHeaders('api', false)['Cross-Origin-Resource-Policy'], 'same-origin');
  assert.equal(resourceHeaders('static', false)['Cross-Origin-Resource-Policy'], undefined);
  // The rules common to both come from one place: a page says the same.
  const page = securityHeaders('n', true);
  for (const name of ['Referrer-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Strict-Transport-Security'])
    assert.equal(resourceHeaders('api', true)[name], page[name], name);
});
