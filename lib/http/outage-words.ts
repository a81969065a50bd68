// What Switchboard says when it cannot reach its database: shared by the proxy's 503 answers
// (lib/http/outage.ts) and the error pages (app/error.tsx, app/global-error.tsx), which are
// client components and so import nothing from the server.

export const OUTAGE_TITLE = 'Switchboard cannot reach its database';
export const OUTAGE_MESSAGE = 'Switchboard cannot reach its database; try again in a moment.';
/** Put on an error thrown because the database could not be reached (Next keeps a digest it finds). */
export const OUTAGE_DIGEST = 'SWITCHBOARD_DATABASE_UNAVAILABLE';
/** Seconds a client is asked to wait (Retry-After); the probe notices the database's return within 1 s. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether an error page's error was the database's absence: a render or action that was running
 * when the database went away (its error carries the digest, lib/db/client.ts), or an action
 * posted by JavaScript that the proxy answered 503 (Next's client throws that text as the message).
 */
export function isOutageError(error: { digest?: string; message?: string }): boolean {
  return error.digest === OUTAGE_DIGEST || error.message === OUTAGE_MESSAGE;
}
