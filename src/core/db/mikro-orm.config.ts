import 'reflect-metadata';
import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RUNNING_TS = __filename.endsWith('.ts');

/**
 * The ORM configuration for a given database URL. Migrations are the only way the schema changes:
 * `schema:update` is never used, and `npm run migration:create` writes new, reviewable files to `migrations/`.
 */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    preferTs: RUNNING_TS,
    discovery: { warnWhenNoEntities: true },
    // Entities are listed explicitly, so discovery is cheap; a file cache would only add a temp/ folder
    // (and breaks when jest's globalSetup and test realms share it, mikro-orm#3783).
    metadataCache: { enabled: false },
    forceUndefined: false,
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(ROOT, 'dist', 'migrations'),
      pathTs: path.join(ROOT, 'migrations'),
      glob: '!(*.d).{js,ts}',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      silent: true,
    },
    ...overrides,
  });
}

/** Used by the MikroORM CLI only (the app builds its config from the resolved database). */
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dmc_catalogue');
