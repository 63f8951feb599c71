/** The server process: spawn, readiness, start errors, stop, and cleanup when the parent exits. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { EmbeddedPostgresError, FALLBACK_HINT } from './errors';
import { PASSWORD_FILE, type ClusterContext } from './cluster';
import { tryConnect } from './client';
import {
  ERROR_LINE,
  spawnIdentity,
  childEnv,
  collectLines,
  tail,
  formatTail,
  lastMeaningfulLine,
  describeExit,
} from './child-process';
import { removeDir, errorMessage } from './util';

const READY_LINE = 'database system is ready to accept connections';
const POLL_MS = 50;
const STOP_ESCALATE_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Server process
// ---------------------------------------------------------------------------------------------

export type ServerProcess = {
  child: ChildProcess;
  output: string[];
  /** Shut the server down (fast shutdown, SIGKILL after 10 s); keeps the data folder. */
  terminate: () => Promise<void>;
  /** terminate() plus removal of a throw-away data folder; idempotent. */
  stop: () => Promise<void>;
  unref: () => void;
};

type LaunchOptions = {
  port: number | undefined;
  password: string;
  fastUnsafe: boolean;
  startTimeoutMs: number;
};

export async function launchServer(
  ctx: ClusterContext,
  o: LaunchOptions,
): Promise<{ server: ServerProcess; port: number }> {
  const maxAttempts = o.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = o.port ?? (await pickFreePort());
    const server = spawnServer(ctx, port, o.fastUnsafe);
    const outcome = await waitUntilReady(server, port, o.password, o.startTimeoutMs);
    if (outcome.kind === 'ready') return { server, port };
    // Keep the data folder: a retry on another port reuses it.
    await server.terminate();

    const portTaken = server.output.some((l) => /could not bind|address already in use/i.test(l));
    if (portTaken && attempt < maxAttempts) {
      // The free port we picked was grabbed by someone else in between; pick another.
      ctx.log('warn', `Port ${port} was taken before PostgreSQL could bind it; retrying with another port`, {
        attempt,
      });
      continue;
    }
    throw startError(outcome, server.output, ctx, port);
  }
}

function serverArgs(dataDir: string, port: number, fastUnsafe: boolean): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    // No unix socket: its folder would need to be writable by the server user and path-length safe.
    'unix_socket_directories=',
    'max_connections=100',
    'shared_buffers=256MB',
    'max_wal_size=4GB',
    'work_mem=16MB',
    'maintenance_work_mem=512MB',
    // JIT compilation costs more than it saves on this workload's short queries.
    'jit=off',
  ];
  if (fastUnsafe) settings.push('fsync=off', 'full_page_writes=off', 'synchronous_commit=off');
  return ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
}

