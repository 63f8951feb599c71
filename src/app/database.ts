import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from '../core/db/orm-options';
import { ENTITIES } from './entities';

/** The ORM configuration of this application for a database URL. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return ormOptions(clientUrl, ENTITIES, overrides);
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 1 } }));
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
