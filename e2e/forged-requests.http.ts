// Requests no browser would send: forged hidden fields, extra fields, oversized bodies, posts
// from other or look-alike sites, a tampered session cookie, search strings that are SQL or LIKE
// syntax. They involve no browser, so they run once, in the `http` project (no browser launched),
// posting over HTTP as a browser without JavaScript would. Moved here from security.spec.ts and
// bad-input.spec.ts, which ran each of them twice (JS on and off) to the same effect.
import { expect, test as base, type APIRequestContext } from '@playwright/test';
import { findForm, problemsOf, textOf } from '../scripts/http-client';
import { formatted } from './fixture';
import fixture from './forged-requests.fixture';
import { SESSION_COOKIE, sessionState } from './session';

type Data = ReturnType<typeof fixture.data>;
const test = base.extend<{ data: Data; http: APIRequestContext }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
  /** Signed in as the fixture's admin. */
  http: async ({ playwright, baseURL, data }, use) => {
    const context = await playwright.request.newContext({ baseURL, storageState: await sessionState(data.admin, baseURL!) });
    await use(context);
    await context.dispose();
  },
});

const userPath = (accountId: string, userId: string) => `/accounts/${accountId}/users/${userId}`;

/** The form's fields as the server rendered it (action ids included), for a forged post. */
async function formFields(http: APIRequestContext, path: string, button: string): Promise<[string, string][]> {
  const html = await (await http.get(path)).text();
  const form = findForm(html, button);
  expect(form, `a ${button} form on ${path}`).not.toBeNull();
  return form!.fields;
}

async function post(http: APIRequestContext, path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  const multipart: Record<string, string> = {};
  for (const [name, value] of fields) multipart[name] = value;
  return http.post(path, { multipart, headers: { Origin: new URL(test.info().project.use.baseURL!).origin, ...headers }, maxRedirects: 0 });
}

const set = (fields: [string, string][], values: Record<string, string>) =>
  [...fields.filter(([name]) => !(name in values)), ...Object.entries(values)] as [string, string][];

/** The page's visible text, as the server sent it. */
async function pageText(http: APIRequestContext, path: string): Promise<string> {
  const response = await http.get(path);
  expect(response.status(), path).toBe(200);
  return textOf(await response.text());
}

test('every page carries the security headers, with a CSP nonce and no inline script allowance', async ({ http }) => {
  const response = await http.get('/accounts');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Next puts the header's nonce on the scripts it renders, so pages still work with JavaScript on.
  const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
  expect(await response.text()).toContain(`nonce="${nonce}"`);
});

test("a page's RSC request carries the nonce CSP too, and HSTS only when a proxy says HTTPS", async ({ http }) => {
  for (const extra of [{ RSC: '1' }, {}] as Record<string, string>[]) {
    const plain = (await http.get('/accounts', { headers: extra })).headers();
    expect(plain['content-security-policy'], JSON.stringify(extra)).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(plain['strict-transport-security']).toBeUndefined();
    const https = (await http.get('/accounts', { headers: { ...extra, 'X-Forwarded-Proto': 'https' } })).headers();
    expect(https['strict-transport-security']).toMatch(/max-age=\d+/);
  }
});

/** The values of one header, as many times as the response sent it. */
const all = (headers: { name: string; value: string }[], name: string) =>
  headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

/** What a response the proxy never dressed must carry: fixed headers from next.config.js, no nonce. */
function expectFixedHeaders(headers: { name: string; value: string }[], label: string) {
  expect(all(headers, 'content-security-policy'), label).toEqual(["default-src 'none'; frame-ancestors 'none'"]);
  expect(all(headers, 'x-content-type-options'), label).toEqual(['nosniff']);
  expect(all(headers, 'referrer-policy'), label).toEqual(['strict-origin-when-cross-origin']);
  expect(all(headers, 'x-frame-options'), label).toEqual(['DENY']);
}

