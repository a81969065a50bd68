import assert from 'node:assert/strict';
import net from 'node:net';
import { afterEach, test } from 'node:test';
import pg from 'pg';
import { markOutage, openDatabase } from './client';
import {
  databaseDown,
  isConnectionFailure,
  isDatabaseDown,
  PROBE_INTERVAL_MS,
  reportDatabaseError,
  resetDatabaseHealth,
  setDatabaseProbe,
  setHealthLog,
} from './health';
import { OUTAGE_DIGEST } from '../http/outage-words';

const logged: string[] = [];
afterEach(() => {
  resetDatabaseHealth();
  logged.length = 0;
});
setHealthLog((line) => logged.push(line));

/** A port on this machine where nothing listens: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

test('connection-class failures are told apart from failed queries', async () => {
  // A real refusal, as pg reports it.
  const client = new pg.Client({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x' });
  const refused = await client.connect().then(
    () => null,
    (err: unknown) => err,
  );
  assert.equal((refused as { code?: string }).code, 'ECONNREFUSED');
  assert.equal(isConnectionFailure(refused), true);

  for (const [code, message] of [
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
  ] as const)
    assert.equal(isConnectionFailure(pgError(code, message)), true, code);
  assert.equal(isConnectionFailure(new Error('Connection terminated unexpectedly')), true);
  assert.equal(isConnectionFailure(new Error('Connection terminated due to connection timeout', { cause: new Error('x') })), true);
  // Prisma's wrapping: its own code, or the adapter's error in meta, or a cause.
  assert.equal(isConnectionFailure({ code: 'P1001', message: "Can't reach database server" }), true);
  assert.equal(isConnectionFailure({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } }), true);
  assert.equal(
    isConnectionFailure({ code: 'P2039', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } } }),
    true,
  );
  assert.equal(isConnectionFailure(new AggregateError([refused], 'all addresses refused')), true);

  // Not an outage: the query, the data or the pool's own queue.
  assert.equal(isConnectionFailure(pgError('23505', 'duplicate key value violates unique constraint')), false);
  assert.equal(isConnectionFailure(pgError('42601', 'syntax error')), false);
  assert.equal(
    isConnectionFailure({ code: 'P2002', meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } } }),
    false,
  );
  assert.equal(isConnectionFailure(new Error('timeout exceeded when trying to connect')), false);
  assert.equal(isConnectionFailure(new Error('Connection terminated')), false); // our own pool.end()
  assert.equal(isConnectionFailure(null), false);
  assert.equal(isConnectionFailure('ECONNREFUSED'), false);
});

test('a connection failure marks the database down once; the probe, at most once a second, brings it back', async () => {
  assert.equal(isDatabaseDown(), false);
  assert.equal(reportDatabaseError(pgError('23505', 'duplicate key')), false);
  assert.equal(isDatabaseDown(), false, 'a failed query is no outage');

  const probes: number[] = [];
  let answers = false;
  setDatabaseProbe(async () => {
    probes.push(Date.now());
    if (!answers) throw new Error('connect ECONNREFUSED');
  });
  assert.equal(reportDatabaseError(pgError('57P01', 'terminating connection due to administrator command')), true);
  assert.equal(isDatabaseDown(), true);
  assert.match(databaseDown()!.reason, /57P01: terminating connection/);
  reportDatabaseError(new Error('Connection terminated unexpectedly')); // changes nothing while down
  assert.match(databaseDown()!.reason, /57P01/);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /cannot reach its database \(57P01: .*\); answering 503 until it is back/);

  await new Promise((r) => setTimeout(r, 2.2 * PROBE_INTERVAL_MS));
  assert.equal(isDatabaseDown(), true);
  assert.ok(probes.length >= 2 && probes.length <= 3, `${probes.length} probes in 2.2 s`);
  for (let i = 1; i < probes.length; i++) assert.ok(probes[i]! - probes[i - 1]! >= PROBE_INTERVAL_MS - 20, 'at most once a second');

  answers = true;
  const back = Date.now();
  while (isDatabaseDown() && Date.now() - back < 3000) await new Promise((r) => setTimeout(r, 20));
  assert.equal(isDatabaseDown(), false);
  assert.ok(Date.now() - back <= PROBE_INTERVAL_MS + 100, `back after ${Date.now() - back} ms`);
  assert.match(logged[1]!, /reaches its database again, after \d+\.\d s/);
  const count = probes.length;
  await new Promise((r) => setTimeout(r, 1.1 * PROBE_INTERVAL_MS));
  assert.equal(probes.length, count, 'no probe while the database is up');
});

test('the PostgreSQL client reports a refused connection: the database is down until the probe reaches it', async () => {
  const port = await closedPort();
  await assert.rejects(
    openDatabase({ kind: 'postgres', url: `postgresql://postgres@127.0.0.1:${port}/x`, poolSize: 1 }, { log: () => {} }),
    /Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/x: connect ECONNREFUSED/,
  );
  assert.equal(isDatabaseDown(), true);
  assert.match(databaseDown()!.reason, /ECONNREFUSED/);
});

test('errors the outage caused carry the digest the error pages look for; others do not', () => {
  const closed = Object.assign(new Error("Can't reach database server"), { code: 'P1001' });
  assert.equal((markOutage(closed) as { digest?: string }).digest, OUTAGE_DIGEST);
  const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
  assert.equal((markOutage(unique) as { digest?: string }).digest, undefined);
  // While the database is known down, a transaction's own complaint counts too.
  reportDatabaseError(pgError('57P01', 'terminating connection'));
  const closedTx = Object.assign(new Error('Transaction already closed'), { code: 'P2028' });
  assert.equal((markOutage(closedTx) as { digest?: string }).digest, OUTAGE_DIGEST);
  // Next's own digests (a redirect) are left alone.
  const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/x;303;' });
  assert.equal(markOutage(redirect).digest, 'NEXT_REDIRECT;replace;/x;303;');
});
