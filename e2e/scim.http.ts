// /scim/v2 against the production build, with the request sequences Microsoft Entra ID and Okta
// send (learn.microsoft.com "Tutorial: Develop and plan provisioning for a SCIM endpoint" and
// "Known issues … SCIM 2.0 protocol compliance"; developer.okta.com "Okta and SCIM Version 2.0"),
// each step read back through SCIM, and the console's own user page where it matters.
import { expect, test as base, type APIRequestContext } from '@playwright/test';
import { api, type ApiAnswer } from './api';
import fixture from './scim.fixture';
import { sessionState } from './session';

const test = base.extend<{ data: ReturnType<typeof fixture.data> }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
});

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

type ScimUser = {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  name: { formatted: string };
  displayName: string;
  active: boolean;
  emails: { value: string; type: string; primary: boolean }[];
  meta: { resourceType: string; created: string; lastModified: string; location: string; version: string };
};
type List = { schemas: string[]; totalResults: number; startIndex: number; itemsPerPage: number; Resources: ScimUser[] };
type ScimErrorBody = { schemas: string[]; status: string; scimType?: string; detail: string };

/** A SCIM call as identity providers make it: application/scim+json both ways. */
function scim<T>(
  request: APIRequestContext,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return api<T>(request, method, `/scim/v2${path}`, {
    token,
    body,
    headers: { Accept: 'application/scim+json', ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }), ...headers },
  });
}
const byUserName = (email: string, extra = '') => `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}${extra}`;
const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

function expectScimError(answer: ApiAnswer<ScimErrorBody>, status: number, scimType?: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toContain('application/scim+json');
  expect(answer.body).toMatchObject({ schemas: [ERROR], status: String(status) });
  expect(answer.body.scimType).toBe(scimType);
  expect(answer.body.detail).toBeTruthy();
}

/** The user's page in the console, as its admin sees it. */
async function consolePage(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  data: ReturnType<typeof fixture.data>,
  userId: string,
) {
  const browser = await playwright.request.newContext({ baseURL, storageState: await sessionState(data.admin, baseURL) });
  const response = await browser.get(`/accounts/${data.mine.id}/users/${userId}`);
  const html = await response.text();
  await browser.dispose();
  return { status: response.status(), html };
}

