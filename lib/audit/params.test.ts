import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsWanted, auditDayErrors, auditHref, dayRange, parseAuditFilters, parseDay } from './params';

test('audit filters: good values kept, bad ones ignored, first of repeated keys', () => {
  assert.deepEqual(
    parseAuditFilters({
      adminId: 'a1',
      accountId: ['acc1', 'acc2'],
      userId: 'u_1',
      phoneNumberId: 'n-1',
      action: 'assign-phone-number',
      outcome: 'Conflict',
      from: '2026-02-28',
      to: '1 Mar 2026',
      after: '5',
      extra: 'x',
    }),
    {
      adminId: 'a1',
      accountId: 'acc1',
      userId: 'u_1',
      phoneNumberId: 'n-1',
      action: ['assign-phone-number'],
      outcome: 'Conflict',
      from: '2026-02-28',
      to: '2026-03-01',
    },
  );
  assert.deepEqual(
    parseAuditFilters({
      adminId: '../etc',
      accountId: 'x'.repeat(65),
      userId: "1' or '1'='1",
      action: 'drop-table',
      outcome: 'done',
      from: '2026-02-30',
      to: '01/03/2026',
    }),
    {},
  );
  assert.deepEqual(parseAuditFilters({ action: '', outcome: '', from: '' }), {});
});

test('a link carries the filters that apply, in a stable order', () => {
  assert.equal(auditHref({}), '/audit');
  assert.equal(auditHref({ outcome: 'Denied', action: ['sign-in'], userId: 'u1' }), '/audit?userId=u1&action=sign-in&outcome=Denied');
  assert.equal(
    auditHref({ action: ['sign-in', 'add-user'], changes: 'only', from: '2026-12-01' }),
    '/audit?action=sign-in&action=add-user&changes=only&from=2026-12-01',
  );
  assert.equal(auditHref({ from: '2026-01-01' }, '/audit/export'), '/audit/export?from=2026-01-01');
});

test('days are UTC and "to" includes its whole day', () => {
  assert.deepEqual(dayRange({}), {});
  assert.deepEqual(dayRange({ from: '2026-03-01', to: '2026-03-01' }), {
    gte: new Date('2026-03-01T00:00:00.000Z'),
    lt: new Date('2026-03-02T00:00:00.000Z'),
  });
  assert.deepEqual(dayRange({ to: '2026-12-31' }), { lt: new Date('2027-01-01T00:00:00.000Z') });
});

test('several actions: each known one once, in the log’s order; unknown ones dropped, not the rest', () => {
  assert.deepEqual(parseAuditFilters({ action: ['add-user', 'drop-table', 'assign-phone-number', 'add-user'] }), {
    action: ['assign-phone-number', 'add-user'],
  });
  assert.deepEqual(parseAuditFilters({ action: ['drop-table'] }), {});
  assert.deepEqual(parseAuditFilters({ changes: 'only' }), { changes: 'only' });
  assert.deepEqual(parseAuditFilters({ changes: 'yes' }), {});
});

test('changes only leaves out sign-ins, refused looks and refused API requests, also from a choice of actions', () => {
  const wanted = actionsWanted({ changes: 'only' }) ?? [];
  for (const noise of ['sign-in', 'signed-out-attempt', 'view-admins', 'api-request'] as const) assert.ok(!wanted.includes(noise), noise);
  assert.ok(wanted.includes('assign-phone-number') && wanted.includes('add-phone-numbers'));
  assert.deepEqual(actionsWanted({ action: ['sign-in', 'add-user'], changes: 'only' }), ['add-user']);
  assert.deepEqual(actionsWanted({ action: 'sign-in' }), ['sign-in']);
  assert.equal(actionsWanted({}), undefined);
});

test('a day is typed as the pages write it or as ISO; anything else is said to be wrong, as typed', () => {
  assert.equal(parseDay('1 Dec 2026'), '2026-12-01');
  assert.equal(parseDay(' 01  december 2026 '), '2026-12-01');
  assert.equal(parseDay('1 Sept 2026'), '2026-09-01');
  assert.equal(parseDay('2026-12-01'), '2026-12-01');
  for (const bad of ['31 Feb 2026', '12/01/2026', 'Dec 1 2026', '1 Decem 2026', '']) assert.equal(parseDay(bad), undefined, bad);
  assert.deepEqual(auditDayErrors({ from: '12/01/2026', to: '2 Dec 2026' }), { from: '12/01/2026' });
  assert.deepEqual(parseAuditFilters({ from: '12/01/2026', to: '2 Dec 2026' }), { to: '2026-12-02' });
});
