// Contract tests of /api/v1/accounts against the production build: every answer is checked
// against the OpenAPI document (e2e/api.ts), and what it says against the database's state.
import { expect, test as base } from '@playwright/test';
import { api } from './api';
import fixture from './api-accounts.fixture';
import { sessionState } from './session';

const test = base.extend<{ data: ReturnType<typeof fixture.data> }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
});

type Account = { id: string; name: string; status: string; userCount: number };
type Page = { items: Account[]; next: string | null; prev: string | null };

test('an admin of one account lists and reads only that account', async ({ request, data }) => {
  const list = await api<Page>(request, 'GET', `/accounts?q=${encodeURIComponent(data.mine.name)}`, { token: data.scoped.token.secret });
  expect(list.status).toBe(200);
  expect(list.body.items.map((a) => a.name)).toEqual([data.mine.name]);
  expect(list.headers['ratelimit-policy']).toMatch(/q=\d+;w=60/);
  expect(list.headers['cache-control']).toBe('no-store');
  expect(list.headers['set-cookie']).toBeUndefined();

  const one = await api<Account>(request, 'GET', `/accounts/${data.mine.id}`, { token: data.scoped.token.secret });
  expect(one.status).toBe(200);
  expect(one.body).toMatchObject({ id: data.mine.id, name: data.mine.name, status: 'Active' });

  // Another account's id is answered exactly as one that does not exist.
  const other = await api(request, 'GET', `/accounts/${data.other.id}`, { token: data.scoped.token.secret });
  const missing = await api(request, 'GET', '/accounts/no-such-account', { token: data.scoped.token.secret });
  expect(other.status).toBe(404);
  expect(other.body).toEqual(missing.body);
});

test('no token, a browser session, or a token that is not ours gets 401 and changes nothing', async ({
  playwright,
  request,
  baseURL,
  data,
}) => {
  const none = await api(request, 'GET', '/accounts');
  expect(none.status).toBe(401);
  expect(none.headers['www-authenticate']).toContain('Bearer');
  expect(none.headers['content-type']).toContain('application/problem+json');

  const browser = await playwright.request.newContext({ baseURL, storageState: await sessionState(data.full, baseURL!) });
  const withCookie = await api(browser, 'POST', '/accounts', {
    body: { name: `${data.newName} cookie`, type: 'Team', defaultLicense: 'Pro' },
  });
  expect(withCookie.status).toBe(401);
  await browser.dispose();

  const forged = await api(request, 'GET', '/accounts', { token: `sb_pat_${'x'.repeat(43)}` });
  expect(forged.status).toBe(401);
  const list = await api<Page>(request, 'GET', `/accounts?q=${encodeURIComponent(`${data.newName} cookie`)}`, {
    token: data.full.token.secret,
  });
  expect(list.body.items).toEqual([]);
});

test('creating an account: 201 with Location, a replay with the same key, a refused reuse', async ({ request, data }) => {
  const body = { name: data.newName, type: 'Team', defaultLicense: 'Basic' };
  const key = `create-${data.run}`;
  const created = await api<Account>(request, 'POST', '/accounts', {
    token: data.full.token.secret,
    body,
    headers: { 'Idempotency-Key': key },
  });
  expect(created.status).toBe(201);
  expect(created.headers.location).toBe(`/api/v1/accounts/${created.body.id}`);
  expect(created.body).toMatchObject({ name: data.newName, status: 'Active', userCount: 0 });

  const replay = await api<Account>(request, 'POST', '/accounts', {
    token: data.full.token.secret,
    body,
    headers: { 'Idempotency-Key': key },
  });
  expect(replay.status).toBe(201);
  expect(replay.body.id).toBe(created.body.id);
  expect(replay.headers['idempotency-replayed']).toBe('true');

  const reuse = await api(request, 'POST', '/accounts', {
    token: data.full.token.secret,
    body: { ...body, name: `${data.newName} 2` },
    headers: { 'Idempotency-Key': key },
  });
  expect(reuse.status).toBe(422);

  // Without a key, the same name again is the console's refusal, as problem details.
  const again = await api<{ detail: string; errors: { field: string }[] }>(request, 'POST', '/accounts', {
    token: data.full.token.secret,
    body,
  });
  expect(again.status).toBe(422);
  expect(again.body.detail).toContain('already exists');
  expect(again.body.errors[0]!.field).toBe('name');

  const read = await api<Page>(request, 'GET', `/accounts?q=${encodeURIComponent(data.newName)}`, { token: data.full.token.secret });
  expect(read.body.items.map((a) => a.name)).toEqual([data.newName]);
});

test('bad input is a 400 naming the field; a read-only token or a scoped admin cannot create', async ({ request, data }) => {
  const bad = await api<{ errors: { field: string; message: string }[] }>(request, 'POST', '/accounts', {
    token: data.full.token.secret,
    body: { name: '', type: 'Nope', defaultLicense: 'Pro' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['name', 'type']);

  const body = { name: `${data.newName} refused`, type: 'Team', defaultLicense: 'Pro' };
  const readOnly = await api<{ detail: string }>(request, 'POST', '/accounts', { token: data.full.readOnly.secret, body });
  expect(readOnly.status).toBe(403);
  expect(readOnly.body.detail).toContain('read-only');
  const scoped = await api(request, 'POST', '/accounts', { token: data.scoped.token.secret, body });
  expect(scoped.status).toBe(403);
  const read = await api<Page>(request, 'GET', `/accounts?q=${encodeURIComponent(body.name)}`, { token: data.full.token.secret });
  expect(read.body.items).toEqual([]);
});
