import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { DCC_ADMIN_ONLY, requireDccAdmin } from '../../core/graphql/authz';
import { idempotent } from '../epcl/idempotency.service';
import type { LifecycleResult } from '../epcl/lifecycle.service';
import {
  finaliseTestReport,
  issueDraftTestReport,
  raiseTestingIssue,
  recordReferralToSecretaryOfState,
  recordSecretaryOfStateDetermination,
  recordTagReview,
  shareTestReportWithSuppliers,
  updateTestingIssue,
} from './test-report-lifecycle.service';
import {
  FinaliseTestReportInput,
  IssueDraftTestReportInput,
  RaiseTestingIssueInput,
  RecordReferralToSecretaryOfStateInput,
  RecordSecretaryOfStateDeterminationInput,
  RecordTagReviewInput,
  ShareTestReportWithSuppliersInput,
  TestingIssuePayload,
  TestReportPayload,
  UpdateTestingIssueInput,
} from './test-report-lifecycle.types';
import { TestingIssue, TestReport } from './testing.types';

const ADMIN_ONLY = 'DCC admins only (analysts and suppliers get FORBIDDEN).';
const STEP_ERRORS =
  'INVALID_INPUT, NOT_FOUND, STALE_VERSION, INVALID_STATE_TRANSITION (a step the database’s test-report state machine does not allow from the current state, or a step the report has already taken), IDEMPOTENCY_KEY_REUSED';

const reportPayload = (r: LifecycleResult) =>
  Object.assign(new TestReportPayload(), { testReportId: r.id, userErrors: r.userErrors });
const issuePayload = (r: LifecycleResult) =>
  Object.assign(new TestingIssuePayload(), { testingIssueId: r.id, userErrors: r.userErrors });

/**
 * The test-report steps of SVTAD Clause 20 and Testing Issues as mutations (issue 8). Each is one
 * transaction; every change of a test report's state is recorded in its `history` with the step's date.
 */
