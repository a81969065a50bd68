import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_LINES } from './limits';
import {
  PhoneListError,
  cleanInput,
  decodeCsvFile,
  linesOfCsv,
  parsePhoneNumberInput,
  parsePhoneNumberList,
  type PhoneNumberEntry,
} from './parse';

const US = 'US';
const ok = (e164: string, country = 'US', type: 'Local' | 'TollFree' = 'Local') => ({ e164, country, type });

describe('one number', () => {
  test('national formats of the chosen country, with any spaces, dashes, brackets and dots', () => {
    for (const input of [
      '2065550100',
      '206 555 0100',
      '206-555-0100',
      '(206) 555-0100',
      '206.555.0100',
      '1 206 555 0100',
      '+1 (206) 555–0100',
      '  +1 206 555 0100  ',
      '206/555/0100',
    ]) {
      assert.deepEqual(parsePhoneNumberInput(input, US), ok('+12065550100'), input);
    }
  });

  test('the default country decides how a national number is read; a + number ignores it', () => {
    assert.deepEqual(parsePhoneNumberInput('020 7946 0958', 'GB'), ok('+442079460958', 'GB'));
    assert.deepEqual(parsePhoneNumberInput('+44 20 7946 0958', US), ok('+442079460958', 'GB'));
    assert.deepEqual(parsePhoneNumberInput('011 44 20 7946 0958', US), ok('+442079460958', 'GB'), 'dialled from the US');
    assert.deepEqual(parsePhoneNumberInput('01 23 45 67 89', 'FR'), ok('+33123456789', 'FR'));
    assert.deepEqual(parsePhoneNumberInput('416 555 0100', US), ok('+14165550100', 'CA'), 'a Canadian area code is Canada');
  });

  test('toll-free numbers are detected', () => {
    assert.deepEqual(parsePhoneNumberInput('800-555-0100', US), ok('+18005550100', 'US', 'TollFree'));
    assert.deepEqual(parsePhoneNumberInput('+1 888 555 0100', US), ok('+18885550100', 'US', 'TollFree'));
    assert.deepEqual(parsePhoneNumberInput('0800 123 4567', 'GB'), ok('+448001234567', 'GB', 'TollFree'));
  });

  test('full-width, Arabic-Indic and Persian digits, and invisible characters, are read as what they look like', () => {
    assert.deepEqual(parsePhoneNumberInput('２０６５５５０１００', US), ok('+12065550100'));
    assert.deepEqual(parsePhoneNumberInput('＋１ ２０６ ５５５ ０１００', US), ok('+12065550100'));
    assert.deepEqual(parsePhoneNumberInput('+١ ٢٠٦ ٥٥٥ ٠١٠٠', US), ok('+12065550100'));
    assert.deepEqual(parsePhoneNumberInput('+۱ ۲۰۶ ۵۵۵ ۰۱۰۰', US), ok('+12065550100'));
    assert.deepEqual(
      parsePhoneNumberInput('\u202a+1 206\u200b555\u00a00100\u202c\u200e', US),
      ok('+12065550100'),
      'bidi, zero-width, no-break space',
    );
    assert.deepEqual(parsePhoneNumberInput('\ufeff2065550100', US), ok('+12065550100'), 'a byte-order mark');
    assert.equal(cleanInput('\u2066٠١٢٣٤٥٦٧٨٩\u2069'), '0123456789');
  });

  test('each kind of wrong input says what is wrong', () => {
    const cases: [string, string][] = [
      ['+1', '“+1” alone is only a country code: add the rest of the phone number'],
      ['+44', '“+44” alone is only a country code: add the rest of the phone number'],
      ['', 'Empty: there is no phone number on this line'],
      ['\u200b ', 'Empty: there is no phone number on this line'],
      ['12345', 'Too short for a phone number in the United States'],
      ['+1 206 555', 'Too short for a phone number with country code +1'],
      ['206555010099999', 'Too long for a phone number in the United States'],
      ['+44 20 7946 0958 12345', 'Too long for a phone number with country code +44'],
      ['555 555 5555', 'Not a valid phone number in the United States'],
      ['+1 555 555 5555', 'Not a valid phone number with country code +1'],
      ['1-800-FLOWERS', 'Contains letters: enter the phone number with digits only'],
      ['phone', 'Contains letters: enter the phone number with digits only'],
      ['206 555 0100 ext 12', 'Has an extension (ext 12): enter the phone number without it'],
      ['2065550100x3', 'Has an extension (x3): enter the phone number without it'],
      ['2065550100#', 'Contains “#”, which is not part of a phone number'],
      ['+12065550100, +12065550101', 'Contains “,”: put one phone number on each line'],
      ['206\u0007555 0100', 'Contains a control character (U+0007), which is not part of a phone number'],
      ['1+2065550100', '“+” can only come first, before the country code'],
      ['---', 'No digits: this is not a phone number'],
      ['+999 1234 5678', 'Unknown country code: no phone numbers start with +999'],
      ['+1 900 555 0100', 'A premium-rate number: these cannot be added'],
      ['+800 1234 5678', '+800 numbers belong to no country, so they cannot be added'],
    ];
    for (const [input, error] of cases) assert.deepEqual(parsePhoneNumberInput(input, US), { error }, JSON.stringify(input));
  });
});

const verdicts = (entries: PhoneNumberEntry[]) => entries.map((e) => [e.line, e.e164 ?? null, e.error ?? null]);

