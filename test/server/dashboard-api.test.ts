import { Client } from 'pg';
import { ok, startTestServer, type TestServer } from '../support/server';

/*
 * The API fields the dashboard added: suppliers, bankHolidays, installationsNotMigrating and
 * recentDomainEvents (what the live feed asks for after a reconnect).
 */

let t: TestServer;
let db: Client;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const SUPPLIER = { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '1' };
type Counts = {
  installationsNotMigrating: {
    migrationState: string;
    exclusionCategory: string | null;
    installations: number;
  }[];
};
const COUNTS = '{ installationsNotMigrating { migrationState exclusionCategory installations } }';

it('suppliers: all for DCC staff, only itself for a supplier', async () => {
  const all = ok(
    await t.request<{ suppliers: { id: string; name: string }[] }, never>('{ suppliers { id name } }'),
  );
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from supplier');
  expect(all.suppliers).toHaveLength(rows[0].n);
  const own = ok(
    await t.request<{ suppliers: { id: string }[] }, never>('{ suppliers { id } }', undefined, SUPPLIER),
  );
  expect(own.suppliers).toEqual([{ id: Buffer.from('Supplier:1').toString('base64') }]);
});

it('bankHolidays: the calendar the database counts working days with', async () => {
  const res = ok(
    await t.request<{ bankHolidays: { date: string; name: string }[] }, never>(
      '{ bankHolidays(from: "2021-12-01", to: "2022-01-05") { date name } }',
    ),
  );
  expect(res.bankHolidays.map((h) => h.date)).toEqual(['2021-12-27', '2021-12-28', '2022-01-03']);
  const bad = await t.request('{ bankHolidays(from: "2022-01-05", to: "2021-12-01") { date } }');
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('installationsNotMigrating: counts by state and exclusion category, scoped to a supplier viewer', async () => {
  const all = ok(await t.request<Counts, never>(COUNTS));
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from installation where migration_state not in ('UNMIGRATED', 'MIGRATED')`,
  );
  expect(all.installationsNotMigrating.reduce((sum, r) => sum + r.installations, 0)).toBe(rows[0].n);
  expect(
    all.installationsNotMigrating.every(
      (r) => (r.migrationState === 'EXCLUDED') === (r.exclusionCategory !== null),
    ),
  ).toBe(true);
  const own = ok(await t.request<Counts, never>(COUNTS, undefined, SUPPLIER));
  const { rows: mine } = await db.query<{ n: number }>(
    `select count(*)::int as n from installation where migration_state not in ('UNMIGRATED', 'MIGRATED') and supplier_id = 1`,
  );
  expect(own.installationsNotMigrating.reduce((sum, r) => sum + r.installations, 0)).toBe(mine[0].n);
});

it('recentDomainEvents: the latest ones, or those after an id, oldest first; DCC staff only', async () => {
  type Events = { recentDomainEvents: { id: string; type: string }[] };
  const latest = ok(await t.request<Events, never>('{ recentDomainEvents(limit: 3) { id type } }'));
  expect(latest.recentDomainEvents).toHaveLength(3);
  const ids = latest.recentDomainEvents.map((e) => Number(e.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  const { rows } = await db.query<{ id: string }>('select max(id)::text as id from domain_event');
  expect(ids[2]).toBe(Number(rows[0].id));

  await db.query(
    `update epcl_entry set state = 'WITHDRAWN' where id = (select id from epcl_entry where state = 'CANDIDATE' order by id limit 1)`,
  );
  const after = ok(
    await t.request<Events, never>(`{ recentDomainEvents(after: "${rows[0].id}") { id type } }`),
  );
  expect(after.recentDomainEvents.map((e) => e.type)).toEqual(['EpclEntryStateChanged']);

  const refused = await t.request('{ recentDomainEvents { id } }', undefined, SUPPLIER);
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
