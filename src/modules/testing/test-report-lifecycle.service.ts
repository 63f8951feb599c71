import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/graphql/context';
import { userError, type UserError } from '../../core/graphql/user-error';
import { InstallationStatus, TestingIssueStatus, TestReportKind, TestReportState } from '../common/enums';
import { Dmc } from '../dmc/dmc.entity';
import {
  actorOf,
  checkDate,
  checkText,
  checkVersion,
  inTransaction,
  keyOf,
  londonToday,
  refuse,
  Refused,
  setLifecycle,
  type LifecycleResult,
} from '../epcl/lifecycle.service';
import { TestingIssue, TestReport, TestReportScope } from './testing.entity';

/*
 * The test-report steps of SVTAD Clause 20 as writes (issue 8): DRAFT (20.34) → SHARED_WITH_SUPPLIERS (20.36)
 * → [REFERRED_TO_SOS (20.37) → SOS_DETERMINED (20.40)] → TAG_REVIEWED (20.38) → FINAL (20.39), and the
 * Testing Issues raised in testing (20.28–20.30). As the EPCL steps: validation before any write, one
 * transaction that locks the row and compares `expectedVersion`, the state machine and the history enforced
 * and recorded by the database (test_report_check, test_report_history), which also writes the
 * TestReportStateChanged / TestingIssueChanged events to the outbox.
 */

type Errors = UserError[];

function idOf(errors: Errors, id: string, typeName: string, field: string[]): number | undefined {
  const key = keyOf(id, typeName);
  if (key === undefined) errors.push(userError('INVALID_INPUT', `must be the ID of a ${typeName}`, field));
  return key;
}

async function lockTestReport(
  em: EntityManager,
  id: number,
  expectedVersion: number | null | undefined,
): Promise<TestReport> {
  const report = await em.findOne(TestReport, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!report) return refuse('NOT_FOUND', `no test report with that ID`, ['input', 'testReportId']);
  checkVersion(report, expectedVersion, `test report ${report.id}`);
  return report;
}

/* ── Issuing a draft ─────────────────────────────────────────────────────────────────────────────────── */

export type IssueDraftInput = {
  kind: TestReportKind;
  title: string;
  version?: string | null;
  tranche?: number | null;
  capabilityRelease?: string | null;
  documentRef?: string | null;
  draftIssuedOn: string;
  scope: { dmcId: string; installationStatus: InstallationStatus; testPack?: string | null }[];
};

/** Creates a test report in DRAFT (Clause 20.34) with the DMCs and statuses it covers; history from draftIssuedOn. */
export async function issueDraftTestReport(ctx: Context, input: IssueDraftInput): Promise<LifecycleResult> {
  const errors: Errors = [];
  const title = checkText(errors, input.title, 'title', true);
  const version = checkText(errors, input.version, 'version', false);
  const capabilityRelease = checkText(errors, input.capabilityRelease, 'capabilityRelease', false);
  const documentRef = checkText(errors, input.documentRef, 'documentRef', false);
  if (input.tranche != null && (!Number.isInteger(input.tranche) || input.tranche < 1))
    errors.push(
      userError('INVALID_INPUT', 'tranche is a positive DMCT tranche number', ['input', 'tranche']),
    );
  checkDate(errors, input.draftIssuedOn, 'draftIssuedOn', londonToday());
  if (input.scope.length < 1 || input.scope.length > 100)
    errors.push(
      userError('INVALID_INPUT', `give 1–100 scope rows; received ${input.scope.length}`, ['input', 'scope']),
    );
  const scope = input.scope.map((row, i) => {
    const dmc = idOf(errors, row.dmcId, 'Dmc', ['input', 'scope', String(i), 'dmcId']);
    if (
      input.scope.findIndex(
        (o) => o.dmcId === row.dmcId && o.installationStatus === row.installationStatus,
      ) !== i
    )
      errors.push(
        userError('INVALID_INPUT', 'that DMC and installation status are listed twice', [
          'input',
          'scope',
          String(i),
        ]),
      );
    return { ...row, dmc, testPack: checkText(errors, row.testPack, `scope.${i}.testPack`, false) };
  });
  if (errors.length) return { id: null, userErrors: errors };

  return inTransaction(ctx, null, async (em) => {
    const dmcs = await em.find(Dmc, { id: { $in: scope.map((s) => s.dmc!) } });
    const known = new Set(dmcs.map((d) => d.id));
    const missing = scope.map((s, i) => [s, i] as const).filter(([s]) => !known.has(s.dmc!));
    if (missing.length)
      throw new Refused(
        missing.map(([, i]) =>
          userError('NOT_FOUND', 'no DMC with that ID', ['input', 'scope', String(i), 'dmcId']),
        ),
      );
    await setLifecycle(em, {
      effectiveOn: input.draftIssuedOn,
      actor: actorOf(ctx),
      reason: 'draft issued (Clause 20.34)',
    });
    const report = em.create(TestReport, {
      kind: input.kind,
      title: title!,
      version,
      tranche: input.tranche ?? null,
      capabilityRelease,
      documentRef,
      draftIssuedOn: input.draftIssuedOn,
    });
    for (const s of scope)
      em.create(TestReportScope, {
        testReport: report,
        dmc: em.getReference(Dmc, s.dmc!),
        installationStatus: s.installationStatus,
        testPack: s.testPack,
      });
    await em.flush();
    return report.id;
  });
}

