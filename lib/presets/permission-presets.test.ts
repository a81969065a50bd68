import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import { assertRefused } from '@/lib/test/refused';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { describeChanges } from '@/lib/audit/format';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { assignPhoneNumber } from '@/lib/telephony/telephony';
import {
  createPermissionPreset,
  deletePermissionPreset,
  editPermissionPreset,
  listPermissionPresets,
  MAX_PRESETS_PER_ACCOUNT,
} from './permission-presets';
import { createPermissionPresetSchema, permissionsAfterAssigning, presetChoice, presetChoiceValue } from './schemas';
import { describeChoice, describePermissions } from './words';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

const CALLING = { inboundCalling: true, outboundCalling: true, sms: false };
const EVERYTHING = { inboundCalling: true, outboundCalling: true, sms: true };
const ALL_OFF_PERMISSIONS = { inboundCalling: false, outboundCalling: false, sms: false };

/** Presets, users and numbers: what a refusal must leave as it was (the audit log grows). */
async function snapshot() {
  const [presets, users, numbers, history] = await Promise.all([
    prisma.permissionPreset.findMany({ orderBy: { id: 'asc' } }),
    prisma.user.findMany({ orderBy: { id: 'asc' } }),
    prisma.phoneNumber.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignmentHistory.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ presets, users, numbers, history });
}

const audit = (accountId: string, action: string) =>
  prisma.auditEvent.findMany({
    where: { accountId, action },
    orderBy: { seq: 'asc' },
    select: { outcome: true, adminId: true, before: true, after: true, detail: true },
  });

