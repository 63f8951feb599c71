/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Entries added to a report while it is DRAFTING. */
export type AddEntriesToEpclReportInput = {
  /** 1–1000 entries. Group 1 holds tested entries; Group 2 SE/child entries whose basis entry is in Group 1 of the report or already approved. */
  entries: Array<ReportEntryInput>;
  /** The report’s rowVersion as you read it. */
  expectedVersion?: number | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  reportNumber: number;
};

/** Why an installation cannot reach an EPCL entry. */
export type BlockerCode =
  /** The DMC belongs to another cohort. */
  | 'COHORT_MISMATCH'
  /** Its DMC has an entry for its status, but the entry is not (or no longer) on the EPCL. */
  | 'ENTRY_NOT_ON_EPCL'
  /** In an exclusion category: DCC will not pursue it. */
  | 'EXCLUDED'
  /** The installation has a device the DMC lacks. */
  | 'EXTRA_DEVICE'
  /** A device differs in manufacturer, model or hardware version, which firmware cannot change. */
  | 'HARDWARE_OR_MODEL_MISMATCH'
  /** Already migrated to DCC systems. */
  | 'MIGRATED'
  /** The DMC has a device the installation lacks. */
  | 'MISSING_DEVICE'
  /** No devices are recorded for the installation. */
  | 'NO_DEVICES'
  /** Its devices and firmware match no catalogued DMC of its cohort. */
  | 'NO_DMC_FOR_DEVICES'
  /** Its DMC has no EPCL entry for the installation’s status. */
  | 'NO_ENTRY_FOR_STATUS'
  /** A device’s firmware has no usable upgrade path to the DMC’s. */
  | 'NO_UPGRADE_PATH'
  /** No DMC of its cohort has an EPCL entry for its status that firmware could reach. */
  | 'NO_UPGRADE_TARGET';

/** The expected failure rate of one cohort. */
export type CohortRateInput = {
  /** Cohort code, e.g. MOC_SECURE. */
  cohort: string;
  /** Between 0 and 1, exclusive. */
  rate: number;
};

/** A new DMC: its cohort and slots, and the EPCL entries it is a candidate for. */
export type CreateDmcInput = {
  /** Installation statuses to create CANDIDATE EPCL entries for, each once. */
  candidateEntries?: Array<InstallationStatus> | null | undefined;
  /** The cohort code, e.g. MOC_SECURE. */
  cohort: string;
  /** When the DMC was identified: its entries’ history starts then; not in the future. */
  createdOn: string;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** A label for people, up to 2000 characters. */
  label?: string | null | undefined;
  /** 2–9 slots, each device type and slot number once: exactly one CHF and at least one ESME or GSME. */
  slots: Array<DmcSlotInput>;
};

/** A new EPCL report, in DRAFTING. */
export type CreateEpclReportInput = {
  /** The DMCT tranches it reports on. */
  dmctTranches?: Array<number> | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** The report number, unique, e.g. 23. */
  number: number;
  /** The date of the report: its history starts then; not in the future. */
  reportDate: string;
  /** 1–2000 characters, e.g. "EPCL Report 23 - DMCT Tranche 48". */
  title: string;
};

/** Device types that fill DMC slots: CHF comms hub, ESME electricity meter, GSME gas meter, GPF gas proxy, PPMID prepayment interface, IHD in-home display, HCALCS load control switch. */
export type DeviceType =
  | 'CHF'
  | 'ESME'
  | 'GPF'
  | 'GSME'
  | 'HCALCS'
  | 'IHD'
  | 'PPMID';

/** CHILD_OF: the subject's devices are a strict subset of the parent's. SUBSTANTIVELY_EQUIVALENT_TO: DCC judged the untested subject equivalent to the tested basis. */
export type DmcRelationKind =
  | 'CHILD_OF'
  | 'SUBSTANTIVELY_EQUIVALENT_TO';

/** One slot of a new DMC. */
export type DmcSlotInput = {
  deviceType: DeviceType;
  /** A FirmwareVersion of a device model of that type. */
  firmwareVersionId: string | number;
  /** 1–9, default 1; twins take 1 and 2. */
  slotNo?: number | null | undefined;
};

/** Why an EPCL entry may be on the list. */
export type EntryBasis =
  /** The DMC's devices are a strict subset of a tested parent DMC's, same firmware. */
  | 'CHILD_OF_TESTED'
  /** Untested, judged substantively equivalent to a tested entry (Clause 20.6(d)(i)). */
  | 'SUBSTANTIVELY_EQUIVALENT'
  /** The entry itself was tested in DMCT. */
  | 'TESTED'
  /** An Active or Mixed entry resting on the same DMC's tested Dormant entry plus SIT evidence (SVTAD Clauses 20.9 and 20.41). */
  | 'TESTED_VIA_DORMANT';

/** Where an entry is in the Clause 20 pipeline: from CANDIDATE through DMCT testing or exclusion, PROPOSED in an EPCL report, APPROVED by the Secretary of State, ON_EPCL once the list is republished. */
export type EpclEntryState =
  | 'APPROVED'
  | 'CANDIDATE'
  | 'EXCLUDED_FROM_SCHEDULE'
  | 'IN_TEST'
  | 'ON_DMCT_SCHEDULE'
  | 'ON_EPCL'
  | 'PROPOSED'
  | 'REJECTED'
  | 'REMOVED'
  | 'TEST_REPORT_DRAFT'
  | 'TEST_REPORT_FINAL'
  | 'WITHDRAWN';

/** A point in the EPCL’s history: a published list version (the list as of its publication date) or a date (the list as of the end of that day). Give exactly one. */
export type EpclListPoint = {
  date?: string | null | undefined;
  /** A version published with `publishEpclListVersion`. */
  version?: string | null | undefined;
};

/** Statutory process of an EPCL report: SSC review, publication, the 5-working-day objection window after SECAS notification, then the Secretary of State decision. */
export type EpclReportState =
  | 'APPROVED'
  | 'AWAITING_SOS'
  | 'DRAFTING'
  | 'OBJECTION_WINDOW_CLOSED'
  | 'OBJECTION_WINDOW_OPEN'
  | 'PARTIALLY_APPROVED'
  | 'PUBLISHED'
  | 'REJECTED'
  | 'SSC_CONFIRMED'
  | 'SSC_REVIEW'
  | 'WITHDRAWN';

/** A test report supporting an entry, and the role it plays (Clause 20.41). */
export type EvidenceInput = {
  role: EvidenceRole;
  testReportId: string | number;
};

/** The part a test report plays for an entry (Clause 20.41 for Active/Mixed entries on the 20.9 basis). */
export type EvidenceRole =
  | 'ACTIVE_SIT_TCR'
  | 'DMCT_TESTING_REPORT'
  | 'DORMANT_DMCT_TCR'
  | 'MIXED_SIT_TCR'
  | 'SE_BASIS_REPORT';

/** A reviewed draft deemed final (Clause 20.39). */
export type FinaliseTestReportInput = {
  /** The test report’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Not before the TAG review, not in the future. */
  finalOn: string;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  testReportId: string | number;
};

/** The daily Go/No-go: GO or NO_GO. */
export type GoNoGo =
  | 'GO'
  | 'NO_GO';

/** Status of a SMETS1 installation: ACTIVE meters are operated for their supplier through an SMSO, DORMANT meters are not (for example after a change of supplier), MIXED has both. EPCL entries are per status. */
export type InstallationStatus =
  | 'ACTIVE'
  | 'DORMANT'
  | 'MIXED';

/** A draft test report issued by DCC (Clause 20.34). */
export type IssueDraftTestReportInput = {
  capabilityRelease?: string | null | undefined;
  /** Where the document is held. */
  documentRef?: string | null | undefined;
  /** When the draft was issued: its history starts then; not in the future. */
  draftIssuedOn: string;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  kind: TestReportKind;
  /** 1–100 DMCs and statuses, each once. */
  scope: Array<TestReportScopeInput>;
  /** 1–2000 characters. */
  title: string;
  /** The DMCT tranche, positive. */
  tranche?: number | null | undefined;
  version?: string | null | undefined;
};