/* ── The steps of a draft ────────────────────────────────────────────────────────────────────────────── */

type Step = {
  testReportId: string;
  expectedVersion: number;
  /** The date of the step, checked not in the future, with the input field it came from. */
  on: string;
  onField: string;
  to: TestReportState;
  reason: string;
  /** Further checks and the columns the step sets, on the locked row; refuse() to stop. */
  apply: (report: TestReport) => void;
  extraErrors?: Errors;
};

async function stepTestReport(ctx: Context, step: Step): Promise<LifecycleResult> {
  const errors: Errors = [...(step.extraErrors ?? [])];
  const id = idOf(errors, step.testReportId, 'TestReport', ['input', 'testReportId']);
  checkDate(errors, step.on, step.onField, londonToday());
  if (errors.length || id === undefined) return { id: null, userErrors: errors };
  return inTransaction(ctx, null, async (em) => {
    const report = await lockTestReport(em, id, step.expectedVersion);
    // The same step twice is no transition for the database's state machine (the state does not change),
    // but it would overwrite the step's date and outcome (and move the referral window): refused here.
    if (report.state === step.to)
      refuse('INVALID_STATE_TRANSITION', `test report ${report.id} is already ${report.state}`);
    step.apply(report);
    await setLifecycle(em, { effectiveOn: step.on, actor: actorOf(ctx), reason: step.reason });
    report.state = step.to;
    await em.flush();
    return report.id;
  });
}

const notBefore = (on: string, field: string, earlier: string | null | undefined, what: string) => {
  if (earlier && on < earlier)
    refuse('INVALID_INPUT', `${field} must not be before ${what} (${earlier}); received ${on}`, [
      'input',
      field,
    ]);
};

/** DRAFT → SHARED_WITH_SUPPLIERS (Clause 20.36); the database computes the 10-working-day referral window. */
export function shareTestReportWithSuppliers(
  ctx: Context,
  input: { testReportId: string; sharedOn: string; expectedVersion: number },
): Promise<LifecycleResult> {
  return stepTestReport(ctx, {
    ...input,
    on: input.sharedOn,
    onField: 'sharedOn',
    to: TestReportState.SHARED_WITH_SUPPLIERS,
    reason: 'draft shared with Supplier Parties (Clause 20.36): referral window open',
    apply: (report) => {
      notBefore(input.sharedOn, 'sharedOn', report.draftIssuedOn, 'the draft was issued');
      report.sharedWithSuppliersOn = input.sharedOn;
    },
  });
}

/**
 * SHARED_WITH_SUPPLIERS → REFERRED_TO_SOS (Clause 20.37): a Supplier Party referred the draft to the
 * Secretary of State, within its referral window; later ones are refused with REFERRAL_WINDOW_CLOSED.
 */
export function recordReferralToSecretaryOfState(
  ctx: Context,
  input: { testReportId: string; referredOn: string; referredBy: string; expectedVersion: number },
): Promise<LifecycleResult> {
  const extraErrors: Errors = [];
  const by = checkText(extraErrors, input.referredBy, 'referredBy', true);
  return stepTestReport(ctx, {
    ...input,
    extraErrors,
    on: input.referredOn,
    onField: 'referredOn',
    to: TestReportState.REFERRED_TO_SOS,
    reason: `referred to the Secretary of State by ${by} (Clause 20.37)`,
    apply: (report) => {
      notBefore(input.referredOn, 'referredOn', report.sharedWithSuppliersOn, 'the draft was shared');
      if (report.referralWindowEndsOn && input.referredOn > report.referralWindowEndsOn)
        refuse(
          'REFERRAL_WINDOW_CLOSED',
          `the referral window of test report ${report.id} ended on ${report.referralWindowEndsOn}; referred on ${input.referredOn}`,
          ['input', 'referredOn'],
        );
      report.referredToSosOn = input.referredOn;
    },
  });
}

