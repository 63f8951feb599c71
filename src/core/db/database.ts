import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { startEmbeddedPostgres } from './embedded-postgres';

export type DatabaseHandle = {
  kind: 'url' | 'embedded';
  url: string;
  /** The embedded server was already running (started by another process, e.g. `npm start`). */
  attached?: boolean;
  /** Stops the embedded server (no-op for an external server). */
  stop(): Promise<void>;
};

/**
 * `DATABASE_URL` set: that server. Unset: an embedded PostgreSQL 15 from the `embedded-postgres` binaries,
 * persistent in `dataDir` (or throw-away when `dataDir` is undefined).
 */
export async function resolveDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  log: Logger;
  /** Use the embedded PostgreSQL already serving `dataDir` (e.g. `npm start`'s) instead of failing. */
  attachToRunning?: boolean;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { kind: 'url', url: options.databaseUrl, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: options.dataDir ? path.resolve(options.dataDir, 'postgres') : undefined,
    attachToRunning: options.attachToRunning,
    log: (level, msg, fields) => options.log[level](msg, { component: 'embedded-postgres', ...fields }),
  });
  options.log.info(pg.attached ? 'using the running embedded PostgreSQL' : 'embedded PostgreSQL ready', {
    port: pg.port,
    dataDir: pg.dataDir,
  });
  return { kind: 'embedded', url: pg.url, attached: pg.attached, stop: () => pg.stop() };
}

/** Migrations known to the code but not yet applied to the database. */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