/** Where an installation is in migration to DCC systems. */
export type MigrationState =
  | 'EXCLUDED'
  | 'FAILED'
  | 'FW_UPGRADE_PENDING'
  | 'IN_PROGRESS'
  | 'MIGRATED'
  | 'SCHEDULED'
  | 'UNMIGRATED';

/** What the MCC may do (Annex C): SCALE_UP or SCALE_DOWN daily volumes, THROTTLE or HALT_DMC one DMC until diagnosis, PAUSE migration, RESUME it. */
export type PacingActionKind =
  | 'HALT_DMC'
  | 'PAUSE'
  | 'RESUME'
  | 'SCALE_DOWN'
  | 'SCALE_UP'
  | 'THROTTLE';

/** Thresholds overriding the defaults (7 days, 5 %, 100 attempts, × 1.5, × 3, 3 DMCs). */
export type PacingThresholdsInput = {
  expectedByCohort?: Array<CohortRateInput> | null | undefined;
  expectedFailureRate?: number | null | undefined;
  haltFactor?: number | null | undefined;
  minAttempts?: number | null | undefined;
  pauseOnUnknownDmcs?: number | null | undefined;
  throttleFactor?: number | null | undefined;
  windowDays?: number | null | undefined;
};

/** Why a pacing action is recommended: a DMC or cohort failing above its expected rate, an error code the migration process does not expect, a plan above capacity, headroom with nothing wrong, or nothing wrong after a pause. */
export type PacingTrigger =
  | 'COHORT_FAILURE_RATE'
  | 'DMC_FAILURE_RATE'
  | 'HEADROOM'
  | 'NO_TRIGGER_AFTER_PAUSE'
  | 'OVER_CAPACITY'
  | 'UNKNOWN_ERROR_CODE';

/** An existing entry proposed for the EPCL, with its basis and evidence. */
export type ProposeEpclEntryInput = {
  basis: EntryBasis;
  /** The entry it rests on: required for TESTED_VIA_DORMANT (the same DMC’s tested Dormant entry), SUBSTANTIVELY_EQUIVALENT and CHILD_OF_TESTED (a tested entry of the related DMC); absent otherwise. */
  basisEpclId?: string | null | undefined;
  /** The entry (its ID: entries get an EPCL ID when first proposed). */
  entryId: string | number;
  /** Evidence added to what the entry has. */
  evidence?: Array<EvidenceInput> | null | undefined;
  /** The entry’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** When it was proposed; not in the future. */
  proposedOn: string;
};

/** Where a seeded value comes from: STATED by the seed document (EPCL Report 22), ASSUMED where the seed is silent and a value was needed, or SYNTHETIC (invented for the national catalogue around report 22). */
export type ProvenanceSource =
  | 'ASSUMED'
  | 'STATED'
  | 'SYNTHETIC';

/** A new version of the EPCL, adding every APPROVED entry. */
export type PublishEpclListVersionInput = {
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** The publication date: the date first added of entries added for the first time; not before their approval or the previous version, not in the future. */
  publishedOn: string;
  /** The version label, unique, 1–50 characters, e.g. "v23". */
  version: string;
};

/** Publication of a confirmed report and SECAS’s notification of it. */
export type PublishEpclReportInput = {
  /** The report’s rowVersion as you read it. */
  expectedVersion?: number | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** When DCC published the report; not in the future. */
  publishedOn: string;
  reportNumber: number;
  /** When SECAS notified SEC Parties: opens the objection window, which ends 5 working days later; not before publishedOn. */
  secasNotifiedOn: string;
};

/** Red, Amber, Green, or NA (not applicable). */
export type Rag =
  | 'A'
  | 'G'
  | 'NA'
  | 'R';

/** A defect found in testing (Clause 20.28). */
export type RaiseTestingIssueInput = {
  /** Default true. False (Clause 20.29) needs notCountedRationale (RATIONALE_REQUIRED otherwise). */
  countsAgainstThreshold?: boolean | null | undefined;
  /** The DMC it was found on, if one. */
  dmcId?: string | number | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  notCountedRationale?: string | null | undefined;
  /** not in the future */
  raisedOn: string;
  /** Unique reference, 1–50 letters, digits and _ . / -, e.g. "TI-0412". */
  ref: string;
  /** 1 (most severe) to 5 (SEVERITY_RANGE otherwise). */
  severity: number;
  testReportId: string | number;
  /** 1–2000 characters. */
  title: string;
};

/** A daily Go/No-go decision to record. */
export type RecordGoNoGoDecisionInput = {
  date: string;
  /** Who decided (name or role): 1–200 characters. */
  decidedBy: string;
  decision: GoNoGo;
  /** Why: 1–2000 characters. */
  reason: string;
};

/** A Supplier Party's objection to an EPCL report. */
export type RecordObjectionInput = {
  /** The grounds of the objection, 1–2000 characters. */
  grounds: string;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** When DCC received it: within the objection window (by the objection deadline), not in the future. */
  receivedOn: string;
  /** The report objected to, e.g. 22. */
  reportNumber: number;
  /** The objecting supplier. */
  supplierId: number;
};

/** A pacing action to record. */
export type RecordPacingActionInput = {
  action: PacingActionKind;
  /** Cohort code, when the action is about one cohort. */
  cohort?: string | null | undefined;
  date: string;
  /** The DMC (required for THROTTLE and HALT_DMC). */
  dmcId?: string | number | null | undefined;
  /** Why: 1–2000 characters. */
  reason: string;
  /** Who took it: 1–200 characters. */
  recordedBy: string;
};

/** A Supplier Party's referral of a shared draft to the Secretary of State (Clause 20.37). */
export type RecordReferralToSecretaryOfStateInput = {
  /** The test report’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** The referring Supplier Party, 1–2000 characters. */
  referredBy: string;
  /** When it was referred: within the referral window (by referralWindowEndsOn), not in the future. */
  referredOn: string;
  testReportId: string | number;
};

/** The Secretary of State's decision on an EPCL report awaiting it. */
export type RecordSecretaryOfStateDecisionInput = {
  /** The entries approved (EPCL IDs). Absent: every proposed entry for APPROVED, none for REJECTED; required for PARTIALLY_APPROVED. Proposed entries not listed are REJECTED. */
  approvedEpclIds?: Array<string> | null | undefined;
  /** The date of the decision: after the objection deadline, not in the future. */
  decidedOn: string;
  decision: SosDecision;
  /** The report’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion?: number | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** The report decided, e.g. 22. */
  reportNumber: number;
};

