// How names and email addresses typed by an admin become what is stored, in one place for the
// console, imports and (later) the API. Pure functions: no database, tested on their own.

/**
 * A name as stored: NFKC-normalised (full-width letters become ASCII, ligatures split), inner runs
 * of white space made one space, trimmed; zero-width and bidirectional control characters are
 * removed so that two names that look alike are alike.
 */
export function cleanName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key two account names clash on: the clean name, lower-cased (the migration uses the same rule). */
export function accountNameKey(name: string): string {
  return cleanName(name).toLowerCase();
}

/** An email address as stored: trimmed and lower-cased (addresses are matched case-insensitively). */
export function cleanEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
