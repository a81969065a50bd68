import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseUserList, UserListError } from './user-import-parse';
import { MAX_USER_LINES } from './limits';

const verdicts = (source: { text: string } | { csv: string }) =>
  parseUserList(source).map((e) => (e.error ? [e.line, e.error] : [e.line, e.fullName, e.email, e.userType, e.license ?? null]));

const refusedList = (source: { text: string } | { csv: string }, field: 'users' | 'csv', message: RegExp) =>
  assert.throws(
    () => parseUserList(source),
    (e) => e instanceof UserListError && e.field === field && message.test(e.message),
  );

describe('columns', () => {
  test('pasted lines: full name, email, user type, licence in that order; the last two optional', () => {
    assert.deepEqual(
      verdicts({
        text: 'Pat Lee, pat@example.com\n\nJo Smith,jo@example.com,Shared device,Basic\n"Kim, Sam",kim@example.com,,pro trial\n',
      }),
      [
        [1, 'Pat Lee', 'pat@example.com', 'PrivateUser', null],
        [3, 'Jo Smith', 'jo@example.com', 'SharedDevice', 'Basic'],
        [4, 'Kim, Sam', 'kim@example.com', 'PrivateUser', 'ProTrial'],
      ],
    );
  });

  test('a header row names the columns in any order and any case, with the usual aliases; other columns are ignored', () => {
    for (const header of [
      'Email,Full name,Licence,User type,Department',
      'EMAIL ADDRESS,NAME,LICENSE,USER TYPE,Department',
      'e-mail,display name,license type,type,department',
    ]) {
      assert.deepEqual(
        verdicts({ csv: `${header}\r\npat@example.com,Pat Lee,Plus,private user,Sales\r\n` }),
        [[2, 'Pat Lee', 'pat@example.com', 'PrivateUser', 'Plus']],
        header,
      );
    }
  });

  test('semicolons and tabs separate columns too, and a byte-order mark is fine', () => {
    assert.deepEqual(verdicts({ csv: '\uFEFFName;Email\nPat;pat@example.com\n' }), [[2, 'Pat', 'pat@example.com', 'PrivateUser', null]]);
    assert.deepEqual(verdicts({ text: 'Pat\tpat@example.com\tShared\n' }), [[1, 'Pat', 'pat@example.com', 'SharedDevice', null]]);
  });

  test('a header that lacks the name or the email column is refused, saying which', () => {
    refusedList({ csv: 'Name,Department\nPat,Sales\n' }, 'csv', /none is Email: name the columns Full name, Email, User type and Licence/);
    refusedList({ text: 'Email,Licence\npat@example.com,Pro\n' }, 'users', /none is Full name/);
  });

  test('line numbers count blank lines and line breaks inside quoted fields', () => {
    assert.deepEqual(
      verdicts({ csv: 'Name,Email,Notes\n\n"Pat\nLee",pat@example.com,x\n,,\nJo,jo@example.com,"two\nlines"\nKim,kim@example.com\n' }),
      [
        [3, 'Pat Lee', 'pat@example.com', 'PrivateUser', null],
        [6, 'Jo', 'jo@example.com', 'PrivateUser', null],
        [8, 'Kim', 'kim@example.com', 'PrivateUser', null],
      ],
    );
  });
});

describe('verdicts', () => {
  test('each bad line says why', () => {
    const text = [
      ', pat@example.com',
      'Pat Lee',
      'Pat Lee, not-an-email',
      'Pat Lee, pat@',
      'Jo, jo@example.com, Robot',
      'Jo, jo@example.com, Private user, Gold',
      ',,Shared device',
      `${'A'.repeat(101)}, long@example.com`,
    ].join('\n');
    assert.deepEqual(verdicts({ text }), [
      [1, 'Missing full name'],
      [2, 'Missing email address'],
      [3, 'Not a valid email address: enter it like name@example.com'],
      [4, 'Not a valid email address: enter it like name@example.com'],
      [5, 'Unknown user type “Robot”: use Private user or Shared device'],
      [6, 'Unknown licence “Gold”: use Basic, Plus, Pro or Pro trial, or leave it empty for the account’s default'],
      [7, 'Missing full name and email address'],
      [8, 'The full name is longer than 100 characters'],
    ]);
  });

  test('an address twice, in any case or with spaces around it, is a duplicate of its first line', () => {
    assert.deepEqual(verdicts({ text: 'Pat, pat@example.com\nPat again,  PAT@Example.COM \nJo, jo@example.com' }), [
      [1, 'Pat', 'pat@example.com', 'PrivateUser', null],
      [2, 'Duplicate of line 1: the same email address'],
      [3, 'Jo', 'jo@example.com', 'PrivateUser', null],
    ]);
  });

  test('what was typed is shown without invisible characters, the cells joined', () => {
    const [entry, short] = parseUserList({ text: 'Pat\u200B Lee ,  bad address\nJo Lee,,,' });
    assert.deepEqual(entry, { line: 1, input: 'Pat Lee, bad address', error: 'Not a valid email address: it has a space in it' });
    assert.deepEqual(short, { line: 2, input: 'Jo Lee', error: 'Missing email address' });
  });
});

