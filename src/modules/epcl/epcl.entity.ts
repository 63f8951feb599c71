import {
  ArrayType,
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
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
  VolumeBasis,
  VolumeSource,
} from '../common/enums';
import { Dmc } from '../dmc/dmc.entity';
import { TestReport } from '../testing/testing.entity';

/**
 * One row of the Eligible Product Combinations List: a DMC for one installation status.
 * `dateFirstAdded` is written once (SEC F2.10A) and the database refuses to change it afterwards.
 * Entries resting on another entry (SE, child, or Active/Mixed on a tested Dormant entry per 20.9) name it
 * in `basisEntry`.
 */
@Entity()
@Unique({ properties: ['dmc', 'installationStatus'] })
@Index({ properties: ['basisEntry'] })
@Index({ properties: ['state', 'id'] })
@Check({ name: 'epcl_entry_epcl_id_format', expression: "epcl_id ~ '^[0-9]{6}$'" })
@Check({
  name: 'epcl_entry_basis_entry_required',
  expression:
    "(basis in ('SUBSTANTIVELY_EQUIVALENT','CHILD_OF_TESTED','TESTED_VIA_DORMANT')) = (basis_entry_id is not null)",
})
@Check({
  name: 'epcl_entry_on_epcl_has_date',
  expression: "state not in ('ON_EPCL','REMOVED') or date_first_added is not null",
})
@Check({
  name: 'epcl_entry_via_dormant_not_dormant',
  expression: "basis <> 'TESTED_VIA_DORMANT' or installation_status <> 'DORMANT'",
})
export class EpclEntry {
  [OptionalProps]?: 'state' | 'synthetic' | 'stateChangedAt' | 'rowVersion';

  @PrimaryKey()
  id!: number;

  /** DCC's 6-digit, zero-padded EPCL ID, e.g. `002255`; null until allocated. */
  @Property({ type: 'text', nullable: true, unique: true })
  epclId?: string | null;

  @ManyToOne(() => Dmc)
  dmc!: Dmc;

  @Enum({ items: () => InstallationStatus })
  installationStatus!: InstallationStatus;

  @Enum({ items: () => EntryBasis, nullable: true })
  basis?: EntryBasis | null;

  @ManyToOne(() => EpclEntry, { nullable: true })
  basisEntry?: EpclEntry | null;

  @Enum({ items: () => EpclEntryState, default: EpclEntryState.CANDIDATE })
  state: EpclEntryState = EpclEntryState.CANDIDATE;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  stateChangedAt?: Date;

  @Property({ type: 'date', nullable: true })
  dateFirstAdded?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  /** Bumped by the database on every update: `expectedVersion` of the lifecycle mutations compares with it. */
  @Property({ type: 'integer', default: 1 })
  rowVersion: number = 1;

  @OneToMany(() => EpclEntryEvidence, (e) => e.entry)
  evidence = new Collection<EpclEntryEvidence>(this);
}

/** A test report that supports an entry, with the role it plays (Clause 20.41). */
@Entity()
@Unique({ properties: ['entry', 'testReport', 'role'] })
export class EpclEntryEvidence {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclEntry, { deleteRule: 'cascade' })
  entry!: EpclEntry;

  @ManyToOne(() => TestReport)
  testReport!: TestReport;

  @Enum({ items: () => EvidenceRole })
  role!: EvidenceRole;
}

/**
 * DCC's request to the Secretary of State to add entries to the EPCL. The objection deadline is computed by
 * the database: 5 England & Wales working days after SECAS notified parties of publication.
 */
@Entity()
@Check({ name: 'epcl_report_number_positive', expression: 'number > 0' })
export class EpclReport {
  [OptionalProps]?: 'state' | 'synthetic' | 'objectionDeadline' | 'dmctTranches' | 'rowVersion';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'integer', unique: true })
  number!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: ArrayType, columnType: 'integer[]', default: '{}' })
  dmctTranches: number[] = [];

  @Property({ type: 'text', nullable: true })
  version?: string | null;

  @Property({ type: 'date', nullable: true })
  reportDate?: string | null;

  @Property({ type: 'text', nullable: true })
  authorEmail?: string | null;

  @Property({ type: 'text', nullable: true })
  classification?: string | null;

  @Enum({ items: () => EpclReportState, default: EpclReportState.DRAFTING })
  state: EpclReportState = EpclReportState.DRAFTING;

  @Property({ type: 'date', nullable: true })
  sscConfirmedOn?: string | null;

  @Enum({ items: () => SscMode, nullable: true })
  sscMode?: SscMode | null;

  /** When the DMCT Status List, Schedule and exclusions were published (Clauses 20.8, 20.10, 20.11). */
  @Property({ type: 'date', nullable: true })
  listsPublishedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  secasNotifiedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  objectionDeadline?: string | null;

  @Property({ type: 'text', nullable: true })
  sosDecision?: string | null;

  @Property({ type: 'date', nullable: true })
  sosDecidedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  signatoryName?: string | null;

  @Property({ type: 'text', nullable: true })
  signatoryRole?: string | null;

  @Property({ type: 'text', nullable: true })
  objectionsTo?: string | null;

  @Property({ type: 'text', nullable: true })
  riskRegisterUrl?: string | null;

  /** The prose figure, kept as published: e.g. "approximately 66,000" unmigrated installations upgradeable. */
  @Property({ type: 'integer', nullable: true })
  upgradeableUnmigratedInstalls?: number | null;

  @Property({ type: 'date', nullable: true })
  upgradeableAsOf?: string | null;

  @Property({ type: 'text', nullable: true })
  upgradeableSource?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  /** Bumped by the database on every update: `expectedVersion` of the lifecycle mutations compares with it. */
  @Property({ type: 'integer', default: 1 })
  rowVersion: number = 1;

  @OneToMany(() => EpclReportEntry, (e) => e.report)
  entries = new Collection<EpclReportEntry>(this);
}

