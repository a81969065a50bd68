// Contract tests of GET /api/v1/audit-events against the production build: every answer is
// checked against the OpenAPI document (e2e/api.ts); what it lists against what the fixture did
// through the data layer, and what the console's audit log would show this admin.
import { expect, test as base } from '@playwright/test';
import { api } from './api';
import fixture from './api-audit.fixture';
import { formatted } from './fixture';

const test = base.extend<{ data: ReturnType<typeof fixture.data> }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
});

type Subject = { id: string; label: string };
type AuditEvent = {
  id: string;
  at: string;
  admin: { id: string; name: string; email: string } | null;
  token: { id: string; name: string } | null;
  action: string;
  outcome: string;
  account: Subject | null;
  user: Subject | null;
  phoneNumber: Subject | null;
  changes: { field: string; before?: string; after?: string }[];
  requested: boolean;
  before: unknown;
  after: unknown;
  detail: string | null;
};
type Page = { items: AuditEvent[]; next: string | null; prev: string | null };

test('an admin reads their account’s events, newest first, named as the console names them, with the token used', async ({
  request,
  data,
}) => {
  const token = data.scoped.token.secret;
  const list = await api<Page>(request, 'GET', `/audit-events?accountId=${data.mine.id}`, { token });
  expect(list.status).toBe(200);
  expect(list.headers['cache-control']).toBe('no-store');
  expect(list.body.items.map((e) => [e.action, e.outcome])).toEqual([
    ['edit-telephony-permissions', 'Conflict'],
    ['edit-telephony-permissions', 'Done'],
  ]);
  const [conflict, done] = list.body.items as [AuditEvent, AuditEvent];
  expect(done).toMatchObject({
    admin: { id: data.scoped.id, name: data.scoped.name, email: data.scoped.email },
    token: { id: data.scoped.token.id, name: data.scoped.token.name },
    account: { id: data.mine.id, label: data.mine.name },
    user: { id: data.subject.id, label: data.subject.fullName },
    phoneNumber: { id: data.subject.phoneNumberId, label: formatted(data.subject.e164) },
    before: { inboundCalling: false, outboundCalling: false, sms: false },
    after: { inboundCalling: true, outboundCalling: false, sms: false },
    changes: [{ field: 'Inbound calling', before: 'Off', after: 'On' }],
    requested: false,
    detail: null,
  });
  expect(Date.parse(done.at)).toBeGreaterThan(0);
  // The stale edit came from the console: no token; what it asked for, and the console's message.
  expect(conflict.token).toBeNull();
  expect(conflict.requested).toBe(true);
  expect(conflict.detail).toContain(`Someone else changed ${data.subject.fullName}`);

  // Each filter narrows to what it names.
  const conflicts = await api<Page>(request, 'GET', `/audit-events?accountId=${data.mine.id}&outcome=Conflict`, { token });
  expect(conflicts.body.items.map((e) => e.id)).toEqual([conflict.id]);
  const aboutUser = await api<Page>(request, 'GET', `/audit-events?userId=${data.subject.id}&action=edit-telephony-permissions`, { token });
  expect(aboutUser.body.items.map((e) => e.id)).toEqual([conflict.id, done.id]);
  const aboutNumber = await api<Page>(request, 'GET', `/audit-events?phoneNumberId=${data.subject.phoneNumberId}&outcome=Done`, { token });
  expect(aboutNumber.body.items.map((e) => e.id)).toEqual([done.id]);
  const none = await api<Page>(request, 'GET', `/audit-events?accountId=${data.mine.id}&action=assign-phone-number`, { token });
  expect(none.body.items).toEqual([]);
});

test('another account’s events are not there for a scoped admin; an admin of every account sees them', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const byAccount = await api<Page>(request, 'GET', `/audit-events?accountId=${data.other.id}`, { token });
  expect(byAccount.status).toBe(200);
  expect(byAccount.body.items).toEqual([]);
  const byUser = await api<Page>(request, 'GET', `/audit-events?userId=${data.hidden.id}`, { token });
  expect(byUser.body.items).toEqual([]);
  const everything = await api<Page>(request, 'GET', '/audit-events?limit=100', { token });
  expect(everything.body.items.length).toBeGreaterThan(0);
  expect(everything.body.items.filter((e) => e.account?.id === data.other.id || e.user?.id === data.hidden.id)).toEqual([]);

  const full = await api<Page>(request, 'GET', `/audit-events?accountId=${data.other.id}`, { token: data.full.token.secret });
  expect(full.body.items.map((e) => [e.action, e.outcome, e.user?.label, e.token])).toEqual([
    ['edit-telephony-permissions', 'Done', data.hidden.fullName, null],
  ]);
});

test('a refused call is audited with the token it named, and pages follow the Link header', async ({ request, data }) => {
  const refused = await api(request, 'GET', '/accounts', { token: data.scoped.revoked.secret });
  expect(refused.status).toBe(401);
  const token = data.scoped.token.secret;
  const denied = await api<Page>(request, 'GET', `/audit-events?action=api-request&adminId=${data.scoped.id}`, { token });
  expect(denied.body.items.map((e) => [e.outcome, e.token?.name, e.detail])).toEqual([
    ['Denied', data.scoped.revoked.name, 'That API token has been revoked.'],
  ]);
  expect(denied.body.items[0]!.after).toEqual({ method: 'GET', path: '/api/v1/accounts', reason: 'revoked' });

  const first = await api<Page>(request, 'GET', `/audit-events?accountId=${data.mine.id}&limit=1`, { token });
  expect(first.body.items).toHaveLength(1);
  expect(first.body.prev).toBeNull();
  const next = first.headers.link?.match(/<([^>]+)>; rel="next"/)?.[1];
  expect(next).toContain('limit=1');
  const second = await api<Page>(request, 'GET', next!, { token });
  expect(second.body.items).toHaveLength(1);
  expect(second.body.items[0]!.outcome).toBe('Done');
  expect(first.body.items[0]!.outcome).toBe('Conflict');
  expect(second.body.next).toBeNull();
});

test('a filter the console would ignore is a 400 naming it here, and no token is a 401', async ({ request, data }) => {
  const token = data.scoped.token.secret;
  const bad = await api<{ errors: { field: string }[] }>(request, 'GET', '/audit-events?outcome=done&from=2026-02-30&limit=0', { token });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['from', 'limit', 'outcome']);
  const noToken = await api(request, 'GET', '/audit-events');
  expect(noToken.status).toBe(401);
});
