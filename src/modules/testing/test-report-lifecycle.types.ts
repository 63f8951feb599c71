import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';
import type { Of } from '../../core/graphql/relay';
import { UserError } from '../../core/graphql/user-error';
import { InstallationStatus, TestingIssueStatus, TestReportKind } from '../common/enums';
import { IDEMPOTENCY_KEY } from '../epcl/lifecycle.types';
import { TestingIssue, TestReport } from './testing.types';

/* The GraphQL shape of the test-report steps and Testing Issue writes (test-report-lifecycle.service.ts). */

const EXPECTED_VERSION = 'The test report’s rowVersion as you read it; STALE_VERSION if it changed since.';
const NOT_FUTURE = 'not in the future';

@InputType({ description: 'A DMC and installation status a new test report covers.' })
export class TestReportScopeInput {
  @Field(() => ID)
  dmcId!: string;

  @Field(() => InstallationStatus)
  installationStatus!: InstallationStatus;

  @Field(() => String, { nullable: true, description: 'The DMCT test pack run, up to 2000 characters.' })
  testPack?: string | null;
}

@InputType({ description: 'A draft test report issued by DCC (Clause 20.34).' })
export class IssueDraftTestReportInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => TestReportKind)
  kind!: TestReportKind;

  @Field({ description: '1–2000 characters.' })
  title!: string;

  @Field(() => String, { nullable: true })
  version?: string | null;

  @Field(() => Int, { nullable: true, description: 'The DMCT tranche, positive.' })
  tranche?: number | null;

  @Field(() => String, { nullable: true })
  capabilityRelease?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the document is held.' })
  documentRef?: string | null;

  @Field(() => LocalDate, {
    description: `When the draft was issued: its history starts then; ${NOT_FUTURE}.`,
  })
  draftIssuedOn!: string;

  @Field(() => [TestReportScopeInput], { description: '1–100 DMCs and statuses, each once.' })
  scope!: TestReportScopeInput[];
}

@InputType({ description: 'A draft made available to Supplier Parties (Clause 20.36).' })
export class ShareTestReportWithSuppliersInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testReportId!: string;

  @Field(() => LocalDate, {
    description: `When it was shared: opens the 10-working-day referral window; not before the draft was issued, ${NOT_FUTURE}.`,
  })
  sharedOn!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  expectedVersion!: number;
}

@InputType({
  description: "A Supplier Party's referral of a shared draft to the Secretary of State (Clause 20.37).",
})
export class RecordReferralToSecretaryOfStateInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testReportId!: string;

  @Field(() => LocalDate, {
    description: `When it was referred: within the referral window (by referralWindowEndsOn), ${NOT_FUTURE}.`,
  })
  referredOn!: string;

  @Field({ description: 'The referring Supplier Party, 1–2000 characters.' })
  referredBy!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  expectedVersion!: number;
}

@InputType({ description: "The Secretary of State's determination of a referral (Clause 20.40)." })
export class RecordSecretaryOfStateDeterminationInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testReportId!: string;

  @Field(() => LocalDate, { description: `Not before the referral, ${NOT_FUTURE}.` })
  determinedOn!: string;

  @Field({ description: 'The determination, 1–2000 characters.' })
  determination!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  expectedVersion!: number;
}

@InputType({ description: "TAG's review of the Testing Issues against the thresholds (Clause 20.38)." })
export class RecordTagReviewInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testReportId!: string;

  @Field(() => LocalDate, {
    description: `After the referral window (without a referral) or the determination; ${NOT_FUTURE}.`,
  })
  reviewedOn!: string;

  @Field({ description: "TAG's outcome, 1–2000 characters." })
  outcome!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  expectedVersion!: number;
}

@InputType({ description: 'A reviewed draft deemed final (Clause 20.39).' })
export class FinaliseTestReportInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testReportId!: string;

  @Field(() => LocalDate, { description: `Not before the TAG review, ${NOT_FUTURE}.` })
  finalOn!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  expectedVersion!: number;
}

@ObjectType({ description: 'The result of a mutation that creates or moves a test report on.' })
export class TestReportPayload {
  testReportId!: number | null;

  @Field(() => TestReport, { nullable: true, description: 'The test report as it now is; null on error.' })
  testReport!: Of<TestReport> | null;

  @Field(() => [UserError], { description: 'Empty when the step applied.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A defect found in testing (Clause 20.28).' })
export class RaiseTestingIssueInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testReportId!: string;

  @Field({ description: 'Unique reference, 1–50 letters, digits and _ . / -, e.g. "TI-0412".' })
  ref!: string;

  @Field({ description: '1–2000 characters.' })
  title!: string;

  @Field(() => Int, { description: '1 (most severe) to 5 (SEVERITY_RANGE otherwise).' })
  severity!: number;

  @Field(() => ID, { nullable: true, description: 'The DMC it was found on, if one.' })
  dmcId?: string | null;

  @Field(() => LocalDate, { description: NOT_FUTURE })
  raisedOn!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Default true. False (Clause 20.29) needs notCountedRationale (RATIONALE_REQUIRED otherwise).',
  })
  countsAgainstThreshold?: boolean | null;

  @Field(() => String, { nullable: true })
  notCountedRationale?: string | null;
}

@InputType({ description: 'Changes to a Testing Issue; fields left out are kept.' })
export class UpdateTestingIssueInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID)
  testingIssueId!: string;

  @Field(() => Int, {
    description: 'The issue’s rowVersion as you read it; STALE_VERSION if it changed since.',
  })
  expectedVersion!: number;

  @Field(() => TestingIssueStatus, {
    nullable: true,
    description: 'CLOSED, DEFERRED or REJECTED need closedOn; OPEN reopens (clears closedOn).',
  })
  status?: TestingIssueStatus | null;

  @Field(() => LocalDate, { nullable: true, description: `Not before it was raised, ${NOT_FUTURE}.` })
  closedOn?: string | null;

  @Field(() => Int, { nullable: true })
  severity?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Boolean, { nullable: true })
  countsAgainstThreshold?: boolean | null;

  @Field(() => String, { nullable: true })
  notCountedRationale?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: `When TAG was advised (Clause 20.30); ${NOT_FUTURE}.`,
  })
  tagAdvisedOn?: string | null;
}

@ObjectType({ description: 'The result of a mutation that raises or changes a Testing Issue.' })
export class TestingIssuePayload {
  testingIssueId!: number | null;

  @Field(() => TestingIssue, { nullable: true, description: 'The issue as it now is; null on error.' })
  testingIssue!: Of<TestingIssue> | null;

  @Field(() => [UserError], { description: 'Empty when the change applied.' })
  userErrors!: UserError[];
}