/** An entry requested in a report, in Group 1 (tested) or Group 2 (substantively equivalent). */
@Entity()
@Unique({ properties: ['report', 'entry'] })
@Index({ properties: ['entry'] })
export class EpclReportEntry {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclReport, { deleteRule: 'cascade' })
  report!: EpclReport;

  @ManyToOne(() => EpclEntry)
  entry!: EpclEntry;

  @Enum({ items: () => ReportGroup })
  reportGroup!: ReportGroup;

  @Property({ type: 'integer', nullable: true })
  annexRow?: number | null;
}

/** The ten Live Service Criteria every EPCL report assesses. Reference data loaded by a migration. */
@Entity()
@Check({ name: 'live_service_criterion_no_range', expression: 'no between 1 and 10' })
export class LiveServiceCriterion {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  no!: number;

  @Property({ type: 'text' })
  title!: string;
}

/** A report's RAG status and commentary for one Live Service Criterion. */
@Entity()
@Unique({ properties: ['report', 'criterion'] })
export class EpclReportCriterion {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclReport, { deleteRule: 'cascade' })
  report!: EpclReport;

  @ManyToOne(() => LiveServiceCriterion)
  criterion!: LiveServiceCriterion;

  @Enum({ items: () => Rag })
  rag!: Rag;

  @Property({ type: 'text' })
  commentary!: string;
}

/** A clause of SEC Appendix AK (SVTAD), e.g. `20.41`. Reference data loaded by a migration. */
@Entity()
@Check({ name: 'svtad_clause_ref_format', expression: "ref ~ '^20\\.[0-9]+( \\([a-z]+\\))*$'" })
export class SvtadClause {
  @PrimaryKey({ type: 'text' })
  ref!: string;

  @Property({ type: 'text' })
  summary!: string;
}

/** A report's statement that it satisfied a clause (Annex D), with the dates and counts it cites. */
@Entity()
@Unique({ properties: ['report', 'clause', 'section'] })
export class EpclReportClauseEvidence {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclReport, { deleteRule: 'cascade' })
  report!: EpclReport;

  @ManyToOne(() => SvtadClause)
  clause!: SvtadClause;

  @Enum({ items: () => ReportSection })
  section!: ReportSection;

  @Property({ type: 'text' })
  statement!: string;

  @Property({ type: 'date', nullable: true })
  evidenceDate?: string | null;

  @Property({ type: 'integer', nullable: true })
  evidenceCount?: number | null;

  @Property({ type: 'text', nullable: true })
  docRef?: string | null;
}

/**
 * One cell of a report's Installs/Devices tables, kept exactly as published (or recomputed), with its
 * source. Row and column totals are derived, never stored.
 */
@Entity()
@Unique({ properties: ['report', 'section', 'basis', 'installationStatus', 'source'] })
@Check({ name: 'epcl_report_volume_non_negative', expression: 'installs >= 0 and devices >= 0' })
@Check({ name: 'epcl_report_volume_section', expression: "section <> 'GROUPS_1_AND_2'" })
export class EpclReportVolume {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclReport, { deleteRule: 'cascade' })
  report!: EpclReport;

  @Enum({ items: () => ReportSection })
  section!: ReportSection;

  @Enum({ items: () => VolumeBasis })
  basis!: VolumeBasis;

  @Enum({ items: () => InstallationStatus })
  installationStatus!: InstallationStatus;

  @Property({ type: 'integer' })
  installs!: number;

  @Property({ type: 'integer' })
  devices!: number;

  @Enum({ items: () => VolumeSource })
  source!: VolumeSource;

  @Property({ type: 'date', nullable: true })
  asOf?: string | null;

  @Property({ type: 'text', nullable: true })
  sourceNote?: string | null;
}

/** A risk relevant to a report, from DCC's EPCL Reports Risk Register. */
@Entity()
@Unique({ properties: ['report', 'ref'] })
export class EpclReportRisk {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclReport, { deleteRule: 'cascade' })
  report!: EpclReport;

  @Property({ type: 'text' })
  ref!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  status?: string | null;

  @Property({ type: 'text', nullable: true })
  sourceUrl?: string | null;
}
