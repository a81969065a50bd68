// How much one "Add phone numbers" may take. Shared by the form's schema (browser and server) and
// the parser, and small so the browser bundle does not pull in the parser.

/** Lines (not counting blank ones) in one go: far more than any real batch, and still quick. */
export const MAX_LINES = 20_000;
/** A CSV file of 20,000 numbers with a few other columns is well under this. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Pasted text: 20,000 numbers written out in full with room to spare. */
export const MAX_TEXT_CHARS = 1_000_000;
