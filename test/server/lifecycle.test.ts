import { Client } from 'pg';
import {
  EntryLifecycleDocument,
  EntryStatesDocument,
  SeedProvenanceDocument,
  EntryStatesAsOfDocument,
  EpclListAsOfDocument,
  ReportAsOfDocument,
  DmcEntriesAsOfDocument,
  AddEntriesToEpclReportDocument,
  CreateEpclReportDocument,
  ProposeEpclEntryDocument,
  PublishEpclListVersionDocument,
  PublishEpclReportDocument,
  RecordSscDecisionDocument,
  SubmitEpclReportToSscDocument,
  RecordObjectionDocument,
  RecordSecretaryOfStateDecisionDocument,
  RemoveEpclEntryDocument,
  ReportLifecycleDocument,
  WithdrawEpclEntryDocument,
} from '../generated/graphql';
import { closeDueObjectionWindows, londonToday } from '../../src/modules/epcl/lifecycle.service';
import { LifecycleScheduler, SCHEDULER_LOCK_KEY } from '../../src/modules/epcl/lifecycle.scheduler';
import { silentLogger } from '../../src/core/logger';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/*
 * The EPCL process through the API only (issue 8): the scheduler closes report 22's objection window at
 * start-up, the Secretary of State's decision approves its 435 entries, a list version puts them on the
 * EPCL; history and time travel answer with the dates of the process, not of the load.
 */

const SUPPLIER = { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '1' };
const errorsOf = (res: { userErrors: { code: string; field: string[] | null }[] }) =>
  res.userErrors.map((e) => ({ code: e.code, field: e.field }));

async function connect(url: string): Promise<Client> {
  const db = new Client({ connectionString: url });
  await db.connect();
  return db;
}

