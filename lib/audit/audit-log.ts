import 'server-only';
import type { AuditOutcome, Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { actionLabel, describeChanges, isRequest, type Change } from './format';
import { actionsWanted, dayRange, type AuditFilters } from './params';
import type { AuditAction } from '@/lib/kernel/audit';
import { newestFirstPage, PAGE_SIZE, type Page } from '@/lib/kernel/pagination';
import { DEFAULT_TIME_ZONE, timesIn } from '@/lib/kernel/format-time';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { canSeeAccount, scopedPrisma } from '@/lib/kernel/scope';

// Reading the audit log. Every read goes through `auditWhere`, so the page, the CSV export and
// the "Recent activity" of a user or a number show an admin exactly the same events:
//
// - An admin of every account sees every event.
// - Any other admin sees the events about the accounts they administer, and of the events about
//   no account (sign-ins, inventory changes, purges) only their own: their sign-ins, the sign-in
//   attempts made with their email address (so they can spot someone guessing their password)
//   and their own changes to numbers. Other admins' sign-ins and the organisation's inventory
//   history are for admins of every account.
// - Names are shown only where the admin may see them: a user in an account they do not
//   administer (an event's account is what the request said; a forged request can name a user
//   of another account) is shown as such, without name or link.

/** The events this admin may see. */
function auditScope(admin: SessionAdmin): Prisma.AuditEventWhereInput {
  if (admin.allAccounts) return {};
  return {
    OR: [
      { accountId: { in: [...admin.accountIds] } },
      { accountId: null, adminId: admin.id },
      { accountId: null, adminId: null, action: 'sign-in', adminEmail: admin.email },
    ],
  };
}

/** The filters of a read: the page's, or the API's, which names one action at most. */
export type AuditQuery = Omit<AuditFilters, 'action'> & { action?: AuditAction | readonly AuditAction[] };

/** The events this admin may see that match the filters. The one `where` of every audit read. */
function auditWhere(admin: SessionAdmin, filters: AuditQuery): Prisma.AuditEventWhereInput {
  const at = dayRange(filters);
  const actions = actionsWanted(filters);
  return {
    AND: [
      auditScope(admin),
      filters.adminId ? { adminId: filters.adminId } : {},
      filters.accountId ? { accountId: filters.accountId } : {},
      filters.userId ? { userId: filters.userId } : {},
      filters.phoneNumberId ? { phoneNumberId: filters.phoneNumberId } : {},
      actions ? { action: { in: actions } } : {},
      filters.outcome ? { outcome: filters.outcome } : {},
      at.gte || at.lt ? { at } : {},
    ],
  };
}

/** A token an event came through: its name as it was then, and its kind (null if the token is gone). */
export type AuditToken = { id: string; name: string; kind: 'Personal' | 'Provisioning' | null };

/** Something an event is about: its name, and a link when the admin may open it. */
/** `e164`: a phone number's, when known (the CSV writes it; the page shows `label`). */
export type AuditSubject = { id: string; label: string; href?: string; e164?: string };

export type AuditRow = {
  id: string;
  /** The event's place in commit order, as text (it is a bigint). */
  seq: string;
  at: Date;
  /** An admin; someone trying to sign in (the email they typed); or the system itself. */
  who:
    { kind: 'admin'; adminId: string; name: string; email: string } | { kind: 'attempt'; email: string } | { kind: 'system'; name: string };
  /** The API or provisioning token the admin acted through (its name as it was then); null: the console. */
  token: AuditToken | null;
  action: string;
  actionLabel: string;
  outcome: AuditOutcome;
  account: AuditSubject | null;
  user: AuditSubject | null;
  phoneNumber: AuditSubject | null;
  changes: Change[];
  /** The changes are what a refused request asked for, not what happened. */
  requested: boolean;
  /** `before` and `after` as recorded, for the API (the page and the CSV show `changes`). */
  before: unknown;
  after: unknown;
  detail: string | null;
  /** Numbers added in one go: how many, and the import's page when this admin made it (only they may open it). */
  numbersAdded?: { count: number; href?: string };
};

const eventSelect = {
  id: true,
  seq: true,
  at: true,
  adminId: true,
  adminEmail: true,
  action: true,
  outcome: true,
  accountId: true,
  userId: true,
  phoneNumberId: true,
  before: true,
  after: true,
  detail: true,
  tokenId: true,
  tokenName: true,
} satisfies Prisma.AuditEventSelect;

type EventRecord = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/**
 * One page of events, newest first, keyset on seq (`after`: older, `before`: newer). The page,
 * the export and Recent activity all read through here.
 */
export async function listAuditEvents(
  admin: SessionAdmin,
  filters: AuditQuery,
  cursor: { after?: string; before?: string } = {},
  size = PAGE_SIZE,
): Promise<Page<AuditRow>> {
  const prisma = await getPrisma();
  const page = newestFirstPage(cursor, size);
  const events = await prisma.auditEvent.findMany({
    where: { AND: [auditWhere(admin, filters), page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: eventSelect,
  });
  const result = page.toPage(events);
  return { ...result, rows: await describeEvents(admin, result.rows) };
}

/**
 * Every matching event, newest first, in batches read one keyset page at a time: an export of
 * any size holds one batch in memory. Events recorded after the first batch are not included.
 */
export async function* exportAuditEvents(admin: SessionAdmin, filters: AuditQuery, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  let after: string | undefined;
  for (;;) {
    const page = await listAuditEvents(admin, filters, { after }, batchSize);
    if (page.rows.length) yield page.rows;
    if (!page.nextCursor) return;
    after = page.nextCursor;
  }
}

const RECENT_ACTIVITY = 10;

/** The last events about one user or one number, for their details page. */
export async function recentActivity(
  admin: SessionAdmin,
  about: { userId: string } | { phoneNumberId: string },
): Promise<{ rows: AuditRow[]; more: boolean }> {
  const page = await listAuditEvents(admin, about, {}, RECENT_ACTIVITY);
  return { rows: page.rows, more: Boolean(page.nextCursor) };
}

/** Admins for the "Admin" filter: everyone for an admin of every account; otherwise those who can act in theirs. */
export async function listAuditAdmins(admin: SessionAdmin): Promise<{ id: string; name: string; email: string }[]> {
  const prisma = await getPrisma();
  return prisma.admin.findMany({
    where: admin.allAccounts
      ? {}
      : { OR: [{ id: admin.id }, { allAccounts: true }, { accounts: { some: { accountId: { in: [...admin.accountIds] } } } }] },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: { id: true, name: true, email: true },
  });
}

/** Accounts for the "Account" filter: those the admin administers. */
export async function listAuditAccounts(admin: SessionAdmin): Promise<{ id: string; name: string }[]> {
  const scoped = await scopedPrisma(admin);
  return scoped.account.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

/** What the user and number filters name, for "Activity about …" (what the admin may know of them). */
export async function describeAuditFilters(
  admin: SessionAdmin,
  filters: Pick<AuditFilters, 'userId' | 'phoneNumberId'>,
): Promise<{ user?: AuditSubject; phoneNumber?: AuditSubject }> {
  const lookups = await lookUp(admin, {
    userIds: filters.userId ? [filters.userId] : [],
    phoneNumberIds: filters.phoneNumberId ? [filters.phoneNumberId] : [],
  });
  return {
    user: filters.userId ? lookups.user(filters.userId) : undefined,
    phoneNumber: filters.phoneNumberId ? lookups.phoneNumber(filters.phoneNumberId, []) : undefined,
  };
}

/** E.164 from an event's own before/after, for a number that no longer exists. */
function e164Recorded(...sides: unknown[]): string | undefined {
  for (const side of sides) {
    if (typeof side !== 'object' || side === null) continue;
    for (const key of ['e164', 'phoneNumber']) {
      const value = (side as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.startsWith('+')) return value;
    }
  }
  return undefined;
}

/** Names for the admins, accounts, users and numbers events mention, in a few queries per page. */
async function lookUp(
  admin: SessionAdmin,
  ids: { adminIds?: string[]; accountIds?: string[]; userIds?: string[]; phoneNumberIds?: string[]; tokenIds?: string[] },
) {
  const prisma = await getPrisma();
  const scoped = await scopedPrisma(admin);
  const unique = (list: string[] = []) => [...new Set(list)];
  const [admins, accounts, users, numbers, tokens] = await Promise.all([
    ids.adminIds?.length
      ? prisma.admin.findMany({ where: { id: { in: unique(ids.adminIds) } }, select: { id: true, name: true, email: true } })
      : [],
    ids.accountIds?.length
      ? scoped.account.findMany({ where: { id: { in: unique(ids.accountIds) } }, select: { id: true, name: true } })
      : [],
    ids.userIds?.length
      ? scoped.user.findMany({ where: { id: { in: unique(ids.userIds) } }, select: { id: true, fullName: true, accountId: true } })
      : [],
    ids.phoneNumberIds?.length
      ? prisma.phoneNumber.findMany({ where: { id: { in: unique(ids.phoneNumberIds) } }, select: { id: true, e164: true } })
      : [],
    // Only the kind: the row keeps the token's name as it was, and the secret's hint is its owner's business.
    ids.tokenIds?.length ? prisma.apiToken.findMany({ where: { id: { in: unique(ids.tokenIds) } }, select: { id: true, kind: true } }) : [],
  ]);
  // A removed number is named by its purge event, which records its E.164 (numbers, unlike
  // users, are the organisation's, so any admin may know which number an event was about).
  const gone = unique(ids.phoneNumberIds).filter((id) => !numbers.some((n) => n.id === id));
  const purges = gone.length
    ? await prisma.auditEvent.findMany({
        where: { action: 'purge-phone-number', phoneNumberId: { in: gone } },
        select: { phoneNumberId: true, before: true },
      })
    : [];

  const adminById = new Map(admins.map((a) => [a.id, a]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const numberById = new Map(numbers.map((n) => [n.id, n]));
  const purgedE164 = new Map(purges.map((p) => [p.phoneNumberId, e164Recorded(p.before)]));
  const tokenKindById = new Map(tokens.map((t) => [t.id, t.kind]));

  return {
    admin: (id: string) => adminById.get(id),
    tokenKind: (id: string) => tokenKindById.get(id) ?? null,
    account(id: string): AuditSubject {
      const account = accountById.get(id);
      if (account) return { id, label: account.name, href: `/accounts/${id}` };
      return { id, label: canSeeAccount(admin, id) ? 'An account that does not exist' : 'An account you do not administer' };
    },
    user(id: string): AuditSubject {
      const user = userById.get(id);
      // Not found and not the admin's to see read the same, so an id reveals nothing.
      if (!user) return { id, label: 'A user who does not exist or is not in your accounts' };
      return { id, label: user.fullName, href: `/accounts/${user.accountId}/users/${id}` };
    },
    phoneNumber(id: string, recordedIn: unknown[]): AuditSubject {
      const number = numberById.get(id);
      if (number) return { id, label: formatPhoneNumber(number.e164), href: `/phone-numbers/${id}`, e164: number.e164 };
      const e164 = e164Recorded(...recordedIn) ?? purgedE164.get(id);
      return e164 ? { id, label: `${formatPhoneNumber(e164)} (removed)`, e164 } : { id, label: 'A number that does not exist' };
    },
  };
}

/** From an add's `after` ({ importId, added, … }): the count, and a link for the admin who added them. */
function numbersAdded(admin: SessionAdmin, e: EventRecord): AuditRow['numbersAdded'] {
  const after = (typeof e.after === 'object' && e.after !== null ? e.after : {}) as Record<string, unknown>;
  const count = typeof after.added === 'number' ? after.added : 0;
  const importId = typeof after.importId === 'string' ? after.importId : undefined;
  return { count, ...(importId && e.adminId === admin.id ? { href: `/phone-numbers/add/${importId}` } : {}) };
}

async function describeEvents(admin: SessionAdmin, events: EventRecord[]): Promise<AuditRow[]> {
  if (events.length === 0) return [];
  const present = (pick: (e: EventRecord) => string | null) => events.map(pick).filter((id): id is string => Boolean(id));
  const names = await lookUp(admin, {
    adminIds: present((e) => e.adminId),
    accountIds: present((e) => e.accountId),
    userIds: present((e) => e.userId),
    phoneNumberIds: present((e) => e.phoneNumberId),
    tokenIds: present((e) => e.tokenId),
  });
  // Times inside the changes read in the admin's zone; through a token (the API) in UTC, as machines get them.
  const times = timesIn(admin.token ? DEFAULT_TIME_ZONE : admin.timeZone);
  return events.map((e) => {
    const actor = e.adminId ? names.admin(e.adminId) : undefined;
    const who: AuditRow['who'] = e.adminId
      ? { kind: 'admin', adminId: e.adminId, name: actor?.name ?? 'A former admin', email: actor?.email ?? e.adminEmail ?? '' }
      : e.action === 'sign-in' && e.adminEmail
        ? { kind: 'attempt', email: e.adminEmail }
        : // A machine call with no token of ours (none, or an unknown one) has no admin to name.
          { kind: 'system', name: e.action === 'api-request' ? 'An API caller without a valid token' : 'System' };
    const changes = describeChanges(e.before, e.after, times);
    return {
      id: e.id,
      seq: String(e.seq),
      at: e.at,
      who,
      token: e.tokenId ? { id: e.tokenId, name: e.tokenName ?? '', kind: names.tokenKind(e.tokenId) } : null,
      action: e.action,
      actionLabel: actionLabel(e.action),
      outcome: e.outcome,
      account: e.accountId ? names.account(e.accountId) : null,
      user: e.userId ? names.user(e.userId) : null,
      phoneNumber: e.phoneNumberId ? names.phoneNumber(e.phoneNumberId, [e.before, e.after]) : null,
      changes,
      requested: changes.length > 0 && isRequest(e.outcome, e.before, e.after),
      before: e.before,
      after: e.after,
      detail: e.detail,
      ...(e.action === 'add-phone-numbers' && e.outcome === 'Done' ? { numbersAdded: numbersAdded(admin, e) } : {}),
    };
  });
}
