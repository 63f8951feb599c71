import { Client } from 'pg';
import {
  AddEntriesToEpclReportDocument,
  CreateEpclReportDocument,
  EntryLifecycleDocument,
  ProposeEpclEntryDocument,
  PublishEpclListVersionDocument,
  PublishEpclReportDocument,
  RecordObjectionDocument,
  RecordSecretaryOfStateDecisionDocument,
  RecordSscDecisionDocument,
  RemoveEpclEntryDocument,
  ReportLifecycleDocument,
  SubmitEpclReportToSscDocument,
  WithdrawEpclEntryDocument,
} from '../generated/graphql';
import { londonToday } from '../../src/modules/epcl/lifecycle.service';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/*
 * The contract every lifecycle mutation keeps (issue 8), for the cases lifecycle.test.ts does not walk:
 * an idempotency key replays the first result and applies nothing twice (the same key with another input is
 * IDEMPOTENCY_KEY_REUSED), a stale expectedVersion is STALE_VERSION, an illegal step is
 * INVALID_STATE_TRANSITION, an unknown object is NOT_FOUND and bad input is INVALID_INPUT, writing nothing.
 *
 * One server; the tests run in order over two fixtures: report 961, created here and driven from DRAFTING to
 * its objection window around an entry proposed here, and the seeded report 22 from AWAITING_SOS to the EPCL.
 */

type Payload = { userErrors: { code: string; field: string[] | null }[] };
const errorsOf = (res: Payload) => res.userErrors.map((e) => ({ code: e.code, field: e.field }));
const REUSED = [{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }];
const STALE = [{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }];
const ILLEGAL = [{ code: 'INVALID_STATE_TRANSITION', field: null }];

