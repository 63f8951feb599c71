import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import { Client } from 'pg';
import WebSocket from 'ws';
import {
  DomainEventsDocument,
  EpclEntryByEpclIdDocument,
  EpclReportSummaryDocument,
  type DomainEventsSubscription,
  type EpclReportSummaryQuery,
} from '../generated/graphql';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('the report 22 scenario over GraphQL', () => {
  it('answers that EPCL Report 22 holds 435 entries, 4 in Group 1 and 431 in Group 2', async () => {
    const all = await t.request(EpclReportSummaryDocument, { number: 22, first: 5 });
    expect(all.errors).toBeUndefined();
    expect(all.data?.epclReport).toMatchObject({
      number: 22,
      title: 'EPCL Report 22 - DMCT Tranche 44, 46',
      dmctTranches: [44, 46],
      reportDate: '2021-12-03',
      sscConfirmedOn: '2021-11-10',
      objectionDeadline: '2021-12-10',
      entries: { totalCount: 435 },
    });
    const g1 = await t.request(EpclReportSummaryDocument, { number: 22, group: 'GROUP_1_TESTED', first: 10 });
    expect(g1.data?.epclReport.entries.totalCount).toBe(4);
    expect(
      g1.data?.epclReport.entries.edges.map((e) => [e.node.epclId, e.node.installationStatus, e.node.basis]),
    ).toEqual([
      ['002254', 'DORMANT', 'TESTED'],
      ['002255', 'ACTIVE', 'TESTED_VIA_DORMANT'],
      ['002369', 'DORMANT', 'TESTED'],
      ['002370', 'ACTIVE', 'TESTED_VIA_DORMANT'],
    ]);
    const g2 = await t.request(EpclReportSummaryDocument, { number: 22, group: 'GROUP_2_SE', first: 1 });
    expect(g2.data?.epclReport.entries.totalCount).toBe(431);
  });

  it('pages through every entry once with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: GraphQLResponse<EpclReportSummaryQuery> = await t.request(EpclReportSummaryDocument, {
        number: 22,
        first: 100,
        after,
      });
      const entries = page.data!.epclReport.entries;
      seen.push(...entries.edges.map((e) => e.node.epclId!));
      pages++;
      expect(entries.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!entries.pageInfo.hasNextPage) break;
      after = entries.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(435);
    expect(new Set(seen).size).toBe(435);
    expect(seen).toContain('002255');
    expect(seen).toContain('002370');
  });

  it('answers entry 002255 as an ACTIVE entry on the Clause 20.9 basis', async () => {
    const res = await t.request(EpclEntryByEpclIdDocument, { epclId: '002255' });
    expect(res.data?.epclEntry).toEqual({
      epclId: '002255',
      installationStatus: 'ACTIVE',
      basis: 'TESTED_VIA_DORMANT',
      state: 'PROPOSED',
      dateFirstAdded: null,
    });
  });
});

describe('errors', () => {
  it.each([
    [
      'a malformed EPCL ID',
      EpclEntryByEpclIdDocument,
      { epclId: '2255' },
      'BAD_USER_INPUT',
      'Argument "epclId" must be a 6-digit, zero-padded EPCL ID such as "002255"; received "2255"',
    ],
    [
      'an unknown EPCL ID',
      EpclEntryByEpclIdDocument,
      { epclId: '999999' },
      'NOT_FOUND',
      'No EPCL entry with epclId "999999"',
    ],
    [
      'an unknown report',
      EpclReportSummaryDocument,
      { number: 999 },
      'NOT_FOUND',
      'No EPCL report with number 999',
    ],
    [
      'first: 0',
      EpclReportSummaryDocument,
      { number: 22, first: 0 },
      'BAD_USER_INPUT',
      'Argument "first" must be an integer from 1 to 100; received 0',
    ],
    [
      'first: 1000',
      EpclReportSummaryDocument,
      { number: 22, first: 1000 },
      'BAD_USER_INPUT',
      'Argument "first" must be an integer from 1 to 100; received 1000',
    ],
    [
      'a malformed cursor',
      EpclReportSummaryDocument,
      { number: 22, after: 'bm9wZQ' },
      'BAD_USER_INPUT',
      'Argument "after" must be a cursor returned by this connection; received "bm9wZQ"',
    ],
  ] as const)(
    'gives %s a stable code and a clear message',
    async (_name, document, variables, code, message) => {
      const res = await t.request(document as never, variables);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code } });
    },
  );

  it('answers parse and validation errors with HTTP 400 and application/graphql-response+json', async () => {
    const parse = await t.request('{ epclEntry(epclId: "002255" { epclId } }');
    expect(parse.status).toBe(400);
    expect(parse.contentType).toContain('application/graphql-response+json');
    expect(parse.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await t.request('{ epclEntry(epclId: "002255") { nope } }');
    expect(invalid.status).toBe(400);
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a malformed development viewer header', async () => {
    const res = await t.request(
      EpclEntryByEpclIdDocument,
      { epclId: '002255' },
      { 'x-dev-viewer-role': 'ROOT' },
    );
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.errors?.[0].message).toContain('x-dev-viewer-role must be DCC_ADMIN, DCC_ANALYST or SUPPLIER');
  });
});