/** REFERRED_TO_SOS → SOS_DETERMINED (Clause 20.40). */
export function recordSecretaryOfStateDetermination(
  ctx: Context,
  input: { testReportId: string; determinedOn: string; determination: string; expectedVersion: number },
): Promise<LifecycleResult> {
  const extraErrors: Errors = [];
  const determination = checkText(extraErrors, input.determination, 'determination', true);
  return stepTestReport(ctx, {
    ...input,
    extraErrors,
    on: input.determinedOn,
    onField: 'determinedOn',
    to: TestReportState.SOS_DETERMINED,
    reason: 'referral determined by the Secretary of State (Clause 20.40)',
    apply: (report) => {
      notBefore(input.determinedOn, 'determinedOn', report.referredToSosOn, 'the referral');
      report.sosDeterminedOn = input.determinedOn;
      report.sosDetermination = determination;
    },
  });
}

/**
 * SHARED_WITH_SUPPLIERS (after its referral window, no referral) or SOS_DETERMINED → TAG_REVIEWED
 * (Clause 20.38). Reviewed while the window is still open: REFERRAL_WINDOW_OPEN.
 */
export function recordTagReview(
  ctx: Context,
  input: { testReportId: string; reviewedOn: string; outcome: string; expectedVersion: number },
): Promise<LifecycleResult> {
  const extraErrors: Errors = [];
  const outcome = checkText(extraErrors, input.outcome, 'outcome', true);
  return stepTestReport(ctx, {
    ...input,
    extraErrors,
    on: input.reviewedOn,
    onField: 'reviewedOn',
    to: TestReportState.TAG_REVIEWED,
    reason: 'TAG review recorded (Clause 20.38)',
    apply: (report) => {
      if (
        report.state === TestReportState.SHARED_WITH_SUPPLIERS &&
        report.referralWindowEndsOn &&
        input.reviewedOn <= report.referralWindowEndsOn
      )
        refuse(
          'REFERRAL_WINDOW_OPEN',
          `the referral window of test report ${report.id} is open until ${report.referralWindowEndsOn}: TAG reviews after it (or after a Secretary of State determination)`,
          ['input', 'reviewedOn'],
        );
      notBefore(input.reviewedOn, 'reviewedOn', report.sosDeterminedOn, 'the determination');
      report.tagReviewedOn = input.reviewedOn;
      report.tagOutcome = outcome;
    },
  });
}

/** TAG_REVIEWED → FINAL (Clause 20.39: "updated as necessary and deemed to be final"). */
export function finaliseTestReport(
  ctx: Context,
  input: { testReportId: string; finalOn: string; expectedVersion: number },
): Promise<LifecycleResult> {
  return stepTestReport(ctx, {
    ...input,
    on: input.finalOn,
    onField: 'finalOn',
    to: TestReportState.FINAL,
    reason: 'deemed final (Clause 20.39)',
    apply: (report) => {
      notBefore(input.finalOn, 'finalOn', report.tagReviewedOn, 'the TAG review');
      report.finalOn = input.finalOn;
    },
  });
}

/* ── Testing Issues ──────────────────────────────────────────────────────────────────────────────────── */

const ISSUE_REF = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,49}$/;

function checkSeverity(errors: Errors, severity: number | null | undefined) {
  // Out-of-range integers are left to the database rule (SEVERITY_RANGE); only non-integers stop here.
  if (severity != null && !Number.isInteger(severity))
    errors.push(userError('INVALID_INPUT', 'severity is a whole number', ['input', 'severity']));
}

export type RaiseIssueInput = {
  testReportId: string;
  ref: string;
  title: string;
  severity: number;
  dmcId?: string | null;
  raisedOn: string;
  countsAgainstThreshold?: boolean | null;
  notCountedRationale?: string | null;
};

