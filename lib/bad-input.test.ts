// The bad-input suite, data-layer and schema half (the browser half is e2e/bad-input.spec.ts).
// Each case gives the app something it should not accept, and asserts a clear message and that
// every table but the audit log and the sign-in throttle is exactly as it was.
//
// Already covered elsewhere, so not repeated here:
// - stale versions on every user workflow, 50 concurrent assigns, replays of assign/unassign
//   (lib/telephony/telephony.test.ts); stale calling-name form (lib/inventory/phone-numbers.test.ts);
// - the parser's full list of malformed lines (lib/inventory/parse.test.ts);
// - open redirects in safeReturnPath (lib/auth/return-path.test.ts; the browser side is here in e2e);
// - another account's users in listUsers/getUser (lib/directory/data-layer.test.ts).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueLocalE164 } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { assignPhoneNumberSchema, editTelephonyPermissionsSchema, unassignPhoneNumberSchema } from '@/lib/telephony/schemas';
import { presetChoice } from '@/lib/presets/schemas';
import { editCallingNameSchema, previewPhoneNumbersSchema } from '@/lib/inventory/schemas';
import { parsePhoneNumberInput } from '@/lib/inventory/parse';
import { MAX_TEXT_CHARS } from '@/lib/inventory/limits';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';
import { listAccounts } from '@/lib/directory/accounts';
import { listUsers } from '@/lib/directory/users';
import { listAdmins } from '@/lib/admins/admin-management';
import { listAssignableNumbers, assignPhoneNumber, unassignPhoneNumber } from '@/lib/telephony/telephony';
import { editCallingName, listPhoneNumbers } from '@/lib/inventory/phone-numbers';
import { addPhoneNumbers, previewPhoneNumbers } from '@/lib/inventory/phone-number-imports';
import { createAccountSchema, renameAccountSchema } from '@/lib/directory/account-schemas';
import { addAdminSchema } from '@/lib/admins/schemas';

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

/** Every table but the two that refusals write to, as text: equal means byte-for-byte equal. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRawUnsafe<{ t: string }[]>(
    `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('AuditEvent', 'SignInThrottle') order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ j: string }[]>(
      `select coalesce(json_agg(x order by x::text), '[]')::text as j from "${t}" x`,
    );
    out[t] = row!.j;
  }
  return out;
}
const auditCount = () => prisma.auditEvent.count();

/** Runs a change that must be refused: a DomainError of `kind`, nothing changed, `audited` rows more. */
async function refused(change: () => Promise<unknown>, kind: DomainError['kind'], message: RegExp, audited = 1) {
  const before = await snapshot();
  const audit = await auditCount();
  await assert.rejects(change, (err: unknown) => err instanceof DomainError && err.kind === kind && message.test(err.message));
  assert.deepEqual(await snapshot(), before);
  assert.equal(await auditCount(), audit + audited);
}

describe('Add phone numbers: malformed E.164 is refused line by line, and nothing is added', () => {
  const cases: [string, string, RegExp][] = [
    ['no + and the wrong country', '4420 7946 0958', /Not a valid phone number in the United States|Too long|Wrong number/],
    ['a leading 0', '02079460958', /Too long for a phone number in the United States/],
    ['16 or more digits', '+12065550100123456', /Too long for a phone number with country code \+1/],
    ['letters', '+1 206 CALL NOW', /Contains letters/],
    ['"+1" alone', '+1', /alone is only a country code/],
    ['a right-to-left override between digits', '+1 206 555\u202E 0100 1', /Too long|Wrong number|Not a valid/],
  ];
  for (const [name, input, message] of cases) {
    test(name, async () => {
      const numbersBefore = await prisma.phoneNumber.count();
      const { id } = await previewPhoneNumbers(admin, { text: input, defaultCountry: 'US', productType: 'BusinessCalling' });
      const batch = await prisma.phoneNumberImport.findUniqueOrThrow({ where: { id } });
      assert.equal(batch.acceptedCount, 0);
      const [entry] = batch.entries as { error?: string }[];
      assert.match(entry!.error ?? '', message);
      const added = await addPhoneNumbers(admin, id);
      assert.equal(added.added, 0);
      assert.equal(await prisma.phoneNumber.count(), numbersBefore);
    });
  }
});

