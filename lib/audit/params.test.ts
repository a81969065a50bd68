import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditHref, dayRange, parseAuditFilters } from './params';

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
      to: '2026-03-01',
      after: '5',
      extra: 'x',
    }),
    {
      adminId: 'a1',
      accountId: 'acc1',
      userId: 'u_1',
      phoneNumberId: 'n-1',
      action: 'assign-phone-number',
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
  assert.equal(auditHref({ outcome: 'Denied', action: 'sign-in', userId: 'u1' }), '/audit?userId=u1&action=sign-in&outcome=Denied');
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
