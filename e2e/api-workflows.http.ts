// Contract tests of the three workflows (/api/v1/users/{userId}/phone-number and
// …/telephony-permissions) against the production build: every answer is checked against the
// OpenAPI document (e2e/api.ts); what changed is read back through the API's phone numbers and on
// the user's console page, as an admin would see it.
import { expect, test as base, type APIRequestContext } from '@playwright/test';
import { textOf } from '../scripts/http-client';
import { api } from './api';
import fixture from './api-workflows.fixture';
import { formatted } from './fixture';
import { sessionState } from './session';

type Data = ReturnType<typeof fixture.data>;
const test = base.extend<{ data: Data; console: APIRequestContext }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
  /** The console, signed in as the fixture's admin. */
  console: async ({ playwright, baseURL, data }, use) => {
    const context = await playwright.request.newContext({ baseURL, storageState: await sessionState(data.admin, baseURL!) });
    await use(context);
    await context.dispose();
  },
});

type Permissions = { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
type User = { id: string; version: number; phoneNumber: { id: string; e164: string } | null; permissions: Permissions };
type PhoneNumber = { id: string; status: string; assignee: { visible: boolean; userId?: string } | null; history: unknown[] };
type Problem = { status: number; detail: string; errors?: { field: string; message: string }[] };

const OFF: Permissions = { inboundCalling: false, outboundCalling: false, sms: false };
const onOff = (p: Permissions) =>
  `Inbound calling ${p.inboundCalling ? 'On' : 'Off'} Outbound calling ${p.outboundCalling ? 'On' : 'Off'} SMS ${p.sms ? 'On' : 'Off'}`;

/** What the user's console page says of their number and permissions: "+1 206 555 0100 Inbound calling Off …". */
async function shownOnConsole(http: APIRequestContext, data: Data, userId: string): Promise<string> {
  const response = await http.get(`/accounts/${data.accountId}/users/${userId}`);
  expect(response.status()).toBe(200);
  const text = textOf(await response.text());
  const match = text.match(/Phone number ((?:\+[\d ]+?)|None) (Inbound calling O(?:n|ff) Outbound calling O(?:n|ff) SMS O(?:n|ff))/);
  expect(match, 'the user page’s phone number and permissions').not.toBeNull();
  return `${match![1]} ${match![2]}`;
}

const readNumber = (request: APIRequestContext, data: Data, id: string) =>
  api<PhoneNumber>(request, 'GET', `/phone-numbers/${id}`, { token: data.admin.token.secret });

test('assign by id: 201 with the user, the number theirs and calling and SMS off', async ({ request, console: http, data }) => {
  const { user, number } = data.byId;
  const assigned = await api<User>(request, 'POST', `/users/${user.id}/phone-number`, {
    token: data.admin.token.secret,
    body: { phoneNumberId: number.id, notify: false },
  });
  expect(assigned.status).toBe(201);
  expect(assigned.body.phoneNumber).toEqual({ id: number.id, e164: number.e164 });
  expect(assigned.body.permissions).toEqual(OFF);
  expect(assigned.headers.etag).toBe(`"v${assigned.body.version}"`);

  const read = await readNumber(request, data, number.id);
  expect(read.body).toMatchObject({ status: 'Assigned', assignee: { visible: true, userId: user.id } });
  expect(read.body.history).toHaveLength(1);
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(number.e164)} ${onOff(OFF)}`);

  // The same assign again changes nothing, and says so with 200.
  const again = await api<User>(request, 'POST', `/users/${user.id}/phone-number`, {
    token: data.admin.token.secret,
    body: { phoneNumberId: number.id, notify: false },
  });
  expect(again.status).toBe(200);
  expect(again.body.version).toBe(assigned.body.version);
});

test('assign with a permission preset: its permissions set with the number; another account’s preset is 409', async ({ request, data }) => {
  const { user, number, preset, foreign } = data.withPreset;
  const token = data.admin.token.secret;
  const theirs = await api<Problem>(request, 'POST', `/users/${user.id}/phone-number`, {
    token,
    body: { phoneNumberId: number.id, permissionPresetId: foreign.id, notify: false },
  });
  expect(theirs.status).toBe(409);
  expect(theirs.body.detail).toMatch(/deleted, or is not one of this account’s/);
  expect((await readNumber(request, data, number.id)).body).toMatchObject({ status: 'Unassigned' });

  const assigned = await api<User>(request, 'POST', `/users/${user.id}/phone-number`, {
    token,
    body: { phoneNumberId: number.id, permissionPresetId: preset.id, notify: false },
  });
  expect(assigned.status).toBe(201);
  expect(assigned.body.permissions).toEqual({ inboundCalling: true, outboundCalling: true, sms: false });
});

test('assign by E.164; a number not in the inventory is refused naming the field', async ({ request, console: http, data }) => {
  const { user, number, missing } = data.byE164;
  const token = data.admin.token.secret;
  const absent = await api<Problem>(request, 'POST', `/users/${user.id}/phone-number`, { token, body: { e164: missing } });
  expect(absent.status).toBe(422);
  expect(absent.body.errors![0]!.field).toBe('e164');
  expect(absent.body.detail).toContain('is not in the inventory');

  const bad = await api<Problem>(request, 'POST', `/users/${user.id}/phone-number`, { token, body: { e164: '206 555 0100' } });
  expect(bad.status).toBe(400);
  const neither = await api<Problem>(request, 'POST', `/users/${user.id}/phone-number`, { token, body: {} });
  expect(neither.status).toBe(400);
  expect(neither.body.errors![0]!.field).toBe('phoneNumberId');
  expect(await shownOnConsole(http, data, user.id)).toBe(`None ${onOff(OFF)}`);

  const assigned = await api<User>(request, 'POST', `/users/${user.id}/phone-number`, { token, body: { e164: number.e164 } });
  expect(assigned.status).toBe(201);
  expect(assigned.body.phoneNumber).toEqual({ id: number.id, e164: number.e164 });
  expect((await readNumber(request, data, number.id)).body.assignee).toMatchObject({ userId: user.id });
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(number.e164)} ${onOff(OFF)}`);
});

