import path from 'node:path';
import { Client } from 'pg';
import {
  clientFromEnvironment,
  DmcApiError,
  type DmcClient,
} from '../../examples/supplier-client/src/client';
import {
  eligibility,
  myInstallations,
  reportVolumes,
  upgradeTotals,
} from '../../examples/supplier-client/src/planner';
import { bearer } from '../support/credentials';
import { globalId, keyOf, ok, startTestServer, type TestServer } from '../support/server';

/**
 * The worked supplier client (examples/supplier-client) against a real production-mode server configured with
 * its persisted-document manifest: it sends only document ids and its API key, and gets its own supplier's
 * answers. DMC_API_KEY is a real API key of supplier 3 restricted to trusted documents, created in the test
 * database as `dmc keys create --role SUPPLIER --supplier-id 3 --trusted-documents` would.
 */

const MANIFEST = path.join(__dirname, '../../examples/supplier-client/src/gql/persisted-documents.json');
const SUPPLIER = 3;

describe('the supplier client example', () => {
  let t: TestServer;
  let db: Client;
  let client: DmcClient;
  /** The example's key: supplier 3, trusted documents only. */
  let API_KEY: string;
  /** The same supplier with an unrestricted key, to ask the same questions as text. */
  let asSupplier: { authorization: string };
  beforeAll(async () => {
    t = await startTestServer({
      production: true,
      trustedDocuments: [MANIFEST],
      limits: { rateLimit: { windowSeconds: 60, points: { SUPPLIER: 1_000_000 } } },
    });
    API_KEY = (
      await t.createKey({
        role: 'SUPPLIER',
        supplierId: SUPPLIER,
        name: 'supplier client example',
        trustedDocumentsOnly: true,
      })
    ).key;
    asSupplier = bearer((await t.createKey({ role: 'SUPPLIER', supplierId: SUPPLIER, name: 'open' })).key);
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    client = clientFromEnvironment({ DMC_API_URL: t.server.url, DMC_API_KEY: API_KEY });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('needs DMC_API_URL and DMC_API_KEY', () => {
    expect(() => clientFromEnvironment({ DMC_API_URL: t.server.url })).toThrow(/DMC_API_KEY/);
    expect(() => clientFromEnvironment({ DMC_API_KEY: API_KEY })).toThrow(/DMC_API_URL/);
  });

  it("lists the key's own installations", async () => {
    const { rows } = await db.query<{ n: number; first: number }>(
      'select count(*)::int as n, min(id)::int as first from installation where supplier_id = $1',
      [SUPPLIER],
    );
    const viewer = await myInstallations(client, { first: 5 });
    expect(viewer.role).toBe('SUPPLIER');
    expect(viewer.supplier?.id).toBe(globalId('Supplier', SUPPLIER));
    expect(viewer.installations.totalCount).toBe(rows[0].n);
    expect(viewer.installations.nodes).toHaveLength(5);
    expect(keyOf(viewer.installations.nodes[0].id)).toBe(rows[0].first);
    // The rate-limit headers of the response, as the client keeps them.
    expect(client.rateLimit).toMatchObject({ limit: 1_000_000 });
    expect(client.rateLimit!.remaining).toBeLessThan(1_000_000);
  });

  it('totals the upgrade candidates toward the DMC of an EPCL entry, as the API answers the supplier', async () => {
    const answer = await upgradeTotals(client, '002255');
    const { rows } = await db.query<{ id: number }>(
      `select dmc_id as id from epcl_entry where epcl_id = '002255'`,
    );
    expect(answer.entry.dmc.id).toBe(globalId('Dmc', rows[0].id));
    expect(answer.installations).toBeGreaterThan(0);
    expect(answer.totals.installs.total).toBe(answer.installations);
    // The same question sent as text by a supplier 3 viewer gives the same figures.
    const direct = ok(
      await t.request<
        { upgradeCandidates: { totalCount: number; totals: { devices: { total: number } } } },
        { target: string }
      >(
        'query($target: ID!) { upgradeCandidates(targetDmc: $target, first: 1) { totalCount totals { devices { total } } } }',
        { target: answer.entry.dmc.id },
        asSupplier,
      ),
    );
    expect(answer.installations).toBe(direct.upgradeCandidates.totalCount);
    expect(answer.totals.devices.total).toBe(direct.upgradeCandidates.totals.devices.total);
  });

  it('says whether one of its installations is eligible, and why not', async () => {
    const { rows } = await db.query<{ id: number; status: string }>(
      'select id, status from installation where supplier_id = $1 order by id limit 1',
      [SUPPLIER],
    );
    const installation = await eligibility(client, globalId('Installation', rows[0].id));
    expect(installation?.id).toBe(globalId('Installation', rows[0].id));
    expect(installation?.status).toBe(rows[0].status);
    expect(typeof installation?.eligibility.eligible).toBe('boolean');
    if (!installation?.eligibility.eligible)
      expect(installation?.eligibility.blockers.length).toBeGreaterThan(0);
    // Another supplier's installation is not the key's: null, as if it did not exist.
    const { rows: foreign } = await db.query<{ id: number }>(
      'select id from installation where supplier_id <> $1 order by id limit 1',
      [SUPPLIER],
    );
    expect(await eligibility(client, globalId('Installation', foreign[0].id))).toBeNull();
  });

  it("recomputes a report's volumes over the key's installations", async () => {
    const report = await reportVolumes(client, 22);
    expect(report.number).toBe(22);
    expect(report.title).toBe('EPCL Report 22 - DMCT Tranche 44, 46');
    expect(report.volumes.tables.length).toBeGreaterThan(0);
    const direct = ok(
      await t.request<
        {
          epclReport: { volumes: { tables: { totals: { recomputed: { installs: { total: number } } } }[] } };
        },
        Record<string, never>
      >(
        '{ epclReport(number: 22) { volumes { tables { totals { recomputed { installs { total } } } } } } }',
        undefined,
        asSupplier,
      ),
    );
    expect(report.volumes.tables.map((table) => table.totals.recomputed.installs.total)).toEqual(
      direct.epclReport.volumes.tables.map((table) => table.totals.recomputed.installs.total),
    );
  });

  it('is refused any document outside its manifest, and reports the code', async () => {
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      body: JSON.stringify({ query: '{ suppliers { id name } }' }),
    });
    expect(response.status).toBe(400);
    const bogus = { __meta__: { hash: 'sha256:' + '0'.repeat(64) } } as never;
    const error = await client.request(bogus, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmcApiError);
    expect((error as DmcApiError).codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((error as DmcApiError).status).toBe(400);
  });
});
