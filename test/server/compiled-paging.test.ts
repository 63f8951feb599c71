import { epclEntriesConnection } from '../../src/modules/epcl/epcl.sql';
import { Client } from 'pg';
import { ok, startTestServer, type TestServer } from '../support/server';

/*
 * Paging semantics of the compiled connections that the SQL's shape could change: the EPCL ID and date
 * orderings (entries without an EPCL ID or a date last, then by id) read through an index, `states` filters of
 * one value (an equality) and of several (`= any`), to-one relations read by lateral joins (null where there
 * is no row), cursors both ways, hasNextPage/hasPreviousPage. Every page is checked against plain SQL.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

async function explain(query: string): Promise<{ 'QUERY PLAN': string }[]> {
  const db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  try {
    await db.query('set enable_sort = off');
    await db.query('set enable_seqscan = off');
    return (await db.query<{ 'QUERY PLAN': string }>(query)).rows;
  } finally {
    await db.end();
  }
}

type Row = {
  id: number;
  epcl_id: string | null;
  date_first_added: string | null;
  basis_epcl_id: string | null;
};
type Page = {
  epclEntries: {
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    edges: {
      cursor: string;
      node: { epclId: string | null; basisEntry: { epclId: string | null } | null };
    }[];
  };
};

const PAGE = `query P($f: EpclEntryFilter, $o: [EpclEntryOrder!], $first: Int, $last: Int, $after: String, $before: String) {
  epclEntries(filter: $f, orderBy: $o, first: $first, last: $last, after: $after, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { epclId basisEntry { epclId } } } } }`;

/**
 * The order each ordering promises, in plain terms: by the value, a missing one after every value (so first
 * when descending), then by id.
 */
const cmp = (x: string | null, y: string | null) =>
  x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
const ORDERS: Record<string, (a: Row, b: Row) => number> = {
  EPCL_ID_ASC: (a, b) => cmp(a.epcl_id, b.epcl_id) || a.id - b.id,
  EPCL_ID_DESC: (a, b) => cmp(b.epcl_id, a.epcl_id) || b.id - a.id,
  DATE_FIRST_ADDED_ASC: (a, b) => cmp(a.date_first_added, b.date_first_added) || a.id - b.id,
  DATE_FIRST_ADDED_DESC: (a, b) => cmp(b.date_first_added, a.date_first_added) || b.id - a.id,
};

async function expected(states: string[], order: string): Promise<(string | null)[][]> {
  const rows = await t.sql<Row>(
    `select e.id, e.epcl_id, to_char(e.date_first_added, 'YYYY-MM-DD') as date_first_added, b.epcl_id as basis_epcl_id
     from epcl_entry e left join epcl_entry b on b.id = e.basis_entry_id where e.state = any($1::text[])`,
    [states],
  );
  return rows.sort(ORDERS[order]).map((r) => [r.epcl_id, r.basis_epcl_id]);
}

/** Every page of the connection, following cursors forwards (first/after) or backwards (last/before). */
async function walk(states: string[], order: string, backward: boolean, size: number) {
  const seen: (string | null)[][] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = ok(
      await t.request<Page, Record<string, unknown>>(
        PAGE,
        backward
          ? { f: { states }, o: [order], last: size, before: cursor }
          : { f: { states }, o: [order], first: size, after: cursor },
        { 'cache-control': 'no-store' },
      ),
    ).epclEntries;
    const nodes = page.edges.map((e) => [e.node.epclId, e.node.basisEntry?.epclId ?? null]);
    if (page.edges.length > 0) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    }
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    const given = backward ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    expect(given).toBe(cursor !== undefined);
    if (backward) seen.unshift(...nodes);
    else seen.push(...nodes);
    if (!more) return seen;
    expect(page.edges).toHaveLength(size);
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