@Resolver()
export class TestReportLifecycleResolver {
  private admin(ctx: Context) {
    requireDccAdmin(ctx, 'record test report steps and Testing Issues');
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestReportPayload, {
    description: `Issues a draft test report (Clause 20.34) in DRAFT, with the DMCs and installation statuses it covers; its history starts on draftIssuedOn. ${ADMIN_ONLY} User errors: INVALID_INPUT, NOT_FOUND (a DMC), IDEMPOTENCY_KEY_REUSED.`,
  })
  async issueDraftTestReport(
    @Arg('input', () => IssueDraftTestReportInput) input: IssueDraftTestReportInput,
    @Ctx() ctx: Context,
  ): Promise<TestReportPayload> {
    this.admin(ctx);
    return reportPayload(
      await idempotent(ctx, 'issueDraftTestReport', input, () => issueDraftTestReport(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestReportPayload, {
    description: `Records that a draft was made available to Supplier Parties (DRAFT → SHARED_WITH_SUPPLIERS, Clause 20.36), effective sharedOn; the referral window ends 10 working days later (referralWindowEndsOn). ${ADMIN_ONLY} User errors: ${STEP_ERRORS}.`,
  })
  async shareTestReportWithSuppliers(
    @Arg('input', () => ShareTestReportWithSuppliersInput) input: ShareTestReportWithSuppliersInput,
    @Ctx() ctx: Context,
  ): Promise<TestReportPayload> {
    this.admin(ctx);
    return reportPayload(
      await idempotent(ctx, 'shareTestReportWithSuppliers', input, () =>
        shareTestReportWithSuppliers(ctx, input),
      ),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestReportPayload, {
    description: `Records a Supplier Party's referral of a shared draft to the Secretary of State (SHARED_WITH_SUPPLIERS → REFERRED_TO_SOS, Clause 20.37), effective referredOn. ${ADMIN_ONLY} User errors: ${STEP_ERRORS}, REFERRAL_WINDOW_CLOSED (referred after referralWindowEndsOn).`,
  })
  async recordReferralToSecretaryOfState(
    @Arg('input', () => RecordReferralToSecretaryOfStateInput) input: RecordReferralToSecretaryOfStateInput,
    @Ctx() ctx: Context,
  ): Promise<TestReportPayload> {
    this.admin(ctx);
    return reportPayload(
      await idempotent(ctx, 'recordReferralToSecretaryOfState', input, () =>
        recordReferralToSecretaryOfState(ctx, input),
      ),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestReportPayload, {
    description: `Records the Secretary of State's determination of a referral (REFERRED_TO_SOS → SOS_DETERMINED, Clause 20.40), effective determinedOn. ${ADMIN_ONLY} User errors: ${STEP_ERRORS}.`,
  })
  async recordSecretaryOfStateDetermination(
    @Arg('input', () => RecordSecretaryOfStateDeterminationInput)
    input: RecordSecretaryOfStateDeterminationInput,
    @Ctx() ctx: Context,
  ): Promise<TestReportPayload> {
    this.admin(ctx);
    return reportPayload(
      await idempotent(ctx, 'recordSecretaryOfStateDetermination', input, () =>
        recordSecretaryOfStateDetermination(ctx, input),
      ),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestReportPayload, {
    description: `Records TAG's review (→ TAG_REVIEWED, Clause 20.38), effective reviewedOn: from SHARED_WITH_SUPPLIERS once the referral window has ended without a referral, or from SOS_DETERMINED. ${ADMIN_ONLY} User errors: ${STEP_ERRORS}, REFERRAL_WINDOW_OPEN (reviewedOn within the referral window).`,
  })
  async recordTagReview(
    @Arg('input', () => RecordTagReviewInput) input: RecordTagReviewInput,
    @Ctx() ctx: Context,
  ): Promise<TestReportPayload> {
    this.admin(ctx);
    return reportPayload(await idempotent(ctx, 'recordTagReview', input, () => recordTagReview(ctx, input)));
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestReportPayload, {
    description: `Records that a reviewed draft was updated as necessary and deemed final (TAG_REVIEWED → FINAL, Clause 20.39), effective finalOn. ${ADMIN_ONLY} User errors: ${STEP_ERRORS}.`,
  })
  async finaliseTestReport(
    @Arg('input', () => FinaliseTestReportInput) input: FinaliseTestReportInput,
    @Ctx() ctx: Context,
  ): Promise<TestReportPayload> {
    this.admin(ctx);
    return reportPayload(
      await idempotent(ctx, 'finaliseTestReport', input, () => finaliseTestReport(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestingIssuePayload, {
    description: `Raises an OPEN Testing Issue on a test report (Clause 20.28). ${ADMIN_ONLY} User errors: INVALID_INPUT, NOT_FOUND, TESTING_ISSUE_REF_TAKEN, SEVERITY_RANGE, RATIONALE_REQUIRED (not counted against the threshold without a rationale, Clause 20.29), IDEMPOTENCY_KEY_REUSED.`,
  })
  async raiseTestingIssue(
    @Arg('input', () => RaiseTestingIssueInput) input: RaiseTestingIssueInput,
    @Ctx() ctx: Context,
  ): Promise<TestingIssuePayload> {
    this.admin(ctx);
    return issuePayload(
      await idempotent(ctx, 'raiseTestingIssue', input, () => raiseTestingIssue(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => TestingIssuePayload, {
    description: `Changes a Testing Issue: status (OPEN → CLOSED | DEFERRED | REJECTED with closedOn, or reopened), severity, title, whether it counts against the threshold (Clause 20.29), when TAG was advised (20.30). ${ADMIN_ONLY} User errors: INVALID_INPUT, NOT_FOUND, STALE_VERSION, INVALID_STATE_TRANSITION (already in that status), SEVERITY_RANGE, RATIONALE_REQUIRED, TESTING_ISSUE_CLOSED_DATE, IDEMPOTENCY_KEY_REUSED.`,
  })
  async updateTestingIssue(
    @Arg('input', () => UpdateTestingIssueInput) input: UpdateTestingIssueInput,
    @Ctx() ctx: Context,
  ): Promise<TestingIssuePayload> {
    this.admin(ctx);
    return issuePayload(
      await idempotent(ctx, 'updateTestingIssue', input, () => updateTestingIssue(ctx, input)),
    );
  }
}

@Resolver(() => TestReportPayload)
export class TestReportPayloadResolver {
  @FieldResolver(() => TestReport, { nullable: true })
  testReport(
    @Root() payload: TestReportPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TestReport | null> {
    return loadNode(ctx, info, 'TestReport', payload.testReportId);
  }
}

@Resolver(() => TestingIssuePayload)
export class TestingIssuePayloadResolver {
  @FieldResolver(() => TestingIssue, { nullable: true })
  testingIssue(
    @Root() payload: TestingIssuePayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TestingIssue | null> {
    return loadNode(ctx, info, 'TestingIssue', payload.testingIssueId);
  }
}
