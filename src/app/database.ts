import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from '../core/db/orm-options';
import type { Logger } from '../core/logger';
import { ENTITIES } from './entities';

/** The ORM configuration of this application for a database URL. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}, log?: Logger): Options {
  return ormOptions(clientUrl, ENTITIES, overrides, log);
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(url: string, log?: Logger): Promise<string[]> {
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