test('Microsoft Entra ID: filter miss, create, find by filter, patch (capitalised, path-less), deactivate with "False", delete', async ({
  request,
  playwright,
  baseURL,
  data,
}) => {
  const token = data.token.secret;
  // Before creating, Entra ID looks the user up by userName: none yet is an empty list, not a 404.
  const miss = await scim<List>(request, 'GET', byUserName(data.entraEmail), token);
  expect(miss.status).toBe(200);
  expect(miss.headers['content-type']).toContain('application/scim+json');
  expect(miss.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

  const created = await scim<ScimUser>(request, 'POST', '/Users', token, {
    schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId: `entra-${data.run}`,
    userName: data.entraEmail.toUpperCase(),
    active: true,
    emails: [{ primary: true, type: 'work', value: data.entraEmail }],
    meta: { resourceType: 'User' },
    name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
    roles: [],
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id;
  expect(created.headers.location).toBe(created.body.meta.location);
  expect(created.headers.location).toMatch(new RegExp(`/scim/v2/Users/${id}$`));
  expect(created.headers.etag).toBe('"v1"');
  expect(created.body).toMatchObject({
    schemas: [USER],
    externalId: `entra-${data.run}`,
    userName: data.entraEmail,
    name: { formatted: 'Grace Hopper' },
    displayName: 'Grace Hopper',
    active: true,
    emails: [{ value: data.entraEmail, type: 'work', primary: true }],
    meta: { resourceType: 'User', version: '"v1"' },
  });
  expect(Date.parse(created.body.meta.created)).not.toBeNaN();

  const found = await scim<List>(request, 'GET', byUserName(data.entraEmail.toUpperCase()), token);
  expect(found.body.totalResults).toBe(1);
  expect(found.body.Resources[0]).toEqual(created.body);
  // Entra ID's compliance flag rides on the tenant URL as a query parameter: it changes nothing here.
  const flagged = await scim<List>(
    request,
    'GET',
    `/Users?aadOptscim062020&filter=${encodeURIComponent(`userName eq "${data.entraEmail}"`)}`,
    token,
  );
  expect(flagged.body.Resources.map((u) => u.id)).toEqual([id]);
  const byExternalId = await scim<List>(request, 'GET', `/Users?filter=${encodeURIComponent(`externalId eq "entra-${data.run}"`)}`, token);
  expect(byExternalId.body.Resources.map((u) => u.id)).toEqual([id]);

  // Without the aadOptscim062020 flag: capitalised ops, one path each, the work address by filter.
  const patched = await scim<ScimUser>(
    request,
    'PATCH',
    `/Users/${id}`,
    token,
    patchOp(
      { op: 'Replace', path: 'displayName', value: 'Amazing Grace' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: data.entraNewEmail },
      { op: 'Replace', path: 'name.givenName', value: 'Grace Brewster' },
      { op: 'Replace', path: 'name.familyName', value: 'Hopper' },
      { op: 'Replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', value: '1906' },
    ),
  );
  expect(patched.status, patched.text).toBe(200);
  expect(patched.body).toMatchObject({
    id,
    userName: data.entraNewEmail,
    emails: [{ value: data.entraNewEmail }],
    name: { formatted: 'Grace Brewster Hopper' },
    displayName: 'Grace Brewster Hopper',
  });
  expect(patched.headers.etag).toBe('"v2"');

  // With the flag: a path-less replace whose value names attributes by path.
  const renamed = await scim<ScimUser>(
    request,
    'PATCH',
    `/Users/${id}`,
    token,
    patchOp({ op: 'replace', value: { displayName: 'Rear Admiral', 'name.givenName': 'Grace', 'name.familyName': 'Hopper' } }),
  );
  expect(renamed.body.name.formatted).toBe('Grace Hopper');

  const disabled = await scim<ScimUser>(
    request,
    'PATCH',
    `/Users/${id}`,
    token,
    patchOp({ op: 'Replace', path: 'active', value: 'False' }),
  );
  expect(disabled.status, disabled.text).toBe(200);
  expect(disabled.body.active).toBe(false);
  const read = await scim<ScimUser>(request, 'GET', `/Users/${id}`, token);
  expect(read.body).toMatchObject({ active: false, userName: data.entraNewEmail, name: { formatted: 'Grace Hopper' } });
  const inactive = await scim<List>(request, 'GET', `/Users?filter=${encodeURIComponent(`id eq "${id}" and active eq false`)}`, token);
  expect(inactive.body.totalResults).toBe(1);
  // The console shows what SCIM did: the same user, suspended.
  const page = await consolePage(playwright, baseURL!, data, id);
  expect(page.status).toBe(200);
  expect(page.html).toContain('Grace Hopper');
  expect(page.html).toContain(data.entraNewEmail);
  expect(page.html).toContain('Suspended');

  const deleted = await scim(request, 'DELETE', `/Users/${id}`, token);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe('');
  expectScimError(await scim<ScimErrorBody>(request, 'GET', `/Users/${id}`, token), 404);
  expect((await scim<List>(request, 'GET', byUserName(data.entraNewEmail), token)).body.totalResults).toBe(0);
  expectScimError(await scim<ScimErrorBody>(request, 'DELETE', `/Users/${id}`, token), 404);
  // Removed, as "Remove user" does it: the console still shows the record, removed by the token's admin.
  const removed = await consolePage(playwright, baseURL!, data, id);
  expect(removed.html).toContain('Removed on');
  expect(removed.html).toContain(data.admin.name);
});

test('Okta: filter with startIndex and count, create, PUT the full user, PATCH active false, PUT active true', async ({
  request,
  data,
}) => {
  const token = data.token.secret;
  const miss = await scim<List>(request, 'GET', byUserName(data.oktaEmail, '&startIndex=1&count=100'), token);
  expect(miss.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

  const okta = (changes: Record<string, unknown>) => ({
    schemas: [USER],
    userName: data.oktaEmail,
    name: { givenName: 'Alan', familyName: 'Turing' },
    emails: [{ primary: true, value: data.oktaEmail, type: 'work' }],
    displayName: 'Alan Turing',
    locale: 'en-US',
    groups: [],
    password: 'never-kept-1',
    active: true,
    ...changes,
  });
  const created = await scim<ScimUser>(request, 'POST', '/Users', token, okta({}));
  expect(created.status, created.text).toBe(201);
  const id = created.body.id;
  expect(created.body).toMatchObject({ userName: data.oktaEmail, name: { formatted: 'Alan Turing' }, active: true });
  expect(created.body).not.toHaveProperty('externalId');
  expect(created.text).not.toContain('never-kept');

  const found = await scim<List>(request, 'GET', byUserName(data.oktaEmail, '&startIndex=1&count=100'), token);
  expect(found.body).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
  expect(found.body.Resources[0]!.id).toBe(id);

  const put = await scim<ScimUser>(
    request,
    'PUT',
    `/Users/${id}`,
    token,
    okta({ id, name: { givenName: 'Alan M.', familyName: 'Turing' } }),
  );
  expect(put.status, put.text).toBe(200);
  expect(put.body).toMatchObject({ id, name: { formatted: 'Alan M. Turing' }, active: true });

  const deactivated = await scim<ScimUser>(request, 'PATCH', `/Users/${id}`, token, patchOp({ op: 'replace', value: { active: false } }));
  expect(deactivated.body.active).toBe(false);
  expect((await scim<ScimUser>(request, 'GET', `/Users/${id}`, token)).body.active).toBe(false);

  const reactivated = await scim<ScimUser>(
    request,
    'PUT',
    `/Users/${id}`,
    token,
    okta({ id, name: { givenName: 'Alan M.', familyName: 'Turing' } }),
  );
  expect(reactivated.body).toMatchObject({ active: true, name: { formatted: 'Alan M. Turing' } });
  // Okta deactivates with PUT too.
  const putOff = await scim<ScimUser>(
    request,
    'PUT',
    `/Users/${id}`,
    token,
    okta({ id, name: { givenName: 'Alan M.', familyName: 'Turing' }, active: false }),
  );
  expect(putOff.body.active).toBe(false);
  expect((await scim<ScimUser>(request, 'GET', `/Users/${id}`, token)).body).toMatchObject({ active: false, userName: data.oktaEmail });
});

test('paging: startIndex is 1-based, count limits the page, totalResults counts them all', async ({ request, data }) => {
  const token = data.pagedToken.secret;
  const all = await scim<List>(request, 'GET', '/Users', token);
  expect(all.body.totalResults).toBe(3);
  expect(all.body.Resources.map((u) => u.userName).sort()).toEqual(data.pagedUsers.map((u) => u.email).sort());
  const second = await scim<List>(request, 'GET', '/Users?startIndex=2&count=1', token);
  expect(second.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
  expect(second.body.Resources[0]!.id).toBe(all.body.Resources[1]!.id);
  const past = await scim<List>(request, 'GET', '/Users?startIndex=4&count=10', token);
  expect(past.body).toMatchObject({ totalResults: 3, startIndex: 4, itemsPerPage: 0, Resources: [] });
  const none = await scim<List>(request, 'GET', '/Users?count=0', token);
  expect(none.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  // Out of range is clamped (RFC 7644 §3.4.2.4), not refused.
  const clamped = await scim<List>(request, 'GET', '/Users?startIndex=0&count=-5', token);
  expect(clamped.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 0 });
});

test('a filter that is not supported is 400 invalidFilter', async ({ request, data }) => {
  for (const filter of ['userName co "scim"', 'title eq "x"', 'userName eq "a" or userName eq "b"', 'userName eq']) {
    expectScimError(
      await scim<ScimErrorBody>(request, 'GET', `/Users?filter=${encodeURIComponent(filter)}`, data.token.secret),
      400,
      'invalidFilter',
    );
  }
});

test('a bad PATCH is 400 and changes nothing, even its good operations; a stale If-Match is 412', async ({ request, data }) => {
  const token = data.token.secret;
  const created = await scim<ScimUser>(request, 'POST', '/Users', token, {
    schemas: [USER],
    userName: data.patchEmail,
    displayName: 'Patch Me',
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id;
  const bad = [
    patchOp({ op: 'Replace', path: 'displayName', value: 'Changed' }, { op: 'Move', path: 'userName', value: 'x' }),
    patchOp({ op: 'Replace', path: 'displayName', value: 'Changed' }, { op: 'Replace', path: 'active', value: 'sometimes' }),
    patchOp({ op: 'Replace', path: 'displayName', value: 'Changed' }, { op: 'Replace', path: 'emails[type eq]', value: 'x' }),
    { Operations: [{ op: 'Replace', path: 'displayName', value: 'Changed' }] },
  ];
  for (const body of bad) {
    const answer = await scim<ScimErrorBody>(request, 'PATCH', `/Users/${id}`, token, body);
    expect(answer.status, answer.text).toBe(400);
    expect(['invalidSyntax', 'invalidValue']).toContain(answer.body.scimType);
  }
  // A value the console refuses is its refusal, in its words.
  const badEmail = await scim<ScimErrorBody>(
    request,
    'PATCH',
    `/Users/${id}`,
    token,
    patchOp({ op: 'replace', path: 'userName', value: 'not-an-email' }),
  );
  expectScimError(badEmail, 400, 'invalidValue');
  expect(badEmail.body.detail).toBe('Enter an email address like name@example.com');
  const notJson = await request.fetch(`/scim/v2/Users/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
    data: '{"Operations": [',
  });
  expect(notJson.status()).toBe(400);
  expect(((await notJson.json()) as ScimErrorBody).scimType).toBe('invalidSyntax');
  const unchanged = await scim<ScimUser>(request, 'GET', `/Users/${id}`, token);
  expect(unchanged.body).toEqual(created.body);

  // Changed since it was read: the If-Match of the first read is stale.
  const ok = await scim<ScimUser>(
    request,
    'PATCH',
    `/Users/${id}`,
    token,
    patchOp({ op: 'replace', path: 'displayName', value: 'Patched' }),
    {
      'If-Match': created.headers.etag!,
    },
  );
  expect(ok.status, ok.text).toBe(200);
  const stale = await scim<ScimErrorBody>(
    request,
    'PATCH',
    `/Users/${id}`,
    token,
    patchOp({ op: 'replace', path: 'displayName', value: 'Lost' }),
    {
      'If-Match': created.headers.etag!,
    },
  );
  expectScimError(stale, 412);
  expectScimError(
    await scim<ScimErrorBody>(request, 'DELETE', `/Users/${id}`, token, undefined, { 'If-Match': created.headers.etag! }),
    412,
  );
  expect((await scim<ScimUser>(request, 'GET', `/Users/${id}`, token)).body.displayName).toBe('Patched');
});

test('a userName already in the account is 409 uniqueness, whatever its case; nothing is added', async ({ request, data }) => {
  const token = data.token.secret;
  const answer = await scim<ScimErrorBody>(request, 'POST', '/Users', token, {
    schemas: [USER],
    userName: data.existing.email.toUpperCase(),
    name: { formatted: 'A Second One' },
  });
  expectScimError(answer, 409, 'uniqueness');
  expect(answer.body.detail).toContain('already the email address of a user');
  const list = await scim<List>(request, 'GET', byUserName(data.existing.email), token);
  expect(list.body.Resources.map((u) => u.displayName)).toEqual([data.existing.fullName]);

  // Changing another user's address to it is the same conflict.
  const created = await scim<ScimUser>(request, 'POST', '/Users', token, {
    schemas: [USER],
    userName: data.staleEmail,
    displayName: 'Taken Test',
  });
  const taken = await scim<ScimErrorBody>(
    request,
    'PATCH',
    `/Users/${created.body.id}`,
    token,
    patchOp({ op: 'Replace', path: 'userName', value: data.existing.email }),
  );
  expectScimError(taken, 409, 'uniqueness');
  expect((await scim<ScimUser>(request, 'GET', `/Users/${created.body.id}`, token)).body.userName).toBe(data.staleEmail);
});

test('a personal API token, a revoked token, or none is 401 in SCIM’s format', async ({ request, data }) => {
  for (const token of [data.personal.secret, data.revoked.secret, `sb_scim_${'x'.repeat(43)}`]) {
    const answer = await scim<ScimErrorBody>(request, 'GET', '/Users', token);
    expectScimError(answer, 401);
    expect(answer.headers['www-authenticate']).toContain('Bearer');
  }
  expect((await scim<ScimErrorBody>(request, 'GET', '/Users', data.personal.secret)).body.detail).toContain('provisioning token');
  expect((await scim<ScimErrorBody>(request, 'GET', '/Users', data.revoked.secret)).body.detail).toContain('revoked');
  const none = await request.get('/scim/v2/Users');
  expect(none.status()).toBe(401);
  expect(((await none.json()) as ScimErrorBody).schemas).toEqual([ERROR]);
  // The same secret is refused by the REST API the other way round.
  expect((await api(request, 'GET', '/accounts', { token: data.token.secret })).status).toBe(401);
});

test('another account’s token cannot see or change this account’s users, and the reverse', async ({ request, data }) => {
  const theirs = data.otherToken.secret;
  expect((await scim<List>(request, 'GET', byUserName(data.existing.email), theirs)).body.totalResults).toBe(0);
  expect((await scim<List>(request, 'GET', '/Users', theirs)).body.Resources.map((u) => u.id)).toEqual([data.otherUser.id]);
  expectScimError(await scim<ScimErrorBody>(request, 'GET', `/Users/${data.existing.id}`, theirs), 404);
  expectScimError(
    await scim<ScimErrorBody>(request, 'PATCH', `/Users/${data.existing.id}`, theirs, patchOp({ op: 'replace', value: { active: false } })),
    404,
  );
  expectScimError(await scim<ScimErrorBody>(request, 'DELETE', `/Users/${data.existing.id}`, theirs), 404);
  expectScimError(await scim<ScimErrorBody>(request, 'GET', `/Users/${data.otherUser.id}`, data.token.secret), 404);
  const still = await scim<ScimUser>(request, 'GET', `/Users/${data.existing.id}`, data.token.secret);
  expect(still.body).toMatchObject({ active: true, userName: data.existing.email });
});

test('ServiceProviderConfig, ResourceTypes and Schemas describe what is supported; Groups is a SCIM 404', async ({ request, data }) => {
  const token = data.token.secret;
  const config = await scim<Record<string, unknown>>(request, 'GET', '/ServiceProviderConfig', token);
  expect(config.status).toBe(200);
  expect(config.body).toMatchObject({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [{ type: 'oauthbearertoken' }],
  });

  const types = await scim<{ schemas: string[]; totalResults: number; Resources: { id: string; endpoint: string; schema: string }[] }>(
    request,
    'GET',
    '/ResourceTypes',
    token,
  );
  expect(types.body).toMatchObject({ schemas: [LIST], totalResults: 1, Resources: [{ id: 'User', endpoint: '/Users', schema: USER }] });
  expect((await scim<{ id: string }>(request, 'GET', '/ResourceTypes/User', token)).body.id).toBe('User');

  const schemas = await scim<{
    totalResults: number;
    Resources: { id: string; attributes: { name: string; subAttributes?: { name: string }[] }[] }[];
  }>(request, 'GET', '/Schemas', token);
  expect(schemas.body.totalResults).toBe(1);
  const user = schemas.body.Resources[0]!;
  expect(user.id).toBe(USER);
  expect(user.attributes.map((a) => a.name)).toEqual(['userName', 'name', 'displayName', 'active', 'emails']);
  expect((await scim<{ id: string }>(request, 'GET', `/Schemas/${encodeURIComponent(USER)}`, token)).body.id).toBe(USER);

  expectScimError(await scim<ScimErrorBody>(request, 'GET', '/Groups', token), 404);
  expectScimError(await scim<ScimErrorBody>(request, 'GET', '/Groups', data.personal.secret), 401);
});
