import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client } from 'pg';
import {
  FinaliseTestReportDocument,
  IssueDraftTestReportDocument,
  RaiseTestingIssueDocument,
  RecordReferralToSecretaryOfStateDocument,
  RecordSecretaryOfStateDeterminationDocument,
  RecordTagReviewDocument,
  ShareTestReportWithSuppliersDocument,
  UpdateTestingIssueDocument,
} from '../generated/graphql';
import { globalId, keyOf, ok, startTestServer, type TestServer } from '../support/server';

/*
 * The contract of every test-report and Testing Issue mutation (issue 8), step by step: a stale version, an
 * illegal transition, bad input and an idempotent replay of each. test-report-lifecycle.test.ts covers the
 * happy path, the referral window and concurrency.
 */

type UserErrors = { userErrors: { code: string; field?: string[] | null; message: string }[] };
type Report = { id: string; rowVersion: number; state: string };
type StepPayload = UserErrors & { testReport?: Report | null };
const errorsOf = (res: UserErrors) => res.userErrors.map((e) => ({ code: e.code, field: e.field ?? null }));

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

const count = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params)).rows[0].n;
const historyOf = (id: string) =>
  count(
    `select count(*)::int as n from state_change where test_report_id = $1 and aggregate = 'TEST_REPORT'`,
    [keyOf(id)],
  );
const stored = async (id: string) =>
  (
    await db.query<Record<string, string | number | null>>(
      `select state, row_version, shared_with_suppliers_on::text, referred_to_sos_on::text,
              sos_determined_on::text, sos_determination, tag_reviewed_on::text, tag_outcome, final_on::text
         from test_report where id = $1`,
      [keyOf(id)],
    )
  ).rows[0];

const draftInput = {
  kind: 'DMCT_TESTING_REPORT',
  title: 'DMCT Testing Report – contract',
  tranche: 49,
  draftIssuedOn: '2026-03-02',
};
const issueDraft = (input: Record<string, unknown> = {}) =>
  t.request(IssueDraftTestReportDocument, {
    input: {
      ...draftInput,
      scope: [{ dmcId, installationStatus: 'ACTIVE', testPack: 'standard' }],
      ...input,
    } as never,
  });

/* ── The steps, one table: each with its mutation, its date field and a valid input from the state before ── */

type StepName = 'share' | 'refer' | 'determine' | 'review' | 'finalise';
const STEPS: Record<
  StepName,
  {
    doc: TypedDocumentNode<unknown, { input: never }>;
    field: string;
    on: string;
    input: Record<string, string>;
  }
> = {
  share: {
    doc: ShareTestReportWithSuppliersDocument,
    field: 'shareTestReportWithSuppliers',
    on: 'sharedOn',
    input: { sharedOn: '2026-03-04' },
  },
  refer: {
    doc: RecordReferralToSecretaryOfStateDocument,
    field: 'recordReferralToSecretaryOfState',
    on: 'referredOn',
    input: { referredOn: '2026-03-18', referredBy: 'Supplier A' },
  },
  determine: {
    doc: RecordSecretaryOfStateDeterminationDocument,
    field: 'recordSecretaryOfStateDetermination',
    on: 'determinedOn',
    input: { determinedOn: '2026-04-01', determination: 'Thresholds met' },
  },
  review: {
    doc: RecordTagReviewDocument,
    field: 'recordTagReview',
    on: 'reviewedOn',
    input: { reviewedOn: '2026-04-08', outcome: 'no different view' },
  },
  finalise: {
    doc: FinaliseTestReportDocument,
    field: 'finaliseTestReport',
    on: 'finalOn',
    input: { finalOn: '2026-04-10' },
  },
};

const stepRaw = (name: StepName, report: Report, input: Record<string, unknown> = {}) =>
  t.request(STEPS[name].doc, {
    input: {
      testReportId: report.id,
      expectedVersion: report.rowVersion,
      ...STEPS[name].input,
      ...input,
    } as never,
  });
const step = async (name: StepName, report: Report, input: Record<string, unknown> = {}) =>
  (ok(await stepRaw(name, report, input)) as Record<string, StepPayload>)[STEPS[name].field];