describe('compiled connection paging', () => {
  // One state (an equality on the state), several (`= any`), with and without EPCL IDs and dates.
  // The seeded test data: PROPOSED entries have EPCL IDs and mostly a basis entry but no date first added,
  // CANDIDATE and IN_TEST ones neither, ON_EPCL ones all three.
  const FILTERS = [
    ['PROPOSED'],
    ['CANDIDATE', 'PROPOSED', 'IN_TEST'],
    ['CANDIDATE'],
    ['ON_EPCL', 'CANDIDATE'],
  ];

  it('gives every row once, in the promised order, forwards and backwards, for every ordering', async () => {
    let withoutEpclId = 0;
    let withBasis = 0;
    for (const states of FILTERS) {
      for (const order of Object.keys(ORDERS)) {
        const all = await expected(states, order);
        expect(all.length).toBeGreaterThan(0);
        withoutEpclId += all.filter(([epclId]) => epclId === null).length;
        withBasis += all.filter(([, basis]) => basis !== null).length;
        const size = Math.min(100, Math.max(2, Math.ceil(all.length / 4)));
        expect({ states, order, forward: await walk(states, order, false, size) }).toEqual({
          states,
          order,
          forward: all,
        });
        expect({ states, order, backward: await walk(states, order, true, size) }).toEqual({
          states,
          order,
          backward: all,
        });
      }
    }
    // The data covers what the orderings and laterals must get right: missing EPCL IDs, null to-one relations
    // and present ones.
    expect(withoutEpclId).toBeGreaterThan(0);
    expect(withBasis).toBeGreaterThan(0);
    const [dates] = await t.sql<{ with: number; without: number }>(
      `select count(date_first_added)::int as with, count(*) filter (where date_first_added is null)::int as without
       from epcl_entry where state = any($1::text[])`,
      [FILTERS[3]],
    );
    expect(dates.with).toBeGreaterThan(0);
    expect(dates.without).toBeGreaterThan(0);
  });

  it('counts entries as of a date with or without reading a page (the asOf parameter bound only where used)', async () => {
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from epcl_entry where state = 'PROPOSED'`,
    );
    const query = (rows: string) =>
      `query C($asOf: LocalDate) { epclEntries(filter: { states: [PROPOSED] }, first: 2, asOf: $asOf) { totalCount ${rows} } }`;
    type Counted = { epclEntries: { totalCount: number; nodes?: { epclId: string }[] } };
    const headers = { 'cache-control': 'no-store' };
    const alone = ok(await t.request<Counted, { asOf: string }>(query(''), { asOf: '2100-01-01' }, headers));
    expect(alone.epclEntries.totalCount).toBe(n);
    const withPage = ok(
      await t.request<Counted, { asOf: string }>(query('nodes { epclId }'), { asOf: '2100-01-01' }, headers),
    );
    expect(withPage.epclEntries.totalCount).toBe(n);
    expect(withPage.epclEntries.nodes).toHaveLength(2);
  });

  it('answers an empty page with both page flags false and no cursors', async () => {
    const page = ok(
      await t.request<Page, Record<string, unknown>>(PAGE, {
        f: { states: ['REMOVED'], epclIds: ['999999'] },
        o: ['EPCL_ID_ASC'],
        first: 5,
      }),
    ).epclEntries;
    expect(page).toEqual({
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    });
  });

  it('reads a page in EPCL ID or date order from an index instead of sorting the matching entries', async () => {
    // The ORDER BY and WHERE the compiler writes for `epclEntries(filter: {states: [X]}, orderBy: [...])`,
    // from the connection's own specs: the indexes must keep matching those expressions.
    for (const [name, states, index] of [
      ['EPCL_ID_ASC', ['WITHDRAWN'], 'epcl_entry_state_epcl_order_index'],
      ['EPCL_ID_DESC', ['WITHDRAWN'], 'epcl_entry_state_epcl_order_index'],
      ['EPCL_ID_ASC', [], 'epcl_entry_epcl_order_index'],
      ['DATE_FIRST_ADDED_ASC', ['ON_EPCL'], 'epcl_entry_state_added_order_index'],
      ['DATE_FIRST_ADDED_DESC', [], 'epcl_entry_added_order_index'],
    ] as const) {
      const order = epclEntriesConnection.orders[name];
      const params: unknown[] = [];
      const ctx = {
        param: (value: unknown, cast: string) => `$${params.push(value)}::${cast}`,
      } as never;
      const where = states.length
        ? epclEntriesConnection.filters.states('r', [...states] as never, ctx, {})
        : 'true';
      const direction = order.descending ? 'desc' : 'asc';
      const orderBy = order.keys.map((k) => `${k.sql('r')} ${direction}`).join(', ');
      // Sorting and sequential scans priced out: a Sort in the plan means no index can give the order.
      const plan = await explain(
        `explain select r.id from epcl_entry r where ${where.replace(/\$1::text/, `'${String(params[0])}'::text`)} order by ${orderBy} limit 26`,
      );
      const text = plan.map((p) => p['QUERY PLAN']).join('\n');
      expect({ name, states, uses: text.includes(index), sorts: /\bSort\b/.test(text) }).toEqual({
        name,
        states,
        uses: true,
        sorts: false,
      });
    }
  });
});
