import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseConfig, describePostgresUrl, type DatabaseConfig } from './config';
import { openEmbeddedDatabase } from './embedded';
import { isConnectionFailure, isDatabaseDown, reportDatabaseError, setDatabaseProbe } from './health';
import { applyMigrations, pgliteRunner, pgRunner, type SqlRunner } from './migrations';
import { OUTAGE_DIGEST } from '../http/outage-words';

/**
 * Opt-in query log for the benchmark (`SWITCHBOARD_QUERY_LOG=1`): one stdout line per query,
 * prefixed QUERY_LOG_PREFIX, so `npm run bench` can count the queries of one request. Off by
 * default, and then the client is made exactly as before.
 */
export const QUERY_LOG_PREFIX = '[switchboard:query]';

type Adapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]['adapter']>;
type QueryEvents = { $on(event: 'query', listener: (event: { duration: number; query: string }) => void): void };

/**
 * Marks an error that the database's absence caused, so that the error page can say so: Next
 * keeps a `digest` it finds on a thrown error (and replaces everything else in production).
 * While the database is known to be down, any failed query counts: a transaction whose
 * connection died fails with Prisma's own words, not the socket's.
 */
export function markOutage<E>(err: E): E {
  if (err && typeof err === 'object' && !('digest' in err) && (isConnectionFailure(err) || isDatabaseDown()))
    Object.assign(err, { digest: OUTAGE_DIGEST });
  return err;
}

function makeClient(adapter: Adapter): PrismaClient {
  let client: PrismaClient;
  if (process.env.SWITCHBOARD_QUERY_LOG !== '1') client = new PrismaClient({ adapter });
  else {
    client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    (client as unknown as QueryEvents).$on('query', (event) =>
      console.log(`${QUERY_LOG_PREFIX} ${event.duration}ms ${event.query.replace(/\s+/g, ' ').slice(0, 300)}`),
    );
  }
  return client.$extends({
    name: 'outage-digest',
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (err) {
          throw markOutage(err);
        }
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * A connection attempt, or a wait for a free connection in the pool, gives up after this long, so
 * that no request waits longer on a database that does not answer (decision 016).
 */
export const CONNECT_TIMEOUT_MS = 5000;

type LooseMethods = { connect(...args: unknown[]): unknown; query(...args: unknown[]): unknown };

/** Calls pg's `method`, reporting its failure (callback or promise) to the health state. */
function reporting(method: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    const callback = (err: unknown, ...rest: unknown[]) => {
      if (err) reportDatabaseError(err);
      return (last as (...a: unknown[]) => unknown)(err, ...rest);
    };
    return method.apply(self, [...args.slice(0, -1), callback]);
  }
  const result = method.apply(self, args);
  if (result && typeof (result as Promise<unknown>).then === 'function')
    (result as Promise<unknown>).then(undefined, (err: unknown) => reportDatabaseError(err));
  return result;
}

/**
 * pg's client, telling lib/db/health.ts of every failed connection attempt, failed query and
 * connection error (the server shutting down sends its idle connections an error): the pool
 * and the Prisma adapter use it unchanged otherwise.
 */
class ReportingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (err) => void reportDatabaseError(err));
  }
}
const pgMethods = pg.Client.prototype as unknown as LooseMethods;
Object.assign(ReportingClient.prototype, {
  connect(this: pg.Client, ...args: unknown[]) {
    return reporting(pgMethods.connect, this, args);
  },
  query(this: pg.Client, ...args: unknown[]) {
    return reporting(pgMethods.query, this, args);
  },
});

/** The probe while the database is down: a connection of its own, not one of the pool's. */
function probeOf(url: string): () => Promise<void> {
  return async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000, query_timeout: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  };
}

export type Database = {
  prisma: PrismaClient;
  config: DatabaseConfig;
  /** Raw SQL on the same connection(s) Prisma uses. */
  runner: SqlRunner;
  close(): Promise<void>;
};

/**
 * Opens the configured database and brings its schema up to date. Migrating on open means
 * every process that uses the database (server, scripts, tests) sees the current schema.
 */
export async function openDatabase(
  config: DatabaseConfig = databaseConfig(),
  opts: { log?: (line: string) => void } = { log: (line) => console.log(line) },
): Promise<Database> {
  if (config.kind === 'embedded') {
    const embedded = await openEmbeddedDatabase(config.dataDir);
    try {
      const runner = pgliteRunner(embedded.db);
      await applyMigrations(runner, { log: opts.log });
      const prisma = makeClient(new PrismaPGlite(embedded.db));
      return {
        prisma,
        config,
        runner,
        async close() {
          await prisma.$disconnect();
          await embedded.close();
        },
      };
    } catch (err) {
      await embedded.close();
      throw err;
    }
  }

  setDatabaseProbe(probeOf(config.url));
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    Client: ReportingClient,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Lets the kernel notice a peer that vanished without closing the connection.
    keepAlive: true,
  });
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    await pool.end();
    throw new Error(
      `Cannot connect to PostgreSQL at ${describePostgresUrl(config.url)}: ${(err as Error).message}. ` +
        'Check that the server is running and that DATABASE_URL has the right host, port, user, password and database.',
    );
  }
  try {
    await applyMigrations(pgRunner(client), { log: opts.log });
  } finally {
    client.release();
  }
  const prisma = makeClient(new PrismaPg(pool));
  return {
    prisma,
    config,
    runner: {
      async exec(sql) {
        await pool.query(sql);
      },
      async query(sql, params) {
        return (await pool.query(sql, params as unknown[])).rows;
      },
    },
    async close() {
      await prisma.$disconnect();
      // pool.end() resolves as soon as it has asked its connections to close, not when they have.
      // Wait for them: a connection the server cuts meanwhile (a test dropping its database, a
      // restart) would otherwise raise an uncaught error after we said we were closed.
      const open = pool.totalCount;
      let removed = 0;
      const closed = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on('remove', () => ++removed >= open && resolve());
        setTimeout(resolve, 5000).unref();
      });
      await pool.end();
      await closed;
    },
  };
}

// One database per process. Kept on globalThis because Next.js bundles modules more than once
// (instrumentation, each route) and `next dev` re-evaluates them on every change.
const key = Symbol.for('switchboard.database');
type Holder = { [key]?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    holder[key] = openDatabase().catch((err) => {
      delete holder[key];
      throw err;
    });
  }
  return holder[key];
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Closes the process's database, if it was opened. */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const open = holder[key];
  delete holder[key];
  if (open) await (await open).close();
}