describe('Add phone numbers: other digits and invisible characters are normalised, as the parser promises', () => {
  // cleanInput: NFKC, invisible characters (zero-width, bidi controls) removed, any Nd digit as 0–9.
  const cases: [string, (e164: string) => string][] = [
    ['full-width digits and plus', (e) => e.replace(/[+0-9]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))],
    ['Arabic-Indic digits', (e) => e.replace(/[0-9]/g, (c) => String.fromCodePoint(0x0660 + Number(c)))],
    ['a zero-width space inside', (e) => `${e.slice(0, 5)}\u200B${e.slice(5)}`],
    ['a right-to-left override before it', (e) => `\u202E${e}`],
  ];
  for (const [name, disguise] of cases) {
    test(name, () => {
      const e164 = uniqueLocalE164();
      const parsed = parsePhoneNumberInput(disguise(e164), 'US');
      assert.deepEqual(parsed, { e164, country: 'US', type: 'Local' });
    });
  }
});

describe('calling names: invisible, reordering and markup characters are refused with the rule', () => {
  for (const [name, value] of [
    ['a zero-width space', 'Front\u200BDesk'],
    ['a right-to-left override', '\u202EkseD tnorF'],
    ['HTML', '<img src=x>'],
    ['full-width letters', 'Ｆｒｏｎｔ'],
  ] as const) {
    test(name, () => {
      const parsed = editCallingNameSchema.safeParse({ phoneNumberId: 'abc', version: '1', callingName: value });
      assert.equal(parsed.success, false);
      assert.match(parsed.error!.issues[0]!.message, /Enter a calling name of (2 to )?15/);
    });
  }
});

