import { Client } from 'pg';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/* What is mine: a supplier's own installations and DMCs; suppliers as nodes, each scoped to the viewer. */

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

const asSupplier = (id: number) => ({
  'x-dev-viewer-role': 'SUPPLIER',
  'x-dev-viewer-supplier-id': String(id),
});

type ViewerQuery = {
  viewer: {
    role: string;
    supplier: { id: string; name: string } | null;
    installations: {
      totalCount: number;
      nodes: { id: string; status: string; supplier: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    dmcs: { totalCount: number; nodes: { installations: number; unmigrated: number; dmc: { id: string } }[] };
  };
};
const VIEWER = `query($first: Int, $after: String, $statuses: [InstallationStatus!]) {
  viewer {
    role supplier { id name }
    installations(first: $first, after: $after, filter: { statuses: $statuses }) {
      totalCount nodes { id status supplier { id } } pageInfo { hasNextPage endCursor }
    }
    dmcs(first: 100) { totalCount nodes { installations unmigrated dmc { id } } }
  }
}`;
type Vars = { first?: number; after?: string | null; statuses?: string[] };

describe('viewer', () => {
  it('gives a supplier exactly its own installations, page by page, and its DMCs with counts', async () => {
    const supplier = 3;
    const expected = await db.query<{ n: number; active: number }>(
      `select count(*)::int as n, count(*) filter (where status = 'ACTIVE')::int as active from installation where supplier_id = $1`,
      [supplier],
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ViewerQuery = ok(
        await t.request<ViewerQuery, Vars>(VIEWER, { first: 100, after }, asSupplier(supplier)),
      );
      expect(page.viewer.role).toBe('SUPPLIER');
      expect(page.viewer.supplier?.id).toBe(globalId('Supplier', supplier));
      expect(page.viewer.installations.totalCount).toBe(expected.rows[0].n);
      for (const n of page.viewer.installations.nodes) {
        expect(n.supplier.id).toBe(globalId('Supplier', supplier));
        seen.push(n.id);
      }
      if (!page.viewer.installations.pageInfo.hasNextPage) break;
      after = page.viewer.installations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(expected.rows[0].n);
    expect(new Set(seen).size).toBe(seen.length);

    const active = ok(
      await t.request<ViewerQuery, Vars>(VIEWER, { statuses: ['ACTIVE'] }, asSupplier(supplier)),
    );
    expect(active.viewer.installations.totalCount).toBe(expected.rows[0].active);

    const dmcs = active.viewer.dmcs;
    const byDmc = await db.query<{ n: number }>(
      `select count(*)::int as n from installation i join device_combo c on c.id = i.combo_id
        where i.supplier_id = $1 and c.dmc_id is not null group by c.dmc_id order by 1 desc, c.dmc_id`,
      [supplier],
    );
    expect(dmcs.totalCount).toBe(byDmc.rows.length);
    expect(dmcs.nodes.map((d) => d.installations)).toEqual(byDmc.rows.slice(0, 100).map((r) => r.n));
    for (const d of dmcs.nodes) expect(d.unmigrated).toBeLessThanOrEqual(d.installations);
  });

  it('gives DCC staff every installation and no supplier', async () => {
    const all = await db.query<{ n: number }>(`select count(*)::int as n from installation`);
    const staff = ok(await t.request<ViewerQuery, Vars>(VIEWER, { first: 5 }));
    expect(staff.viewer.role).toBe('DCC_ADMIN');
    expect(staff.viewer.supplier).toBeNull();
    expect(staff.viewer.installations.totalCount).toBe(all.rows[0].n);
  });

  it('refuses a forged cursor and backward paging', async () => {
    const forged = Buffer.from(JSON.stringify(['INSTALLATION', 'x'])).toString('base64');
    const res = await t.request<ViewerQuery, Vars>(VIEWER, { after: forged }, asSupplier(3));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('suppliers', () => {
  type Suppliers = { suppliers: { id: string; name: string }[] };
  it('lists every supplier for DCC staff, only itself for a supplier, and fetches them as nodes', async () => {
    const count = (await db.query<{ n: number }>(`select count(*)::int as n from supplier`)).rows[0].n;
    const staff = ok(await t.request<Suppliers, Record<string, never>>('{ suppliers { id name } }'));
    expect(staff.suppliers).toHaveLength(count);
    const mine = ok(
      await t.request<Suppliers, Record<string, never>>('{ suppliers { id name } }', {}, asSupplier(2)),
    );
    expect(mine.suppliers.map((s) => s.id)).toEqual([globalId('Supplier', 2)]);

    const NODE = 'query($id: ID!) { node(id: $id) { id ... on Supplier { name } } }';
    type NodeQ = { node: { id: string; name?: string } | null };
    const other = globalId('Supplier', 4);
    expect(ok(await t.request<NodeQ, { id: string }>(NODE, { id: other })).node?.id).toBe(other);
    expect(ok(await t.request<NodeQ, { id: string }>(NODE, { id: other }, asSupplier(2))).node).toBeNull();
  });

  it('accepts a supplier global ID (or its number) in the candidates filter', async () => {
    const { rows } = await db.query<{ dmc_id: number }>(
      `select dmc_id from epcl_entry where epcl_id = '002255'`,
    );
    const q = `query($t: ID!, $s: ID!) { upgradeCandidates(targetDmc: $t, filter: { supplierId: $s }) { totalCount } }`;
    type Q = { upgradeCandidates: { totalCount: number } };
    const target = globalId('Dmc', rows[0].dmc_id);
    const byId = ok(
      await t.request<Q, { t: string; s: string }>(q, { t: target, s: globalId('Supplier', 3) }),
    );
    const byNumber = ok(await t.request<Q, { t: string; s: string }>(q, { t: target, s: '3' }));
    expect(byId.upgradeCandidates.totalCount).toBe(byNumber.upgradeCandidates.totalCount);
    const wrong = await t.request<Q, { t: string; s: string }>(q, { t: target, s: target });
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.supplierId',
    });
  });
});

describe('blockedInstallations', () => {
  type Blocked = {
    blockedInstallations: {
      byReason: { code: string; installs: number; devices: number }[];
    };
  };
  type Drill = {
    blockedInstallations: {
      installations: {
        totalCount: number;
        nodes: { id: string; supplier: { id: string }; eligibility: { blockers: { code: string }[] } }[];
      };
    };
  };
  const BY_REASON = `query($cohort: String) { blockedInstallations(filter: { cohort: $cohort }) { byReason { code installs devices } } }`;
  const DRILL = `query($reason: BlockerCode!) { blockedInstallations { installations(reason: $reason, first: 15) {
    totalCount nodes { id supplier { id } eligibility { blockers { code } } } } } }`;

  it('counts every unmigrated or excluded installation that is not eligible, once, by the reason its eligibility gives first', async () => {
    const all = ok(await t.request<Blocked, { cohort?: string }>(BY_REASON, {}));
    const reasons = all.blockedInstallations.byReason;
    expect(reasons.length).toBeGreaterThan(1);
    const { rows } = await db.query<{ blockable: number; eligible: number }>(
      `select count(*)::int as blockable,
              count(*) filter (where i.migration_state = 'UNMIGRATED' and exists (select 1 from device_combo c join epcl_entry e
                 on e.dmc_id = c.dmc_id where c.id = i.combo_id and e.installation_status = i.status and e.state = 'ON_EPCL'))::int as eligible
         from installation i where i.migration_state in ('UNMIGRATED', 'EXCLUDED')`,
    );
    expect(reasons.reduce((sum, r) => sum + r.installs, 0)).toBe(rows[0].blockable - rows[0].eligible);
    for (const r of reasons)
      expect(r.devices).toBeGreaterThanOrEqual(r.code === 'NO_DEVICES' ? 0 : r.installs);

    // The drill-down lists installations whose own eligibility reports that reason first.
    for (const { code, installs } of reasons) {
      const page = ok(await t.request<Drill, { reason: string }>(DRILL, { reason: code }));
      expect(page.blockedInstallations.installations.totalCount).toBe(installs);
      for (const n of page.blockedInstallations.installations.nodes)
        expect(n.eligibility.blockers[0]?.code).toBe(code);
    }
  });

  it('scopes counts and drill-down to a supplier, and refuses a reason it does not classify by', async () => {
    const all = ok(await t.request<Blocked, { cohort?: string }>(BY_REASON, {})).blockedInstallations
      .byReason;
    const mine = ok(await t.request<Blocked, { cohort?: string }>(BY_REASON, {}, asSupplier(3)))
      .blockedInstallations.byReason;
    const total = (rs: { installs: number }[]) => rs.reduce((s, r) => s + r.installs, 0);
    expect(total(mine)).toBeGreaterThan(0);
    expect(total(mine)).toBeLessThan(total(all));
    const page = ok(
      await t.request<Drill, { reason: string }>(DRILL, { reason: mine[0].code }, asSupplier(3)),
    );
    for (const n of page.blockedInstallations.installations.nodes)
      expect(n.supplier.id).toBe(globalId('Supplier', 3));
    const wrong = await t.request<Drill, { reason: string }>(DRILL, { reason: 'NO_UPGRADE_PATH' });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
  });
});
