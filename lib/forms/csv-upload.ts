import { CsvError, parse as parseCsvRecords } from 'csv-parse/sync';

// Reading a list an admin uploads or pastes as CSV, shared by "Add phone numbers" and "Import
// users": the file's text from its bytes, and its records with the line each starts on. What the
// records mean is each import's own business (lib/inventory/parse.ts, lib/directory/user-import-parse.ts).

/** A file or text that cannot be read at all; the message says what to do, in the admin's words. */
export class CsvUploadError extends Error {
  constructor(
    message: string,
    /** For a list that cannot be parsed: why, and the line where it stopped, for a message of the caller's own. */
    readonly why?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CsvUploadError';
  }
}

/** One record of a CSV file or pasted text, with the line (from 1, blank lines included) it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * Every record, wholly blank ones included (the caller decides what blank means to it). Commas,
 * semicolons or tabs separate columns (spreadsheets use any of them); quoted fields, CRLF and a
 * byte-order mark are fine; rows may have different numbers of cells.
 */
export function readCsvRecords(csv: string): CsvRecord[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsvRecords(csv, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records; // with info: true each record comes with where it was read; the types miss that
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const at = (err as CsvError & { lines?: number }).lines;
    const why =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed'
        : err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
          ? 'a closing quote is followed by other characters'
          : err.message;
    throw new CsvUploadError(
      `The CSV file cannot be read: ${why}${at ? ` (line ${at})` : ''}. Check the file and upload it again.`,
      why,
      at,
    );
  }
  return records.map(({ record, info }) => {
    // info.lines is where the record ends; a quoted field may hold line breaks of its own.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, cells: record };
  });
}

/**
 * A CSV file's text. UTF-8 (with or without a byte-order mark) or UTF-16 as spreadsheets save
 * it; a spreadsheet's own format or another binary file is refused with what to do instead.
 * `what` names the contents in that message ("the numbers", "the users").
 */
export function decodeCsvFile(bytes: Uint8Array, what: string): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new CsvUploadError(
      'This is a spreadsheet (such as .xlsx), not a CSV file. Save it as CSV (comma-separated values), then upload that.',
    );
  }
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.includes('\u0000')) {
    throw new CsvUploadError(`This file is not a CSV file. Save ${what} as CSV (comma-separated values), then upload that.`);
  }
  return text;
}

/** What the preview shows as "what was typed": as typed, less what cannot be seen or would reorder the row. */
export function shownInput(raw: string, max = 100): string {
  const visible = raw
    .replace(/\p{Cf}/gu, '')
    .replace(/\p{Cc}/gu, ' ')
    .trim();
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}
