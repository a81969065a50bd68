// Contract tests of /api/v1/users against the production build: every answer is checked against
// the OpenAPI document (e2e/api.ts), and each change is read back through the API as a client
// (or the console) would then see it.
import { expect, test as base } from '@playwright/test';
import { api } from './api';
import fixture from './api-users.fixture';

const test = base.extend<{ data: ReturnType<typeof fixture.data> }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
});

type Permissions = { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
type User = {
  id: string;
  accountId: string;
  fullName: string;
  email: string;
  userType: string;
  license: string;
  registrationStatus: string;
  invitationStatus: string;
  suspended: boolean;
  removedAt: string | null;
  phoneNumber: { id: string; e164: string } | null;
  permissions: Permissions;
  version: number;
};
type Item = Pick<User, 'id' | 'accountId' | 'fullName' | 'email' | 'license' | 'registrationStatus' | 'suspended' | 'permissions'> & {
  e164: string | null;
};
type Page = { items: Item[]; next: string | null; prev: string | null; total: number };
type Problem = { status: number; detail: string; errors?: { field: string; message: string }[] };

const ALL_OFF = { inboundCalling: false, outboundCalling: false, sms: false };

/** The URL a Link header gives for `rel`. */
function linkTo(header: string | undefined, rel: string): string | undefined {
  return header
    ?.split(',')
    .map((part) => part.trim().match(/^<([^>]+)>;\s*rel="([^"]+)"$/))
    .find((m) => m?.[2] === rel)?.[1];
}

test('the list searches and filters one account’s users, with a total', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const names = async (query: string) => {
    const page = await api<Page>(request, 'GET', `/users?accountId=${data.filtered.id}${query}`, { token });
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(page.body.items.length);
    return page.body.items.map((u) => u.fullName);
  };
  expect(await names('')).toEqual([data.alice.fullName, data.bob.fullName, data.carol.fullName]);
  expect(await names('&number=with')).toEqual([data.alice.fullName]);
  expect(await names('&number=without')).toEqual([data.bob.fullName, data.carol.fullName]);
  expect(await names('&status=Registered')).toEqual([data.alice.fullName]);
  expect(await names('&status=Suspended')).toEqual([data.bob.fullName]);
  expect(await names('&status=Unregistered')).toEqual([data.carol.fullName]);
  expect(await names('&license=Plus')).toEqual([data.carol.fullName]);
  expect(await names('&license=Basic&number=without')).toEqual([data.bob.fullName]);
  expect(await names('&license=ProTrial')).toEqual([]);
  expect(await names(`&q=${encodeURIComponent('filter carol')}`)).toEqual([data.carol.fullName]);
  expect(await names('&q=FILTER-BOB')).toEqual([data.bob.fullName]); // only in Bob's email address
  expect(await names(`&q=${data.alice.e164.slice(-7)}`)).toEqual([data.alice.fullName]);

  const page = await api<Page>(request, 'GET', `/users?accountId=${data.filtered.id}&q=${encodeURIComponent(data.alice.fullName)}`, {
    token,
  });
  expect(page.body).toEqual({
    items: [
      {
        id: data.alice.id,
        accountId: data.filtered.id,
        fullName: data.alice.fullName,
        email: data.alice.email,
        license: 'Pro',
        registrationStatus: 'Registered',
        suspended: false,
        e164: data.alice.e164,
        permissions: ALL_OFF,
      },
    ],
    next: null,
    prev: null,
    total: 1,
  });
  expect(page.headers.link).toBeUndefined();
  const suspended = await api<Page>(request, 'GET', `/users?accountId=${data.filtered.id}&status=Suspended`, { token });
  expect(suspended.body.items[0]).toMatchObject({ id: data.bob.id, suspended: true, e164: null, license: 'Basic' });
});

