import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { LocalDate } from '../../core/graphql/scalars';
import { connectionOf, Node, PageArgs, type Connection, type Of } from '../../core/graphql/relay';
import {
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  EvidenceRole,
  InstallationStatus,
  Rag,
  ReportGroup,
  ReportSection,
  SscMode,
  StateAggregate,
  VolumeBasis,
} from '../common/enums';
import { Dmc } from '../dmc/dmc.types';
import { ProvenanceSource } from './provenance';
import { TestingIssue, TestReport } from '../testing/testing.types';

@ObjectType({ description: 'A published version of the EPCL.' })
export class EpclListVersion {
  @Field()
  version!: string;

  @Field(() => LocalDate)
  publishedOn!: string;

  @Field(() => Int, { description: 'Entries that went ON_EPCL with this version.' })
  entriesAdded!: number;

  @Field(() => DateTimeISOResolver)
  recordedAt!: string;

  @Field()
  actor!: string;
}

@ObjectType({
  implements: Node,
  description:
    'One row of the Eligible Product Combinations List (EPCL): a Device Model Combination (DMC) for one installation status. An installation can migrate only if its DMC has an entry for its status.',
})
export class EpclEntry extends Node {
  @Field(() => String, {
    nullable: true,
    description: "DCC's 6-digit, zero-padded EPCL ID, e.g. 002255; null until allocated.",
  })
  epclId!: string | null;

  @Field(() => InstallationStatus)
  installationStatus!: InstallationStatus;

  @Field(() => EntryBasis, { nullable: true })
  basis!: EntryBasis | null;

  @Field(() => EpclEntryState)
  state!: EpclEntryState;

  @Field(() => DateTimeISOResolver)
  stateChangedAt!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The date first added to the EPCL (SEC F2.10A): written once, never changed.',
  })
  dateFirstAdded!: string | null;

  @Field()
  synthetic!: boolean;

  @Field(() => Dmc)
  dmc!: Of<Dmc>;

  @Field(() => EpclEntry, {
    nullable: true,
    description:
      'The tested entry this one rests on: the Dormant entry for a Clause 20.9 entry, the tested entry for an SE or child entry.',
  })
  basisEntry!: Of<EpclEntry> | null;

  @Field(() => [EpclEntry], { description: 'Entries that rest on this one.' })
  restingEntries!: EpclEntry[];

  @Field(() => [EpclEntryEvidence], {
    description: 'Test reports behind the entry, with their role (Clause 20.41).',
  })
  evidence!: EpclEntryEvidence[];

  @Field(() => [EpclReportMembership], {
    description: 'EPCL reports that requested this entry, with its group.',
  })
  reports!: EpclReportMembership[];

  @Field(() => Int, {
    description:
      'Bumped by every change to the entry: give it as `expectedVersion` to a lifecycle mutation, which refuses with STALE_VERSION if the entry changed since you read it.',
  })
  rowVersion!: number;

  /** A connection (field resolver `EpclEntryFieldsResolver.history`). */
  history!: Connection<StateChange>;

  @Field(() => EpclListVersion, {
    nullable: true,
    description:
      'The published version of the EPCL that put the entry on the list (the last version published by the date it last went ON_EPCL); null when it is not on the list, or for seeded entries whose list version is not recorded.',
  })
  listVersion!: EpclListVersion | null;
}

@ObjectType({
  description:
    'One change of state of an EPCL entry, an EPCL report or a test report: when it took effect in the process, when it was recorded, by whom and why.',
})
export class StateChange {
  @Field(() => StateAggregate)
  aggregate!: StateAggregate;

  @Field(() => String, {
    nullable: true,
    description:
      'The state before (an EpclEntryState, EpclReportState or TestReportState); null at creation.',
  })
  fromState!: string | null;

  @Field({ description: 'The state after.' })
  toState!: string;

  @Field(() => LocalDate, {
    description: 'The date in the process: the decision date, the publication date, the deadline.',
  })
  effectiveOn!: string;

  @Field(() => DateTimeISOResolver, { description: 'When the platform recorded the change.' })
  recordedAt!: string;

