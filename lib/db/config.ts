import path from 'node:path';

export type Env = Record<string, string | undefined>;

/** Where the data lives: an embedded PGlite folder (the default) or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };

function dataDirectory(env: Env = process.env): string {
  return path.resolve(env.SWITCHBOARD_DATA_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), 'data'));
}

export function databaseConfig(env: Env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: 'embedded', dataDir: dataDirectory(env) };
  if (/^postgres(ql)?:\/\//.test(url)) {
    const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
    if (!Number.isInteger(poolSize) || poolSize < 1) {
      throw new Error('DATABASE_POOL_SIZE must be a whole number of 1 or more.');
    }
    return { kind: 'postgres', url, poolSize };
  }
  throw new Error('DATABASE_URL must start with postgres:// or postgresql://. Leave it unset to use the embedded database.');
}

/** host:port/database, without credentials, for messages. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL server';
  }
}
