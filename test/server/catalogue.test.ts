import { Client } from 'pg';
import {
  DeviceModelRestrictionsDocument,
  DmcEntriesDocument,
  DmcsNotOnEpclDocument,
  EntriesBackwardsDocument,
  EpclEntryByEpclIdDocument,
  EquivalentEntriesDocument,
  FirmwareReachDocument,
  NestedEntriesDocument,
  NodesDocument,
  OpenDraftTestReportsDocument,
  PipelineFunnelDocument,
  ReportComplianceDocument,
  TrancheIssuesDocument,
  type EquivalentEntriesQuery,
} from '../generated/graphql';
import { reachable } from '../support/reference';
import { ok, startTestServer, type GraphQLResponse, type TestServer } from '../support/server';

/**
 * The catalogue questions of docs/domain.md §6 against the report 22 scenario. Expected answers come from
 * the seed document where it states them, and otherwise from plain SQL over the same database.
 */
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

const sql = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

it('Q1: answers a DMC’s entries per status, with EPCL ID, basis and date first added', async () => {
  const fingerprint = await sql<{ fingerprint: string }>(
    `select d.fingerprint from dmc d join epcl_entry e on e.dmc_id = d.id where e.epcl_id = '002255'`,
  );
  const data = ok(
    await t.request(DmcEntriesDocument, { cohort: 'MOC_SECURE', fingerprint: fingerprint[0].fingerprint }),
  );
  expect(data.dmc.cohort).toEqual({ code: 'MOC_SECURE', s1spName: 'Secure' });
  expect(data.dmc.entries).toEqual([
    {
      epclId: '002255',
      installationStatus: 'ACTIVE',
      basis: 'TESTED_VIA_DORMANT',
      state: 'PROPOSED',
      dateFirstAdded: null,
    },
    {
      epclId: '002254',
      installationStatus: 'DORMANT',
      basis: 'TESTED',
      state: 'PROPOSED',
      dateFirstAdded: null,
    },
  ]);
  expect(data.dmc.slots.map((s) => [s.deviceType, s.firmwareVersion.deviceModel.modelName])).toEqual([
    ['CHF', 'SKU1 Comms Hub'],
    ['ESME', 'Liberty 110'],
  ]);
  const missing = await t.request(DmcEntriesDocument, { cohort: 'MOC_SECURE', fingerprint: 'CHF:1+ESME:1' });
  expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
});

it('Q3: lists the DMCs of a cohort that are not on the EPCL, with their pipeline position', async () => {
  const [expected] = await sql<{ n: number }>(
    `select count(*)::int as n from dmc d join cohort c on c.id = d.cohort_id where c.code = 'MOC_SECURE'
       and not exists (select 1 from epcl_entry e where e.dmc_id = d.id and e.state = 'ON_EPCL')`,
  );
  const data = ok(await t.request(DmcsNotOnEpclDocument, { cohort: 'MOC_SECURE', first: 100 }));
  expect(data.dmcs.totalCount).toBe(expected.n);
  expect(data.dmcs.nodes).toHaveLength(100);
  for (const dmc of data.dmcs.nodes) expect(dmc.entries.every((e) => e.state !== 'ON_EPCL')).toBe(true);
  const inReport22 = data.dmcs.nodes.filter((d) =>
    d.entries.some((e) => e.reports.some((r) => r.report.number === 22)),
  );
  expect(inReport22.length).toBeGreaterThan(0);
});

it('Q5: lists draft testing reports open to suppliers with their 10-working-day referral window', async () => {
  const drafts = await sql<{ shared: string; n: number }>(
    `select shared_with_suppliers_on::text as shared, count(*)::int as n from test_report
      where kind = 'DMCT_TESTING_REPORT' and state = 'SHARED_WITH_SUPPLIERS' group by 1`,
  );
  const data = ok(await t.request(OpenDraftTestReportsDocument, {}));
  expect(data.testReports.totalCount).toBe(drafts.reduce((sum, d) => sum + d.n, 0));
  for (const report of data.testReports.nodes) {
    // Shared Friday 26 Nov 2021: ten working days later is Friday 10 Dec 2021.
    expect(report.sharedWithSuppliersOn).toBe('2021-11-26');
    expect(report.referralWindowEndsOn).toBe('2021-12-10');
    expect(report.scope[0].installationStatus).toBe('DORMANT');
  }
});

