import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditCsvFilename, auditCsvHeader, auditCsvLines } from './csv';
import type { AuditRow } from './audit-log';

const row = (overrides: Partial<AuditRow> = {}): AuditRow => ({
  id: 'e1',
  seq: '42',
  at: new Date('2026-03-01T09:30:00.123Z'),
  who: { kind: 'admin', adminId: 'a1', name: 'Ana Admin', email: 'ana@example.com' },
  token: null,
  action: 'edit-telephony-permissions',
  actionLabel: 'Edited telephony permissions',
  outcome: 'Done',
  account: { id: 'acc1', label: 'Example Corp, "Sales"', href: '/accounts/acc1' },
  user: { id: 'u1', label: 'Zoë O’Brien', href: '/accounts/acc1/users/u1' },
  phoneNumber: { id: 'n1', label: '+1 206 555 0100', href: '/phone-numbers/n1', e164: '+12065550100' },
  changes: [
    { field: 'Inbound calling', before: 'Off', after: 'On' },
    { field: 'SMS', before: 'Off', after: 'On' },
  ],
  requested: false,
  before: { inboundCalling: false, sms: false },
  after: { inboundCalling: true, sms: true },
  detail: null,
  ...overrides,
});

test('a header row, with a byte-order mark, and CRLF between records', () => {
  assert.equal(
    auditCsvHeader(),
    '\uFEFFEvent,Time (UTC),Admin,Admin email,Token,Action,Outcome,Account,Account ID,User,User ID,Phone number,Phone number ID,Before → after,Detail\r\n',
  );
});

test('RFC 4180 quoting; the phone number as E.164, exactly; cells that a spreadsheet would run as a formula start with a quote mark', () => {
  const text = auditCsvLines([
    row(),
    row({
      seq: '41',
      who: { kind: 'attempt', email: '=HYPERLINK("http://evil.example")@x' },
      user: { id: 'u2', label: 'A user in an account you do not administer' },
      changes: [],
      detail: 'line one\r\nline two',
    }),
    row({ seq: '40', who: { kind: 'system', name: 'System' }, detail: '@SUM(A1)', account: null, user: null }),
    row({ seq: '39', detail: '-2+3', changes: [{ field: 'SMS', after: 'On' }], requested: true, outcome: 'Conflict' }),
    row({ seq: '38', token: { id: 't38', name: 'deploy, "nightly"', kind: 'Personal' } }),
    row({ seq: '37', token: { id: 't37', name: '=cmd', kind: 'Provisioning' } }),
  ]);
  const lines = text.split('\r\n');
  assert.equal(
    lines[0],
    '42,2026-03-01T09:30:00.123Z,Ana Admin,ana@example.com,,Edited telephony permissions,Done,"Example Corp, ""Sales""",acc1,Zoë O’Brien,u1,+12065550100,n1,Inbound calling: Off → On; SMS: Off → On,',
  );
  assert.equal(
    lines[1],
    '41,2026-03-01T09:30:00.123Z,Not signed in,"\'=HYPERLINK(""http://evil.example"")@x",,Edited telephony permissions,Done,"Example Corp, ""Sales""",acc1,A user in an account you do not administer,,+12065550100,n1,,"line one',
  );
  assert.equal(lines[2], 'line two"');
  assert.equal(
    lines[3],
    "40,2026-03-01T09:30:00.123Z,System,,,Edited telephony permissions,Done,,,,,+12065550100,n1,Inbound calling: Off → On; SMS: Off → On,'@SUM(A1)",
  );
  assert.match(lines[4]!, /,Conflict,.*,Asked for: SMS: On,'-2\+3$/);
  // Beside the admin, the token they acted through; its name is quoted like any other text.
  assert.match(lines[5]!, /^38,[^,]+,Ana Admin,ana@example.com,"API token “deploy, ""nightly""”",Edited telephony permissions,Done,/);
  assert.match(lines[6]!, /^37,[^,]+,Ana Admin,ana@example.com,provisioning token “=cmd”,Edited/);
  assert.equal(lines[7], '');
  assert.equal(lines.length, 8);
});

test('the file is named for the day of the download', () => {
  assert.equal(auditCsvFilename(new Date('2026-11-28T23:59:59Z')), 'switchboard-audit-2026-11-28.csv');
});