describe('account names: invisible and reordering characters are removed, markup kept as text, the rest refused', () => {
  // The data layer's half (the same names refused as duplicates, audited, nothing changed) is in
  // lib/directory/account-changes.test.ts; the browser's in e2e/accounts.spec.ts.
  const parse = (name: string) => createAccountSchema.safeParse({ name, type: 'Team', defaultLicense: 'Pro' });
  const rename = (name: string) => renameAccountSchema.safeParse({ accountId: 'a1', currentName: 'Old', name });
  for (const [label, input, stored] of [
    ['markup', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['a zero-width space inside', 'Front\u200BDesk', 'FrontDesk'],
    ['a right-to-left override', '\u202EkseD tnorF', 'kseD tnorF'],
    ['right-to-left isolates around it', '\u2067Acme\u2069', 'Acme'],
    ['full-width letters', 'Ａｃｍｅ　Ｃｏｒｐ', 'Acme Corp'],
    ['runs of spaces and tabs', '  Acme \t  Corp  ', 'Acme Corp'],
  ] as const) {
    test(`${label}: accepted as ${JSON.stringify(stored)}`, () => {
      assert.deepEqual([parse(input).data?.name, rename(input).data?.name], [stored, stored]);
    });
  }
  for (const [label, input, message] of [
    ['blank', '', 'Enter the account name'],
    ['only spaces and invisible characters', ' \u200B\u202E\u00A0\uFEFF ', 'Enter the account name'],
    ['101 characters', 'x'.repeat(101), 'Enter an account name of 100 characters or fewer'],
    ['a huge paste', 'x'.repeat(100_000), 'Enter an account name of 100 characters or fewer'],
    ['a NUL byte', 'Acme\u0000Corp', 'Enter an account name without control characters'],
    ['an escape character', 'Acme\u001b[31m', 'Enter an account name without control characters'],
  ] as const) {
    test(`${label}: refused with the rule`, () => {
      for (const parsed of [parse(input), rename(input)]) {
        assert.equal(parsed.success, false);
        assert.deepEqual(
          parsed.error!.issues.map((i) => [i.path[0], i.message]),
          [['name', message]],
        );
      }
    });
  }
  // An admin's name is every audit row's actor: what would disguise it is refused, not stored.
  for (const [label, input, message] of [
    ['a right-to-left override', '\u202EeyE', 'Enter a name without invisible, control or text-direction characters'],
    ['right-to-left isolates', '\u2067Eve\u2069', 'Enter a name without invisible, control or text-direction characters'],
    ['a zero-width space', 'E\u200Bve', 'Enter a name without invisible, control or text-direction characters'],
    ['an escape character', 'Eve\u001b[31m', 'Enter a name without invisible, control or text-direction characters'],
    ['only spaces', '   ', 'Enter their name'],
    ['201 characters', 'x'.repeat(201), 'Enter a name of 200 characters or fewer'],
  ] as const) {
    test(`an admin's name with ${label}: refused with the rule`, () => {
      const parsed = addAdminSchema.safeParse({ email: 'eve@example.com', name: input, role: 'ReadOnly', accounts: 'all' });
      assert.equal(parsed.success, false);
      assert.deepEqual(
        parsed.error!.issues.map((i) => [i.path[0], i.message]),
        [['name', message]],
      );
    });
  }
  test("an admin's name is stored normalised: full-width letters and runs of spaces", () => {
    const parsed = addAdminSchema.safeParse({ email: 'eve@example.com', name: ' Ｅｖｅ   Adams ', role: 'ReadOnly', accounts: 'all' });
    assert.equal(parsed.data?.name, 'Eve Adams');
  });
  test('no name at all, and an account type or licence that is not one', () => {
    const parsed = createAccountSchema.safeParse({ type: 'Admin', defaultLicense: 'Free' });
    assert.deepEqual(
      parsed.error!.issues.map((i) => [i.path[0], i.message]),
      [
        ['name', 'Enter the account name'],
        ['type', 'Select the account type'],
        ['defaultLicense', 'Select the default licence'],
      ],
    );
  });
});

describe('hidden fields: ids and versions that are not what a form sends', () => {
  test('negative, non-numeric, fractional and out-of-range versions are refused by the schema', () => {
    // 2147483648 does not fit the database's integer column: it must be refused here, not reach a query.
    for (const version of ['-1', 'abc', '1.5', '2147483648', '99999999999999999999']) {
      const parsed = editTelephonyPermissionsSchema.safeParse({ accountId: 'a', userId: 'b', version });
      assert.equal(parsed.success, false, `version ${version}`);
    }
  });

  test('ids that are not id-shaped are refused by the schema', () => {
    for (const id of ['../etc/passwd', "x' or 1=1 --", '', 'a'.repeat(65), 'ａｂｃ']) {
      assert.equal(
        assignPhoneNumberSchema.safeParse({ accountId: id, userId: 'u', userVersion: '1', phoneNumberId: 'n' }).success,
        false,
        id,
      );
    }
  });

  test('a non-existent number is refused, audited, and nothing changes', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    await refused(
      () =>
        assignPhoneNumber(admin, { accountId: account.id, userId: user.id, userVersion: 1, phoneNumberId: 'nosuchnumber0000000000000' }),
      'invalid',
      /does not exist/,
    );
  });

  test('a user of another account, named under an account the admin has, is not found', async () => {
    const mine = await makeAccount(prisma);
    const theirs = await makeAccount(prisma);
    const theirUser = await makeUser(prisma, theirs.id);
    const scoped = await sessionFor((await makeAdmin(prisma, { accountIds: [mine.id] })).id);
    const n = await makePhoneNumber(prisma);
    for (const accountId of [mine.id, theirs.id]) {
      await refused(
        () => assignPhoneNumber(scoped, { accountId, userId: theirUser.id, userVersion: 1, phoneNumberId: n.id }),
        'not-found',
        /not in an account you administer/,
      );
    }
  });

  test("unassigning another user's number with one's own user id is refused", async () => {
    const account = await makeAccount(prisma);
    const holder = await makeUser(prisma, account.id);
    const other = await makeUser(prisma, account.id);
    const n = await makePhoneNumber(prisma, { user: holder });
    await makePhoneNumber(prisma, { user: other });
    await refused(
      () => unassignPhoneNumber(admin, { accountId: account.id, userId: other.id, phoneNumberId: n.id, version: 1 }),
      'conflict',
      /is no longer/,
    );
  });

  test('a calling name for a number that does not exist is refused and audited', async () => {
    await refused(
      () => editCallingName(admin, { phoneNumberId: 'nosuchnumber0000000000000', version: 1, callingName: 'Desk' }),
      'not-found',
      /does not exist/,
    );
  });
});