test('a number someone else holds is 409 with the console’s message, even with a current If-Match; nothing changes', async ({
  request,
  console: http,
  data,
}) => {
  const token = data.admin.token.secret;
  const body = { phoneNumberId: data.holder.phoneNumberId };
  const taken = await api<Problem>(request, 'POST', `/users/${data.taker.id}/phone-number`, { token, body });
  expect(taken.status).toBe(409);
  expect(taken.body.detail).toBe(`${formatted(data.holder.e164)} was assigned to someone else. Choose another number.`);

  // If-Match names the taker's current version (their first, v1): re-reading them would not help, so still 409.
  const withIfMatch = await api<Problem>(request, 'POST', `/users/${data.taker.id}/phone-number`, {
    token,
    body,
    headers: { 'If-Match': '"v1"' },
  });
  expect(withIfMatch.status).toBe(409);
  expect(withIfMatch.body.detail).toBe(taken.body.detail);

  const read = await readNumber(request, data, data.holder.phoneNumberId);
  expect(read.body).toMatchObject({ status: 'Assigned', assignee: { userId: data.holder.id }, history: [] });
  expect(await shownOnConsole(http, data, data.taker.id)).toBe(`None ${onOff(OFF)}`);
});

test('a user who has a number is refused another, in the console’s words', async ({ request, console: http, data }) => {
  const { user, spare } = data.hasNumber;
  const refused = await api<Problem>(request, 'POST', `/users/${user.id}/phone-number`, {
    token: data.admin.token.secret,
    body: { phoneNumberId: spare.id },
  });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe(
    `${user.fullName} already has the phone number ${formatted(user.e164)}. Unassign it first to give them another.`,
  );
  expect((await readNumber(request, data, spare.id)).body).toMatchObject({ status: 'Unassigned', assignee: null });
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(user.e164)} ${onOff(OFF)}`);
});

test('unassign: 200 with the user and no number; the number is Unassigned; again is refused', async ({ request, console: http, data }) => {
  const token = data.admin.token.secret;
  const user = data.unassignee;
  const done = await api<User>(request, 'DELETE', `/users/${user.id}/phone-number?notify=false`, { token });
  expect(done.status).toBe(200);
  expect(done.body.phoneNumber).toBeNull();
  expect(done.body.permissions).toEqual(OFF);
  expect(done.headers.etag).toBe(`"v${done.body.version}"`);
  expect((await readNumber(request, data, user.phoneNumberId)).body).toMatchObject({ status: 'Unassigned', assignee: null });
  expect(await shownOnConsole(http, data, user.id)).toBe(`None ${onOff(OFF)}`);

  const again = await api<Problem>(request, 'DELETE', `/users/${user.id}/phone-number`, { token });
  expect(again.status).toBe(422);
  expect(again.body.detail).toBe(`${user.fullName} has no phone number to unassign.`);
});

test('telephony permissions: the fields sent change, the others stay; the console’s refusals', async ({ request, console: http, data }) => {
  const token = data.admin.token.secret;
  const user = data.permitee;
  const path = `/users/${user.id}/telephony-permissions`;
  const first = await api<User>(request, 'PATCH', path, { token, body: { inboundCalling: true, sms: true, notify: false } });
  expect(first.status).toBe(200);
  expect(first.body.permissions).toEqual({ inboundCalling: true, outboundCalling: false, sms: true });
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(user.e164)} Inbound calling On Outbound calling Off SMS On`);

  const second = await api<User>(request, 'PATCH', path, { token, body: { outboundCalling: true, notify: false } });
  expect(second.body.permissions).toEqual({ inboundCalling: true, outboundCalling: true, sms: true });
  expect(second.body.version).toBe(first.body.version + 1);
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(user.e164)} Inbound calling On Outbound calling On SMS On`);
  // As they already are: the user unchanged, the same version, and no audit event.
  const audited = async () =>
    (await api<{ items: unknown[] }>(request, 'GET', `/audit-events?userId=${user.id}`, { token })).body.items.length;
  const events = await audited();
  const same = await api<User>(request, 'PATCH', path, { token, body: { sms: true, notify: true } });
  expect(same.status).toBe(200);
  expect(same.body.version).toBe(second.body.version);
  expect(same.body.permissions).toEqual(second.body.permissions);
  expect(await audited()).toBe(events);

  const empty = await api<Problem>(request, 'PATCH', path, { token, body: {} });
  expect(empty.status).toBe(400);
  const notBoolean = await api<Problem>(request, 'PATCH', path, { token, body: { sms: 'on' } });
  expect(notBoolean.status).toBe(400);
  expect(notBoolean.body.errors![0]!.field).toBe('sms');

  const withoutNumber = await api<Problem>(request, 'PATCH', `/users/${data.noNumber.id}/telephony-permissions`, {
    token,
    body: { inboundCalling: true },
  });
  expect(withoutNumber.status).toBe(422);
  expect(withoutNumber.body.detail).toBe(
    `${data.noNumber.fullName} has no phone number. Telephony permissions need a phone number: assign one first.`,
  );
  expect(await shownOnConsole(http, data, data.noNumber.id)).toBe(`None ${onOff(OFF)}`);
});

test('a stale If-Match is 412 and changes nothing; a malformed one is 400', async ({ request, console: http, data }) => {
  const token = data.admin.token.secret;
  const user = data.stale;
  const path = `/users/${user.id}/telephony-permissions`;
  const first = await api<User>(request, 'PATCH', path, { token, body: { inboundCalling: true, notify: false } });
  const read = first.headers.etag!;
  const current = await api<User>(request, 'PATCH', path, { token, body: { sms: true, notify: false }, headers: { 'If-Match': read } });
  expect(current.status).toBe(200);
  expect(current.headers.etag).not.toBe(read);

  const stale = await api<Problem>(request, 'PATCH', path, { token, body: { outboundCalling: true }, headers: { 'If-Match': read } });
  expect(stale.status).toBe(412);
  const staleUnassign = await api<Problem>(request, 'DELETE', `/users/${user.id}/phone-number`, { token, headers: { 'If-Match': read } });
  expect(staleUnassign.status).toBe(412);
  const malformed = await api<Problem>(request, 'PATCH', path, { token, body: { sms: false }, headers: { 'If-Match': 'v1' } });
  expect(malformed.status).toBe(400);

  expect((await readNumber(request, data, user.phoneNumberId)).body).toMatchObject({ status: 'Assigned', assignee: { userId: user.id } });
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(user.e164)} Inbound calling On Outbound calling Off SMS On`);
});