  @Field({
    description:
      'Who made the change: the credential’s subject (or its role, DCC_ADMIN, for the development viewer), scheduler, or database:<user> for direct writes.',
  })
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => EpclEntry, { nullable: true, description: 'The entry that changed (EPCL_ENTRY changes).' })
  entry!: Of<EpclEntry> | null;

  @Field(() => EpclReport, {
    nullable: true,
    description: 'The report that changed, or the report under which an entry changed (e.g. its decision).',
  })
  report!: Of<EpclReport> | null;
}

@ObjectType({ description: 'A test report supporting an EPCL entry, and the role it plays.' })
export class EpclEntryEvidence {
  @Field(() => EvidenceRole)
  role!: EvidenceRole;

  @Field(() => TestReport)
  testReport!: Of<TestReport>;

  @Field(() => EpclEntry)
  entry!: Of<EpclEntry>;
}

@ObjectType({ description: 'An entry requested in an EPCL report: its group and Annex A row.' })
export class EpclReportMembership {
  @Field(() => EpclReport)
  report!: Of<EpclReport>;

  @Field(() => EpclEntry)
  entry!: Of<EpclEntry>;

  @Field(() => ReportGroup)
  group!: ReportGroup;

  @Field(() => Int, { nullable: true })
  annexRow!: number | null;
}

@ObjectType({ description: 'A figure exactly as a document published it, with where it came from.' })
export class PublishedFigure {
  @Field(() => Int)
  value!: number;

  @Field(() => LocalDate, { nullable: true })
  asOf!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType({ description: "A report's assessment of one of the ten Live Service Criteria." })
export class ReportCriterion {
  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => Rag)
  rag!: Rag;

  @Field()
  commentary!: string;
}

@ObjectType({
  description:
    'A statement in the report that a clause of SVTAD Clause 20 was followed, with the dates and counts it cites.',
})
export class ClauseEvidence {
  @Field({ description: 'e.g. 20.34 or 20.6 (d) (i).' })
  clause!: string;

  @Field()
  clauseSummary!: string;

  @Field(() => ReportSection)
  section!: ReportSection;

  @Field()
  statement!: string;

  @Field(() => LocalDate, { nullable: true })
  evidenceDate!: string | null;

  @Field(() => Int, { nullable: true })
  evidenceCount!: number | null;

  @Field(() => String, { nullable: true })
  docRef!: string | null;
}

@ObjectType({ description: 'One cell of a report’s Installs/Devices tables, exactly as published.' })
export class PublishedVolume {
  @Field(() => ReportSection)
  section!: ReportSection;

  @Field(() => VolumeBasis)
  basis!: VolumeBasis;

  @Field(() => InstallationStatus)
  installationStatus!: InstallationStatus;

  @Field(() => Int)
  installs!: number;

  @Field(() => Int)
  devices!: number;

  @Field(() => LocalDate, { nullable: true })
  asOf!: string | null;

  @Field(() => String, { nullable: true })
  sourceNote!: string | null;
}

@ObjectType({ description: 'A risk from the EPCL Reports Risk Register relevant to a report.' })
export class ReportRisk {
  @Field()
  ref!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;
}