it('Q6: shows every Group 2 entry of report 22 with the tested entry and report it rests on, page by page', async () => {
  const seen: EquivalentEntriesQuery['epclEntries']['edges'] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const page: EquivalentEntriesQuery = ok(
      await t.request(EquivalentEntriesDocument, { reportNumber: 22, first: 100, after }),
    );
    total = page.epclEntries.totalCount;
    seen.push(...page.epclEntries.edges);
    if (!page.epclEntries.pageInfo.hasNextPage) break;
    after = page.epclEntries.pageInfo.endCursor;
  }
  expect(total).toBe(431);
  expect(seen).toHaveLength(431);
  expect(new Set(seen.map((e) => e.node.epclId)).size).toBe(431);
  const ids = seen.map((e) => e.node.epclId!);
  expect([...ids].sort()).toEqual(ids);
  for (const { node } of seen) {
    expect(node.basis).toBe('SUBSTANTIVELY_EQUIVALENT');
    expect(['002254', '002255', '002369', '002370']).toContain(node.basisEntry?.epclId);
    expect(node.dmc.equivalentTo).toHaveLength(1);
    expect(node.dmc.relations[0]).toMatchObject({ kind: 'SUBSTANTIVELY_EQUIVALENT_TO' });
    expect(node.basisEntry!.evidence.map((e) => e.role)).toContain('DORMANT_DMCT_TCR');
  }
  // Every SE entry rests on the tested entry of its own status (Group 1 has none Mixed, so Group 2 has none).
  expect(seen.every((e) => e.node.basisEntry?.installationStatus === e.node.installationStatus)).toBe(true);
  expect(seen.filter((e) => e.node.installationStatus === 'MIXED')).toHaveLength(0);
  const byStatus = (status: string) => seen.filter((e) => e.node.installationStatus === status).length;
  expect([byStatus('ACTIVE'), byStatus('DORMANT')]).toEqual([215, 216]);
});

it('Q7: lists the Secure Liberty 110 ESME restriction', async () => {
  const data = ok(
    await t.request(DeviceModelRestrictionsDocument, {
      manufacturer: 'Secure Meters (UK) Ltd',
      model: 'Liberty 110',
      hardwareVersion: '1.0',
    }),
  );
  expect(data.deviceModel.restrictions).toEqual([
    expect.objectContaining({
      communicationRef: 'REQ000000175511',
      communicatedOn: '2021-03-08',
      cohort: { code: 'MOC_SECURE' },
    }),
  ]);
  expect(data.deviceModel.restrictions[0].restriction).toContain('remote override');
});

it('Q9: counts the pipeline funnel, each count computed without fetching the rows', async () => {
  const counts = Object.fromEntries(
    (
      await sql<{ state: string; n: number }>(`select state, count(*)::int as n from epcl_entry group by 1`)
    ).map((r) => [r.state, r.n]),
  );
  const res = await t.request(PipelineFunnelDocument, {});
  const data = ok(res);
  expect(data.proposed.totalCount).toBe(435);
  expect(data.onEpcl.totalCount).toBe(2199);
  expect(data.candidate.totalCount).toBe(counts.CANDIDATE ?? 0);
  expect(data.inTest.totalCount).toBe((counts.IN_TEST ?? 0) + (counts.TEST_REPORT_DRAFT ?? 0));
  expect(data.excluded.totalCount).toBe(counts.EXCLUDED_FROM_SCHEDULE ?? 0);
  expect(data.onSchedule.totalCount).toBe(counts.ON_DMCT_SCHEDULE ?? 0);
});

it('Q11: lists the open issues of tranches 44 and 46: 4 advised to TAG, 1 not counted with its rationale', async () => {
  const data = ok(await t.request(TrancheIssuesDocument, { tranches: [44, 46] }));
  expect(data.testingIssues.totalCount).toBe(4);
  expect(data.testingIssues.nodes.every((i) => i.tagAdvisedOn === '2021-11-17')).toBe(true);
  const notCounted = data.testingIssues.nodes.filter((i) => !i.countsAgainstThreshold);
  expect(notCounted).toHaveLength(1);
  expect(notCounted[0].notCountedRationale).toMatch(/legacy head-end/);
  expect(data.testingIssues.nodes.map((i) => i.severity)).toEqual([3, 3, 4, 4]);
  expect(data.testingIssueThresholds).toHaveLength(5);
});