describe('permission presets', () => {
  test('add, edit and delete, each audited; names unique per account whatever their capitals', async () => {
    const account = await makeAccount(prisma);
    const other = await makeAccount(prisma);
    const preset = await createPermissionPreset(admin, { accountId: account.id, name: 'Calling only', ...CALLING });
    assert.deepEqual(await listPermissionPresets(admin, account.id), [{ id: preset.id, name: 'Calling only', version: 1, ...CALLING }]);
    const [created] = await audit(account.id, 'create-permission-preset');
    assert.deepEqual(created, {
      outcome: 'Done',
      adminId: admin.id,
      before: null,
      after: { presetId: preset.id, name: 'Calling only', ...CALLING },
      detail: null,
    });

    // The same name in other capitals is refused on the name field; another account may use it.
    const dup = await assertRefused(
      'invalid',
      () => createPermissionPreset(admin, { accountId: account.id, name: 'CALLING ONLY', ...EVERYTHING }),
      snapshot,
    );
    assert.equal(dup.field, 'name');
    assert.equal(dup.message, 'This account already has a preset called “CALLING ONLY”. Choose another name.');
    await createPermissionPreset(admin, { accountId: other.id, name: 'Calling only', ...CALLING });

    const everything = await createPermissionPreset(admin, { accountId: account.id, name: 'Calling and SMS', ...EVERYTHING });
    // Renaming onto another preset's name is refused too.
    const clash = await assertRefused(
      'invalid',
      () =>
        editPermissionPreset(admin, { accountId: account.id, presetId: everything.id, version: 1, name: 'calling only', ...EVERYTHING }),
      snapshot,
    );
    assert.equal(clash.field, 'name');

    const edited = await editPermissionPreset(admin, {
      accountId: account.id,
      presetId: preset.id,
      version: 1,
      name: 'Calls',
      ...CALLING,
      sms: true,
    });
    assert.deepEqual(edited, { id: preset.id, name: 'Calls', version: 2, ...EVERYTHING, repeated: false });
    const [clashRow, editRow] = await audit(account.id, 'edit-permission-preset');
    assert.equal(clashRow!.outcome, 'Invalid');
    assert.equal(editRow!.outcome, 'Done');
    assert.deepEqual(
      describeChanges(editRow!.before, editRow!.after).map((c) => `${c.field}: ${c.before} → ${c.after}`),
      ['SMS: Off → On', 'Name: Calling only → Calls'],
    );
    // A stale form (version 1) is refused and changes nothing.
    const stale = await assertRefused(
      'conflict',
      () => editPermissionPreset(admin, { accountId: account.id, presetId: preset.id, version: 1, name: 'Calls again', ...CALLING }),
      snapshot,
    );
    assert.match(stale.message, /Someone else changed “Calls” while you were editing/);

    await assertRefused(
      'conflict',
      () => deletePermissionPreset(admin, { accountId: account.id, presetId: preset.id, version: 1 }),
      snapshot,
    );
    assert.deepEqual(await deletePermissionPreset(admin, { accountId: account.id, presetId: preset.id, version: 2 }), {
      name: 'Calls',
      repeated: false,
    });
    assert.deepEqual(await deletePermissionPreset(admin, { accountId: account.id, presetId: preset.id, version: 2 }), {
      name: null,
      repeated: true,
    });
    assert.deepEqual(
      (await listPermissionPresets(admin, account.id))!.map((p) => p.name),
      ['Calling and SMS'],
    );
    assert.deepEqual(
      (await audit(account.id, 'delete-permission-preset')).map((r) => [r.outcome, r.before]),
      [
        ['Conflict', null],
        ['Done', { presetId: preset.id, name: 'Calls', ...EVERYTHING }],
      ],
    );
  });

  test('ReadOnly admins and admins of other accounts are refused, and audited', async () => {
    const account = await makeAccount(prisma);
    const elsewhere = await makeAccount(prisma);
    const preset = await createPermissionPreset(admin, { accountId: account.id, name: 'Calling only', ...CALLING });
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', accountIds: [account.id] })).id);
    const outsider = await sessionFor((await makeAdmin(prisma, { accountIds: [elsewhere.id] })).id);

    // A ReadOnly admin of the account may look, not change.
    assert.equal((await listPermissionPresets(viewer, account.id))!.length, 1);
    await assertRefused('denied', () => createPermissionPreset(viewer, { accountId: account.id, name: 'Mine', ...CALLING }), snapshot);
    await assertRefused(
      'denied',
      () => editPermissionPreset(viewer, { accountId: account.id, presetId: preset.id, version: 1, name: 'Mine', ...CALLING }),
      snapshot,
    );
    await assertRefused(
      'denied',
      () => deletePermissionPreset(viewer, { accountId: account.id, presetId: preset.id, version: 1 }),
      snapshot,
    );

    // An admin of another account sees nothing and changes nothing.
    assert.equal(await listPermissionPresets(outsider, account.id), null);
    await assertRefused(
      'not-found',
      () => createPermissionPreset(outsider, { accountId: account.id, name: 'Theirs', ...CALLING }),
      snapshot,
    );
    await assertRefused(
      'not-found',
      () => editPermissionPreset(outsider, { accountId: account.id, presetId: preset.id, version: 1, name: 'Theirs', ...CALLING }),
      snapshot,
    );
    await assertRefused(
      'not-found',
      () => deletePermissionPreset(outsider, { accountId: account.id, presetId: preset.id, version: 1 }),
      snapshot,
    );
    // Naming their own account with another's preset does not reach it either.
    await assertRefused(
      'conflict',
      () => editPermissionPreset(outsider, { accountId: elsewhere.id, presetId: preset.id, version: 1, name: 'Theirs', ...CALLING }),
      snapshot,
    );

    const refusals = await prisma.auditEvent.findMany({
      where: { adminId: { in: [viewer.id, outsider.id] } },
      select: { adminId: true, action: true, outcome: true },
    });
    assert.equal(refusals.length, 7);
    assert.ok(refusals.every((r) => r.outcome !== 'Done'));
    assert.deepEqual(
      refusals.filter((r) => r.adminId === viewer.id).map((r) => r.outcome),
      ['Denied', 'Denied', 'Denied'],
    );
  });

  test('names are cleaned and limited; an account holds at most the limit', async () => {
    const parse = (name: string) => createPermissionPresetSchema.safeParse({ accountId: 'a', name });
    assert.equal(parse('  Calling   only ').data?.name, 'Calling only');
    assert.deepEqual(
      parse('   ').error?.issues.map((i) => i.message),
      ['Enter a name for the preset'],
    );
    assert.deepEqual(
      parse('x'.repeat(61)).error?.issues.map((i) => i.message),
      ['Enter a preset name of 60 characters or fewer'],
    );
    assert.equal(parse('x'.repeat(60)).success, true);

    const account = await makeAccount(prisma);
    for (let i = 0; i < MAX_PRESETS_PER_ACCOUNT; i++)
      await createPermissionPreset(admin, { accountId: account.id, name: `Preset ${i}`, ...CALLING });
    const full = await assertRefused(
      'invalid',
      () => createPermissionPreset(admin, { accountId: account.id, name: 'One more', ...CALLING }),
      snapshot,
    );
    assert.match(full.message, /has 20 presets already/);
  });

  test('the words for a set of permissions and the form value of a choice', () => {
    assert.equal(describePermissions(CALLING), 'inbound and outbound calling on, SMS off');
    assert.equal(describePermissions(EVERYTHING), 'inbound and outbound calling and SMS on');
    assert.equal(
      describePermissions({ inboundCalling: true, outboundCalling: false, sms: true }),
      'inbound calling and SMS on, outbound calling off',
    );
    assert.equal(describeChoice({ name: 'Calling only', ...CALLING }), 'Calling only (inbound and outbound calling on, SMS off)');
    assert.equal(describeChoice(null), 'All off (inbound and outbound calling and SMS off)');
    assert.deepEqual(presetChoice(presetChoiceValue({ id: 'abc', version: 3 })), { presetId: 'abc', version: 3 });
    assert.equal(presetChoice('all-off'), null);
    assert.equal(presetChoice(undefined), null);
    for (const bad of ['abc', 'abc:', 'a b:1', 'abc:99999999999'])
      assert.equal(permissionsAfterAssigning.safeParse(bad).success, false, bad);
    for (const good of [undefined, null, '', 'all-off', 'abc:1'])
      assert.equal(permissionsAfterAssigning.safeParse(good).success, true, String(good));
  });
});