describe('mass assignment: fields a form does not have are dropped', () => {
  test('role, permissions, status and allAccounts on an assign form change nothing beyond the assignment', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const n = await makePhoneNumber(prisma);
    const parsed = assignPhoneNumberSchema.parse({
      accountId: account.id,
      userId: user.id,
      userVersion: '1',
      phoneNumberId: n.id,
      role: 'Administrator',
      inboundCalling: 'on',
      status: 'Assigned',
      allAccounts: 'on',
    });
    assert.deepEqual(Object.keys(parsed).sort(), ['accountId', 'notifyUser', 'phoneNumberId', 'userId', 'userVersion']);
    await assignPhoneNumber(admin, { ...parsed, permissionPreset: presetChoice(parsed.permissionPreset) });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.deepEqual([after.inboundCalling, after.outboundCalling, after.sms], [false, false, false]);
    const admins = await prisma.admin.findMany({ where: { id: admin.id }, select: { role: true, allAccounts: true } });
    assert.deepEqual(admins, [{ role: 'Administrator', allAccounts: true }]);
  });

  test('an unassign form with extra fields unassigns and nothing else', () => {
    const parsed = unassignPhoneNumberSchema.parse({
      accountId: 'a',
      userId: 'b',
      version: '2',
      phoneNumberId: 'c',
      confirm: 'on',
      sms: 'on',
      userId2: 'x',
    });
    assert.deepEqual(Object.keys(parsed).sort(), ['accountId', 'confirm', 'notifyUser', 'phoneNumberId', 'userId', 'version']);
  });
});

describe('oversized input is refused before it is read', () => {
  test('pasted text over the limit', () => {
    const parsed = previewPhoneNumbersSchema.safeParse({
      numbers: '1'.repeat(MAX_TEXT_CHARS + 1),
      defaultCountry: 'US',
      productType: 'BusinessCalling',
    });
    assert.equal(parsed.success, false);
    assert.match(parsed.error!.issues[0]!.message, /too much to paste at once/);
  });
});

describe('searches are literal: % and _ and SQL match only themselves', () => {
  const tag = () => Math.random().toString(36).slice(2, 8);

  test('accounts', async () => {
    const t = tag();
    await makeAccount(prisma, { name: `Plain ${t}` });
    for (const q of ['%', '_', "' or 1=1 --", `P%n ${t}`, `Pla_n ${t}`]) {
      const page = await listAccounts(admin, { q });
      assert.ok(!page.rows.some((a) => a.name === `Plain ${t}`), q);
    }
    assert.equal((await listAccounts(admin, { q: `Plain ${t}` })).rows.length, 1);
  });

  test('users', async () => {
    const account = await makeAccount(prisma);
    await makeUser(prisma, account.id, { fullName: 'Plain Person', email: `plain-${tag()}@test.example` });
    const special = await makeUser(prisma, account.id, { fullName: '100% real_name', email: `special-${tag()}@test.example` });
    for (const q of ['%', '_', "' or ''='", 'Pl%n', 'Pla_n']) {
      assert.deepEqual(
        (await listUsers(admin, account.id, { q }))!.rows.filter((u) => u.fullName === 'Plain Person'),
        [],
        q,
      );
    }
    assert.deepEqual(
      (await listUsers(admin, account.id, { q: '0% r' }))!.rows.map((u) => u.id),
      [special.id],
    );
    assert.deepEqual(
      (await listUsers(admin, account.id, { q: 'real_name' }))!.rows.map((u) => u.id),
      [special.id],
    );
  });

  test('admins', async () => {
    const full = await sessionFor((await makeAdmin(prisma, { allAccounts: true })).id);
    for (const q of ['%', '_', '%@%']) {
      const page = await listAdmins(full, { q });
      assert.deepEqual(
        page.rows.map((a) => a.name),
        [],
        `"${q}" matched ${page.rows.length} admins`,
      );
    }
  });

  test('inventory and the assign picker search digits only', async () => {
    const n = await makePhoneNumber(prisma);
    for (const q of ['%', '_', "' or ''='"]) {
      // No digits: no filter at all (the whole list), which is what an empty search shows too.
      const [all, filtered] = await Promise.all([
        listPhoneNumbers(admin, { view: 'all' }, {}),
        listPhoneNumbers(admin, { view: 'all' }, { q }),
      ]);
      assert.deepEqual(
        filtered.rows.map((r) => r.id),
        all.rows.map((r) => r.id),
        q,
      );
    }
    // With digits, only the digits count: "' or 1=1 --" searches for "11".
    const sqlish = await listPhoneNumbers(admin, { view: 'all' }, { q: "' or 1=1 --" });
    assert.ok(sqlish.rows.every((r) => r.e164.includes('11')));
    const picked = await listAssignableNumbers(admin, { q: `%${n.e164.slice(2)}_` });
    assert.deepEqual(
      picked.rows.map((r) => r.id),
      [n.id],
    );
  });
});