test('the list pages through an account by the Link header, forwards and back', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const first = await api<Page>(request, 'GET', `/users?accountId=${data.paged.id}`, { token });
  expect(first.status).toBe(200);
  expect(first.body.total).toBe(27);
  expect(first.body.items.map((u) => u.fullName)).toEqual(data.pagedUsers.slice(0, 25));
  expect(first.body.prev).toBeNull();
  expect(linkTo(first.headers.link, 'prev')).toBeUndefined();
  const next = linkTo(first.headers.link, 'next');
  expect(next).toBe(`/api/v1/users?accountId=${data.paged.id}&after=${first.body.next}`);

  const second = await api<Page>(request, 'GET', next!, { token });
  expect(second.status).toBe(200);
  expect(second.body.items.map((u) => u.fullName)).toEqual(data.pagedUsers.slice(25));
  expect(second.body.total).toBe(27);
  expect(second.body.next).toBeNull();
  expect(linkTo(second.headers.link, 'next')).toBeUndefined();

  const back = await api<Page>(request, 'GET', linkTo(second.headers.link, 'prev')!, { token });
  expect(back.body.items.map((u) => u.fullName)).toEqual(data.pagedUsers.slice(0, 25));
});

test('the list needs an account this token can reach; bad filters are a 400 naming them', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const missing = await api<Problem>(request, 'GET', '/users', { token });
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([{ field: 'accountId', message: expect.stringContaining('accountId is required') }]);

  const bad = await api<Problem>(request, 'GET', `/users?accountId=${data.filtered.id}&status=Gone&number=maybe`, { token });
  expect(bad.status).toBe(400);
  expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['number', 'status']);

  // Another account is answered exactly as one that does not exist; the full admin's token reaches it.
  const other = await api<Problem>(request, 'GET', `/users?accountId=${data.other.id}`, { token });
  const none = await api<Problem>(request, 'GET', '/users?accountId=no-such-account', { token });
  expect(other.status).toBe(404);
  expect(other.body).toEqual(none.body);
  const full = await api<Page>(request, 'GET', `/users?accountId=${data.other.id}`, { token: data.full.token.secret });
  expect(full.body.items.map((u) => u.id)).toEqual([data.otherUser.id]);
});

test('one user, with their ETag; another account’s user is answered as a missing one', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const read = await api<User>(request, 'GET', `/users/${data.toRead.id}`, { token });
  expect(read.status).toBe(200);
  expect(read.body).toEqual({
    id: data.toRead.id,
    accountId: data.mine.id,
    fullName: data.toRead.fullName,
    email: data.toRead.email,
    userType: 'PrivateUser',
    license: 'Pro',
    registrationStatus: 'Unregistered',
    invitationStatus: 'Pending',
    suspended: false,
    removedAt: null,
    phoneNumber: { id: data.toRead.phoneNumberId, e164: data.toRead.e164 },
    permissions: ALL_OFF,
    version: read.body.version,
  });
  expect(read.headers.etag).toBe(`"v${read.body.version}"`);
  expect(read.headers['cache-control']).toBe('no-store');

  const other = await api<Problem>(request, 'GET', `/users/${data.otherUser.id}`, { token });
  const none = await api<Problem>(request, 'GET', '/users/no-such-user', { token });
  expect(other.status).toBe(404);
  expect(other.body).toEqual(none.body);
  expect((await api(request, 'GET', `/users/${data.otherUser.id}`, { token: data.full.token.secret })).status).toBe(200);
});

