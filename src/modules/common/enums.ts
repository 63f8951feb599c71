/**
 * Domain vocabularies shared by the database, the ORM and the GraphQL schema.
 *
 * Every value is stored as text with a CHECK constraint, so a value added here needs a migration.
 * Tags as in docs/domain.md: [S] stated in EPCL Report 22, [C] confirmed publicly, [I] our inference.
 */

/** Device types that can fill a DMC slot (DUIS naming; "CH" is normalised to CHF on import). [C]/[I] */
export enum DeviceType {
  CHF = 'CHF',
  ESME = 'ESME',
  GSME = 'GSME',
  GPF = 'GPF',
  PPMID = 'PPMID',
  IHD = 'IHD',
  HCALCS = 'HCALCS',
}

/** Installation status: Active meters are operated by a supplier's SMSO, Dormant are not, Mixed has both. [S] */
export enum InstallationStatus {
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
  MIXED = 'MIXED',
}

export enum OperatingCapability {
  IOC = 'IOC',
  MOC = 'MOC',
  FOC = 'FOC',
}

export enum FirmwareEncoding {
  HEX = 'HEX',
  BCD = 'BCD',
  TEXT = 'TEXT',
}

export enum DmcRelationKind {
  /** The subject's slots are a strict subset of the parent's, same firmware, same cohort. [I] */
  CHILD_OF = 'CHILD_OF',
  /** DCC judged the untested subject equivalent to a tested basis DMC (SVTAD 20.6(d)(i)). [S] */
  SUBSTANTIVELY_EQUIVALENT_TO = 'SUBSTANTIVELY_EQUIVALENT_TO',
}

/** Why an EPCL entry may be on the list. [S] for the four kinds, [I] for the names. */
export enum EntryBasis {
  TESTED = 'TESTED',
  /** Active/Mixed entry resting on the same DMC's tested Dormant entry plus SIT evidence (SVTAD 20.9, 20.41). */
  TESTED_VIA_DORMANT = 'TESTED_VIA_DORMANT',
  SUBSTANTIVELY_EQUIVALENT = 'SUBSTANTIVELY_EQUIVALENT',
  CHILD_OF_TESTED = 'CHILD_OF_TESTED',
}

/** Life cycle of an EPCL entry. [I] from the Clause 20 steps quoted in the seed. */
export enum EpclEntryState {
  CANDIDATE = 'CANDIDATE',
  ON_DMCT_SCHEDULE = 'ON_DMCT_SCHEDULE',
  EXCLUDED_FROM_SCHEDULE = 'EXCLUDED_FROM_SCHEDULE',
  IN_TEST = 'IN_TEST',
  TEST_REPORT_DRAFT = 'TEST_REPORT_DRAFT',
  TEST_REPORT_FINAL = 'TEST_REPORT_FINAL',
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  ON_EPCL = 'ON_EPCL',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  REMOVED = 'REMOVED',
}

export enum EvidenceRole {
  DMCT_TESTING_REPORT = 'DMCT_TESTING_REPORT',
  DORMANT_DMCT_TCR = 'DORMANT_DMCT_TCR',
  ACTIVE_SIT_TCR = 'ACTIVE_SIT_TCR',
  MIXED_SIT_TCR = 'MIXED_SIT_TCR',
  SE_BASIS_REPORT = 'SE_BASIS_REPORT',
}

export enum TestReportKind {
  DMCT_TESTING_REPORT = 'DMCT_TESTING_REPORT',
  DORMANT_DMCT_TEST_COMPLETION = 'DORMANT_DMCT_TEST_COMPLETION',
  ACTIVE_SIT_TEST_COMPLETION = 'ACTIVE_SIT_TEST_COMPLETION',
  MIXED_SIT_TEST_COMPLETION = 'MIXED_SIT_TEST_COMPLETION',
}

/** DRAFT (20.34) → SHARED_WITH_SUPPLIERS (20.36) → [REFERRED_TO_SOS → SOS_DETERMINED] (20.37/20.40) → TAG_REVIEWED (20.38) → FINAL (20.39). */
export enum TestReportState {
  DRAFT = 'DRAFT',
  SHARED_WITH_SUPPLIERS = 'SHARED_WITH_SUPPLIERS',
  REFERRED_TO_SOS = 'REFERRED_TO_SOS',
  SOS_DETERMINED = 'SOS_DETERMINED',
  TAG_REVIEWED = 'TAG_REVIEWED',
  FINAL = 'FINAL',
  SUPERSEDED = 'SUPERSEDED',
}