@ObjectType({
  implements: Node,
  description:
    "DCC's request to the Secretary of State to add entries to the EPCL. Statutory process: SSC security confirmation, publication, a 5-working-day objection window after SECAS notification, then the Secretary of State's decision.",
})
export class EpclReport extends Node {
  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => [Int], { description: 'DMCT tranches covered.' })
  dmctTranches!: number[];

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => LocalDate, { nullable: true })
  reportDate!: string | null;

  @Field(() => String, { nullable: true })
  authorEmail!: string | null;

  @Field(() => String, { nullable: true })
  classification!: string | null;

  @Field(() => EpclReportState)
  state!: EpclReportState;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the Security Sub-Committee confirmed no new security risks.',
  })
  sscConfirmedOn!: string | null;

  @Field(() => SscMode, { nullable: true })
  sscMode!: SscMode | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'DMCT Status List, Schedule and exclusions published (Clauses 20.8, 20.10, 20.11).',
  })
  listsPublishedOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  publishedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'SECAS notification of publication: starts the objection window.',
  })
  secasNotifiedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Last day for Supplier objections: 5 England & Wales working days after SECAS notification.',
  })
  objectionDeadline!: string | null;

  @Field(() => String, { nullable: true })
  sosDecision!: string | null;

  @Field(() => LocalDate, { nullable: true })
  sosDecidedOn!: string | null;

  @Field(() => String, { nullable: true })
  signatoryName!: string | null;

  @Field(() => String, { nullable: true })
  signatoryRole!: string | null;

  @Field(() => String, { nullable: true, description: 'Where objections go.' })
  objectionsTo!: string | null;

  @Field(() => String, { nullable: true })
  riskRegisterUrl!: string | null;

  @Field(() => PublishedFigure, {
    nullable: true,
    description:
      'The published estimate of unmigrated installations that could be firmware-upgraded to the report’s DMCs.',
  })
  publishedUpgradeableInstalls!: Of<PublishedFigure> | null;

  @Field()
  synthetic!: boolean;

  entries!: Connection<EpclEntry>;

  @Field(() => [ReportCriterion])
  criteria!: ReportCriterion[];

  @Field(() => [ClauseEvidence], { description: 'Annex D: how the report followed SVTAD Clause 20.' })
  clauseEvidence!: ClauseEvidence[];

  @Field(() => [PublishedVolume], { description: 'The Installs/Devices tables as printed.' })
  publishedVolumes!: PublishedVolume[];

  @Field(() => [ReportRisk])
  risks!: ReportRisk[];

  @Field(() => [TestingIssue], {
    description: 'Testing issues on the test reports behind the report’s tested entries.',
  })
  testingIssues!: TestingIssue[];

  @Field(() => Int, {
    description:
      'Bumped by every change to the report: give it as `expectedVersion` to a lifecycle mutation, which refuses with STALE_VERSION if the report changed since you read it.',
  })
  rowVersion!: number;

  /** A connection (field resolver `EpclReportFieldsResolver.history`). */
  history!: Connection<StateChange>;

  @Field(() => [EpclObjection], { description: 'Supplier objections received, oldest first.' })
  objections!: EpclObjection[];
}

@ObjectType({
  description: "A Supplier Party's objection to an EPCL report, received within its objection window.",
})
export class EpclObjection {
  @Field(() => Int)
  supplierId!: number;

  @Field()
  supplierName!: string;

  @Field(() => LocalDate)
  receivedOn!: string;

  @Field()
  grounds!: string;

  @Field(() => DateTimeISOResolver)
  recordedAt!: string;

  @Field()
  actor!: string;
}

export const EpclEntryConnection = connectionOf(EpclEntry, 'EpclEntry');

/** How `asOf` reads entries (epclEntry, epclEntries, Dmc.entries, EpclList). */
export const AS_OF_ENTRIES =
  'Entries as of the end of this date, from their history: state and dateFirstAdded as they were then (filters apply to those), other fields current; entries created later are left out. Seeded entries carry the history the seed states (or a plausible synthetic one), so dates before 2021 may find entries as CANDIDATE.';
export const EpclReportConnection = connectionOf(EpclReport, 'EpclReport');
export const StateChangeConnection = connectionOf(StateChange, 'StateChange');

registerEnumType(ProvenanceSource, {
  name: 'ProvenanceSource',
  description:
    'Where a seeded value comes from: STATED by the seed document (EPCL Report 22), ASSUMED where the seed is silent and a value was needed, or SYNTHETIC (invented for the national catalogue around report 22).',
});

@ObjectType({ description: 'Where the value of one field of a seeded object comes from.' })
export class FieldProvenance {
  @Field({ description: 'The GraphQL field, e.g. "secasNotifiedOn".' })
  field!: string;

  @Field(() => ProvenanceSource)
  source!: ProvenanceSource;

  @Field(() => String, { nullable: true, description: 'What the seed says, or why the value was assumed.' })
  note!: string | null;
}

/** The description of every `provenance` field. */
export const PROVENANCE_DESCRIPTION =
  'For objects the seed loaded: where the values of its fields come from (fields not listed are as loaded, without a claim); empty for objects recorded through the API. Readable by every viewer.';

