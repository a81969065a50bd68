import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '@/lib/kernel/csv';
import { keysetPage } from '@/lib/kernel/pagination';
import { label } from '@/lib/kernel/labels';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { userListWhere } from './users';
import type { UserFilters } from './user-params';

// "Export users": an account's present users as CSV, filtered and searched as on the Users page,
// read batch by batch in the list's own order (keyset, no OFFSET), so an export of any size holds
// one batch in memory. Written as every export is (lib/kernel/csv.ts), with a byte-order mark; the
// phone number as E.164 (docs/decisions/021-csv-exports.md).

const COLUMNS = [
  { key: 'fullName', header: 'Full name' },
  { key: 'email', header: 'Email' },
  { key: 'userType', header: 'User type' },
  { key: 'license', header: 'Licence' },
  { key: 'registrationStatus', header: 'Registration status' },
  { key: 'invitationStatus', header: 'Invitation status' },
  { key: 'phoneNumber', header: 'Phone number' },
  { key: 'inboundCalling', header: 'Inbound calling' },
  { key: 'outboundCalling', header: 'Outbound calling' },
  { key: 'sms', header: 'SMS' },
] as const;

const OPTIONS = { ...CSV_OPTIONS, columns: [...COLUMNS] };

const exportSelect = {
  id: true,
  fullName: true,
  email: true,
  userType: true,
  license: true,
  registrationStatus: true,
  invitationStatus: true,
  inboundCalling: true,
  outboundCalling: true,
  sms: true,
  phoneNumber: { select: { e164: true } },
} as const;

export type ExportedUser = {
  id: string;
  fullName: string;
  email: string;
  userType: string;
  license: string;
  registrationStatus: string;
  invitationStatus: string;
  inboundCalling: boolean;
  outboundCalling: boolean;
  sms: boolean;
  phoneNumber: { e164: string } | null;
};

/** The account to export, or null when it does not exist or this admin does not administer it. */
export async function findExportableAccount(admin: SessionAdmin, accountId: string): Promise<{ id: string; name: string } | null> {
  const prisma = await scopedPrisma(admin);
  return prisma.account.findFirst({ where: { id: accountId }, select: { id: true, name: true } });
}

/** The matching users of one account, `batchSize` at a time, in name order; nothing for an account not theirs. */
export async function* exportUsers(
  admin: SessionAdmin,
  accountId: string,
  filters: UserFilters,
  q: string | undefined,
  batchSize = 1000,
): AsyncGenerator<ExportedUser[]> {
  const prisma = await scopedPrisma(admin);
  const matching = userListWhere(filters, q);
  let after: string | undefined;
  for (;;) {
    const page = keysetPage('fullName', { after }, batchSize);
    const fetched = await prisma.user.findMany({
      where: { AND: [{ accountId }, matching, page.where] },
      orderBy: page.orderBy,
      take: page.take,
      select: exportSelect,
    });
    const result = page.toPage(fetched);
    if (result.rows.length) yield result.rows;
    if (!result.nextCursor) return;
    after = result.nextCursor;
  }
}

const onOff = (on: boolean) => (on ? 'On' : 'Off');

/** The first line of the file (with the byte-order mark). */
export function userCsvHeader(): string {
  return stringify([], { ...OPTIONS, header: true, bom: true });
}

/** Some users as CSV lines, without the header. */
export function userCsvLines(rows: ExportedUser[]): string {
  return stringify(
    rows.map((u) => ({
      fullName: u.fullName,
      email: u.email,
      userType: label(u.userType),
      license: label(u.license),
      registrationStatus: label(u.registrationStatus),
      invitationStatus: label(u.invitationStatus),
      phoneNumber: u.phoneNumber?.e164 ?? '',
      inboundCalling: onOff(u.inboundCalling),
      outboundCalling: onOff(u.outboundCalling),
      sms: onOff(u.sms),
    })),
    { ...OPTIONS, header: false },
  );
}

/** "switchboard-users-acme-sales-2026-12-01.csv": the account's name as letters and digits, and the day (UTC). */
export function userCsvFilename(accountName: string, now = new Date()): string {
  const slug =
    accountName
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'account';
  return `switchboard-users-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
