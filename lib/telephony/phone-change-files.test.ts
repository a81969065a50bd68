import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { assertRefused } from '@/lib/test/refused';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueLocalE164, uniqueTollFreeE164 } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { parse } from 'csv-parse/sync';
import { applyChangeFile, changeFileCsv, dryRunChangeFile, getChangeFile } from './phone-change-files';
import { assignPhoneNumber } from './telephony';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

/** An account with: ada (no number), bea (holding one), cy (no number, whose number someone else takes). */
async function scene() {
  const account = await makeAccount(prisma);
  const ada = await makeUser(prisma, account.id, { fullName: 'Ada File' });
  const bea = await makeUser(prisma, account.id, { fullName: 'Bea File' });
  const cy = await makeUser(prisma, account.id, { fullName: 'Cy File' });
  const other = await makeUser(prisma, account.id, { fullName: 'Other File' });
  const free = await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
  const forCy = await makePhoneNumber(prisma, { e164: uniqueLocalE164() });
  const beas = await makePhoneNumber(prisma, { e164: uniqueLocalE164(), user: bea });
  const tollFree = await makePhoneNumber(prisma, { e164: uniqueTollFreeE164(), type: 'TollFree' });
  return { account, ada, bea, cy, other, free, forCy, beas, tollFree };
}

const audits = (accountId: string) =>
  prisma.auditEvent.findMany({ where: { accountId }, orderBy: { seq: 'asc' }, select: { action: true, outcome: true, userId: true } });