export enum StateChangeOrder {
  EFFECTIVE_ON_ASC = 'EFFECTIVE_ON_ASC',
  EFFECTIVE_ON_DESC = 'EFFECTIVE_ON_DESC',
}
export enum EpclListOrder {
  EPCL_ID_ASC = 'EPCL_ID_ASC',
  DATE_FIRST_ADDED_ASC = 'DATE_FIRST_ADDED_ASC',
}
registerEnumType(EpclListOrder, { name: 'EpclListOrder' });
registerEnumType(StateChangeOrder, {
  name: 'StateChangeOrder',
  description: 'By effective date, then by the order the changes were recorded.',
});

/* Arguments of the EPCL connections: filters and orderings. */

export enum EpclEntryOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  EPCL_ID_ASC = 'EPCL_ID_ASC',
  EPCL_ID_DESC = 'EPCL_ID_DESC',
  DATE_FIRST_ADDED_ASC = 'DATE_FIRST_ADDED_ASC',
  DATE_FIRST_ADDED_DESC = 'DATE_FIRST_ADDED_DESC',
}
export enum ReportEntryOrder {
  ANNEX_ROW_ASC = 'ANNEX_ROW_ASC',
  ID_ASC = 'ID_ASC',
}
export enum EpclReportOrder {
  NUMBER_ASC = 'NUMBER_ASC',
  NUMBER_DESC = 'NUMBER_DESC',
}
registerEnumType(EpclEntryOrder, { name: 'EpclEntryOrder' });
registerEnumType(ReportEntryOrder, { name: 'ReportEntryOrder' });
registerEnumType(EpclReportOrder, { name: 'EpclReportOrder' });

@InputType({ description: 'Every condition given must hold; a list matches any of its values.' })
export class EpclEntryFilter {
  @Field(() => [EpclEntryState], { nullable: true })
  states?: EpclEntryState[];

  @Field(() => [InstallationStatus], { nullable: true })
  installationStatuses?: InstallationStatus[];

  @Field(() => [String], { nullable: true, description: 'Cohort codes, e.g. MOC_SECURE.' })
  cohorts?: string[];

  @Field(() => Int, { nullable: true, description: 'Entries requested in this EPCL report.' })
  reportNumber?: number;

  @Field(() => ReportGroup, {
    nullable: true,
    description: 'With reportNumber: only this group; alone: in this group of any report.',
  })
  group?: ReportGroup;

  @Field(() => [EntryBasis], { nullable: true })
  basis?: EntryBasis[];

  @Field(() => ID, { nullable: true })
  dmcId?: string;

  @Field(() => [String], { nullable: true })
  epclIds?: string[];

  @Field(() => LocalDate, { nullable: true })
  firstAddedFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  firstAddedTo?: string;
}

@InputType()
export class EpclReportFilter {
  @Field(() => [EpclReportState], { nullable: true })
  states?: EpclReportState[];
}

@ArgsType()
export class EpclListArgs extends PageArgs {
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The EPCL as it stood at the end of this date, from the entries’ history (default: today). Entries ON_EPCL then, each with the list version that added it.',
  })
  asOf?: string | null;

  @Field(() => [EpclListOrder], { nullable: true, description: 'Default EPCL_ID_ASC.' })
  orderBy?: EpclListOrder[];
}

@ArgsType()
export class EpclEntriesArgs extends PageArgs {
  @Field(() => EpclEntryFilter, { nullable: true })
  filter?: EpclEntryFilter;

  @Field(() => LocalDate, { nullable: true, description: AS_OF_ENTRIES })
  asOf?: string | null;

  @Field(() => [EpclEntryOrder], { nullable: true, description: 'Default ID_ASC.' })
  orderBy?: EpclEntryOrder[];
}

@ArgsType()
export class EpclReportsArgs extends PageArgs {
  @Field(() => EpclReportFilter, { nullable: true })
  filter?: EpclReportFilter;

  @Field(() => [EpclReportOrder], { nullable: true })
  orderBy?: EpclReportOrder[];
}