/** Raises an OPEN Testing Issue on a test report (Clause 20.28); the database checks the rationale rule (20.29). */
export async function raiseTestingIssue(ctx: Context, input: RaiseIssueInput): Promise<LifecycleResult> {
  const errors: Errors = [];
  const reportId = idOf(errors, input.testReportId, 'TestReport', ['input', 'testReportId']);
  const dmcId = input.dmcId == null ? null : idOf(errors, input.dmcId, 'Dmc', ['input', 'dmcId']);
  if (!ISSUE_REF.test(input.ref))
    errors.push(
      userError(
        'INVALID_INPUT',
        `ref is 1–50 letters, digits and _ . / -, e.g. "TI-0412"; received ${JSON.stringify(input.ref)}`,
        ['input', 'ref'],
      ),
    );
  const title = checkText(errors, input.title, 'title', true);
  const rationale = checkText(errors, input.notCountedRationale, 'notCountedRationale', false);
  checkSeverity(errors, input.severity);
  checkDate(errors, input.raisedOn, 'raisedOn', londonToday());
  if (errors.length || reportId === undefined || dmcId === undefined) return { id: null, userErrors: errors };

  return inTransaction(ctx, ['input'], async (em) => {
    const report = await em.findOne(TestReport, reportId);
    if (!report) return refuse('NOT_FOUND', 'no test report with that ID', ['input', 'testReportId']);
    if (dmcId != null && !(await em.findOne(Dmc, dmcId)))
      return refuse('NOT_FOUND', 'no DMC with that ID', ['input', 'dmcId']);
    const issue = em.create(TestingIssue, {
      testReport: report,
      ref: input.ref,
      title: title!,
      severity: input.severity,
      dmc: dmcId == null ? null : em.getReference(Dmc, dmcId),
      raisedOn: input.raisedOn,
      countsAgainstThreshold: input.countsAgainstThreshold ?? true,
      notCountedRationale: rationale,
    });
    await em.flush();
    return issue.id;
  });
}

export type UpdateIssueInput = {
  testingIssueId: string;
  expectedVersion: number;
  status?: TestingIssueStatus | null;
  closedOn?: string | null;
  severity?: number | null;
  title?: string | null;
  countsAgainstThreshold?: boolean | null;
  notCountedRationale?: string | null;
  tagAdvisedOn?: string | null;
};

/**
 * Changes a Testing Issue: closes, defers or rejects it (with the date), reopens it, changes whether it
 * counts against the threshold (with a rationale when it does not, Clause 20.29), records when TAG was
 * advised (20.30). Fields left out are kept.
 */
export async function updateTestingIssue(ctx: Context, input: UpdateIssueInput): Promise<LifecycleResult> {
  const errors: Errors = [];
  const id = idOf(errors, input.testingIssueId, 'TestingIssue', ['input', 'testingIssueId']);
  const today = londonToday();
  if (input.closedOn != null) checkDate(errors, input.closedOn, 'closedOn', today);
  if (input.tagAdvisedOn != null) checkDate(errors, input.tagAdvisedOn, 'tagAdvisedOn', today);
  const title = input.title == null ? null : checkText(errors, input.title, 'title', true);
  const rationale =
    input.notCountedRationale == null
      ? undefined
      : checkText(errors, input.notCountedRationale, 'notCountedRationale', false);
  checkSeverity(errors, input.severity);
  if (input.status != null && input.status !== TestingIssueStatus.OPEN && input.closedOn == null)
    errors.push(userError('INVALID_INPUT', `a ${input.status} issue needs closedOn`, ['input', 'closedOn']));
  if (input.status === TestingIssueStatus.OPEN && input.closedOn != null)
    errors.push(userError('INVALID_INPUT', 'an OPEN issue has no closedOn', ['input', 'closedOn']));
  const changes = [
    input.status,
    input.closedOn,
    input.severity,
    input.title,
    input.countsAgainstThreshold,
    input.notCountedRationale,
    input.tagAdvisedOn,
  ];
  if (changes.every((c) => c == null))
    errors.push(userError('INVALID_INPUT', 'give at least one field to change', ['input']));
  if (errors.length || id === undefined) return { id: null, userErrors: errors };

  return inTransaction(ctx, ['input'], async (em) => {
    const issue = await em.findOne(TestingIssue, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!issue) return refuse('NOT_FOUND', 'no Testing Issue with that ID', ['input', 'testingIssueId']);
    checkVersion(issue, input.expectedVersion, `Testing Issue ${issue.ref}`);
    if (input.closedOn != null && issue.raisedOn && input.closedOn < issue.raisedOn)
      refuse('INVALID_INPUT', `closedOn must not be before the issue was raised (${issue.raisedOn})`, [
        'input',
        'closedOn',
      ]);
    if (input.status != null) {
      if (input.status === issue.status)
        refuse('INVALID_STATE_TRANSITION', `Testing Issue ${issue.ref} is already ${issue.status}`, [
          'input',
          'status',
        ]);
      issue.status = input.status;
      issue.closedOn = input.status === TestingIssueStatus.OPEN ? null : input.closedOn;
    } else if (input.closedOn != null) issue.closedOn = input.closedOn; // the database checks it is closed
    if (input.severity != null) issue.severity = input.severity;
    if (title != null) issue.title = title;
    if (input.countsAgainstThreshold != null) issue.countsAgainstThreshold = input.countsAgainstThreshold;
    if (rationale !== undefined) issue.notCountedRationale = rationale;
    if (input.tagAdvisedOn != null) issue.tagAdvisedOn = input.tagAdvisedOn;
    await em.flush();
    return issue.id;
  });
}
