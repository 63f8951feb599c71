import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';
import { connectionOf, Node, PageArgs, type Connection, type Of } from '../../core/graphql/relay';
import { InstallationStatus, TestingIssueStatus, TestReportKind, TestReportState } from '../common/enums';
import { Dmc } from '../dmc/dmc.types';
import { EpclEntryEvidence, StateChange } from '../epcl/epcl.types';

@ObjectType({ description: 'A DMC and installation status a test report covers.' })
export class TestReportScope {
  @Field(() => Dmc)
  dmc!: Of<Dmc>;

  @Field(() => InstallationStatus)
  installationStatus!: InstallationStatus;

  @Field(() => String, { nullable: true })
  testPack!: string | null;
}

@ObjectType({
  implements: Node,
  description:
    'A DMCT Testing Report or a Test Completion Report (TCR). Drafts are shared with suppliers, who may refer them to the Secretary of State within 10 working days (SVTAD Clause 20.37).',
})
export class TestReport extends Node {
  @Field(() => TestReportKind)
  kind!: TestReportKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => TestReportState)
  state!: TestReportState;

  @Field(() => Int, { nullable: true, description: 'DMCT tranche.' })
  tranche!: number | null;

  @Field(() => String, { nullable: true })
  capabilityRelease!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Clause 20.34.' })
  draftIssuedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Clause 20.36.' })
  sharedWithSuppliersOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Last day to refer the draft to the Secretary of State: 10 working days after sharing.',
  })
  referralWindowEndsOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  referredToSosOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  sosDeterminedOn!: string | null;

  @Field(() => String, { nullable: true })
  sosDetermination!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Clause 20.38.' })
  tagReviewedOn!: string | null;

  @Field(() => String, { nullable: true })
  tagOutcome!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Clause 20.39.' })
  finalOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the document is held (access-controlled).' })
  documentRef!: string | null;

  @Field()
  synthetic!: boolean;

  @Field(() => [TestReportScope])
  scope!: TestReportScope[];

  @Field(() => [TestingIssue])
  testingIssues!: TestingIssue[];

  @Field(() => [EpclEntryEvidence], { description: 'EPCL entries this report supports, with its role.' })
  evidenceFor!: EpclEntryEvidence[];

  @Field(() => Int, {
    description:
      'Bumped by every change to the test report: give it as `expectedVersion` to a test-report step, which refuses with STALE_VERSION if it changed since you read it.',
  })
  rowVersion!: number;

  /** A connection (field resolver `TestReportFieldsResolver.history`). */
  history!: Connection<StateChange>;
}

@ObjectType({
  implements: Node,
  description:
    'A defect found in testing. DCC may consider an issue should not count against the Testing Issue Threshold (Clause 20.29), with a rationale; TAG is advised of open issues (20.30).',
})
export class TestingIssue extends Node {
  @Field()
  ref!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: '1 (most severe) to 5.' })
  severity!: number;

  @Field(() => TestingIssueStatus)
  status!: TestingIssueStatus;

  @Field()
  countsAgainstThreshold!: boolean;

  @Field(() => String, { nullable: true })
  notCountedRationale!: string | null;

  @Field(() => LocalDate, { nullable: true })
  tagAdvisedOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  raisedOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  closedOn!: string | null;

  @Field()
  synthetic!: boolean;

  @Field(() => TestReport)
  testReport!: Of<TestReport>;

  @Field(() => Dmc, { nullable: true })
  dmc!: Of<Dmc> | null;

  @Field(() => Int, {
    description: 'Bumped by every change: give it as `expectedVersion` to `updateTestingIssue`.',
  })
  rowVersion!: number;
}

@ObjectType({
  description:
    'Most open, counted Testing Issues allowed at a severity for a capability release (Clause 20.28).',
})
export class TestingIssueThreshold {
  @Field()
  capabilityRelease!: string;

  @Field(() => Int)
  severity!: number;

  @Field(() => Int)
  maxOpenCounted!: number;
}

export const TestReportConnection = connectionOf(TestReport, 'TestReport');
export const TestingIssueConnection = connectionOf(TestingIssue, 'TestingIssue');

export enum TestReportOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  DRAFT_ISSUED_ON_ASC = 'DRAFT_ISSUED_ON_ASC',
}
export enum TestingIssueOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  SEVERITY_ASC = 'SEVERITY_ASC',
}
registerEnumType(TestReportOrder, { name: 'TestReportOrder' });
registerEnumType(TestingIssueOrder, { name: 'TestingIssueOrder' });

@InputType()
export class TestReportFilter {
  @Field(() => [TestReportKind], { nullable: true })
  kinds?: TestReportKind[];

  @Field(() => [TestReportState], { nullable: true })
  states?: TestReportState[];

  @Field(() => [Int], { nullable: true })
  tranches?: number[];
}

@InputType()
export class TestingIssueFilter {
  @Field(() => [TestingIssueStatus], { nullable: true })
  statuses?: TestingIssueStatus[];

  @Field(() => Boolean, { nullable: true })
  countsAgainstThreshold?: boolean;

  @Field(() => [Int], { nullable: true })
  severities?: number[];

  @Field(() => [Int], { nullable: true, description: 'DMCT tranches of the test reports.' })
  tranches?: number[];

  @Field(() => Int, {
    nullable: true,
    description: 'Issues on the test reports behind an EPCL report’s entries.',
  })
  reportNumber?: number;
}

@ArgsType()
export class TestReportsArgs extends PageArgs {
  @Field(() => TestReportFilter, { nullable: true })
  filter?: TestReportFilter;

  @Field(() => [TestReportOrder], { nullable: true })
  orderBy?: TestReportOrder[];
}

@ArgsType()
export class TestingIssuesArgs extends PageArgs {
  @Field(() => TestingIssueFilter, { nullable: true })
  filter?: TestingIssueFilter;

  @Field(() => [TestingIssueOrder], { nullable: true })
  orderBy?: TestingIssueOrder[];
}
