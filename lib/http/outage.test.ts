import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { NextRequest } from 'next/server';
import { proxy } from '../../proxy';
import { reportDatabaseError, resetDatabaseHealth, setHealthLog } from '../db/health';
import { withDatabase } from './database-route';
import { isMachineRoute, outageResponse } from './outage';
import { isOutageError, OUTAGE_DIGEST, OUTAGE_MESSAGE } from './outage-words';

setHealthLog(() => {});
afterEach(() => resetDatabaseHealth());
const goDown = () => reportDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5440'), { code: 'ECONNREFUSED' }));
const origin = 'http://127.0.0.1:3000';
const noStack = (body: string) => {
  assert.doesNotMatch(body, /\bat \S+ \(|ECONNREFUSED|127\.0\.0\.1|5440/, 'no stack trace, error or address');
};

test('while the database is down the proxy answers every page with a short 503 page, Retry-After included', async () => {
  goDown();
  const page = proxy(new NextRequest(`${origin}/accounts/abc/users?q=ann`)) as Response;
  assert.equal(page.status, 503);
  assert.equal(page.headers.get('retry-after'), '5');
  assert.match(page.headers.get('content-type')!, /^text\/html/);
  assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
  const html = await page.text();
  assert.match(html, /<title>Error: Switchboard cannot reach its database – Switchboard<\/title>/);
  assert.match(html, /try again in a moment/);
  assert.match(html, /<a href="\/accounts\/abc\/users\?q=ann">Try again<\/a>/);
  assert.doesNotMatch(html, /not saved/);
  noStack(html);

  // A form posted without JavaScript: told that nothing was changed.
  const posted = proxy(
    new NextRequest(`${origin}/accounts/abc/users/def/assign-phone-number`, { method: 'POST', headers: { origin }, body: 'x=1' }),
  ) as Response;
  assert.equal(posted.status, 503);
  assert.match(await posted.text(), /What you sent was not saved: nothing was changed/);

  // The same form posted by JavaScript: plain text, which Next's client throws as the message.
  const action = proxy(
    new NextRequest(`${origin}/accounts/abc/users/def/assign-phone-number`, {
      method: 'POST',
      headers: { origin, 'next-action': 'abc' },
      body: 'x',
    }),
  ) as Response;
  assert.equal(action.status, 503);
  assert.equal(action.headers.get('content-type'), 'text/plain');
  assert.equal(await action.text(), OUTAGE_MESSAGE);
  assert.equal(isOutageError(new Error(OUTAGE_MESSAGE)), true);
});

test('machine routes get problem+json 503s: from the proxy, and from route handlers it does not see', async () => {
  goDown();
  for (const path of ['/api/auth/callback/credentials', '/audit/export', '/accounts/abc/users/export']) {
    const response = proxy(new NextRequest(`${origin}${path}`, { headers: { origin } })) as Response;
    assert.equal(response.status, 503, path);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(response.headers.get('retry-after'), '5');
    const problem = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(problem, {
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: OUTAGE_MESSAGE,
      code: OUTAGE_DIGEST,
      instance: path,
    });
  }
  assert.equal(isMachineRoute('/accounts/abc/users'), false);

  // An API read with no Origin skips the proxy (its matcher): the handler's wrapper answers it.
  let ran = 0;
  const handler = withDatabase(async () => {
    ran++;
    return new Response('ok');
  });
  const answered = await handler(new NextRequest(`${origin}/api/v1/users`));
  assert.equal(answered.status, 503);
  assert.equal(answered.headers.get('content-type'), 'application/problem+json');
  assert.equal(ran, 0, 'the handler does not run while the database is down');
});

test('a route handler already running when the database goes away answers 503, not 500; other failures go on up', async () => {
  const failing = (err: Error) => withDatabase(async () => Promise.reject(err));
  const refused = Object.assign(new Error("Can't reach database server at 127.0.0.1:5440"), { code: 'P1001' });
  const response = await failing(refused)(new NextRequest(`${origin}/audit/export`));
  assert.equal(response.status, 503);
  noStack(await response.text());
  await assert.rejects(failing(new Error('a bug'))(new NextRequest(`${origin}/audit/export`)), /a bug/);
});

test('while the database is up the proxy only adds its headers (one check, nothing else)', () => {
  const page = proxy(new NextRequest(`${origin}/accounts`)) as Response;
  assert.notEqual(page.status, 503);
  assert.ok(page.headers.get('content-security-policy'));
  assert.equal(proxy(new NextRequest(`${origin}/api/auth/session`, { headers: { 'sec-fetch-site': 'same-origin' } })), undefined);
  assert.equal(
    outageResponse({ method: 'GET', pathname: '/x', headers: new Headers() }, true).headers.get('strict-transport-security') !== null,
    true,
  );
});