test('adding a user: 201 with Location and ETag, read back; a replay adds nobody twice', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const body = { accountId: data.mine.id, fullName: `  ${data.newName}  `, email: data.newEmail.toUpperCase() };
  const key = `add-user-${data.run}`;
  const created = await api<User>(request, 'POST', '/users', { token, body, headers: { 'Idempotency-Key': key } });
  expect(created.status).toBe(201);
  expect(created.headers.location).toBe(`/api/v1/users/${created.body.id}`);
  expect(created.headers.etag).toBe(`"v${created.body.version}"`);
  // Cleaned as the Add user form cleans it; the account's default licence and a private user.
  expect(created.body).toMatchObject({
    accountId: data.mine.id,
    fullName: data.newName,
    email: data.newEmail,
    userType: 'PrivateUser',
    license: 'Basic',
    registrationStatus: 'Unregistered',
    suspended: false,
    removedAt: null,
    phoneNumber: null,
  });

  const read = await api<User>(request, 'GET', created.headers.location!, { token });
  expect(read.body).toEqual(created.body);

  const replay = await api<User>(request, 'POST', '/users', { token, body, headers: { 'Idempotency-Key': key } });
  expect(replay.status).toBe(201);
  expect(replay.headers['idempotency-replayed']).toBe('true');
  expect(replay.body.id).toBe(created.body.id);
  expect(replay.headers.location).toBe(created.headers.location);

  // The same address again, without the key: the console's refusal, on the email field.
  const again = await api<Problem>(request, 'POST', '/users', {
    token,
    body: { ...body, fullName: `${data.newName} twice`, userType: 'SharedDevice', license: 'Pro' },
  });
  expect(again.status).toBe(422);
  expect(again.body.detail).toBe(
    `${data.newEmail} is already the email address of a user in ${data.mine.name}. Use another email address.`,
  );
  expect(again.body.errors).toEqual([{ field: 'email', message: again.body.detail }]);

  const list = await api<Page>(request, 'GET', `/users?accountId=${data.mine.id}&q=${encodeURIComponent(data.newEmail)}`, { token });
  expect(list.body.items.map((u) => u.fullName)).toEqual([data.newName]);
});

