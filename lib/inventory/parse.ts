import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import { CsvUploadError, decodeCsvFile as decodeAnyCsvFile, readCsvRecords, shownInput } from '@/lib/forms/csv-upload';
import { countryInText } from './countries';
import { MAX_LINES } from './limits';

// Turns what an admin typed, pasted or uploaded into one verdict per line: the number in E.164
// with its country and type, or the reason it cannot be added, in words the admin can act on.
// Pure: the data layer adds what needs the database ("Already in the inventory").

export type PhoneNumberEntry = {
  /** Line of the text or of the CSV file, counting from 1, blank lines included. */
  line: number;
  /** What was there, without invisible characters, shortened if very long. */
  input: string;
  e164?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  type?: 'Local' | 'TollFree';
  /** Why it cannot be added; absent for a number that can. */
  error?: string;
};

const MAX_INPUT_SHOWN = 100;

/** A list that cannot be read at all (as opposed to single lines that are rejected). */
export class PhoneListError extends Error {
  constructor(
    message: string,
    readonly field: 'numbers' | 'csv',
  ) {
    super(message);
    this.name = 'PhoneListError';
  }
}

// Zero-width spaces and joiners, bidi marks and overrides, soft hyphens, BOMs: invisible, and
// common in numbers copied from web pages, chat apps and right-to-left documents.
const INVISIBLE = /\p{Cf}/gu;
const DIGIT = /\p{Nd}/u;

/**
 * A decimal digit of any script as 0–9. Unicode lays out every script's digits as runs of ten
 * consecutive code points from zero, so the value is the distance from the start of the run.
 */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/**
 * What was typed, made readable by the phone library: NFKC (full-width digits, "＋", no-break
 * spaces become plain ones), invisible characters removed, Arabic-Indic and other digits as 0–9.
 */
export function cleanInput(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : asciiDigit(d)))
    .trim();
}

const shown = (raw: string) => shownInput(raw, MAX_INPUT_SHOWN);

const CALLING_CODES = new Set<string>(getCountries().map((c) => getCountryCallingCode(c)));
// Non-geographic codes (international freephone, satellite, …): real codes, though no country's.
for (const code of ['800', '808', '870', '878', '881', '882', '883', '888', '979']) CALLING_CODES.add(code);

/** The country calling code a string of digits starts with (codes are prefix-free). */
function callingCodeOf(digits: string): string | undefined {
  for (let n = 1; n <= 3; n++) if (CALLING_CODES.has(digits.slice(0, n))) return digits.slice(0, n);
  return undefined;
}