describe('lifecycle mutations: replay, stale versions, illegal transitions, unknown objects, bad input', () => {
  let t: TestServer;
  let db: Client;
  let candidate: number;
  let testReportId: string;
  let proposedEpclId: string;
  let seEntry: string;
  const today = londonToday();

  beforeAll(async () => {
    t = await startTestServer();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    candidate = (
      await db.query<{ id: number }>(
        `select id from epcl_entry where state = 'CANDIDATE' and epcl_id is null order by id limit 1`,
      )
    ).rows[0].id;
    testReportId = globalId(
      'TestReport',
      (await db.query<{ id: number }>(`select id from test_report where state = 'FINAL' order by id limit 1`))
        .rows[0].id,
    );
    seEntry = (
      await db.query<{ epcl_id: string }>(
        `select e.epcl_id from epcl_entry e join epcl_report_entry re on re.entry_id = e.id
          join epcl_report r on r.id = re.report_id
          where r.number = 22 and re.report_group = 'GROUP_2_SE' order by e.epcl_id limit 1`,
      )
    ).rows[0].epcl_id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Rows of history written through the API (not by the seed) for an entry or a report. */
  const entryHistory = async (epclId: string) =>
    (
      await db.query<{ to_state: string }>(
        `select h.to_state from state_change h join epcl_entry e on e.id = h.entry_id
          where e.epcl_id = $1 and h.actor <> 'seed' order by h.id`,
        [epclId],
      )
    ).rows.map((r) => r.to_state);
  const reportHistory = async (number: number) =>
    (
      await db.query<{ to_state: string }>(
        `select h.to_state from state_change h join epcl_report r on r.id = h.report_id
          where r.number = $1 and h.aggregate = 'EPCL_REPORT' and h.actor <> 'seed' order by h.id`,
        [number],
      )
    ).rows.map((r) => r.to_state);
  const report = async (number: number) =>
    ok(await t.request(ReportLifecycleDocument, { number })).epclReport;
  const entryVersion = async (epclId: string) =>
    ok(await t.request(EntryLifecycleDocument, { epclId })).epclEntry.rowVersion;

  /**
   * Calls a mutation twice with one key and once more with the key and another input: the first applies,
   * the second answers the very same payload, the third is IDEMPOTENCY_KEY_REUSED.
   */
  async function replay<P extends Payload>(
    call: (input: Record<string, unknown>) => Promise<P>,
    input: Record<string, unknown>,
    other: Record<string, unknown>,
    key = `contract-${Math.random().toString(36).slice(2)}`,
  ): Promise<P> {
    const first = await call({ ...input, idempotencyKey: key });
    expect(first.userErrors).toEqual([]);
    const second = await call({ ...input, idempotencyKey: key });
    expect(second).toEqual(first);
    const reused = await call({ ...input, ...other, idempotencyKey: key });
    expect(errorsOf(reused)).toEqual(REUSED);
    return first;
  }

  /* ── Report 961, from an entry proposed here to its objection window ─────────────────────────────────── */

  const propose = async (input: Record<string, unknown>) =>
    ok(await t.request(ProposeEpclEntryDocument, { input: input as never })).proposeEpclEntry;
  const add = async (input: Record<string, unknown>) =>
    ok(
      await t.request(AddEntriesToEpclReportDocument, {
        input: { reportNumber: 961, ...input } as never,
      }),
    ).addEntriesToEpclReport;
  const submit = async (input: Record<string, unknown>) =>
    ok(
      await t.request(SubmitEpclReportToSscDocument, {
        input: { reportNumber: 961, submittedOn: '2022-01-24', ...input } as never,
      }),
    ).submitEpclReportToSsc;
  const ssc = async (input: Record<string, unknown>) =>
    ok(
      await t.request(RecordSscDecisionDocument, {
        input: { reportNumber: 961, confirmedOn: '2022-01-26', mode: 'MEETING', ...input } as never,
      }),
    ).recordSscDecision;
  const publishReport = async (input: Record<string, unknown>) =>
    ok(
      await t.request(PublishEpclReportDocument, {
        input: { reportNumber: 961, publishedOn: today, secasNotifiedOn: today, ...input } as never,
      }),
    ).publishEpclReport;
  const reportEntries = async (number: number) =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from epcl_report_entry re join epcl_report r on r.id = re.report_id
          where r.number = $1`,
        [number],
      )
    ).rows[0].n;

  it('proposeEpclEntry: a replay answers the entry proposed once, with one EPCL ID and one history row', async () => {
    const input = {
      entryId: globalId('EpclEntry', candidate),
      basis: 'TESTED',
      evidence: [{ testReportId, role: 'DMCT_TESTING_REPORT' }],
      proposedOn: '2022-01-20',
      expectedVersion: 1,
    };
    const res = await replay(propose, input, { proposedOn: '2022-01-19' });
    expect(res.entry).toMatchObject({ state: 'PROPOSED', rowVersion: 2 });
    proposedEpclId = res.entry!.epclId!;
    expect(await entryHistory(proposedEpclId)).toEqual(['PROPOSED']);
    const { rows } = await db.query(`select row_version from epcl_entry where id = $1`, [candidate]);
    expect(rows[0]).toEqual({ row_version: 2 });

    // Fixtures for what follows: report 961 in DRAFTING (with the entry) and report 962 left in DRAFTING.
    for (const number of [961, 962]) {
      const created = ok(
        await t.request(CreateEpclReportDocument, {
          input: { number, title: `EPCL Report ${number} - contract test`, reportDate: '2022-01-21' },
        }),
      ).createEpclReport;
      expect(created.userErrors).toEqual([]);
    }
  });

  it.each([
    ['no entries', { entries: [] }, ['input', 'entries']],
    [
      'a malformed EPCL ID',
      { entries: [{ epclId: '2255', group: 'GROUP_1_TESTED' }] },
      ['input', 'entries', '0', 'epclId'],
    ],
    [
      'an entry listed twice',
      {
        entries: [
          { epclId: '002255', group: 'GROUP_1_TESTED' },
          { epclId: '002255', group: 'GROUP_1_TESTED' },
        ],
      },
      ['input', 'entries', '1', 'epclId'],
    ],
    [
      'an annex row of 0',
      { entries: [{ epclId: '002255', group: 'GROUP_1_TESTED', annexRow: 0 }] },
      ['input', 'entries', '0', 'annexRow'],
    ],
    [
      'a report number of 0',
      { reportNumber: 0, entries: [{ epclId: '002255', group: 'GROUP_1_TESTED' }] },
      ['input', 'reportNumber'],
    ],
  ])('addEntriesToEpclReport with %s is INVALID_INPUT and writes nothing', async (_what, input, field) => {
    const res = await add(input);
    expect(res.report).toBeNull();
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
    expect(await reportEntries(961)).toBe(0);
    expect((await report(961)).rowVersion).toBe(1);
  });

  it('addEntriesToEpclReport: a stale version is refused; a replay adds the entry once', async () => {
    const entries = [{ epclId: proposedEpclId, group: 'GROUP_1_TESTED' }];
    expect(errorsOf(await add({ entries, expectedVersion: 2 }))).toEqual(STALE);
    expect(await reportEntries(961)).toBe(0);

    const res = await replay(
      add,
      { entries, expectedVersion: 1 },
      { entries: [{ ...entries[0], annexRow: 1 }] },
    );
    expect(res.report).toMatchObject({ rowVersion: 2, entries: { totalCount: 1 } });
    expect(await reportEntries(961)).toBe(1);
    expect((await report(961)).rowVersion).toBe(2);
  });

  it.each([
    ['a date in the future', { submittedOn: '2999-01-01' }, ['input', 'submittedOn']],
    ['a report number of 0', { reportNumber: 0 }, ['input', 'reportNumber']],
  ])('submitEpclReportToSsc with %s is INVALID_INPUT and writes nothing', async (_what, input, field) => {
    const res = await submit(input);
    expect(res.report).toBeNull();
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
    expect((await report(961)).state).toBe('DRAFTING');
  });

  it('submitEpclReportToSsc with a date that does not exist is BAD_USER_INPUT (the LocalDate argument)', async () => {
    const res = await t.request(SubmitEpclReportToSscDocument, {
      input: { reportNumber: 961, submittedOn: '2022-02-30' },
    });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await report(961)).state).toBe('DRAFTING');
  });

  it('submitEpclReportToSsc: a replay submits once; submitting again is an illegal transition', async () => {
    const res = await replay(submit, { expectedVersion: 2 }, { submittedOn: '2022-01-25' });
    expect(res.report).toMatchObject({ state: 'SSC_REVIEW', rowVersion: 3 });
    expect(await reportHistory(961)).toEqual(['DRAFTING', 'SSC_REVIEW']);

    expect(errorsOf(await submit({}))).toEqual(ILLEGAL);
    expect(await reportHistory(961)).toEqual(['DRAFTING', 'SSC_REVIEW']);
    expect((await report(961)).rowVersion).toBe(3);
  });

  it('recordSscDecision: an unknown report, a stale version, a report still DRAFTING are refused', async () => {
    expect(errorsOf(await ssc({ reportNumber: 999 }))).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'reportNumber'] },
    ]);
    expect(errorsOf(await ssc({ expectedVersion: 2 }))).toEqual(STALE);
    expect(errorsOf(await ssc({ reportNumber: 962 }))).toEqual(ILLEGAL);
    const drafting = await db.query(
      `select state, ssc_confirmed_on, row_version from epcl_report where number = 962`,
    );
    expect(drafting.rows[0]).toEqual({ state: 'DRAFTING', ssc_confirmed_on: null, row_version: 1 });
    expect(await reportHistory(961)).toEqual(['DRAFTING', 'SSC_REVIEW']);
  });

  it('recordSscDecision: a replay confirms once', async () => {
    const res = await replay(ssc, { expectedVersion: 3 }, { mode: 'OFFLINE' });
    expect(res.report).toMatchObject({ state: 'SSC_CONFIRMED', sscMode: 'MEETING', rowVersion: 4 });
    expect(await reportHistory(961)).toEqual(['DRAFTING', 'SSC_REVIEW', 'SSC_CONFIRMED']);
    // Confirming a confirmed report again is an illegal transition, and keeps the first confirmation.
    expect(errorsOf(await ssc({ confirmedOn: '2022-01-27', mode: 'OFFLINE' }))).toEqual(ILLEGAL);
    expect(await report(961)).toMatchObject({ state: 'SSC_CONFIRMED', rowVersion: 4 });
    const { rows } = await db.query(
      `select ssc_confirmed_on::text as on, ssc_mode as mode from epcl_report where number = 961`,
    );
    expect(rows[0]).toEqual({ on: '2022-01-26', mode: 'MEETING' });
  });

  it('publishEpclReport: a stale version is refused; a replay publishes and opens the window once', async () => {
    await db.query(
      `insert into epcl_report_criterion (report_id, criterion_no, rag, commentary)
       select r.id, c.no, 'G', 'Met' from epcl_report r, live_service_criterion c where r.number = 961`,
    );
    expect(errorsOf(await publishReport({ expectedVersion: 3 }))).toEqual(STALE);
    expect((await report(961)).state).toBe('SSC_CONFIRMED');

    const res = await replay(
      publishReport,
      { expectedVersion: 4 },
      { secasNotifiedOn: '2022-01-28', publishedOn: '2022-01-27' },
    );
    expect(res.report).toMatchObject({
      state: 'OBJECTION_WINDOW_OPEN',
      publishedOn: today,
      secasNotifiedOn: today,
      rowVersion: 6, // two steps, each an update
    });
    expect(res.report!.objectionDeadline! > today).toBe(true);
    expect(await reportHistory(961)).toEqual([
      'DRAFTING',
      'SSC_REVIEW',
      'SSC_CONFIRMED',
      'PUBLISHED',
      'OBJECTION_WINDOW_OPEN',
    ]);
  });

  it('recordObjection: a replay records the objection once', async () => {
    const supplierId = (await db.query<{ id: number }>('select id from supplier order by id limit 1')).rows[0]
      .id;
    const object = async (input: Record<string, unknown>) =>
      ok(await t.request(RecordObjectionDocument, { input: input as never })).recordObjection;
    const res = await replay(
      object,
      {
        reportNumber: 961,
        supplierId,
        receivedOn: today,
        grounds: 'Evidence does not cover the ESME variant',
      },
      { grounds: 'Other grounds' },
    );
    expect(res.report?.objections).toHaveLength(1);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from epcl_objection o join epcl_report r on r.id = o.report_id
        where r.number = 961`,
    );
    expect(rows[0].n).toBe(1);
  });

  /* ── Report 22, from where the seed leaves it (AWAITING_SOS) to the EPCL ─────────────────────────────── */

  const withdraw = async (input: Record<string, unknown>) =>
    ok(
      await t.request(WithdrawEpclEntryDocument, {
        input: {
          epclId: seEntry,
          withdrawnOn: '2021-12-06',
          reason: 'No longer enrolled',
          ...input,
        } as never,
      }),
    ).withdrawEpclEntry;

  it('withdrawEpclEntry: a stale version is refused, writing nothing', async () => {
    const v = await entryVersion(seEntry);
    expect(errorsOf(await withdraw({ expectedVersion: v + 1 }))).toEqual(STALE);
    expect(errorsOf(await withdraw({ expectedVersion: v - 1 }))).toEqual(STALE);
    expect(await entryVersion(seEntry)).toBe(v);
    expect(await entryHistory(seEntry)).toEqual([]);
  });

  it('withdrawEpclEntry: a replay withdraws once', async () => {
    const v = await entryVersion(seEntry);
    const res = await replay(withdraw, { expectedVersion: v }, { reason: 'Another reason' });
    expect(res.entry).toEqual({ epclId: seEntry, state: 'WITHDRAWN', rowVersion: v + 1 });
    expect(await entryHistory(seEntry)).toEqual(['WITHDRAWN']);
  });

  it('recordSecretaryOfStateDecision: a replay decides once, approving each entry once', async () => {
    const { rowVersion } = await report(22);
    const decide = async (input: Record<string, unknown>) =>
      ok(await t.request(RecordSecretaryOfStateDecisionDocument, { input: input as never }))
        .recordSecretaryOfStateDecision;
    const res = await replay(
      decide,
      { reportNumber: 22, decision: 'APPROVED', decidedOn: '2021-12-15', expectedVersion: rowVersion },
      { decidedOn: '2021-12-16' },
    );
    expect(res.report).toMatchObject({
      state: 'APPROVED',
      sosDecidedOn: '2021-12-15',
      rowVersion: rowVersion + 1,
    });
    expect((await report(22)).rowVersion).toBe(rowVersion + 1);
    expect(await reportHistory(22)).toEqual(['OBJECTION_WINDOW_CLOSED', 'AWAITING_SOS', 'APPROVED']);
    const { rows } = await db.query<{ n: number; entries: number }>(
      `select count(*)::int as n, count(distinct h.entry_id)::int as entries
         from state_change h join epcl_report_entry re on re.entry_id = h.entry_id
         join epcl_report r on r.id = re.report_id
        where r.number = 22 and h.aggregate = 'EPCL_ENTRY' and h.to_state = 'APPROVED'`,
    );
    expect(rows[0]).toEqual({ n: 434, entries: 434 }); // 435 less the one withdrawn
  });

  it('publishEpclListVersion: a replay publishes one version, each entry going ON_EPCL once', async () => {
    const publish = async (input: Record<string, unknown>) =>
      ok(await t.request(PublishEpclListVersionDocument, { input: input as never })).publishEpclListVersion;
    const res = await replay(
      publish,
      { version: 'EPCL v1.23', publishedOn: '2021-12-17' },
      { version: 'EPCL v1.24' },
    );
    expect(res.listVersion).toMatchObject({
      version: 'EPCL v1.23',
      publishedOn: '2021-12-17',
      entriesAdded: 434,
    });
    const versions = await db.query<{ n: number }>(
      `select count(*)::int as n from epcl_list_version where version in ('EPCL v1.23', 'EPCL v1.24')`,
    );
    expect(versions.rows[0].n).toBe(1);
    const onEpcl = await db.query<{ n: number; entries: number }>(
      `select count(*)::int as n, count(distinct entry_id)::int as entries from state_change
        where aggregate = 'EPCL_ENTRY' and to_state = 'ON_EPCL' and actor <> 'seed' and effective_on = '2021-12-17'`,
    );
    expect(onEpcl.rows[0]).toEqual({ n: 434, entries: 434 });
  });

  const remove = async (input: Record<string, unknown>) =>
    ok(
      await t.request(RemoveEpclEntryDocument, {
        input: {
          epclId: '002255',
          removedOn: '2022-03-01',
          reason: 'Security issue',
          expectedVersion: 1,
          ...input,
        } as never,
      }),
    ).removeEpclEntry;

  it.each([
    ['a malformed EPCL ID', { epclId: '2255' }, ['input', 'epclId']],
    ['a blank reason', { reason: '   ' }, ['input', 'reason']],
    ['a date in the future', { removedOn: '2999-01-01' }, ['input', 'removedOn']],
  ])('removeEpclEntry with %s is INVALID_INPUT and writes nothing', async (_what, input, field) => {
    const res = await remove(input);
    expect(res.entry).toBeNull();
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
    expect(await entryHistory('002255')).toEqual(['APPROVED', 'ON_EPCL']);
  });

  it('removeEpclEntry with a date not written YYYY-MM-DD is BAD_USER_INPUT (the LocalDate argument)', async () => {
    const res = await t.request(RemoveEpclEntryDocument, {
      input: { epclId: '002255', removedOn: '01/03/2022', reason: 'Security issue', expectedVersion: 1 },
    });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await entryHistory('002255')).toEqual(['APPROVED', 'ON_EPCL']);
  });

  it('removeEpclEntry: an unknown entry is NOT_FOUND', async () => {
    const res = await remove({ epclId: '999999' });
    expect(res.entry).toBeNull();
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'epclId'] }]);
  });

  it('removeEpclEntry: a refused call stores nothing under its key; a replay removes once, keeping the date first added', async () => {
    const v = await entryVersion('002255');
    // A call that answered user errors stored nothing under its key: the key serves the corrected call.
    const key = 'remove-002255';
    expect(errorsOf(await remove({ expectedVersion: v + 3, idempotencyKey: key }))).toEqual(STALE);
    const res = await replay(remove, { expectedVersion: v }, { removedOn: '2022-03-02' }, key);
    expect(res.entry).toEqual({
      epclId: '002255',
      state: 'REMOVED',
      dateFirstAdded: '2021-12-17',
      rowVersion: v + 1,
    });
    expect(await entryHistory('002255')).toEqual(['APPROVED', 'ON_EPCL', 'REMOVED']);
    expect(await entryVersion('002255')).toBe(v + 1);
  });
});
