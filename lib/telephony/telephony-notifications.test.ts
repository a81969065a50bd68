import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SIGN_OUT_SENTENCE } from '@/lib/notifications/compose';
import { useTestDatabase } from '@/lib/test/database';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import { sessionFor } from '@/lib/test/session';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { getOutboxMessage, listOutboxMessages } from '@/lib/notifications/outbox';
import { getUserWithNotifications } from '@/lib/directory/users';
import { assignPhoneNumber, editTelephonyPermissions, unassignPhoneNumber } from './telephony';

// "Email <user> about this change": the email is queued with the change, in its transaction,
// and only when the change is made.

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

const outboxOf = (userId: string) =>
  prisma.outboxMessage.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { to: true, kind: true, subject: true, text: true, html: true, status: true, adminId: true, attempts: true },
  });

async function rejected(kind: DomainError['kind'], run: () => Promise<unknown>) {
  const err = await run().then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof DomainError && err.kind === kind, String(err));
}

test('assign with the box selected queues one Pending email to the user, saying the new number and the sign-out step', async () => {
  const account = await makeAccount(prisma);
  const user = await makeUser(prisma, account.id, { fullName: 'Jane Doe' });
  const number = await makePhoneNumber(prisma, { e164: '+12065550177' });
  const result = await assignPhoneNumber(admin, {
    accountId: account.id,
    userId: user.id,
    phoneNumberId: number.id,
    userVersion: 1,
    notifyUser: true,
  });
  assert.equal(result.notified, true);
  const [message, ...more] = await outboxOf(user.id);
  assert.equal(more.length, 0);
  assert.equal(message!.to, user.email);
  assert.equal(message!.kind, 'Assigned');
  assert.equal(message!.status, 'Pending');
  assert.equal(message!.attempts, 0);
  assert.equal(message!.adminId, admin.id);
  assert.equal(message!.subject, 'Your new phone number is +1 206 555 0177');
  assert.match(message!.text, /Hello Jane Doe,/);
  assert.match(message!.text, /Inbound calling: off/);
  assert.ok(message!.text.includes(SIGN_OUT_SENTENCE));
  assert.ok(message!.html.includes('+1 206 555 0177'));

  // A replay changes nothing, and so announces nothing.
  const again = await assignPhoneNumber(admin, {
    accountId: account.id,
    userId: user.id,
    phoneNumberId: number.id,
    userVersion: 1,
    notifyUser: true,
  });
  assert.deepEqual([again.repeated, again.notified], [true, false]);
  assert.equal((await outboxOf(user.id)).length, 1);
});

test('with the box cleared (or absent), the change is made and no email is queued', async () => {
  const account = await makeAccount(prisma);
  const user = await makeUser(prisma, account.id);
  const number = await makePhoneNumber(prisma);
  const result = await assignPhoneNumber(admin, {
    accountId: account.id,
    userId: user.id,
    phoneNumberId: number.id,
    userVersion: 1,
    notifyUser: false,
  });
  assert.equal(result.notified, false);
  await editTelephonyPermissions(admin, {
    accountId: account.id,
    userId: user.id,
    version: 2,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
  });
  await unassignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, version: 3, notifyUser: false });
  assert.equal((await outboxOf(user.id)).length, 0);
  assert.equal(await prisma.phoneNumber.count({ where: { id: number.id, status: 'Unassigned' } }), 1);
});

test('permissions and unassign emails describe the state after the change', async () => {
  const account = await makeAccount(prisma);
  const user = await makeUser(prisma, account.id);
  const number = await makePhoneNumber(prisma, { user, e164: '+12065550178' });
  await editTelephonyPermissions(admin, {
    accountId: account.id,
    userId: user.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: true,
    notifyUser: true,
  });
  await unassignPhoneNumber(admin, { accountId: account.id, userId: user.id, phoneNumberId: number.id, version: 2, notifyUser: true });
  const [permissions, unassigned] = await outboxOf(user.id);
  assert.equal(permissions!.kind, 'PermissionsChanged');
  assert.match(permissions!.text, /on \+1 206 555 0178\./);
  assert.match(permissions!.text, /- Inbound calling: on\n- Outbound calling: off\n- SMS: on/);
  assert.equal(unassigned!.kind, 'Unassigned');
  assert.match(unassigned!.text, /removed your phone number \+1 206 555 0178/);
  assert.match(unassigned!.text, /- Phone number: None\n- Inbound calling: off\n- Outbound calling: off\n- SMS: off/);
});

