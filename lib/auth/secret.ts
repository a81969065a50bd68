import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseConfig, type Env } from '@/lib/db/config';

/**
 * The key that signs and encrypts admin sessions. Required in production (PostgreSQL); the
 * embedded demo makes one on first start and keeps it in its data folder, so sessions survive
 * restarts without the admin having to configure anything.
 */
export function authSecret(env: Env = process.env): string {
  const configured = env.AUTH_SECRET?.trim();
  if (configured) return configured;
  const config = databaseConfig(env);
  if (config.kind !== 'embedded') {
    throw new Error(
      'AUTH_SECRET is not set. With DATABASE_URL pointing at PostgreSQL, set AUTH_SECRET to a long random value ' +
        '(for example the output of `openssl rand -base64 33`), the same on every instance.',
    );
  }
  const file = path.join(config.dataDir, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(33).toString('base64url');
  try {
    // 'wx': if two processes race to create it, the second reads the first's.
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}
