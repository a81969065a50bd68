import 'server-only';
import type { CountryCode } from 'libphonenumber-js/max';
import type { PhoneNumberProductType, PhoneNumberStatus, Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { decodeCsvFile, parsePhoneNumberList, PhoneListError, type PhoneNumberEntry } from './parse';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { newId } from '@/lib/kernel/ids';
import { DomainError } from '@/lib/kernel/errors';
import { mutate, requirePermission } from '@/lib/kernel/mutation';

// Adding numbers to the inventory in two steps, as the admin sees them: a preview that says what
// each line will become (kept in the database, so it survives a page load without JavaScript),
// then one short transaction that adds the accepted numbers. The preview is checked against the
// inventory; the add does not trust that check (someone may add the same numbers meanwhile) and
// relies on the unique E.164 index instead.

const ACTION = 'add-phone-numbers';
/** Numbers per `e164 in (…)` query: few round trips, and far below any bind-parameter limit. */
const LOOKUP_CHUNK = 1000;
/** Rows of each table the preview shows; the rest are counted. */
export const PREVIEW_ROWS = 200;
/** Unadded previews are kept this long, so an admin can come back to one, then tidied away. */
const UNADDED_KEPT_MS = 24 * 60 * 60 * 1000;

/** A line as stored in the import: accepted lines also say the product type they will be added as. */
export type ImportEntry = PhoneNumberEntry & { productType?: PhoneNumberProductType };

export type PreviewInput = {
  /** Pasted lines; ignored when `csv` is given. */
  text?: string;
  /** A CSV file as uploaded (its bytes), or its text. */
  csv?: Uint8Array | string;
  defaultCountry: CountryCode;
  productType: PhoneNumberProductType;
};

/**
 * Checks every line an admin gave and keeps the verdicts as an import to preview: rejected lines
 * with their reason (including numbers already in the inventory), accepted ones with the product
 * type they will get. Toll-free numbers are always Voice Connector: they cannot be Business Calling.
 */
export async function previewPhoneNumbers(admin: SessionAdmin, input: PreviewInput): Promise<{ id: string }> {
  const { id } = await storePreview(admin, input);
  return { id };
}

/** The preview as stored: its id and every line's verdict. */
async function storePreview(admin: SessionAdmin, input: PreviewInput): Promise<{ id: string; entries: ImportEntry[] }> {
  const prisma = await getPrisma();
  await requirePermission(admin, 'change', ACTION);
  let parsed: PhoneNumberEntry[];
  try {
    const csv = input.csv instanceof Uint8Array ? decodeCsvFile(input.csv) : input.csv;
    parsed = parsePhoneNumberList(csv !== undefined ? { csv } : { text: input.text ?? '' }, input.defaultCountry);
  } catch (err) {
    if (err instanceof PhoneListError) throw new DomainError('invalid', err.message, err.field);
    throw err;
  }

  const candidates = parsed.flatMap((e) => (e.e164 && !e.error ? [e.e164] : []));
  const inInventory = new Map<string, PhoneNumberStatus>();
  for (let i = 0; i < candidates.length; i += LOOKUP_CHUNK) {
    const rows = await prisma.phoneNumber.findMany({
      where: { e164: { in: candidates.slice(i, i + LOOKUP_CHUNK) } },
      select: { e164: true, status: true },
    });
    for (const row of rows) inInventory.set(row.e164, row.status);
  }
  const entries: ImportEntry[] = parsed.map((entry) => {
    if (entry.error || !entry.e164) return entry;
    const status = inInventory.get(entry.e164);
    if (status)
      return {
        ...entry,
        error: status === 'DeleteInProgress' ? 'Already in the inventory, in the deletion queue' : 'Already in the inventory',
      };
    return { ...entry, productType: entry.type === 'TollFree' ? 'VoiceConnector' : input.productType };
  });
  const acceptedCount = entries.filter((e) => !e.error).length;

  await prisma.phoneNumberImport.deleteMany({
    where: { adminId: admin.id, committedAt: null, createdAt: { lt: new Date(Date.now() - UNADDED_KEPT_MS) } },
  });
  const { id } = await prisma.phoneNumberImport.create({
    data: {
      adminId: admin.id,
      entries: entries as unknown as Prisma.InputJsonValue,
      acceptedCount,
      rejectedCount: entries.length - acceptedCount,
    },
    select: { id: true },
  });
  return { id, entries };
}

export type AcceptedLine = {
  line: number;
  input: string;
  e164: string;
  country: string;
  type: 'Local' | 'TollFree';
  productType: PhoneNumberProductType;
};
export type RejectedLine = { line: number; input: string; error: string };

export type PhoneNumberImportPreview = {
  id: string;
  createdAt: Date;
  acceptedCount: number;
  rejectedCount: number;
  /** Accepted toll-free numbers (they are added as Voice Connector whatever was chosen). */
  tollFreeCount: number;
  /** The first PREVIEW_ROWS of each, in line order. */
  accepted: AcceptedLine[];
  rejected: RejectedLine[];
  /** Set once the numbers were added: when, and how many (the rest were added by someone else first). */
  committedAt: Date | null;
  addedCount: number | null;
};

/** An import to preview, only for the admin who made it. */
export async function getPhoneNumberImport(admin: SessionAdmin, id: string): Promise<PhoneNumberImportPreview | null> {
  const prisma = await getPrisma();
  const batch = await prisma.phoneNumberImport.findFirst({
    where: { id, adminId: admin.id },
    select: { id: true, createdAt: true, entries: true, acceptedCount: true, rejectedCount: true, committedAt: true, addedCount: true },
  });
  if (!batch) return null;
  const entries = batch.entries as unknown as ImportEntry[];
  const accepted: AcceptedLine[] = [];
  const rejected: RejectedLine[] = [];
  let tollFreeCount = 0;
  for (const e of entries) {
    if (e.error) {
      if (rejected.length < PREVIEW_ROWS) rejected.push({ line: e.line, input: e.input, error: e.error });
      continue;
    }
    if (e.type === 'TollFree') tollFreeCount++;
    if (accepted.length < PREVIEW_ROWS) accepted.push(acceptedLine(e));
  }
  return {
    id: batch.id,
    createdAt: batch.createdAt,
    acceptedCount: batch.acceptedCount,
    rejectedCount: batch.rejectedCount,
    tollFreeCount,
    accepted,
    rejected,
    committedAt: batch.committedAt,
    addedCount: batch.addedCount,
  };
}

function acceptedLine(e: ImportEntry): AcceptedLine {
  if (!e.e164 || !e.country || !e.type || !e.productType) throw new Error(`Import line ${e.line} is accepted but incomplete`);
  return { line: e.line, input: e.input, e164: e.e164, country: e.country, type: e.type, productType: e.productType };
}

export type AddResult = {
  added: number;
  /** Accepted in the preview, but someone else added them to the inventory before this admin did. */
  skipped: number;
  /** The import had already been added (a double submit or a replay): nothing was added now. */
  repeated: boolean;
};

/**
 * Inserts the numbers as Unassigned in one statement, skipping any already in the inventory;
 * returns the ones it inserted. Raw SQL because Prisma's createMany spends seconds building
 * the query for 10,000 rows (decision 006); columns not named keep their database defaults.
 */
async function insertUnassigned(
  tx: Prisma.TransactionClient,
  c: { id: string[]; e164: string[]; country: string[]; type: string[]; productType: string[] },
  now: Date,
): Promise<{ id: string; e164: string }[]> {
  // Prisma keeps DateTime columns as UTC timestamps without a zone: write the same.
  const stamp = now.toISOString();
  return tx.$queryRaw<{ id: string; e164: string }[]>`
    INSERT INTO "PhoneNumber" ("id", "e164", "country", "type", "productType", "status", "createdAt", "updatedAt")
    SELECT r.id, r.e164, r.country, r.type::"PhoneNumberType", r.product_type::"PhoneNumberProductType",
           'Unassigned'::"PhoneNumberStatus", ${stamp}::timestamp(3), ${stamp}::timestamp(3)
    FROM unnest(${c.id}::text[], ${c.e164}::text[], ${c.country}::text[], ${c.type}::text[], ${c.productType}::text[])
      AS r(id, e164, country, type, product_type)
    ON CONFLICT ("e164") DO NOTHING
    RETURNING "id", "e164"`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Adds an import's accepted numbers to the inventory as Unassigned, in one short transaction with
 * the import marked added and one audit row. Marking it is a conditional write, so submitting
 * twice adds nothing twice; a number someone else added since the preview is skipped, not an error.
 */
export async function addPhoneNumbers(admin: SessionAdmin, importId: string): Promise<AddResult> {
  const { inserted: _inserted, ...result } = await commitImport(admin, importId);
  return result;
}

/** As addPhoneNumbers, also naming the numbers this admin's add inserted (none for a repeat). */
async function commitImport(admin: SessionAdmin, importId: string): Promise<AddResult & { inserted: { id: string; e164: string }[] }> {
  return mutate(admin, { action: ACTION, permission: 'change', about: { attempted: { importId } } }, async ({ db, write }) => {
    const batch = await db.phoneNumberImport.findFirst({
      where: { id: importId, adminId: admin.id },
      select: { entries: true, acceptedCount: true, rejectedCount: true, committedAt: true, addedCount: true },
    });
    if (!batch) throw new DomainError('not-found', 'That list of phone numbers does not exist, or was not made by you. Start again.');
    const done = (added: number | null) => ({
      added: added ?? 0,
      skipped: batch.acceptedCount - (added ?? 0),
      repeated: true,
      inserted: [],
    });
    if (batch.committedAt) return done(batch.addedCount);

    // Built before the transaction, which then only writes.
    const rows = (batch.entries as unknown as ImportEntry[]).filter((e) => !e.error).map(acceptedLine);
    const columns = {
      id: rows.map(() => newId()),
      e164: rows.map((r) => r.e164),
      country: rows.map((r) => r.country),
      type: rows.map((r) => r.type),
      productType: rows.map((r) => r.productType),
    };
    const now = new Date();
    const added = await write(async (tx) => {
      const claimed = await tx.phoneNumberImport.updateMany({
        where: { id: importId, adminId: admin.id, committedAt: null },
        data: { committedAt: now },
      });
      if (claimed.count !== 1) return null; // added a moment ago (a double submit): not a refusal
      const inserted = await insertUnassigned(tx, columns, now);
      const count = inserted.length;
      await tx.phoneNumberImport.update({ where: { id: importId }, data: { addedCount: count }, select: { id: true } });
      const skipped = rows.length - count;
      await recordAudit(tx, {
        admin,
        action: ACTION,
        outcome: 'Done',
        after: { importId, added: count, skipped, rejected: batch.rejectedCount },
        detail:
          `Added ${plural(count, 'phone number', 'phone numbers')}` +
          (skipped ? `; skipped ${plural(skipped, 'number', 'numbers')} someone else added first` : '') +
          (batch.rejectedCount ? `; ${plural(batch.rejectedCount, 'line', 'lines')} rejected in the preview` : ''),
      });
      return inserted;
    });
    if (added === null) {
      const current = await db.phoneNumberImport.findUnique({ where: { id: importId }, select: { addedCount: true } });
      return done(current?.addedCount ?? null);
    }
    return { added: added.length, skipped: rows.length - added.length, repeated: false, inserted: added };
  });
}

/** One line's outcome when numbers are added in one go (the REST API): added, or why not. */
export type LineResult =
  | { line: number; input: string; outcome: 'added'; e164: string; id: string }
  | { line: number; input: string; outcome: 'refused'; e164?: string; error: string };

/**
 * Both steps of "Add phone numbers" at once, for a caller that sees no preview (the REST API):
 * the same checks of every line, then the same add, and each line's outcome. A number someone
 * else added between the two steps is refused as it would be in a preview made a moment later.
 */
export async function addPhoneNumberList(admin: SessionAdmin, input: PreviewInput): Promise<{ added: number; results: LineResult[] }> {
  const { id, entries } = await storePreview(admin, input);
  const { inserted } = await commitImport(admin, id);
  const idOf = new Map(inserted.map((n) => [n.e164, n.id]));
  const results = entries.map((e): LineResult => {
    if (e.error) return { line: e.line, input: e.input, outcome: 'refused', ...(e.e164 ? { e164: e.e164 } : {}), error: e.error };
    const addedId = idOf.get(e.e164!);
    return addedId
      ? { line: e.line, input: e.input, outcome: 'added', e164: e.e164!, id: addedId }
      : { line: e.line, input: e.input, outcome: 'refused', e164: e.e164!, error: 'Already in the inventory' };
  });
  return { added: inserted.length, results };
}