// Spaces, dashes of every kind, dots, slashes and brackets: how people group digits.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212.()/[\]]/gu;
const EXTENSION = /(?:ext\.?|extension|x|#)\s*\d+$/i;

export type ParsedNumber = { e164: string; country: string; type: 'Local' | 'TollFree'; error?: undefined } | { error: string };

/**
 * One number, in E.164 with its country and type, or why not. A number without a country code
 * is read as a number of `defaultCountry`, as the admin would dial it there.
 */
export function parsePhoneNumberInput(raw: string, defaultCountry: CountryCode): ParsedNumber {
  const text = cleanInput(raw);
  if (!text) return { error: 'Empty: there is no phone number on this line' };
  if (/\p{L}/u.test(text)) {
    const ext = text.match(EXTENSION);
    return ext
      ? { error: `Has an extension (${ext[0]}): enter the phone number without it` }
      : { error: 'Contains letters: enter the phone number with digits only' };
  }
  const odd = text.replace(SEPARATORS, '').replace(/[0-9+]/g, '');
  if (odd) {
    const ch = [...odd][0]!;
    if (ch === ',' || ch === ';') return { error: `Contains “${ch}”: put one phone number on each line` };
    const named = /\p{C}/u.test(ch)
      ? `a control character (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`
      : `“${ch}”`;
    return { error: `Contains ${named}, which is not part of a phone number` };
  }
  const plus = text.startsWith('+');
  if (text.lastIndexOf('+') > 0) return { error: '“+” can only come first, before the country code' };
  const digits = text.replace(/\D/g, '');
  if (!digits) return { error: 'No digits: this is not a phone number' };
  if (plus && CALLING_CODES.has(digits)) {
    return { error: `“+${digits}” alone is only a country code: add the rest of the phone number` };
  }
  const where = plus ? `with country code +${callingCodeOf(digits) ?? digits.slice(0, 3)}` : `in ${countryInText(defaultCountry)}`;
  switch (validatePhoneNumberLength(text, defaultCountry)) {
    case 'TOO_SHORT':
      return { error: `Too short for a phone number ${where}` };
    case 'TOO_LONG':
      return { error: `Too long for a phone number ${where}` };
    case 'INVALID_LENGTH':
      return { error: `Wrong number of digits for a phone number ${where}` };
    case 'INVALID_COUNTRY':
      return { error: plus ? `Unknown country code: no phone numbers start with +${digits.slice(0, 3)}` : 'Not a phone number' };
    case 'NOT_A_NUMBER':
      return { error: 'Not a phone number' };
    case undefined:
      break; // a possible length: the checks below decide
  }
  const number = parsePhoneNumberFromString(text, defaultCountry);
  if (!number) return { error: 'Not a phone number' };
  if (!number.isValid()) {
    const country = number.country ?? (plus ? undefined : defaultCountry);
    return {
      error: `Not a valid phone number ${country ? `in ${countryInText(country)}` : `with country code +${number.countryCallingCode}`}`,
    };
  }
  if (!number.country) {
    return { error: `+${number.countryCallingCode} numbers belong to no country, so they cannot be added` };
  }
  const type = number.getType();
  if (type === 'PREMIUM_RATE') return { error: 'A premium-rate number: these cannot be added' };
  return { e164: number.number, country: number.country, type: type === 'TOLL_FREE' ? 'TollFree' : 'Local' };
}

export type InputLine = { line: number; input: string };

/** Pasted text, one number a line; blank lines (even ones with only invisible characters) are skipped. */
function linesOfText(text: string): InputLine[] {
  const lines: InputLine[] = [];
  text.split(/\r\n|[\n\r\u0085\u2028\u2029]/).forEach((input, i) => {
    if (cleanInput(input)) lines.push({ line: i + 1, input });
  });
  return lines;
}

const HEADER_NAMES = new Set(['number', 'numbers', 'phone', 'phonenumber', 'phonenumbers', 'e164', 'telephone', 'telephonenumber']);
const headerName = (cell: string) =>
  cleanInput(cell)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The numbers of a CSV file: the column named number, phone or e164 if the first row names one,
 * else the first column; the first row is a header if it names a column or has no digits in the
 * first. Commas, semicolons or tabs separate columns (spreadsheets use any of them); quoted fields,
 * CRLF and a byte-order mark are fine. Wholly blank rows are skipped.
 */
export function linesOfCsv(csv: string): InputLine[] {
  let records;
  try {
    records = readCsvRecords(csv);
  } catch (err) {
    if (err instanceof CsvUploadError) throw new PhoneListError(err.message, 'csv');
    throw err;
  }
  const first = records[0]?.cells ?? [];
  const named = first.findIndex((cell) => HEADER_NAMES.has(headerName(cell)));
  const column = Math.max(named, 0);
  const hasHeader = named >= 0 || (first.length > 0 && !/\d/.test(cleanInput(first[0] ?? '')));
  const lines: InputLine[] = [];
  for (const { cells, line } of hasHeader ? records.slice(1) : records) {
    if (cells.every((cell) => !cleanInput(cell))) continue;
    lines.push({ line, input: cells[column] ?? '' });
  }
  return lines;
}

/**
 * A CSV file's text. UTF-8 (with or without a byte-order mark) or UTF-16 as spreadsheets save
 * it; a spreadsheet's own format or another binary file is refused with what to do instead.
 */
export function decodeCsvFile(bytes: Uint8Array): string {
  try {
    return decodeAnyCsvFile(bytes, 'the numbers');
  } catch (err) {
    if (err instanceof CsvUploadError) throw new PhoneListError(err.message, 'csv');
    throw err;
  }
}

/**
 * Every non-blank line of pasted text or a CSV file with its verdict. A number that appears
 * more than once is accepted the first time; later times say "Duplicate of line N".
 */
export function parsePhoneNumberList(source: { text: string } | { csv: string }, defaultCountry: CountryCode): PhoneNumberEntry[] {
  const field = 'text' in source ? 'numbers' : 'csv';
  const lines = 'text' in source ? linesOfText(source.text) : linesOfCsv(source.csv);
  if (lines.length === 0) {
    throw new PhoneListError(field === 'numbers' ? 'Enter at least one phone number' : 'The CSV file has no phone numbers in it', field);
  }
  if (lines.length > MAX_LINES) {
    throw new PhoneListError(
      `That is ${lines.length.toLocaleString('en-US')} lines: add at most ${MAX_LINES.toLocaleString('en-US')} phone numbers at a time`,
      field,
    );
  }
  const firstLine = new Map<string, number>();
  return lines.map(({ line, input }) => {
    const parsed = parsePhoneNumberInput(input, defaultCountry);
    const entry: PhoneNumberEntry = { line, input: shown(input) };
    if (parsed.error !== undefined) return { ...entry, error: parsed.error };
    const seen = firstLine.get(parsed.e164);
    if (seen !== undefined) return { ...entry, ...parsed, error: `Duplicate of line ${seen}` };
    firstLine.set(parsed.e164, line);
    return { ...entry, ...parsed };
  });
}
