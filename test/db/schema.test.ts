import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/app/database';
import { realSchemaChanges } from '../../src/core/db/schema-drift';
import { addWorkingDays } from '../support/working-days';
import { createTestDatabase, type TestDatabase } from '../support/db';

let database: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await MikroORM.init(ormConfig(database.url, { pool: { min: 0, max: 2 } }));
});
afterAll(async () => {
  await orm.close(true);
  await database.drop();
});

describe('migrations and entities', () => {
  it('leave nothing for the schema generator to change: the committed migrations match the entities', async () => {
    const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    const statements = sql
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('--') && s !== "set names 'utf8';");
    expect(statements.length).toBeGreaterThan(0); // the generator does see the hand-written rules…
    expect(realSchemaChanges(statements)).toEqual([]); // …and nothing else
  });

  it('apply every migration there is', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
  });
});

describe('the SQL working-day functions agree with the TypeScript ones', () => {
  it('on every start date from 2019 to 2030 for n = 0, 1, 5 and 10', async () => {
    const rows: { d: string; n: number; r: string }[] = await orm.em.getConnection().execute(
      `select d::date::text as d, n, add_working_days(d::date, n)::text as r
         from generate_series('2019-01-01'::date, '2030-12-01'::date, '1 day') d, unnest(array[0, 1, 5, 10]) n`,
    );
    expect(rows.length).toBeGreaterThan(17_000);
    const mismatches = rows.filter((row) => addWorkingDays(row.d, row.n) !== row.r);
    expect(mismatches).toEqual([]);
    const [example] = await orm.em
      .getConnection()
      .execute(`select add_working_days('2022-04-08', 10)::text as r`);
    expect(example.r).toBe('2022-04-26');
  });

  it('refuses a negative count with a clear message', async () => {
    await expect(orm.em.getConnection().execute(`select add_working_days('2022-04-08', -1)`)).rejects.toThrow(
      'add_working_days: expected n to be a non-negative integer; received -1',
    );
  });
});