/** The path through a referral, and the state each step leads to. */
const PATH: [StepName, string][] = [
  ['share', 'SHARED_WITH_SUPPLIERS'],
  ['refer', 'REFERRED_TO_SOS'],
  ['determine', 'SOS_DETERMINED'],
  ['review', 'TAG_REVIEWED'],
  ['finalise', 'FINAL'],
];

/** A new report, moved along the referral path to `state` through the API. */
async function reportAt(state: string): Promise<Report> {
  const res = ok(await issueDraft()).issueDraftTestReport;
  expect(res.userErrors).toEqual([]);
  let report: Report = res.testReport!;
  for (const [name, to] of PATH) {
    if (report.state === state) break;
    const next = await step(name, report);
    expect(next.userErrors).toEqual([]);
    expect(next.testReport?.state).toBe(to);
    report = next.testReport!;
  }
  expect(report.state).toBe(state);
  return report;
}

/** The state each step starts from (on the referral path). */
const FROM: Record<StepName, string> = {
  share: 'DRAFT',
  refer: 'SHARED_WITH_SUPPLIERS',
  determine: 'REFERRED_TO_SOS',
  review: 'SOS_DETERMINED',
  finalise: 'TAG_REVIEWED',
};

describe('each test-report step', () => {
  it.each(['refer', 'determine', 'review', 'finalise'] as StepName[])(
    '%s refuses a stale version with STALE_VERSION, changing nothing',
    async (name) => {
      const report = await reportAt(FROM[name]);
      const before = await stored(report.id);
      const res = await step(name, report, { expectedVersion: report.rowVersion - 1 });
      expect(errorsOf(res)).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
      expect(res.testReport).toBeNull();
      expect(await stored(report.id)).toEqual(before);
    },
  );

  it.each([
    // the database's state machine refuses the move
    ['share', 'TAG_REVIEWED'],
    ['refer', 'DRAFT'],
    ['refer', 'SOS_DETERMINED'],
    ['determine', 'SHARED_WITH_SUPPLIERS'],
    ['determine', 'FINAL'],
    ['review', 'DRAFT'],
    ['review', 'REFERRED_TO_SOS'],
    // the same step twice: the report is already in the state the step leads to
    ['share', 'SHARED_WITH_SUPPLIERS'],
    ['refer', 'REFERRED_TO_SOS'],
    ['determine', 'SOS_DETERMINED'],
    ['review', 'TAG_REVIEWED'],
    ['finalise', 'FINAL'],
  ] as [StepName, string][])(
    '%s of a report in %s is INVALID_STATE_TRANSITION, changing nothing',
    async (name, state) => {
      const report = await reportAt(state);
      const before = await stored(report.id);
      const historyBefore = await historyOf(report.id);
      // a date after every step of the path (a referral: the last day of its window), so that only the
      // transition is wrong
      const on = name === 'refer' ? '2026-03-18' : '2026-05-01';
      const res = await step(name, report, { [STEPS[name].on]: on });
      expect(errorsOf(res)).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: null }]);
      expect(res.userErrors[0].message).toContain(state);
      expect(res.testReport).toBeNull();
      expect(await stored(report.id)).toEqual(before);
      expect(await historyOf(report.id)).toBe(historyBefore);
    },
  );

  const FUTURE = '2999-01-01';
  it.each([
    ['refer', { referredBy: '   ' }, 'referredBy'],
    ['refer', { referredOn: FUTURE }, 'referredOn'],
    ['refer', { referredOn: '2026-03-03' }, 'referredOn'], // before it was shared
    ['refer', { testReportId: 'not-an-id' }, 'testReportId'],
    ['determine', { determination: '' }, 'determination'],
    ['determine', { determination: 'bad\u0007text' }, 'determination'],
    ['determine', { determinedOn: FUTURE }, 'determinedOn'],
    ['determine', { determinedOn: '2026-03-17' }, 'determinedOn'], // before the referral
    ['review', { outcome: ' ' }, 'outcome'],
    ['review', { reviewedOn: FUTURE }, 'reviewedOn'],
    ['review', { reviewedOn: '2026-03-31' }, 'reviewedOn'], // before the determination
    ['review', { testReportId: globalId('Dmc', 1) }, 'testReportId'], // the ID of something else
    ['finalise', { finalOn: FUTURE }, 'finalOn'],
    ['finalise', { finalOn: '2026-04-07' }, 'finalOn'], // before the TAG review
  ] as [StepName, Record<string, string>, string][])(
    '%s refuses %j with INVALID_INPUT on that field, changing nothing',
    async (name, input, field) => {
      const report = await reportAt(FROM[name]);
      const before = await stored(report.id);
      const res = await step(name, report, input);
      expect(errorsOf(res)).toEqual([{ code: 'INVALID_INPUT', field: ['input', field] }]);
      expect(res.testReport).toBeNull();
      expect(await stored(report.id)).toEqual(before);
    },
  );

  it.each(['refer', 'determine', 'review', 'finalise'] as StepName[])(
    '%s refuses a date that is not a date with BAD_USER_INPUT, and an unknown report with NOT_FOUND',
    async (name) => {
      const report = await reportAt(FROM[name]);
      const bad = await stepRaw(name, report, { [STEPS[name].on]: '2026-02-30' });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const unknown = await step(name, report, { testReportId: globalId('TestReport', 99_999_999) });
      expect(errorsOf(unknown)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'testReportId'] }]);
      expect((await stored(report.id)).row_version).toBe(report.rowVersion);
    },
  );

  it.each(['refer', 'determine', 'review', 'finalise'] as StepName[])(
    '%s under an idempotency key applies once and replays its result; another input under the key is refused',
    async (name) => {
      const report = await reportAt(FROM[name]);
      const historyBefore = await historyOf(report.id);
      const key = `contract-${name}`;
      const first = await step(name, report, { idempotencyKey: key });
      expect(first.userErrors).toEqual([]);
      expect(first.testReport?.rowVersion).toBe(report.rowVersion + 1);
      const again = await step(name, report, { idempotencyKey: key });
      expect(again).toEqual(first); // not STALE_VERSION although report.rowVersion is no longer current
      expect(await historyOf(report.id)).toBe(historyBefore + 1);
      expect((await stored(report.id)).row_version).toBe(report.rowVersion + 1);
      const other = await step(name, report, { idempotencyKey: key, [STEPS[name].on]: '2026-05-01' });
      expect(errorsOf(other)).toEqual([
        { code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] },
      ]);
      expect(await historyOf(report.id)).toBe(historyBefore + 1);
      expect((await stored(report.id)).row_version).toBe(report.rowVersion + 1);
    },
  );
});

