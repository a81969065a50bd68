// Whether this process can reach PostgreSQL, as its last failures say (docs/decisions/016).
//
// The database client reports every driver error here; a connection-class one (refused, reset,
// the server shutting down or starting up, a connection timeout) marks the database down. While
// it is down, proxy.ts answers 503 before any page or action runs, and a probe (a fresh
// connection and `SELECT 1`, at once and then once a second) marks it up as soon as the server
// answers. The state lives on globalThis because the proxy and the app are separate bundles in
// one process. No imports: proxy.ts reads it, and the healthy case costs one property read.
// The embedded database (PGlite, in-process) reports nothing, so it is never down.

/** A connection-class failure: the database is not there, not the query wrong. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down); class 08 is "connection exception". */
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/** What pg says when a socket closes or a connection attempt times out (plain Errors, no code). */
const MESSAGES = [
  /^Connection terminated unexpectedly/,
  /^Connection terminated due to connection timeout/,
  /^timeout expired$/,
  /encountered a connection error and is not queryable/,
];
/** Prisma's own codes for the same: can't reach, timed out reaching, timed out, server closed the connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** The driver adapter's kinds for them (Prisma keeps the adapter's error in meta.driverAdapterError). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);

type Inspectable = {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * Whether `err` says the database cannot be reached (rather than that a query failed): pg's and
 * Node's errors, the driver adapter's, and Prisma's wrapping of either, looked through `cause`.
 */
export function isConnectionFailure(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as Inspectable;
  const code = typeof e.code === 'string' ? e.code : typeof e.originalCode === 'string' ? e.originalCode : undefined;
  if (code && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // AggregateError: a host with several addresses refused on each.
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.some((inner) => isConnectionFailure(inner, depth + 1))) return true;
  return isConnectionFailure(e.cause, depth + 1) || isConnectionFailure(e.meta?.driverAdapterError, depth + 1);
}

export type DatabaseDown = { since: number; reason: string };

type HealthState = {
  down: DatabaseDown | null;
  /** Answers when the database does; set by the database client (lib/db/client.ts). */
  probe: (() => Promise<void>) | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Called when the state changes: the server's log by default. */
  log: (line: string) => void;
};

const key = Symbol.for('switchboard.database-health');
type Holder = { [key]?: HealthState };

function state(): HealthState {
  const holder = globalThis as Holder;
  return (holder[key] ??= { down: null, probe: null, timer: null, log: (line) => console.error(line) });
}

/** The one check on every request: true only while the last connection attempt failed. */
export function isDatabaseDown(): boolean {
  return (globalThis as Holder)[key]?.down != null;
}

export function databaseDown(): DatabaseDown | null {
  return (globalThis as Holder)[key]?.down ?? null;
}

export const PROBE_INTERVAL_MS = 1000;

const describe = (err: unknown) => {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0]!.slice(0, 200) : String(err);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
};

/**
 * Records a driver error. A connection-class one marks the database down (once; later ones
 * while it is down change nothing) and starts the probe. Returns whether it was one.
 */
export function reportDatabaseError(err: unknown): boolean {
  if (!isConnectionFailure(err)) return false;
  const s = state();
  if (s.down) return true;
  s.down = { since: Date.now(), reason: describe(err) };
  s.log(`Switchboard cannot reach its database (${s.down.reason}); answering 503 until it is back.`);
  scheduleProbe(0);
  return true;
}

/** Marks the database up: the probe got an answer. */
export function markDatabaseUp(): void {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  if (!s.down) return;
  const seconds = ((Date.now() - s.down.since) / 1000).toFixed(1);
  s.down = null;
  s.log(`Switchboard reaches its database again, after ${seconds} s.`);
}

/** How the database is probed while it is down; the database client sets it. */
export function setDatabaseProbe(probe: (() => Promise<void>) | null): void {
  state().probe = probe;
}

/** Where state changes are written (tests capture them). */
export function setHealthLog(log: (line: string) => void): void {
  state().log = log;
}

/** Forgets everything: up, no probe, no timer (for tests). */
export function resetDatabaseHealth(): void {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  Object.assign(s, { down: null, probe: null, timer: null });
}

function scheduleProbe(delay: number): void {
  const s = state();
  if (s.timer) return;
  s.timer = setTimeout(() => {
    s.timer = null;
    if (!s.down) return;
    if (!s.probe) return scheduleProbe(PROBE_INTERVAL_MS);
    const started = Date.now();
    s.probe().then(
      () => markDatabaseUp(),
      // At most once a second, counted from the start of the last attempt.
      () => scheduleProbe(Math.max(0, PROBE_INTERVAL_MS - (Date.now() - started))),
    );
  }, delay);
  // A script that opened the database must be able to exit while it is down.
  s.timer.unref?.();
}
