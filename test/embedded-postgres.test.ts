import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from '../src/core/db/embedded-postgres';

type LogEntry = { level: string; msg: string };

function capture(): { entries: LogEntry[]; log: NonNullable<EmbeddedPostgresOptions['log']> } {
  const entries: LogEntry[] = [];
  return { entries, log: (level, msg) => entries.push({ level, msg }) };
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('startEmbeddedPostgres', () => {
  const cleanups: string[] = [];
  afterAll(() => {
    for (const dir of cleanups) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts a throw-away PostgreSQL 15 and deletes its data folder on stop', async () => {
    const { log } = capture();
    const pg = await startEmbeddedPostgres({ log });
    try {
      expect(pg.url).toMatch(
        new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${pg.port}/dmc_catalogue$`),
      );
      expect(fs.existsSync(path.join(pg.dataDir, 'PG_VERSION'))).toBe(true);
      const [row] = await query<{ version: string; db: string }>(
        pg.url,
        'select version() as version, current_database() as db',
      );
      expect(row?.version).toMatch(/^PostgreSQL 15\.\d+/);
      expect(row?.db).toBe('dmc_catalogue');
    } finally {
      await pg.stop();
    }
    expect(fs.existsSync(pg.dataDir)).toBe(false);
    await expect(pg.stop()).resolves.toBeUndefined(); // idempotent
  });

  it('keeps data in a persistent folder across restarts and refuses a second server on it', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-test-'));
    cleanups.push(parent);
    // mkdtemp makes 0700; as root the unprivileged server user must be able to traverse it.
    fs.chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'pgdata');
    const { entries, log } = capture();

    const first = await startEmbeddedPostgres({ dataDir, database: 'persist_test', log });
    try {
      expect(first.dataDir).toBe(dataDir);
      const pwFile = path.join(dataDir, '.dmc-catalogue-password');
      expect(fs.statSync(pwFile).mode & 0o777).toBe(0o600);
      expect(first.url).toContain(encodeURIComponent(fs.readFileSync(pwFile, 'utf8').trim()));
      await query(first.url, 'create table t (id int primary key, name text)');
      await query(first.url, 'insert into t values ($1, $2)', [1, 'kept']);

      const second = startEmbeddedPostgres({ dataDir, log });
      await expect(second).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(second).rejects.toMatchObject({ code: 'EMBEDDED_PG_DATA_DIR_IN_USE' });

      // What `dmc` commands do while `npm start` runs: use the running server, and leave it running.
      const attached = await startEmbeddedPostgres({
        dataDir,
        database: 'persist_test',
        log,
        attachToRunning: true,
      });
      expect(attached).toMatchObject({ attached: true, port: first.port, url: first.url });
      expect(await query<{ name: string }>(attached.url, 'select name from t where id = 1')).toEqual([
        { name: 'kept' },
      ]);
      await attached.stop();
      expect(await query<{ n: number }>(first.url, 'select 1 as n')).toEqual([{ n: 1 }]);
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);

    const again = await startEmbeddedPostgres({ dataDir, database: 'persist_test', log });
    try {
      expect(again.url).toBe(first.url.replace(`:${first.port}/`, `:${again.port}/`));
      const rows = await query<{ name: string }>(again.url, 'select name from t where id = 1');
      expect(rows).toEqual([{ name: 'kept' }]);
    } finally {
      await again.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(entries.filter((e) => e.level !== 'info')).toEqual([]);
  });

  (isRoot ? it : it.skip)(
    'as root, relocates a data folder the postgres user cannot reach and says so',
    async () => {
      const locked = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-locked-')); // 0700, root-owned
      cleanups.push(locked);
      const { entries, log } = capture();
      const pg = await startEmbeddedPostgres({ dataDir: path.join(locked, 'data'), log });
      cleanups.push(pg.dataDir);
      try {
        expect(pg.dataDir).toMatch(/dmc-catalogue-data-[0-9a-f]{12}$/);
        expect(entries.some((e) => e.level === 'warn' && e.msg.includes(pg.dataDir))).toBe(true);
        const [row] = await query<{ one: number }>(pg.url, 'select 1 as one');
        expect(row?.one).toBe(1);
      } finally {
        await pg.stop();
      }
      expect(fs.existsSync(path.join(pg.dataDir, 'PG_VERSION'))).toBe(true);
    },
  );
});
