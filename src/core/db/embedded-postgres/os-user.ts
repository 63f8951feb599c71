/** Running as root: the "postgres" OS user the server runs as, and which paths that user can reach. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgresLog, RunAs } from './types';
import { EmbeddedPostgresError, FALLBACK_HINT } from './errors';
import { run, lastMeaningfulLine } from './child-process';
import { errnoCode } from './util';

// ---------------------------------------------------------------------------------------------
// Root and the postgres OS user
// ---------------------------------------------------------------------------------------------

export const SUPERUSER = 'postgres';

export function isRoot(): boolean {
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

export async function ensurePostgresUser(log: EmbeddedPostgresLog): Promise<RunAs> {
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
export function canReachDir(dir: string, who: RunAs): boolean {
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

export function canRead(file: string, who: RunAs): boolean {
  try {
    return canReachDir(path.dirname(file), who) && allowed(fs.statSync(file), who, READ);
  } catch {
    return false;
  }
}

export function nearestExisting(p: string): string {
  let dir = p;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function assertTmpDirReachable(runAs: RunAs): void {
  const tmp = os.tmpdir();
  if (!canReachDir(tmp, runAs)) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_PG_TMPDIR_UNUSABLE',
      `Temp folder ${tmp} is not reachable by OS user "${runAs.name}" (uid ${runAs.uid}), which embedded PostgreSQL needs when running as root`,
      { hint: `set TMPDIR to a world-accessible folder such as /tmp, or ${FALLBACK_HINT}` },
    );
  }
}
