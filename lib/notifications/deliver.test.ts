import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { assignPhoneNumber } from '@/lib/telephony/telephony';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { useTestDatabase } from '@/lib/test/database';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import { sessionFor } from '@/lib/test/session';
import { deliverDueMessages } from './deliver';
import type { MailConfig } from './mail-config';

// Delivery against a real SMTP server on this machine (smtp-server), started by the test.

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
const servers: SMTPServer[] = [];
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});
after(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

type Received = { from: string; to: string[]; raw: string };

/** An SMTP server on 127.0.0.1 at a free port; `refuse` answers a recipient with a temporary error that many times first. */
async function startServer(options: { refuse?: number } = {}): Promise<{ port: number; received: Received[]; refused: () => number }> {
  const received: Received[] = [];
  let refusals = 0;
  const config: SMTPServerOptions = {
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals < (options.refuse ?? 0)) {
        refusals++;
        const err = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(config);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, received, refused: () => refusals };
}

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const config = (port: number, overrides: Partial<MailConfig> = {}): MailConfig => ({
  url: `smtp://127.0.0.1:${port}`,
  from: 'Switchboard <no-reply@switchboard.invalid>',
  maxAttempts: 5,
  retryBaseMs: 1,
  sweepMs: 1000,
  ...overrides,
});

/** Runs the dispatcher as the sweep would, until nothing is Pending (retries are 1 ms apart here). */
async function deliverUntilSettled(cfg: MailConfig) {
  for (let i = 0; i < 50; i++) {
    await deliverDueMessages(cfg, { prisma, log: () => {} });
    if ((await prisma.outboxMessage.count({ where: { status: 'Pending' } })) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('messages still Pending after 50 runs');
}

let lines = 0;
/** A user given a number with "Email … about this change" selected: one Pending message. */
async function assignedWithEmail() {
  const account = await makeAccount(prisma);
  const user = await makeUser(prisma, account.id);
  // A Seattle number, so the subject's formatting is known; the line is unique in this database.
  const number = await makePhoneNumber(prisma, { e164: `+1206555${String(1000 + lines++)}` });
  await assignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, userVersion: 1, notifyUser: true });
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: user.id } });
  assert.equal(message.status, 'Pending');
  return { account, user, number, messageId: message.id };
}

test('a queued email is delivered with a plain text and an HTML part, then marked Sent', async () => {
  const server = await startServer();
  const { user, messageId } = await assignedWithEmail();
  const report = await deliverDueMessages(config(server.port), { prisma });
  assert.deepEqual(report, { sent: 1, retrying: 0, failed: 0 });
  assert.equal(server.received.length, 1);
  const mail = server.received[0]!;
  assert.deepEqual(mail.to, [user.email]);
  assert.equal(mail.from, 'no-reply@switchboard.invalid');
  assert.match(mail.raw, /Content-Type: multipart\/alternative/);
  assert.match(mail.raw, /Content-Type: text\/plain/);
  assert.match(mail.raw, /Content-Type: text\/html/);
  assert.match(mail.raw, /Subject: Your new phone number is \+1 206 555/);
  const stored = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
  assert.equal(stored.status, 'Sent');
  assert.equal(stored.attempts, 1);
  assert.ok(stored.sentAt);
  assert.equal(stored.lastError, null);
  // Nothing is sent twice: a second run finds nothing due.
  assert.deepEqual(await deliverDueMessages(config(server.port), { prisma }), { sent: 0, retrying: 0, failed: 0 });
  assert.equal(server.received.length, 1);
});

test('a server that refuses the first attempt: retried after a back-off, then Sent with 2 attempts', async () => {
  const server = await startServer({ refuse: 1 });
  const { messageId } = await assignedWithEmail();
  const first = await deliverDueMessages(config(server.port, { retryBaseMs: 60_000 }), { prisma, log: () => {} });
  assert.deepEqual(first, { sent: 0, retrying: 1, failed: 0 });
  const waiting = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
  assert.equal(waiting.status, 'Pending');
  assert.equal(waiting.attempts, 1);
  assert.match(waiting.lastError ?? '', /451|busy/i);
  assert.ok(waiting.nextAttemptAt.getTime() > Date.now() + 50_000, 'the retry waits for the back-off');
  // Not due yet: a run now sends nothing.
  assert.deepEqual(await deliverDueMessages(config(server.port), { prisma }), { sent: 0, retrying: 0, failed: 0 });
  await prisma.outboxMessage.update({ where: { id: messageId }, data: { nextAttemptAt: new Date() } });
  await deliverUntilSettled(config(server.port));
  const stored = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
  assert.equal(stored.status, 'Sent');
  assert.equal(stored.attempts, 2);
  assert.equal(server.refused(), 1);
  assert.equal(server.received.length, 1);
});

test('no server listening: Failed after the last attempt, and the change itself stays made', async () => {
  const port = await deadPort();
  const { user, number, messageId } = await assignedWithEmail();
  await deliverUntilSettled(config(port, { maxAttempts: 3 }));
  const stored = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
  assert.equal(stored.status, 'Failed');
  assert.equal(stored.attempts, 3);
  assert.equal(stored.sentAt, null);
  assert.match(stored.lastError ?? '', /ECONNREFUSED|connect/i);
  const after = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { phoneNumber: { select: { id: true, status: true } } },
  });
  assert.deepEqual(after.phoneNumber, { id: number.id, status: 'Assigned' });
});

test('two dispatchers at once send each message once', async () => {
  const server = await startServer();
  const messages = await Promise.all([assignedWithEmail(), assignedWithEmail(), assignedWithEmail()]);
  const reports = await Promise.all([
    deliverDueMessages(config(server.port), { prisma }),
    deliverDueMessages(config(server.port), { prisma }),
  ]);
  assert.equal(reports[0]!.sent + reports[1]!.sent, 3);
  assert.equal(server.received.length, 3);
  for (const m of messages) {
    assert.equal((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: m.messageId } })).attempts, 1);
  }
});