describe('assign with a permission preset', () => {
  test("sets the preset's permissions with the number, in one audit row, and in the email", async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    const preset = await createPermissionPreset(admin, { accountId: account.id, name: 'Calling only', ...CALLING });
    const result = await assignPhoneNumber(admin, {
      accountId: account.id,
      userId: user.id,
      phoneNumberId: number.id,
      userVersion: 1,
      notifyUser: true,
      permissionPreset: { presetId: preset.id, version: preset.version },
    });
    assert.deepEqual(result.applied, { ...CALLING, preset: { id: preset.id, name: 'Calling only', version: 1 } });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { phoneNumber: { select: { id: true } } } });
    assert.equal(after.phoneNumber?.id, number.id);
    assert.deepEqual([after.inboundCalling, after.outboundCalling, after.sms], [true, true, false]);
    const rows = await prisma.auditEvent.findMany({ where: { userId: user.id }, select: { action: true, outcome: true, after: true } });
    // As the audit log reads it.
    assert.deepEqual(
      describeChanges({ phoneNumber: null, ...ALL_OFF_PERMISSIONS }, rows[0]?.after).map(
        (c) => `${c.field}: ${c.before ?? ''} → ${c.after}`,
      ),
      [
        'Phone number: None → ' + formatPhoneNumber(number.e164),
        'Inbound calling: Off → On',
        'Outbound calling: Off → On',
        'Permission preset:  → Calling only',
      ],
    );
    assert.deepEqual(rows, [
      {
        action: 'assign-phone-number',
        outcome: 'Done',
        after: { phoneNumber: number.e164, ...CALLING, permissionPreset: 'Calling only' },
      },
    ]);
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: user.id }, select: { text: true } });
    assert.match(mail.text, /Inbound calling: on/);
    assert.match(mail.text, /SMS: off/);

    // Without a choice it stays the spec's default: all off.
    const plain = await makeUser(prisma, account.id, { sms: true });
    const free = await makePhoneNumber(prisma);
    const none = await assignPhoneNumber(admin, { accountId: account.id, userId: plain.id, phoneNumberId: free.id, userVersion: 1 });
    assert.equal(none.applied, undefined);
    const plainAfter = await prisma.user.findUniqueOrThrow({ where: { id: plain.id } });
    assert.deepEqual([plainAfter.inboundCalling, plainAfter.outboundCalling, plainAfter.sms], [false, false, false]);
  });

  test('a preset deleted, changed, or of another account refuses the whole assignment', async () => {
    const account = await makeAccount(prisma);
    const other = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    const preset = await createPermissionPreset(admin, { accountId: account.id, name: 'Calling only', ...CALLING });
    const foreign = await createPermissionPreset(admin, { accountId: other.id, name: 'Theirs', ...EVERYTHING });
    const assign = (presetId: string, version?: number) => () =>
      assignPhoneNumber(admin, {
        accountId: account.id,
        userId: user.id,
        phoneNumberId: number.id,
        userVersion: 1,
        permissionPreset: { presetId, version },
      });

    await editPermissionPreset(admin, { accountId: account.id, presetId: preset.id, version: 1, name: 'Calling only', ...EVERYTHING });
    const changed = await assertRefused('conflict', assign(preset.id, 1), snapshot);
    assert.equal(changed.field, 'permissionPreset');
    assert.match(changed.message, /Someone changed the preset “Calling only” while you were choosing. Nothing was changed/);

    const theirs = await assertRefused('conflict', assign(foreign.id, 1), snapshot);
    assert.match(theirs.message, /deleted, or is not one of this account’s/);

    await deletePermissionPreset(admin, { accountId: account.id, presetId: preset.id, version: 2 });
    const deleted = await assertRefused('conflict', assign(preset.id, 2), snapshot);
    assert.equal(deleted.field, 'permissionPreset');

    const refusals = await prisma.auditEvent.findMany({
      where: { userId: user.id, action: 'assign-phone-number' },
      select: { outcome: true },
    });
    assert.deepEqual(
      refusals.map((r) => r.outcome),
      ['Conflict', 'Conflict', 'Conflict'],
    );
    const still = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { phoneNumber: true } });
    assert.equal(still.phoneNumber, null);
  });

  test('a preset with SMS is refused for a number that cannot send SMS', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const number = await makePhoneNumber(prisma);
    await prisma.phoneNumber.update({ where: { id: number.id }, data: { canSms: false } });
    const preset = await createPermissionPreset(admin, { accountId: account.id, name: 'Calling and SMS', ...EVERYTHING });
    const err = await assertRefused(
      'invalid',
      () =>
        assignPhoneNumber(admin, {
          accountId: account.id,
          userId: user.id,
          phoneNumberId: number.id,
          userVersion: 1,
          permissionPreset: { presetId: preset.id, version: 1 },
        }),
      snapshot,
    );
    assert.equal(err.field, 'permissionPreset');
    assert.match(err.message, /cannot send or receive SMS/);
  });
});
