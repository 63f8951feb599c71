import {
  ReportImpactEntriesDocument,
  ReportImpactInstallationsDocument,
  type ReportImpactEntriesQuery,
  type ReportImpactInstallationsQuery,
} from '../generated/graphql';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/** epclReport.impact's drill-down: its entries and its installations, page by page, for staff and suppliers. */
// Whole-report analyses on a shared two-core machine: generous time per test.
jest.setTimeout(180_000);
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const supplier = (id: number) => ({
  'x-dev-viewer-role': 'SUPPLIER',
  'x-dev-viewer-supplier-id': String(id),
});
const analyst = { 'x-dev-viewer-role': 'DCC_ANALYST' };

type Impact = NonNullable<ReportImpactInstallationsQuery['epclReport']>['impact'];
type EntryEdge = NonNullable<ReportImpactEntriesQuery['epclReport']>['impact']['entries']['edges'][number];

async function allInstallations(headers: Record<string, string> = {}) {
  const nodes: Impact['installations']['nodes'] = [];
  let after: string | null = null;
  let first: Impact | undefined;
  for (let pages = 0; ; pages++) {
    const impact: Impact = ok(
      await t.request(ReportImpactInstallationsDocument, { number: 22, first: 100, after }, headers),
    ).epclReport.impact;
    first ??= impact;
    expect(impact.installations.pageInfo.hasPreviousPage).toBe(after !== null);
    nodes.push(...impact.installations.nodes);
    if (!impact.installations.pageInfo.hasNextPage) break;
    after = impact.installations.pageInfo.endCursor!;
    expect(pages).toBeLessThan(100);
  }
  return { nodes, impact: first };
}

// The staff view, asked once and compared against by several tests (every page is a whole-report analysis).
let staffInstallations: ReturnType<typeof allInstallations> | undefined;
let staffEntries: ReturnType<typeof allEntries> | undefined;
const staff = () => ({
  installations: (staffInstallations ??= allInstallations()),
  entries: (staffEntries ??= allEntries()),
});

async function allEntries(headers: Record<string, string> = {}) {
  const edges: EntryEdge[] = [];
  let after: string | null = null;
  let totalCount = 0;
  let total = 0;
  for (;;) {
    const impact: NonNullable<ReportImpactEntriesQuery['epclReport']>['impact'] = ok(
      await t.request(ReportImpactEntriesDocument, { number: 22, first: 100, after }, headers),
    ).epclReport.impact;
    totalCount = impact.entries.totalCount;
    total = impact.total.total;
    edges.push(...impact.entries.edges);
    if (!impact.entries.pageInfo.hasNextPage) break;
    after = impact.entries.pageInfo.endCursor!;
  }
  return { edges, totalCount, total };
}

describe('epclReport.impact drill-down', () => {
  it('lists every entry of the report once, in entry order, and the installations under them add up to the impact', async () => {
    const { edges, totalCount, total } = await staff().entries;
    expect(totalCount).toBe(435);
    expect(edges).toHaveLength(435);
    expect(new Set(edges.map((e) => e.node.entry.id)).size).toBe(435);
    expect(new Set(edges.map((e) => e.cursor)).size).toBe(435);
    const counted = edges.reduce((sum, e) => sum + e.node.installations, 0);
    expect(total).toBeGreaterThan(0);
    expect(counted).toBe(total);
    expect(edges.some((e) => e.node.installations > 0 && e.node.devices > e.node.installations)).toBe(true);
  });

  it('lists each installation the report makes eligible once, by id, with the entry it is counted under', async () => {
    const { nodes, impact } = await staff().installations;
    expect(nodes.length).toBe(impact.total.total);
    expect(impact.installations.totalCount).toBe(impact.total.total);
    const ids = nodes.map((n) => Buffer.from(n.installation.id, 'base64').toString());
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = ids.map((id) => Number(id.split(':')[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const n of nodes) {
      expect(n.installation.migrationState).toBe('UNMIGRATED');
      expect(n.entry.installationStatus).toBe(n.installation.status);
      expect(n.atTarget).toBe(n.hops === 0);
    }
    const byStatus = (s: string) => nodes.filter((n) => n.installation.status === s).length;
    expect([byStatus('ACTIVE'), byStatus('DORMANT'), byStatus('MIXED')]).toEqual([
      impact.total.active,
      impact.total.dormant,
      impact.total.mixed,
    ]);
    // The entries connection counts the same installations under the same entries.
    const { edges } = await staff().entries;
    const underEntry = new Map<string, number>();
    for (const n of nodes) underEntry.set(n.entry.epclId!, (underEntry.get(n.entry.epclId!) ?? 0) + 1);
    for (const e of edges) expect(e.node.installations).toBe(underEntry.get(e.node.entry.epclId!) ?? 0);
  });

  it('shows DCC analysts what admins see, and a supplier only its own installations and counts', async () => {
    const all = await staff().installations;
    const asAnalyst = ok(
      await t.request(ReportImpactInstallationsDocument, { number: 22, first: 100 }, analyst),
    ).epclReport.impact.installations;
    expect(asAnalyst.totalCount).toBe(all.nodes.length);
    expect(asAnalyst.nodes.map((n) => n.installation.id)).toEqual(
      all.nodes.slice(0, 100).map((n) => n.installation.id),
    );
    const mine = await allInstallations(supplier(3));
    const expected = all.nodes.filter((n) => n.installation.supplier.id === globalId('Supplier', 3));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.nodes.length);
    expect(mine.nodes.map((n) => n.installation.id)).toEqual(expected.map((n) => n.installation.id));
    expect(mine.impact.installations.totalCount).toBe(expected.length);
    const entries = await allEntries(supplier(3));
    expect(entries.edges.reduce((sum, e) => sum + e.node.installations, 0)).toBe(expected.length);
    expect(entries.total).toBe(expected.length);
  });

  it('refuses a cursor it did not hand out, and a page size out of range', async () => {
    const bad = await t.request(ReportImpactInstallationsDocument, {
      number: 22,
      first: 10,
      after: 'nonsense',
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const entryCursor = (await staff().entries).edges[0].cursor;
    // An entries cursor is not an installations cursor.
    const crossed = await t.request(ReportImpactInstallationsDocument, {
      number: 22,
      first: 10,
      after: entryCursor,
    });
    expect(crossed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.request(ReportImpactEntriesDocument, { number: 22, first: 1000 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
