import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate, ormConfig } from '../../src/app/database';
import { createLogger } from '../../src/core/logger';
import { createKey, queryable } from '../../src/modules/auth/api-keys';

/** What the servers log at error level (unexpected errors), shown when a failure is not the expected one. */
const logged: string[] = [];
const serverLog = createLogger('error', { destination: { write: (line: string) => void logged.push(line) } });
import { startServer, type RunningServer } from '../../src/server';
import { seedDatabase } from '../../seeds';
import { startPrimary, type Cluster } from '../support/replica';

/**
 * Two instances under load while their PostgreSQL is stopped and started again: requests that cannot be
 * served fail with DATABASE_UNAVAILABLE (HTTP 503, retryable), /readyz says 503 while the database is away,
 * and both instances serve again once it is back, without being restarted; every acknowledged write is there.
 */
jest.setTimeout(180_000);

type Outcome = { ok: boolean; status: number; codes: string[]; retryable: boolean[]; at: number };

let cluster: Cluster;
const servers: { server: RunningServer; orm: MikroORM }[] = [];
let manufacturers: string[] = [];
/** A DCC_ADMIN API key: production servers answer 401 without a credential. */
let authorization = '';

const QUERY = `{ epclReport(number: 22) { entries(first: 5) { totalCount nodes { epclId } } } }`;
const RENAME = `mutation($input: UpdateManufacturerInput!) { updateManufacturer(input: $input) { manufacturer { name } userErrors { code } } }`;

async function post(url: string, query: string, variables?: unknown): Promise<Outcome & { data?: unknown }> {
  const at = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string; retryable?: boolean } }[];
    };
    return {
      ok: res.status === 200 && !body.errors,
      status: res.status,
      codes: (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'),
      retryable: (body.errors ?? []).map((e) => e.extensions?.retryable === true),
      data: body.data,
      at,
    };
  } catch (error) {
    return { ok: false, status: 0, codes: [`FETCH ${(error as Error).message}`], retryable: [], at };
  }
}

const readyz = async (s: RunningServer) => (await fetch(s.url.replace(/\/graphql$/, '/readyz'))).status;

beforeAll(async () => {
  cluster = await startPrimary('dmc_faults');
  await migrate(cluster.primary.url);
  await seedDatabase(cluster.primary.url, { installations: 200, seed: 5 });
  const db = new Client({ connectionString: cluster.primary.url });
  await db.connect();
  manufacturers = (
    await db.query<{ id: number }>('select id from manufacturer order by id limit 8')
  ).rows.map((r) => Buffer.from(`Manufacturer:${r.id}`).toString('base64'));
  const { key } = await createKey(queryable(db), { name: 'fault test', role: 'DCC_ADMIN' });
  authorization = `Bearer ${key}`;
  await db.end();
  for (let i = 0; i < 2; i++) {
    const orm = await MikroORM.init(ormConfig(cluster.primary.url, { pool: { min: 0, max: 5 } }, serverLog));
    const server = await startServer({
      orm,
      databaseUrl: cluster.primary.url,
      log: serverLog,
      production: true,
      port: 0,
      host: '127.0.0.1',
      schedulerIntervalMs: 500,
    });
    servers.push({ server, orm });
  }
});

afterAll(async () => {
  for (const s of servers) {
    await s.server.close();
    await s.orm.close(true);
  }
  await cluster?.destroy();
});

it('fails in-flight requests with a retryable code, reports not ready, and recovers without a restart', async () => {
  const outcomes: Outcome[] = [];
  /** The last name each manufacturer was given by an acknowledged rename, and every name tried since. */
  const acknowledged = new Map<string, string>();
  const triedSince = new Map<string, Set<string>>();
  let running = true;
  let n = 0;
  const worker = async (w: number) => {
    while (running) {
      const server = servers[(n + w) % 2].server;
      const i = n++;
      if (i % 5 === 0) {
        const id = manufacturers[i % manufacturers.length];
        const name = `Fault Test ${i}`;
        if (!triedSince.has(id)) triedSince.set(id, new Set());
        triedSince.get(id)!.add(name);
        const out = await post(server.url, RENAME, { input: { id, name } });
        outcomes.push(out);
        if (out.ok) {
          acknowledged.set(id, name);
          triedSince.set(id, new Set());
        }
      } else outcomes.push(await post(server.url, QUERY));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const load = [0, 1, 2, 3].map(worker);

  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(outcomes.length).toBeGreaterThan(10);
  expect(outcomes.every((o) => o.ok)).toBe(true);

  const stopped = Date.now();
  await cluster.stopPrimary();
  // While the database is away both instances say so on /readyz, and stay alive (/healthz).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const { server } of servers) {
    expect(await readyz(server)).toBe(503);
    expect((await fetch(server.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
  }
  await cluster.startPrimary();

  // Both instances are ready again, and serve, without a restart.
  for (const { server } of servers) {
    const started = Date.now();
    while ((await readyz(server)) !== 200) {
      if (Date.now() - started > 30_000) throw new Error('an instance did not become ready again');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const ready = Date.now();
  // Some load after that (counted, not timed: a busy machine serves fewer requests a second).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const wanted = outcomes.length + 30;
  while (outcomes.length < wanted && Date.now() - ready < 60_000)
    await new Promise((resolve) => setTimeout(resolve, 50));
  running = false;
  await Promise.all(load);

  const failed = outcomes.filter((o) => !o.ok);
  // Requests did fail while the database was away …
  expect(failed.filter((o) => o.at >= stopped).length).toBeGreaterThan(0);
  // … and every failure says so in the same clear, retryable way: 503, DATABASE_UNAVAILABLE, retryable.
  for (const o of failed) {
    expect({
      status: o.status,
      codes: [...new Set(o.codes)],
      retryable: o.retryable.every(Boolean),
      logged: o.codes.includes('DATABASE_UNAVAILABLE')
        ? []
        : logged
            .filter((l) => l.includes('unexpected error'))
            .slice(0, 3)
            .map((l) => l.slice(0, 1500)),
    }).toEqual({
      status: 503,
      codes: ['DATABASE_UNAVAILABLE'],
      retryable: true,
      logged: [],
    });
  }
  // Once both said ready again, the load succeeded on both instances.
  const settled = outcomes.filter((o) => o.at > ready + 500);
  expect(settled.length).toBeGreaterThanOrEqual(20);
  expect(settled.every((o) => o.ok)).toBe(true);

  // Every acknowledged write survived the restart (a rename whose answer was lost may have landed too).
  const db = new Client({ connectionString: cluster.primary.url });
  await db.connect();
  try {
    for (const [id, name] of acknowledged) {
      const key = Number(Buffer.from(id, 'base64').toString().split(':')[1]);
      const { rows } = await db.query<{ name: string }>('select name from manufacturer where id = $1', [key]);
      expect([name, ...(triedSince.get(id) ?? [])]).toContain(rows[0].name);
    }
  } finally {
    await db.end();
  }
});