it('Q14: gives report 22’s Clause 20 evidence, criteria, published figures and issues', async () => {
  const data = ok(await t.request(ReportComplianceDocument, { number: 22 }));
  const r = data.epclReport;
  expect(r).toMatchObject({
    sscConfirmedOn: '2021-11-10',
    listsPublishedOn: '2021-11-29',
    objectionDeadline: '2021-12-10',
  });
  expect(r.publishedUpgradeableInstalls).toMatchObject({ value: 66000, asOf: '2021-11-30' });
  expect(r.criteria.map((c) => c.rag)).toEqual(['G', 'G', 'G', 'NA', 'G', 'G', 'G', 'G', 'G', 'G']);
  expect(r.criteria[9].title).toBe(
    'Completion of relevant security testing and approval of security architecture',
  );
  const byClause = Object.fromEntries(r.clauseEvidence.map((c) => [c.clause, c]));
  expect(byClause['20.34']).toMatchObject({ section: 'GROUP_1_TESTED', evidenceDate: '2021-11-02' });
  expect(byClause['20.30']).toMatchObject({ evidenceCount: 4 });
  expect(r.publishedVolumes).toHaveLength(18);
  expect(r.publishedVolumes.every((v) => v.installs === 0 && v.devices === 0)).toBe(true);
  expect(r.testingIssues.filter((i) => i.status === 'OPEN')).toHaveLength(4);
});

it('navigates firmware to every upgrade target reachable in one or more hops, and back', async () => {
  const [first] = await sql<{ id: number }>(
    `select f.id from firmware_version f join device_model m on m.id = f.device_model_id
      where m.model_name = 'Liberty 110' and m.hardware_version = '1.0' order by f.id limit 1`,
  );
  const paths = (
    await sql<{ from: number; to: number; cohort_id: number | null }>(
      `select from_firmware_id as "from", to_firmware_id as "to", cohort_id from firmware_upgrade_path where ota_supported`,
    )
  ).map((p) => ({ from: p.from, to: p.to, cohortId: p.cohort_id }));
  const id = Buffer.from(`FirmwareVersion:${first.id}`).toString('base64');
  const data = ok(await t.request(FirmwareReachDocument, { id }));
  const node = data.node as Extract<typeof data.node, { __typename: 'FirmwareVersion' }>;
  expect(node.__typename).toBe('FirmwareVersion');
  const expected = reachable(paths, 2, first.id);
  const reached = node.reachableUpgrades.map((r) =>
    Number(Buffer.from(r.firmwareVersion.id, 'base64').toString().split(':')[1]),
  );
  expect(new Set(reached)).toEqual(expected);
  expect(reached.length).toBe(7); // the rest of an 8-version chain; the orphan line is not reachable
  expect(node.reachableUpgrades[0].hops).toBe(1);
  expect(Math.max(...node.reachableUpgrades.map((r) => r.hops))).toBeLessThan(7); // skip edges shorten the chain
  expect(node.reachableFrom).toEqual([]);
  expect(node.upgradesTo.length).toBeGreaterThanOrEqual(1);
});

