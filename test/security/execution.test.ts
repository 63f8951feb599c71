import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { startTestServer, type TestServer, authHeader } from '../support/server';

/**
 * Limits during execution: the per-request deadline cancels the request's SQL (QUERY_TIMEOUT, never
 * PostgreSQL's text), a client that goes away cancels it too, the analyses cannot take the connections cheap
 * reads need, and graphql-ws refuses messages over 1 MB.
 */

/** `deviceModels → firmwareVersions → deviceModel → …`: exponential work for PostgreSQL. */
function depthBomb(levels: number): string {
  let inner = 'id';
  for (let level = levels - 3; level > 0; level--) {
    inner = level % 2 === 1 ? `firmwareVersions { ${inner} }` : `deviceModel { ${inner} }`;
  }
  return `{ deviceModels { nodes { ${inner} } } }`;
}

/** Limits that let the bomb through validation, so that only the deadline stops it. */
const UNCHECKED = { maxDepth: 1000, maxCost: Number.MAX_SAFE_INTEGER };

async function withDb<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Statements of the server's read pools running now (bounded polling, no timing assertion). */
async function activeStatements(db: Client, applicationName = 'dmc-catalogue'): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = $1 and state = 'active'`,
    [applicationName],
  );
  return rows[0].n;
}

async function until(check: () => Promise<boolean>, tries = 400): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe('the per-request deadline (production)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ production: true, limits: { ...UNCHECKED, timeoutMs: 300 } });
  });
  afterAll(() => t.close());

  it('cancels SQL past the deadline and answers QUERY_TIMEOUT, without PostgreSQL’s text', async () => {
    const res = await t.request(depthBomb(30));
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error.extensions).toEqual({ code: 'QUERY_TIMEOUT', timeoutMs: 300 });
    expect(error.message).toBe(
      'The request did not finish within its deadline of 300 ms; its SQL was cancelled',
    );
    expect(JSON.stringify(res)).not.toMatch(/canceling statement|statement timeout/);
    // Nothing runs on after the answer.
    expect(await withDb(t.databaseUrl, (db) => activeStatements(db))).toBe(0);
  });

  it('applies over graphql-ws too, formatted as over HTTP', async () => {
    const client = createClient({
      url: t.server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: authHeader(t),
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          { query: depthBomb(30) },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(result).toEqual({
        data: null,
        errors: [
          expect.objectContaining({
            message: 'The request did not finish within its deadline of 300 ms; its SQL was cancelled',
            extensions: { code: 'QUERY_TIMEOUT', timeoutMs: 300 },
          }),
        ],
        extensions: { cost: { requested: expect.any(Number) as number, limit: Number.MAX_SAFE_INTEGER } },
      });
    } finally {
      await client.dispose();
    }
  });

  it('still answers cheap queries afterwards', async () => {
    const res = await t.request('{ epclReport(number: 22) { title } }');
    expect(res.errors).toBeUndefined();
  });
});

describe('a client that goes away', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { ...UNCHECKED, timeoutMs: 120_000 } });
  });
  afterAll(() => t.close());

  it('cancels the SQL of its request', async () => {
    await withDb(t.databaseUrl, async (db) => {
      const abort = new AbortController();
      const request = fetch(t.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeader(t) },
        body: JSON.stringify({ query: depthBomb(30) }),
        signal: abort.signal,
      }).catch((error: Error) => error);
      expect(await until(async () => (await activeStatements(db)) === 1)).toBe(true);
      abort.abort();
      expect(await request).toMatchObject({ name: 'AbortError' });
      // Without the cancel, the statement would run for minutes (deadline 120 s).
      expect(await until(async () => (await activeStatements(db)) === 0)).toBe(true);
    });
  });
});

describe('a graphql-ws client that goes away', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { ...UNCHECKED, timeoutMs: 120_000 } });
  });
  afterAll(() => t.close());

  it('cancels the SQL of the query it sent', async () => {
    await withDb(t.databaseUrl, async (db) => {
      const client = createClient({
        url: t.server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: authHeader(t),
      });
      client.subscribe(
        { query: depthBomb(30) },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      expect(await until(async () => (await activeStatements(db)) === 1)).toBe(true);
      await client.dispose();
      expect(await until(async () => (await activeStatements(db)) === 0)).toBe(true);
    });
  });
});

describe('the analysis pool', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { analysisConnections: 2 } });
  });
  afterAll(() => t.close());

  it('runs at most its size of analyses at once, and cheap reads go on meanwhile', async () => {
    await withDb(t.databaseUrl, async (locker) => {
      // Hold every analysis: they read the report's entries, which this transaction locks.
      await locker.query('begin');
      await locker.query('lock table epcl_report_entry in access exclusive mode');
      const analyses = Array.from({ length: 4 }, () =>
        t.request('{ epclReport(number: 22) { impact { total { total } } } }'),
      );
      const waiting = await withDb(t.databaseUrl, async (db) => {
        await until(async () => (await activeStatements(db, 'dmc-catalogue-analysis')) === 2);
        return activeStatements(db, 'dmc-catalogue-analysis');
      });
      expect(waiting).toBe(2);
      // Four analyses are waiting; a cheap read still gets a connection and answers.
      const cheap = await t.request('{ epclReport(number: 22) { title } }');
      expect(cheap.errors).toBeUndefined();
      expect(cheap.data).toEqual({ epclReport: { title: 'EPCL Report 22 - DMCT Tranche 44, 46' } });
      await locker.query('commit');
      for (const res of await Promise.all(analyses)) expect(res.errors).toBeUndefined();
    });
  });
});

describe('graphql-ws message size', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ production: true });
  });
  afterAll(() => t.close());

  it.each([
    ['5 MB', 5],
    ['30 MB', 30],
  ])('closes the socket on a %s message (1009, message too big)', async (_name, megabytes) => {
    // Built before the socket opens: on a loaded machine, building 30 MB after it could outlast the server's
    // 3 s wait for connection_init (4408) before the frame's header shows it too big.
    const message = JSON.stringify({
      type: 'connection_init',
      payload: { padding: 'x'.repeat(megabytes * 1024 * 1024) },
    });
    const socket = new WebSocket(t.server.url.replace('http', 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
    socket.send(message);
    expect(await closed).toBe(1009);
  });

  it.each([
    ['the depth bomb', depthBomb(30), 'depth'],
    [
      'six report analyses',
      `{ ${Array.from({ length: 6 }, (_, i) => `r${i}: epclReport(number: 22) { impact { total { total } } }`).join(' ')} }`,
      'cost',
    ],
    [
      'a document of 2,500 tokens',
      `{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`,
      'tokens',
    ],
  ])('refuses %s sent over graphql-ws with QUERY_TOO_COMPLEX', async (_name, query, limit) => {
    const client = createClient({
      url: t.server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: authHeader(t),
    });
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          { next: () => resolve('data'), error: resolve, complete: () => undefined },
        );
      });
      expect(errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }) as object,
        }),
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a NUL character sent over graphql-ws with BAD_USER_INPUT', async () => {
    const client = createClient({
      url: t.server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: authHeader(t),
    });
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe(
          {
            query: 'query($id: String!) { epclEntry(epclId: $id) { epclId } }',
            variables: { id: '00\u000022' },
          },
          { next: () => resolve('data'), error: resolve, complete: () => undefined },
        );
      });
      expect(errors).toEqual([
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: '$id' } }),
      ]);
    } finally {
      await client.dispose();
    }
  });
});