test('dry run says what each row would do and changes nothing; Apply re-checks each row and reports what happened', async () => {
  const s = await scene();
  const file = [
    'User,Phone number,Action,Inbound,Outbound,SMS,=Notes',
    `${s.ada.email},${s.free.e164},,,,,=1+1`, // assign
    `${s.ada.id},,set permissions,yes,yes,,`, // then permissions, after the assign above
    `${s.bea.email},,,,,,`, // unassign
    `${s.cy.email},${s.forCy.e164},,,,,`, // assign, but someone takes it before Apply
    `${s.other.email},${s.tollFree.e164},,,,,`, // not assignable
    `nobody@test.example,${s.free.e164},,,,,`,
    `${s.other.email},,,maybe,,,`,
  ].join('\r\n');
  const before = JSON.stringify(
    await prisma.phoneNumber.findMany({ where: { id: { in: [s.free.id, s.beas.id] } }, orderBy: { id: 'asc' } }),
  );
  const { id } = await dryRunChangeFile(admin, s.account.id, new TextEncoder().encode(file));
  const dry = (await getChangeFile(admin, s.account.id, id))!;
  assert.deepEqual(
    dry.rows.map((r) => r.outcome),
    ['assign', 'set-permissions', 'unassign', 'assign', 'not-assignable', 'user-not-found', 'invalid'],
  );
  assert.equal(dry.counts.assign, 2);
  assert.equal(dry.appliedAt, null);
  const after = JSON.stringify(
    await prisma.phoneNumber.findMany({ where: { id: { in: [s.free.id, s.beas.id] } }, orderBy: { id: 'asc' } }),
  );
  assert.equal(after, before, 'the dry run changes nothing');
  assert.equal((await audits(s.account.id)).length, 0, 'and audits nothing');

  // Before Apply, another admin gives Cy's number to Other.
  const rival = await sessionFor((await makeAdmin(prisma)).id);
  await assignPhoneNumber(rival, { accountId: s.account.id, userId: s.other.id, phoneNumberId: s.forCy.id, userVersion: 1 });

  const result = await applyChangeFile(admin, s.account.id, id);
  assert.equal(result.repeated, false);
  const applied = (await getChangeFile(admin, s.account.id, id))!;
  assert.deepEqual(
    applied.rows.map((r) => r.outcome),
    ['assign', 'set-permissions', 'unassign', 'conflict', 'conflict', 'user-not-found', 'invalid'],
  );
  assert.match(applied.rows[3]!.message, /held by someone else/);
  // Other has a number by now, so the toll-free row is refused for that first.
  assert.match(applied.rows[4]!.message, /Other File already has the phone number/);
  assert.ok(applied.appliedAt);

  const users = await prisma.user.findMany({
    where: { id: { in: [s.ada.id, s.bea.id, s.cy.id] } },
    select: { id: true, inboundCalling: true, outboundCalling: true, sms: true, phoneNumber: { select: { e164: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  assert.deepEqual(byId.get(s.ada.id), {
    id: s.ada.id,
    inboundCalling: true,
    outboundCalling: true,
    sms: false,
    phoneNumber: { e164: s.free.e164 },
  });
  assert.equal(byId.get(s.bea.id)!.phoneNumber, null);
  assert.equal(byId.get(s.cy.id)!.phoneNumber, null);
  assert.equal((await prisma.phoneNumber.findUnique({ where: { id: s.beas.id } }))!.status, 'Unassigned');

  // One audit trail: each change audited as the single-user workflows do, then the file's summary.
  const trail = (await audits(s.account.id)).filter((a) => a.userId !== s.other.id || a.action !== 'assign-phone-number');
  assert.deepEqual(
    trail.map((a) => `${a.action}:${a.outcome}`),
    ['assign-phone-number:Done', 'edit-telephony-permissions:Done', 'unassign-phone-number:Done', 'change-phone-numbers-from-file:Done'],
  );

  // Applying again (a double submit) changes nothing twice.
  assert.equal((await applyChangeFile(admin, s.account.id, id)).repeated, true);
  assert.equal((await audits(s.account.id)).length, trail.length + 1);

  // The result CSV: the input columns, then outcome and message; no cell can start a formula.
  const out = await changeFileCsv(admin, s.account.id, id);
  assert.ok(out?.applied);
  const records = parse(out.csv, { bom: true }) as string[][];
  assert.deepEqual(records[0], ['User', 'Phone number', 'Action', 'Inbound', 'Outbound', 'SMS', "'=Notes", 'Outcome', 'Message']);
  assert.equal(records[1]![0], s.ada.email);
  assert.equal(records[1]![1], `'${s.free.e164}`);
  assert.equal(records[1]![6], "'=1+1");
  assert.deepEqual(
    records.slice(1).map((r) => r[7]),
    ['Assigned', 'Permissions set', 'Unassigned', 'Conflict', 'Conflict', 'User not found', 'Invalid row'],
  );
});

test('read-only admins and admins of other accounts are refused and audited; a file that cannot be read is invalid', async () => {
  const s = await scene();
  const file = `User,Phone number\r\n${s.ada.email},${s.free.e164}`;
  const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
  await assertRefused('denied', () => dryRunChangeFile(viewer, s.account.id, file));
  const elsewhere = await sessionFor((await makeAdmin(prisma, { accountIds: [(await makeAccount(prisma)).id] })).id);
  await assertRefused('not-found', () => dryRunChangeFile(elsewhere, s.account.id, file));
  const err = await assertRefused('invalid', () => dryRunChangeFile(admin, s.account.id, 'Name\r\nAda'));
  assert.equal(err.field, 'csv');
  assert.deepEqual(
    (
      await prisma.auditEvent.findMany({
        where: { accountId: s.account.id },
        orderBy: { seq: 'asc' },
        select: { action: true, outcome: true },
      })
    ).map((a) => `${a.action}:${a.outcome}`),
    ['change-phone-numbers-from-file:Denied', 'change-phone-numbers-from-file:Denied', 'change-phone-numbers-from-file:Invalid'],
  );

  // Someone else's file is not theirs to see or apply, even in an account they administer.
  const { id } = await dryRunChangeFile(admin, s.account.id, file);
  const colleague = await sessionFor((await makeAdmin(prisma)).id);
  assert.equal(await getChangeFile(colleague, s.account.id, id), null);
  assert.equal(await changeFileCsv(elsewhere, s.account.id, id), null);
  await assertRefused('not-found', () => applyChangeFile(colleague, s.account.id, id));
  await assertRefused('denied', () => applyChangeFile(viewer, s.account.id, id));
  assert.equal((await prisma.phoneNumber.findUnique({ where: { id: s.free.id } }))!.status, 'Unassigned');
});

test('an account suspended between the dry run and Apply: the assign is refused, saying why, and nothing changes', async () => {
  const s = await scene();
  const { id } = await dryRunChangeFile(admin, s.account.id, `User,Phone number\r\n${s.ada.email},${s.free.e164}`);
  assert.equal((await getChangeFile(admin, s.account.id, id))!.rows[0]!.outcome, 'assign');
  await prisma.account.update({ where: { id: s.account.id }, data: { status: 'Suspended' } });
  await applyChangeFile(admin, s.account.id, id);
  const [row] = (await getChangeFile(admin, s.account.id, id))!.rows;
  assert.equal(row!.outcome, 'refused');
  assert.match(row!.message, /suspended/);
  assert.equal((await prisma.phoneNumber.findUnique({ where: { id: s.free.id } }))!.status, 'Unassigned');
});
