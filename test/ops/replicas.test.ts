import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate, ormConfig } from '../../src/app/database';
import type { EmbeddedPostgres } from '../../src/core/db/embedded-postgres';
import { silentLogger } from '../../src/core/logger';
import { startServer, type RunningServer } from '../../src/server';
import { seedDatabase } from '../../seeds';
import { caughtUp, startPrimary, startReplica, type Cluster } from '../support/replica';

/**
 * Read replicas against a real streaming replica: reads are served by the replica, a client that wrote reads
 * its write (by the WAL position the mutation returned, or by its credential), and a replica that goes away
 * is skipped for the primary.
 */
jest.setTimeout(180_000);

let cluster: Cluster;
let replica: EmbeddedPostgres;
let orm: MikroORM;
let server: RunningServer;
let primaryDb: Client;
let replicaDb: Client;
let manufacturerId: string;

const NAMED = `query($contains: String!) { manufacturers(filter: { nameContains: $contains }, first: 5) { totalCount nodes { id name } } }`;
const RENAME = `mutation($input: UpdateManufacturerInput!) { updateManufacturer(input: $input) { manufacturer { id name } userErrors { code } } }`;

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as {
      data?: {
        manufacturers: { nodes: { name: string }[] };
        updateManufacturer: unknown;
      };
      errors?: unknown[];
      extensions?: Record<string, unknown>;
    },
  };
}

/** `db_reads_total` by pool, from /metrics. */
async function reads(): Promise<Record<string, number>> {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^db_reads_total\{pool="([^"]+)"\} (\d+)/gm)) out[m[1]] = Number(m[2]);
  return out;
}

const names = async (contains: string, headers: Record<string, string> = {}) => {
  const res = await gql(NAMED, { contains }, headers);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.manufacturers.nodes.map((n) => n.name);
};

beforeAll(async () => {
  cluster = await startPrimary();
  await migrate(cluster.primary.url);
  await seedDatabase(cluster.primary.url, { installations: 200, seed: 3 });
  replica = await startReplica(cluster);
  await caughtUp(cluster.primary.url, replica.url);
  primaryDb = new Client({ connectionString: cluster.primary.url });
  replicaDb = new Client({ connectionString: replica.url });
  await primaryDb.connect();
  await replicaDb.connect();
  replicaDb.on('error', () => undefined);
  const { rows } = await primaryDb.query<{ id: number }>('select id from manufacturer order by id limit 1');
  manufacturerId = Buffer.from(`Manufacturer:${rows[0].id}`).toString('base64');
  orm = await MikroORM.init(ormConfig(cluster.primary.url, { pool: { min: 0, max: 5 } }, silentLogger));
  server = await startServer({
    orm,
    databaseUrl: cluster.primary.url,
    replicaUrls: [replica.url],
    readYourWritesMs: 60_000,
    log: silentLogger,
    production: false,
    port: 0,
    host: '127.0.0.1',
    scheduler: false,
  });
});

afterAll(async () => {
  await server?.close();
  await orm?.close(true);
  await primaryDb?.end();
  await replicaDb?.end().catch(() => undefined);
  await cluster?.destroy();
});

it('is a real streaming replica', async () => {
  const { rows } = await replicaDb.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
  expect(rows[0].recovery).toBe(true);
  const senders = await primaryDb.query<{ application_name: string; state: string }>(
    'select application_name, state from pg_stat_replication',
  );
  expect(senders.rows).toEqual([{ application_name: 'ops_replica', state: 'streaming' }]);
});

it('serves a read-only query from the replica', async () => {
  const before = await reads();
  // A row changed on the primary while the replica does not replay: the API answers with the replica's view.
  await replicaDb.query('select pg_wal_replay_pause()');
  try {
    await primaryDb.query(
      `update manufacturer set name = 'Primary Only Name' where id = (select id from manufacturer order by id limit 1)`,
    );
    expect(await names('Primary Only Name')).toEqual([]);
    const after = await reads();
    expect((after['replica-0'] ?? 0) - (before['replica-0'] ?? 0)).toBeGreaterThan(0);
    expect(after.primary ?? 0).toBe(before.primary ?? 0);
  } finally {
    await replicaDb.query('select pg_wal_replay_resume()');
  }
  await caughtUp(cluster.primary.url, replica.url);
  expect(await names('Primary Only Name')).toEqual(['Primary Only Name']);
});

it('lets a client that wrote read its write while the replica lags', async () => {
  await replicaDb.query('select pg_wal_replay_pause()');
  let lsn: string;
  try {
    const write = await gql(RENAME, { input: { id: manufacturerId, name: 'Written Through The API' } });
    expect(write.body.errors).toBeUndefined();
    expect(write.body.data!.updateManufacturer).toEqual({
      manufacturer: { id: manufacturerId, name: 'Written Through The API' },
      userErrors: [],
    });
    lsn = write.headers.get('x-db-lsn')!;
    expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(write.body.extensions?.lsn).toBe(lsn);

    // Another credential that did not write: served by the lagging replica, it does not see it yet.
    const analyst = { 'x-dev-viewer-role': 'DCC_ANALYST' };
    expect(await names('Written Through The API', analyst)).toEqual([]);
    // The same client with the position it was given: served by the primary.
    const before = await reads();
    expect(await names('Written Through The API', { ...analyst, 'x-db-min-lsn': lsn })).toEqual([
      'Written Through The API',
    ]);
    const after = await reads();
    expect(after.primary - (before.primary ?? 0)).toBeGreaterThan(0);
    // The writer's own credential (here the development viewer) is remembered for READ_YOUR_WRITES_MS.
    expect(await names('Written Through The API')).toEqual(['Written Through The API']);
  } finally {
    await replicaDb.query('select pg_wal_replay_resume()');
  }
  // Once the replica has replayed the write, the replica serves it.
  await caughtUp(cluster.primary.url, replica.url);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the router's next poll
  const before = await reads();
  expect(
    await names('Written Through The API', { 'x-dev-viewer-role': 'DCC_ANALYST', 'x-db-min-lsn': lsn }),
  ).toEqual(['Written Through The API']);
  const after = await reads();
  expect(after['replica-0'] - before['replica-0']).toBeGreaterThan(0);
  expect(after.primary).toBe(before.primary);
});

it('falls back to the primary when the replica goes away', async () => {
  await replica.stop();
  const before = await reads();
  expect(await names('Written Through The API', { 'x-dev-viewer-role': 'DCC_ANALYST' })).toEqual([
    'Written Through The API',
  ]);
  const after = await reads();
  expect(after.primary - before.primary).toBeGreaterThan(0);
  const metrics = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  expect(metrics).toMatch(/^db_replica_healthy\{replica="replica-0"\} 0$/m);
  const ready = await fetch(server.url.replace(/\/graphql$/, '/readyz'));
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    replicas: [{ name: 'replica-0', healthy: false, replayedLsn: null }],
  });
});
