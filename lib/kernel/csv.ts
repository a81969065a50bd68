// Every CSV the console exports is written with these options (docs/decisions/021-csv-exports.md):
// RFC 4180 (CRLF between records; a field quoted when it holds a comma, quote or line break, its
// quotes doubled) and one guard against formula injection on every cell.

/**
 * What a spreadsheet may start a formula with, as a cell's first character: OWASP's list (= + - @
 * tab CR LF) and the full-width = + - @ that Apple Numbers reads as their ASCII forms (csv-stringify's
 * own list has them too).
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * Values that start with + or - and still cannot be a formula: an E.164 phone number (+, then up
 * to 15 digits) or a plain decimal number. A spreadsheet reads either as a number: a constant, with
 * no function, reference or operator in it to run.
 */
const NUMBER = /^(\+[1-9]\d{1,14}|[+-]?\d+(\.\d+)?)$/;

/**
 * The cell as a spreadsheet can only read as text: a leading quote mark before anything it would
 * run as a formula, and every E.164 or plain number as it is, so that a program reads it exactly.
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** csv-stringify's options for every export; add `columns`, `header` and `bom` per file. */
export const CSV_OPTIONS = {
  record_delimiter: 'windows',
  // Not csv-stringify's own escape_formulas: it quotes every + number too, a phone number included.
  cast: { string: (value: string) => guardFormula(value) },
} as const;

/**
 * A header cell of an uploaded CSV as the importers match it against their column names: NFKC,
 * invisible format characters gone, lower-cased, letters and digits only ("Phone number",
 * "PHONE_NUMBER" and "phone-number" are one column).
 */
export const csvHeaderKey = (cell: string) =>
  cell
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
