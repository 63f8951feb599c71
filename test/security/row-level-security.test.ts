import { Client } from 'pg';
import { SqlPool } from '../../src/core/db/sql-pool';
import { createContext, type Viewer } from '../../src/core/graphql/context';
import { silentLogger } from '../../src/core/logger';
import { createTestDatabase, type TestDatabase } from '../support/db';

/*
 * The second line: PostgreSQL row-level security on installation, device and migration_attempt rows, keyed
 * by the supplier of the request. Here the code-level scoping is bypassed on purpose — statements without
 * any `supplier_id` condition, run through the supplier-scoped read path — and a supplier still sees only
 * its own rows.
 */

let database: TestDatabase;
let owner: Client;
let pool: SqlPool;
let A: number;
let B: number;
beforeAll(async () => {
  database = await createTestDatabase();
  owner = new Client({ connectionString: database.url });
  await owner.connect();
  const { rows } = await owner.query<{ supplier_id: number }>(
    'select supplier_id from installation group by supplier_id order by count(*) desc limit 2',
  );
  [A, B] = rows.map((r) => r.supplier_id);
  // One connection: every scope change below happens on the same backend.
  pool = new SqlPool(database.url, { max: 1 });
});
afterAll(async () => {
  await pool.close();
  await owner.end();
  await database.drop();
});

const count = async (sql: string, params: unknown[] = []) =>
  (await owner.query<{ n: number }>(sql, params)).rows[0].n;

describe('row-level security for supplier reads', () => {
  it('a statement with no supplier condition returns only the supplier’s installations, devices and attempts', async () => {
    const installations = await pool.query<{ supplier_id: number; n: number }>(
      'select supplier_id, count(*)::int as n from installation group by supplier_id',
      [],
      undefined,
      A,
    );
    expect(installations).toEqual([
      {
        supplier_id: A,
        n: await count('select count(*)::int as n from installation where supplier_id = $1', [A]),
      },
    ]);
    const [devices] = await pool.query<{ n: number }>(
      'select count(*)::int as n from device',
      [],
      undefined,
      A,
    );
    expect(devices.n).toBe(
      await count(
        'select count(*)::int as n from device d join installation i on i.id = d.installation_id where i.supplier_id = $1',
        [A],
      ),
    );
    expect(devices.n).toBeLessThan(await count('select count(*)::int as n from device'));
    const foreignAttempts = await pool.query<{ n: number }>(
      'select count(*)::int as n from migration_attempt m join installation i on i.id = m.installation_id where i.supplier_id <> $1',
      [A],
      undefined,
      A,
    );
    expect(foreignAttempts[0].n).toBe(0);
  });

  it('asking for another supplier’s rows by id finds nothing', async () => {
    const [foreign] = (
      await owner.query<{ id: number }>('select id from installation where supplier_id = $1 limit 1', [B])
    ).rows;
    expect(await pool.query('select * from installation where id = $1', [foreign.id], undefined, A)).toEqual(
      [],
    );
    expect(
      await pool.query('select * from device where installation_id = $1', [foreign.id], undefined, A),
    ).toEqual([]);
  });

  it('switches scope on the same connection: supplier A, staff, supplier B, A again', async () => {
    const suppliers = async (scope: number | null) =>
      (
        await pool.query<{ s: number }>(
          'select distinct supplier_id as s from installation order by 1',
          [],
          undefined,
          scope,
        )
      ).map((r) => r.s);
    expect(await suppliers(A)).toEqual([A]);
    expect((await suppliers(null)).length).toBeGreaterThan(2);
    expect(await suppliers(B)).toEqual([B]);
    expect(await suppliers(A)).toEqual([A]);
    // The analysis path (own transaction with planner settings) and cursors are scoped the same way.
    const analysed = await pool.queryWith<{ s: number }>(
      'select distinct supplier_id as s from installation',
      [],
      ['enable_nestloop = off'],
      undefined,
      B,
    );
    expect(analysed.map((r) => r.s)).toEqual([B]);
    const streamed: number[] = [];
    for await (const rows of pool.cursor<{ s: number }>(
      'select supplier_id as s from installation',
      [],
      500,
      [],
      A,
    ))
      streamed.push(...rows.map((r) => r.s));
    expect(new Set(streamed)).toEqual(new Set([A]));
  });

  it('a supplier request through Context.sql is scoped even when its SQL forgets the condition', async () => {
    const deps = {
      pool,
      analysisPool: pool,
      orm: undefined as never,
      registry: undefined as never,
      log: silentLogger,
      production: true,
    };
    const supplier: Viewer = { role: 'SUPPLIER', supplierId: B };
    const ctx = createContext(deps, supplier, 'test');
    const rows = await ctx.sql<{ s: number }>('select distinct supplier_id as s from installation');
    expect(rows.map((r) => r.s)).toEqual([B]);
    const staff = createContext(deps, { role: 'DCC_ANALYST' }, 'test');
    expect(
      (await staff.sql<{ s: number }>('select distinct supplier_id as s from installation')).length,
    ).toBeGreaterThan(2);
  });

  it('the supplier role reads no API keys and writes nothing', async () => {
    await expect(pool.query('select * from api_key', [], undefined, A)).rejects.toThrow(/permission denied/);
    await expect(
      pool.query(
        `update installation set elec_only_migration = true where supplier_id = $1`,
        [A],
        undefined,
        A,
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('fails closed: the supplier role with no supplier set sees no rows', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('set role dmc_supplier');
      expect((await client.query('select count(*)::int as n from installation')).rows[0]).toEqual({ n: 0 });
      expect((await client.query('select count(*)::int as n from device')).rows[0]).toEqual({ n: 0 });
      await client.query(`select set_config('app.supplier_id', '', false)`);
      expect((await client.query('select count(*)::int as n from installation')).rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
  });
});