describe('issuing a draft under an idempotency key', () => {
  it('creates one report and replays it; another input under the key is refused', async () => {
    const reports = () => count('select count(*)::int as n from test_report');
    const before = await reports();
    const first = ok(await issueDraft({ idempotencyKey: 'contract-draft' })).issueDraftTestReport;
    expect(first.userErrors).toEqual([]);
    const again = ok(await issueDraft({ idempotencyKey: 'contract-draft' })).issueDraftTestReport;
    expect(again).toEqual(first);
    expect(await reports()).toBe(before + 1);
    expect(await historyOf(first.testReport!.id)).toBe(1);
    const other = ok(
      await issueDraft({ idempotencyKey: 'contract-draft', title: 'another title' }),
    ).issueDraftTestReport;
    expect(errorsOf(other)).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
    expect(other.testReport).toBeNull();
    expect(await reports()).toBe(before + 1);
  });
});

describe('Testing Issues: the rest of the contract', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = (await reportAt('DRAFT')).id;
  });
  const raiseInput = (input: Record<string, unknown>) => ({
    testReportId: reportId,
    title: 'Tariff switch not applied',
    severity: 3,
    raisedOn: '2026-03-03',
    ...input,
  });
  const raise = async (input: Record<string, unknown>) =>
    ok(await t.request(RaiseTestingIssueDocument, { input: raiseInput(input) as never })).raiseTestingIssue;
  const update = async (input: Record<string, unknown>) =>
    ok(await t.request(UpdateTestingIssueDocument, { input: input as never })).updateTestingIssue;
  const issues = (ref: string) => count('select count(*)::int as n from testing_issue where ref = $1', [ref]);
  const issueRow = async (id: string) =>
    (
      await db.query<{ status: string; closed_on: string | null; row_version: number; severity: number }>(
        'select status, closed_on::text, row_version, severity from testing_issue where id = $1',
        [keyOf(id)],
      )
    ).rows[0];

  it('raising answers NOT_FOUND for an unknown test report or DMC, writing nothing', async () => {
    const unknownReport = await raise({ ref: 'TI-C-1', testReportId: globalId('TestReport', 99_999_999) });
    expect(errorsOf(unknownReport)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'testReportId'] }]);
    expect(unknownReport.testingIssue).toBeNull();
    const unknownDmc = await raise({ ref: 'TI-C-1', dmcId: globalId('Dmc', 99_999_999) });
    expect(errorsOf(unknownDmc)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'dmcId'] }]);
    expect(await issues('TI-C-1')).toBe(0);
  });

  it('raising under an idempotency key creates one issue and replays it (not TESTING_ISSUE_REF_TAKEN)', async () => {
    const events = () =>
      count(
        `select count(*)::int as n from domain_event where type = 'TestingIssueChanged' and payload->>'ref' = 'TI-C-2'`,
      );
    const first = await raise({ ref: 'TI-C-2', idempotencyKey: 'contract-raise' });
    expect(first.userErrors).toEqual([]);
    const again = await raise({ ref: 'TI-C-2', idempotencyKey: 'contract-raise' });
    expect(again).toEqual(first);
    expect(await issues('TI-C-2')).toBe(1);
    expect(await events()).toBe(1);
    const other = await raise({ ref: 'TI-C-3', idempotencyKey: 'contract-raise' });
    expect(errorsOf(other)).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
    expect(await issues('TI-C-3')).toBe(0);
  });

  it('updating answers NOT_FOUND for an unknown issue and INVALID_INPUT for an ID of something else', async () => {
    const unknown = await update({
      testingIssueId: globalId('TestingIssue', 99_999_999),
      expectedVersion: 1,
      severity: 1,
    });
    expect(errorsOf(unknown)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'testingIssueId'] }]);
    expect(unknown.testingIssue).toBeNull();
    const wrongType = await update({ testingIssueId: reportId, expectedVersion: 1, severity: 1 });
    expect(errorsOf(wrongType)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'testingIssueId'] }]);
  });

  it('a closed date on an OPEN issue is the database rule TESTING_ISSUE_CLOSED_DATE', async () => {
    const raised = (await raise({ ref: 'TI-C-4' })).testingIssue!;
    const res = await update({ testingIssueId: raised.id, expectedVersion: 1, closedOn: '2026-03-09' });
    expect(errorsOf(res)).toEqual([{ code: 'TESTING_ISSUE_CLOSED_DATE', field: ['input'] }]);
    expect(res.testingIssue).toBeNull();
    expect(await issueRow(raised.id)).toEqual({
      status: 'OPEN',
      closed_on: null,
      row_version: 1,
      severity: 3,
    });
  });

  it('updating under an idempotency key applies once and replays its result; another input under the key is refused', async () => {
    const raised = (await raise({ ref: 'TI-C-5' })).testingIssue!;
    const input = {
      testingIssueId: raised.id,
      expectedVersion: raised.rowVersion,
      status: 'CLOSED',
      closedOn: '2026-03-09',
      idempotencyKey: 'contract-update',
    };
    const first = await update(input);
    expect(first.userErrors).toEqual([]);
    expect(first.testingIssue).toMatchObject({ status: 'CLOSED', rowVersion: 2 });
    const again = await update(input);
    expect(again).toEqual(first); // not STALE_VERSION nor "already CLOSED"
    expect(await issueRow(raised.id)).toEqual({
      status: 'CLOSED',
      closed_on: '2026-03-09',
      row_version: 2,
      severity: 3,
    });
    const other = await update({ ...input, closedOn: '2026-03-10' });
    expect(errorsOf(other)).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
    expect((await issueRow(raised.id)).row_version).toBe(2);
  });
});