describe('health and readiness', () => {
  const base = () => t.server.url.replace(/\/graphql$/, '');

  it('reports the process up and the database ready', async () => {
    const health = await fetch(base() + '/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(base() + '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a migration is pending', async () => {
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: number; name: string; executed_at: Date }>(
        'delete from mikro_orm_migrations where id = (select max(id) from mikro_orm_migrations) returning *',
      );
      const ready = await fetch(base() + '/readyz');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not ready',
        reason: 'migrations pending',
        pending: [rows[0].name],
      });
      await db.query('insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)', [
        rows[0].id,
        rows[0].name,
        rows[0].executed_at,
      ]);
      expect((await fetch(base() + '/readyz')).status).toBe(200);
    } finally {
      await db.end();
    }
  });
});

describe('subscriptions over graphql-ws on the same port and path', () => {
  it('delivers a committed EPCL entry state change to a subscriber', async () => {
    const client = createClient({
      url: t.server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const received: DomainEventsSubscription['domainEvents'][] = [];
      const first = new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe<DomainEventsSubscription>(
          { query: print(DomainEventsDocument), variables: { types: ['EpclEntryStateChanged'] } },
          {
            next: (message) => {
              if (message.data) received.push(message.data.domainEvents);
              unsubscribe();
              resolve();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      // The subscription is live once the server has the operation; poll until an event gets through.
      const entry = await db.query<{ id: number }>(`select id from epcl_entry where epcl_id = '002370'`);
      await db.query('begin');
      await db.query(`update epcl_entry set state = 'REJECTED' where id = $1`, [entry.rows[0].id]);
      await db.query('rollback');
      const states = ['WITHDRAWN', 'CANDIDATE'];
      let i = 0;
      const timer = setInterval(() => {
        const state = states[i++ % 2];
        void db
          .query('update epcl_entry set state = $1 where id = $2', [state, entry.rows[0].id])
          .catch(() => undefined);
      }, 100);
      await first.finally(() => clearInterval(timer));
      expect(received[0]).toMatchObject({
        type: 'EpclEntryStateChanged',
        aggregateType: 'EpclEntry',
        aggregateId: String(entry.rows[0].id),
      });
      expect(received[0].payload).toMatchObject({
        epclId: '002370',
        previousState: 'PROPOSED',
        state: 'WITHDRAWN',
      });
    } finally {
      await client.dispose();
      await db.end();
    }
  });
});

describe('in production', () => {
  it('masks unexpected errors but keeps client errors', async () => {
    const prod = await startTestServer({ production: true });
    const db = new Client({ connectionString: prod.databaseUrl });
    await db.connect();
    try {
      // Break the database under the server: the failure is internal, and its details must not leak.
      await db.query('alter table manufacturer rename to manufacturer_gone');
      const broken = await prod.request('{ manufacturers(first: 1) { nodes { name } } }');
      expect(broken.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['manufacturers'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      const client = await prod.request(EpclEntryByEpclIdDocument, { epclId: 'nope' });
      expect(client.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(client.errors?.[0].extensions).not.toHaveProperty('stacktrace');
    } finally {
      await db.end();
      await prod.close();
    }
  });
});
