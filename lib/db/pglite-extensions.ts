import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * PostgreSQL extensions the migrations use, loaded into every PGlite database (embedded, test,
 * shadow) so that the same migrations run there as on PostgreSQL. pg_trgm: the inventory's
 * search by any digits (`e164 LIKE '%…%'`) uses a trigram index instead of reading every number.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
