// Contract tests of /api/v1/phone-numbers against the production build: every answer is checked
// against the OpenAPI document (e2e/api.ts), and what the API says is read back through it.
import { expect, test as base } from '@playwright/test';
import { api } from './api';
import fixture from './api-phone-numbers.fixture';
import { national } from './fixture';

const test = base.extend<{ data: ReturnType<typeof fixture.data> }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
});

type Assignee = { visible: true; accountId: string; accountName: string; userId: string; fullName: string } | { visible: false };
type PhoneNumber = { id: string; e164: string; status: string; productType: string; type: string; assignee: Assignee | null };
type Page = { items: PhoneNumber[]; next: string | null; prev: string | null };
type Line = { line: number; input: string; outcome: 'added' | 'refused'; e164?: string; id?: string; error?: string };
type Added = { added: number; refused: number; results: Line[] };
type Problem = { status: number; detail: string; errors?: { field: string; message: string }[] };

test('the inventory by digits and by status; a holder in another account stays hidden', async ({ request, data }) => {
  const token = data.admin.token.secret;
  const all = await api<Page>(request, 'GET', `/phone-numbers?q=${data.digits}`, { token });
  expect(all.status).toBe(200);
  expect(all.body.items.map((n) => [n.e164, n.status])).toEqual([
    [data.free.e164, 'Unassigned'],
    [data.heldMine.e164, 'Assigned'],
    [data.heldOther.e164, 'Assigned'],
    [data.queued.e164, 'DeleteInProgress'],
  ]);
  // Digits are digits however they are written.
  const spaced = await api<Page>(
    request,
    'GET',
    `/phone-numbers?q=${encodeURIComponent(`(${data.digits.slice(0, 3)}) ${data.digits.slice(3)}`)}`,
    {
      token,
    },
  );
  expect(spaced.body.items.map((n) => n.id)).toEqual(all.body.items.map((n) => n.id));

  const assigned = await api<Page>(request, 'GET', `/phone-numbers?status=Assigned&q=${data.digits}`, { token });
  expect(assigned.body.items.map((n) => [n.e164, n.assignee])).toEqual([
    [
      data.heldMine.e164,
      {
        visible: true,
        accountId: data.mine.id,
        accountName: data.mine.name,
        userId: data.heldMine.holder.id,
        fullName: data.heldMine.holder.fullName,
      },
    ],
    [data.heldOther.e164, { visible: false }],
  ]);
  const free = await api<Page>(request, 'GET', `/phone-numbers?status=Unassigned&q=${data.digits}`, { token });
  expect(free.body.items.map((n) => [n.e164, n.assignee])).toEqual([[data.free.e164, null]]);
  const queued = await api<Page>(request, 'GET', `/phone-numbers?status=DeleteInProgress&q=${data.digits}`, { token });
  expect(queued.body.items.map((n) => n.e164)).toEqual([data.queued.e164]);

  const bad = await api<Problem>(request, 'GET', '/phone-numbers?status=Free&country=usa', { token });
  expect(bad.status).toBe(400);
  expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['country', 'status']);
});

test('one number, with whom it is assigned to only when the token can see them', async ({ request, data }) => {
  const token = data.admin.token.secret;
  const held = await api<PhoneNumber & { version: number; history: unknown[] }>(request, 'GET', `/phone-numbers/${data.heldMine.id}`, {
    token,
  });
  expect(held.status).toBe(200);
  expect(held.body).toMatchObject({
    id: data.heldMine.id,
    e164: data.heldMine.e164,
    status: 'Assigned',
    assignee: { visible: true, userId: data.heldMine.holder.id, fullName: data.heldMine.holder.fullName },
  });
  const hidden = await api<PhoneNumber>(request, 'GET', `/phone-numbers/${data.heldOther.id}`, { token });
  expect(hidden.status).toBe(200);
  expect(hidden.body.assignee).toEqual({ visible: false });
  expect(hidden.text).not.toContain('API Numbers Hidden');

  const missing = await api<Problem>(request, 'GET', '/phone-numbers/no-such-number', { token });
  expect(missing.status).toBe(404);
  const malformed = await api<Problem>(request, 'GET', `/phone-numbers/${encodeURIComponent('x y')}`, { token });
  expect(malformed.status).toBe(404);
  expect(malformed.body.detail).toBe(missing.body.detail);
});

