import { authSecret } from '@/lib/auth/secret';
import { closeDatabase, getDatabase } from '@/lib/db/client';

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
  // The deletion queue empties itself (and old Idempotency-Keys go): hourly, every instance (each removal is conditional, so
  // instances purging at once remove each number once). Not keeping the process alive for it.
  const purge = async () => {
    try {
      const { purgeDeletedPhoneNumbers } = await import('@/lib/inventory/phone-numbers');
      const { purged } = await purgeDeletedPhoneNumbers();
      if (purged.length) console.log(`Removed ${purged.length} numbers from the deletion queue for good.`);
    } catch (err) {
      console.error(`Purging the deletion queue failed: ${(err as Error).message}`);
    }
    // Signed-out sessions' ids, once those sessions would have expired anyway (lib/auth/end-session.ts).
    try {
      const { purgeEndedSessions } = await import('@/lib/auth/end-session');
      await purgeEndedSessions();
    } catch (err) {
      console.error(`Forgetting ended sessions failed: ${(err as Error).message}`);
    }
    // The API's kept answers to Idempotency-Keys older than a day (lib/api/idempotency.ts).
    try {
      const { purgeIdempotencyKeys } = await import('@/lib/api/idempotency');
      await purgeIdempotencyKeys();
    } catch (err) {
      console.error(`Forgetting old Idempotency-Keys failed: ${(err as Error).message}`);
    }
  };
  // purge() reports its own failures, so the timers need nothing back from it.
  // SWITCHBOARD_HOUSEKEEPING_DELAY_MS: when the first run comes (default 10 s after start). The
  // benchmark puts it off, so that its per-request query counts hold only the request's queries.
  const firstRun = Number(process.env.SWITCHBOARD_HOUSEKEEPING_DELAY_MS) || 10_000;
  setTimeout(() => void purge(), firstRun).unref();
  setInterval(() => void purge(), 60 * 60 * 1000).unref();
  // Emails to users: each action kicks delivery after its response; this sweep sends retries and
  // anything a stopped process left behind. Only when SMTP_URL is set; otherwise they wait.
  const { startDeliverySweep } = await import('@/lib/notifications/deliver');
  startDeliverySweep();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Close PGlite cleanly and release its folder before exiting.
      void closeDatabase().finally(() => process.exit(0));
    });
  }
}
