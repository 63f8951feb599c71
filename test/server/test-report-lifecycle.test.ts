import { Client } from 'pg';
import {
  CreateDmcDocument,
  FinaliseTestReportDocument,
  IssueDraftTestReportDocument,
  RaiseTestingIssueDocument,
  RecordReferralToSecretaryOfStateDocument,
  RecordSecretaryOfStateDeterminationDocument,
  RecordTagReviewDocument,
  ShareTestReportWithSuppliersDocument,
  TestReportHistoryDocument,
  UpdateTestingIssueDocument,
} from '../generated/graphql';
import { globalId, keyOf, ok, startTestServer, type TestServer } from '../support/server';

/*
 * The test-report steps of SVTAD Clause 20, Testing Issues and DMCs as writes (issue 8): each step with its
 * date, its history row and its outbox event; every user error; idempotent replays; concurrent steps.
 */

const SUPPLIER = { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '1' };
const ANALYST = { 'x-dev-viewer-role': 'DCC_ANALYST' };
type Payload = { userErrors: { code: string; field?: string[] | null }[] };
const errorsOf = (res: Payload) => res.userErrors.map((e) => ({ code: e.code, field: e.field ?? null }));

let t: TestServer;
let db: Client;
let dmcId: string;

beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ id: number }>('select id from dmc order by id limit 1');
  dmcId = globalId('Dmc', rows[0].id);
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const history = async (testReportId: string) =>
  (
    await db.query<{ from_state: string | null; to_state: string; effective_on: string; actor: string }>(
      `select from_state, to_state, effective_on::text, actor from state_change
        where test_report_id = $1 and aggregate = 'TEST_REPORT' order by effective_on, id`,
      [keyOf(testReportId)],
    )
  ).rows;

