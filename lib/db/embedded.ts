import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { PGLITE_EXTENSIONS } from './pglite-extensions';

/** Thrown when another process already has the embedded database open. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(dir: string, pid: string | undefined) {
    super(
      `The embedded database in ${dir} is in use by another process${pid ? ` (pid ${pid})` : ''}. ` +
        'PGlite allows one process per folder: stop that process (for example the running Switchboard server) and try again, ' +
        'or set SWITCHBOARD_DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

/**
 * Opens the PGlite database in `<dataDir>/pglite`, holding an exclusive lock on the folder for
 * as long as it is open: PGlite has no locking of its own, and two writers would corrupt it.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<{ db: PGlite; close(): Promise<void> }> {
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dataDir, 'pglite.pid');

  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: path.join(dataDir, 'pglite.lock'),
      // A crashed holder's lock goes stale after this long; the live holder refreshes it.
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (err) => {
        // Someone took the folder from under us: stop before two writers corrupt it.
        console.error(`Lost the lock on the embedded database: ${err.message}`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      const pid = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : undefined;
      throw new EmbeddedDatabaseInUseError(dir, pid);
    }
    throw err;
  }
  fs.writeFileSync(pidFile, String(process.pid));

  try {
    const db = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
    return {
      db,
      async close() {
        await db.close();
        fs.rmSync(pidFile, { force: true });
        await release();
      },
    };
  } catch (err) {
    fs.rmSync(pidFile, { force: true });
    await release();
    throw err;
  }
}
