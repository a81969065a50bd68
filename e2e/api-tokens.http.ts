// The API tokens page as raw form posts (the `http` project: once, no browser): a token made
// through the page works against the API until it is revoked through the page; its secret crosses
// the browser only sealed, and only once; another admin's token cannot be revoked by a forged id.
import { expect, test as base, type APIRequestContext } from '@playwright/test';
import { findForm, problemsOf, textOf } from '../scripts/http-client';
import { api } from './api';
import fixture from './api-tokens.fixture';
import { sessionState } from './session';
import { unseal } from '../lib/auth/sealed';
import { authSecret } from '../lib/auth/secret';
import { FLASH_AAD, FLASH_COOKIE } from '../lib/http/flash-names';

type Data = ReturnType<typeof fixture.data>;
const test = base.extend<{ data: Data; http: APIRequestContext }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
  /** Signed in as the fixture's admin; keeps the cookies the server sets, as a browser does. */
  http: async ({ playwright, baseURL, data }, use) => {
    const context = await playwright.request.newContext({ baseURL, storageState: await sessionState(data.admin, baseURL!) });
    await use(context);
    await context.dispose();
  },
});

type Fields = [string, string][];

async function formFields(http: APIRequestContext, path: string, button: string): Promise<Fields> {
  const form = findForm(await (await http.get(path)).text(), button);
  expect(form, `a ${button} form on ${path}`).not.toBeNull();
  return form!.fields;
}

async function post(http: APIRequestContext, path: string, fields: Fields) {
  const multipart: Record<string, string> = {};
  for (const [name, value] of fields) multipart[name] = value;
  return http.post(path, { multipart, headers: { Origin: new URL(test.info().project.use.baseURL!).origin }, maxRedirects: 0 });
}

const set = (fields: Fields, values: Record<string, string>): Fields => [
  ...fields.filter(([name]) => !(name in values)),
  ...Object.entries(values),
];

/** The flash cookie a response sets, decoded (it is base64url JSON; lib/http/flash.ts). */
/** The flash cookie a response set, opened as the server opens it (it is sealed whole: lib/http/flash.ts). */
function flashSet(response: Awaited<ReturnType<APIRequestContext['post']>>): Record<string, unknown> {
  const cookie = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)
    .find((v) => v.startsWith(`${FLASH_COOKIE}=`));
  expect(cookie, 'a flash cookie').toBeDefined();
  const value = cookie!.split(';')[0]!.slice(`${FLASH_COOKIE}=`.length);
  expect(Buffer.from(value, 'base64url').toString('latin1'), 'nothing in it readable').not.toContain('api-token');
  const opened = unseal(value, FLASH_AAD, authSecret());
  expect(opened, 'sealed with the server’s secret').not.toBeNull();
  return JSON.parse(opened!) as Record<string, unknown>;
}

test('a token made through the page works until revoked through the page; its secret is shown once and travels sealed', async ({
  http,
  request,
  data,
}) => {
  const name = `raw script ${data.run}`;
  const created = await post(http, '/api-tokens/new', set(await formFields(http, '/api-tokens/new', 'Create token'), { name, days: '7' }));
  expect(created.status()).toBe(303);
  expect(created.headers().location).toBe('/api-tokens');
  const flash = flashSet(created);
  expect(flash.kind).toBe('api-token-created');
  expect(typeof flash.sealedSecret).toBe('string');
  expect(JSON.stringify(flash)).not.toContain('sb_pat_');

  const first = await (await http.get('/api-tokens')).text();
  const secret = textOf(first).match(/sb_pat_[A-Za-z0-9_-]{43}/)?.[0];
  expect(secret, 'the secret, on the page the form led to').toBeDefined();
  expect(textOf(first)).toContain('Copy it now: it will not be shown again.');
  expect(JSON.stringify(flash)).not.toContain(secret!.slice('sb_pat_'.length));
  const again = textOf(await (await http.get('/api-tokens')).text());
  expect(again).toContain(name);
  expect(again).toContain(`${secret!.slice(0, 11)}…`);
  expect(again).not.toContain(secret!);

  const works = await api<{ items: { name: string }[] }>(request, 'GET', '/accounts', { token: secret! });
  expect(works.status).toBe(200);
  expect(works.body.items.map((a) => a.name)).toEqual([data.account.name]);

  // The row's Revoke link names the token's id; the page and its form are for that token only.
  const row = first
    .split(/<tr\b/)
    .slice(1)
    .find((tr) => tr.includes(name));
  const tokenId = row?.match(/href="\/api-tokens\/([A-Za-z0-9_-]+)\/revoke"/)?.[1];
  expect(tokenId, 'a Revoke link in the token’s row').toBeDefined();
  const revokePath = `/api-tokens/${tokenId}/revoke`;
  const fields = await formFields(http, revokePath, 'Revoke');
  expect(fields).toContainEqual(['tokenId', tokenId!]);

  // Another admin's token: its page is "Page not found", and a forged id in this form is refused.
  const othersPage = await http.get(`/api-tokens/${data.othersToken.id}/revoke`, { maxRedirects: 0 });
  expect(othersPage.status()).toBe(303);
  expect(othersPage.headers().location).toBe('/not-found');
  const forged = await post(http, revokePath, set(fields, { tokenId: data.othersToken.id }));
  expect(forged.status()).toBe(200);
  expect(problemsOf(await forged.text())).toEqual(['That token does not exist, or is not yours.']);
  expect((await api(request, 'GET', '/accounts', { token: data.othersToken.secret })).status).toBe(200);
  expect((await api(request, 'GET', '/accounts', { token: secret! })).status).toBe(200);

  const revoked = await post(http, revokePath, fields);
  expect(revoked.status()).toBe(303);
  expect(revoked.headers().location).toBe('/api-tokens');
  expect(textOf(await (await http.get('/api-tokens')).text())).toContain(`Token “${name}” is revoked`);
  const refused = await api<{ detail: string }>(request, 'GET', '/accounts', { token: secret! });
  expect(refused.status).toBe(401);
  expect(refused.body.detail).toBe('That API token has been revoked.');

  // The same form posted again changes nothing, and says so.
  expect((await post(http, revokePath, fields)).status()).toBe(303);
  expect(textOf(await (await http.get('/api-tokens')).text())).toContain(`Token “${name}” was already revoked`);
});
