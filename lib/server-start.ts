import { authSecret } from './auth/secret';
import { closeDatabase, getDatabase } from './db/client';

/**
 * Checks the configuration, opens the database and applies pending migrations before the server
 * takes requests, so a missing secret or a misconfigured or busy database stops it at once with
 * a clear message rather than failing the first admin's request.
 */
export async function prepareServer(): Promise<void> {
  try {
    authSecret(); // with PostgreSQL a missing AUTH_SECRET stops the server here, not at sign-in
    await getDatabase();
  } catch (err) {
    console.error(`Switchboard cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Close PGlite cleanly and release its folder before exiting.
      void closeDatabase().finally(() => process.exit(0));
    });
  }
}
