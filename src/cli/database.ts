import { loadConfig } from '../core/config';
import { resolveDatabase, type DatabaseHandle } from '../core/db/database';
import { createLogger } from '../core/logger';

/**
 * The database a command works on: DATABASE_URL (or `url`) when set; otherwise the embedded PostgreSQL of
 * DATA_DIR — the one already running (e.g. under `npm start`) when there is one, else started for the
 * duration of the command (`stop()` stops only what this process started).
 */
export async function openDatabase(url?: string): Promise<DatabaseHandle> {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  return resolveDatabase({
    databaseUrl: url ?? config.databaseUrl,
    dataDir: config.dataDir,
    log,
    attachToRunning: true,
  });
}

/** Runs `work` with a database URL, then stops the embedded server if this command started it. */
export async function withDatabase<T>(
  work: (url: string, db: DatabaseHandle) => Promise<T>,
  url?: string,
): Promise<T> {
  const db = await openDatabase(url);
  try {
    return await work(db.url, db);
  } finally {
    await db.stop();
  }
}
