// The bad-input suite for Add user and Edit user, schema half: what an admin may type into full
// name and email, and what is stored or refused. (The data functions check input against the same
// fields; lib/directory/user-changes.test.ts has duplicates, other accounts and removed users.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUserSchema, editUserSchema, MAX_FULL_NAME } from './user-schemas';

const valid = { accountId: 'acc1', fullName: 'Jane Doe', email: 'jane@example.com', userType: 'PrivateUser', license: 'Pro' };
const parse = (over: Record<string, unknown>) => addUserSchema.safeParse({ ...valid, ...over });
const firstError = (over: Record<string, unknown>) => {
  const parsed = parse(over);
  assert.equal(parsed.success, false, JSON.stringify(over));
  return { field: String(parsed.error!.issues[0]!.path[0]), message: parsed.error!.issues[0]!.message };
};

describe('full names', () => {
  test('markup is kept as text (the pages escape it); zero-width and right-to-left controls are removed', () => {
    for (const [typed, stored] of [
      ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
      ['<b>Jane</b> & "Co"', '<b>Jane</b> & "Co"'],
      ['Ja\u200Bne\u200D Doe', 'Jane Doe'],
      ['\u202Eeod enaJ\u202C', 'eod enaJ'],
      ['\u2067Jane\u2069 \uFEFFDoe', 'Jane Doe'],
      ['  Jane \t\n  Doe  ', 'Jane Doe'],
      ['Ｊａｎｅ　Ｄｏｅ', 'Jane Doe'], // full-width letters and space (NFKC)
      ['Zoë Ñúñez 李小龍', 'Zoë Ñúñez 李小龍'],
    ]) {
      const parsed = parse({ fullName: typed });
      assert.ok(parsed.success, typed);
      assert.equal(parsed.data.fullName, stored);
    }
  });

  test('a name that is empty once cleaned, or over 200 characters, is refused with the rule', () => {
    for (const fullName of ['', '   ', '\u200B\u200C\u202E', undefined]) {
      assert.deepEqual(firstError({ fullName }), { field: 'fullName', message: 'Enter their full name' });
    }
    assert.ok(parse({ fullName: 'x'.repeat(MAX_FULL_NAME) }).success);
    for (const fullName of ['x'.repeat(MAX_FULL_NAME + 1), 'x'.repeat(100_000)]) {
      assert.deepEqual(firstError({ fullName }), { field: 'fullName', message: 'Enter a full name of 200 characters or fewer' });
    }
  });
});

describe('emails', () => {
  test('upper case and spaces around are made the stored form', () => {
    for (const email of ['  Jane@Example.COM ', 'JANE@EXAMPLE.COM', '\tjane@example.com\n']) {
      const parsed = parse({ email });
      assert.ok(parsed.success, email);
      assert.equal(parsed.data.email, 'jane@example.com');
    }
  });

  test('anything that is not one address is refused on the email field', () => {
    for (const email of [
      'jane',
      'jane@',
      '@example.com',
      'jane @example.com',
      'jane@exa mple.com',
      'a@b@example.com',
      'ja\u200Bne@example.com',
      '<jane@example.com>',
      `${'a'.repeat(250)}@example.com`,
    ]) {
      const { field, message } = firstError({ email });
      assert.equal(field, 'email', email);
      assert.match(message, /Enter an email address like name@example\.com|Email address is too long/, email);
    }
    assert.deepEqual(firstError({ email: '  ' }), { field: 'email', message: 'Enter their email address' });
  });
});

describe('choices and hidden fields', () => {
  test('a user type or licence that is not offered is refused; fields the form does not have are dropped', () => {
    assert.deepEqual(firstError({ userType: 'Admin' }), { field: 'userType', message: 'Select a user type' });
    assert.deepEqual(firstError({ license: 'Gold' }), { field: 'license', message: 'Select a licence' });
    assert.deepEqual(firstError({ license: undefined }), { field: 'license', message: 'Select a licence' });
    const parsed = parse({ registrationStatus: 'Registered', removedAt: '2020-01-01', version: '9', inboundCalling: 'on' });
    assert.ok(parsed.success);
    assert.deepEqual(Object.keys(parsed.data).sort(), ['accountId', 'email', 'fullName', 'license', 'userType']);
  });

  test('Edit user needs id-shaped ids and a version that fits the database', () => {
    const edit = { ...valid, userId: 'user1', version: '3' };
    assert.ok(editUserSchema.safeParse(edit).success);
    for (const over of [
      { userId: '../x' },
      { accountId: "x' or 1=1 --" },
      { version: '-1' },
      { version: '2147483648' },
      { version: 'abc' },
    ]) {
      assert.equal(editUserSchema.safeParse({ ...edit, ...over }).success, false, JSON.stringify(over));
    }
  });
});
