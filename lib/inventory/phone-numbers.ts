import 'server-only';
import type { PhoneNumberProductType, PhoneNumberStatus, PhoneNumberType, Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { View } from './views';
import { inventoryPage, type InventorySort } from './sort';
import { type CountedPage, type ListParams, type Page } from '@/lib/kernel/pagination';
import { formatPhoneNumber, searchDigits } from '@/lib/kernel/phone';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { mutate, TX_OPTIONS, type Db } from '@/lib/kernel/mutation';
import { canSeeAccount, scopedPrisma } from '@/lib/kernel/scope';

// The organisation's inventory of numbers. Numbers are not in accounts, so every admin sees
// every number; who holds one is shown only when the holder's account is the admin's.

export const DELETION_QUEUE_DAYS = 7;
const REUSE_WARNING_DAYS = 30;

export const VIEWS = {
  all: { label: 'All', status: undefined },
  unassigned: { label: 'Unassigned', status: 'Unassigned' },
  assigned: { label: 'Assigned', status: 'Assigned' },
  'deletion-queue': { label: 'Deletion queue', status: 'DeleteInProgress' },
} as const satisfies Record<View, { label: string; status: PhoneNumberStatus | undefined }>;

export type InventoryFilters = {
  view: View;
  type?: PhoneNumberType;
  productType?: PhoneNumberProductType;
  country?: string;
  /** The list's order (the page's `?sort=`); by number when not said. */
  sort?: InventorySort;
};

/** What an admin may know of whoever holds a number. */
export type Assignee = { visible: true; accountId: string; accountName: string; userId: string; fullName: string } | { visible: false };

function assigneeOf(
  admin: SessionAdmin,
  n: { accountId: string | null; user: { id: string; fullName: string } | null; account: { name: string } | null },
): Assignee | null {
  if (!n.user || !n.accountId) return null;
  if (!canSeeAccount(admin, n.accountId)) return { visible: false };
  return { visible: true, accountId: n.accountId, accountName: n.account?.name ?? '', userId: n.user.id, fullName: n.user.fullName };
}

export type InventoryRow = {
  id: string;
  e164: string;
  country: string;
  type: PhoneNumberType;
  productType: PhoneNumberProductType;
  status: PhoneNumberStatus;
  capabilities: string[];
  callingName: string | null;
  assignee: Assignee | null;
  /** When the number was added to the inventory. */
  createdAt: Date;
};

const rowSelect = {
  id: true,
  e164: true,
  country: true,
  type: true,
  productType: true,
  status: true,
  canInboundCall: true,
  canOutboundCall: true,
  canSms: true,
  canMms: true,
  callingName: true,
  createdAt: true,
  accountId: true,
  user: { select: { id: true, fullName: true } },
  account: { select: { name: true } },
} satisfies Prisma.PhoneNumberSelect;

/** "Inbound call, Outbound call, SMS": what a number can do, as the inventory and the picker say it. */
export function capabilitiesOf(n: { canInboundCall: boolean; canOutboundCall: boolean; canSms: boolean; canMms: boolean }): string[] {
  return [n.canInboundCall && 'Inbound call', n.canOutboundCall && 'Outbound call', n.canSms && 'SMS', n.canMms && 'MMS'].filter(
    (c): c is string => Boolean(c),
  );
}

function rowOf(admin: SessionAdmin, n: Prisma.PhoneNumberGetPayload<{ select: typeof rowSelect }>): InventoryRow {
  return {
    id: n.id,
    e164: n.e164,
    country: n.country,
    type: n.type,
    productType: n.productType,
    status: n.status,
    capabilities: capabilitiesOf(n),
    callingName: n.callingName,
    assignee: assigneeOf(admin, n),
    createdAt: n.createdAt,
  };
}

/** One page of the inventory: a view, search by any digits, filters; keyset by the sort (E.164 unless said). */
export async function listPhoneNumbers(admin: SessionAdmin, filters: InventoryFilters, params: ListParams): Promise<Page<InventoryRow>> {
  const { page, rows } = await fetchPage(admin, filters, params);
  const result = page.toPage(rows);
  return {
    ...result,
    rows: result.rows.map((n) => rowOf(admin, n)),
  };
}

async function fetchPage(admin: SessionAdmin, filters: InventoryFilters, params: ListParams) {
  void admin; // the inventory is the organisation's; who holds a number is shown by rowOf
  const prisma = await getPrisma();
  const digits = params.q ? searchDigits(params.q) : '';
  const page = inventoryPage(filters.sort ?? 'number', params);
  const rows = await prisma.phoneNumber.findMany({
    where: {
      AND: [
        VIEWS[filters.view].status ? { status: VIEWS[filters.view].status } : {},
        filters.type ? { type: filters.type } : {},
        filters.productType ? { productType: filters.productType } : {},
        filters.country ? { country: filters.country } : {},
        digits ? { e164: { contains: digits } } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: rowSelect,
  });
  return { page, rows };
}

/**
 * What the inventory page shows around its list, in one query: the count of each view (tab), the
 * countries present (the filter), and the counts by status, country, type and product type, from
 * which the list's own count under any filters is summed without another query. Still one pass
 * over the inventory (docs/performance.md). Under a search by digits, all of it counts the numbers
 * that match the search (through the trigram index), and it is not shared.
 */
export type InventoryGroup = {
  status: PhoneNumberStatus;
  country: string;
  type: PhoneNumberType;
  productType: PhoneNumberProductType;
  count: number;
};
export type InventorySummary = { counts: Record<View, number>; countries: string[]; groups: InventoryGroup[] };

// Counting a million numbers takes a full pass (≈ 0.3 s alone, seconds under load), on every
// inventory page. For an inventory that large, requests share one count for a few seconds;
// smaller ones (every test, every demo) are counted exactly on each request.
const SUMMARY_SHARED_FROM = 100_000;
const SUMMARY_SHARED_MS = 5_000;
let sharedSummary: { at: number; summary: Promise<InventorySummary> } | undefined;

export async function inventorySummary(admin: SessionAdmin, q?: string): Promise<InventorySummary> {
  void admin; // the inventory is the organisation's
  const digits = q ? searchDigits(q) : '';
  if (digits) return countInventory(digits);
  if (sharedSummary && Date.now() - sharedSummary.at < SUMMARY_SHARED_MS) return sharedSummary.summary;
  const summary = countInventory();
  // Requests arriving while it is counted wait for the same count, whatever the size.
  sharedSummary = { at: Date.now(), summary };
  try {
    const result = await summary;
    if (result.counts.all < SUMMARY_SHARED_FROM && sharedSummary?.summary === summary) sharedSummary = undefined;
    return result;
  } catch (err) {
    if (sharedSummary?.summary === summary) sharedSummary = undefined;
    throw err;
  }
}

async function countInventory(digits?: string): Promise<InventorySummary> {
  const prisma = await getPrisma();
  const rows = await prisma.phoneNumber.groupBy({
    by: ['status', 'country', 'type', 'productType'],
    where: digits ? { e164: { contains: digits } } : {},
    _count: { _all: true },
  });
  const groups = rows.map((g) => ({
    status: g.status,
    country: g.country,
    type: g.type,
    productType: g.productType,
    count: g._count._all,
  }));
  const of = (status: PhoneNumberStatus) => groups.reduce((sum, g) => sum + (g.status === status ? g.count : 0), 0);
  return {
    counts: {
      all: groups.reduce((sum, g) => sum + g.count, 0),
      unassigned: of('Unassigned'),
      assigned: of('Assigned'),
      'deletion-queue': of('DeleteInProgress'),
    },
    countries: [...new Set(groups.map((g) => g.country))].sort(),
    groups,
  };
}

/** How many numbers the list has under these filters (the search is already in the summary). */
export function matchingCount(summary: InventorySummary, filters: InventoryFilters): number {
  const status = VIEWS[filters.view].status;
  return summary.groups.reduce(
    (sum, g) =>
      (!status || g.status === status) &&
      (!filters.type || g.type === filters.type) &&
      (!filters.productType || g.productType === filters.productType) &&
      (!filters.country || g.country === filters.country)
        ? sum + g.count
        : sum,
    0,
  );
}

/**
 * The inventory page's data in its two queries, side by side: the summary (under the search, if
 * any) and one page of numbers, which says where it stands in the list ("26–50 of 1,204").
 */
export async function listPhoneNumbersWithCount(
  admin: SessionAdmin,
  filters: InventoryFilters,
  params: ListParams,
): Promise<{ summary: InventorySummary; page: CountedPage<InventoryRow> }> {
  const [summary, fetched] = await Promise.all([inventorySummary(admin, params.q), fetchPage(admin, filters, params)]);
  const counted = fetched.page.toCountedPage(fetched.rows, matchingCount(summary, filters));
  return { summary, page: { ...counted, rows: counted.rows.map((n) => rowOf(admin, n)) } };
}

export type Overview = {
  byStatus: { status: PhoneNumberStatus; count: number }[];
  /** Unassigned Business Calling numbers by area code (the first three digits after +1, or the country code). */
  unassignedByArea: { area: string; count: number }[];
};

export async function inventoryOverview(admin: SessionAdmin): Promise<Overview> {
  void admin;
  const prisma = await getPrisma();
  const [byStatus, areas] = await Promise.all([
    prisma.phoneNumber.groupBy({ by: ['status'], _count: { _all: true }, orderBy: { status: 'asc' } }),
    prisma.$queryRaw<{ area: string; count: bigint }[]>`
      SELECT CASE WHEN e164 LIKE '+1%' THEN '+1 ' || substr(e164, 3, 3) ELSE 'Country ' || country END AS area,
             count(*) AS count
      FROM "PhoneNumber"
      WHERE status = 'Unassigned' AND "productType" = 'BusinessCalling' AND type = 'Local'
      GROUP BY 1 ORDER BY 1`,
  ]);
  return {
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
    unassignedByArea: areas.map((a) => ({ area: a.area, count: Number(a.count) })),
  };
}

const OTHER_ACCOUNTS_ADMIN = 'an admin of another account';

export type HistoryRow = {
  id: string;
  holder: Assignee;
  assignedAt: Date;
  assignedBy: string;
  unassignedAt: Date | null;
  unassignedBy: string | null;
};

export type PhoneNumberDetails = InventoryRow & {
  version: number;
  assignedAt: Date | null;
  deletionRequestedAt: Date | null;
  createdAt: Date;
  history: HistoryRow[];
};

export async function getPhoneNumber(admin: SessionAdmin, phoneNumberId: string): Promise<PhoneNumberDetails | null> {
  const prisma = await getPrisma();
  const n = await prisma.phoneNumber.findUnique({
    where: { id: phoneNumberId },
    select: {
      ...rowSelect,
      version: true,
      assignedAt: true,
      deletionRequestedAt: true,
      createdAt: true,
      history: { orderBy: { assignedAt: 'desc' }, take: 50 },
    },
  });
  if (!n) return null;
  const scoped = await scopedPrisma(admin);
  const userIds = [...new Set(n.history.map((h) => h.userId))];
  const adminIds = [...new Set(n.history.flatMap((h) => [h.assignedById, h.unassignedById]).filter((id): id is string => Boolean(id)))];
  const [users, admins] = await Promise.all([
    scoped.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, fullName: true, accountId: true, account: { select: { name: true } } },
    }),
    prisma.admin.findMany({ where: { id: { in: adminIds } }, select: { id: true, name: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const adminName = (id: string | null) => (id ? (admins.find((a) => a.id === id)?.name ?? 'a former admin') : null);
  return {
    ...rowOf(admin, n),
    version: n.version,
    assignedAt: n.assignedAt,
    deletionRequestedAt: n.deletionRequestedAt,
    createdAt: n.createdAt,
    history: n.history.map((h) => {
      const user = userById.get(h.userId);
      const visible = Boolean(user && canSeeAccount(admin, h.accountId));
      const holder: Assignee =
        user && visible
          ? { visible: true, accountId: h.accountId, accountName: user.account.name, userId: user.id, fullName: user.fullName }
          : { visible: false };
      // Who assigned or unassigned it in an account this admin cannot see is not theirs to know either.
      const by = (id: string | null) => (visible ? adminName(id) : id ? OTHER_ACCOUNTS_ADMIN : null);
      return {
        id: h.id,
        holder,
        assignedAt: h.assignedAt,
        assignedBy: by(h.assignedById) ?? '',
        unassignedAt: h.unassignedAt,
        unassignedBy: by(h.unassignedById),
      };
    }),
  };
}

/** The id of the number with this E.164, if it is in the inventory (the REST API names a number either way). */
export async function findPhoneNumberId(admin: SessionAdmin, e164: string): Promise<string | null> {
  void admin; // the inventory is the organisation's
  const prisma = await getPrisma();
  const n = await prisma.phoneNumber.findUnique({ where: { e164 }, select: { id: true } });
  return n?.id ?? null;
}

/** The last person to hold the number, if they gave it up within the last 30 days. */
export async function recentHolder(
  admin: SessionAdmin,
  phoneNumberId: string,
  now = new Date(),
): Promise<{ holder: Assignee; unassignedAt: Date } | null> {
  const prisma = await getPrisma();
  const since = new Date(now.getTime() - REUSE_WARNING_DAYS * 24 * 3600 * 1000);
  const last = await prisma.assignmentHistory.findFirst({
    where: { phoneNumberId, unassignedAt: { gte: since } },
    orderBy: { unassignedAt: 'desc' },
    select: { userId: true, accountId: true, unassignedAt: true },
  });
  if (!last?.unassignedAt) return null;
  const user = await (
    await scopedPrisma(admin)
  ).user.findUnique({ where: { id: last.userId }, select: { id: true, fullName: true, account: { select: { name: true } } } });
  const holder: Assignee =
    user && canSeeAccount(admin, last.accountId)
      ? { visible: true, accountId: last.accountId, accountName: user.account.name, userId: user.id, fullName: user.fullName }
      : { visible: false };
  return { holder, unassignedAt: last.unassignedAt };
}

// ---- Changes -------------------------------------------------------------------------------

/** The number, if this admin may change it; a refusal otherwise (audited by `mutate`). */
async function numberToChange(db: Db, admin: SessionAdmin, phoneNumberId: string) {
  const n = await db.phoneNumber.findUnique({
    where: { id: phoneNumberId },
    select: { id: true, e164: true, status: true, version: true, callingName: true, accountId: true },
  });
  if (!n) throw new DomainError('not-found', 'That phone number does not exist.');
  // The inventory is the organisation's, but a number in use belongs to its user's account:
  // only that account's administrators may change it.
  if (n.accountId && !canSeeAccount(admin, n.accountId)) {
    throw new DomainError(
      'denied',
      `${formatPhoneNumber(n.e164)} is assigned to a user in an account you do not administer, so you cannot change it.`,
    );
  }
  return n;
}

/** Sets or clears (empty) the calling name, if nobody changed the number since the form was shown. */
export async function editCallingName(
  admin: SessionAdmin,
  input: { phoneNumberId: string; version: number; callingName: string },
): Promise<{ e164: string }> {
  const action = 'edit-calling-name';
  return mutate(admin, { action, permission: 'change', about: { phoneNumberId: input.phoneNumberId } }, async ({ db, write }) => {
    const n = await numberToChange(db, admin, input.phoneNumberId);
    const callingName = input.callingName.trim().replace(/\s+/g, ' ') || null;
    if (n.callingName === callingName) return { e164: n.e164 }; // already so: nothing to change
    const stale = () =>
      new DomainError(
        'conflict',
        `Someone else changed ${formatPhoneNumber(n.e164)} while you were editing. The form now shows its current calling name.`,
      );
    if (n.version !== input.version) throw stale();
    await write(
      async (tx, lost) => {
        const { count } = await tx.phoneNumber.updateMany({
          where: { id: n.id, version: input.version },
          data: { callingName, version: { increment: 1 } },
        });
        if (count !== 1) lost();
        await recordAudit(tx, {
          admin,
          action,
          outcome: 'Done',
          phoneNumberId: n.id,
          before: { callingName: n.callingName },
          after: { callingName },
        });
      },
      { lost: stale },
    );
    return { e164: n.e164 };
  });
}

/** Moves an Unassigned number to the deletion queue; it is purged after 7 days unless restored. */
export async function deletePhoneNumber(
  admin: SessionAdmin,
  input: { phoneNumberId: string },
  now = new Date(),
): Promise<{ e164: string; repeated: boolean }> {
  const action = 'delete-phone-number';
  return mutate(admin, { action, permission: 'change', about: { phoneNumberId: input.phoneNumberId } }, async ({ db, write }) => {
    const n = await numberToChange(db, admin, input.phoneNumberId);
    if (n.status === 'DeleteInProgress') return { e164: n.e164, repeated: true };
    const assigned = () =>
      new DomainError('conflict', `${formatPhoneNumber(n.e164)} is assigned to a user. Unassign it from the user first, then delete it.`);
    if (n.status !== 'Unassigned') throw assigned();
    await write(
      async (tx, lost) => {
        const { count } = await tx.phoneNumber.updateMany({
          where: { id: n.id, status: 'Unassigned', userId: null },
          data: { status: 'DeleteInProgress', deletionRequestedAt: now, version: { increment: 1 } },
        });
        if (count !== 1) lost();
        await recordAudit(tx, {
          admin,
          action,
          outcome: 'Done',
          phoneNumberId: n.id,
          before: { status: 'Unassigned' },
          after: { status: 'DeleteInProgress' },
        });
      },
      { lost: assigned },
    );
    return { e164: n.e164, repeated: false };
  });
}

/** Takes a number out of the deletion queue, back to Unassigned. */
export async function restorePhoneNumber(
  admin: SessionAdmin,
  input: { phoneNumberId: string },
): Promise<{ e164: string; repeated: boolean }> {
  const action = 'restore-phone-number';
  return mutate(admin, { action, permission: 'change', about: { phoneNumberId: input.phoneNumberId } }, async ({ db, write }) => {
    const n = await numberToChange(db, admin, input.phoneNumberId);
    if (n.status !== 'DeleteInProgress') return { e164: n.e164, repeated: true };
    await write(
      async (tx, lost) => {
        const { count } = await tx.phoneNumber.updateMany({
          where: { id: n.id, status: 'DeleteInProgress' },
          data: { status: 'Unassigned', deletionRequestedAt: null, version: { increment: 1 } },
        });
        // Restored, purged or changed by someone else since it was read: not this admin's restore.
        if (count !== 1) lost();
        await recordAudit(tx, {
          admin,
          action,
          outcome: 'Done',
          phoneNumberId: n.id,
          before: { status: 'DeleteInProgress' },
          after: { status: 'Unassigned' },
        });
      },
      {
        lost: () =>
          new DomainError(
            'conflict',
            `Someone else changed ${formatPhoneNumber(n.e164)} a moment ago, before your restore. Check its status below; nothing was changed.`,
          ),
      },
    );
    return { e164: n.e164, repeated: false };
  });
}

/**
 * Removes for good the numbers that have been in the deletion queue for 7 days. Runs on its own
 * in every server (hourly) and on demand (`npm run purge`); `now` is a parameter so tests can
 * move the clock. Each removal is conditional on the number still being queued and old enough,
 * so purges running at once on several instances remove each number once.
 */
export async function purgeDeletedPhoneNumbers(now = new Date()): Promise<{ purged: string[] }> {
  const prisma = await getPrisma();
  const cutoff = new Date(now.getTime() - DELETION_QUEUE_DAYS * 24 * 3600 * 1000);
  const due = await prisma.phoneNumber.findMany({
    where: { status: 'DeleteInProgress', deletionRequestedAt: { lte: cutoff } },
    select: { id: true, e164: true },
    take: 1000,
  });
  const purged: string[] = [];
  for (const n of due) {
    const removed = await prisma.$transaction(async (tx) => {
      const { count } = await tx.phoneNumber.deleteMany({
        where: { id: n.id, status: 'DeleteInProgress', deletionRequestedAt: { lte: cutoff } },
      });
      if (count !== 1) return false;
      await recordAudit(tx, {
        adminEmail: 'system (purge)',
        action: 'purge-phone-number',
        outcome: 'Done',
        phoneNumberId: n.id,
        before: { e164: n.e164, status: 'DeleteInProgress' },
      });
      return true;
    }, TX_OPTIONS);
    if (removed) purged.push(n.e164);
  }
  return { purged };
}