/** The Secretary of State's determination of a referral (Clause 20.40). */
export type RecordSecretaryOfStateDeterminationInput = {
  /** The determination, 1–2000 characters. */
  determination: string;
  /** Not before the referral, not in the future. */
  determinedOn: string;
  /** The test report’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  testReportId: string | number;
};

/** The Security Sub-Committee's confirmation that a report raises no new security risks. */
export type RecordSscDecisionInput = {
  /** When the SSC confirmed; not in the future. */
  confirmedOn: string;
  /** The report’s rowVersion as you read it. */
  expectedVersion?: number | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** Confirmed offline or at a meeting. */
  mode: SscMode;
  reportNumber: number;
};

/** TAG's review of the Testing Issues against the thresholds (Clause 20.38). */
export type RecordTagReviewInput = {
  /** The test report’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** TAG's outcome, 1–2000 characters. */
  outcome: string;
  /** After the referral window (without a referral) or the determination; not in the future. */
  reviewedOn: string;
  testReportId: string | number;
};

/** Removal of an entry from the EPCL. Its date first added is kept. */
export type RemoveEpclEntryInput = {
  /** The entry, e.g. "002255". */
  epclId: string;
  /** The entry’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** Why, 1–2000 characters. */
  reason: string;
  /** When it was removed from the list; not in the future. */
  removedOn: string;
};

/** An entry requested in a report, in its group. */
export type ReportEntryInput = {
  /** Its row in Annex A. */
  annexRow?: number | null | undefined;
  /** e.g. "002255". */
  epclId: string;
  group: ReportGroup;
};

/** GROUP_1_TESTED: entries tested in DMCT. GROUP_2_SE: entries proposed as substantively equivalent (or child) to Group 1. */
export type ReportGroup =
  | 'GROUP_1_TESTED'
  | 'GROUP_2_SE';

/** Overall, Group 1 (tested), Group 2 (substantively equivalent), or both groups. */
export type ReportSection =
  | 'GROUPS_1_AND_2'
  | 'GROUP_1_TESTED'
  | 'GROUP_2_SE'
  | 'OVERALL';

/** A draft made available to Supplier Parties (Clause 20.36). */
export type ShareTestReportWithSuppliersInput = {
  /** The test report’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** When it was shared: opens the 10-working-day referral window; not before the draft was issued, not in the future. */
  sharedOn: string;
  testReportId: string | number;
};

/** The Secretary of State's decision on an EPCL report: every requested entry approved, some approved (the others rejected), or none. */
export type SosDecision =
  | 'APPROVED'
  | 'PARTIALLY_APPROVED'
  | 'REJECTED';

/** How the Security Sub-Committee confirmed: offline or in a meeting. */
export type SscMode =
  | 'MEETING'
  | 'OFFLINE';

/** What a recorded state change is about: an EPCL entry, an EPCL report or a test report. */
export type StateAggregate =
  | 'EPCL_ENTRY'
  | 'EPCL_REPORT'
  | 'TEST_REPORT';

/** A drafted report sent to the Security Sub-Committee. */
export type SubmitEpclReportToSscInput = {
  /** The report’s rowVersion as you read it. */
  expectedVersion?: number | null | undefined;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  reportNumber: number;
  /** When it was sent; not in the future. */
  submittedOn: string;
};

/** DMCT Testing Report, or a Dormant DMCT / Active SIT / Mixed SIT Test Completion Report (TCR). */
export type TestReportKind =
  | 'ACTIVE_SIT_TEST_COMPLETION'
  | 'DMCT_TESTING_REPORT'
  | 'DORMANT_DMCT_TEST_COMPLETION'
  | 'MIXED_SIT_TEST_COMPLETION';

/** A DMC and installation status a new test report covers. */
export type TestReportScopeInput = {
  dmcId: string | number;
  installationStatus: InstallationStatus;
  /** The DMCT test pack run, up to 2000 characters. */
  testPack?: string | null | undefined;
};

/** Clause 20: DRAFT → SHARED_WITH_SUPPLIERS → [REFERRED_TO_SOS → SOS_DETERMINED] → TAG_REVIEWED → FINAL. */
export type TestReportState =
  | 'DRAFT'
  | 'FINAL'
  | 'REFERRED_TO_SOS'
  | 'SHARED_WITH_SUPPLIERS'
  | 'SOS_DETERMINED'
  | 'SUPERSEDED'
  | 'TAG_REVIEWED';

export type TestingIssueStatus =
  | 'CLOSED'
  | 'DEFERRED'
  | 'OPEN'
  | 'REJECTED';

/** A correction to a manufacturer’s display name. */
export type UpdateManufacturerInput = {
  /** The manufacturer to correct. */
  id: string | number;
  /** The new display name: 1–200 characters after trimming, no control characters. */
  name: string;
};

/** Changes to a Testing Issue; fields left out are kept. */
export type UpdateTestingIssueInput = {
  /** Not before it was raised, not in the future. */
  closedOn?: string | null | undefined;
  countsAgainstThreshold?: boolean | null | undefined;
  /** The issue’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  notCountedRationale?: string | null | undefined;
  severity?: number | null | undefined;
  /** CLOSED, DEFERRED or REJECTED need closedOn; OPEN reopens (clears closedOn). */
  status?: TestingIssueStatus | null | undefined;
  /** When TAG was advised (Clause 20.30); not in the future. */
  tagAdvisedOn?: string | null | undefined;
  testingIssueId: string | number;
  title?: string | null | undefined;
};

/** Installations already at the target firmware, or that could be firmware-upgraded to it. */
export type VolumeBasis =
  | 'AT_TARGET_FW'
  | 'POTENTIAL_FW_UPGRADE';

/** Withdrawal of an EPCL entry not (yet) on the list. */
export type WithdrawEpclEntryInput = {
  /** The entry, e.g. "002255". */
  epclId: string;
  /** The entry’s rowVersion as you read it; STALE_VERSION if it changed since. */
  expectedVersion: number;
  /** Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing. */
  idempotencyKey?: string | null | undefined;
  /** Why, 1–2000 characters. */
  reason: string;
  /** When it was withdrawn; not in the future. */
  withdrawnOn: string;
};

export type UpdateManufacturerMutationVariables = Exact<{
  input: UpdateManufacturerInput;
}>;


export type UpdateManufacturerMutation = { updateManufacturer: { manufacturer: { id: string, name: string, deviceModels: Array<{ modelName: string }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ManufacturersNamedQueryVariables = Exact<{
  contains: string;
}>;


export type ManufacturersNamedQuery = { manufacturers: { totalCount: number, nodes: Array<{ id: string, name: string }> } };

export type DmcEntriesQueryVariables = Exact<{
  cohort: string;
  fingerprint: string;
}>;


export type DmcEntriesQuery = { dmc: { id: string, fingerprint: string, cohort: { code: string, s1spName: string }, slots: Array<{ deviceType: DeviceType, firmwareVersion: { versionHex: string | null, deviceModel: { modelName: string, hardwareVersion: string, manufacturer: { name: string } } } }>, entries: Array<{ epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, state: EpclEntryState, dateFirstAdded: string | null }> } };

export type DmcsNotOnEpclQueryVariables = Exact<{
  cohort: string;
  first?: number | null | undefined;
}>;


export type DmcsNotOnEpclQuery = { dmcs: { totalCount: number, nodes: Array<{ fingerprint: string, entries: Array<{ epclId: string | null, installationStatus: InstallationStatus, state: EpclEntryState, reports: Array<{ group: ReportGroup, report: { number: number } }> }>, testReports: Array<{ kind: TestReportKind, state: TestReportState, referralWindowEndsOn: string | null }> }> } };

export type OpenDraftTestReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenDraftTestReportsQuery = { testReports: { totalCount: number, nodes: Array<{ title: string, tranche: number | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, scope: Array<{ installationStatus: InstallationStatus, dmc: { fingerprint: string } }>, testingIssues: Array<{ ref: string, severity: number, status: TestingIssueStatus, countsAgainstThreshold: boolean, notCountedRationale: string | null }> }> } };

export type EquivalentEntriesQueryVariables = Exact<{
  reportNumber: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EquivalentEntriesQuery = { epclEntries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, dmc: { fingerprint: string, equivalentTo: Array<{ fingerprint: string }>, relations: Array<{ kind: DmcRelationKind, rationale: string, publishedIn: string | null }> }, basisEntry: { epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, evidence: Array<{ role: EvidenceRole, testReport: { kind: TestReportKind, title: string, finalOn: string | null } }> } | null } }> } };

export type DeviceModelRestrictionsQueryVariables = Exact<{
  manufacturer: string;
  model: string;
  hardwareVersion: string;
}>;


export type DeviceModelRestrictionsQuery = { deviceModel: { deviceType: DeviceType, modelName: string, restrictions: Array<{ restriction: string, communicationRef: string | null, communicationTitle: string | null, communicatedOn: string | null, cohort: { code: string } | null }> } };

export type PipelineFunnelQueryVariables = Exact<{ [key: string]: never; }>;


export type PipelineFunnelQuery = { candidate: { totalCount: number }, onSchedule: { totalCount: number }, inTest: { totalCount: number }, excluded: { totalCount: number }, proposed: { totalCount: number }, onEpcl: { totalCount: number } };

export type TrancheIssuesQueryVariables = Exact<{
  tranches: Array<number> | number;
}>;


export type TrancheIssuesQuery = { testingIssues: { totalCount: number, nodes: Array<{ ref: string, severity: number, countsAgainstThreshold: boolean, notCountedRationale: string | null, tagAdvisedOn: string | null, testReport: { tranche: number | null }, dmc: { fingerprint: string } | null }> }, testingIssueThresholds: Array<{ capabilityRelease: string, severity: number, maxOpenCounted: number }> };

export type ReportComplianceQueryVariables = Exact<{
  number: number;
}>;


export type ReportComplianceQuery = { epclReport: { number: number, sscConfirmedOn: string | null, listsPublishedOn: string | null, secasNotifiedOn: string | null, objectionDeadline: string | null, publishedUpgradeableInstalls: { value: number, asOf: string | null, source: string | null } | null, criteria: Array<{ number: number, title: string, rag: Rag }>, clauseEvidence: Array<{ clause: string, section: ReportSection, evidenceDate: string | null, evidenceCount: number | null }>, publishedVolumes: Array<{ section: ReportSection, basis: VolumeBasis, installationStatus: InstallationStatus, installs: number, devices: number }>, testingIssues: Array<{ ref: string, status: TestingIssueStatus, countsAgainstThreshold: boolean, tagAdvisedOn: string | null }> } };

export type FirmwareReachQueryVariables = Exact<{
  id: string | number;
}>;


export type FirmwareReachQuery = { node:
    | { __typename: 'Cohort', id: string }
    | { __typename: 'DeviceModel', id: string }
    | { __typename: 'DeviceModelRestriction', id: string }
    | { __typename: 'Dmc', id: string }
    | { __typename: 'DmcRelation', id: string }
    | { __typename: 'EpclEntry', id: string }
    | { __typename: 'EpclReport', id: string }
    | { __typename: 'FirmwareUpgradePath', id: string }
    | { __typename: 'FirmwareVersion', versionHex: string | null, id: string, deviceModel: { modelName: string }, upgradesTo: Array<{ toFirmware: { versionHex: string | null } }>, reachableUpgrades: Array<{ hops: number, firmwareVersion: { id: string, versionHex: string | null } }>, reachableFrom: Array<{ hops: number, firmwareVersion: { versionHex: string | null } }> }
    | { __typename: 'Installation', id: string }
    | { __typename: 'Manufacturer', id: string }
    | { __typename: 'Supplier', id: string }
    | { __typename: 'TestReport', id: string }
    | { __typename: 'TestingIssue', id: string }
   | null };

export type NestedEntriesQueryVariables = Exact<{
  first: number;
}>;


export type NestedEntriesQuery = { epclEntries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, epclId: string | null, state: EpclEntryState, dateFirstAdded: string | null, dmc: { label: string | null, slots: Array<{ slotNo: number, deviceType: DeviceType, firmwareVersion: { versionRaw: string, releasedOn: string | null, deviceModel: { modelName: string, deviceType: DeviceType, manufacturer: { name: string } } } }> } }> } };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'Cohort', id: string }
    | { __typename: 'DeviceModel', id: string }
    | { __typename: 'DeviceModelRestriction', id: string }
    | { __typename: 'Dmc', fingerprint: string, id: string }
    | { __typename: 'DmcRelation', id: string }
    | { __typename: 'EpclEntry', epclId: string | null, id: string }
    | { __typename: 'EpclReport', number: number, id: string }
    | { __typename: 'FirmwareUpgradePath', id: string }
    | { __typename: 'FirmwareVersion', id: string }
    | { __typename: 'Installation', id: string }
    | { __typename: 'Manufacturer', id: string }
    | { __typename: 'Supplier', id: string }
    | { __typename: 'TestReport', id: string }
    | { __typename: 'TestingIssue', id: string }
   | null> };