test('a read-only token is 403 on every workflow and changes nothing', async ({ request, console: http, data }) => {
  const token = data.admin.readOnly.secret;
  const { user, number, holder } = data.readOnlyTarget;
  const assign = await api<Problem>(request, 'POST', `/users/${user.id}/phone-number`, { token, body: { phoneNumberId: number.id } });
  expect(assign.status).toBe(403);
  expect(assign.body.detail).toContain('read-only');
  const unassign = await api<Problem>(request, 'DELETE', `/users/${holder.id}/phone-number`, { token });
  expect(unassign.status).toBe(403);
  const unassignNone = await api<Problem>(request, 'DELETE', `/users/${user.id}/phone-number`, { token });
  expect(unassignNone.status).toBe(403);
  const permissions = await api<Problem>(request, 'PATCH', `/users/${holder.id}/telephony-permissions`, {
    token,
    body: { sms: true },
  });
  expect(permissions.status).toBe(403);

  expect((await readNumber(request, data, number.id)).body).toMatchObject({ status: 'Unassigned', assignee: null });
  expect(await shownOnConsole(http, data, user.id)).toBe(`None ${onOff(OFF)}`);
  expect(await shownOnConsole(http, data, holder.id)).toBe(`${formatted(holder.e164)} ${onOff(OFF)}`);
});

