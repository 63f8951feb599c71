import { ADVISORY_LOCKS } from '../core/db/advisory-locks';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../core/db/orm-options';
import type { Logger } from '../core/logger';
import { ENTITIES } from './entities';

/** The ORM configuration of this application for a database URL. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}, log?: Logger): Options {
  return ormOptions(clientUrl, ENTITIES, overrides, log);
}

/**
 * The advisory lock key that serialises schema changes and demo seeding (any constant unique to this
 * purpose): several instances starting together on one database, and `dmc migrate` / `npm run migrate:prod`
 * in a pipeline, take turns; the second finds the work done.
 */
export const STARTUP_LOCK_KEY = ADVISORY_LOCKS.startup;

/**
 * Runs `work` while holding the start-up advisory lock, on a session of its own (`pg_advisory_lock`: waits
 * for another holder; released when `work` ends or, if this process dies, when its connection closes).
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>, log?: Logger): Promise<T> {
  const session = new Client({ connectionString: url, application_name: 'dmc-catalogue-startup-lock' });
  // A lost connection fails the statement in flight (and so the start-up), never as an unhandled event.
  session.on('error', () => undefined);
  await session.connect();
  session.on('error', () => undefined);
  try {
    const { rows } = await session.query<{ free: boolean }>('select pg_try_advisory_lock($1) as free', [
      STARTUP_LOCK_KEY,
    ]);
    if (!rows[0].free) {
      log?.info('another instance is migrating or seeding the database; waiting for it');
      await session.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    return await work();
  } finally {
    await session.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    await session.end().catch(() => undefined);
  }
}

/** Applies pending migrations under the start-up lock; returns the names applied. */
export async function migrate(url: string, log?: Logger): Promise<string[]> {
  return withStartupLock(url, () => migrateLocked(url, log), log);
}

/** Applies pending migrations; the caller holds the start-up lock (`withStartupLock`). */
export async function migrateLocked(url: string, log?: Logger): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 1 } }, log));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

/**
 * The entity metadata, discovered without connecting (for deriving the compiled SQL of plain columns and
 * relations, `compiledTypes()`), once per process.
 */
let discovered: MikroORM | undefined;
export function entityMetadata() {
  discovered ??= MikroORM.initSync(
    ormConfig('postgres://metadata-only@127.0.0.1:1/none', { connect: false }),
  );
  return discovered.getMetadata();
}
