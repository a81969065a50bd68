import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decodeCsvFile, CsvUploadError } from '@/lib/forms/csv-upload';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { newId } from '@/lib/kernel/ids';
import { mutate, type Tx } from '@/lib/kernel/mutation';
import { canSeeAccount, scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { composeInvitation } from '@/lib/notifications/compose';
import { parseUserList, UserListError, type ImportLicense, type ImportUserType, type UserImportEntry } from './user-import-parse';

// "Import users" in two steps, as "Add phone numbers" does it (lib/inventory/phone-number-imports.ts):
// a preview that says what each line will become, kept in the database so that it survives a page
// load without JavaScript, then the import itself. The preview is checked against the account;
// the import does not trust that check (someone may add the same people meanwhile) and relies on
// the unique index on (accountId, activeEmail) instead: a clash is skipped and counted, never a
// second user. Unlike numbers, each user also gets an invitation email, so the import runs in
// batches of IMPORT_BATCH users, one short transaction each (PGlite runs one at a time), each with
// its users, their invitations in the outbox and its audit row.

const ACTION = 'import-users';
/** Addresses per `activeEmail in (…)` query. */
const LOOKUP_CHUNK = 1000;
/** Users per transaction: each is a few milliseconds' work for the database, and never holds it long. */
export const IMPORT_BATCH = 1000;
/** Rows of each table the preview shows; the rest are counted. */
export const PREVIEW_ROWS = 200;
/** Unimported previews are kept this long, so an admin can come back to one, then tidied away. */
const UNIMPORTED_KEPT_MS = 24 * 60 * 60 * 1000;

/** A line as stored in the import: accepted lines also carry the licence they get, and whether it is the account's default. */
type StoredEntry = UserImportEntry & { defaultLicense?: boolean };

export type PreviewUsersInput = {
  /** Pasted lines; ignored when `csv` is given. */
  text?: string;
  /** A CSV file as uploaded (its bytes), or its text. */
  csv?: Uint8Array | string;
};

const notFound = () => new DomainError('not-found', 'That account does not exist, or you do not administer it.');

/**
 * Checks every line an admin gave for one account and keeps the verdicts as an import to preview:
 * rejected lines with their reason (including people already in the account), accepted ones with
 * the user type and licence they will get. Writes nothing but the preview.
 */
export async function previewUserImport(admin: SessionAdmin, accountId: string, input: PreviewUsersInput): Promise<{ id: string }> {
  return mutate(admin, { action: ACTION, permission: 'change', about: { accountId } }, async ({ db, write }) => {
    const account = await db.account.findFirst({ where: { id: accountId }, select: { id: true, defaultLicense: true } });
    if (!account) throw notFound();
    let parsed: UserImportEntry[];
    try {
      const csv = input.csv instanceof Uint8Array ? decodeCsvFile(input.csv, 'the users') : input.csv;
      parsed = parseUserList(csv !== undefined ? { csv } : { text: input.text ?? '' });
    } catch (err) {
      if (err instanceof UserListError) throw new DomainError('invalid', err.message, err.field);
      if (err instanceof CsvUploadError) throw new DomainError('invalid', err.message, 'csv');
      throw err;
    }

    const candidates = parsed.flatMap((e) => (e.email && !e.error ? [e.email] : []));
    const present = new Set<string>();
    for (let i = 0; i < candidates.length; i += LOOKUP_CHUNK) {
      const rows = await db.user.findMany({
        where: { accountId, activeEmail: { in: candidates.slice(i, i + LOOKUP_CHUNK) } },
        select: { activeEmail: true },
      });
      for (const row of rows) if (row.activeEmail) present.add(row.activeEmail);
    }
    const entries: StoredEntry[] = parsed.map((entry) => {
      if (entry.error || !entry.email) return entry;
      if (present.has(entry.email)) return { line: entry.line, input: entry.input, error: 'Already a user of this account' };
      return entry.license ? entry : { ...entry, license: account.defaultLicense, defaultLicense: true };
    });
    const acceptedCount = entries.filter((e) => !e.error).length;

    return write(async (tx) => {
      await tx.userImport.deleteMany({
        where: { adminId: admin.id, committedAt: null, createdAt: { lt: new Date(Date.now() - UNIMPORTED_KEPT_MS) } },
      });
      return tx.userImport.create({
        data: {
          adminId: admin.id,
          accountId,
          entries: entries as unknown as Prisma.InputJsonValue,
          acceptedCount,
          rejectedCount: entries.length - acceptedCount,
        },
        select: { id: true },
      });
    });
  });
}

export type AcceptedUser = {
  line: number;
  fullName: string;
  email: string;
  userType: ImportUserType;
  license: ImportLicense;
  /** The licence is the account's default (the line named none). */
  defaultLicense: boolean;
};
export type RejectedLine = { line: number; input: string; error: string };

export type UserImportPreview = {
  id: string;
  account: { id: string; name: string };
  createdAt: Date;
  acceptedCount: number;
  rejectedCount: number;
  /** The first PREVIEW_ROWS of each, in line order. */
  accepted: AcceptedUser[];
  rejected: RejectedLine[];
  /** Set once imported: when, and how many were added (the rest were in the account by then). */
  committedAt: Date | null;
  addedCount: number | null;
};

/** An import to preview, only for the admin who made it, and only while they administer its account. */
export async function getUserImport(admin: SessionAdmin, accountId: string, importId: string): Promise<UserImportPreview | null> {
  if (!canSeeAccount(admin, accountId)) return null;
  const db = await scopedPrisma(admin);
  const [account, batch] = await Promise.all([
    db.account.findFirst({ where: { id: accountId }, select: { id: true, name: true } }),
    db.userImport.findFirst({
      where: { id: importId, adminId: admin.id, accountId },
      select: { id: true, createdAt: true, entries: true, acceptedCount: true, rejectedCount: true, committedAt: true, addedCount: true },
    }),
  ]);
  if (!account || !batch) return null;
  const accepted: AcceptedUser[] = [];
  const rejected: RejectedLine[] = [];
  for (const e of batch.entries as unknown as StoredEntry[]) {
    if (e.error) {
      if (rejected.length < PREVIEW_ROWS) rejected.push({ line: e.line, input: e.input, error: e.error });
    } else if (accepted.length < PREVIEW_ROWS) accepted.push(acceptedUser(e));
  }
  return {
    id: batch.id,
    account,
    createdAt: batch.createdAt,
    acceptedCount: batch.acceptedCount,
    rejectedCount: batch.rejectedCount,
    accepted,
    rejected,
    committedAt: batch.committedAt,
    addedCount: batch.addedCount,
  };
}

function acceptedUser(e: StoredEntry): AcceptedUser {
  if (!e.fullName || !e.email || !e.userType || !e.license) throw new Error(`Import line ${e.line} is accepted but incomplete`);
  return {
    line: e.line,
    fullName: e.fullName,
    email: e.email,
    userType: e.userType,
    license: e.license,
    defaultLicense: Boolean(e.defaultLicense),
  };
}

export type BatchResult = { batch: number; batches: number; added: number; skipped: number; ms: number };

export type ImportResult = {
  added: number;
  /** Accepted in the preview, but by the time of the import already users of the account. */
  skipped: number;
  /** The import had already been made (a double submit or a replay): nothing was added now. */
  repeated: boolean;
  /** Whether invitations were queued (for deliverAfterResponse). */
  notified: boolean;
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Inserts one batch of users in one statement, skipping any whose address is by now a present
 * user of the account (the unique index decides, so two imports at once never make one person
 * twice); returns the ids inserted. Raw SQL, as for numbers (decision 006); columns not named
 * keep their database defaults (Unregistered, invitation Pending, calling and SMS off, version 1).
 */
async function insertUsers(
  tx: Tx,
  accountId: string,
  c: { id: string[]; fullName: string[]; email: string[]; userType: string[]; license: string[] },
  stamp: string,
): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "User" ("id", "accountId", "fullName", "email", "activeEmail", "userType", "license", "createdAt")
    SELECT r.id, ${accountId}, r.full_name, r.email, r.email, r.user_type::"UserType", r.license::"License", ${stamp}::timestamp(3)
    FROM unnest(${c.id}::text[], ${c.fullName}::text[], ${c.email}::text[], ${c.userType}::text[], ${c.license}::text[])
      AS r(id, full_name, email, user_type, license)
    ON CONFLICT ("accountId", "activeEmail") DO NOTHING
    RETURNING "id"`;
  return new Set(rows.map((r) => r.id));
}

/** Queues one invitation per inserted user, composed before the transaction. */
async function queueInvitations(
  tx: Tx,
  accountId: string,
  adminId: string,
  m: { id: string[]; userId: string[]; to: string[]; subject: string[]; text: string[]; html: string[] },
  stamp: string,
): Promise<void> {
  if (m.id.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "accountId", "userId", "adminId", "kind", "to", "subject", "text", "html", "nextAttemptAt", "createdAt")
    SELECT r.id, ${accountId}, r.user_id, ${adminId}, 'Invitation'::"OutboxKind", r.recipient, r.subject, r.body_text, r.body_html,
           ${stamp}::timestamp(3), ${stamp}::timestamp(3)
    FROM unnest(${m.id}::text[], ${m.userId}::text[], ${m.to}::text[], ${m.subject}::text[], ${m.text}::text[], ${m.html}::text[])
      AS r(id, user_id, recipient, subject, body_text, body_html)`;
}

/**
 * Imports an import's accepted users into its account, with an invitation each, in batches of
 * `batchSize`: one transaction per batch, holding its users, their invitations, the import's count
 * and one audit row. The first batch claims the import with a conditional write, so submitting
 * twice imports nothing twice; a user someone else added since the preview is skipped, not an
 * error. `onBatch` hears each batch's outcome as it is committed (the benchmark prints them).
 */
export async function importUsers(
  admin: SessionAdmin,
  accountId: string,
  importId: string,
  options: { batchSize?: number; onBatch?: (batch: BatchResult) => void } = {},
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  return mutate(admin, { action: ACTION, permission: 'change', about: { accountId, attempted: { importId } } }, async ({ db, write }) => {
    const [account, batch] = await Promise.all([
      db.account.findFirst({ where: { id: accountId }, select: { id: true, name: true } }),
      db.userImport.findFirst({
        where: { id: importId, adminId: admin.id, accountId },
        select: { entries: true, acceptedCount: true, rejectedCount: true, committedAt: true, addedCount: true },
      }),
    ]);
    if (!account) throw notFound();
    if (!batch) throw new DomainError('not-found', 'That list of users does not exist, or was not made by you. Start again.');
    const done = (added: number | null): ImportResult => ({
      added: added ?? 0,
      skipped: batch.acceptedCount - (added ?? 0),
      repeated: true,
      notified: false,
    });
    if (batch.committedAt) return done(batch.addedCount);

    // Everything but the writes is done before the transactions: ids, the emails' text.
    const users = (batch.entries as unknown as StoredEntry[]).filter((e) => !e.error).map(acceptedUser);
    const batches = Math.max(1, Math.ceil(users.length / batchSize));
    let added = 0;
    for (let b = 0; b < batches; b++) {
      const slice = users.slice(b * batchSize, (b + 1) * batchSize);
      const ids = slice.map(() => newId());
      const emails = slice.map((u) => composeInvitation({ fullName: u.fullName, email: u.email, accountName: account.name }));
      const started = performance.now();
      const stamp = new Date().toISOString();
      const inserted = await write(async (tx) => {
        if (b === 0) {
          const claimed = await tx.userImport.updateMany({
            where: { id: importId, adminId: admin.id, committedAt: null },
            data: { committedAt: new Date(stamp), addedCount: 0 },
          });
          if (claimed.count !== 1) return null; // imported a moment ago (a double submit): not a refusal
        }
        const ok = await insertUsers(
          tx,
          accountId,
          {
            id: ids,
            fullName: slice.map((u) => u.fullName),
            email: slice.map((u) => u.email),
            userType: slice.map((u) => u.userType),
            license: slice.map((u) => u.license),
          },
          stamp,
        );
        const queued = ids.flatMap((id, i) => (ok.has(id) ? [i] : []));
        await queueInvitations(
          tx,
          accountId,
          admin.id,
          {
            id: queued.map(() => newId()),
            userId: queued.map((i) => ids[i]!),
            to: queued.map((i) => slice[i]!.email),
            subject: queued.map((i) => emails[i]!.subject),
            text: queued.map((i) => emails[i]!.text),
            html: queued.map((i) => emails[i]!.html),
          },
          stamp,
        );
        await tx.userImport.update({ where: { id: importId }, data: { addedCount: { increment: ok.size } }, select: { id: true } });
        const skipped = slice.length - ok.size;
        await recordAudit(tx, {
          admin,
          action: ACTION,
          outcome: 'Done',
          accountId,
          after: { importId, batch: b + 1, batches, added: ok.size, skipped, ...(b === 0 ? { rejected: batch.rejectedCount } : {}) },
          detail:
            `Imported ${plural(ok.size, 'user', 'users')}${batches > 1 ? ` (batch ${b + 1} of ${batches})` : ''}, each invited by email` +
            (skipped ? `; skipped ${plural(skipped, 'user', 'users')} someone else added to the account first` : '') +
            (b === 0 && batch.rejectedCount ? `; ${plural(batch.rejectedCount, 'line', 'lines')} rejected in the preview` : ''),
        });
        return ok.size;
      });
      if (inserted === null) {
        const current = await db.userImport.findUnique({ where: { id: importId }, select: { addedCount: true } });
        return done(current?.addedCount ?? null);
      }
      added += inserted;
      options.onBatch?.({ batch: b + 1, batches, added: inserted, skipped: slice.length - inserted, ms: performance.now() - started });
    }
    return { added, skipped: users.length - added, repeated: false, notified: added > 0 };
  });
}
