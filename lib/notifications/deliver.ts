import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import type { InvitationStatus, OutboxKind, Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { mailConfig, redactCredentials, retryDelayMs, type MailConfig } from './mail-config';

// Sends what the outbox holds. A message is claimed with a conditional update (still Pending,
// still due at the moment we read it), so two dispatchers (two instances, or a sweep and an
// after-request kick) never send one message twice: the second finds nothing to update. The
// claim also pushes the message's next attempt a lease into the future, so one a crashed
// process was sending is tried again later rather than never. Sending happens outside any
// transaction: PGlite runs one transaction at a time, and an SMTP server can take seconds.

/** Longer than nodemailer's timeouts below together, so a live send never loses its claim. */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

type Claimed = { id: string; to: string; subject: string; text: string; html: string; attempts: number; kind: OutboxKind; userId: string };

export type DeliveryReport = { sent: number; retrying: number; failed: number };

async function claimDue(prisma: PrismaClient, now: Date): Promise<Claimed[]> {
  const due = await prisma.outboxMessage.findMany({
    where: { status: 'Pending', nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: 'asc' }, { seq: 'asc' }],
    take: BATCH,
    select: { id: true, nextAttemptAt: true, attempts: true },
  });
  const claimed: Claimed[] = [];
  for (const m of due) {
    const { count } = await prisma.outboxMessage.updateMany({
      where: { id: m.id, status: 'Pending', nextAttemptAt: m.nextAttemptAt, attempts: m.attempts },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (count !== 1) continue; // another dispatcher has it
    const row = await prisma.outboxMessage.findUniqueOrThrow({
      where: { id: m.id },
      select: { id: true, to: true, subject: true, text: true, html: true, attempts: true, kind: true, userId: true },
    });
    claimed.push(row);
  }
  return claimed;
}

/**
 * Records a delivery attempt on the message, if this dispatcher still holds it. An invitation's
 * outcome (Sent, or Failed for good) becomes the user's invitation status in the same short
 * transaction, unless the user has meanwhile accepted (signed in) or been removed.
 */
async function settle(
  prisma: PrismaClient,
  message: Claimed,
  outcome: Extract<InvitationStatus, 'Sent' | 'Failed'> | null,
  data: Prisma.OutboxMessageUpdateManyMutationInput,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({ where: { id: message.id, status: 'Pending', attempts: message.attempts }, data });
    if (count === 1 && outcome && message.kind === 'Invitation') {
      await tx.user.updateMany({
        where: { id: message.userId, removedAt: null, invitationStatus: { in: ['Pending', 'Sent', 'Failed'] } },
        data: { invitationStatus: outcome },
      });
    }
  });
}

function smtpTransport(config: MailConfig): Transporter {
  return nodemailer.createTransport(config.url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
}

/**
 * Sends every message that is due now, until none is left (a message whose retry is later stays
 * for a later run). Errors of one message are recorded on it; this never throws for them.
 */
export async function deliverDueMessages(
  config: MailConfig,
  options: { prisma?: PrismaClient; transport?: Transporter; log?: (line: string) => void } = {},
): Promise<DeliveryReport> {
  const prisma = options.prisma ?? (await getPrisma());
  const transport = options.transport ?? smtpTransport(config);
  const log = options.log ?? ((line: string) => console.error(line));
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  try {
    for (;;) {
      const batch = await claimDue(prisma, new Date());
      if (batch.length === 0) return report;
      for (const message of batch) {
        try {
          await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
          await settle(prisma, message, 'Sent', { status: 'Sent', sentAt: new Date(), lastError: null });
          report.sent++;
        } catch (err) {
          const error = redactCredentials((err as Error).message ?? String(err), config.url).slice(0, 1000);
          const final = message.attempts >= config.maxAttempts;
          await settle(
            prisma,
            message,
            final ? 'Failed' : null,
            final
              ? { status: 'Failed', lastError: error }
              : { lastError: error, nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts, config.retryBaseMs)) },
          );
          if (final) report.failed++;
          else report.retrying++;
          log(
            `Email ${message.id} ${final ? `failed for good after ${message.attempts} attempts` : `attempt ${message.attempts} failed, will retry`}: ${error}`,
          );
        }
      }
    }
  } finally {
    if (!options.transport) transport.close();
  }
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Delivers what is due, in the background of this process, if a mail server is configured. Never
 * throws, never runs twice at once in one process (a call while running asks for one more run).
 */
export function kickDelivery(): Promise<void> {
  const config = safeConfig();
  if (!config) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await deliverDueMessages(config);
      } catch (err) {
        console.error(`Delivering emails failed: ${redactCredentials((err as Error).message, config.url)}`);
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

function safeConfig(): MailConfig | null {
  try {
    return mailConfig();
  } catch (err) {
    console.error(`Email is not being sent: ${(err as Error).message}`);
    return null;
  }
}

/** Looks for due messages every `sweepMs` (retries, and messages a stopped process left behind). */
export function startDeliverySweep(): void {
  const config = safeConfig();
  if (!config) return;
  setTimeout(() => void kickDelivery(), 2_000).unref();
  setInterval(() => void kickDelivery(), config.sweepMs).unref();
}