test('a refused or conflicting change queues no email', async () => {
  const account = await makeAccount(prisma);
  const user = await makeUser(prisma, account.id);
  const held = await makePhoneNumber(prisma, { user });
  const other = await makePhoneNumber(prisma);
  const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
  const target = { accountId: account.id, userId: user.id, notifyUser: true };
  await rejected('conflict', () => assignPhoneNumber(admin, { ...target, phoneNumberId: other.id, userVersion: 1 }));
  await rejected('denied', () =>
    editTelephonyPermissions(viewer, { ...target, version: 1, inboundCalling: true, outboundCalling: false, sms: false }),
  );
  await rejected('conflict', () =>
    editTelephonyPermissions(admin, { ...target, version: 7, inboundCalling: true, outboundCalling: false, sms: false }),
  );
  await rejected('conflict', () => unassignPhoneNumber(admin, { ...target, phoneNumberId: held.id, version: 9 }));
  // Two admins saving the same form at once: one change, so one email.
  const results = await Promise.allSettled([
    editTelephonyPermissions(admin, { ...target, version: 1, inboundCalling: true, outboundCalling: false, sms: false }),
    editTelephonyPermissions(admin, { ...target, version: 1, inboundCalling: false, outboundCalling: true, sms: false }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.equal((await outboxOf(user.id)).length, 1);
});

test('the outbox shows an admin only the messages about their accounts, read-only admins included', async () => {
  const mine = await makeAccount(prisma);
  const theirs = await makeAccount(prisma);
  const myUser = await makeUser(prisma, mine.id);
  const theirUser = await makeUser(prisma, theirs.id);
  await makePhoneNumber(prisma, { user: myUser });
  await makePhoneNumber(prisma, { user: theirUser });
  await editTelephonyPermissions(admin, {
    accountId: mine.id,
    userId: myUser.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
    notifyUser: true,
  });
  await editTelephonyPermissions(admin, {
    accountId: theirs.id,
    userId: theirUser.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
    notifyUser: true,
  });
  const idOf = async (userId: string) => (await prisma.outboxMessage.findFirstOrThrow({ where: { userId } })).id;
  const mineId = await idOf(myUser.id);
  const theirsId = await idOf(theirUser.id);
  const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', accountIds: [mine.id] })).id);
  const page = await listOutboxMessages(viewer, {});
  assert.deepEqual(
    page.rows.map((r) => r.id),
    [mineId],
  );
  assert.equal((await getOutboxMessage(viewer, mineId))?.user?.fullName, myUser.fullName);
  assert.equal(await getOutboxMessage(viewer, theirsId), null);
  assert.deepEqual(
    (await getUserWithNotifications(viewer, mine.id, myUser.id))?.notifications.rows.map((r) => r.id),
    [mineId],
  );
  assert.equal(await getUserWithNotifications(viewer, theirs.id, theirUser.id), null);
  // Everyone's admin sees both, newest first.
  const all = (await listOutboxMessages(admin, {})).rows.map((r) => r.id);
  assert.ok(all.indexOf(theirsId) < all.indexOf(mineId));
});

test('the outbox pages newest first without skipping or repeating', async () => {
  const account = await makeAccount(prisma);
  const user = await makeUser(prisma, account.id);
  await makePhoneNumber(prisma, { user });
  const scoped = await sessionFor((await makeAdmin(prisma, { accountIds: [account.id] })).id);
  for (let v = 1; v <= 30; v++) {
    await editTelephonyPermissions(admin, {
      accountId: account.id,
      userId: user.id,
      version: v,
      inboundCalling: v % 2 === 1, // a change every time: saved as it was would queue nothing
      outboundCalling: false,
      sms: false,
      notifyUser: true,
    });
  }
  const first = await listOutboxMessages(scoped, {});
  assert.equal(first.rows.length, 25);
  assert.ok(first.nextCursor && !first.prevCursor);
  const second = await listOutboxMessages(scoped, { after: first.nextCursor });
  assert.equal(second.rows.length, 5);
  const seqs = [...first.rows, ...second.rows].map((r) => Number(r.seq));
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => b - a),
  );
  assert.equal(new Set(seqs).size, 30);
  assert.ok(second.prevCursor);
  const back = await listOutboxMessages(scoped, { before: second.prevCursor });
  assert.deepEqual(
    back.rows.map((r) => r.id),
    first.rows.map((r) => r.id),
  );
});
