import { z } from 'zod';
import { CsvUploadError, readCsvRecords, shownInput } from '@/lib/forms/csv-upload';
import { cleanEmail, cleanName } from './names';
import { MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_USER_LINES } from './limits';
import { csvHeaderKey } from '@/lib/kernel/csv';

// Turns the users an admin pasted or uploaded for "Import users" into one verdict per line: the
// user as they will be stored (clean name, lower-cased email, user type, licence), or the reason
// they cannot be imported, in words the admin can act on. Pure: the data layer adds what needs the
// database ("Already a user of this account") and the account's default licence.

export const USER_TYPES = ['PrivateUser', 'SharedDevice'] as const;
export const LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'] as const;
export type ImportUserType = (typeof USER_TYPES)[number];
export type ImportLicense = (typeof LICENSES)[number];

export type UserImportEntry = {
  /** Line of the text or of the CSV file, counting from 1, blank lines included. */
  line: number;
  /** What was there, without invisible characters, shortened if very long. */
  input: string;
  fullName?: string;
  email?: string;
  userType?: ImportUserType;
  /** Absent: the account's default licence (the data layer fills it in). */
  license?: ImportLicense;
  /** Why it cannot be imported; absent for a user who can. */
  error?: string;
};

/** A list that cannot be read at all (as opposed to single lines that are rejected). */
export class UserListError extends Error {
  constructor(
    message: string,
    readonly field: 'users' | 'csv',
  ) {
    super(message);
    this.name = 'UserListError';
  }
}

type Column = 'fullName' | 'email' | 'userType' | 'license';

/** Header names, as compared: letters and digits only, lower-cased ("E-mail address" → "emailaddress"). */
const HEADERS: Record<string, Column> = {
  fullname: 'fullName',
  name: 'fullName',
  displayname: 'fullName',
  username: 'fullName',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  primaryemail: 'email',
  usertype: 'userType',
  type: 'userType',
  licence: 'license',
  license: 'license',
  licencetype: 'license',
  licensetype: 'license',
};
const POSITIONAL: Column[] = ['fullName', 'email', 'userType', 'license'];

const key = csvHeaderKey;

const USER_TYPE_NAMES: Record<string, ImportUserType> = {
  privateuser: 'PrivateUser',
  private: 'PrivateUser',
  shareddevice: 'SharedDevice',
  shared: 'SharedDevice',
};
const LICENSE_NAMES: Record<string, ImportLicense> = { basic: 'Basic', plus: 'Plus', pro: 'Pro', protrial: 'ProTrial' };

const emailSchema = z.email();
const CONTROL = /\p{Cc}/u;
const blank = (cell: string | undefined) => !cleanName(cell ?? '');

/** The columns of the first record if it is a header (it names at least one known column), else null. */
function headerOf(cells: string[]): Map<Column, number> | null {
  const columns = new Map<Column, number>();
  cells.forEach((cell, i) => {
    const column = HEADERS[key(cell)];
    if (column && !columns.has(column)) columns.set(column, i);
  });
  return columns.size > 0 ? columns : null;
}

