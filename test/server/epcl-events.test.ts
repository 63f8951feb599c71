import { Client } from 'pg';
import WebSocket from 'ws';
import type { Client as WsClient } from 'graphql-ws';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  PublishEpclListVersionDocument,
  RecordSecretaryOfStateDecisionDocument,
  ReportLifecycleDocument,
} from '../generated/graphql';
import { ormConfig } from '../../src/app/database';
import { DEFAULT_LIMITS } from '../../src/core/config';
import { createLogger, silentLogger } from '../../src/core/logger';
import { announceClosingObjectionWindows } from '../../src/modules/events/event-derivations';
import { startServer, type RunningServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { collect, sleep, wsClient, type EventOf } from '../support/events';
import { globalId, ok, type GraphQLResponse } from '../support/server';

/*
 * Typed EPCL events (issue 9) against real servers, two of them on one database, over graphql-ws.
 */

const SUB = `subscription S($filter: EpclEventFilter, $after: String) {
  epclEvents(filter: $filter, after: $after) {
    __typename cursor type occurredAt
    ... on EpclEntryStateChanged { entry { epclId state dmc { id } } from to effectiveOn actor reason }
    ... on EpclEntryAddedToList { entry { epclId state dateFirstAdded } addedOn }
    ... on EpclReportStateChanged { report { number state } reportFrom: from reportTo: to effectiveOn actor }
    ... on TestingIssueChanged { testingIssue { ref } status }
    ... on SupplierImpact { report { number } supplierId installations becameEligible byFirmwareUpgrade }
    ... on ObjectionWindowClosing { report { number } closesOn workingDaysLeft }
  }
}`;

const EVENTS = `query E($filter: EpclEventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    nodes { __typename cursor type ... on EpclEntryStateChanged { entry { epclId } to }
            ... on SupplierImpact { supplierId } ... on TestingIssueChanged { status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const IMPACTS = `query I($filter: EpclEventFilter) { events(filter: $filter, first: 500) { nodes { __typename cursor type
  ... on SupplierImpact { report { number } supplierId installations becameEligible byFirmwareUpgrade } } } }`;

const SUPPLIER = (id: number) => ({
  'x-dev-viewer-role': 'SUPPLIER',
  'x-dev-viewer-supplier-id': String(id),
});

type Instance = { server: RunningServer; orm: MikroORM };

describe('epclEvents and events', () => {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;
  let db: Client;
  const clients: WsClient[] = [];
  const logLines: string[] = [];

  const start = async (scheduler: boolean): Promise<Instance> => {
    const orm = await MikroORM.init(ormConfig(database.url, { pool: { min: 0, max: 3 } }, silentLogger));
    const server = await startServer({
      orm,
      databaseUrl: database.url,
      // Warnings and errors kept (the transport test reads them), not printed.
      log: createLogger('warn', { destination: { write: (line: string) => void logLines.push(line) } }),
      production: false,
      port: 0,
      host: '127.0.0.1',
      limits: DEFAULT_LIMITS,
      // a's closes report 22's objection window at start-up, as in production
      scheduler,
      allowedOrigins: ['https://dash.example.org'],
      eventPollMs: 60_000, // notifications and reconnection only: the poll must not hide a lost event
    });
    return { server, orm };
  };
  const request = async <T>(
    on: Instance,
    query: string | object,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> => {
    const { print } = await import('graphql');
    const res = await fetch(on.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query as never), variables }),
    });
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      ...((await res.json()) as object),
    };
  };
  const client = (on: Instance, headers?: Record<string, string>) => {
    const c = wsClient(on.server.url, headers);
    clients.push(c);
    return c;
  };
  /** One committed TESTING_ISSUE_CHANGED event (a generic change anyone can make). */
  const touchIssue = (conn: Client = db) =>
    conn.query(
      `update testing_issue set tag_advised_on = coalesce(tag_advised_on, date '2020-01-01') + 1
        where id = (select min(id) from testing_issue)`,
    );

  /** What was written before the servers started, while report 22's objection window was still open. */
  let closing: { first: unknown; second: unknown; again: unknown; deadline: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const orm = await MikroORM.init(ormConfig(database.url, { pool: { min: 0, max: 1 } }, silentLogger));
    try {
      const em = orm.em.fork();
      const [{ deadline, two, one }] = await em.execute<{ deadline: string; two: string; one: string }[]>(
        `with r as (select objection_deadline as d from epcl_report where number = 22 and state = 'OBJECTION_WINDOW_OPEN'),
              days as (select g::date as day, (select count(*) from generate_series(g::date + 1, r.d, interval '1 day') x
                                                where is_working_day(x::date)) as n
                         from r, generate_series(r.d - 14, r.d - 1, interval '1 day') g)
         select (select d from r)::text as deadline, (select max(day) from days where n = 2)::text as two,
                (select max(day) from days where n = 1)::text as one`,
      );
      closing = {
        deadline,
        first: await announceClosingObjectionWindows(em, two),
        again: await announceClosingObjectionWindows(em, two),
        second: await announceClosingObjectionWindows(em, one),
      };
      await em.execute(
        `insert into epcl_objection (report_id, supplier_id, received_on, grounds, actor)
         select id, 1, objection_deadline, 'Our Secure installations fail the boost test', 'DCC_ADMIN'
           from epcl_report where number = 22`,
      );
    } finally {
      await orm.close(true);
    }
    a = await start(true);
    b = await start(false);
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await db.end();
    for (const i of [a, b]) {
      await i.server.close();
      await i.orm.close(true);
    }
    await database.drop();
  });

  it('SoS approval of report 22: one typed report event and 435 entry events with their objects, to a report filter on either instance', async () => {
    const onA = collect(client(a), SUB, {
      filter: { reportNumbers: [22], types: ['ENTRY_STATE_CHANGED', 'REPORT_STATE_CHANGED'] },
    });
    const onB = collect(client(b), SUB, { filter: { reportNumbers: [22], types: ['REPORT_STATE_CHANGED'] } });
    const one = collect(client(b), SUB, { filter: { epclIds: ['002255'] } });
    await sleep(300);
    const { epclReport } = ok(
      await request<{ epclReport: { rowVersion: number } }>(a, ReportLifecycleDocument, { number: 22 }),
    );
    const res = ok(
      await request<{ recordSecretaryOfStateDecision: { userErrors: unknown[] } }>(
        a,
        RecordSecretaryOfStateDecisionDocument,
        {
          input: {
            reportNumber: 22,
            decision: 'APPROVED',
            decidedOn: '2021-12-15',
            expectedVersion: epclReport.rowVersion,
          },
        },
      ),
    );
    expect(res.recordSecretaryOfStateDecision.userErrors).toEqual([]);
    const all = await onA.waitFor(436);
    const report = all.filter((e) => e.__typename === 'EpclReportStateChanged');
    expect(report).toEqual([
      expect.objectContaining({
        type: 'REPORT_STATE_CHANGED',
        report: { number: 22, state: 'APPROVED' },
        reportFrom: 'AWAITING_SOS',
        reportTo: 'APPROVED',
        effectiveOn: '2021-12-15',
        actor: 'DCC_ADMIN',
      }),
    ]);
    const entries = all.filter((e) => e.__typename === 'EpclEntryStateChanged');
    expect(entries).toHaveLength(435);
    expect(entries.every((e) => e.type === 'ENTRY_STATE_CHANGED' && e.to === 'APPROVED')).toBe(true);
    expect(new Set(entries.map((e) => (e.entry as { epclId: string }).epclId)).size).toBe(435);
    expect(entries[0]).toMatchObject({ from: 'PROPOSED', effectiveOn: '2021-12-15', actor: 'DCC_ADMIN' });
    // Commit order: cursors increase; one transaction's events keep their order.
    const positions = all.map((e) => Number(Buffer.from(e.cursor, 'base64').toString().split(':')[1]));
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    await sleep(300);
    expect(onA.events).toHaveLength(436);
    expect((await onB.waitFor(1)).map((e) => e.type)).toEqual(['REPORT_STATE_CHANGED']);
    const [mine] = await one.waitFor(1);
    expect(mine).toMatchObject({ entry: { epclId: '002255', state: 'APPROVED' }, to: 'APPROVED' });
    await sleep(200);
    expect(onB.events).toHaveLength(1);
    expect(one.events).toHaveLength(1);
    for (const c of [onA, onB, one]) c.stop();
    // The decision's impact per supplier follows, derived once although both instances relayed it.
    let impacts: EventOf[] = [];
    for (let i = 0; i < 100 && !impacts.length; i++) {
      await sleep(200);
      impacts = ok(
        await request<{ events: { nodes: EventOf[] } }>(b, IMPACTS, {
          filter: { types: ['SUPPLIER_IMPACT'] },
        }),
      ).events.nodes;
    }
    await sleep(1000);
    impacts = ok(
      await request<{ events: { nodes: EventOf[] } }>(b, IMPACTS, { filter: { types: ['SUPPLIER_IMPACT'] } }),
    ).events.nodes;
    expect(impacts.length).toBeGreaterThan(0);
    const suppliers = impacts.map((e) => e.supplierId);
    expect(new Set(suppliers).size).toBe(suppliers.length);
    for (const e of impacts) {
      expect(e).toMatchObject({ report: { number: 22 } });
      expect(e.installations).toBe((e.becameEligible as number) + (e.byFirmwareUpgrade as number));
      expect(e.installations).toBeGreaterThan(0);
    }
  }, 60_000);

  it('a list version: ENTRY_ADDED_TO_LIST and ENTRY_STATE_CHANGED to ON_EPCL, filtered by type and state', async () => {
    const added = collect(client(a), SUB, {
      filter: { types: ['ENTRY_ADDED_TO_LIST'], epclIds: ['002255'] },
    });
    const onEpcl = collect(client(b), SUB, { filter: { states: ['ON_EPCL'], reportNumbers: [22] } });
    await sleep(300);
    const res = await request<{ publishEpclListVersion: { userErrors: unknown[] } }>(
      a,
      PublishEpclListVersionDocument,
      { input: { version: 'EPCL v1.23', publishedOn: '2021-12-17' } },
    );
    expect(ok(res).publishEpclListVersion.userErrors).toEqual([]);
    const [event] = await added.waitFor(1);
    expect(event).toMatchObject({
      __typename: 'EpclEntryAddedToList',
      entry: { epclId: '002255', state: 'ON_EPCL', dateFirstAdded: '2021-12-17' },
      addedOn: '2021-12-17',
    });
    const states = await onEpcl.waitFor(435);
    expect(states.every((e) => e.__typename === 'EpclEntryStateChanged' && e.to === 'ON_EPCL')).toBe(true);
    await sleep(200);
    expect(added.events).toHaveLength(1);
    expect(onEpcl.events).toHaveLength(435);
    added.stop();
    onEpcl.stop();
  });

  it('filters by DMC and cohort, and the query side answers the same as the subscription replays', async () => {
    const [row] = (
      await db.query<{ dmc_id: number; code: string }>(
        `select e.dmc_id, c.code from epcl_entry e join dmc d on d.id = e.dmc_id join cohort c on c.id = d.cohort_id
          where e.epcl_id = '002255'`,
      )
    ).rows;
    const byDmc = { dmcIds: [globalId('Dmc', row.dmc_id)], types: ['ENTRY_STATE_CHANGED'] };
    const page = ok(await request<{ events: { nodes: EventOf[] } }>(a, EVENTS, { filter: byDmc, first: 500 }))
      .events.nodes;
    expect(page.length).toBeGreaterThanOrEqual(2);
    expect(page.every((e) => e.type === 'ENTRY_STATE_CHANGED')).toBe(true);
    const replay = collect(client(b), SUB, {
      filter: byDmc,
      after: Buffer.from('EpclEvent:0').toString('base64'),
    });
    await replay.waitFor(page.length);
    expect(replay.events.map((e) => e.cursor)).toEqual(page.map((e) => e.cursor));
    replay.stop();

    const byCohort = ok(
      await request<{ events: { nodes: EventOf[] } }>(a, EVENTS, {
        filter: { cohorts: [row.code], epclIds: ['002255'] },
        first: 50,
      }),
    ).events.nodes;
    expect(byCohort.map((e) => e.__typename)).toEqual(
      expect.arrayContaining(['EpclEntryStateChanged', 'EpclEntryAddedToList']),
    );
    const otherCohort = ok(
      await request<{ events: { nodes: EventOf[] } }>(a, EVENTS, {
        filter: { cohorts: ['NO_SUCH_COHORT'], epclIds: ['002255'] },
      }),
    ).events.nodes;
    expect(otherCohort).toEqual([]);
  });

  it('pages the query side with cursors and refuses bad arguments with BAD_USER_INPUT', async () => {
    const first = ok(
      await request<{ events: { nodes: EventOf[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        a,
        EVENTS,
        { filter: { reportNumbers: [22] }, first: 10 },
      ),
    ).events;
    expect(first.nodes).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(
      await request<{ events: { nodes: EventOf[] } }>(a, EVENTS, {
        filter: { reportNumbers: [22] },
        first: 10,
        after: first.pageInfo.endCursor,
      }),
    ).events;
    expect(next.nodes[0].cursor).not.toBe(first.nodes[9].cursor);
    const both = ok(
      await request<{ events: { nodes: EventOf[] } }>(a, EVENTS, {
        filter: { reportNumbers: [22] },
        first: 20,
      }),
    ).events.nodes;
    expect([...first.nodes, ...next.nodes].map((e) => e.cursor)).toEqual(both.map((e) => e.cursor));
    for (const variables of [{ after: 'nonsense' }, { first: 0 }, { filter: { dmcIds: ['bad'] } }]) {
      const res = await request(a, EVENTS, variables);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a supplier receives catalogue events and only its own SupplierImpact; DCC staff receive all', async () => {
    const s1 = collect(client(a, SUPPLIER(1)), SUB, {
      filter: { types: ['SUPPLIER_IMPACT', 'TESTING_ISSUE_CHANGED'] },
    });
    const s2 = collect(client(b, SUPPLIER(2)), SUB, {
      filter: { types: ['SUPPLIER_IMPACT', 'TESTING_ISSUE_CHANGED'] },
    });
    const staff = collect(client(b, { 'x-dev-viewer-role': 'DCC_ANALYST' }), SUB, {
      filter: { types: ['SUPPLIER_IMPACT', 'TESTING_ISSUE_CHANGED'] },
    });
    await sleep(300);
    await db.query('begin');
    for (const supplier of [1, 2])
      await db.query(
        `select emit_domain_event('SupplierImpact', 'EpclReport', '22', jsonb_build_object('reportId', r.id,
           'supplierId', $1::int, 'installations', 3, 'becameEligible', 2, 'byFirmwareUpgrade', 1))
           from epcl_report r where r.number = 22`,
        [supplier],
      );
    await touchIssue();
    await db.query('commit');
    const seen1 = await s1.waitFor(2);
    const seen2 = await s2.waitFor(2);
    const seenStaff = await staff.waitFor(3);
    await sleep(300);
    expect(s1.events.map((e) => [e.type, e.supplierId])).toEqual([
      ['SUPPLIER_IMPACT', 1],
      ['TESTING_ISSUE_CHANGED', undefined],
    ]);
    expect(seen1[0]).toMatchObject({
      report: { number: 22 },
      installations: 3,
      becameEligible: 2,
      byFirmwareUpgrade: 1,
    });
    expect(seen2.map((e) => [e.type, e.supplierId])).toEqual([
      ['SUPPLIER_IMPACT', 2],
      ['TESTING_ISSUE_CHANGED', undefined],
    ]);
    expect(seenStaff.map((e) => e.type)).toEqual([
      'SUPPLIER_IMPACT',
      'SUPPLIER_IMPACT',
      'TESTING_ISSUE_CHANGED',
    ]);
    // The query side scopes the same way.
    const asSupplier = ok(
      await request<{ events: { nodes: EventOf[] } }>(
        a,
        EVENTS,
        { filter: { types: ['SUPPLIER_IMPACT'] } },
        SUPPLIER(2),
      ),
    ).events.nodes;
    expect(asSupplier.length).toBeGreaterThan(0);
    expect(asSupplier.every((e) => e.supplierId === 2)).toBe(true);
    for (const c of [s1, s2, staff]) c.stop();
  });

  it('resume after a disconnect returns exactly the missed events, in order, on the other instance', async () => {
    const filter = { types: ['TESTING_ISSUE_CHANGED'] };
    const first = collect(client(a), SUB, { filter });
    await sleep(300);
    await touchIssue();
    const [last] = await first.waitFor(1);
    first.stop();
    for (let i = 0; i < 5; i++) await touchIssue();
    const missed = ok(
      await request<{ events: { nodes: EventOf[] } }>(a, EVENTS, { filter, after: last.cursor }),
    ).events.nodes;
    expect(missed).toHaveLength(5);
    const resumed = collect(client(b), SUB, { filter, after: last.cursor });
    await resumed.waitFor(5);
    await touchIssue(); // and then live, after the replay
    const all = await resumed.waitFor(6);
    await sleep(300);
    expect(resumed.events).toHaveLength(6);
    expect(all.slice(0, 5).map((e) => e.cursor)).toEqual(missed.map((e) => e.cursor));
    expect(new Set(all.map((e) => e.cursor)).size).toBe(6);
    resumed.stop();
  });

  it("an event committed while the relay's connection is terminated is still delivered (both instances)", async () => {
    const onA = collect(client(a), SUB, { filter: { types: ['TESTING_ISSUE_CHANGED'] } });
    const onB = collect(client(b), SUB, { filter: { types: ['TESTING_ISSUE_CHANGED'] } });
    await sleep(300);
    const { rowCount } = await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'dmc-catalogue-event-relay' and datname = current_database()`,
    );
    expect(rowCount).toBe(2);
    await sleep(50);
    await touchIssue();
    await onA.waitFor(1);
    await onB.waitFor(1);
    await touchIssue();
    await onA.waitFor(2);
    await onB.waitFor(2);
    await sleep(300);
    expect(onA.events).toHaveLength(2);
    expect(onB.events.map((e) => e.cursor)).toEqual(onA.events.map((e) => e.cursor));
    onA.stop();
    onB.stop();
  });

  it('two transactions committing out of id order: both delivered once, in commit order', async () => {
    const sub = collect(client(a), SUB, { filter: { types: ['TESTING_ISSUE_CHANGED'] } });
    await sleep(300);
    const t1 = new Client({ connectionString: database.url });
    const t2 = new Client({ connectionString: database.url });
    await t1.connect();
    await t2.connect();
    try {
      const emit = (conn: Client, status: string) =>
        conn.query(
          `select emit_domain_event('TestingIssueChanged', 'TestingIssue', min(id)::text,
             jsonb_build_object('status', $1::text, 'countsAgainstThreshold', true)) from testing_issue`,
          [status],
        );
      await t1.query('begin');
      await emit(t1, 'OPEN');
      await t2.query('begin');
      await emit(t2, 'CLOSED');
      const ids = await db.query<{ id: string }>(
        `select id::text from domain_event where position is null order by id`,
      );
      expect(ids.rows).toHaveLength(0); // uncommitted rows are not visible to others at all
      await t2.query('commit'); // the later id commits first
      await sub.waitFor(1);
      await sleep(200);
      await t1.query('commit');
      const [second, first] = await sub.waitFor(2);
      expect([second.status, first.status]).toEqual(['CLOSED', 'OPEN']);
      const rows = await db.query<{ id: string; position: string }>(
        `select id::text, position::text from domain_event d where type = 'TestingIssueChanged' order by d.position desc limit 2`,
      );
      // Positions follow commit order although ids do not.
      expect(Number(rows.rows[0].id)).toBeLessThan(Number(rows.rows[1].id));
      expect(first.cursor).toBe(Buffer.from(`EpclEvent:${rows.rows[0].position}`).toString('base64'));
      expect(second.cursor).toBe(Buffer.from(`EpclEvent:${rows.rows[1].position}`).toString('base64'));
      await sleep(300);
      expect(sub.events).toHaveLength(2);
    } finally {
      await t1.end();
      await t2.end();
      sub.stop();
    }
  });

  it('ObjectionWindowClosing: at 2 working days and at 1, once each, with the report', async () => {
    expect(closing.first).toHaveLength(1);
    expect(closing.again).toEqual([]);
    expect(closing.second).toHaveLength(1);
    const nodes = ok(
      await request<{ events: { nodes: EventOf[] } }>(
        a,
        `{ events(filter: { types: [OBJECTION_WINDOW_CLOSING] }) { nodes { __typename type
            ... on ObjectionWindowClosing { report { number } closesOn workingDaysLeft } } } }`,
      ),
    ).events.nodes;
    expect(nodes).toEqual([
      {
        __typename: 'ObjectionWindowClosing',
        type: 'OBJECTION_WINDOW_CLOSING',
        report: { number: 22 },
        closesOn: closing.deadline,
        workingDaysLeft: 2,
      },
      {
        __typename: 'ObjectionWindowClosing',
        type: 'OBJECTION_WINDOW_CLOSING',
        report: { number: 22 },
        closesOn: closing.deadline,
        workingDaysLeft: 1,
      },
    ]);
  });

  it('ObjectionRecorded carries the objection; only its supplier (and DCC staff) receive it', async () => {
    const query = `{ events(filter: { types: [OBJECTION_RECORDED], reportNumbers: [22] }) { nodes { __typename
        ... on ObjectionRecorded { report { number } objection { supplierId receivedOn grounds } } } } }`;
    const staff = ok(await request<{ events: { nodes: EventOf[] } }>(a, query)).events.nodes;
    expect(staff).toEqual([
      {
        __typename: 'ObjectionRecorded',
        report: { number: 22 },
        objection: {
          supplierId: 1,
          receivedOn: closing.deadline,
          grounds: 'Our Secure installations fail the boost test',
        },
      },
    ]);
    expect(
      ok(await request<{ events: { nodes: EventOf[] } }>(a, query, {}, SUPPLIER(1))).events.nodes,
    ).toHaveLength(1);
    expect(
      ok(await request<{ events: { nodes: EventOf[] } }>(a, query, {}, SUPPLIER(2))).events.nodes,
    ).toEqual([]);
  });

  it('TestReportStateChanged from any writer (here SQL with the lifecycle settings), with its test report', async () => {
    const sub = collect(
      client(b),
      `subscription { epclEvents(filter: { types: [TEST_REPORT_STATE_CHANGED] }) {
      __typename ... on TestReportStateChanged { testReport { id state } from to effectiveOn actor reason } } }`,
    );
    await sleep(300);
    const { rows } = await db.query<{ id: number; state: string }>(
      `select id, state from test_report where state <> 'SUPERSEDED' order by id limit 1`,
    );
    await db.query('begin');
    await db.query(`select set_config('lifecycle.effective_on', '2022-01-10', true),
                           set_config('lifecycle.actor', 'tag-secretariat', true),
                           set_config('lifecycle.reason', 'replaced by v2', true)`);
    await db.query(`update test_report set state = 'SUPERSEDED' where id = $1`, [rows[0].id]);
    await db.query('commit');
    const [event] = await sub.waitFor(1);
    expect(event).toEqual({
      __typename: 'TestReportStateChanged',
      testReport: { id: globalId('TestReport', rows[0].id), state: 'SUPERSEDED' },
      from: rows[0].state,
      to: 'SUPERSEDED',
      effectiveOn: '2022-01-10',
      actor: 'tag-secretariat',
      reason: 'replaced by v2',
    });
    sub.stop();
  });

  it('transport: a 5 MB and a 30 MB message close the socket (1009), logged as a JSON line (not console.error); a foreign Origin is refused; allowed ones are not', async () => {
    const consoleError = jest.spyOn(console, 'error');
    for (const size of [5, 30]) {
      const code = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(a.server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
        ws.on('open', () =>
          ws.send(
            JSON.stringify({ type: 'connection_init', payload: { x: 'x'.repeat(size * 1024 * 1024) } }),
          ),
        );
        ws.on('close', (c) => resolve(c));
        ws.on('error', () => undefined);
        setTimeout(() => reject(new Error('not closed')), 10_000);
      });
      expect(code).toBe(1009);
    }
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    const tooLong = logLines
      .map((line) => JSON.parse(line) as { level: string; msg: string; code?: string })
      .filter((line) => line.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
    expect(tooLong).toHaveLength(2);
    expect(tooLong[0]).toMatchObject({ level: 'warn', msg: 'websocket error; closing the socket' });
    const upgrade = (origin?: string) =>
      new Promise<number | 'open'>((resolve) => {
        const ws = new WebSocket(a.server.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
          headers: origin ? { origin } : {},
        });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
    expect(await upgrade('https://evil.example.com')).toBe(403);
    expect(await upgrade('https://dash.example.org')).toBe('open');
    expect(await upgrade(`http://127.0.0.1:${a.server.port}`)).toBe('open');
    expect(await upgrade()).toBe('open');
  });

  it('transport: a socket that never sends connection_init is closed (4408)', async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(a.server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      ws.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4408);
  }, 15_000);

  it('a subscription sent over HTTP is a 400 BAD_REQUEST naming WebSocket', async () => {
    const res = await request(a, SUB);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(res.errors?.[0].message).toMatch(/WebSocket/);
  });

  it('metrics: relay lag observed, events relayed and open epclEvents subscriptions counted', async () => {
    const sub = collect(client(a), SUB, { filter: { types: ['TESTING_ISSUE_CHANGED'] } });
    await sleep(300);
    await touchIssue();
    await sub.waitFor(1);
    const metricsUrl = a.server.url.replace(/graphql$/, 'metrics');
    const text = await (await fetch(metricsUrl)).text();
    const value = (name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('events_relay_lag_seconds_count')).toBeGreaterThan(0);
    expect(value('events_epcl_subscriptions')).toBeGreaterThanOrEqual(1);
    expect(value('graphql_active_subscriptions')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^events_relayed_total\{type="TestingIssueChanged"\} [1-9]/m);
    sub.stop();
    await sleep(300);
    const after = await (await fetch(metricsUrl)).text();
    expect(Number(/^events_epcl_subscriptions (\S+)$/m.exec(after)?.[1])).toBe(
      value('events_epcl_subscriptions') - 1,
    );
  });

  it('one execution per event for subscribers with the same document, variables and viewer scope; each scope and each variables its own', async () => {
    const DOC = `subscription Shared($filter: EpclEventFilter) { epclEvents(filter: $filter) { __typename cursor type
      ... on ObjectionWindowClosing { workingDaysLeft report { number impact { total { total } direct { total } } } } } }`;
    const filter = { types: ['OBJECTION_WINDOW_CLOSING'] };
    const metricsUrl = a.server.url.replace(/graphql$/, 'metrics');
    const results = async () => {
      const text = await (await fetch(metricsUrl)).text();
      const value = (shared: boolean) =>
        Number(
          new RegExp(`^events_delivery_results_total\\{shared="${shared}"\\} (\\S+)$`, 'm').exec(text)?.[1] ??
            0,
        );
      return { executed: value(false), shared: value(true) };
    };
    const staff = Array.from({ length: 10 }, () => collect(client(a), DOC, { filter }));
    const supplier1 = [1, 2].map(() => collect(client(a, SUPPLIER(1)), DOC, { filter }));
    const supplier2 = collect(client(a, SUPPLIER(2)), DOC, { filter });
    const otherVariables = collect(client(a), DOC, { filter: { ...filter, reportNumbers: [22] } });
    const all = [...staff, ...supplier1, supplier2, otherVariables];
    await sleep(300);
    const before = await results();
    await db.query(
      `select emit_domain_event('ObjectionWindowClosing', 'EpclReport', r.id::text, jsonb_build_object('reportId', r.id,
         'closesOn', r.objection_deadline::text, 'workingDaysLeft', 7)) from epcl_report r where r.number = 22`,
    );
    for (const c of all) await c.waitFor(1);
    await sleep(200);
    const after = await results();
    // Four keys (staff, supplier 1, supplier 2, staff with other variables): four executions; the other ten reuse one.
    expect(after.executed - before.executed).toBe(4);
    expect(after.shared - before.shared).toBe(10);
    for (const c of all) expect(c.events).toHaveLength(1);
    const event = staff[0].events[0];
    expect(event).toMatchObject({
      type: 'OBJECTION_WINDOW_CLOSING',
      workingDaysLeft: 7,
      report: { number: 22 },
    });
    for (const c of staff) expect(c.events[0]).toEqual(event);
    expect(supplier1[1].events[0]).toEqual(supplier1[0].events[0]);
    expect(otherVariables.events[0]).toEqual(event);
    // Each scope's payload is what that viewer reads itself over HTTP: scoped figures are not shared.
    const impactAs = async (headers: Record<string, string>) =>
      ok(
        await request<{ epclReport: { impact: unknown } }>(
          a,
          `{ epclReport(number: 22) { impact { total { total } direct { total } } } }`,
          {},
          headers,
        ),
      ).epclReport.impact;
    const impactOf = (e: EventOf) => (e.report as { impact: unknown }).impact;
    expect(impactOf(event)).toEqual(await impactAs({}));
    expect(impactOf(supplier1[0].events[0])).toEqual(await impactAs(SUPPLIER(1)));
    expect(impactOf(supplier2.events[0])).toEqual(await impactAs(SUPPLIER(2)));
    expect(impactOf(supplier1[0].events[0])).not.toEqual(impactOf(event));
    expect(impactOf(supplier1[0].events[0])).not.toEqual(impactOf(supplier2.events[0]));
    for (const c of all) c.stop();
  });

  it('the deprecated domainEvents names its replacement in the schema', async () => {
    const res = ok(
      await request<{ __type: { fields: { name: string; deprecationReason: string | null }[] } }>(
        a,
        `{ __type(name: "Subscription") { fields(includeDeprecated: true) { name deprecationReason } } }`,
      ),
    );
    const domainEvents = res.__type.fields.find((f) => f.name === 'domainEvents');
    expect(domainEvents?.deprecationReason).toMatch(/epclEvents/);
  });
});
