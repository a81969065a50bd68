// How much one "Change phone numbers from a file" may take. Shared by the form's schema (browser
// and server) and the parser, and small so the browser bundle does not pull in the parser.

/** Rows (not counting blank ones or the header) in one file: each is its own change, applied one after another. */
export const MAX_CHANGE_ROWS = 5_000;
/** 5,000 rows of email, number and three permissions are well under this. */
export const MAX_CHANGE_CSV_BYTES = 1024 * 1024;