describe('batched loading', () => {
  const statements = (r: GraphQLResponse<unknown>) =>
    (r as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements;
  const nested = (first: number) =>
    // The engine's own statements: `no-store` bypasses the response cache (and its catalogue_version read).
    t.request(NestedEntriesDocument, { first }, { 'x-sql-statements': 'true', 'cache-control': 'no-store' });

  it('issues the same, small number of SQL statements for page sizes 10 and 100', async () => {
    // Catalogue unchanged since the last count: one statement (the page; the count is reused).
    await nested(10);
    const [ten, hundred] = [await nested(10), await nested(100)];
    expect(ok(ten).epclEntries.nodes).toHaveLength(10);
    expect(ok(hundred).epclEntries.nodes).toHaveLength(100);
    expect(statements(ten)).toBe(1);
    expect(statements(hundred)).toBe(1);
    // After a catalogue write, the count is taken again: two statements, whatever the page size.
    await db.query(`update epcl_entry set state_changed_at = state_changed_at where epcl_id = '000001'`);
    const tenCold = await nested(10);
    await db.query(`update epcl_entry set state_changed_at = state_changed_at where epcl_id = '000001'`);
    const hundredCold = await nested(100);
    expect(statements(tenCold)).toBe(2);
    expect(statements(hundredCold)).toBe(2);
    // …and every entry really carries its four levels.
    const slots = ok(hundred).epclEntries.nodes.flatMap((n) => n.dmc.slots);
    expect(slots.length).toBeGreaterThan(200);
    expect(slots.every((s) => s.firmwareVersion.deviceModel.manufacturer.name.length > 0)).toBe(true);
  });

  it('never reuses a count across a catalogue change', async () => {
    const before = ok(await nested(1)).epclEntries.totalCount;
    expect(ok(await nested(1)).epclEntries.totalCount).toBe(before);
    await db.query('begin');
    await db.query(`update epcl_entry set state = 'REMOVED' where epcl_id = '000002'`);
    // Not committed: readers still see the old count.
    expect(ok(await nested(1)).epclEntries.totalCount).toBe(before);
    await db.query('commit');
    expect(ok(await nested(1)).epclEntries.totalCount).toBe(before - 1);
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from epcl_entry where state = 'ON_EPCL'`,
    );
    expect(before - 1).toBe(n);
  });
});

describe('Relay conventions', () => {
  it('fetches mixed objects by global ID, in order, with null for IDs that no longer exist', async () => {
    const entry = ok(await t.request(EpclEntryByEpclIdDocument, { epclId: '002370' }));
    const [{ id: reportId }] = await sql<{ id: number }>(`select id from epcl_report where number = 22`);
    const ids = [
      Buffer.from('EpclReport:' + reportId).toString('base64'),
      Buffer.from('EpclEntry:999999').toString('base64'),
    ];
    const lookup = ok(await t.request(NodesDocument, { ids }));
    expect(lookup.nodes).toEqual([{ id: ids[0], __typename: 'EpclReport', number: 22 }, null]);
    expect(entry.epclEntry.epclId).toBe('002370');
  });

  it('refuses malformed IDs and IDs of types it does not serve', async () => {
    const bad = await t.request(NodesDocument, { ids: ['not-an-id!'] });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toContain('must be a global ID returned by this API');
    const foreign = await t.request(NodesDocument, { ids: [Buffer.from('Secret:1').toString('base64')] });
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('pages backwards with last/before', async () => {
    const lastPage = ok(await t.request(EntriesBackwardsDocument, { last: 5 }));
    const all = (
      await sql<{ epcl_id: string }>(
        `select e.epcl_id from epcl_entry e join epcl_report_entry re on re.entry_id = e.id join epcl_report r on r.id = re.report_id
        where r.number = 22 order by e.epcl_id`,
      )
    ).map((r) => r.epcl_id);
    expect(lastPage.epclEntries.nodes.map((n) => n.epclId)).toEqual(all.slice(-5));
    expect(lastPage.epclEntries.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const previous = ok(
      await t.request(EntriesBackwardsDocument, {
        last: 5,
        before: lastPage.epclEntries.pageInfo.startCursor,
      }),
    );
    expect(previous.epclEntries.nodes.map((n) => n.epclId)).toEqual(all.slice(-10, -5));
    expect(previous.epclEntries.pageInfo.hasNextPage).toBe(true);
  });

  it('keeps aliases of one field with different arguments apart', async () => {
    const res = ok(
      await t.request<
        { a: { nodes: { epclId: string }[] }; b: { nodes: { epclId: string }[]; totalCount: number } },
        Record<string, never>
      >(
        '{ a: epclEntries(first: 2, orderBy: [EPCL_ID_ASC]) { nodes { epclId } } b: epclEntries(first: 3, orderBy: [EPCL_ID_DESC], filter: { reportNumber: 22 }) { totalCount nodes { epclId } } }',
      ),
    );
    expect(res.a.nodes.map((n) => n.epclId)).toEqual(['000001', '000002']);
    expect(res.b.nodes).toHaveLength(3);
    expect(res.b.totalCount).toBe(435);
  });

  it('refuses first and last together, and page sizes out of range, with stable codes', async () => {
    const both = await t.request('{ epclEntries(first: 2, last: 2) { totalCount } }');
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'last' } });
    const tooMany = await t.request('{ dmcs(first: 101) { totalCount } }');
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'Argument "first" must be an integer from 1 to 100; received 101',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers a body that is not JSON with a JSON 400', async () => {
    const res = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/^The request body is not valid JSON/);
  });
});