const issueDraft = (input: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  t.request(
    IssueDraftTestReportDocument,
    {
      input: {
        kind: 'DMCT_TESTING_REPORT',
        title: 'DMCT Testing Report – tranche 48',
        tranche: 48,
        capabilityRelease: 'CR-48',
        draftIssuedOn: '2026-03-02',
        scope: [{ dmcId, installationStatus: 'ACTIVE', testPack: 'standard' }],
        ...input,
      } as never,
    },
    headers,
  );

async function newDraft(): Promise<{ id: string; rowVersion: number }> {
  const res = ok(await issueDraft()).issueDraftTestReport;
  expect(res.userErrors).toEqual([]);
  return res.testReport!;
}

const share = (input: Record<string, unknown>, headers?: Record<string, string>) =>
  t.request(
    ShareTestReportWithSuppliersDocument,
    { input: { sharedOn: '2026-03-04', ...input } as never },
    headers,
  );

async function shared(): Promise<{ id: string; rowVersion: number; referralWindowEndsOn?: string | null }> {
  const draft = await newDraft();
  const res = ok(
    await share({ testReportId: draft.id, expectedVersion: draft.rowVersion }),
  ).shareTestReportWithSuppliers;
  expect(res.userErrors).toEqual([]);
  return res.testReport!;
}

describe('issuing a draft test report', () => {
  it('creates it in DRAFT with its scope, its history starting on draftIssuedOn', async () => {
    const res = ok(await issueDraft()).issueDraftTestReport;
    expect(res.userErrors).toEqual([]);
    expect(res.testReport).toMatchObject({
      state: 'DRAFT',
      provenance: [], // recorded through the API, not seeded
      rowVersion: 1,
      draftIssuedOn: '2026-03-02',
      sharedWithSuppliersOn: null,
      scope: [{ installationStatus: 'ACTIVE', dmc: { id: dmcId } }],
    });
    expect(await history(res.testReport!.id)).toEqual([
      { from_state: null, to_state: 'DRAFT', effective_on: '2026-03-02', actor: 'DCC_ADMIN' },
    ]);
  });

  it.each([
    ['a blank title', { title: '  ' }, ['input', 'title']],
    ['a date in the future', { draftIssuedOn: '2999-01-01' }, ['input', 'draftIssuedOn']],
    ['no scope', { scope: [] }, ['input', 'scope']],
    [
      'a scope row that is not a DMC ID',
      { scope: [{ dmcId: 'nope', installationStatus: 'ACTIVE' }] },
      ['input', 'scope', '0', 'dmcId'],
    ],
    ['a negative tranche', { tranche: -1 }, ['input', 'tranche']],
  ])('refuses %s with INVALID_INPUT, writing nothing', async (_what, input, field) => {
    const before = (await db.query<{ n: number }>('select count(*)::int as n from test_report')).rows[0].n;
    const res = ok(await issueDraft(input)).issueDraftTestReport;
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field }]);
    expect(res.testReport).toBeNull();
    expect((await db.query<{ n: number }>('select count(*)::int as n from test_report')).rows[0].n).toBe(
      before,
    );
  });

  it('answers NOT_FOUND for an unknown DMC, and FORBIDDEN for analysts and suppliers', async () => {
    const res = ok(
      await issueDraft({ scope: [{ dmcId: globalId('Dmc', 99_999_999), installationStatus: 'ACTIVE' }] }),
    ).issueDraftTestReport;
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'scope', '0', 'dmcId'] }]);
    for (const headers of [ANALYST, SUPPLIER])
      expect((await issueDraft({}, headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the steps of a draft', () => {
  it('shares it: the referral window ends 10 working days later, the change is an outbox event', async () => {
    const draft = await newDraft();
    const res = ok(
      await share({ testReportId: draft.id, expectedVersion: draft.rowVersion }),
    ).shareTestReportWithSuppliers;
    expect(res.userErrors).toEqual([]);
    // 4 March 2026 + 10 working days (no bank holiday in between) = 18 March 2026
    expect(res.testReport).toMatchObject({
      state: 'SHARED_WITH_SUPPLIERS',
      sharedWithSuppliersOn: '2026-03-04',
      referralWindowEndsOn: '2026-03-18',
      rowVersion: draft.rowVersion + 1,
    });
    expect((await history(draft.id)).map((h) => [h.to_state, h.effective_on])).toEqual([
      ['DRAFT', '2026-03-02'],
      ['SHARED_WITH_SUPPLIERS', '2026-03-04'],
    ]);
    const { rows } = await db.query<{ payload: unknown }>(
      `select payload from domain_event where type = 'TestReportStateChanged' and aggregate_id = $1`,
      [String(keyOf(draft.id))],
    );
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ state: 'SHARED_WITH_SUPPLIERS', previousState: 'DRAFT' }),
    ]);
  });

  it('refuses a stale version, a date before the draft, an unknown report and a supplier', async () => {
    const draft = await newDraft();
    const stale = ok(
      await share({ testReportId: draft.id, expectedVersion: draft.rowVersion + 5 }),
    ).shareTestReportWithSuppliers;
    expect(errorsOf(stale)).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
    const early = ok(
      await share({ testReportId: draft.id, expectedVersion: draft.rowVersion, sharedOn: '2026-03-01' }),
    ).shareTestReportWithSuppliers;
    expect(errorsOf(early)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'sharedOn'] }]);
    const unknown = ok(
      await share({ testReportId: globalId('TestReport', 99_999_999), expectedVersion: 1 }),
    ).shareTestReportWithSuppliers;
    expect(errorsOf(unknown)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'testReportId'] }]);
    expect(
      (await share({ testReportId: draft.id, expectedVersion: 1 }, SUPPLIER)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await history(draft.id)).toHaveLength(1);
  });

  it('refuses an illegal transition with the database rule’s code (finalising a draft)', async () => {
    const draft = await newDraft();
    const res = ok(
      await t.request(FinaliseTestReportDocument, {
        input: { testReportId: draft.id, finalOn: '2026-03-05', expectedVersion: draft.rowVersion },
      }),
    ).finaliseTestReport;
    expect(errorsOf(res)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
    expect(res.userErrors[0].message).toContain('FINAL');
    expect(await history(draft.id)).toHaveLength(1);
  });

  it('refers within the window, then determination, TAG review and final, each with its date', async () => {
    const report = await shared();
    const early = ok(
      await t.request(RecordTagReviewDocument, {
        input: {
          testReportId: report.id,
          reviewedOn: '2026-03-10',
          outcome: 'no change',
          expectedVersion: report.rowVersion,
        },
      }),
    ).recordTagReview;
    expect(errorsOf(early)).toEqual([{ code: 'REFERRAL_WINDOW_OPEN', field: ['input', 'reviewedOn'] }]);
    const late = ok(
      await t.request(RecordReferralToSecretaryOfStateDocument, {
        input: {
          testReportId: report.id,
          referredOn: '2026-03-19',
          referredBy: 'Supplier A',
          expectedVersion: report.rowVersion,
        },
      }),
    ).recordReferralToSecretaryOfState;
    expect(errorsOf(late)).toEqual([{ code: 'REFERRAL_WINDOW_CLOSED', field: ['input', 'referredOn'] }]);

    const referred = ok(
      await t.request(RecordReferralToSecretaryOfStateDocument, {
        input: {
          testReportId: report.id,
          referredOn: '2026-03-18',
          referredBy: 'Supplier A',
          expectedVersion: report.rowVersion,
        },
      }),
    ).recordReferralToSecretaryOfState;
    expect(referred.userErrors).toEqual([]);
    expect(referred.testReport).toMatchObject({ state: 'REFERRED_TO_SOS', referredToSosOn: '2026-03-18' });
    const determined = ok(
      await t.request(RecordSecretaryOfStateDeterminationDocument, {
        input: {
          testReportId: report.id,
          determinedOn: '2026-04-01',
          determination: 'Thresholds met',
          expectedVersion: referred.testReport!.rowVersion,
        },
      }),
    ).recordSecretaryOfStateDetermination;
    expect(determined.testReport).toMatchObject({
      state: 'SOS_DETERMINED',
      sosDetermination: 'Thresholds met',
    });
    const reviewed = ok(
      await t.request(RecordTagReviewDocument, {
        input: {
          testReportId: report.id,
          reviewedOn: '2026-04-08',
          outcome: 'no different view',
          expectedVersion: determined.testReport!.rowVersion,
        },
      }),
    ).recordTagReview;
    expect(reviewed.testReport).toMatchObject({ state: 'TAG_REVIEWED', tagReviewedOn: '2026-04-08' });
    const final = ok(
      await t.request(FinaliseTestReportDocument, {
        input: {
          testReportId: report.id,
          finalOn: '2026-04-10',
          expectedVersion: reviewed.testReport!.rowVersion,
        },
      }),
    ).finaliseTestReport;
    expect(final.testReport).toMatchObject({ state: 'FINAL', finalOn: '2026-04-10' });
    expect((await history(report.id)).map((h) => [h.from_state, h.to_state, h.effective_on])).toEqual([
      [null, 'DRAFT', '2026-03-02'],
      ['DRAFT', 'SHARED_WITH_SUPPLIERS', '2026-03-04'],
      ['SHARED_WITH_SUPPLIERS', 'REFERRED_TO_SOS', '2026-03-18'],
      ['REFERRED_TO_SOS', 'SOS_DETERMINED', '2026-04-01'],
      ['SOS_DETERMINED', 'TAG_REVIEWED', '2026-04-08'],
      ['TAG_REVIEWED', 'FINAL', '2026-04-10'],
    ]);
  });

  it('answers TestReport.history as a connection, a page at a time', async () => {
    const report = await shared();
    const page = async (after?: string) => {
      const node = ok(await t.request(TestReportHistoryDocument, { id: report.id, first: 1, after })).node;
      if (!node || !('history' in node)) throw new Error('not a test report');
      return node.history;
    };
    const first = await page();
    expect(first.totalCount).toBe(2);
    expect(first.nodes).toEqual([
      { fromState: null, toState: 'DRAFT', effectiveOn: '2026-03-02', actor: 'DCC_ADMIN' },
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor!);
    expect(second.nodes.map((n) => n.toState)).toEqual(['SHARED_WITH_SUPPLIERS']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('without a referral, TAG reviews after the window closes', async () => {
    const report = await shared();
    const reviewed = ok(
      await t.request(RecordTagReviewDocument, {
        input: {
          testReportId: report.id,
          reviewedOn: '2026-03-19',
          outcome: 'no different view',
          expectedVersion: report.rowVersion,
        },
      }),
    ).recordTagReview;
    expect(reviewed.userErrors).toEqual([]);
    expect(reviewed.testReport).toMatchObject({ state: 'TAG_REVIEWED', referredToSosOn: null });
  });
});

describe('idempotency and concurrency', () => {
  it('replays the first result of a key instead of sharing twice; a different input under the key is refused', async () => {
    const draft = await newDraft();
    const input = { testReportId: draft.id, expectedVersion: draft.rowVersion, idempotencyKey: 'share-1' };
    const first = ok(await share(input)).shareTestReportWithSuppliers;
    const again = ok(await share(input)).shareTestReportWithSuppliers;
    expect(first.userErrors).toEqual([]);
    expect(again).toEqual(first); // the replay: same result, although the version is no longer current
    expect(await history(draft.id)).toHaveLength(2);
    const other = ok(await share({ ...input, sharedOn: '2026-03-05' })).shareTestReportWithSuppliers;
    expect(errorsOf(other)).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
    // keys are per viewer and mutation: the same key elsewhere is a new request
    const draft2 = await newDraft();
    const elsewhere = ok(
      await share({ ...input, testReportId: draft2.id, idempotencyKey: 'share-2' }),
    ).shareTestReportWithSuppliers;
    expect(elsewhere.userErrors).toEqual([]);
  });

  it('a failed call stores nothing: the key may be retried', async () => {
    const draft = await newDraft();
    const stale = ok(
      await share({ testReportId: draft.id, expectedVersion: 99, idempotencyKey: 'retry-me' }),
    ).shareTestReportWithSuppliers;
    expect(errorsOf(stale)).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
    const retried = ok(
      await share({ testReportId: draft.id, expectedVersion: draft.rowVersion, idempotencyKey: 'retry-me' }),
    ).shareTestReportWithSuppliers;
    expect(retried.userErrors).toEqual([]);
  });

  it('of 30 concurrent calls with one key, one applies and all answer its result', async () => {
    const draft = await newDraft();
    const input = { testReportId: draft.id, expectedVersion: draft.rowVersion, idempotencyKey: 'burst' };
    const results = await Promise.all(
      Array.from({ length: 30 }, () => share(input).then((r) => ok(r).shareTestReportWithSuppliers)),
    );
    expect(results.every((r) => r.userErrors.length === 0 && r.testReport?.id === draft.id)).toBe(true);
    expect(await history(draft.id)).toHaveLength(2);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from idempotency_record where key = 'burst'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('of 50 concurrent shares at one version, exactly one wins and the history has one row for it', async () => {
    const draft = await newDraft();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        share({ testReportId: draft.id, expectedVersion: draft.rowVersion }).then(
          (r) => ok(r).shareTestReportWithSuppliers,
        ),
      ),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'STALE_VERSION')).toHaveLength(49);
    expect((await history(draft.id)).map((h) => h.to_state)).toEqual(['DRAFT', 'SHARED_WITH_SUPPLIERS']);
    const { rows } = await db.query<{ row_version: number }>(
      'select row_version from test_report where id = $1',
      [keyOf(draft.id)],
    );
    expect(rows[0].row_version).toBe(draft.rowVersion + 1);
  });
});

describe('Testing Issues', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = (await newDraft()).id;
  });
  const raise = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      RaiseTestingIssueDocument,
      {
        input: {
          testReportId: reportId,
          ref: 'TI-T-1',
          title: 'Prepayment top-up fails',
          severity: 2,
          raisedOn: '2026-03-03',
          ...input,
        } as never,
      },
      headers,
    );
  const update = (input: Record<string, unknown>) =>
    t.request(UpdateTestingIssueDocument, { input: input as never });

  it('raises an OPEN issue and refuses its ref twice, a severity out of range, an uncounted one without rationale', async () => {
    const res = ok(await raise({ ref: 'TI-T-1' })).raiseTestingIssue;
    expect(res.userErrors).toEqual([]);
    expect(res.testingIssue).toMatchObject({
      ref: 'TI-T-1',
      status: 'OPEN',
      countsAgainstThreshold: true,
      rowVersion: 1,
    });
    expect(errorsOf(ok(await raise({ ref: 'TI-T-1' })).raiseTestingIssue)).toEqual([
      { code: 'TESTING_ISSUE_REF_TAKEN', field: ['input'] },
    ]);
    expect(errorsOf(ok(await raise({ ref: 'TI-T-2', severity: 7 })).raiseTestingIssue)).toEqual([
      { code: 'SEVERITY_RANGE', field: ['input'] },
    ]);
    expect(
      errorsOf(ok(await raise({ ref: 'TI-T-3', countsAgainstThreshold: false })).raiseTestingIssue),
    ).toEqual([{ code: 'RATIONALE_REQUIRED', field: ['input'] }]);
    expect(errorsOf(ok(await raise({ ref: 'bad ref!' })).raiseTestingIssue)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'ref'] },
    ]);
    expect((await raise({ ref: 'TI-T-9' }, ANALYST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rows } = await db.query(
      `select payload from domain_event where type = 'TestingIssueChanged' and payload->>'ref' = 'TI-T-1'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('closes, reopens and re-classifies an issue at its version; refuses stale and no-op changes', async () => {
    const raised = ok(await raise({ ref: 'TI-T-10' })).raiseTestingIssue.testingIssue!;
    const noDate = ok(
      await update({ testingIssueId: raised.id, expectedVersion: 1, status: 'CLOSED' }),
    ).updateTestingIssue;
    expect(errorsOf(noDate)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'closedOn'] }]);
    const closed = ok(
      await update({
        testingIssueId: raised.id,
        expectedVersion: 1,
        status: 'CLOSED',
        closedOn: '2026-03-09',
      }),
    ).updateTestingIssue;
    expect(closed.testingIssue).toMatchObject({ status: 'CLOSED', closedOn: '2026-03-09', rowVersion: 2 });
    const stale = ok(
      await update({ testingIssueId: raised.id, expectedVersion: 1, tagAdvisedOn: '2026-03-09' }),
    ).updateTestingIssue;
    expect(errorsOf(stale)).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
    const again = ok(
      await update({
        testingIssueId: raised.id,
        expectedVersion: 2,
        status: 'CLOSED',
        closedOn: '2026-03-09',
      }),
    ).updateTestingIssue;
    expect(errorsOf(again)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: ['input', 'status'] }]);
    const uncounted = ok(
      await update({ testingIssueId: raised.id, expectedVersion: 2, countsAgainstThreshold: false }),
    ).updateTestingIssue;
    expect(errorsOf(uncounted)).toEqual([{ code: 'RATIONALE_REQUIRED', field: ['input'] }]);
    const reopened = ok(
      await update({
        testingIssueId: raised.id,
        expectedVersion: 2,
        status: 'OPEN',
        countsAgainstThreshold: false,
        notCountedRationale: 'cosmetic only (Clause 20.29)',
        tagAdvisedOn: '2026-03-10',
      }),
    ).updateTestingIssue;
    expect(reopened.userErrors).toEqual([]);
    expect(reopened.testingIssue).toMatchObject({
      status: 'OPEN',
      closedOn: null,
      countsAgainstThreshold: false,
      tagAdvisedOn: '2026-03-10',
      rowVersion: 3,
    });
  });
});

describe('creating a DMC', () => {
  let cohort: string;
  let slots: { deviceType: string; firmwareVersionId: string }[];
  beforeAll(async () => {
    const { rows } = await db.query<{ id: number; fingerprint: string }>(
      `select d.id, d.fingerprint from dmc d where (select count(*) from dmc_slot s where s.dmc_id = d.id) = 2
        order by d.id limit 1`,
    );
    const slotRows = await db.query<{ device_type: string; firmware_version_id: number }>(
      'select device_type, firmware_version_id from dmc_slot where dmc_id = $1 order by device_type',
      [rows[0].id],
    );
    slots = slotRows.rows.map((s) => ({
      deviceType: s.device_type,
      firmwareVersionId: globalId('FirmwareVersion', s.firmware_version_id),
    }));
    const free = await db.query<{ code: string }>(
      'select code from cohort where id not in (select cohort_id from dmc where fingerprint = $1) order by id limit 1',
      [rows[0].fingerprint],
    );
    cohort = free.rows[0].code;
  });
  const create = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    t.request(
      CreateDmcDocument,
      { input: { cohort, slots, createdOn: '2026-02-01', label: 'new combination', ...input } as never },
      headers,
    );

  it('creates it with CANDIDATE entries whose history starts on createdOn; the same slots again are DUPLICATE_DMC', async () => {
    const res = ok(
      await create({ candidateEntries: ['ACTIVE', 'DORMANT'], idempotencyKey: 'dmc-1' }),
    ).createDmc;
    expect(res.userErrors).toEqual([]);
    expect(res.dmc).toMatchObject({ cohort: { code: cohort }, label: 'new combination' });
    expect(res.dmc!.entries.map((e) => [e.installationStatus, e.state])).toEqual([
      ['ACTIVE', 'CANDIDATE'],
      ['DORMANT', 'CANDIDATE'],
    ]);
    const { rows } = await db.query(
      `select h.to_state, h.effective_on::text from state_change h join epcl_entry e on e.id = h.entry_id
        where e.dmc_id = $1`,
      [keyOf(res.dmc!.id)],
    );
    expect(rows).toEqual([
      { to_state: 'CANDIDATE', effective_on: '2026-02-01' },
      { to_state: 'CANDIDATE', effective_on: '2026-02-01' },
    ]);
    // the replay answers the same DMC; without the key, the same slots are refused
    const replay = ok(
      await create({ candidateEntries: ['ACTIVE', 'DORMANT'], idempotencyKey: 'dmc-1' }),
    ).createDmc;
    expect(replay.dmc?.id).toBe(res.dmc!.id);
    const dup = ok(await create({})).createDmc;
    expect(errorsOf(dup)).toEqual([{ code: 'DUPLICATE_DMC', field: ['input', 'slots'] }]);
  });

  it('refuses bad slots: composition and type rules of the database, unknown cohort and firmware, bad input', async () => {
    const meterless = slots.map((s) => ({ ...s, deviceType: s.deviceType === 'CHF' ? 'CHF' : 'IHD' }));
    const twoChf = [slots[0], { ...slots[0], slotNo: 2 }];
    expect(errorsOf(ok(await create({ slots: twoChf })).createDmc)[0].code).toMatch(
      /DMC_COMPOSITION|DEVICE_TYPE_MISMATCH/,
    );
    expect(errorsOf(ok(await create({ slots: meterless })).createDmc)).toEqual([
      { code: 'DEVICE_TYPE_MISMATCH', field: ['input', 'slots'] },
    ]);
    expect(errorsOf(ok(await create({ cohort: 'NO_SUCH' })).createDmc)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'cohort'] },
    ]);
    expect(
      errorsOf(
        ok(
          await create({
            slots: [slots[0], { ...slots[1], firmwareVersionId: globalId('FirmwareVersion', 99_999_999) }],
          }),
        ).createDmc,
      ),
    ).toEqual([{ code: 'NOT_FOUND', field: ['input', 'slots', '1', 'firmwareVersionId'] }]);
    expect(errorsOf(ok(await create({ slots: [slots[0]] })).createDmc)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'slots'] },
    ]);
    expect(errorsOf(ok(await create({ cohort: 'lower' })).createDmc)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'cohort'] },
    ]);
    expect((await create({}, SUPPLIER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
