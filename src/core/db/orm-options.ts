import 'reflect-metadata';
import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { createLogger, type Logger } from '../logger';

// `migrations/` sits beside `src/` both in the repository (TypeScript, run with ts-node or jest) and in
// `dist/` (compiled JavaScript, `npm run start:prod`), so one path relative to this file finds the right one.
const MIGRATIONS = path.resolve(__dirname, '..', '..', '..', 'migrations');
const RUNNING_TS = __filename.endsWith('.ts');

/** An entity class, as MikroORM discovers it. */
export type EntityClass = new (...args: never[]) => object;

/**
 * The ORM options for a database URL and the entities of the domain model (the composition root,
 * `src/app/`, supplies them). Migrations are the only way the schema changes: `schema:update` is never
 * used, and `npm run migration:create` writes new, reviewable files to `migrations/`.
 */
export function ormOptions(
  clientUrl: string,
  entities: readonly EntityClass[],
  overrides: Partial<Options> = {},
  log: Logger = defaultOrmLogger(),
): Options {
  const orm = log.child({ component: 'orm' });
  return defineConfig({
    clientUrl,
    entities: [...entities],
    extensions: [Migrator],
    preferTs: RUNNING_TS,
    discovery: { warnWhenNoEntities: true },
    // Entities are listed explicitly, so discovery is cheap; a file cache would only add a temp/ folder
    // (and breaks when jest's globalSetup and test realms share it, mikro-orm#3783).
    metadataCache: { enabled: false },
    forceUndefined: false,
    pool: { min: 0, max: 10 },
    // MikroORM's own messages (debug is off, so warnings) and knex's (e.g. "Connection Error: …" when a
    // pooled connection dies), which would otherwise be plain text on stdout, go through the logger.
    colors: false,
    logger: (message) => orm.warn(message),
    driverOptions: {
      log: {
        debug: (message: unknown) => orm.debug(String(message)),
        warn: (message: unknown) => orm.warn(String(message)),
        error: (message: unknown) => orm.error(String(message)),
        deprecate: (method: unknown, alternative: unknown) =>
          orm.warn(`${String(method)} is deprecated, use ${String(alternative)}`),
      },
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: MIGRATIONS,
      pathTs: MIGRATIONS,
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

let fallback: Logger | undefined;
/** JSON lines at `warn` for callers that pass no logger (scripts, the MikroORM CLI). */
function defaultOrmLogger(): Logger {
  return (fallback ??= createLogger('warn'));
}