test('a route handler read carries fixed headers and no nonce; HSTS only when a proxy says HTTPS', async ({ http }) => {
  // (next-auth's /api/auth/session is not served: 404, with the same fixed headers.)
  const session = await http.get('/api/auth/session');
  expect(session.status()).toBe(404);
  expectFixedHeaders(session.headersArray(), '/api/auth/session');
  for (const path of ['/api/auth/csrf']) {
    const response = await http.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain('application/json');
    const headers = response.headersArray();
    expectFixedHeaders(headers, path);
    // JSON with the admin's data in it: no other site may embed it.
    expect(all(headers, 'cross-origin-resource-policy'), path).toEqual(['same-origin']);
    expect(all(headers, 'strict-transport-security'), path).toEqual([]);
    const https = (await http.get(path, { headers: { 'X-Forwarded-Proto': 'https' } })).headersArray();
    expect(all(https, 'strict-transport-security'), path).toEqual(['max-age=63072000; includeSubDomains']);
  }
});

test('static files carry fixed headers and no nonce', async ({ http }) => {
  const html = await (await http.get('/accounts')).text();
  const script = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  const style = html.match(/<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  expect(script, 'a script of the page').toBeDefined();
  expect(style, 'a stylesheet of the page').toBeDefined();
  for (const path of ['/icon.svg', script!, style!]) {
    const response = await http.get(path);
    expect(response.status(), path).toBe(200);
    expectFixedHeaders(response.headersArray(), path);
    const https = (await http.get(path, { headers: { 'X-Forwarded-Proto': 'https' } })).headersArray();
    expect(all(https, 'strict-transport-security'), path).toEqual(['max-age=63072000; includeSubDomains']);
  }
});

test('a post to a route handler from another site is refused; from this site it is answered', async ({ http }, testInfo) => {
  const attempts: Record<string, string>[] = [
    { Origin: 'https://evil.example' },
    { Origin: `${new URL(testInfo.project.use.baseURL!).origin}.evil.example` },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'cross-site' },
    {},
  ];
  for (const headers of attempts) {
    for (const path of ['/api/flash', '/api/auth/signout']) {
      const response = await http.post(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.text()).toContain('did not come from this site');
      // The handler never ran: it would have deleted the flash cookie or the session.
      expect(all(response.headersArray(), 'set-cookie'), path).toEqual([]);
      expectFixedHeaders(response.headersArray(), path);
    }
  }
  const own = await http.post('/api/flash', { headers: { Origin: new URL(testInfo.project.use.baseURL!).origin } });
  expect(own.status()).toBe(204);
  expect(all(own.headersArray(), 'set-cookie').join()).toMatch(/switchboard_flash=;/);
});

test('a post from another site, or one that does not say where it comes from, is refused', async ({ http, data }) => {
  const target = `${userPath(data.accountId, data.target.id)}/assign-phone-number`;
  const attempts: Record<string, string>[] = [
    { Origin: 'https://evil.example' },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'cross-site' },
    {},
  ];
  for (const headers of attempts) {
    const response = await http.post(target, { headers, multipart: { phoneNumberId: data.number.id } });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.text()).toContain('did not come from this site');
  }
});

test('a post whose Origin only looks like this site is refused', async ({ http, data }, testInfo) => {
  const path = `${userPath(data.accountId, data.target.id)}/assign-phone-number?q=${data.number.e164.slice(2)}`;
  const fields = set(await formFields(http, path, 'Assign'), { phoneNumberId: data.number.id });
  const base = new URL(testInfo.project.use.baseURL!);
  for (const origin of [`http://${base.hostname}.evil.example:${base.port}`, `https://${base.host}`, `${base.origin}.evil.example`]) {
    const response = await post(http, path, fields, { Origin: origin });
    expect(response.status(), origin).toBe(403);
  }
});