export type EntriesBackwardsQueryVariables = Exact<{
  last: number;
  before?: string | null | undefined;
}>;


export type EntriesBackwardsQuery = { epclEntries: { pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, nodes: Array<{ epclId: string | null }> } };

export type StateChangeFieldsFragment = { aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null };

export type ReportLifecycleQueryVariables = Exact<{
  number: number;
}>;


export type ReportLifecycleQuery = { epclReport: { number: number, state: EpclReportState, rowVersion: number, objectionDeadline: string | null, sosDecision: string | null, sosDecidedOn: string | null, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } };

export type EntryLifecycleQueryVariables = Exact<{
  epclId: string;
  asOf?: string | null | undefined;
}>;


export type EntryLifecycleQuery = { epclEntry: { epclId: string | null, state: EpclEntryState, dateFirstAdded: string | null, stateChangedAt: string, rowVersion: number, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } };

export type EntryStatesQueryVariables = Exact<{
  reportNumber: number;
  states?: Array<EpclEntryState> | EpclEntryState | null | undefined;
}>;


export type EntryStatesQuery = { epclEntries: { totalCount: number } };

export type RecordSecretaryOfStateDecisionMutationVariables = Exact<{
  input: RecordSecretaryOfStateDecisionInput;
}>;


export type RecordSecretaryOfStateDecisionMutation = { recordSecretaryOfStateDecision: { report: { number: number, state: EpclReportState, sosDecision: string | null, sosDecidedOn: string | null, rowVersion: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type PublishEpclListVersionMutationVariables = Exact<{
  input: PublishEpclListVersionInput;
}>;


export type PublishEpclListVersionMutation = { publishEpclListVersion: { listVersion: { version: string, publishedOn: string, entriesAdded: number, actor: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type WithdrawEpclEntryMutationVariables = Exact<{
  input: WithdrawEpclEntryInput;
}>;


export type WithdrawEpclEntryMutation = { withdrawEpclEntry: { entry: { epclId: string | null, state: EpclEntryState, rowVersion: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RemoveEpclEntryMutationVariables = Exact<{
  input: RemoveEpclEntryInput;
}>;


export type RemoveEpclEntryMutation = { removeEpclEntry: { entry: { epclId: string | null, state: EpclEntryState, dateFirstAdded: string | null, rowVersion: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RecordObjectionMutationVariables = Exact<{
  input: RecordObjectionInput;
}>;


export type RecordObjectionMutation = { recordObjection: { report: { number: number, state: EpclReportState, objections: Array<{ supplierId: number, supplierName: string, receivedOn: string, grounds: string, actor: string }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ReportStepResultFragment = { report: { number: number, state: EpclReportState, rowVersion: number, sscConfirmedOn: string | null, sscMode: SscMode | null, publishedOn: string | null, secasNotifiedOn: string | null, objectionDeadline: string | null, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> };

export type SubmitEpclReportToSscMutationVariables = Exact<{
  input: SubmitEpclReportToSscInput;
}>;


export type SubmitEpclReportToSscMutation = { submitEpclReportToSsc: { report: { number: number, state: EpclReportState, rowVersion: number, sscConfirmedOn: string | null, sscMode: SscMode | null, publishedOn: string | null, secasNotifiedOn: string | null, objectionDeadline: string | null, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RecordSscDecisionMutationVariables = Exact<{
  input: RecordSscDecisionInput;
}>;


export type RecordSscDecisionMutation = { recordSscDecision: { report: { number: number, state: EpclReportState, rowVersion: number, sscConfirmedOn: string | null, sscMode: SscMode | null, publishedOn: string | null, secasNotifiedOn: string | null, objectionDeadline: string | null, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type PublishEpclReportMutationVariables = Exact<{
  input: PublishEpclReportInput;
}>;


export type PublishEpclReportMutation = { publishEpclReport: { report: { number: number, state: EpclReportState, rowVersion: number, sscConfirmedOn: string | null, sscMode: SscMode | null, publishedOn: string | null, secasNotifiedOn: string | null, objectionDeadline: string | null, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type CreateEpclReportMutationVariables = Exact<{
  input: CreateEpclReportInput;
}>;


export type CreateEpclReportMutation = { createEpclReport: { report: { number: number, state: EpclReportState, rowVersion: number, sscConfirmedOn: string | null, sscMode: SscMode | null, publishedOn: string | null, secasNotifiedOn: string | null, objectionDeadline: string | null, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type AddEntriesToEpclReportMutationVariables = Exact<{
  input: AddEntriesToEpclReportInput;
}>;


export type AddEntriesToEpclReportMutation = { addEntriesToEpclReport: { report: { number: number, rowVersion: number, entries: { totalCount: number, nodes: Array<{ epclId: string | null, state: EpclEntryState }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ProposeEpclEntryMutationVariables = Exact<{
  input: ProposeEpclEntryInput;
}>;


export type ProposeEpclEntryMutation = { proposeEpclEntry: { entry: { id: string, epclId: string | null, state: EpclEntryState, basis: EntryBasis | null, rowVersion: number, evidence: Array<{ role: EvidenceRole }>, history: { nodes: Array<{ aggregate: StateAggregate, fromState: string | null, toState: string, effectiveOn: string, recordedAt: string, actor: string, reason: string | null, report: { number: number } | null }> } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type EntryStatesAsOfQueryVariables = Exact<{
  reportNumber: number;
  states?: Array<EpclEntryState> | EpclEntryState | null | undefined;
  asOf?: string | null | undefined;
}>;


export type EntryStatesAsOfQuery = { epclEntries: { totalCount: number } };

export type EpclListAsOfQueryVariables = Exact<{
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EpclListAsOfQuery = { epclList: { totalCount: number, nodes: Array<{ epclId: string | null, state: EpclEntryState, dateFirstAdded: string | null, listVersion: { version: string, publishedOn: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReportAsOfQueryVariables = Exact<{
  number: number;
  asOf?: string | null | undefined;
}>;


export type ReportAsOfQuery = { epclReport: { number: number, state: EpclReportState, sosDecision: string | null, sosDecidedOn: string | null } };

export type DmcEntriesAsOfQueryVariables = Exact<{
  epclId: string;
  asOf?: string | null | undefined;
}>;


export type DmcEntriesAsOfQuery = { epclEntry: { dmc: { entries: Array<{ epclId: string | null, state: EpclEntryState, dateFirstAdded: string | null }> } } };

export type ProvenanceFieldsFragment = { field: string, source: ProvenanceSource, note: string | null };

export type SeedProvenanceQueryVariables = Exact<{
  number: number;
  epclId: string;
}>;


export type SeedProvenanceQuery = { epclReport: { provenance: Array<{ field: string, source: ProvenanceSource, note: string | null }> }, synthetic: { provenance: Array<{ field: string, source: ProvenanceSource, note: string | null }> }, epclEntry: { provenance: Array<{ field: string, source: ProvenanceSource, note: string | null }> }, testReports: { nodes: Array<{ provenance: Array<{ field: string, source: ProvenanceSource, note: string | null }>, history: { nodes: Array<{ toState: string, effectiveOn: string, reason: string | null }> } }> } };

export type EpclListDiffQueryVariables = Exact<{
  from: EpclListPoint;
  to: EpclListPoint;
}>;


export type EpclListDiffQuery = { epclListDiff: { fromDate: string, toDate: string, fromVersion: string | null, toVersion: string | null, fromSize: number, toSize: number, added: Array<{ fromState: EpclEntryState | null, toState: EpclEntryState | null, entry: { epclId: string | null, state: EpclEntryState } }>, removed: Array<{ fromState: EpclEntryState | null, toState: EpclEntryState | null, entry: { epclId: string | null, state: EpclEntryState } }>, changed: Array<{ fromState: EpclEntryState | null, toState: EpclEntryState | null, entry: { epclId: string | null, state: EpclEntryState } }> } };

export type PacingQueryVariables = Exact<{
  date: string;
  thresholds?: PacingThresholdsInput | null | undefined;
}>;


export type PacingQuery = { latestPacingDate: string | null, pacing: { date: string, windowFrom: string, capacity: number, planned: number, attempted: number, succeeded: number, failed: number, paused: boolean, newErrorCodes: Array<string>, allocations: Array<{ supplier: string, status: InstallationStatus, planned: number }>, thresholds: { windowDays: number, expectedFailureRate: number, minAttempts: number, throttleFactor: number, haltFactor: number }, failureRateByDmc: Array<{ cohort: string, rate: number, attempts: number, failed: number, expected: number, throttleAbove: number, haltAbove: number, anomalous: boolean, dmc: { id: string, fingerprint: string, cohort: { code: string } } }>, failureRateByCohort: Array<{ cohort: string, rate: number, attempts: number, expected: number, anomalous: boolean }>, unknownErrorCodes: Array<{ code: string, occurrences: number, dmcs: Array<{ id: string }> }>, recommendations: Array<{ cohort: string | null, action: PacingActionKind, reason: PacingTrigger, evidence: string, dmc: { id: string, fingerprint: string } | null }>, decision: { id: string, date: string, decision: GoNoGo, decidedBy: string, reason: string } | null, decisions: Array<{ date: string, decision: GoNoGo }>, actions: Array<{ date: string, action: PacingActionKind, reason: string, dmc: { id: string } | null }>, history: Array<{ date: string, capacity: number, planned: number, attempted: number, succeeded: number, failed: number }> } };

export type RecordGoNoGoDecisionMutationVariables = Exact<{
  input: RecordGoNoGoDecisionInput;
}>;


export type RecordGoNoGoDecisionMutation = { recordGoNoGoDecision: { decision: { id: string, date: string, decision: GoNoGo, decidedBy: string, reason: string, recordedAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RecordPacingActionMutationVariables = Exact<{
  input: RecordPacingActionInput;
}>;


export type RecordPacingActionMutation = { recordPacingAction: { pacingAction: { id: string, date: string, action: PacingActionKind, cohort: string | null, reason: string, recordedBy: string, dmc: { id: string, fingerprint: string } | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type EpclReportSummaryQueryVariables = Exact<{
  number: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  group?: ReportGroup | null | undefined;
}>;


export type EpclReportSummaryQuery = { epclReport: { number: number, title: string, state: EpclReportState, dmctTranches: Array<number>, reportDate: string | null, sscConfirmedOn: string | null, objectionDeadline: string | null, entries: { totalCount: number, edges: Array<{ cursor: string, node: { epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, state: EpclEntryState } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } };

export type EpclEntryByEpclIdQueryVariables = Exact<{
  epclId: string;
}>;


export type EpclEntryByEpclIdQuery = { epclEntry: { epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, state: EpclEntryState, dateFirstAdded: string | null } };

export type DomainEventsSubscriptionVariables = Exact<{
  types?: Array<string> | string | null | undefined;
}>;


export type DomainEventsSubscription = { domainEvents: { id: string, type: string, aggregateType: string, aggregateId: string, occurredAt: string, payload: Record<string, unknown> } };

export type UserErrorFieldsFragment = { code: string, message: string, field: Array<string> | null };

export type TestReportLifecycleFieldsFragment = { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> };

export type IssueDraftTestReportMutationVariables = Exact<{
  input: IssueDraftTestReportInput;
}>;


export type IssueDraftTestReportMutation = { issueDraftTestReport: { testReport: { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ShareTestReportWithSuppliersMutationVariables = Exact<{
  input: ShareTestReportWithSuppliersInput;
}>;


export type ShareTestReportWithSuppliersMutation = { shareTestReportWithSuppliers: { testReport: { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RecordReferralToSecretaryOfStateMutationVariables = Exact<{
  input: RecordReferralToSecretaryOfStateInput;
}>;


export type RecordReferralToSecretaryOfStateMutation = { recordReferralToSecretaryOfState: { testReport: { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RecordSecretaryOfStateDeterminationMutationVariables = Exact<{
  input: RecordSecretaryOfStateDeterminationInput;
}>;


export type RecordSecretaryOfStateDeterminationMutation = { recordSecretaryOfStateDetermination: { testReport: { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RecordTagReviewMutationVariables = Exact<{
  input: RecordTagReviewInput;
}>;


export type RecordTagReviewMutation = { recordTagReview: { testReport: { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type FinaliseTestReportMutationVariables = Exact<{
  input: FinaliseTestReportInput;
}>;


export type FinaliseTestReportMutation = { finaliseTestReport: { testReport: { id: string, state: TestReportState, rowVersion: number, draftIssuedOn: string | null, sharedWithSuppliersOn: string | null, referralWindowEndsOn: string | null, referredToSosOn: string | null, sosDeterminedOn: string | null, sosDetermination: string | null, tagReviewedOn: string | null, tagOutcome: string | null, finalOn: string | null, provenance: Array<{ field: string, source: ProvenanceSource }>, scope: Array<{ installationStatus: InstallationStatus, dmc: { id: string } }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RaiseTestingIssueMutationVariables = Exact<{
  input: RaiseTestingIssueInput;
}>;


export type RaiseTestingIssueMutation = { raiseTestingIssue: { testingIssue: { id: string, ref: string, status: TestingIssueStatus, severity: number, countsAgainstThreshold: boolean, closedOn: string | null, rowVersion: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type UpdateTestingIssueMutationVariables = Exact<{
  input: UpdateTestingIssueInput;
}>;


export type UpdateTestingIssueMutation = { updateTestingIssue: { testingIssue: { id: string, ref: string, status: TestingIssueStatus, severity: number, countsAgainstThreshold: boolean, notCountedRationale: string | null, tagAdvisedOn: string | null, closedOn: string | null, rowVersion: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type CreateDmcMutationVariables = Exact<{
  input: CreateDmcInput;
}>;


export type CreateDmcMutation = { createDmc: { dmc: { id: string, fingerprint: string, label: string | null, cohort: { code: string }, slots: Array<{ deviceType: DeviceType, slotNo: number }>, entries: Array<{ id: string, state: EpclEntryState, installationStatus: InstallationStatus, rowVersion: number }> } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type TestReportHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestReportHistoryQuery = { node:
    | { state: TestReportState, history: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ fromState: string | null, toState: string, effectiveOn: string, actor: string }> } }
    | Record<PropertyKey, never>
   | null };

export type UpgradeCandidatesQueryVariables = Exact<{
  target: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  statuses?: Array<InstallationStatus> | InstallationStatus | null | undefined;
}>;


export type UpgradeCandidatesQuery = { upgradeCandidates: { totalCount: number, totals: { installs: { active: number, dormant: number, mixed: number, total: number }, devices: { active: number, dormant: number, mixed: number, total: number } }, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ installation: { id: string, status: InstallationStatus, migrationState: MigrationState, supplier: { id: string, name: string }, cohort: { code: string } }, devices: Array<{ deviceId: string, deviceType: DeviceType, hops: number, fromFirmware: { id: string }, toFirmware: { id: string }, path: Array<{ id: string }> }> }> } };

export type ReportVolumesQueryVariables = Exact<{
  number: number;
}>;


export type ReportVolumesQuery = { epclReport: { volumes: { rule: string, syntheticInventory: boolean, inventoryNote: string | null, calibratedFigures: Array<{ section: ReportSection, basis: VolumeBasis, measure: string, calibratedTo: number, source: string, holds: boolean }>, alreadyEligible: { installs: { total: number } }, tables: Array<{ section: ReportSection, rows: Array<{ basis: VolumeBasis, recomputed: { installs: { active: number, dormant: number, mixed: number, total: number }, devices: { total: number } }, published: { installs: { total: number }, devices: { total: number } } | null, difference: { installs: { total: number }, devices: { total: number } } | null }>, totals: { recomputed: { installs: { total: number }, devices: { total: number } } } }> }, impact: { direct: { total: number }, byFirmwareUpgrade: { active: number, dormant: number, mixed: number, total: number }, total: { total: number } } } };

export type InstallationEligibilityQueryVariables = Exact<{
  id: string | number;
}>;


export type InstallationEligibilityQuery = { installation: { id: string, status: InstallationStatus, migrationState: MigrationState, supplier: { id: string }, devices: Array<{ deviceId: string, deviceType: DeviceType, firmwareVersion: { id: string, versionHex: string | null } }>, currentDmc: { fingerprint: string } | null, eligibility: { eligible: boolean, currentDmc: { fingerprint: string } | null, entry: { epclId: string | null, state: EpclEntryState, basis: EntryBasis | null } | null, basisChain: Array<{ epclId: string | null, basis: EntryBasis | null, installationStatus: InstallationStatus }>, upgradeOptions: Array<{ hops: number, dmc: { fingerprint: string }, entry: { epclId: string | null, state: EpclEntryState }, devices: Array<{ deviceId: string, hops: number, path: Array<{ id: string }> }> }>, blockers: Array<{ code: BlockerCode, message: string }> } } | null };

export type InstallationByDeviceQueryVariables = Exact<{
  deviceId: string;
}>;


export type InstallationByDeviceQuery = { installationByDeviceId: { id: string, status: InstallationStatus, supplier: { id: string } } | null };

export type ReportImpactEntriesQueryVariables = Exact<{
  number: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReportImpactEntriesQuery = { epclReport: { impact: { total: { total: number }, entries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { installations: number, devices: number, entry: { id: string, epclId: string | null, installationStatus: InstallationStatus } } }> } } } };

export type ReportImpactInstallationsQueryVariables = Exact<{
  number: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReportImpactInstallationsQuery = { epclReport: { impact: { total: { active: number, dormant: number, mixed: number, total: number }, installations: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, nodes: Array<{ atTarget: boolean, hops: number, entry: { epclId: string | null, installationStatus: InstallationStatus }, installation: { id: string, status: InstallationStatus, migrationState: MigrationState, supplier: { id: string } } }> } } } };

export const StateChangeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<StateChangeFieldsFragment, unknown>;
export const ReportStepResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportStepResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclReportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sscMode"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"secasNotifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<ReportStepResultFragment, unknown>;
export const ProvenanceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvenanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldProvenance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<ProvenanceFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const TestReportLifecycleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TestReportLifecycleFieldsFragment, unknown>;
export const UpdateManufacturerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateManufacturer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateManufacturerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateManufacturer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deviceModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateManufacturerMutation, UpdateManufacturerMutationVariables>;
export const ManufacturersNamedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManufacturersNamed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contains"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contains"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ManufacturersNamedQuery, ManufacturersNamedQueryVariables>;
export const DmcEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DmcEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fingerprint"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dmc"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cohort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}}},{"kind":"Argument","name":{"kind":"Name","value":"fingerprint"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fingerprint"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"s1spName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"firmwareVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionHex"}},{"kind":"Field","name":{"kind":"Name","value":"deviceModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"hardwareVersion"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}}]}}]}}]}}]} as unknown as DocumentNode<DmcEntriesQuery, DmcEntriesQueryVariables>;
export const DmcsNotOnEpclDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DmcsNotOnEpcl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dmcs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"cohort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"onEpcl"},"value":{"kind":"BooleanValue","value":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"testReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DmcsNotOnEpclQuery, DmcsNotOnEpclQueryVariables>;
export const OpenDraftTestReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenDraftTestReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DMCT_TESTING_REPORT"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SHARED_WITH_SUPPLIERS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tranche"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"testingIssues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"countsAgainstThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"notCountedRationale"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenDraftTestReportsQuery, OpenDraftTestReportsQueryVariables>;
export const EquivalentEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EquivalentEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reportNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportNumber"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"group"},"value":{"kind":"EnumValue","value":"GROUP_2_SE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EPCL_ID_ASC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"equivalentTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"rationale"}},{"kind":"Field","name":{"kind":"Name","value":"publishedIn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"basisEntry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EquivalentEntriesQuery, EquivalentEntriesQueryVariables>;
export const DeviceModelRestrictionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceModelRestrictions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"manufacturer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hardwareVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"manufacturer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"manufacturer"}}},{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"hardwareVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hardwareVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"restrictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restriction"}},{"kind":"Field","name":{"kind":"Name","value":"communicationRef"}},{"kind":"Field","name":{"kind":"Name","value":"communicationTitle"}},{"kind":"Field","name":{"kind":"Name","value":"communicatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeviceModelRestrictionsQuery, DeviceModelRestrictionsQueryVariables>;
export const PipelineFunnelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PipelineFunnel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"candidate"},"name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CANDIDATE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"onSchedule"},"name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ON_DMCT_SCHEDULE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"inTest"},"name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"IN_TEST"},{"kind":"EnumValue","value":"TEST_REPORT_DRAFT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"excluded"},"name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EXCLUDED_FROM_SCHEDULE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"proposed"},"name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PROPOSED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"onEpcl"},"name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ON_EPCL"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<PipelineFunnelQuery, PipelineFunnelQueryVariables>;
export const TrancheIssuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrancheIssues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tranches"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testingIssues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"tranches"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tranches"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SEVERITY_ASC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"countsAgainstThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"notCountedRationale"}},{"kind":"Field","name":{"kind":"Name","value":"tagAdvisedOn"}},{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tranche"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"testingIssueThresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capabilityRelease"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"maxOpenCounted"}}]}}]}}]} as unknown as DocumentNode<TrancheIssuesQuery, TrancheIssuesQueryVariables>;
export const ReportComplianceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportCompliance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"listsPublishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"secasNotifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"publishedUpgradeableInstalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"rag"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clauseEvidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clause"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedVolumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"installs"}},{"kind":"Field","name":{"kind":"Name","value":"devices"}}]}},{"kind":"Field","name":{"kind":"Name","value":"testingIssues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"countsAgainstThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"tagAdvisedOn"}}]}}]}}]}}]} as unknown as DocumentNode<ReportComplianceQuery, ReportComplianceQueryVariables>;
export const FirmwareReachDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirmwareReach"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirmwareVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionHex"}},{"kind":"Field","name":{"kind":"Name","value":"deviceModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgradesTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toFirmware"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionHex"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reachableUpgrades"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"firmwareVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionHex"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reachableFrom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"firmwareVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionHex"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FirmwareReachQuery, FirmwareReachQueryVariables>;
export const NestedEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NestedEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ON_EPCL"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ID_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slotNo"}},{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"firmwareVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionRaw"}},{"kind":"Field","name":{"kind":"Name","value":"releasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"deviceModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NestedEntriesQuery, NestedEntriesQueryVariables>;
export const NodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dmc"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const EntriesBackwardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntriesBackwards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EPCL_ID_ASC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reportNumber"},"value":{"kind":"IntValue","value":"22"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}}]}}]}}]}}]} as unknown as DocumentNode<EntriesBackwardsQuery, EntriesBackwardsQueryVariables>;
export const ReportLifecycleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportLifecycle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"sosDecision"}},{"kind":"Field","name":{"kind":"Name","value":"sosDecidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<ReportLifecycleQuery, ReportLifecycleQueryVariables>;
export const EntryLifecycleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryLifecycle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"epclId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}},{"kind":"Field","name":{"kind":"Name","value":"stateChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<EntryLifecycleQuery, EntryLifecycleQueryVariables>;
export const EntryStatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryStates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"states"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpclEntryState"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reportNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportNumber"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"Variable","name":{"kind":"Name","value":"states"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<EntryStatesQuery, EntryStatesQueryVariables>;
export const RecordSecretaryOfStateDecisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordSecretaryOfStateDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSecretaryOfStateDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordSecretaryOfStateDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sosDecision"}},{"kind":"Field","name":{"kind":"Name","value":"sosDecidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordSecretaryOfStateDecisionMutation, RecordSecretaryOfStateDecisionMutationVariables>;
export const PublishEpclListVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishEpclListVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishEpclListVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishEpclListVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"entriesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PublishEpclListVersionMutation, PublishEpclListVersionMutationVariables>;
export const WithdrawEpclEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawEpclEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawEpclEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawEpclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawEpclEntryMutation, WithdrawEpclEntryMutationVariables>;
export const RemoveEpclEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveEpclEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveEpclEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeEpclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveEpclEntryMutation, RemoveEpclEntryMutationVariables>;
export const RecordObjectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordObjection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordObjectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"objections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplierId"}},{"kind":"Field","name":{"kind":"Name","value":"supplierName"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"grounds"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordObjectionMutation, RecordObjectionMutationVariables>;
export const SubmitEpclReportToSscDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitEpclReportToSsc"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitEpclReportToSscInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitEpclReportToSsc"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportStepResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportStepResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclReportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sscMode"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"secasNotifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]} as unknown as DocumentNode<SubmitEpclReportToSscMutation, SubmitEpclReportToSscMutationVariables>;
export const RecordSscDecisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordSscDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSscDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordSscDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportStepResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportStepResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclReportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sscMode"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"secasNotifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]} as unknown as DocumentNode<RecordSscDecisionMutation, RecordSscDecisionMutationVariables>;
export const PublishEpclReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishEpclReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishEpclReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishEpclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportStepResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportStepResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclReportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sscMode"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"secasNotifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]} as unknown as DocumentNode<PublishEpclReportMutation, PublishEpclReportMutationVariables>;
export const CreateEpclReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEpclReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEpclReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEpclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportStepResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportStepResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EpclReportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sscMode"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"secasNotifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]} as unknown as DocumentNode<CreateEpclReportMutation, CreateEpclReportMutationVariables>;
export const AddEntriesToEpclReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddEntriesToEpclReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddEntriesToEpclReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addEntriesToEpclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<AddEntriesToEpclReportMutation, AddEntriesToEpclReportMutationVariables>;
export const ProposeEpclEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeEpclEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposeEpclEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeEpclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StateChangeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StateChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StateChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<ProposeEpclEntryMutation, ProposeEpclEntryMutationVariables>;
export const EntryStatesAsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryStatesAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"states"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpclEntryState"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reportNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportNumber"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"Variable","name":{"kind":"Name","value":"states"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<EntryStatesAsOfQuery, EntryStatesAsOfQueryVariables>;
export const EpclListAsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpclListAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}},{"kind":"Field","name":{"kind":"Name","value":"listVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EpclListAsOfQuery, EpclListAsOfQueryVariables>;
export const ReportAsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sosDecision"}},{"kind":"Field","name":{"kind":"Name","value":"sosDecidedOn"}}]}}]}}]} as unknown as DocumentNode<ReportAsOfQuery, ReportAsOfQueryVariables>;
export const DmcEntriesAsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DmcEntriesAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"epclId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DmcEntriesAsOfQuery, DmcEntriesAsOfQueryVariables>;
export const SeedProvenanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeedProvenance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvenanceFields"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"synthetic"},"name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvenanceFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"epclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"epclId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvenanceFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"testReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"tranches"},"value":{"kind":"ListValue","values":[{"kind":"IntValue","value":"44"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DMCT_TESTING_REPORT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProvenanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvenanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldProvenance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]} as unknown as DocumentNode<SeedProvenanceQuery, SeedProvenanceQueryVariables>;
export const EpclListDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpclListDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpclListPoint"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpclListPoint"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclListDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromDate"}},{"kind":"Field","name":{"kind":"Name","value":"toDate"}},{"kind":"Field","name":{"kind":"Name","value":"fromVersion"}},{"kind":"Field","name":{"kind":"Name","value":"toVersion"}},{"kind":"Field","name":{"kind":"Name","value":"fromSize"}},{"kind":"Field","name":{"kind":"Name","value":"toSize"}},{"kind":"Field","name":{"kind":"Name","value":"added"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"removed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EpclListDiffQuery, EpclListDiffQueryVariables>;
export const PacingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Pacing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"thresholds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PacingThresholdsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latestPacingDate"}},{"kind":"Field","name":{"kind":"Name","value":"pacing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}},{"kind":"Argument","name":{"kind":"Name","value":"thresholds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"thresholds"}}},{"kind":"Argument","name":{"kind":"Name","value":"historyDays"},"value":{"kind":"IntValue","value":"28"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"windowFrom"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attempted"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planned"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"windowDays"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFailureRate"}},{"kind":"Field","name":{"kind":"Name","value":"minAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"throttleFactor"}},{"kind":"Field","name":{"kind":"Name","value":"haltFactor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureRateByDmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"throttleAbove"}},{"kind":"Field","name":{"kind":"Name","value":"haltAbove"}},{"kind":"Field","name":{"kind":"Name","value":"anomalous"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureRateByCohort"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"anomalous"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newErrorCodes"}},{"kind":"Field","name":{"kind":"Name","value":"unknownErrorCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"occurrences"}},{"kind":"Field","name":{"kind":"Name","value":"dmcs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attempted"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}}]}}]}}]} as unknown as DocumentNode<PacingQuery, PacingQueryVariables>;
export const RecordGoNoGoDecisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordGoNoGoDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordGoNoGoDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordGoNoGoDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordGoNoGoDecisionMutation, RecordGoNoGoDecisionMutationVariables>;
export const RecordPacingActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPacingAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPacingActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPacingAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pacingAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPacingActionMutation, RecordPacingActionMutationVariables>;
export const EpclReportSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpclReportSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"group"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportGroup"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dmctTranches"}},{"kind":"Field","name":{"kind":"Name","value":"reportDate"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"group"},"value":{"kind":"Variable","name":{"kind":"Name","value":"group"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EpclReportSummaryQuery, EpclReportSummaryQueryVariables>;
export const EpclEntryByEpclIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpclEntryByEpclId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"epclId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}}]}}]}}]} as unknown as DocumentNode<EpclEntryByEpclIdQuery, EpclEntryByEpclIdQueryVariables>;
export const DomainEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DomainEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domainEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<DomainEventsSubscription, DomainEventsSubscriptionVariables>;
export const IssueDraftTestReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueDraftTestReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueDraftTestReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueDraftTestReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestReportLifecycleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<IssueDraftTestReportMutation, IssueDraftTestReportMutationVariables>;
export const ShareTestReportWithSuppliersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareTestReportWithSuppliers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareTestReportWithSuppliersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareTestReportWithSuppliers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestReportLifecycleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ShareTestReportWithSuppliersMutation, ShareTestReportWithSuppliersMutationVariables>;
export const RecordReferralToSecretaryOfStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordReferralToSecretaryOfState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReferralToSecretaryOfStateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReferralToSecretaryOfState"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestReportLifecycleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RecordReferralToSecretaryOfStateMutation, RecordReferralToSecretaryOfStateMutationVariables>;
export const RecordSecretaryOfStateDeterminationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordSecretaryOfStateDetermination"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSecretaryOfStateDeterminationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordSecretaryOfStateDetermination"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestReportLifecycleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RecordSecretaryOfStateDeterminationMutation, RecordSecretaryOfStateDeterminationMutationVariables>;
export const RecordTagReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTagReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordTagReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTagReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestReportLifecycleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RecordTagReviewMutation, RecordTagReviewMutationVariables>;
export const FinaliseTestReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinaliseTestReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FinaliseTestReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finaliseTestReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestReportLifecycleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestReportLifecycleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}},{"kind":"Field","name":{"kind":"Name","value":"draftIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSuppliersOn"}},{"kind":"Field","name":{"kind":"Name","value":"referralWindowEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"referredToSosOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDeterminedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sosDetermination"}},{"kind":"Field","name":{"kind":"Name","value":"tagReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tagOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"finalOn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<FinaliseTestReportMutation, FinaliseTestReportMutationVariables>;
export const RaiseTestingIssueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RaiseTestingIssue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RaiseTestingIssueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"raiseTestingIssue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testingIssue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"countsAgainstThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RaiseTestingIssueMutation, RaiseTestingIssueMutationVariables>;
export const UpdateTestingIssueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTestingIssue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTestingIssueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTestingIssue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testingIssue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"countsAgainstThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"notCountedRationale"}},{"kind":"Field","name":{"kind":"Name","value":"tagAdvisedOn"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UpdateTestingIssueMutation, UpdateTestingIssueMutationVariables>;
export const CreateDmcDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDmc"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDmcInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDmc"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"slotNo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rowVersion"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<CreateDmcMutation, CreateDmcMutationVariables>;
export const TestReportHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestReportHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TestReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestReportHistoryQuery, TestReportHistoryQueryVariables>;
export const UpgradeCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UpgradeCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstallationStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upgradeCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targetDmc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"installationStatuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"dormant"}},{"kind":"Field","name":{"kind":"Name","value":"mixed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"dormant"}},{"kind":"Field","name":{"kind":"Name","value":"mixed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"migrationState"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cohort"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceId"}},{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"fromFirmware"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toFirmware"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"path"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpgradeCandidatesQuery, UpgradeCandidatesQueryVariables>;
export const ReportVolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportVolumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"syntheticInventory"}},{"kind":"Field","name":{"kind":"Name","value":"inventoryNote"}},{"kind":"Field","name":{"kind":"Name","value":"calibratedFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"calibratedTo"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"holds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alreadyEligible"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"recomputed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"dormant"}},{"kind":"Field","name":{"kind":"Name","value":"mixed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"difference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recomputed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byFirmwareUpgrade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"dormant"}},{"kind":"Field","name":{"kind":"Name","value":"mixed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportVolumesQuery, ReportVolumesQueryVariables>;
export const InstallationEligibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstallationEligibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"migrationState"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceId"}},{"kind":"Field","name":{"kind":"Name","value":"deviceType"}},{"kind":"Field","name":{"kind":"Name","value":"firmwareVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionHex"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentDmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"currentDmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basisChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgradeOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"dmc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceId"}},{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"path"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstallationEligibilityQuery, InstallationEligibilityQueryVariables>;
export const InstallationByDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstallationByDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installationByDeviceId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<InstallationByDeviceQuery, InstallationByDeviceQueryVariables>;
export const ReportImpactEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportImpactEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installations"}},{"kind":"Field","name":{"kind":"Name","value":"devices"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportImpactEntriesQuery, ReportImpactEntriesQueryVariables>;
export const ReportImpactInstallationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportImpactInstallations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"dormant"}},{"kind":"Field","name":{"kind":"Name","value":"mixed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"installations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atTarget"}},{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"installation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"migrationState"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportImpactInstallationsQuery, ReportImpactInstallationsQueryVariables>;