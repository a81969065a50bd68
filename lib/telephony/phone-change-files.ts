import 'server-only';
import { stringify } from 'csv-stringify/sync';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { decodeCsvFile, CsvUploadError, shownInput } from '@/lib/forms/csv-upload';
import { recordAudit, type AuditAction } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { mutate, TX_OPTIONS, type Db } from '@/lib/kernel/mutation';
import { canSeeAccount, scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import {
  carryOut,
  ChangeFileError,
  evaluateChange,
  OUTCOME_LABELS,
  OUTCOMES,
  parseChangeFile,
  type ChangeFile,
  type ChangeRow,
  type Decision,
  type NumberNow,
  type Outcome,
  type RowOutcome,
  type UserNow,
} from './phone-change-file';
import { assignPhoneNumber, editTelephonyPermissions, unassignPhoneNumber } from './telephony';

// "Change phone numbers from a file", in two steps as "Import users" does it: the upload is read
// and dry-run against the account as it is, and kept (PhoneNumberChangeFile) so the dry run
// survives a page load without JavaScript; nothing changes. Apply then makes each row's change one
// after another through the console's own data functions (assignPhoneNumber, unassignPhoneNumber,
// editTelephonyPermissions): one short transaction and one audit row each, the same conditional
// writes, the same refusals. Each row is evaluated again just before its change, from its user and
// number as they are then, so a row whose outcome changed since the dry run says what happened.

const ACTION: AuditAction = 'change-phone-numbers-from-file';
/** Users or numbers per `in (…)` query of the dry run. */
const LOOKUP_CHUNK = 1000;
/** Rows the dry-run and result pages show; the result CSV has them all. */
export const SHOWN_ROWS = 500;
/** Files never applied are kept this long, so an admin can come back to one, then tidied away. */
const UNAPPLIED_KEPT_MS = 24 * 60 * 60 * 1000;

const notFound = () => new DomainError('not-found', 'That account does not exist, or you do not administer it.');

const userSelect = {
  id: true,
  fullName: true,
  email: true,
  version: true,
  registrationStatus: true,
  inboundCalling: true,
  outboundCalling: true,
  sms: true,
  phoneNumber: { select: { id: true, e164: true, canSms: true } },
} as const;
const numberSelect = { id: true, e164: true, status: true, type: true, productType: true, canSms: true, userId: true } as const;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;
type NumberRow = Prisma.PhoneNumberGetPayload<{ select: typeof numberSelect }>;

const userNow = ({ registrationStatus, email: _email, ...u }: UserRow): UserNow => ({
  ...u,
  suspended: registrationStatus === 'Suspended',
});
const numberNow = ({ type, productType, ...n }: NumberRow): NumberNow => ({
  ...n,
  assignable: productType === 'BusinessCalling' && type === 'Local',
});
const isEmail = (userKey: string) => userKey.includes('@');

/**
 * Reads an uploaded CSV of changes for one account, works out what each row would do if applied
 * now (rows in file order, each seeing the ones before it), and keeps both for the dry-run page.
 * Changes nothing else.
 */
export async function dryRunChangeFile(admin: SessionAdmin, accountId: string, csv: Uint8Array | string): Promise<{ id: string }> {
  return mutate(admin, { action: ACTION, permission: 'change', about: { accountId } }, async ({ db, write }) => {
    const account = await db.account.findFirst({ where: { id: accountId }, select: { status: true } });
    if (!account) throw notFound();
    let file: ChangeFile;
    try {
      file = parseChangeFile(csv instanceof Uint8Array ? decodeCsvFile(csv, 'the changes') : csv);
    } catch (err) {
      if (err instanceof ChangeFileError || err instanceof CsvUploadError) throw new DomainError('invalid', err.message, 'csv');
      throw err;
    }
    const { users, numbers } = await loadWorld(db, accountId, file.rows);
    const world = {
      accountSuspended: account.status === 'Suspended',
      user: (k: string) => users.get(k),
      number: (e: string) => numbers.get(e),
    };
    const dryRun: RowOutcome[] = file.rows.map((row) => {
      const decision = evaluateChange(row, world);
      carryOut(decision, users, numbers);
      return plain(decision);
    });
    return write(async (tx) => {
      await tx.phoneNumberChangeFile.deleteMany({
        where: { adminId: admin.id, appliedAt: null, createdAt: { lt: new Date(Date.now() - UNAPPLIED_KEPT_MS) } },
      });
      return tx.phoneNumberChangeFile.create({
        data: {
          adminId: admin.id,
          accountId,
          rows: file as unknown as Prisma.InputJsonValue,
          dryRun: dryRun as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
    });
  });
}

const plain = ({ outcome, message, userId }: Decision): RowOutcome => (userId ? { outcome, message, userId } : { outcome, message });

/** Every user and number the rows name, in a few queries: keyed by what the rows call them. */
async function loadWorld(db: Db, accountId: string, rows: ChangeRow[]) {
  const keys = [...new Set(rows.flatMap((r) => (r.user && !r.error ? [r.user] : [])))];
  const emails = keys.filter(isEmail);
  const ids = keys.filter((k) => !isEmail(k));
  const users = new Map<string, UserNow>();
  const heldNumbers = new Set<string>();
  for (const [field, list] of [
    ['activeEmail', emails],
    ['id', ids],
  ] as const) {
    for (let i = 0; i < list.length; i += LOOKUP_CHUNK) {
      const found = await db.user.findMany({
        where: { accountId, removedAt: null, [field]: { in: list.slice(i, i + LOOKUP_CHUNK) } },
        select: userSelect,
      });
      for (const u of found) {
        users.set(field === 'id' ? u.id : u.email, userNow(u));
        if (u.phoneNumber) heldNumbers.add(u.phoneNumber.e164);
      }
    }
  }
  const wanted = [...new Set([...rows.flatMap((r) => (r.e164 && !r.error ? [r.e164] : [])), ...heldNumbers])];
  const numbers = new Map<string, NumberNow>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const found = await db.phoneNumber.findMany({ where: { e164: { in: wanted.slice(i, i + LOOKUP_CHUNK) } }, select: numberSelect });
    for (const n of found) numbers.set(n.e164, numberNow(n));
  }
  return { users, numbers };
}

export type ShownRow = RowOutcome & { line: number; input: string };
export type ChangeFileView = {
  id: string;
  account: { id: string; name: string };
  createdAt: Date;
  appliedAt: Date | null;
  rowCount: number;
  /** How many rows have each outcome: the dry run's, or once applied, what happened. */
  counts: Record<Outcome, number>;
  /** The first SHOWN_ROWS rows, in file order. */
  rows: ShownRow[];
};

/** A file of changes, only for the admin who uploaded it, and only while they administer its account. */
export async function getChangeFile(admin: SessionAdmin, accountId: string, fileId: string): Promise<ChangeFileView | null> {
  const found = await readChangeFile(admin, accountId, fileId);
  if (!found) return null;
  const { record, account, file, outcomes } = found;
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const o of outcomes) counts[o.outcome]++;
  return {
    id: record.id,
    account,
    createdAt: record.createdAt,
    appliedAt: record.appliedAt,
    rowCount: file.rows.length,
    counts,
    rows: file.rows
      .slice(0, SHOWN_ROWS)
      .map((row, i) => ({ line: row.line, input: shownInput(trimmed(row.cells).join(', ')), ...outcomes[i]! })),
  };
}

function trimmed(cells: string[]): string[] {
  const typed = cells.map((c) => c.trim());
  while (typed.length > 1 && !typed[typed.length - 1]) typed.pop();
  return typed;
}

async function readChangeFile(admin: SessionAdmin, accountId: string, fileId: string) {
  if (!canSeeAccount(admin, accountId)) return null;
  const db = await scopedPrisma(admin);
  const [account, record] = await Promise.all([
    db.account.findFirst({ where: { id: accountId }, select: { id: true, name: true } }),
    db.phoneNumberChangeFile.findFirst({
      where: { id: fileId, adminId: admin.id, accountId },
      select: { id: true, createdAt: true, appliedAt: true, rows: true, dryRun: true, results: true },
    }),
  ]);
  if (!account || !record) return null;
  const file = record.rows as unknown as ChangeFile;
  // Applied but not yet finished (another request is applying it): the dry run until it is.
  const outcomes = ((record.results ?? record.dryRun) as unknown as RowOutcome[]) ?? [];
  return { record, account, file, outcomes };
}

export type ApplyResult = {
  counts: Record<Outcome, number>;
  /** Already applied (a second Apply, or a replay): nothing was changed now. */
  repeated: boolean;
};

/**
 * Makes each row's change, one after another, each through the console's data function for it
 * (one transaction and audit row each), evaluated again just before from its user and number as
 * they are then. The file is claimed first with a conditional write, so applying twice changes
 * nothing twice. `onRow` hears each row's outcome (the benchmark counts them).
 */
export async function applyChangeFile(
  admin: SessionAdmin,
  accountId: string,
  fileId: string,
  options: { onRow?: (outcome: RowOutcome) => void } = {},
): Promise<ApplyResult> {
  const claimed = await mutate(
    admin,
    { action: ACTION, permission: 'change', about: { accountId, attempted: { fileId } } },
    async ({ db, write }) => {
      const [account, record] = await Promise.all([
        db.account.findFirst({ where: { id: accountId }, select: { id: true } }),
        db.phoneNumberChangeFile.findFirst({
          where: { id: fileId, adminId: admin.id, accountId },
          select: { rows: true, appliedAt: true },
        }),
      ]);
      if (!account) throw notFound();
      if (!record) throw new DomainError('not-found', 'That file of changes does not exist, or was not uploaded by you. Upload it again.');
      if (record.appliedAt) return null;
      const won = await write((tx) =>
        tx.phoneNumberChangeFile.updateMany({ where: { id: fileId, adminId: admin.id, appliedAt: null }, data: { appliedAt: new Date() } }),
      );
      return won.count === 1 ? (record.rows as unknown as ChangeFile) : null;
    },
  );
  if (!claimed) {
    const view = await getChangeFile(admin, accountId, fileId);
    return { counts: view?.counts ?? countsOf([]), repeated: true };
  }

  const db = await scopedPrisma(admin);
  const results: RowOutcome[] = [];
  for (const row of claimed.rows) {
    const outcome = await applyRow(admin, db, accountId, row);
    results.push(outcome);
    options.onRow?.(outcome);
  }
  const counts = countsOf(results);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.phoneNumberChangeFile.update({
      where: { id: fileId },
      data: { results: results as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    const changed = counts.assign + counts.unassign + counts['set-permissions'];
    await recordAudit(tx, {
      admin,
      action: ACTION,
      outcome: 'Done',
      accountId,
      after: { fileId, rows: results.length, ...counts },
      detail: `Applied a file of ${results.length} rows: ${changed} changed (each audited on its own), ${results.length - changed} not`,
    });
  }, TX_OPTIONS);
  return { counts, repeated: false };
}

function countsOf(results: RowOutcome[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of results) counts[r.outcome]++;
  return counts;
}

/** One row at Apply: its user and number read now, evaluated, and if it is a change, made. */
async function applyRow(admin: SessionAdmin, db: Db, accountId: string, row: ChangeRow): Promise<RowOutcome> {
  const world = await rowWorld(db, accountId, row);
  const decision = evaluateChange(row, world);
  const { user } = decision;
  if (!user) return plain(decision);
  const target = { accountId, userId: user.id };
  try {
    let repeated = false;
    if (decision.outcome === 'assign') {
      repeated = (await assignPhoneNumber(admin, { ...target, phoneNumberId: decision.number!.id, userVersion: user.version })).repeated;
    } else if (decision.outcome === 'unassign') {
      repeated = (await unassignPhoneNumber(admin, { ...target, phoneNumberId: user.phoneNumber!.id, version: user.version })).repeated;
    } else if (decision.outcome === 'set-permissions') {
      repeated = (await editTelephonyPermissions(admin, { ...target, version: user.version, ...decision.wanted! })).repeated;
    } else return plain(decision);
    return repeated ? { outcome: 'no-change', message: 'Already done', userId: user.id } : plain(decision);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const outcome: Outcome =
      err.kind === 'conflict'
        ? 'conflict'
        : err.kind === 'not-found'
          ? 'user-not-found'
          : err.kind === 'invalid' && err.field === 'phoneNumberId'
            ? 'not-assignable'
            : 'refused';
    return { outcome, message: err.message, userId: user.id };
  }
}

async function rowWorld(db: Db, accountId: string, row: ChangeRow) {
  if (row.error || !row.user) return { accountSuspended: false, user: () => undefined, number: () => undefined };
  // The account's status is not read here: assignPhoneNumber checks it under a lock, and its
  // refusal is the row's outcome.
  const [user, number] = await Promise.all([
    db.user.findFirst({
      where: { accountId, removedAt: null, ...(isEmail(row.user) ? { activeEmail: row.user } : { id: row.user }) },
      select: userSelect,
    }),
    row.e164 ? db.phoneNumber.findUnique({ where: { e164: row.e164 }, select: numberSelect }) : null,
  ]);
  const u = user ? userNow(user) : undefined;
  const n = number ? numberNow(number) : undefined;
  return { accountSuspended: false, user: () => u, number: () => n };
}

// The result as CSV: the file's own columns, then what happened to each row. RFC 4180 with a
// byte-order mark, and every cell that could start a formula (= + - @ tab CR) prefixed with ', as
// the other exports do (lib/audit/csv.ts, lib/directory/user-export.ts).

/** The result CSV of an applied file (or of the dry run, before), or null when it is not the admin's. */
export async function changeFileCsv(
  admin: SessionAdmin,
  accountId: string,
  fileId: string,
): Promise<{ csv: string; applied: boolean } | null> {
  const found = await readChangeFile(admin, accountId, fileId);
  if (!found) return null;
  const { file, outcomes, record } = found;
  const applied = Boolean(record.results);
  const width = Math.max(file.header.length, ...file.rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const csv = stringify(
    [
      [...pad(file.header), 'Outcome', 'Message'],
      ...file.rows.map((row, i) => {
        const o = outcomes[i]!;
        return [...pad(row.cells), applied ? OUTCOME_LABELS[o.outcome].applied : OUTCOME_LABELS[o.outcome].dryRun, o.message];
      }),
    ],
    { record_delimiter: 'windows', escape_formulas: true, bom: true },
  );
  return { csv, applied };
}
