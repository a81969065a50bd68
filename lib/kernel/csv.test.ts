import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, guardFormula } from './csv';

test('text a spreadsheet would run as a formula is neutralised with a leading quote mark', () => {
  for (const hostile of [
    '+SUM(1)',
    '=cmd|’ /C calc’!A0',
    '=1+2',
    '-2+3',
    '@x',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '\n=1',
    '+1 415 555 0106',
    '-',
    '+',
    '+1e5',
    '+0x1F',
    '+1,5',
    '\uFF1D1+2',
    '\uFF0B14155550106',
    '\uFF20x',
  ]) {
    assert.equal(guardFormula(hostile), `'${hostile}`, JSON.stringify(hostile));
  }
});

test('an E.164 number and a plain number are written exactly as they are', () => {
  for (const exact of [
    '+14155550106',
    '+442071838750',
    '42',
    '-3',
    '+7',
    '-0.5',
    '3.25',
    '2026-03-01T09:30:00.123Z',
    'Ana Admin',
    '',
    "'quoted already",
  ]) {
    assert.equal(guardFormula(exact), exact, JSON.stringify(exact));
  }
});

test('the shared options: RFC 4180 quoting, CRLF, and the guard on every string cell', () => {
  const text = stringify(
    [
      ['+14155550106', '=HYPERLINK("http://evil.example")', 'a, b', '-2+3'],
      ['+1 415 555 0106', '42', 'line one\r\nline two', '@x'],
    ],
    CSV_OPTIONS,
  );
  assert.equal(
    text,
    '+14155550106,"\'=HYPERLINK(""http://evil.example"")","a, b",\'-2+3\r\n\'+1 415 555 0106,42,"line one\r\nline two",\'@x\r\n',
  );
});
