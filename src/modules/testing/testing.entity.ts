import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { InstallationStatus, TestingIssueStatus, TestReportKind, TestReportState } from '../common/enums';
import { Dmc } from '../dmc/dmc.entity';

/**
 * A DMCT Testing Report or Test Completion Report (TCR). Its state follows SVTAD Clause 20:
 * DRAFT (20.34) → SHARED_WITH_SUPPLIERS (20.36) → optionally REFERRED_TO_SOS → SOS_DETERMINED (20.37/20.40)
 * → TAG_REVIEWED (20.38) → FINAL (20.39). The database enforces the transitions and computes the
 * 10-working-day referral window from the date it was shared.
 */
@Entity()
@Check({
  name: 'test_report_state_dates',
  expression:
    "(state in ('DRAFT','SUPERSEDED') or shared_with_suppliers_on is not null or kind <> 'DMCT_TESTING_REPORT') and (state <> 'FINAL' or final_on is not null)",
})
export class TestReport {
  [OptionalProps]?: 'state' | 'synthetic' | 'referralWindowEndsOn' | 'rowVersion';

  @PrimaryKey()
  id!: number;

  @Enum({ items: () => TestReportKind })
  kind!: TestReportKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  version?: string | null;

  @Enum({ items: () => TestReportState, default: TestReportState.DRAFT })
  state: TestReportState = TestReportState.DRAFT;

  /** DMCT tranche the testing belonged to. */
  @Property({ type: 'integer', nullable: true })
  tranche?: number | null;

  @Property({ type: 'text', nullable: true })
  capabilityRelease?: string | null;

  @Property({ type: 'date', nullable: true })
  draftIssuedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  sharedWithSuppliersOn?: string | null;

  /** Computed by the database: 10 England & Wales working days after sharing (Clause 20.37). */
  @Property({ type: 'date', nullable: true })
  referralWindowEndsOn?: string | null;

  @Property({ type: 'date', nullable: true })
  referredToSosOn?: string | null;

  @Property({ type: 'date', nullable: true })
  sosDeterminedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  sosDetermination?: string | null;

  @Property({ type: 'date', nullable: true })
  tagReviewedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  tagOutcome?: string | null;

  @Property({ type: 'date', nullable: true })
  finalOn?: string | null;

  /** Where the document is held (DCC external SharePoint, access-controlled). */
  @Property({ type: 'text', nullable: true })
  documentRef?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  /** Bumped by the database on every update: `expectedVersion` of the test-report mutations compares with it. */
  @Property({ type: 'integer', default: 1 })
  rowVersion: number = 1;
}

/** Which DMC and installation status a test report covers. */
@Entity()
@Unique({ properties: ['testReport', 'dmc', 'installationStatus'] })
export class TestReportScope {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => TestReport, { deleteRule: 'cascade' })
  testReport!: TestReport;

  @ManyToOne(() => Dmc)
  dmc!: Dmc;

  @Enum({ items: () => InstallationStatus })
  installationStatus!: InstallationStatus;

  @Property({ type: 'text', nullable: true })
  testPack?: string | null;
}

/**
 * A defect found in testing. DCC may argue that an issue should not count against the Testing Issue
 * Threshold (Clause 20.29); then a rationale is required. TAG is advised of open issues (20.30).
 */
@Entity()
@Check({ name: 'testing_issue_severity_range', expression: 'severity between 1 and 5' })
@Check({
  name: 'testing_issue_not_counted_needs_rationale',
  expression: "counts_against_threshold or coalesce(btrim(not_counted_rationale), '') <> ''",
})
@Check({ name: 'testing_issue_closed_date', expression: "(status = 'OPEN') = (closed_on is null)" })
export class TestingIssue {
  [OptionalProps]?: 'countsAgainstThreshold' | 'status' | 'synthetic' | 'rowVersion';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'text', unique: true })
  ref!: string;

  @ManyToOne(() => TestReport)
  testReport!: TestReport;

  @ManyToOne(() => Dmc, { nullable: true })
  dmc?: Dmc | null;

  /** 1 (most severe) to 5. [I] scale. */
  @Property({ type: 'smallint' })
  severity!: number;

  @Enum({ items: () => TestingIssueStatus, default: TestingIssueStatus.OPEN })
  status: TestingIssueStatus = TestingIssueStatus.OPEN;

  @Property({ type: 'boolean', default: true })
  countsAgainstThreshold: boolean = true;

  @Property({ type: 'text', nullable: true })
  notCountedRationale?: string | null;

  @Property({ type: 'date', nullable: true })
  tagAdvisedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  raisedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  /** Bumped by the database on every update: `expectedVersion` of `updateTestingIssue` compares with it. */
  @Property({ type: 'integer', default: 1 })
  rowVersion: number = 1;
}

/** Maximum open, counted Testing Issues per severity for a capability release (Clause 20.28). [I] values. */
@Entity()
@Unique({ properties: ['capabilityRelease', 'severity'] })
@Check({
  name: 'testing_issue_threshold_values',
  expression: 'severity between 1 and 5 and max_open_counted >= 0',
})
export class TestingIssueThreshold {
  @PrimaryKey()
  id!: number;

  @Property({ type: 'text' })
  capabilityRelease!: string;

  @Property({ type: 'smallint' })
  severity!: number;

  @Property({ type: 'integer' })
  maxOpenCounted!: number;
}