test.describe('forged hidden fields on the assign form get a clear answer and change nothing', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a phone number id that does not exist', { phoneNumberId: 'nosuchnumber0000000000000' }, /does not exist/],
    ['a phone number id that is not an id', { phoneNumberId: "x' or 1=1 --" }, /./],
    ['a negative version', { userVersion: '-1' }, /./],
    ['a version too big for the database', { userVersion: '2147483648' }, /./],
    ['a version that is not a number', { userVersion: 'abc' }, /./],
    ['a user id that does not exist', { userId: 'nosuchuser000000000000000' }, /./],
  ];
  for (const [name, values, message] of cases) {
    test(name, async ({ http, data }) => {
      const path = `${userPath(data.accountId, data.target.id)}/assign-phone-number?q=${data.number.e164.slice(2)}`;
      const fields = set(await formFields(http, path, 'Assign'), { phoneNumberId: data.number.id, ...values });
      const response = await post(http, path, fields);
      const status = response.status();
      expect(status, 'never a server error').toBeLessThan(500);
      if (status === 200) {
        const messages = problemsOf(await response.text());
        expect(messages, 'the error summary').not.toBeNull();
        expect(messages!.join(' ')).toMatch(message);
      } else {
        // An id that is no user answers what a page for no user answers.
        expect([303, 307]).toContain(status);
        expect(response.headers().location).toMatch(/\/not-found|\/login/);
      }
      // The target still has no number, and the number is still free.
      expect(await pageText(http, userPath(data.accountId, data.target.id))).not.toContain(formatted(data.number.e164));
    });
  }
});

test('mass assignment: extra fields on an assign form do nothing beyond the assignment', async ({ http, data }) => {
  // Its own user and number: this one is allowed to succeed.
  const path = `${userPath(data.accountId, data.receiver.id)}/assign-phone-number?q=${data.massNumber.e164.slice(2)}`;
  const fields = await formFields(http, path, 'Assign');
  const forged = set(fields, {
    phoneNumberId: data.massNumber.id,
    role: 'Administrator',
    inboundCalling: 'on',
    outboundCalling: 'on',
    sms: 'on',
    status: 'Assigned',
    allAccounts: 'on',
  });
  const response = await post(http, path, forged);
  expect(response.status()).toBe(303);
  const text = await pageText(http, userPath(data.accountId, data.receiver.id));
  expect(text).toContain(formatted(data.massNumber.e164));
  expect(text).toMatch(/Inbound calling\s*Off/);
  expect(text).toMatch(/Outbound calling\s*Off/);
});

test.describe('searches are literal', () => {
  for (const q of ['%', '_', "' OR '1'='1"]) {
    test(`accounts and users: ${JSON.stringify(q)} matches nothing`, async ({ http, data }) => {
      // The unfiltered pages do list them, so their absence below is the search's doing.
      expect(await pageText(http, '/accounts')).toContain(data.accountName);
      expect(await pageText(http, `/accounts?q=${encodeURIComponent(q)}`)).not.toContain(data.accountName);
      expect(await pageText(http, `/accounts/${data.accountId}/users`)).toContain(data.target.fullName);
      expect(await pageText(http, `/accounts/${data.accountId}/users?q=${encodeURIComponent(q)}`)).not.toContain(data.target.fullName);
    });
  }
});

test('a session cookie with one character changed is no session', async ({ playwright, baseURL, data }) => {
  const state = await sessionState(data.admin, baseURL!);
  const cookies = state.cookies.map((c) => {
    if (c.name !== SESSION_COOKIE) return c;
    const i = Math.floor(c.value.length / 2);
    return { ...c, value: c.value.slice(0, i) + (c.value[i] === 'A' ? 'B' : 'A') + c.value.slice(i + 1) };
  });
  // The untouched cookie is a session; the changed one is sent to sign in.
  const genuine = await playwright.request.newContext({ baseURL, storageState: state });
  const good = await genuine.get('/accounts');
  expect(new URL(good.url()).pathname).toBe('/accounts');
  await genuine.dispose();
  const tampered = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const response = await tampered.get('/accounts');
  expect(new URL(response.url()).pathname).toBe('/login');
  expect(textOf(await response.text())).toContain('Sign in');
  await tampered.dispose();
});

test('a body over the server-action limit is refused and adds nothing', async ({ http, data }) => {
  const fields = set(await formFields(http, '/phone-numbers/add', 'Preview'), {
    numbers: `${data.number.e164}\n`.repeat(Math.ceil((5 * 1024 * 1024) / 13)),
    defaultCountry: 'US',
    productType: 'BusinessCalling',
  });
  const response = await post(http, '/phone-numbers/add', fields);
  const status = response.status();
  const body = textOf(await response.text()).slice(0, 200);
  expect(status, body).toBeGreaterThanOrEqual(400);
  expect(status, `${status}: ${body}`).toBeLessThan(500);
});