export enum TestingIssueStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  DEFERRED = 'DEFERRED',
  REJECTED = 'REJECTED',
}

export enum EpclReportState {
  DRAFTING = 'DRAFTING',
  SSC_REVIEW = 'SSC_REVIEW',
  SSC_CONFIRMED = 'SSC_CONFIRMED',
  PUBLISHED = 'PUBLISHED',
  OBJECTION_WINDOW_OPEN = 'OBJECTION_WINDOW_OPEN',
  OBJECTION_WINDOW_CLOSED = 'OBJECTION_WINDOW_CLOSED',
  AWAITING_SOS = 'AWAITING_SOS',
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum SscMode {
  OFFLINE = 'OFFLINE',
  MEETING = 'MEETING',
}

/** The two groups of an EPCL report. [S] */
export enum ReportGroup {
  GROUP_1_TESTED = 'GROUP_1_TESTED',
  GROUP_2_SE = 'GROUP_2_SE',
}

/** Which part of a report a clause statement or a volume table belongs to. */
export enum ReportSection {
  OVERALL = 'OVERALL',
  GROUP_1_TESTED = 'GROUP_1_TESTED',
  GROUP_2_SE = 'GROUP_2_SE',
  GROUPS_1_AND_2 = 'GROUPS_1_AND_2',
}

export enum VolumeBasis {
  AT_TARGET_FW = 'AT_TARGET_FW',
  POTENTIAL_FW_UPGRADE = 'POTENTIAL_FW_UPGRADE',
}

export enum VolumeSource {
  AS_PUBLISHED = 'AS_PUBLISHED',
  RECOMPUTED = 'RECOMPUTED',
}

export enum Rag {
  R = 'R',
  A = 'A',
  G = 'G',
  NA = 'NA',
}

export enum MigrationState {
  UNMIGRATED = 'UNMIGRATED',
  FW_UPGRADE_PENDING = 'FW_UPGRADE_PENDING',
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  MIGRATED = 'MIGRATED',
  FAILED = 'FAILED',
  EXCLUDED = 'EXCLUDED',
}

/** Installations DCC will not pursue. [C] smartdcc consultations "various-1" and "active-to-dormant". */
export enum ExclusionCategory {
  MISSING_MASTER_KEYS = 'MISSING_MASTER_KEYS',
  NO_WAN_BEFORE_MIGRATION = 'NO_WAN_BEFORE_MIGRATION',
  NO_WAN_AT_MIGRATION = 'NO_WAN_AT_MIGRATION',
  FIVE_FAILED_ATTEMPTS = 'FIVE_FAILED_ATTEMPTS',
  UNECONOMIC_DMC = 'UNECONOMIC_DMC',
  GAS_HAN_GT01_ELEC_ONLY = 'GAS_HAN_GT01_ELEC_ONLY',
  DORMANT_NOT_COS = 'DORMANT_NOT_COS',
  OTHER = 'OTHER',
}

export enum MeterStatus {
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
}

/** Why an installation cannot reach an EPCL entry (eligibility blockers). */
export enum BlockerCode {
  MIGRATED = 'MIGRATED',
  EXCLUDED = 'EXCLUDED',
  NO_DEVICES = 'NO_DEVICES',
  NO_DMC_FOR_DEVICES = 'NO_DMC_FOR_DEVICES',
  COHORT_MISMATCH = 'COHORT_MISMATCH',
  MISSING_DEVICE = 'MISSING_DEVICE',
  EXTRA_DEVICE = 'EXTRA_DEVICE',
  HARDWARE_OR_MODEL_MISMATCH = 'HARDWARE_OR_MODEL_MISMATCH',
  NO_UPGRADE_PATH = 'NO_UPGRADE_PATH',
  NO_ENTRY_FOR_STATUS = 'NO_ENTRY_FOR_STATUS',
  ENTRY_NOT_ON_EPCL = 'ENTRY_NOT_ON_EPCL',
  NO_UPGRADE_TARGET = 'NO_UPGRADE_TARGET',
}

/** The aggregates whose state changes are recorded in the history (`state_change`). */
export enum StateAggregate {
  EPCL_ENTRY = 'EPCL_ENTRY',
  EPCL_REPORT = 'EPCL_REPORT',
  TEST_REPORT = 'TEST_REPORT',
}

/** The Secretary of State's decision on an EPCL report. */
export enum SosDecision {
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
}
