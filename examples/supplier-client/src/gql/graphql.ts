/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Status of a SMETS1 installation: ACTIVE meters are operated for their supplier through an SMSO, DORMANT meters are not (for example after a change of supplier), MIXED has both. EPCL entries are per status. */
export type InstallationStatus =
  | 'ACTIVE'
  | 'DORMANT'
  | 'MIXED';

/** Where an installation is in migration to DCC systems. */
export type MigrationState =
  | 'EXCLUDED'
  | 'FAILED'
  | 'FW_UPGRADE_PENDING'
  | 'IN_PROGRESS'
  | 'MIGRATED'
  | 'SCHEDULED'
  | 'UNMIGRATED';

/** Overall, Group 1 (tested), Group 2 (substantively equivalent), or both groups. */
export type ReportSection =
  | 'GROUPS_1_AND_2'
  | 'GROUP_1_TESTED'
  | 'GROUP_2_SE'
  | 'OVERALL';

/** DCC_ADMIN: DCC staff with write rights (EPCL process steps, catalogue corrections, key management). DCC_ANALYST: DCC staff who read everything and write nothing. SUPPLIER: the catalogue and only its own installations. */
export type ViewerRole =
  | 'DCC_ADMIN'
  | 'DCC_ANALYST'
  | 'SUPPLIER';

export type MyInstallationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  statuses?: Array<InstallationStatus> | InstallationStatus | null | undefined;
}>;


export type MyInstallationsQuery = { viewer: { role: ViewerRole, supplier: { id: string, name: string } | null, installations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: InstallationStatus, migrationState: MigrationState, cohort: { code: string }, currentDmc: { fingerprint: string } | null }> } } };

export type EntryDmcQueryVariables = Exact<{
  epclId: string;
}>;


export type EntryDmcQuery = { epclEntry: { epclId: string | null, state: EpclEntryState, installationStatus: InstallationStatus, dmc: { id: string, fingerprint: string } } };

export type UpgradeCandidateTotalsQueryVariables = Exact<{
  target: string | number;
}>;


export type UpgradeCandidateTotalsQuery = { upgradeCandidates: { totalCount: number, totals: { installs: { active: number, dormant: number, mixed: number, total: number }, devices: { active: number, dormant: number, mixed: number, total: number } } } };

export type InstallationEligibilityQueryVariables = Exact<{
  id: string | number;
}>;


export type InstallationEligibilityQuery = { installation: { id: string, status: InstallationStatus, eligibility: { eligible: boolean, entry: { epclId: string | null, state: EpclEntryState } | null, blockers: Array<{ code: BlockerCode, message: string }>, upgradeOptions: Array<{ hops: number, dmc: { fingerprint: string }, entry: { epclId: string | null, state: EpclEntryState } }> } } | null };

export type ReportVolumesQueryVariables = Exact<{
  number: number;
}>;


export type ReportVolumesQuery = { epclReport: { number: number, title: string, volumes: { rule: string, tables: Array<{ section: ReportSection, totals: { recomputed: { installs: { total: number }, devices: { total: number } } } }> } } };


export const MyInstallationsDocument = {"__meta__":{"hash":"sha256:5ed99c53e6b0750f61a708a966868e7b727fb22e98177b8da4a378a5f8d5a507"}} as unknown as DocumentNode<MyInstallationsQuery, MyInstallationsQueryVariables>;
export const EntryDmcDocument = {"__meta__":{"hash":"sha256:5bca8214e7a261dc6f7edcd5fa4684882ae80221fad7570e08239764aef6c49c"}} as unknown as DocumentNode<EntryDmcQuery, EntryDmcQueryVariables>;
export const UpgradeCandidateTotalsDocument = {"__meta__":{"hash":"sha256:6dc69dff9787445bba35f01e7e410235b430a25385a25c0cb150d98284e85fed"}} as unknown as DocumentNode<UpgradeCandidateTotalsQuery, UpgradeCandidateTotalsQueryVariables>;
export const InstallationEligibilityDocument = {"__meta__":{"hash":"sha256:a387cc20e6b9263de50f1f8bf8f38b624dc0d7ccf35c5bd58f4e215d43c9a1f1"}} as unknown as DocumentNode<InstallationEligibilityQuery, InstallationEligibilityQueryVariables>;
export const ReportVolumesDocument = {"__meta__":{"hash":"sha256:ab03a7a6acf5f05d8008edd6e5d97448bdba5b706c7b521094b0dc463ea25c85"}} as unknown as DocumentNode<ReportVolumesQuery, ReportVolumesQueryVariables>;