import { Client } from 'pg';
import { UpdateManufacturerDocument } from '../generated/graphql';
import { ok, startTestServer, type TestServer } from '../support/server';

/*
 * The response cache is exact: catalogue-only responses are keyed by operation, variables, viewer scope and
 * the catalogue_version read from the database, so any catalogue write (a mutation, or SQL straight into the
 * database, through the version trigger) changes the next response, and no viewer scope is served another's.
 */

let t: TestServer;
let db: Client;
let base: string;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  base = t.server.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await db.end();
  await t.close();
});

async function counters(): Promise<{ hits: number; misses: number; evictions: number; bytes: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    hits: value('graphql_response_cache_hits_total'),
    misses: value('graphql_response_cache_misses_total'),
    evictions: value('graphql_response_cache_evictions_total'),
    bytes: value('graphql_response_cache_bytes'),
  };
}

const MANUFACTURERS = `query Makers { manufacturers(first: 5, orderBy: [ID_ASC]) { totalCount nodes { id name } } }`;
type Makers = { manufacturers: { totalCount: number; nodes: { id: string; name: string }[] } };

/** The cache's ETags: `"<catalogue version>-<key>"` (Express's own, on other GET responses, are weak: W/"…"). */
const CACHE_ETAG = /^"\d+-[A-Za-z0-9_-]+"$/;

const SUPPLIER = { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '1' };

/** Asks `query` and says whether the cache answered it (from the hit and miss counters). */
async function ask<T>(query: string, headers: Record<string, string> = {}) {
  const before = await counters();
  const data = ok(await t.request<T, Record<string, never>>(query, undefined, headers));
  const after = await counters();
  return { data, hit: after.hits === before.hits + 1, miss: after.misses === before.misses + 1 };
}

async function get(query: string, headers: Record<string, string> = {}) {
  return fetch(`${t.server.url}?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...headers },
  });
}

describe('response cache', () => {
  it('serves a repeated catalogue query from the cache, and a mutation changes the next response', async () => {
    const first = await ask<Makers>(MANUFACTURERS);
    expect(first.miss).toBe(true);
    const second = await ask<Makers>(MANUFACTURERS);
    expect(second).toMatchObject({ hit: true, miss: false });
    expect(second.data).toEqual(first.data);

    const { id, name } = first.data.manufacturers.nodes[0];
    const renamed = ok(
      await t.request(UpdateManufacturerDocument, { input: { id, name: `${name} Renamed` } }),
    );
    expect(renamed.updateManufacturer.userErrors).toEqual([]);

    const after = await ask<Makers>(MANUFACTURERS);
    expect(after.hit).toBe(false);
    expect(after.data.manufacturers.nodes[0]).toEqual({ id, name: `${name} Renamed` });
    expect((await ask<Makers>(MANUFACTURERS)).hit).toBe(true);
  });

  it('a catalogue write supersedes every cached response: the next cacheable request drops them all', async () => {
    const queries = [1, 2, 3].map(
      (n) => `query Makers${n} { manufacturers(first: ${n}) { nodes { id name } } }`,
    );
    for (const q of queries) await ask(q);
    const filled = await counters();
    expect(filled.bytes).toBeGreaterThan(0);
    const [{ id: key }] = (await db.query<{ id: number }>('select id from manufacturer order by id limit 1'))
      .rows;
    await db.query(`update manufacturer set name = name || ' ' where id = $1`, [key]);
    await db.query(`update manufacturer set name = rtrim(name) where id = $1`, [key]);

    const refilled = await ask(queries[0]);
    expect(refilled.miss).toBe(true);
    const after = await counters();
    // Every earlier entry was dropped (at least the three above); only the one just computed is held.
    expect(after.evictions - filled.evictions).toBeGreaterThanOrEqual(3);
    expect(after.bytes).toBeLessThan(filled.bytes);
    expect((await ask(queries[1])).miss).toBe(true);
  });

  it('a direct SQL write (bumping catalogue_version by its trigger) changes the next response', async () => {
    await ask<Makers>(MANUFACTURERS);
    const cached = await ask<Makers>(MANUFACTURERS);
    expect(cached.hit).toBe(true);
    const { id, name } = cached.data.manufacturers.nodes[1];
    const key = Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);
    await db.query('update manufacturer set name = $1 where id = $2', [`${name} (SQL)`, key]);

    const after = await ask<Makers>(MANUFACTURERS);
    expect(after.hit).toBe(false);
    expect(after.data.manufacturers.nodes[1].name).toBe(`${name} (SQL)`);
  });

  it('never serves a supplier a response cached for another viewer scope', async () => {
    const query = `query Cohorts { cohorts { code name } }`;
    await ask(query);
    expect((await ask(query)).hit).toBe(true);
    // The same operation and variables, another scope: computed for the supplier, not taken from DCC's entry.
    const supplier = await ask(query, SUPPLIER);
    expect(supplier).toMatchObject({ hit: false, miss: true });
    expect((await ask(query, SUPPLIER)).hit).toBe(true);
    // Another supplier is another scope again.
    const other = await ask(query, { ...SUPPLIER, 'x-dev-viewer-supplier-id': '2' });
    expect(other).toMatchObject({ hit: false, miss: true });

    // ETags differ by scope: DCC's ETag is no validator for a supplier.
    const dcc = await get(query);
    const etag = dcc.headers.get('etag');
    expect(etag).toBeTruthy();
    const asSupplier = await get(query, { ...SUPPLIER, 'if-none-match': etag! });
    expect(asSupplier.status).toBe(200);
    expect(asSupplier.headers.get('etag')).not.toBe(etag);
  });

  it('answers GET with an ETag and If-None-Match with 304 until the catalogue changes', async () => {
    const first = await get(MANUFACTURERS);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(CACHE_ETAG);
    const body = (await first.json()) as { data: Makers };

    const again = await get(MANUFACTURERS, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const { id, name } = body.data.manufacturers.nodes[2];
    ok(await t.request(UpdateManufacturerDocument, { input: { id, name: `${name} v2` } }));
    const changed = await get(MANUFACTURERS, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const changedBody = (await changed.json()) as { data: Makers };
    expect(changedBody.data.manufacturers.nodes[2].name).toBe(`${name} v2`);
  });

  it('caches nothing outside the catalogue, nor a request that asks for no-store', async () => {
    const before = await counters();
    // Suppliers (inventory) are not catalogue data.
    const suppliers = await get('{ suppliers { name } }');
    expect(suppliers.status).toBe(200);
    expect(suppliers.headers.get('etag')).not.toMatch(CACHE_ETAG);
    // node() with the ID of an installation-scoped type is not cached either.
    const supplierId = Buffer.from('Supplier:1').toString('base64');
    const node = await get(`{ node(id: "${supplierId}") { id } }`);
    expect(node.headers.get('etag')).not.toMatch(CACHE_ETAG);
    // A catalogue query with cache-control: no-store is answered by the engine alone.
    const fresh = await get(MANUFACTURERS, { 'cache-control': 'no-store' });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).not.toMatch(CACHE_ETAG);
    expect(await counters()).toEqual(before);
  });

  it('caches node(id) of catalogue types', async () => {
    const { rows } = await db.query<{ id: number }>('select id from manufacturer order by id limit 1');
    const id = Buffer.from(`Manufacturer:${rows[0].id}`).toString('base64');
    const query = `{ node(id: "${id}") { id ... on Manufacturer { name } } }`;
    expect((await ask(query)).miss).toBe(true);
    const hit = await ask<{ node: { id: string } }>(query);
    expect(hit.hit).toBe(true);
    expect(hit.data.node.id).toBe(id);
  });
});