describe('pasted lines', () => {
  test('blank lines are skipped but counted, so line numbers match what was pasted', () => {
    const entries = parsePhoneNumberList({ text: '\n206 555 0100\r\n\r\n   \n\u200b\n+1 800 555 0100\rabc\n' }, US);
    assert.deepEqual(verdicts(entries), [
      [2, '+12065550100', null],
      [6, '+18005550100', null],
      [7, null, 'Contains letters: enter the phone number with digits only'],
    ]);
    assert.equal(entries[1]!.type, 'TollFree');
  });

  test('second and later occurrences of a number are duplicates of the first, however written', () => {
    const entries = parsePhoneNumberList({ text: '2065550100\n+1 206 555 0100\n(206) 555-0101\n２０６５５５０１００' }, US);
    assert.deepEqual(verdicts(entries), [
      [1, '+12065550100', null],
      [2, '+12065550100', 'Duplicate of line 1'],
      [3, '+12065550101', null],
      [4, '+12065550100', 'Duplicate of line 1'],
    ]);
  });

  test('what was typed is kept for the preview, without invisible characters, and cut short when very long', () => {
    const [entry] = parsePhoneNumberList({ text: `\u202e${'9'.repeat(150)}` }, US);
    assert.equal(entry!.input, `${'9'.repeat(100)}…`);
    assert.equal(entry!.error, 'Too long for a phone number in the United States');
  });

  test('nothing but blank lines, or too many lines, is refused as a whole', () => {
    assert.throws(
      () => parsePhoneNumberList({ text: '\n \n\u200b' }, US),
      (e) => e instanceof PhoneListError && e.field === 'numbers' && e.message === 'Enter at least one phone number',
    );
    const many = Array.from({ length: MAX_LINES + 1 }, () => '2065550100').join('\n');
    assert.throws(() => parsePhoneNumberList({ text: many }, US), /That is 20,001 lines: add at most 20,000 phone numbers at a time/);
  });
});

describe('CSV files', () => {
  test('without a header: the first column', () => {
    assert.deepEqual(linesOfCsv('2065550100,Alice\n2065550101,Bob\n'), [
      { line: 1, input: '2065550100' },
      { line: 2, input: '2065550101' },
    ]);
  });

  test('with a header naming the column: that column, whatever its case or spelling', () => {
    for (const name of ['phone', 'Number', 'E164', 'E.164', 'Phone number', 'phone_number']) {
      assert.deepEqual(linesOfCsv(`Name,${name},Notes\nAlice,2065550100,x\n`), [{ line: 2, input: '2065550100' }], name);
    }
  });

  test('a header that names no known column but has no digits is skipped, and the first column read', () => {
    assert.deepEqual(linesOfCsv('Mobile,Name\n2065550100,Alice\n'), [{ line: 2, input: '2065550100' }]);
  });

  test('quoted fields, CRLF, a byte-order mark, semicolons, tabs and blank rows', () => {
    const csv = '\ufeffname,phone\r\n"Smith, Jo","+1 (206) 555-0100"\r\n\r\n"Lee ""Al""",206.555.0101\r\n,,\r\nPat,\r\n';
    assert.deepEqual(linesOfCsv(csv), [
      { line: 2, input: '+1 (206) 555-0100' },
      { line: 4, input: '206.555.0101' },
      { line: 6, input: '' },
    ]);
    assert.deepEqual(linesOfCsv('phone;name\n2065550100;Alice\n'), [{ line: 2, input: '2065550100' }]);
    assert.deepEqual(linesOfCsv('2065550100\tAlice\n'), [{ line: 1, input: '2065550100' }]);
  });

  test('a quoted field over several lines is reported at the line it starts on', () => {
    assert.deepEqual(linesOfCsv('phone,notes\n2065550100,"two\nlines"\n2065550101,x\n'), [
      { line: 2, input: '2065550100' },
      { line: 4, input: '2065550101' },
    ]);
  });

  test('a row with other columns but no number is rejected as empty; a header alone has no numbers', () => {
    const entries = parsePhoneNumberList({ csv: 'phone,name\n,Alice\n2065550100,Bob\n' }, US);
    assert.deepEqual(verdicts(entries), [
      [2, null, 'Empty: there is no phone number on this line'],
      [3, '+12065550100', null],
    ]);
    assert.throws(
      () => parsePhoneNumberList({ csv: 'phone\n' }, US),
      (e) => e instanceof PhoneListError && e.field === 'csv' && /no phone numbers/.test(e.message),
    );
  });

  test('a broken file says where', () => {
    assert.throws(
      () => linesOfCsv('phone\n"2065550100\n'),
      (e) => e instanceof PhoneListError && e.field === 'csv' && e.message.includes('a quoted field is never closed'),
    );
  });

  test('UTF-8 with or without a byte-order mark, UTF-16 as spreadsheets save it; not a spreadsheet or binary file', () => {
    const text = 'phone\n+1 206 555 0100\n';
    assert.equal(decodeCsvFile(new TextEncoder().encode(text)), text);
    assert.equal(decodeCsvFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])), text);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    assert.equal(decodeCsvFile(utf16), text);
    assert.throws(
      () => decodeCsvFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])),
      /This is a spreadsheet \(such as \.xlsx\), not a CSV file/,
    );
    assert.throws(() => decodeCsvFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), /This file is not a CSV file/);
  });
});
