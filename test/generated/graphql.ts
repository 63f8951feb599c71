/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Status of a SMETS1 installation: ACTIVE meters are operated for their supplier through an SMSO, DORMANT meters are not (for example after a change of supplier), MIXED has both. EPCL entries are per status. */
export type InstallationStatus =
  | 'ACTIVE'
  | 'DORMANT'
  | 'MIXED';

/** GROUP_1_TESTED: entries tested in DMCT. GROUP_2_SE: entries proposed as substantively equivalent (or child) to Group 1. */
export type ReportGroup =
  | 'GROUP_1_TESTED'
  | 'GROUP_2_SE';

export type EpclReportSummaryQueryVariables = Exact<{
  number: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  group?: ReportGroup | null | undefined;
}>;


export type EpclReportSummaryQuery = { epclReport: { number: number, title: string, state: EpclReportState, dmctTranches: Array<number>, reportDate: string | null, sscConfirmedOn: string | null, objectionDeadline: string | null, entries: { totalCount: number, edges: Array<{ cursor: string, group: ReportGroup, annexRow: number | null, node: { epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, state: EpclEntryState } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } };

export type EpclEntryByEpclIdQueryVariables = Exact<{
  epclId: string;
}>;


export type EpclEntryByEpclIdQuery = { epclEntry: { epclId: string | null, installationStatus: InstallationStatus, basis: EntryBasis | null, state: EpclEntryState, dateFirstAdded: string | null } };

export type DomainEventsSubscriptionVariables = Exact<{
  types?: Array<string> | string | null | undefined;
}>;


export type DomainEventsSubscription = { domainEvents: { id: string, type: string, aggregateType: string, aggregateId: string, occurredAt: string, payload: Record<string, unknown> } };


export const EpclReportSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpclReportSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"group"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportGroup"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dmctTranches"}},{"kind":"Field","name":{"kind":"Name","value":"reportDate"}},{"kind":"Field","name":{"kind":"Name","value":"sscConfirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"objectionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"group"},"value":{"kind":"Variable","name":{"kind":"Name","value":"group"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"annexRow"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EpclReportSummaryQuery, EpclReportSummaryQueryVariables>;
export const EpclEntryByEpclIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpclEntryByEpclId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"epclId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epclId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epclId"}},{"kind":"Field","name":{"kind":"Name","value":"installationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dateFirstAdded"}}]}}]}}]} as unknown as DocumentNode<EpclEntryByEpclIdQuery, EpclEntryByEpclIdQueryVariables>;
export const DomainEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DomainEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domainEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateType"}},{"kind":"Field","name":{"kind":"Name","value":"aggregateId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<DomainEventsSubscription, DomainEventsSubscriptionVariables>;