/** One line's verdict, before duplicates are looked for. */
function parseUser(cell: (column: Column) => string): Omit<UserImportEntry, 'line' | 'input'> {
  const rawName = cell('fullName');
  const rawEmail = cell('email');
  const fullName = cleanName(rawName);
  const email = cleanEmail(rawEmail);
  if (!fullName && !email) return { error: 'Missing full name and email address' };
  if (!fullName) return { email, error: 'Missing full name' };
  if (CONTROL.test(fullName)) return { error: 'The full name contains a control character: type the name again' };
  if (fullName.length > MAX_NAME_CHARS) return { error: `The full name is longer than ${MAX_NAME_CHARS} characters` };
  if (!email) return { fullName, error: 'Missing email address' };
  if (/\s/.test(email)) return { fullName, error: 'Not a valid email address: it has a space in it' };
  if (email.length > MAX_EMAIL_CHARS || !emailSchema.safeParse(email).success) {
    return { fullName, error: 'Not a valid email address: enter it like name@example.com' };
  }
  const entry: Omit<UserImportEntry, 'line' | 'input'> = { fullName, email };
  const rawType = cell('userType');
  if (!blank(rawType)) {
    const userType = USER_TYPE_NAMES[key(rawType)];
    if (!userType) return { ...entry, error: `Unknown user type “${shownInput(rawType, 40)}”: use Private user or Shared device` };
    entry.userType = userType;
  } else entry.userType = 'PrivateUser';
  const rawLicense = cell('license');
  if (!blank(rawLicense)) {
    const license = LICENSE_NAMES[key(rawLicense)];
    if (!license) {
      return {
        ...entry,
        error: `Unknown licence “${shownInput(rawLicense, 40)}”: use Basic, Plus, Pro or Pro trial, or leave it empty for the account’s default`,
      };
    }
    entry.license = license;
  }
  return entry;
}

/**
 * Every non-blank line of pasted text or a CSV file with its verdict. Columns: full name, email,
 * user type, licence — in that order, or in any order under a header row that names them
 * ("Full name" or "Name", "Email" or "Email address", "User type", "Licence" or "License", in any
 * case; other columns are ignored). Pasted lines are read the same way, one user a line. An
 * address that appears more than once (in any case) is accepted the first time; later times say
 * "Duplicate of line N".
 */
export function parseUserList(source: { text: string } | { csv: string }): UserImportEntry[] {
  const field = 'text' in source ? 'users' : 'csv';
  let records;
  try {
    records = readCsvRecords('text' in source ? source.text : source.csv);
  } catch (err) {
    if (!(err instanceof CsvUploadError)) throw err;
    if (field === 'csv') throw new UserListError(err.message, field);
    throw new UserListError(
      `The lines cannot be read: ${err.why}${err.line ? ` (line ${err.line})` : ''}. Check them and paste them again.`,
      field,
    );
  }
  records = records.filter((r) => r.cells.some((cell) => !blank(cell)));
  const header = records[0] ? headerOf(records[0].cells) : null;
  if (header) {
    const missing = (['fullName', 'email'] as const).filter((c) => !header.has(c));
    if (missing.length) {
      const names = missing.map((c) => (c === 'fullName' ? 'Full name' : 'Email')).join(' and ');
      throw new UserListError(
        `The first line names columns, but none is ${names}: name the columns Full name, Email, User type and Licence, or leave the header out and keep them in that order`,
        field,
      );
    }
    records = records.slice(1);
  }
  const columnIndex = (column: Column) => header?.get(column) ?? (header ? -1 : POSITIONAL.indexOf(column));
  if (records.length === 0) {
    throw new UserListError(field === 'users' ? 'Enter at least one user' : 'The CSV file has no users in it', field);
  }
  if (records.length > MAX_USER_LINES) {
    throw new UserListError(
      `That is ${records.length.toLocaleString('en-US')} lines: import at most ${MAX_USER_LINES.toLocaleString('en-US')} users at a time`,
      field,
    );
  }
  const firstLine = new Map<string, number>();
  return records.map(({ line, cells }) => {
    const typed = cells.map((c) => c.trim());
    while (typed.length > 1 && !typed[typed.length - 1]) typed.pop(); // "Pat," shows as "Pat"
    const input = shownInput(typed.join(', '));
    const parsed = parseUser((column) => cells[columnIndex(column)] ?? '');
    if (parsed.error !== undefined) return { line, input, error: parsed.error };
    const seen = firstLine.get(parsed.email!);
    if (seen !== undefined) return { line, input, error: `Duplicate of line ${seen}: the same email address` };
    firstLine.set(parsed.email!, line);
    return { line, input, ...parsed };
  });
}
