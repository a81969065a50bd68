import type { PhoneNumberStatus, Prisma } from '@/lib/generated/prisma/client';
import { decodeCursor, encodeCursor, keysetPages, PAGE_SIZE, type ListParams } from '@/lib/kernel/pagination';

// How the inventory can be sorted (`?sort=`), and the keyset pages for each order. A page is
// named by its edge row's sort value and E.164 (unique, so the tie-break), with its position,
// exactly as keysetPage does for one column; no OFFSET, so a deep page costs what the first does
// and rows added meanwhile never make a page skip or repeat one.

export const INVENTORY_SORTS = ['number', '-number', 'status', '-status', 'added', '-added'] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];
export type SortColumn = 'number' | 'status' | 'added';

/** The order PostgreSQL sorts the status enum in: its declaration order (prisma/schema.prisma). */
const STATUS_ORDER: PhoneNumberStatus[] = ['Unassigned', 'Assigned', 'DeleteInProgress'];

/** "number" and "-number": the column and whether it is descending. */
export function sortParts(sort: InventorySort): { column: SortColumn; descending: boolean } {
  return { column: sort.replace(/^-/, '') as SortColumn, descending: sort.startsWith('-') };
}

/** What a column's heading links to: the other direction when it is the sort, else its usual first one (newest first for dates). */
export function nextSort(current: InventorySort, column: SortColumn): InventorySort {
  const { column: sorted, descending } = sortParts(current);
  if (sorted === column) return (descending ? column : `-${column}`) as InventorySort;
  return column === 'added' ? '-added' : column;
}

type Row = { id: string; e164: string; status: PhoneNumberStatus; createdAt: Date };

export function inventoryPage(sort: InventorySort, params: Pick<ListParams, 'after' | 'before'>, size = PAGE_SIZE) {
  const { column, descending } = sortParts(sort);
  const after = decodeCursor(params.after);
  const before = after ? undefined : decodeCursor(params.before);
  const cursor = after ?? before;
  // Reading backwards (before) walks the other way from the cursor, then turns the page round.
  const direction: 'asc' | 'desc' = descending !== Boolean(before) ? 'desc' : 'asc';
  const op = direction === 'asc' ? 'gt' : 'lt';

  const keyOf = (row: Row): string => (column === 'number' ? row.e164 : column === 'status' ? row.status : row.createdAt.toISOString());
  const where = ((): Prisma.PhoneNumberWhereInput => {
    if (!cursor) return {};
    if (column === 'number') return { e164: { [op]: cursor.key } };
    // A cursor from an older version of another sort carries an id, not an E.164: start over.
    const tie = cursor.id;
    if (!tie.startsWith('+')) return {};
    if (column === 'status') {
      const at = STATUS_ORDER.indexOf(cursor.key as PhoneNumberStatus);
      if (at < 0) return {};
      const beyond = op === 'gt' ? STATUS_ORDER.slice(at + 1) : STATUS_ORDER.slice(0, at);
      // The bound says the same as the OR in a form an index scan of (status, e164) can start from.
      return {
        status: { in: [cursor.key as PhoneNumberStatus, ...beyond] },
        OR: [{ status: { in: beyond } }, { status: cursor.key as PhoneNumberStatus, e164: { [op]: tie } }],
      };
    }
    const day = new Date(cursor.key);
    if (Number.isNaN(day.getTime())) return {};
    return { createdAt: { [`${op}e`]: day }, OR: [{ createdAt: { [op]: day } }, { createdAt: day, e164: { [op]: tie } }] };
  })();
  const field = column === 'number' ? 'e164' : column === 'status' ? 'status' : 'createdAt';
  const orderBy: Prisma.PhoneNumberOrderByWithRelationInput[] =
    field === 'e164' ? [{ e164: direction }] : [{ [field]: direction }, { e164: direction }];

  return {
    where,
    orderBy,
    take: size + 1,
    ...keysetPages<Row>({ after, before, size }, (row, at) => encodeCursor({ key: keyOf(row), id: row.e164, at })),
  };
}
