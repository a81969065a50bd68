import { z } from 'zod';

/**
 * Keyset ("seek") pagination: a page is named by the sort key and id of the row it follows
 * (after) or precedes (before), so deep pages cost the same as the first and never skip or
 * repeat rows when others are added in between. No OFFSET.
 */
export type Cursor = {
  key: string;
  id: string;
  /**
   * Where the row it names stood in the list (from 1) when the page was read, so the next page can
   * say "26–50 of 1,204" without counting the rows before it (a deep page stays as cheap as the first).
   */
  at?: number;
};

export const PAGE_SIZE = 25;

export function encodeCursor(cursor: Cursor): string {
  const tuple = cursor.at === undefined ? [cursor.key, cursor.id] : [cursor.key, cursor.id, cursor.at];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

const cursorTuple = z.union([
  z.tuple([z.string().max(500), z.string().max(100)]),
  z.tuple([z.string().max(500), z.string().max(100), z.number().int().min(0).max(1_000_000_000)]),
]);

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = cursorTuple.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (!parsed.success) return undefined;
    const [key, id, at] = parsed.data;
    return at === undefined ? { key, id } : { key, id, at };
  } catch {
    return undefined;
  }
}

/** Query-string parameters shared by every list: `?q=&after=` or `?q=&before=`. */
const listParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  after: z.string().max(1000).optional().catch(undefined),
  before: z.string().max(1000).optional().catch(undefined),
});
export type ListParams = z.infer<typeof listParamsSchema>;

export function parseListParams(searchParams: Record<string, string | string[] | undefined>): ListParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = listParamsSchema.parse({
    q: first(searchParams.q),
    after: first(searchParams.after),
    before: first(searchParams.before),
  });
  return { ...parsed, q: parsed.q || undefined };
}

export type Page<T> = { rows: T[]; nextCursor?: string; prevCursor?: string };

/** A page that knows where it stands: rows `first`–`first + rows.length - 1` of `total` (`first` unknown for an old cursor). */
export type CountedPage<T> = Page<T> & { total: number; first?: number };

/**
 * The Prisma `where`, `orderBy` and `take` for one page sorted by `field` then `id`, and a
 * function that turns the fetched rows (one more than a page, to know if there is more) into a page.
 */
export function keysetPage<F extends string>(field: F, params: Pick<ListParams, 'after' | 'before'>, size = PAGE_SIZE) {
  const after = decodeCursor(params.after);
  const before = after ? undefined : decodeCursor(params.before);
  const cursor = after ?? before;
  const op = before ? 'lt' : 'gt';
  const direction = before ? ('desc' as const) : ('asc' as const);
  // The `gte`/`lte` bound says the same as the OR, but in a form PostgreSQL can start an index
  // scan from: without it, page 2,000 read the 50,000 rows before it (docs/performance.md).
  const where = cursor
    ? {
        [field]: { [`${op}e`]: cursor.key },
        OR: [{ [field]: { [op]: cursor.key } }, { [field]: cursor.key, id: { [op]: cursor.id } }],
      }
    : {};
  return {
    where,
    orderBy: [{ [field]: direction }, { id: direction }] as Array<Record<F | 'id', 'asc' | 'desc'>>,
    take: size + 1,
    ...keysetPages<{ id: string } & Record<F, string>>({ after, before, size }, (row, at) =>
      encodeCursor({ key: row[field], id: row.id, at }),
    ),
  };
}

/**
 * What every keyset list does with the rows it fetched (one more than a page, to know if there is
 * more): `toPage` turns them into a page and its cursors; `toCountedPage`, for a list whose `total`
 * (with the same filters) is known, also says where the page starts, and its cursors carry their
 * rows' positions on to the next page. A position is as of when the page was read (rows added
 * meanwhile may shift it by a few); it is only shown, and kept within 1…total. `cursorOf` names a
 * row by its sort key and tie-break (keysetPage's, or the inventory's sorts).
 */
export function keysetPages<Row>(
  edges: { after?: Cursor; before?: Cursor; size: number },
  cursorOf: (row: Row, at: number | undefined) => string,
) {
  const { after, before, size } = edges;
  const cursor = after ?? before;
  return {
    toPage<T extends Row>(fetched: T[]): Page<T> {
      const more = fetched.length > size;
      const rows = fetched.slice(0, size);
      if (before) rows.reverse();
      const first = rows[0];
      const last = rows[rows.length - 1];
      return {
        rows,
        nextCursor: last && (before || more) ? cursorOf(last, undefined) : undefined,
        prevCursor: first && (after || (before && more)) ? cursorOf(first, undefined) : undefined,
      };
    },
    toCountedPage<T extends Row>(fetched: T[], total: number): CountedPage<T> {
      const more = fetched.length > size;
      const rows = fetched.slice(0, size);
      if (before) rows.reverse();
      const clamp = (n: number) => Math.min(Math.max(n, 1), Math.max(total - rows.length + 1, 1));
      const start = !cursor ? 1 : cursor.at === undefined ? undefined : clamp(after ? cursor.at + 1 : cursor.at - rows.length);
      const first = rows[0];
      const last = rows[rows.length - 1];
      return {
        rows,
        total,
        first: rows.length ? start : undefined,
        nextCursor: last && (before || more) ? cursorOf(last, start === undefined ? undefined : start + rows.length - 1) : undefined,
        prevCursor: first && (after || (before && more)) ? cursorOf(first, start) : undefined,
      };
    },
  };
}

/** A sequence cursor: the decimal seq of a row, as it appears in `?after=` or `?before=`. */
export function decodeSeqCursor(value: string | undefined): bigint | undefined {
  if (!value || !/^\d{1,19}$/.test(value)) return undefined;
  const seq = BigInt(value);
  return seq <= 9_223_372_036_854_775_807n ? seq : undefined;
}

/**
 * Keyset pagination newest first, on a unique, increasing `seq` (the audit log's). `after` a seq
 * reads the older rows that follow it down the list, `before` a seq the newer rows above it, so
 * rows added meanwhile never shift a page. The cursor is the seq itself.
 */
export function newestFirstPage(params: Pick<ListParams, 'after' | 'before'>, size = PAGE_SIZE) {
  const after = decodeSeqCursor(params.after);
  const before = after === undefined ? decodeSeqCursor(params.before) : undefined;
  return {
    where: after !== undefined ? { seq: { lt: after } } : before !== undefined ? { seq: { gt: before } } : {},
    // Reading backwards (before) walks up from the cursor, then the page is turned right way up.
    orderBy: { seq: before !== undefined ? ('asc' as const) : ('desc' as const) },
    take: size + 1,
    toPage<T extends { seq: bigint }>(fetched: T[]): Page<T> {
      const more = fetched.length > size;
      const rows = fetched.slice(0, size);
      if (before !== undefined) rows.reverse();
      const first = rows[0];
      const last = rows[rows.length - 1];
      return {
        rows,
        nextCursor: last && (before !== undefined || more) ? String(last.seq) : undefined,
        prevCursor: first && (after !== undefined || (before !== undefined && more)) ? String(first.seq) : undefined,
      };
    },
  };
}