test('adding in bulk says what became of each line, and the added numbers are then in the inventory', async ({ request, data }) => {
  const token = data.admin.token.secret;
  const [a, b] = data.toAdd as [string, string];
  const numbers = [a, national(b), '', data.existing.e164, a, 'call me', '+1 206'];
  const added = await api<Added>(request, 'POST', '/phone-numbers', { token, body: { numbers } });
  expect(added.status).toBe(201);
  expect(added.body.added).toBe(2);
  expect(added.body.refused).toBe(4);
  expect(added.body.results.map(({ id, ...line }) => ({ ...line, hasId: Boolean(id) }))).toEqual([
    { line: 1, input: a, outcome: 'added', e164: a, hasId: true },
    { line: 2, input: national(b), outcome: 'added', e164: b, hasId: true },
    { line: 4, input: data.existing.e164, outcome: 'refused', e164: data.existing.e164, error: 'Already in the inventory', hasId: false },
    { line: 5, input: a, outcome: 'refused', e164: a, error: 'Duplicate of line 1', hasId: false },
    {
      line: 6,
      input: 'call me',
      outcome: 'refused',
      error: 'Contains letters: enter the phone number with digits only',
      hasId: false,
    },
    { line: 7, input: '+1 206', outcome: 'refused', error: expect.stringContaining('Too short') as unknown as string, hasId: false },
  ]);

  for (const line of added.body.results.filter((l) => l.outcome === 'added')) {
    const read = await api<PhoneNumber>(request, 'GET', `/phone-numbers/${line.id}`, { token });
    expect(read.body).toMatchObject({ e164: line.e164, status: 'Unassigned', productType: 'BusinessCalling', assignee: null });
    const listed = await api<Page>(request, 'GET', `/phone-numbers?status=Unassigned&q=${line.e164!.slice(2)}`, { token });
    expect(listed.body.items.map((n) => n.id)).toEqual([line.id]);
  }

  // The same list again adds nothing: every line is refused, so the answer is 200.
  const again = await api<Added>(request, 'POST', '/phone-numbers', { token, body: { numbers: [a, b] } });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ added: 0, refused: 2 });
  expect(again.body.results.map((l) => l.error)).toEqual(['Already in the inventory', 'Already in the inventory']);
});

test('the console’s limits: too many lines is 400, too large a body 413, a line break inside an item 400', async ({ request, data }) => {
  const token = data.admin.token.secret;
  const tooMany = await api<Problem>(request, 'POST', '/phone-numbers', {
    token,
    body: { numbers: Array.from({ length: 20_001 }, () => data.refusedAdd) },
  });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.errors).toEqual([{ field: 'numbers', message: 'That is 20,001 lines: add at most 20,000 phone numbers at a time' }]);

  const tooLarge = await api<Problem>(request, 'POST', '/phone-numbers', {
    token,
    body: { numbers: [data.refusedAdd, 'x'.repeat(2 * 1024 * 1024)] },
  });
  expect(tooLarge.status).toBe(413);

  const twoInOne = await api<Problem>(request, 'POST', '/phone-numbers', {
    token,
    body: { numbers: [`${data.refusedAdd}\n+12065550100`], productType: 'Nope' },
  });
  expect(twoInOne.status).toBe(400);
  expect(twoInOne.body.errors!.map((e) => e.field).sort()).toEqual(['numbers.0', 'productType']);

  const read = await api<Page>(request, 'GET', `/phone-numbers?q=${data.refusedAdd.slice(2)}`, { token });
  expect(read.body.items).toEqual([]);
});

test('a read-only token lists and reads but cannot add', async ({ request, data }) => {
  const token = data.admin.readOnly.secret;
  const list = await api<Page>(request, 'GET', `/phone-numbers?q=${data.digits}`, { token });
  expect(list.body.items).toHaveLength(4);
  const refused = await api<Problem>(request, 'POST', '/phone-numbers', { token, body: { numbers: [data.refusedAdd] } });
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toContain('read-only');
  const read = await api<Page>(request, 'GET', `/phone-numbers?q=${data.refusedAdd.slice(2)}`, { token });
  expect(read.body.items).toEqual([]);
});

test('a bulk add replayed with its Idempotency-Key answers the first result and adds nothing more', async ({ request, data }) => {
  const token = data.admin.token.secret;
  const body = { numbers: [data.toReplay] };
  const headers = { 'Idempotency-Key': `bulk-${data.run}` };
  const first = await api<Added>(request, 'POST', '/phone-numbers', { token, body, headers });
  expect(first.status).toBe(201);
  const replay = await api<Added>(request, 'POST', '/phone-numbers', { token, body, headers });
  expect(replay.status).toBe(201);
  expect(replay.body).toEqual(first.body);
  expect(replay.headers['idempotency-replayed']).toBe('true');
  // Without the key, the same list is refused line by line: the replay added nothing.
  const fresh = await api<Added>(request, 'POST', '/phone-numbers', { token, body });
  expect(fresh.status).toBe(200);
  expect(fresh.body.results[0]!.error).toBe('Already in the inventory');
  const listed = await api<Page>(request, 'GET', `/phone-numbers?q=${data.toReplay.slice(2)}`, { token });
  expect(listed.body.items.map((n) => n.id)).toEqual([first.body.results[0]!.id]);
});