describe('report 22 from where the seed leaves it to the EPCL', () => {
  let t: TestServer;
  let db: Client;
  beforeAll(async () => {
    t = await startTestServer();
    db = await connect(t.databaseUrl);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const report22 = async () => ok(await t.request(ReportLifecycleDocument, { number: 22 })).epclReport;
  const entry = async (epclId: string, asOf?: string) =>
    ok(await t.request(EntryLifecycleDocument, { epclId, asOf })).epclEntry;
  const count = async (states: ('PROPOSED' | 'APPROVED' | 'ON_EPCL')[]) =>
    ok(await t.request(EntryStatesDocument, { reportNumber: 22, states })).epclEntries.totalCount;
  const decide = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      RecordSecretaryOfStateDecisionDocument,
      { input: { reportNumber: 22, decision: 'APPROVED', decidedOn: '2021-12-15', ...input } as never },
      headers,
    );
  const publish = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      PublishEpclListVersionDocument,
      { input: { version: 'EPCL v1.23', publishedOn: '2021-12-17', ...input } as never },
      headers,
    );

  it('1. the scheduler closed the objection window at start-up, effective on the deadline', async () => {
    const report = await report22();
    expect(report.state).toBe('AWAITING_SOS');
    expect(report.objectionDeadline).toBe('2021-12-10');
    expect(report.rowVersion).toBe(3); // two updates since the seed (README's example relies on it)
    // The seeded history (dates stated by the seed document or assumed, and saying which), then the scheduler's.
    expect(report.history.nodes.map((h) => [h.toState, h.effectiveOn, h.actor])).toEqual([
      ['DRAFTING', '2021-11-02', 'seed'],
      ['SSC_REVIEW', '2021-11-10', 'seed'],
      ['SSC_CONFIRMED', '2021-11-10', 'seed'],
      ['PUBLISHED', '2021-12-03', 'seed'],
      ['OBJECTION_WINDOW_OPEN', '2021-12-03', 'seed'],
      ['OBJECTION_WINDOW_CLOSED', '2021-12-10', 'scheduler'],
      ['AWAITING_SOS', '2021-12-10', 'scheduler'],
    ]);
    expect(report.history.nodes[2].reason).toBe('STATED: SSC confirmed offline on 10 November 2021');
    expect(report.history.nodes[3].reason).toMatch(/^ASSUMED: /);
    expect(report.history.nodes.filter((h) => h.actor !== 'seed')).toEqual([
      expect.objectContaining({
        aggregate: 'EPCL_REPORT',
        fromState: 'OBJECTION_WINDOW_OPEN',
        toState: 'OBJECTION_WINDOW_CLOSED',
        effectiveOn: '2021-12-10',
        actor: 'scheduler',
        report: { number: 22 },
      }),
      expect.objectContaining({
        fromState: 'OBJECTION_WINDOW_CLOSED',
        toState: 'AWAITING_SOS',
        effectiveOn: '2021-12-10',
        actor: 'scheduler',
      }),
    ]);
    expect(await count(['PROPOSED'])).toBe(435);
  });

  it('tells stated, assumed and synthetic values of seeded objects apart, per field', async () => {
    const res = ok(await t.request(SeedProvenanceDocument, { number: 22, epclId: '002255' }));
    const source = (list: { field: string; source: string }[], field: string) =>
      list.find((p) => p.field === field)?.source;
    expect(source(res.epclReport.provenance, 'sscConfirmedOn')).toBe('STATED');
    expect(source(res.epclReport.provenance, 'secasNotifiedOn')).toBe('ASSUMED');
    expect(source(res.epclReport.provenance, 'publishedOn')).toBe('ASSUMED');
    expect(res.synthetic.provenance.every((p) => p.source === 'SYNTHETIC')).toBe(true);
    expect(res.synthetic.provenance.length).toBeGreaterThan(5);
    expect(source(res.epclEntry.provenance, 'epclId')).toBe('STATED');
    expect(source(res.epclEntry.provenance, 'dmc')).toBe('SYNTHETIC');
    const [testReport] = res.testReports.nodes;
    expect(source(testReport.provenance, 'draftIssuedOn')).toBe('STATED');
    expect(source(testReport.provenance, 'sharedWithSuppliersOn')).toBe('ASSUMED');
    expect(source(testReport.provenance, 'title')).toBe('SYNTHETIC');
    expect(testReport.history.nodes.map((h) => [h.toState, h.effectiveOn])).toEqual([
      ['DRAFT', '2021-11-02'],
      ['SHARED_WITH_SUPPLIERS', '2021-11-02'],
      ['TAG_REVIEWED', '2021-11-17'],
      ['FINAL', '2021-11-18'],
    ]);
    expect(testReport.history.nodes[0].reason).toMatch(/^STATED: /);
  });

  it.each([
    ['a decision date in the future', { decidedOn: '2999-01-01' }, ['input', 'decidedOn']],
    ['a decision before the deadline has passed', { decidedOn: '2021-12-10' }, ['input', 'decidedOn']],
    [
      'PARTIALLY_APPROVED without the approved entries',
      { decision: 'PARTIALLY_APPROVED' },
      ['input', 'approvedEpclIds'],
    ],
    [
      'a malformed EPCL ID',
      { decision: 'PARTIALLY_APPROVED', approvedEpclIds: ['2255'] },
      ['input', 'approvedEpclIds', '0'],
    ],
    [
      'an entry not in the report',
      { decision: 'PARTIALLY_APPROVED', approvedEpclIds: ['002255', '000001'] },
      ['input', 'approvedEpclIds', '1'],
    ],
    [
      'REJECTED with approved entries',
      { decision: 'REJECTED', approvedEpclIds: ['002255'] },
      ['input', 'approvedEpclIds'],
    ],
    ['APPROVED listing only some entries', { approvedEpclIds: ['002255'] }, ['input', 'approvedEpclIds']],
  ])('a decision with %s is INVALID_INPUT and writes nothing', async (_what, input, field) => {
    const res = ok(await decide(input)).recordSecretaryOfStateDecision;
    expect(res.report).toBeNull();
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
    expect((await report22()).state).toBe('AWAITING_SOS');
    expect(await count(['PROPOSED'])).toBe(435);
  });

  it('refuses a decision on a report that does not exist, a stale version, and suppliers', async () => {
    const missing = ok(await decide({ reportNumber: 999 })).recordSecretaryOfStateDecision;
    expect(errorsOf(missing)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'reportNumber'] }]);

    const { rowVersion } = await report22();
    const stale = ok(await decide({ expectedVersion: rowVersion - 1 })).recordSecretaryOfStateDecision;
    expect(errorsOf(stale)).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);

    const supplier = await decide({}, SUPPLIER);
    expect(supplier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await report22()).rowVersion).toBe(rowVersion);
  });

  it('refuses to publish a list version with nothing approved', async () => {
    const res = ok(await publish({})).publishEpclListVersion;
    expect(errorsOf(res)).toEqual([{ code: 'NOTHING_TO_PUBLISH', field: ['input', 'version'] }]);
  });

  it('2. the Secretary of State approves all 435 entries on 15 December 2021', async () => {
    const { rowVersion } = await report22();
    const res = ok(await decide({ expectedVersion: rowVersion })).recordSecretaryOfStateDecision;
    expect(res.userErrors).toEqual([]);
    expect(res.report).toEqual({
      number: 22,
      state: 'APPROVED',
      sosDecision: 'APPROVED',
      sosDecidedOn: '2021-12-15',
      rowVersion: rowVersion + 1,
    });
    expect(await count(['APPROVED'])).toBe(435);
    expect((await report22()).history.nodes.at(-1)).toMatchObject({
      fromState: 'AWAITING_SOS',
      toState: 'APPROVED',
      effectiveOn: '2021-12-15',
      actor: 'DCC_ADMIN',
    });
  });

  it('refuses a second decision on a decided report: INVALID_STATE_TRANSITION', async () => {
    const res = ok(await decide({ decision: 'REJECTED' })).recordSecretaryOfStateDecision;
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
    expect(await count(['APPROVED'])).toBe(435);
  });

  it.each([
    ['a blank version', { version: '  ' }, ['input', 'version']],
    ['a publication date in the future', { publishedOn: '2999-01-01' }, ['input', 'publishedOn']],
    ['a publication before the approval', { publishedOn: '2021-12-14' }, ['input', 'publishedOn']],
  ])('publishing with %s is INVALID_INPUT and writes nothing', async (_what, input, field) => {
    const res = ok(await publish(input)).publishEpclListVersion;
    expect(res.listVersion).toBeNull();
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
    expect(await count(['APPROVED'])).toBe(435);
  });

  it('publishing is for DCC staff only', async () => {
    const res = await publish({}, SUPPLIER);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count(['APPROVED'])).toBe(435);
  });

  it('3. a list version published on 17 December 2021 puts them on the EPCL', async () => {
    const res = ok(await publish({})).publishEpclListVersion;
    expect(res.userErrors).toEqual([]);
    expect(res.listVersion).toEqual({
      version: 'EPCL v1.23',
      publishedOn: '2021-12-17',
      entriesAdded: 435,
      actor: 'DCC_ADMIN',
    });
    expect(await count(['ON_EPCL'])).toBe(435);
  });

  it('4. 002255 is ON_EPCL since 2021-12-17, was PROPOSED on 2021-12-01, and its history says how', async () => {
    const now = await entry('002255');
    expect(now).toMatchObject({ state: 'ON_EPCL', dateFirstAdded: '2021-12-17' });
    expect(now.stateChangedAt.slice(0, 10)).toBe('2021-12-17');
    expect(await entry('002255', '2021-12-01')).toMatchObject({ state: 'PROPOSED', dateFirstAdded: null });
    expect(await entry('002255', '2021-12-15')).toMatchObject({ state: 'APPROVED', dateFirstAdded: null });
    expect(await entry('002255', '2021-12-17')).toMatchObject({
      state: 'ON_EPCL',
      dateFirstAdded: '2021-12-17',
    });
    expect(await entry('002255', '2021-11-01')).toMatchObject({ state: 'CANDIDATE' }); // before its proposal
    expect(now.history.nodes[0]).toMatchObject({
      fromState: 'CANDIDATE',
      toState: 'PROPOSED',
      effectiveOn: '2021-11-02',
      actor: 'seed',
      reason: 'ASSUMED: proposed with the drafting of EPCL report 22',
    });
    expect(now.history.nodes.slice(1)).toEqual([
      expect.objectContaining({
        aggregate: 'EPCL_ENTRY',
        fromState: 'PROPOSED',
        toState: 'APPROVED',
        effectiveOn: '2021-12-15',
        actor: 'DCC_ADMIN',
        reason: 'Secretary of State decision on EPCL report 22: APPROVED',
        report: { number: 22 },
      }),
      expect.objectContaining({
        fromState: 'APPROVED',
        toState: 'ON_EPCL',
        effectiveOn: '2021-12-17',
        reason: 'EPCL list version EPCL v1.23 published',
        report: { number: 22 },
      }),
    ]);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from state_change where aggregate = 'EPCL_ENTRY' and actor <> 'seed'`,
    );
    expect(rows[0].n).toBe(2 * 435);
  });

  it('5. time travel: entries, the report, a DMC’s entries and the EPCL as of a date', async () => {
    const asOf = async (states: ('PROPOSED' | 'APPROVED' | 'ON_EPCL')[], date: string) =>
      ok(await t.request(EntryStatesAsOfDocument, { reportNumber: 22, states, asOf: date })).epclEntries
        .totalCount;
    expect(await asOf(['PROPOSED'], '2021-12-01')).toBe(435);
    expect(await asOf(['ON_EPCL'], '2021-12-01')).toBe(0);
    expect(await asOf(['APPROVED'], '2021-12-16')).toBe(435);
    expect(await asOf(['ON_EPCL'], '2021-12-17')).toBe(435);

    const report = async (date?: string) =>
      ok(await t.request(ReportAsOfDocument, { number: 22, asOf: date })).epclReport;
    expect(await report('2021-12-12')).toEqual({
      number: 22,
      state: 'AWAITING_SOS',
      sosDecision: null,
      sosDecidedOn: null,
    });
    expect(await report('2021-12-15')).toMatchObject({ state: 'APPROVED', sosDecidedOn: '2021-12-15' });

    const dmcEntries = ok(await t.request(DmcEntriesAsOfDocument, { epclId: '002255', asOf: '2021-12-01' }))
      .epclEntry.dmc.entries;
    expect(dmcEntries.find((e) => e.epclId === '002255')).toEqual({
      epclId: '002255',
      state: 'PROPOSED',
      dateFirstAdded: null,
    });

    const list = async (date: string) => {
      const ids = new Map<string, { version: string; publishedOn: string } | null | undefined>();
      let after: string | null | undefined;
      for (;;) {
        const page = ok(await t.request(EpclListAsOfDocument, { asOf: date, first: 100, after })).epclList;
        for (const n of page.nodes) {
          expect(n.state).toBe('ON_EPCL');
          ids.set(n.epclId!, n.listVersion);
        }
        if (!page.pageInfo.hasNextPage) return { ids, total: page.totalCount };
        after = page.pageInfo.endCursor;
      }
    };
    const before = await list('2021-12-16');
    const after = await list('2021-12-17');
    expect(before.ids.has('002255')).toBe(false);
    expect(after.total - before.total).toBe(435);
    expect(after.ids.get('002255')).toEqual({ version: 'EPCL v1.23', publishedOn: '2021-12-17' });
  });

  it('removes an entry from the EPCL, keeping its date first added; stale and repeated removals are refused', async () => {
    const { rowVersion } = await entry('002370');
    const input = { epclId: '002370', removedOn: '2022-03-01', reason: 'Security issue in ESME firmware' };
    const stale = ok(
      await t.request(RemoveEpclEntryDocument, { input: { ...input, expectedVersion: rowVersion + 7 } }),
    );
    expect(errorsOf(stale.removeEpclEntry)).toEqual([
      { code: 'STALE_VERSION', field: ['input', 'expectedVersion'] },
    ]);

    const removed = ok(
      await t.request(RemoveEpclEntryDocument, { input: { ...input, expectedVersion: rowVersion } }),
    );
    expect(removed.removeEpclEntry.userErrors).toEqual([]);
    expect(removed.removeEpclEntry.entry).toEqual({
      epclId: '002370',
      state: 'REMOVED',
      dateFirstAdded: '2021-12-17',
      rowVersion: rowVersion + 1,
    });
    expect(await entry('002370', '2022-02-28')).toMatchObject({ state: 'ON_EPCL' });
    expect((await entry('002370')).history.nodes.at(-1)).toMatchObject({
      fromState: 'ON_EPCL',
      toState: 'REMOVED',
      effectiveOn: '2022-03-01',
      reason: 'Security issue in ESME firmware',
    });

    const again = ok(
      await t.request(RemoveEpclEntryDocument, { input: { ...input, expectedVersion: rowVersion + 1 } }),
    );
    expect(errorsOf(again.removeEpclEntry)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
  });
});

describe('withdrawing an entry', () => {
  let t: TestServer;
  let db: Client;
  let seEntries: string[];
  beforeAll(async () => {
    t = await startTestServer();
    db = await connect(t.databaseUrl);
    const { rows } = await db.query<{ epcl_id: string }>(
      `select e.epcl_id from epcl_entry e join epcl_report_entry re on re.entry_id = e.id
        join epcl_report r on r.id = re.report_id
        where r.number = 22 and re.report_group = 'GROUP_2_SE' order by e.epcl_id limit 3`,
    );
    seEntries = rows.map((r) => r.epcl_id);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const version = async (epclId: string) =>
    ok(await t.request(EntryLifecycleDocument, { epclId })).epclEntry.rowVersion;
  const withdraw = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      WithdrawEpclEntryDocument,
      {
        input: {
          epclId: seEntries[0],
          withdrawnOn: '2021-12-06',
          reason: 'Supplier no longer enrolls this combination',
          expectedVersion: 1,
          ...input,
        } as never,
      },
      headers,
    );

  it.each([
    ['a malformed EPCL ID', { epclId: '12' }, ['input', 'epclId']],
    ['a blank reason', { reason: ' ' }, ['input', 'reason']],
    ['a date in the future', { withdrawnOn: '2999-12-31' }, ['input', 'withdrawnOn']],
  ])('refuses %s with INVALID_INPUT', async (_what, input, field) => {
    const res = ok(await withdraw(input)).withdrawEpclEntry;
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
  });

  it('answers NOT_FOUND for an unknown entry and FORBIDDEN for a supplier', async () => {
    const res = ok(await withdraw({ epclId: '999999' })).withdrawEpclEntry;
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'epclId'] }]);
    const supplier = await withdraw({}, SUPPLIER);
    expect(supplier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('withdraws a proposed entry with its history; withdrawing again is an illegal transition', async () => {
    const v = await version(seEntries[0]);
    const res = ok(await withdraw({ expectedVersion: v })).withdrawEpclEntry;
    expect(res.userErrors).toEqual([]);
    expect(res.entry).toEqual({ epclId: seEntries[0], state: 'WITHDRAWN', rowVersion: v + 1 });
    const history = ok(await t.request(EntryLifecycleDocument, { epclId: seEntries[0] })).epclEntry.history
      .nodes;
    expect(history.map((h) => [h.toState, h.actor])).toEqual([
      ['PROPOSED', 'seed'],
      ['WITHDRAWN', 'DCC_ADMIN'],
    ]);
    expect(history.slice(1)).toEqual([
      expect.objectContaining({
        fromState: 'PROPOSED',
        toState: 'WITHDRAWN',
        effectiveOn: '2021-12-06',
        reason: 'Supplier no longer enrolls this combination',
        report: null,
      }),
    ]);
    const again = ok(await withdraw({ expectedVersion: v + 1 })).withdrawEpclEntry;
    expect(errorsOf(again)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
  });

  it('of 50 concurrent withdrawals of one entry at one version, exactly one wins and the history has one row', async () => {
    const epclId = seEntries[1];
    const v = await version(epclId);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        withdraw({ epclId, expectedVersion: v, reason: `withdrawal ${i}` }).then(
          (r) => ok(r).withdrawEpclEntry,
        ),
      ),
    );
    const winners = results.filter((r) => r.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'STALE_VERSION')).toHaveLength(49);
    const { rows } = await db.query(
      `select h.from_state, h.to_state, h.reason from state_change h join epcl_entry e on e.id = h.entry_id
        where e.epcl_id = $1 and h.actor <> 'seed'`,
      [epclId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ from_state: 'PROPOSED', to_state: 'WITHDRAWN' });
    expect(await version(epclId)).toBe(v + 1);
  });

  it('a withdrawn entry is left out of an APPROVED decision, and the report history stays complete', async () => {
    const res = ok(
      await t.request(RecordSecretaryOfStateDecisionDocument, {
        input: { reportNumber: 22, decision: 'APPROVED', decidedOn: '2021-12-15' },
      }),
    ).recordSecretaryOfStateDecision;
    expect(res.userErrors).toEqual([]);
    const states = await db.query<{ state: string; n: number }>(
      `select e.state, count(*)::int as n from epcl_entry e join epcl_report_entry re on re.entry_id = e.id
        join epcl_report r on r.id = re.report_id where r.number = 22 group by e.state order by e.state`,
    );
    expect(states.rows).toEqual([
      { state: 'APPROVED', n: 433 },
      { state: 'WITHDRAWN', n: 2 },
    ]);
  });
});

describe('the scheduler', () => {
  let t: TestServer;
  let db: Client;
  beforeAll(async () => {
    t = await startTestServer();
    db = await connect(t.databaseUrl);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** A report whose objection window is open, with SECAS notified on the given date. */
  const openReport = async (number: number, secasNotifiedOn: string) => {
    const { rows } = await db.query<{ deadline: string }>(
      `insert into epcl_report (number, title, state, secas_notified_on, synthetic)
       values ($1, 'Scheduler test', 'OBJECTION_WINDOW_OPEN', $2, true) returning objection_deadline::text as deadline`,
      [number, secasNotifiedOn],
    );
    return rows[0].deadline;
  };
  const stateOf = async (number: number) =>
    (await db.query<{ state: string }>('select state from epcl_report where number = $1', [number])).rows[0]
      .state;

  it('closes a window only once its deadline day has ended, effective on the deadline', async () => {
    const deadline = await openReport(901, '2022-01-04'); // 5 working days later: 2022-01-11
    expect(deadline).toBe('2022-01-11');
    expect(await closeDueObjectionWindows(t.orm.em.fork(), '2022-01-11')).toEqual([]);
    expect(await stateOf(901)).toBe('OBJECTION_WINDOW_OPEN');
    expect(await closeDueObjectionWindows(t.orm.em.fork(), '2022-01-12')).toEqual([901]);
    expect(await stateOf(901)).toBe('AWAITING_SOS');
    const { rows } = await db.query(
      `select h.to_state, h.effective_on::text as effective_on, h.actor from state_change h
        join epcl_report r on r.id = h.report_id where r.number = 901 and h.aggregate = 'EPCL_REPORT' order by h.id`,
    );
    expect(rows).toEqual([
      { to_state: 'OBJECTION_WINDOW_CLOSED', effective_on: '2022-01-11', actor: 'scheduler' },
      { to_state: 'AWAITING_SOS', effective_on: '2022-01-11', actor: 'scheduler' },
    ]);
  });

  it('runs under an advisory lock: while another instance holds it, a run does nothing', async () => {
    const scheduler = new LifecycleScheduler({ orm: t.orm, log: silentLogger });
    try {
      await openReport(902, '2022-02-01');
      await db.query('select pg_advisory_lock($1)', [SCHEDULER_LOCK_KEY]); // another instance's run
      expect(await scheduler.tick()).toBeNull();
      expect(await stateOf(902)).toBe('OBJECTION_WINDOW_OPEN');

      await db.query('select pg_advisory_unlock($1)', [SCHEDULER_LOCK_KEY]);
      expect(await scheduler.tick()).toEqual([902]);
      expect(await stateOf(902)).toBe('AWAITING_SOS');
      expect(await scheduler.tick()).toEqual([]); // nothing applied twice
    } finally {
      await scheduler.stop();
    }
  });
});

describe('objections', () => {
  let t: TestServer;
  let db: Client;
  let supplierId: number;
  beforeAll(async () => {
    t = await startTestServer();
    db = await connect(t.databaseUrl);
    supplierId = (await db.query<{ id: number }>('select id from supplier order by id limit 1')).rows[0].id;
    // Inserted after the server's first scheduler run: 903's window is open until a future deadline, 904's
    // deadline has passed but no run has closed it yet.
    await db.query(
      `insert into epcl_report (number, title, state, secas_notified_on, synthetic) values
        (903, 'Objection test', 'OBJECTION_WINDOW_OPEN', $1, true),
        (904, 'Objection test', 'OBJECTION_WINDOW_OPEN', '2022-03-01', true)`,
      [londonToday()],
    );
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const object = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      RecordObjectionDocument,
      {
        input: {
          reportNumber: 903,
          supplierId,
          receivedOn: londonToday(),
          grounds: 'The SE rationale does not cover the PPMID firmware',
          ...input,
        } as never,
      },
      headers,
    );
  const objections = async () =>
    (await db.query<{ n: number }>('select count(*)::int as n from epcl_objection')).rows[0].n;

  it('records an objection received within the window', async () => {
    const res = ok(await object({})).recordObjection;
    expect(res.userErrors).toEqual([]);
    expect(res.report?.objections).toEqual([
      expect.objectContaining({
        supplierId,
        receivedOn: londonToday(),
        grounds: 'The SE rationale does not cover the PPMID firmware',
        actor: 'DCC_ADMIN',
      }),
    ]);
    expect(res.report?.objections[0].supplierName.length).toBeGreaterThan(0);
  });

  it.each([
    ['blank grounds', { grounds: '  ' }, 'INVALID_INPUT', ['input', 'grounds']],
    ['a date in the future', { receivedOn: '2999-01-01' }, 'INVALID_INPUT', ['input', 'receivedOn']],
    ['an unknown supplier', { supplierId: 999999 }, 'NOT_FOUND', ['input', 'supplierId']],
    ['an unknown report', { reportNumber: 999 }, 'NOT_FOUND', ['input', 'reportNumber']],
    [
      'a date after the deadline',
      { reportNumber: 904, receivedOn: '2022-03-09' },
      'OBJECTION_WINDOW_CLOSED',
      ['input', 'receivedOn'],
    ],
    [
      'a report whose window has closed',
      { reportNumber: 22, receivedOn: '2021-12-08' },
      'OBJECTION_WINDOW_CLOSED',
      null,
    ],
    // Not checked by the service: the database's rule answers (received before the SECAS notification).
    [
      'a date before the window opened',
      { reportNumber: 904, receivedOn: '2022-02-28' },
      'OBJECTION_WINDOW_CLOSED',
      null,
    ],
  ])('refuses %s and writes nothing', async (_what, input, code, field) => {
    const before = await objections();
    const res = ok(await object(input)).recordObjection;
    expect(res.report).toBeNull();
    expect(errorsOf(res)).toEqual([{ code, field }]);
    expect(await objections()).toBe(before);
  });

  it('accepts one received by the deadline even when recorded later, and is for DCC staff only', async () => {
    const late = ok(await object({ reportNumber: 904, receivedOn: '2022-03-08' })).recordObjection;
    expect(late.userErrors).toEqual([]);
    const supplier = await object({}, SUPPLIER);
    expect(supplier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a report from drafting to its objection window', () => {
  let t: TestServer;
  let db: Client;
  beforeAll(async () => {
    t = await startTestServer();
    db = await connect(t.databaseUrl);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const rowVersion = async () =>
    ok(await t.request(ReportLifecycleDocument, { number: 950 })).epclReport.rowVersion;

  const create = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      CreateEpclReportDocument,
      {
        input: {
          number: 950,
          title: 'EPCL Report 950 - lifecycle test',
          reportDate: '2021-12-18',
          dmctTranches: [48],
          ...input,
        } as never,
      },
      headers,
    );
  const add = (entries: { epclId: string; group: 'GROUP_1_TESTED' | 'GROUP_2_SE' }[]) =>
    t.request(AddEntriesToEpclReportDocument, { input: { reportNumber: 950, entries } });

  it('is created in DRAFTING, its history starting on the report date', async () => {
    expect(errorsOf(ok(await create({ reportDate: '2999-01-01' })).createEpclReport)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'reportDate'] },
    ]);
    expect(errorsOf(ok(await create({ number: 22 })).createEpclReport)).toEqual([
      { code: 'REPORT_NUMBER_TAKEN', field: ['input', 'number'] },
    ]);
    expect((await create({}, SUPPLIER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // With an idempotency key, concurrent retries of the creation all answer the one report created.
    const tries = await Promise.all(
      Array.from({ length: 10 }, () =>
        create({ idempotencyKey: 'create-950' }).then((r) => ok(r).createEpclReport),
      ),
    );
    const res = tries[0];
    expect(tries.every((r) => r.userErrors.length === 0 && r.report?.number === 950)).toBe(true);
    expect(
      errorsOf(ok(await create({ idempotencyKey: 'create-950', title: 'another' })).createEpclReport),
    ).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
    // Without the key, the same creation again is refused by the database: the number is taken.
    expect(errorsOf(ok(await create({})).createEpclReport)).toEqual([
      { code: 'REPORT_NUMBER_TAKEN', field: ['input', 'number'] },
    ]);
    expect(res.report).toMatchObject({ number: 950, state: 'DRAFTING', rowVersion: 1 });
    expect(res.report?.history.nodes).toEqual([
      expect.objectContaining({ fromState: null, toState: 'DRAFTING', effectiveOn: '2021-12-18' }),
    ]);
  });

  it('takes entries in their groups, checked by the database, while DRAFTING', async () => {
    const { rows } = await db.query<{ epcl_id: string }>(
      `select e.epcl_id from epcl_entry e join epcl_entry b on b.id = e.basis_entry_id
        where b.epcl_id = '002255' and e.basis = 'SUBSTANTIVELY_EQUIVALENT' order by e.epcl_id limit 1`,
    );
    const se = rows[0].epcl_id;
    const count = async () =>
      (
        await db.query<{
          n: number;
        }>(`select count(*)::int as n from epcl_report_entry re join epcl_report r on r.id = re.report_id
        where r.number = 950`)
      ).rows[0].n;

    const missing = ok(await add([{ epclId: '999999', group: 'GROUP_1_TESTED' }])).addEntriesToEpclReport;
    expect(errorsOf(missing)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'entries', '0', 'epclId'] }]);
    const seInGroup1 = ok(await add([{ epclId: se, group: 'GROUP_1_TESTED' }])).addEntriesToEpclReport;
    expect(errorsOf(seInGroup1)).toEqual([{ code: 'REPORT_GROUP_BASIS', field: ['input', 'entries'] }]);
    const basisAbsent = ok(await add([{ epclId: se, group: 'GROUP_2_SE' }])).addEntriesToEpclReport;
    expect(errorsOf(basisAbsent)).toEqual([{ code: 'REPORT_GROUP_BASIS', field: ['input', 'entries'] }]);
    expect(await count()).toBe(0);

    // Group 2 listed first: Group 1 is written first, so the SE entry finds its basis.
    const res = ok(
      await add([
        { epclId: se, group: 'GROUP_2_SE' },
        { epclId: '002254', group: 'GROUP_1_TESTED' },
        { epclId: '002255', group: 'GROUP_1_TESTED' },
      ]),
    ).addEntriesToEpclReport;
    expect(res.userErrors).toEqual([]);
    expect(res.report?.rowVersion).toBe(2);
    expect(res.report?.entries.totalCount).toBe(3);
    expect(res.report?.entries.nodes.every((n) => n.state === 'PROPOSED')).toBe(true);

    const again = ok(await add([{ epclId: '002254', group: 'GROUP_1_TESTED' }])).addEntriesToEpclReport;
    expect(errorsOf(again)).toEqual([{ code: 'ENTRY_ALREADY_IN_REPORT', field: ['input', 'entries'] }]);
    expect(await count()).toBe(3);
  });

  it('is submitted to the SSC; a stale version is refused', async () => {
    const v = await rowVersion();
    const stale = ok(
      await t.request(SubmitEpclReportToSscDocument, {
        input: { reportNumber: 950, submittedOn: '2021-12-20', expectedVersion: v + 1 },
      }),
    ).submitEpclReportToSsc;
    expect(errorsOf(stale)).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
    const res = ok(
      await t.request(SubmitEpclReportToSscDocument, {
        input: { reportNumber: 950, submittedOn: '2021-12-20', expectedVersion: v },
      }),
    ).submitEpclReportToSsc;
    expect(res.userErrors).toEqual([]);
    expect(res.report).toMatchObject({ state: 'SSC_REVIEW', rowVersion: v + 1 });
    expect(res.report?.history.nodes.at(-1)).toMatchObject({
      fromState: 'DRAFTING',
      toState: 'SSC_REVIEW',
      effectiveOn: '2021-12-20',
    });
  });

  it('cannot be published before the SSC has confirmed it, nor take entries after drafting', async () => {
    const late = ok(await add([{ epclId: '002370', group: 'GROUP_1_TESTED' }])).addEntriesToEpclReport;
    expect(errorsOf(late)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
    const res = ok(
      await t.request(PublishEpclReportDocument, {
        input: { reportNumber: 950, publishedOn: '2022-01-03', secasNotifiedOn: '2022-01-04' },
      }),
    ).publishEpclReport;
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
  });

  it('records the SSC confirmation with its date and mode', async () => {
    const bad = ok(
      await t.request(RecordSscDecisionDocument, {
        input: { reportNumber: 950, confirmedOn: '2999-01-01', mode: 'OFFLINE' },
      }),
    ).recordSscDecision;
    expect(errorsOf(bad)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'confirmedOn'] }]);
    const res = ok(
      await t.request(RecordSscDecisionDocument, {
        input: { reportNumber: 950, confirmedOn: '2021-12-22', mode: 'OFFLINE' },
      }),
    ).recordSscDecision;
    expect(res.userErrors).toEqual([]);
    expect(res.report).toMatchObject({
      state: 'SSC_CONFIRMED',
      sscConfirmedOn: '2021-12-22',
      sscMode: 'OFFLINE',
    });
  });

  it('is refused publication without its ten Live Service Criteria (the database rule), writing nothing', async () => {
    const res = ok(
      await t.request(PublishEpclReportDocument, {
        input: { reportNumber: 950, publishedOn: '2022-01-03', secasNotifiedOn: '2022-01-04' },
      }),
    ).publishEpclReport;
    expect(errorsOf(res)).toEqual([{ code: 'REPORT_NOT_READY_TO_PUBLISH', field: null }]);
    const { rows } = await db.query(`select state, published_on from epcl_report where number = 950`);
    expect(rows[0]).toEqual({ state: 'SSC_CONFIRMED', published_on: null });
  });

  it('is published, and SECAS notification opens the objection window with its deadline', async () => {
    // No mutation assesses the criteria yet: written as DCC would load them.
    await db.query(
      `insert into epcl_report_criterion (report_id, criterion_no, rag, commentary)
       select r.id, c.no, 'G', 'Met' from epcl_report r, live_service_criterion c where r.number = 950`,
    );
    const early = ok(
      await t.request(PublishEpclReportDocument, {
        input: { reportNumber: 950, publishedOn: '2022-01-04', secasNotifiedOn: '2022-01-03' },
      }),
    ).publishEpclReport;
    expect(errorsOf(early)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'secasNotifiedOn'] }]);
    const supplier = await t.request(
      PublishEpclReportDocument,
      { input: { reportNumber: 950, publishedOn: '2022-01-03', secasNotifiedOn: '2022-01-04' } },
      SUPPLIER,
    );
    expect(supplier.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const res = ok(
      await t.request(PublishEpclReportDocument, {
        input: { reportNumber: 950, publishedOn: '2022-01-03', secasNotifiedOn: '2022-01-04' },
      }),
    ).publishEpclReport;
    expect(res.userErrors).toEqual([]);
    expect(res.report).toMatchObject({
      state: 'OBJECTION_WINDOW_OPEN',
      publishedOn: '2022-01-03',
      secasNotifiedOn: '2022-01-04',
      objectionDeadline: '2022-01-11',
    });
    expect(res.report?.history.nodes.map((h) => [h.toState, h.effectiveOn])).toEqual([
      ['DRAFTING', '2021-12-18'],
      ['SSC_REVIEW', '2021-12-20'],
      ['SSC_CONFIRMED', '2021-12-22'],
      ['PUBLISHED', '2022-01-03'],
      ['OBJECTION_WINDOW_OPEN', '2022-01-04'],
    ]);
    // The next run of the scheduler after the deadline day moves it on.
    expect(await closeDueObjectionWindows(t.orm.em.fork(), '2022-01-12')).toEqual([950]);
  });
});

describe('proposing an entry', () => {
  let t: TestServer;
  let db: Client;
  let candidate: number;
  let inTest: number;
  let testReportId: string;
  beforeAll(async () => {
    t = await startTestServer();
    db = await connect(t.databaseUrl);
    const pick = async (state: string) =>
      (
        await db.query<{ id: number }>(
          `select id from epcl_entry where state = $1 and epcl_id is null order by id limit 1`,
          [state],
        )
      ).rows[0].id;
    candidate = await pick('CANDIDATE');
    inTest = await pick('IN_TEST');
    const { rows } = await db.query<{ id: number }>(
      `select id from test_report where state = 'FINAL' order by id limit 1`,
    );
    testReportId = globalId('TestReport', rows[0].id);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const propose = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      ProposeEpclEntryDocument,
      {
        input: {
          entryId: globalId('EpclEntry', candidate),
          basis: 'TESTED',
          evidence: [{ testReportId, role: 'DMCT_TESTING_REPORT' }],
          proposedOn: '2022-01-20',
          expectedVersion: 1,
          ...input,
        } as never,
      },
      headers,
    );

  it.each([
    ['an ID of another type', { entryId: globalId('Dmc', 1) }, 'INVALID_INPUT', ['input', 'entryId']],
    ['a malformed basis EPCL ID', { basisEpclId: '22' }, 'INVALID_INPUT', ['input', 'basisEpclId']],
    ['an unknown entry', { entryId: globalId('EpclEntry', 999999) }, 'NOT_FOUND', ['input', 'entryId']],
    ['a stale version', { expectedVersion: 9 }, 'STALE_VERSION', ['input', 'expectedVersion']],
    // The database's rules:
    [
      'an SE basis without its basis entry',
      { basis: 'SUBSTANTIVELY_EQUIVALENT' },
      'EPCL_ENTRY_BASIS_ENTRY',
      null,
    ],
    [
      'an SE basis with no DMC relation',
      { basis: 'SUBSTANTIVELY_EQUIVALENT', basisEpclId: '002254' },
      'EPCL_ENTRY_BASIS',
      null,
    ],
    ['an entry still in test', { entryId: 'IN_TEST' }, 'INVALID_STATE_TRANSITION', null],
  ])('refuses %s, writing nothing', async (_what, input, code, field) => {
    const given = input as Record<string, unknown>;
    const res = ok(
      await propose(
        given.entryId === 'IN_TEST' ? { ...given, entryId: globalId('EpclEntry', inTest) } : given,
      ),
    ).proposeEpclEntry;
    expect(errorsOf(res)).toEqual([{ code, field }]);
    const { rows } = await db.query(`select state, epcl_id, row_version from epcl_entry where id = $1`, [
      candidate,
    ]);
    expect(rows[0]).toEqual({ state: 'CANDIDATE', epcl_id: null, row_version: 1 });
  });

  it('proposes a candidate with its evidence, allocating the next EPCL ID', async () => {
    expect((await propose({}, SUPPLIER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rows } = await db.query<{ next: string }>(
      `select lpad((max(epcl_id::int) + 1)::text, 6, '0') as next from epcl_entry`,
    );
    const res = ok(await propose({})).proposeEpclEntry;
    expect(res.userErrors).toEqual([]);
    expect(res.entry).toMatchObject({
      epclId: rows[0].next,
      state: 'PROPOSED',
      basis: 'TESTED',
      rowVersion: 2,
      evidence: [{ role: 'DMCT_TESTING_REPORT' }],
      history: {
        nodes: [
          expect.objectContaining({ fromState: 'CANDIDATE', toState: 'PROPOSED', effectiveOn: '2022-01-20' }),
        ],
      },
    });
  });

  it('puts it on the next list version; a version label already used is LIST_VERSION_TAKEN', async () => {
    // Approved by a direct write (no decision on this entry's report here): the history still records it,
    // with today's London date and the database user.
    await db.query(`update epcl_entry set state = 'APPROVED' where id = $1`, [candidate]);
    await db.query(
      `insert into epcl_list_version (version, published_on, entries_added, actor) values ('EPCL v9', '2022-01-01', 0, 'test')`,
    );
    const today = londonToday();
    const publish = (version: string) =>
      t.request(PublishEpclListVersionDocument, { input: { version, publishedOn: today } });
    const taken = ok(await publish('EPCL v9')).publishEpclListVersion;
    expect(errorsOf(taken)).toEqual([{ code: 'LIST_VERSION_TAKEN', field: ['input', 'version'] }]);
    const res = ok(await publish('EPCL v10')).publishEpclListVersion;
    expect(res.listVersion).toMatchObject({ version: 'EPCL v10', entriesAdded: 1 });
    const { rows } = await db.query(
      `select h.to_state, h.effective_on::text as effective_on, h.actor like 'database:%' as direct
         from state_change h where h.entry_id = $1 order by h.id`,
      [candidate],
    );
    expect(rows).toEqual([
      { to_state: 'PROPOSED', effective_on: '2022-01-20', direct: false },
      { to_state: 'APPROVED', effective_on: today, direct: true },
      { to_state: 'ON_EPCL', effective_on: today, direct: false },
    ]);
  });
});
