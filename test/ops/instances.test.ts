import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startInstance, type Instance } from '../support/instance';

/**
 * Several instances on one database: two servers started at the same moment on an empty database take the
 * start-up advisory lock in turn, so the migrations run once and the demo data is loaded once.
 */
jest.setTimeout(180_000);

function urlFor(database: string): string {
  const u = new URL(process.env.TEST_ADMIN_URL!);
  u.pathname = '/' + database;
  return u.toString();
}

describe('two instances starting together', () => {
  const name = `dmc_test_empty_${randomBytes(5).toString('hex')}`;
  const instances: Instance[] = [];
  const admin = new Client({ connectionString: process.env.TEST_ADMIN_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('migrate and seed an empty database exactly once, then both serve', async () => {
    const env = { DATABASE_URL: urlFor(name), SEED_ON_EMPTY: 'true', DEMO_INSTALLATIONS: '300' };
    instances.push(startInstance(env), startInstance(env));
    await Promise.all(instances.map((i) => i.waitFor((l) => l.msg === 'ready', 150_000)));

    const msgs = (msg: string) => instances.filter((i) => i.lines.some((l) => l.msg === msg)).length;
    // Exactly one instance applied the migrations and loaded the demo data; the other found them done.
    expect(msgs('migrations applied')).toBe(1);
    expect(msgs('demo data loaded')).toBe(1);
    const migrationFiles = fs
      .readdirSync(path.resolve(__dirname, '..', '..', 'migrations'))
      .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'));
    const db = new Client({ connectionString: urlFor(name) });
    await db.connect();
    try {
      const applied = await db.query<{ name: string; n: string }>(
        'select name, count(*) as n from mikro_orm_migrations group by name',
      );
      expect(applied.rows).toHaveLength(migrationFiles.length);
      expect(applied.rows.every((r) => r.n === '1')).toBe(true);
      const counts = await db.query<{ installations: string; reports: string }>(
        `select (select count(*) from installation) as installations, (select count(*) from epcl_report where number = 22) as reports`,
      );
      expect(counts.rows[0]).toEqual({ installations: '300', reports: '1' });
    } finally {
      await db.end();
    }
    // Both serve the same data.
    for (const instance of instances) {
      const res = await fetch(instance.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ epclReport(number: 22) { entries { totalCount } } }' }),
      });
      expect(((await res.json()) as { data: unknown }).data).toEqual({
        epclReport: { entries: { totalCount: 435 } },
      });
    }
  });

  it('does not load demo data in production unless SEED_ON_EMPTY=true', async () => {
    const other = `${name}_prod`;
    await admin.query(`create database ${other}`);
    const instance = startInstance({
      DATABASE_URL: urlFor(other),
      NODE_ENV: 'production',
      DEMO_INSTALLATIONS: '300',
    });
    instances.push(instance);
    try {
      await instance.waitFor((l) => l.msg === 'ready', 150_000);
      expect(instance.lines.some((l) => l.msg === 'demo data loaded')).toBe(false);
      const db = new Client({ connectionString: urlFor(other) });
      await db.connect();
      const { rows } = await db.query<{ n: string }>('select count(*) as n from cohort');
      await db.end();
      expect(rows[0].n).toBe('0');
    } finally {
      await instance.stop();
      await admin.query(`drop database if exists ${other} with (force)`);
    }
  });
});
