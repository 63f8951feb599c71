import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import { Client } from 'pg';
import WebSocket from 'ws';
import {
  DomainEventsDocument,
  UpdateManufacturerDocument,
  type DomainEventsSubscription,
} from '../generated/graphql';
import { createLogger } from '../../src/core/logger';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/**
 * Observability of a real server on port 0: `/metrics` after real traffic (HTTP operations, a WebSocket
 * subscription, a relayed event), the per-operation log line, and the request id echoed in `x-request-id`.
 */
const lines: Record<string, unknown>[] = [];
let t: TestServer;
let base: string;
beforeAll(async () => {
  const log = createLogger('info', {
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  t = await startTestServer({ log });
  base = t.server.url.replace(/\/graphql$/, '');
});
afterAll(() => t.close());

/** The samples of a Prometheus text exposition, keyed by `name{labels}` as printed. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

/** Polls `check` (scraping each time) until it holds; fails with the last samples after many tries. */
async function eventually(check: (samples: Map<string, number>) => boolean): Promise<Map<string, number>> {
  let samples = new Map<string, number>();
  for (let attempt = 0; attempt < 200; attempt++) {
    samples = await scrape();
    if (check(samples)) return samples;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition never held; last scrape: ${JSON.stringify([...samples])}`);
}

function post(query: string, headers: Record<string, string> = {}) {
  return fetch(t.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('GET /metrics', () => {
  it('counts operations by name and outcome, SQL statements, subscriptions and relayed events', async () => {
    const before = await scrape();
    const ok = 'graphql_request_duration_seconds_count{operation="MetricsProbe",outcome="ok"}';
    const failed = 'graphql_request_duration_seconds_count{operation="anonymous",outcome="error"}';

    for (let i = 0; i < 2; i++) {
      const res = await post(
        'query MetricsProbe { epclReport(number: 22) { title entries { totalCount } } }',
      );
      expect(res.status).toBe(200);
    }
    expect((await post('{ noSuchField }')).status).toBe(400);

    const afterQueries = await scrape();
    expect(value(afterQueries, ok) - value(before, ok)).toBe(2);
    expect(value(afterQueries, failed) - value(before, failed)).toBe(1);
    expect(
      value(
        afterQueries,
        'graphql_request_duration_seconds_bucket{le="+Inf",operation="MetricsProbe",outcome="ok"}',
      ),
    ).toBe(value(afterQueries, ok));
    expect(
      value(afterQueries, 'graphql_sql_statements_total') - value(before, 'graphql_sql_statements_total'),
    ).toBeGreaterThanOrEqual(2);
    // The read pool has served those statements, so it holds at least one connection.
    expect(value(afterQueries, 'db_read_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(afterQueries.has('db_read_pool_idle_connections')).toBe(true);
    expect(value(afterQueries, 'db_read_pool_waiting_requests')).toBe(0);
    // Default process metrics.
    expect(afterQueries.has('process_cpu_user_seconds_total')).toBe(true);
    expect(afterQueries.has('nodejs_heap_size_used_bytes')).toBe(true);

    // A subscription is counted while open; an event committed in the database is relayed to it.
    const client = createClient({
      url: t.server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const relayed = 'events_relayed_total{type="EpclEntryStateChanged"}';
    try {
      const received = new Promise<void>((resolve, reject) => {
        client.subscribe<DomainEventsSubscription>(
          { query: print(DomainEventsDocument), variables: { types: ['EpclEntryStateChanged'] } },
          { next: () => resolve(), error: reject, complete: () => undefined },
        );
      });
      await eventually((s) => value(s, 'graphql_active_subscriptions') === 1);
      await db.query(`update epcl_entry set state = 'WITHDRAWN' where epcl_id = '002370'`);
      await received;
      const afterEvent = await eventually((s) => value(s, relayed) >= 1);
      expect(value(afterEvent, relayed) - value(before, relayed)).toBe(1);
    } finally {
      await client.dispose();
      await db.end();
    }
    await eventually((s) => value(s, 'graphql_active_subscriptions') === 0);
  });
});

describe('request ids and the per-operation log line', () => {
  it('echoes a valid x-request-id and logs the operation under it', async () => {
    const res = await post('query LoggedProbe { epclReport(number: 22) { number } }', {
      'x-request-id': 'client-req.42_A',
      'x-dev-viewer-role': 'SUPPLIER',
      'x-dev-viewer-supplier-id': '1',
      // The engine's statement only, without the response cache's catalogue_version read.
      'cache-control': 'no-store',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('client-req.42_A');
    const line = lines.find((l) => l.msg === 'graphql operation' && l.requestId === 'client-req.42_A');
    expect(line).toMatchObject({
      level: 'info',
      operationName: 'LoggedProbe',
      operationType: 'query',
      viewerRole: 'SUPPLIER',
      outcome: 'ok',
      sqlStatements: 1,
      errors: 0,
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.time).toBe('string');
    // pino-http's request line carries the same id.
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        requestId: 'client-req.42_A',
        res: { statusCode: 200 },
      }),
    );
  });

  it('generates an id when none is given, or when the given one is not acceptable', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const absent = await post('{ epclReport(number: 22) { number } }');
    expect(absent.headers.get('x-request-id')).toMatch(uuid);
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon', '']) {
      const res = await post('{ epclReport(number: 22) { number } }', { 'x-request-id': bad });
      expect(res.headers.get('x-request-id')).toMatch(uuid);
    }
    // 128 characters is still accepted; non-GraphQL routes echo it too.
    const longest = 'a'.repeat(128);
    const health = await fetch(`${base}/healthz`, { headers: { 'x-request-id': longest } });
    expect(health.headers.get('x-request-id')).toBe(longest);
  });
});

describe('logs are JSON lines only', () => {
  it('reports connections the database dropped through the logger, never as plain text', async () => {
    const rename = (name: string) =>
      t.request(UpdateManufacturerDocument, { input: { id: globalId('Manufacturer', 1), name } });
    expect(ok(await rename('Logged Renamed Ltd')).updateManufacturer.userErrors).toEqual([]);
    // Drop every connection the server holds (the unit-of-work pool, the read pool, the event relay).
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
    } finally {
      await db.end();
    }
    // The next write gets a fresh connection (knex notices the dead one and says so), and succeeds.
    let renamed = false;
    for (let attempt = 0; attempt < 20 && !renamed; attempt++) {
      const res = await rename('Logged Renamed Again Ltd');
      renamed = res.errors === undefined && res.data?.updateManufacturer.userErrors.length === 0;
    }
    expect(renamed).toBe(true);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        component: 'orm',
        msg: expect.stringMatching(/^Connection Error: /) as string,
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        component: 'event-relay',
        msg: 'event relay connection lost; reconnecting',
        error: expect.objectContaining({ code: '57P01' }) as object,
      }),
    );
  });
});
