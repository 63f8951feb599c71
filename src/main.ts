// First: tracing (when configured) must wrap `http`, `pg` and `express` before they are loaded.
import './core/tracing-register';
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, ConfigError } from './core/config';
import { migrateLocked, ormConfig, withStartupLock } from './app/database';
import { resolveDatabase, type DatabaseHandle } from './core/db/database';
import { EmbeddedPostgresError } from './core/db/embedded-postgres';
import { createLogger, type Logger } from './core/logger';
import { startServer, type RunningServer } from './server';
import { stopTracing, tracingStatus } from './core/tracing';
import { isEmpty, seedDatabase } from '../seeds';

const SERVICE = 'dmc-catalogue';

/**
 * Start-up: validate configuration, reach the database (DATABASE_URL or embedded), apply migrations and, when
 * SEED_ON_EMPTY (default: outside production only), load the demo data into an empty database, both under the
 * start-up advisory lock, serve. SIGTERM/SIGINT drain HTTP and WebSocket clients, close the pool
 * and stop the embedded database.
 */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // LOG_LEVEL itself may be what is wrong, so this one line is at the default level.
      createLogger('info', { base: { service: SERVICE } }).error(`configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel, { base: { service: SERVICE } });
  const started = Date.now();
  let db: DatabaseHandle | undefined;
  let orm: MikroORM | undefined;
  let server: RunningServer | undefined;

  const shutdown = async (signal: string) => {
    log.info('shutting down', { signal });
    const timer = setTimeout(() => {
      log.error('shutdown timed out; exiting', { timeoutMs: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    await server?.close().catch((error) => log.error('error while draining the server', { error }));
    await orm?.close(true).catch((error) => log.error('error while closing the pool', { error }));
    await db?.stop().catch((error) => log.error('error while stopping the database', { error }));
    await stopTracing().catch((error) => log.error('error while sending the last spans', { error }));
    log.info('stopped', { signal });
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    db = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
    // Migrations and the demo data under one advisory lock: instances starting together take turns, and
    // only the first finds anything to do.
    const url = db.url;
    await withStartupLock(
      url,
      async () => {
        const applied = await migrateLocked(url, log);
        if (applied.length) log.info('migrations applied', { applied });
        if (config.seedOnEmpty && (await isEmpty(url))) {
          log.info('empty database: loading the report 22 scenario and a demo inventory', {
            installations: config.demoInstallations,
          });
          const summary = await seedDatabase(url, { installations: config.demoInstallations, seed: 1 });
          log.info('demo data loaded', { ...summary });
        }
      },
      log,
    );
    // The ORM is the write path (units of work); reads use the server's own pool.
    orm = await MikroORM.init(ormConfig(db.url, { pool: { min: 0, max: 5 } }, log));
    server = await startServer({
      orm,
      databaseUrl: db.url,
      log,
      production: config.nodeEnv === 'production',
      port: config.port,
      host: config.host,
      explorer: config.explorer,
      limits: config.limits,
      dashboard: config.dashboard,
      responseCacheBytes: config.responseCacheMb * 1024 * 1024,
      leanLane: config.leanLane,
      replicaUrls: config.replicaUrls,
      readYourWritesMs: config.readYourWritesMs,
      auth: config.auth,
      allowedOrigins: config.allowedOrigins,
    });
    log.info('ready', {
      url: server.url,
      database: db.kind,
      replicas: config.replicaUrls.length,
      startupMs: Date.now() - started,
      trustedDocuments: config.trustedDocuments,
      ...tracingStatus(),
    });
  } catch (error) {
    reportStartupFailure(log, error);
    await orm?.close(true).catch(() => undefined);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }
}

function reportStartupFailure(log: Logger, error: unknown): void {
  if (error instanceof EmbeddedPostgresError) {
    log.error(`could not start the embedded PostgreSQL: ${error.message}`, {
      code: error.code,
      hint: error.hint,
    });
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    log.error(`port already in use: ${(error as Error).message}`, { hint: 'set PORT to a free port' });
  } else if ((error as NodeJS.ErrnoException)?.code === 'ECONNREFUSED') {
    log.error(`cannot reach the database at DATABASE_URL: ${(error as Error).message}`);
  } else {
    log.error('start-up failed', { error });
  }
}

// Run directly (`ts-node src/main.ts`, `node dist/src/main.js`) or through `dmc serve`.
if (require.main === module) void main();
