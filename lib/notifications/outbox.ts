import 'server-only';
import type { OutboxKind, OutboxStatus, Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { newestFirstPage, type ListParams, type Page } from '@/lib/kernel/pagination';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { canSeeAccount } from '@/lib/kernel/scope';

// Reading the outbox: the emails to users about changes, as the Outbox page and a user's page
// show them. An admin sees the messages about users in the accounts they administer, read-only
// admins included (they may see the users, so they may see what was sent to them).

export type OutboxRow = {
  id: string;
  seq: bigint;
  accountId: string;
  userId: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
};

export const outboxRowSelect = {
  id: true,
  seq: true,
  accountId: true,
  userId: true,
  kind: true,
  to: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
} as const satisfies Prisma.OutboxMessageSelect;

/** The messages this admin may see. */
function outboxScope(admin: SessionAdmin): Prisma.OutboxMessageWhereInput {
  return admin.allAccounts ? {} : { accountId: { in: [...admin.accountIds] } };
}

/** Every message this admin may see, newest first, a keyset page at a time. */
export async function listOutboxMessages(admin: SessionAdmin, params: Pick<ListParams, 'after' | 'before'>): Promise<Page<OutboxRow>> {
  const prisma = await getPrisma();
  const page = newestFirstPage(params);
  const rows = await prisma.outboxMessage.findMany({
    where: { AND: [outboxScope(admin), page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: outboxRowSelect,
  });
  return page.toPage(rows);
}

export type OutboxMessageDetails = OutboxRow & { text: string; html: string; user: { fullName: string } | null };

/** One message with its body and its user's name, or null if there is none with this id that the admin may see. */
export async function getOutboxMessage(admin: SessionAdmin, id: string): Promise<OutboxMessageDetails | null> {
  const prisma = await getPrisma();
  const message = await prisma.outboxMessage.findFirst({
    where: { AND: [outboxScope(admin), { id }] },
    select: { ...outboxRowSelect, text: true, html: true, user: { select: { fullName: true, accountId: true } } },
  });
  if (!message || !canSeeAccount(admin, message.accountId)) return null;
  const { user, ...rest } = message;
  return { ...rest, user: user.accountId === message.accountId ? { fullName: user.fullName } : null };
}

export const USER_NOTIFICATIONS = 10;
