/** The data folder and the cluster in it: location and ownership, initdb, password, postmaster.pid. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgresLog, RunAs } from './types';
import { EmbeddedPostgresError, FALLBACK_HINT } from './errors';
import { SUPERUSER, canReachDir, nearestExisting } from './os-user';
import { run, tail, formatTail, lastMeaningfulLine } from './child-process';
import { removeDir, sha256, quoteLiteral, errnoCode, errorMessage, pidAlive } from './util';

export const PASSWORD_FILE = '.dmc-catalogue-password';

// ---------------------------------------------------------------------------------------------
// Data folder
// ---------------------------------------------------------------------------------------------

export function prepareDataDir(
  requested: string | undefined,
  runAs: RunAs | undefined,
  log: EmbeddedPostgresLog,
): string {
  if (requested === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-catalogue-pg-data-'));
    try {
      if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    } catch (err) {
      removeDir(dir);
      throw new EmbeddedPostgresError(
        'EMBEDDED_PG_DATA_DIR_INVALID',
        `Could not hand temp data folder ${dir} to OS user "${runAs?.name ?? ''}": ${errorMessage(err)}`,
        {
          hint: FALLBACK_HINT,
          cause: err,
        },
      );
    }
    return dir;
  }

  const wanted = path.resolve(requested);
  let dataDir = wanted;
  let relocated = false;
  if (runAs && !canReachDir(nearestExisting(path.dirname(wanted)), runAs)) {
    dataDir = path.join(os.tmpdir(), `dmc-catalogue-data-${sha256(wanted).slice(0, 12)}`);
    relocated = true;
    log(
      'warn',
      `Data folder ${wanted} is not reachable by OS user "${runAs.name}" (uid ${runAs.uid}; an ancestor folder denies it search permission), so the data actually lives in ${dataDir}; it may be lost when the temp folder is cleaned`,
      { requestedDataDir: wanted, dataDir },
    );
  }

  try {
    if (fs.existsSync(dataDir)) {
      const st = fs.statSync(dataDir);
      if (!st.isDirectory()) {
        throw new EmbeddedPostgresError(
          'EMBEDDED_PG_DATA_DIR_INVALID',
          `Data folder ${dataDir} exists but is not a directory`,
          {
            hint: 'point dataDir at a folder (existing PostgreSQL data or empty/non-existent)',
          },
        );
      }
      if (runAs && st.uid !== runAs.uid) adoptExistingDir(dataDir, st, runAs, relocated);
    } else {
      createParents(path.dirname(dataDir), runAs);
      fs.mkdirSync(dataDir, { mode: 0o700 });
      if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
    }
  } catch (err) {
    if (err instanceof EmbeddedPostgresError) throw err;
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_DATA_DIR_INVALID',
      `Could not prepare data folder ${dataDir}: ${errorMessage(err)}`,
      {
        hint: 'check that the folder (or its parent) is writable, or choose another dataDir',
        cause: err,
      },
    );
  }
  return dataDir;
}

function adoptExistingDir(dataDir: string, st: fs.Stats, runAs: RunAs, inSharedTmp: boolean): void {
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  // In the shared temp folder a directory owned by some other user may be planted; never adopt it.
  if (initialised || (inSharedTmp && st.uid !== 0)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_DATA_DIR_INVALID',
      `Data folder ${dataDir} is owned by uid ${st.uid}, but PostgreSQL runs as "${runAs.name}" (uid ${runAs.uid}) and only starts on a folder it owns`,
      { hint: `chown -R ${runAs.name}: ${dataDir}, or choose another dataDir` },
    );
  }
  // An empty (or not yet initialised) folder created by root, e.g. a fresh volume mount: hand it over.
  fs.chownSync(dataDir, runAs.uid, runAs.gid);
  fs.chmodSync(dataDir, 0o700);
}

function createParents(dir: string, runAs: RunAs | undefined): void {
  const firstCreated = fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (!runAs || firstCreated === undefined) return;
  // Root's umask may be 077; the unprivileged server must still be able to traverse what we made.
  for (let d = dir; ; d = path.dirname(d)) {
    fs.chmodSync(d, 0o755);
    if (d === firstCreated || path.dirname(d) === d) break;
  }
}

// ---------------------------------------------------------------------------------------------
// Cluster: initdb, password
// ---------------------------------------------------------------------------------------------

export type ClusterContext = {
  bin: (name: string) => string;
  dataDir: string;
  runAs: RunAs | undefined;
  throwAway: boolean;
  log: EmbeddedPostgresLog;
  pgMajor: string;
};

export async function ensureCluster(ctx: ClusterContext): Promise<string> {
  const { dataDir, runAs, log } = ctx;
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (fs.existsSync(versionFile)) {
    const existingMajor = fs.readFileSync(versionFile, 'utf8').trim();
    if (ctx.pgMajor !== '' && existingMajor !== ctx.pgMajor) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_PG_DATA_DIR_INCOMPATIBLE',
        `Data folder ${dataDir} was created by PostgreSQL ${existingMajor}, but the bundled server is PostgreSQL ${ctx.pgMajor}`,
        {
          hint: `use another dataDir, or dump it with pg_dump from PostgreSQL ${existingMajor} and restore into a new one`,
        },
      );
    }
    const stored = readPasswordFile(dataDir);
    if (stored !== undefined) return stored;
    // Cluster made by another tool (or the file was deleted): we cannot log in, so set a known password.
    const password = newPassword();
    log(
      'warn',
      `No ${PASSWORD_FILE} in ${dataDir}; resetting the "postgres" role's password (single-user mode) and storing the new one there`,
      { dataDir },
    );
    clearStalePostmasterPid(dataDir, log);
    await resetSuperuserPassword(ctx, password);
    writePasswordFile(dataDir, password, runAs);
    return password;
  }

  const password = newPassword();
  const started = performance.now();
  await withTempPasswordFile(password, runAs, async (pwFile) => {
    const args = [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '--auth=scram-sha-256',
      `--pwfile=${pwFile}`,
      '-E',
      'UTF8',
      '--locale=C',
    ];
    if (ctx.throwAway) args.push('--no-sync');
    const r = await run(ctx.bin('initdb'), args, { runAs });
    if (r.error || r.code !== 0) {
      const why = r.error ? r.error.message : (lastMeaningfulLine(r.output) ?? `exit code ${String(r.code)}`);
      throw new EmbeddedPostgresError(
        'EMBEDDED_PG_INITDB_FAILED',
        `initdb failed for ${dataDir}: ${why}${formatTail(r.output)}`,
        {
          hint: 'dataDir must be empty or absent for a new cluster; check free disk space and permissions',
          output: tail(r.output),
          cause: r.error,
        },
      );
    }
  });
  writePasswordFile(dataDir, password, runAs);
  log(
    'info',
    `Initialised a new PostgreSQL cluster in ${dataDir} in ${Math.round(performance.now() - started)} ms`,
    { dataDir },
  );
  return password;
}

function newPassword(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function readPasswordFile(dataDir: string): string | undefined {
  try {
    const pw = fs.readFileSync(path.join(dataDir, PASSWORD_FILE), 'utf8').trim();
    return pw === '' ? undefined : pw;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_DATA_DIR_INVALID',
      `Could not read ${path.join(dataDir, PASSWORD_FILE)}: ${errorMessage(err)}`,
      {
        hint: 'run as the user who created the data folder, or root',
        cause: err,
      },
    );
  }
}

function writePasswordFile(dataDir: string, password: string, runAs: RunAs | undefined): void {
  const file = path.join(dataDir, PASSWORD_FILE);
  const staging = `${file}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(staging, `${password}\n`, { mode: 0o600 });
    if (runAs) fs.chownSync(staging, runAs.uid, runAs.gid);
    fs.renameSync(staging, file);
  } catch (err) {
    fs.rmSync(staging, { force: true });
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_DATA_DIR_INVALID',
      `Could not write ${file}: ${errorMessage(err)}`,
      { cause: err },
    );
  }
}

async function withTempPasswordFile(
  password: string,
  runAs: RunAs | undefined,
  fn: (file: string) => Promise<void>,
): Promise<void> {
  // initdb refuses a non-empty data folder, so the password has to be handed over from outside it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-catalogue-pw-'));
  const cleanup = (): void => removeDir(dir);
  // A crash while initdb runs must not leave the password lying around.
  process.on('exit', cleanup);
  try {
    const file = path.join(dir, 'pwfile');
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      fs.chownSync(dir, runAs.uid, runAs.gid);
      fs.chownSync(file, runAs.uid, runAs.gid);
    }
    await fn(file);
  } finally {
    process.off('exit', cleanup);
    cleanup();
  }
}

async function resetSuperuserPassword(ctx: ClusterContext, password: string): Promise<void> {
  const sql = `ALTER ROLE ${SUPERUSER} WITH LOGIN SUPERUSER PASSWORD ${quoteLiteral(password)};\n`;
  const r = await run(
    ctx.bin('postgres'),
    ['--single', '-D', ctx.dataDir, '-c', 'unix_socket_directories=', 'postgres'],
    {
      runAs: ctx.runAs,
      input: sql,
    },
  );
  // Single-user mode exits 0 even when the statement failed, so inspect the output too.
  const failedLine = r.output.find((l) => /\b(ERROR|FATAL|PANIC):/.test(l));
  if (r.error || r.code !== 0 || failedLine) {
    const why = r.error
      ? r.error.message
      : (failedLine ?? lastMeaningfulLine(r.output) ?? `exit code ${String(r.code)}`);
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_PASSWORD_RESET_FAILED',
      `Could not set the "postgres" password in ${ctx.dataDir}: ${why}`,
      {
        hint: `restore ${PASSWORD_FILE} in the data folder, or choose another dataDir`,
        output: tail(r.output),
        cause: r.error,
      },
    );
  }
}

export function clearStalePostmasterPid(dataDir: string, log: EmbeddedPostgresLog): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = fs.readFileSync(pidFile, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return;
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_DATA_DIR_INVALID',
      `Could not read ${pidFile}: ${errorMessage(err)}`,
      { cause: err },
    );
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isRunningPostgres(pid)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_DATA_DIR_IN_USE',
      `Data folder ${dataDir} is in use by a running PostgreSQL (pid ${pid})`,
      {
        hint: `stop it first (kill -INT ${pid}) or use another dataDir`,
      },
    );
  }
  fs.rmSync(pidFile, { force: true });
  log(
    'warn',
    `Removed stale postmaster.pid (pid ${Number.isNaN(pid) ? 'unreadable' : pid} is not a running PostgreSQL) from ${dataDir}; the previous server did not shut down cleanly`,
    {
      dataDir,
      pid,
    },
  );
}

/**
 * The postmaster already serving this data folder, if one runs (its pid and port, lines 1 and 4 of
 * `postmaster.pid`), so a second process can connect to it instead of failing with
 * EMBEDDED_PG_DATA_DIR_IN_USE.
 */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  return isRunningPostgres(pid) ? { pid, port } : undefined;
}

function isRunningPostgres(pid: number): boolean {
  // Like PostgreSQL itself: after a container restart the old pid is often reused by us or our parent.
  if (pid === process.pid || pid === process.ppid) return false;
  if (!pidAlive(pid)) return false;
  try {
    // A recycled pid belonging to some other program must not block startup.
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true; // No /proc (macOS) or not readable: assume the conservative answer.
  }
}