test('a new user with every field given, and bad input refused as a 400 naming each field', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const name = `${data.newName} given`;
  const given = await api<User>(request, 'POST', '/users', {
    token,
    body: { accountId: data.mine.id, fullName: name, email: `given-${data.newEmail}`, userType: 'SharedDevice', license: 'ProTrial' },
  });
  expect(given.status).toBe(201);
  expect(given.body).toMatchObject({ fullName: name, userType: 'SharedDevice', license: 'ProTrial' });

  const refusedName = `${data.newName} refused`;
  const bad = await api<Problem>(request, 'POST', '/users', {
    token,
    body: { accountId: data.mine.id, fullName: refusedName, email: 'not-an-address', userType: 'Robot', license: 'Gold' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['email', 'license', 'userType']);
  expect(bad.body.errors!.find((e) => e.field === 'email')!.message).toBe('Enter an email address like name@example.com');

  const empty = await api<Problem>(request, 'POST', '/users', { token, body: {} });
  expect(empty.status).toBe(400);
  expect(empty.body.errors!.map((e) => e.field).sort()).toEqual(['accountId', 'email', 'fullName']);

  // An account the token cannot reach is a 404, as a missing one.
  const elsewhere = await api<Problem>(request, 'POST', '/users', {
    token,
    body: { accountId: data.other.id, fullName: refusedName, email: `elsewhere-${data.newEmail}` },
  });
  expect(elsewhere.status).toBe(404);

  for (const account of [data.mine, data.other]) {
    const list = await api<Page>(request, 'GET', `/users?accountId=${account.id}&q=${encodeURIComponent(refusedName)}`, {
      token: data.full.token.secret,
    });
    expect(list.body.items).toEqual([]);
  }
});

test('editing a user: the fields sent change, the others keep their values; a stale If-Match is 412', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const path = `/users/${data.toEdit.id}`;
  const before = await api<User>(request, 'GET', path, { token });

  const renamed = await api<User>(request, 'PATCH', path, { token, body: { fullName: `${data.toEdit.fullName} Renamed` } });
  expect(renamed.status).toBe(200);
  expect(renamed.body).toEqual({ ...before.body, fullName: `${data.toEdit.fullName} Renamed`, version: before.body.version + 1 });
  expect(renamed.headers.etag).toBe(`"v${before.body.version + 1}"`);

  // The ETag of the first read is stale now: refused, and nothing changes.
  const stale = await api<Problem>(request, 'PATCH', path, {
    token,
    body: { license: 'Plus' },
    headers: { 'If-Match': before.headers.etag! },
  });
  expect(stale.status).toBe(412);
  expect(stale.body.detail).toContain('Someone else changed');
  const read = await api<User>(request, 'GET', path, { token });
  expect(read.body).toEqual(renamed.body);

  // Another user's address is the console's refusal; a body field of the wrong kind is a 400.
  const taken = await api<Problem>(request, 'PATCH', path, { token, body: { email: data.taken.email } });
  expect(taken.status).toBe(422);
  expect(taken.body.errors).toEqual([{ field: 'email', message: expect.stringContaining('is already the email address') }]);
  const bad = await api<Problem>(request, 'PATCH', path, { token, body: { fullName: ' ', userType: 'Robot' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['fullName', 'userType']);
  const malformed = await api<Problem>(request, 'PATCH', path, { token, body: { license: 'Plus' }, headers: { 'If-Match': 'v1' } });
  expect(malformed.status).toBe(400);
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(renamed.body);
});

test('editing with the current If-Match changes the user once; the same change again changes nothing', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const path = `/users/${data.toEditIfMatch.id}`;
  const before = await api<User>(request, 'GET', path, { token });
  const changes = { email: `changed-${data.toEditIfMatch.email}`, userType: 'SharedDevice', license: 'Plus' };
  const changed = await api<User>(request, 'PATCH', path, { token, body: changes, headers: { 'If-Match': before.headers.etag! } });
  expect(changed.status).toBe(200);
  expect(changed.body).toEqual({ ...before.body, ...changes, version: before.body.version + 1 });
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(changed.body);

  // Already as asked: a repeat, as the console treats a form saved twice (no new version).
  const repeat = await api<User>(request, 'PATCH', path, { token, body: changes, headers: { 'If-Match': changed.headers.etag! } });
  expect(repeat.status).toBe(200);
  expect(repeat.body.version).toBe(changed.body.version);
});

test('suspending and unsuspending show in a read; a repeat changes nothing; a stale If-Match is 412', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const path = `/users/${data.toSuspend.id}`;
  const before = await api<User>(request, 'GET', path, { token });
  expect(before.body.permissions).toEqual({ inboundCalling: true, outboundCalling: true, sms: true });

  const suspended = await api<User>(request, 'POST', `${path}/suspend`, { token, headers: { 'If-Match': before.headers.etag! } });
  expect(suspended.status).toBe(200);
  expect(suspended.body).toMatchObject({
    suspended: true,
    registrationStatus: 'Suspended',
    permissions: ALL_OFF,
    phoneNumber: { id: data.toSuspend.phoneNumberId, e164: data.toSuspend.e164 },
    version: before.body.version + 1,
  });
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(suspended.body);

  const repeat = await api<User>(request, 'POST', `${path}/suspend`, { token });
  expect(repeat.status).toBe(200);
  expect(repeat.body).toEqual(suspended.body);

  const stale = await api<Problem>(request, 'POST', `${path}/unsuspend`, { token, headers: { 'If-Match': before.headers.etag! } });
  expect(stale.status).toBe(412);
  expect((await api<User>(request, 'GET', path, { token })).body.suspended).toBe(true);

  const unsuspended = await api<User>(request, 'POST', `${path}/unsuspend`, { token });
  expect(unsuspended.status).toBe(200);
  // Never signed in, so Unregistered; calling and SMS stay off until an admin turns them on.
  expect(unsuspended.body).toMatchObject({ suspended: false, registrationStatus: 'Unregistered', permissions: ALL_OFF });
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(unsuspended.body);
  const again = await api<User>(request, 'POST', `${path}/unsuspend`, { token });
  expect(again.body.version).toBe(unsuspended.body.version);
});

