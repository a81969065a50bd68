// The one guard every test entry point calls before it touches a database: tests, e2e passes,
// the race proof, the authorisation matrix and the benchmark smoke create and drop databases,
// so they must never reach a server that is not on this machine.

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** Throws unless `url` (a postgres:// URL) names a server on this machine. */
export function assertLocalDatabase(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error('Tests refuse to run: the database URL cannot be read.');
  }
  if (!LOCAL_HOSTS.includes(host)) {
    throw new Error(`Tests refuse to run against a database that is not on this machine (${host}).`);
  }
}

/** The same check for a process's environment: DATABASE_URL and TEST_POSTGRES_URL, when set. */
export function assertLocalEnvironment(env: Record<string, string | undefined> = process.env): void {
  for (const key of ['DATABASE_URL', 'TEST_POSTGRES_URL']) {
    const value = env[key]?.trim();
    if (value) assertLocalDatabase(value);
  }
}
