import { closeDatabase, getDatabase } from './db/client';

/**
 * Opens the database and applies pending migrations before the server takes requests, so a
 * misconfigured or busy database stops it at once with a clear message rather than failing
 * the first admin's request.
 */
export async function prepareServer(): Promise<void> {
  try {
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
