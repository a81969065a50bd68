import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '@/lib/kernel/csv';
import { changeText, tokenLabel } from './format';
import type { AuditRow } from './audit-log';

// The audit log as CSV, written as every export is (lib/kernel/csv.ts: RFC 4180, and a quote mark
// before any cell a spreadsheet would run as a formula, but never before a phone number), with a
// byte-order mark so spreadsheets read UTF-8 names correctly. What each column holds:
// docs/decisions/021-csv-exports.md.

const COLUMNS = [
  { key: 'seq', header: 'Event' },
  { key: 'at', header: 'Time (UTC)' },
  { key: 'admin', header: 'Admin' },
  { key: 'adminEmail', header: 'Admin email' },
  // Beside the admin: the API or provisioning token they acted through, empty for the console.
  { key: 'token', header: 'Token' },
  { key: 'action', header: 'Action' },
  { key: 'outcome', header: 'Outcome' },
  { key: 'account', header: 'Account' },
  { key: 'accountId', header: 'Account ID' },
  { key: 'user', header: 'User' },
  { key: 'userId', header: 'User ID' },
  { key: 'phoneNumber', header: 'Phone number' },
  { key: 'phoneNumberId', header: 'Phone number ID' },
  { key: 'changes', header: 'Before → after' },
  { key: 'detail', header: 'Detail' },
] as const;

const OPTIONS = { ...CSV_OPTIONS, columns: [...COLUMNS] };

/** The first line of the file (with the byte-order mark). */
export function auditCsvHeader(): string {
  return stringify([], { ...OPTIONS, header: true, bom: true });
}

/** Some events as CSV lines, without the header. */
export function auditCsvLines(rows: AuditRow[]): string {
  return stringify(
    rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      admin: r.who.kind === 'admin' ? r.who.name : r.who.kind === 'system' ? r.who.name : 'Not signed in',
      adminEmail: r.who.kind === 'system' ? '' : r.who.email,
      token: r.token ? tokenLabel(r.token) : '',
      action: r.actionLabel,
      outcome: r.outcome,
      account: r.account?.label ?? '',
      // Ids only of what the admin may open, like the links on the page.
      accountId: r.account?.href ? r.account.id : '',
      user: r.user?.label ?? '',
      userId: r.user?.href ? r.user.id : '',
      // E.164 for a program to read; the label only when the number is not known at all.
      phoneNumber: r.phoneNumber ? (r.phoneNumber.e164 ?? r.phoneNumber.label) : '',
      phoneNumberId: r.phoneNumber?.id ?? '',
      changes: (r.requested ? 'Asked for: ' : '') + r.changes.map(changeText).join('; '),
      detail: r.detail ?? '',
    })),
    { ...OPTIONS, header: false },
  );
}

/** "switchboard-audit-2026-11-28.csv", the day (UTC) of the download. */
export function auditCsvFilename(now = new Date()): string {
  return `switchboard-audit-${now.toISOString().slice(0, 10)}.csv`;
}