test('removing a user releases their number; they stay readable and cannot be changed', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const path = `/users/${data.toRemove.id}`;
  const before = await api<User>(request, 'GET', path, { token });
  expect(before.body.phoneNumber).toEqual({ id: data.toRemove.phoneNumberId, e164: data.toRemove.e164 });

  const removed = await api<User>(request, 'DELETE', path, { token });
  expect(removed.status).toBe(200);
  expect(removed.body).toMatchObject({ id: data.toRemove.id, phoneNumber: null, permissions: ALL_OFF, version: before.body.version + 1 });
  expect(removed.body.removedAt).not.toBeNull();
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(removed.body);

  // Gone from the list of the account's users.
  const byName = await api<Page>(request, 'GET', `/users?accountId=${data.mine.id}&q=${encodeURIComponent(data.toRemove.fullName)}`, {
    token,
  });
  expect(byName.body.items).toEqual([]);

  const repeat = await api<User>(request, 'DELETE', path, { token });
  expect(repeat.status).toBe(200);
  expect(repeat.body).toEqual(removed.body);
  const edit = await api<Problem>(request, 'PATCH', path, { token, body: { fullName: 'Back Again' } });
  expect(edit.status).toBe(409);
  expect(edit.body.detail).toContain('was removed on');
  const suspend = await api<Problem>(request, 'POST', `${path}/suspend`, { token });
  expect(suspend.status).toBe(409);
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(removed.body);
});

test('a scoped token cannot reach or change another account’s user: 404, as a missing one', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const full = data.full.token.secret;
  const path = `/users/${data.otherUser.id}`;
  const before = await api<User>(request, 'GET', path, { token: full });
  const none = await api<Problem>(request, 'PATCH', '/users/no-such-user', { token, body: { fullName: 'Nope' } });
  expect(none.status).toBe(404);
  for (const [method, suffix, body] of [
    ['PATCH', '', { fullName: 'Taken Over' }],
    ['POST', '/suspend', undefined],
    ['POST', '/unsuspend', undefined],
    ['DELETE', '', undefined],
  ] as const) {
    const answer = await api<Problem>(request, method, `${path}${suffix}`, { token, body });
    expect(answer.status, `${method} ${suffix}`).toBe(404);
    expect(answer.body).toEqual(none.body);
  }
  expect((await api<User>(request, 'GET', path, { token: full })).body).toEqual(before.body);
});

test('a read-only token reads but changes nothing: 403 with the read-only message', async ({ request, data }) => {
  const token = data.scoped.readOnly.secret;
  const path = `/users/${data.readOnlyTarget.id}`;
  const before = await api<User>(request, 'GET', path, { token });
  expect(before.status).toBe(200);
  for (const [method, suffix, body] of [
    ['PATCH', '', { fullName: 'Read Only Rename' }],
    ['POST', '/suspend', undefined],
    ['DELETE', '', undefined],
  ] as const) {
    const answer = await api<Problem>(request, method, `${path}${suffix}`, { token, body });
    expect(answer.status, `${method} ${suffix}`).toBe(403);
    expect(answer.body.detail).toBe('This API token is read-only, so it cannot change anything.');
  }
  const add = await api<Problem>(request, 'POST', '/users', {
    token,
    body: { accountId: data.mine.id, fullName: `${data.newName} read-only`, email: `read-only-${data.newEmail}` },
  });
  expect(add.status).toBe(403);
  expect((await api<User>(request, 'GET', path, { token })).body).toEqual(before.body);
  const list = await api<Page>(request, 'GET', `/users?accountId=${data.mine.id}&q=${encodeURIComponent(`${data.newName} read-only`)}`, {
    token,
  });
  expect(list.body.items).toEqual([]);
});