describe('bad input', () => {
  test('a name with markup is kept as text, to be shown escaped, never read as markup', () => {
    assert.deepEqual(verdicts({ text: '"<script>alert(1)</script> <b>Pat</b>", pat@example.com' }), [
      [1, '<script>alert(1)</script> <b>Pat</b>', 'pat@example.com', 'PrivateUser', null],
    ]);
  });

  test('zero-width and right-to-left control characters are removed; right-to-left letters are kept', () => {
    assert.deepEqual(
      verdicts({
        text: 'P\u200Ba\u200Dt\uFEFF \u202ELee\u202C, pat@example.com\n\u200F\u05D3\u05E0\u05D4 \u05DC\u05D5\u05D9, dana@example.com',
      }),
      [
        [1, 'Pat Lee', 'pat@example.com', 'PrivateUser', null],
        [2, '\u05D3\u05E0\u05D4 \u05DC\u05D5\u05D9', 'dana@example.com', 'PrivateUser', null],
      ],
    );
    // A name of nothing but invisible characters is no name.
    assert.deepEqual(verdicts({ text: '\u200B\u202E, pat@example.com' }), [[1, 'Missing full name']]);
  });

  test('full-width letters and runs of spaces are made plain', () => {
    assert.deepEqual(verdicts({ text: 'Ｐａｔ   Lee, ｐａｔ@example.com' }), [[1, 'Pat Lee', 'pat@example.com', 'PrivateUser', null]]);
  });

  test('an email in upper case is lower-cased; one with a space inside is refused', () => {
    assert.deepEqual(verdicts({ text: 'Pat,  Pat.Lee@EXAMPLE.com  \nJo, jo lee@example.com' }), [
      [1, 'Pat', 'pat.lee@example.com', 'PrivateUser', null],
      [2, 'Not a valid email address: it has a space in it'],
    ]);
  });

  test('a control character in a name is refused', () => {
    assert.deepEqual(verdicts({ text: '"Pat\u0007Lee", pat@example.com' }), [
      [1, 'The full name contains a control character: type the name again'],
    ]);
  });
});

describe('lists that cannot be read', () => {
  test('nothing, or only blank lines, is refused on its field', () => {
    refusedList({ text: '\n  \n,,\n' }, 'users', /^Enter at least one user$/);
    refusedList({ csv: 'Full name,Email\n' }, 'csv', /^The CSV file has no users in it$/);
  });

  test('an unclosed quote is refused with the line, in words for a file or for pasted lines', () => {
    refusedList({ csv: 'Name,Email\n"Pat,pat@example.com\n' }, 'csv', /The CSV file cannot be read: a quoted field is never closed/);
    refusedList({ text: 'Pat,pat@example.com\n"Jo,jo@example.com\n' }, 'users', /The lines cannot be read: a quoted field is never closed/);
  });

  test(`more than ${MAX_USER_LINES.toLocaleString('en-US')} lines is refused, saying the limit`, () => {
    const text = Array.from({ length: MAX_USER_LINES + 1 }, (_, i) => `User ${i}, user${i}@example.com`).join('\n');
    refusedList({ text }, 'users', /^That is 20,001 lines: import at most 20,000 users at a time$/);
    const exactly = Array.from({ length: MAX_USER_LINES }, (_, i) => `User ${i}, user${i}@example.com`).join('\n');
    assert.equal(parseUserList({ text: exactly }).length, MAX_USER_LINES);
  });
});
