// How much one "Import users" may take. Shared by the form's schema (browser and server) and the
// parser, and small so the browser bundle does not pull in the parser.

/** Lines (not counting blank ones) in one go: a large organisation's directory, still quick to check. */
export const MAX_USER_LINES = 20_000;
/** A CSV file of 20,000 users with a few other columns is well under this. */
export const MAX_USER_CSV_BYTES = 2 * 1024 * 1024;
/** Pasted text: 20,000 users written out in full with room to spare. */
export const MAX_USER_TEXT_CHARS = 1_000_000;
/** The longest full name kept (as stored, after cleaning). */
export const MAX_NAME_CHARS = 100;
/** The longest email address (RFC 5321's limit on a path). */
export const MAX_EMAIL_CHARS = 254;