function spawnServer(ctx: ClusterContext, port: number, fastUnsafe: boolean): ServerProcess {
  const { dataDir, runAs, throwAway, log } = ctx;
  const output: string[] = [];
  let child: ChildProcess;
  try {
    child = spawn(ctx.bin('postgres'), serverArgs(dataDir, port, fastUnsafe), {
      ...spawnIdentity(runAs),
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (err) {
    // Most spawn failures arrive as an 'error' event, but some (EINVAL, EPERM on setuid) throw.
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_START_FAILED',
      `Could not execute ${ctx.bin('postgres')}: ${errorMessage(err)}`,
      {
        hint: FALLBACK_HINT,
        cause: err,
      },
    );
  }
  let spawnError: Error | undefined;
  let started = false;
  let stopRequested = false;
  // Without this listener a spawn failure (EACCES, ENOENT) would be an uncaught 'error' event.
  child.on('error', (err) => {
    spawnError = err;
  });
  // The server logs to stderr for its whole life; it blocks once the pipe is full, so always drain.
  collectLines(child.stdout, output);
  collectLines(child.stderr, output);

  const exited = new Promise<void>((resolve) => {
    if (child.pid === undefined) child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
  const isRunning = (): boolean =>
    child.pid !== undefined &&
    spawnError === undefined &&
    child.exitCode === null &&
    child.signalCode === null;

  // A crashing parent must not leave a server (or a throw-away data folder) behind.
  const onParentExit = (): void => {
    if (isRunning()) child.kill('SIGKILL');
    if (throwAway) removeDir(dataDir);
  };
  process.on('exit', onParentExit);

  child.once('exit', (code, signal) => {
    if (started && !stopRequested) {
      log(
        'error',
        `PostgreSQL exited unexpectedly (${describeExit(code, signal)}): ${output.findLast((l) => ERROR_LINE.test(l)) ?? 'no error output, probably killed from outside'}`,
        {
          dataDir,
          output: tail(output),
        },
      );
    }
  });

  let terminating: Promise<void> | undefined;
  const terminate = (): Promise<void> => {
    stopRequested = true;
    terminating ??= (async () => {
      // The child may have been unref'd; keep the loop alive until it is really gone.
      child.ref();
      if (isRunning()) {
        // SIGINT = PostgreSQL "fast" shutdown: roll back sessions, checkpoint, exit.
        child.kill('SIGINT');
        const escalate = setTimeout(() => {
          if (isRunning()) {
            log(
              'warn',
              `PostgreSQL (pid ${String(child.pid)}) did not shut down within ${STOP_ESCALATE_MS} ms; killing it`,
              { dataDir },
            );
            child.kill('SIGKILL');
          }
        }, STOP_ESCALATE_MS);
        await exited;
        clearTimeout(escalate);
      }
      process.off('exit', onParentExit);
    })();
    return terminating;
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await terminate();
      if (throwAway) removeDir(dataDir);
      log('info', `PostgreSQL on port ${port} stopped`, { dataDir, removedDataDir: throwAway });
    })();
    return stopping;
  };

  const unref = (): void => {
    started = true;
    child.unref();
    for (const stream of [child.stdout, child.stderr]) if (stream instanceof net.Socket) stream.unref();
  };

  return { child, output, terminate, stop, unref };
}

type ReadyOutcome =
  | { kind: 'ready' }
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'spawn-error'; error: Error }
  | { kind: 'auth-failed'; error: Error }
  | { kind: 'timeout' };

function waitUntilReady(
  server: ServerProcess,
  port: number,
  password: string,
  timeoutMs: number,
): Promise<ReadyOutcome> {
  const { child, output } = server;
  return new Promise((resolve) => {
    let settled = false;
    let pollTimer: NodeJS.Timeout | undefined;
    const settle = (outcome: ReadyOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(pollTimer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stderr?.off('data', onData);
      resolve(outcome);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      settle({ kind: 'exited', code, signal });
    const onError = (error: Error): void => settle({ kind: 'spawn-error', error });
    // collectLines has already appended the chunk's lines, so just look at the collected output.
    const onData = (): void => {
      if (output.some((l) => l.includes(READY_LINE))) settle({ kind: 'ready' });
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
    child.once('exit', onExit);
    child.once('error', onError);
    child.stderr?.on('data', onData);

    // The log line can be missing (e.g. logging_collector=on in a persistent cluster's config),
    // so a successful connection also counts as ready.
    const poll = async (): Promise<void> => {
      if (settled) return;
      const result = await tryConnect(port, password, 'postgres');
      if (result === 'ok') return settle({ kind: 'ready' });
      if (result instanceof Error) return settle({ kind: 'auth-failed', error: result });
      if (!settled) pollTimer = setTimeout(() => void poll(), POLL_MS);
    };
    pollTimer = setTimeout(() => void poll(), POLL_MS);
  });
}

function startError(
  outcome: Exclude<ReadyOutcome, { kind: 'ready' }>,
  output: string[],
  ctx: ClusterContext,
  port: number,
): EmbeddedPostgresError {
  const key = lastMeaningfulLine(output);
  const lines = tail(output);
  const details = formatTail(output);
  const binary = ctx.bin('postgres');
  switch (outcome.kind) {
    case 'spawn-error':
      return new EmbeddedPostgresError(
        'EMBEDDED_PG_START_FAILED',
        `Could not execute ${binary}: ${outcome.error.message}`,
        {
          hint: ctx.runAs
            ? `the binary and every parent folder must be accessible to OS user "${ctx.runAs.name}", or ${FALLBACK_HINT}`
            : `reinstall the binaries (npm rebuild) or ${FALLBACK_HINT}`,
          cause: outcome.error,
        },
      );
    case 'timeout':
      return new EmbeddedPostgresError(
        'EMBEDDED_PG_START_TIMEOUT',
        `PostgreSQL did not accept connections on port ${port} within the start timeout${details}`,
        {
          hint: 'raise startTimeoutMs (crash recovery of a large data folder can take a while) or check the output',
          output: lines,
        },
      );
    case 'auth-failed':
      return new EmbeddedPostgresError(
        'EMBEDDED_PG_AUTH_FAILED',
        `PostgreSQL rejected the stored password for "postgres" in ${ctx.dataDir}: ${outcome.error.message}`,
        {
          hint: `delete ${path.join(ctx.dataDir, PASSWORD_FILE)} and start again to reset the password`,
          cause: outcome.error,
        },
      );
    case 'exited': {
      const summary = `PostgreSQL exited during startup (${describeExit(outcome.code, outcome.signal)}): ${key ?? 'no output'}`;
      if (output.some((l) => l.includes('lock file "postmaster.pid" already exists'))) {
        return new EmbeddedPostgresError(
          'EMBEDDED_PG_DATA_DIR_IN_USE',
          `Data folder ${ctx.dataDir} is in use by another PostgreSQL: ${key ?? ''}`,
          {
            hint: 'stop the other server or use another dataDir',
            output: lines,
          },
        );
      }
      if (output.some((l) => l.includes('incompatible with server'))) {
        return new EmbeddedPostgresError('EMBEDDED_PG_DATA_DIR_INCOMPATIBLE', `${summary}${details}`, {
          hint: 'use another dataDir or migrate the data with pg_dump/pg_restore',
          output: lines,
        });
      }
      let hint = `check the output above, or ${FALLBACK_HINT}`;
      if (output.some((l) => /could not bind|address already in use/i.test(l)))
        hint = `port ${port} is in use; pick another port or omit it`;
      else if (output.some((l) => /shared memory|could not map anonymous/i.test(l)))
        hint = 'not enough memory for shared_buffers=256MB; free memory or raise the container limits';
      else if (output.some((l) => /permission denied|wrong ownership|invalid permissions/i.test(l)))
        hint = `fix ownership/permissions of ${ctx.dataDir} or choose another dataDir`;
      return new EmbeddedPostgresError('EMBEDDED_PG_START_FAILED', `${summary}${details}`, {
        hint,
        output: lines,
      });
    }
  }
}

function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}