test('a user in another account is 404, answered exactly as one that does not exist', async ({ request, data }) => {
  const token = data.admin.token.secret;
  const { user, number } = data.otherUser;
  const calls = [
    ['POST', 'phone-number', { phoneNumberId: number.id }],
    ['DELETE', 'phone-number', undefined],
    ['PATCH', 'telephony-permissions', { sms: false }],
  ] as const;
  for (const [method, tail, body] of calls) {
    const theirs = await api<Problem>(request, method, `/users/${user.id}/${tail}`, { token, body });
    const missing = await api<Problem>(request, method, `/users/no-such-user/${tail}`, { token, body });
    expect(theirs.status, `${method} ${tail}`).toBe(404);
    expect(theirs.body).toEqual(missing.body);
  }
  expect((await readNumber(request, data, number.id)).body).toMatchObject({ status: 'Unassigned', assignee: null });
});

test('an assign replayed with its Idempotency-Key gets the first answer and assigns once', async ({ request, console: http, data }) => {
  const token = data.admin.token.secret;
  const { user, number } = data.replay;
  const key = `assign-${data.run}`;
  const send = (body: object) =>
    api<User>(request, 'POST', `/users/${user.id}/phone-number`, { token, body, headers: { 'Idempotency-Key': key } });
  const first = await send({ phoneNumberId: number.id, notify: false });
  expect(first.status).toBe(201);
  const replay = await send({ phoneNumberId: number.id, notify: false });
  expect(replay.status).toBe(201);
  expect(replay.headers['idempotency-replayed']).toBe('true');
  expect(replay.headers.etag).toBe(first.headers.etag);
  expect(replay.body).toEqual(first.body);
  const reused = await send({ phoneNumberId: number.id, notify: true });
  expect(reused.status).toBe(422);

  const read = await readNumber(request, data, number.id);
  expect(read.body).toMatchObject({ status: 'Assigned', assignee: { userId: user.id } });
  expect(read.body.history).toHaveLength(1);
  expect(await shownOnConsole(http, data, user.id)).toBe(`${formatted(number.e164)} ${onOff(OFF)}`);
});
