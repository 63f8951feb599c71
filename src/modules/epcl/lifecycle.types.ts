import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';
import type { Of } from '../../core/graphql/relay';
import { UserError } from '../../core/graphql/user-error';
import { EntryBasis, EvidenceRole, ReportGroup, SosDecision, SscMode } from '../common/enums';
import { EpclEntry, EpclListVersion, EpclReport } from './epcl.types';

export { EpclListVersion };

/* The GraphQL shape of the EPCL lifecycle mutations (lifecycle.service.ts). */

/** The description of every lifecycle input's `idempotencyKey`. */
export const IDEMPOTENCY_KEY =
  'Optional, 1–200 characters, chosen by the client (e.g. a UUID). The first successful result under this key (for this mutation and viewer) is stored and replayed to a retry instead of applying the step twice; the same key with a different input gives IDEMPOTENCY_KEY_REUSED. A call that returned user errors stores nothing.';

@InputType({ description: "The Secretary of State's decision on an EPCL report awaiting it." })
export class RecordSecretaryOfStateDecisionInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int, { description: 'The report decided, e.g. 22.' })
  reportNumber!: number;

  @Field(() => SosDecision)
  decision!: SosDecision;

  @Field(() => LocalDate, {
    description: 'The date of the decision: after the objection deadline, not in the future.',
  })
  decidedOn!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'The entries approved (EPCL IDs). Absent: every proposed entry for APPROVED, none for REJECTED; required for PARTIALLY_APPROVED. Proposed entries not listed are REJECTED.',
  })
  approvedEpclIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The report’s rowVersion as you read it; STALE_VERSION if it changed since.',
  })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The result of `recordSecretaryOfStateDecision`.' })
export class RecordSecretaryOfStateDecisionPayload {
  reportId!: number | null;

  @Field(() => EpclReport, { nullable: true, description: 'The report as it now is; null on error.' })
  report!: Of<EpclReport> | null;

  @Field(() => [UserError], { description: 'Empty when the decision was recorded.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A new version of the EPCL, adding every APPROVED entry.' })
export class PublishEpclListVersionInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field({ description: 'The version label, unique, 1–50 characters, e.g. "v23".' })
  version!: string;

  @Field(() => LocalDate, {
    description:
      'The publication date: the date first added of entries added for the first time; not before their approval or the previous version, not in the future.',
  })
  publishedOn!: string;
}

@ObjectType({ description: 'The result of `publishEpclListVersion`.' })
export class PublishEpclListVersionPayload {
  listVersionId!: number | null;

  @Field(() => EpclListVersion, { nullable: true, description: 'The version published; null on error.' })
  listVersion!: EpclListVersion | null;

  @Field(() => [UserError], { description: 'Empty when the version was published.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Withdrawal of an EPCL entry not (yet) on the list.' })
export class WithdrawEpclEntryInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field({ description: 'The entry, e.g. "002255".' })
  epclId!: string;

  @Field(() => LocalDate, { description: 'When it was withdrawn; not in the future.' })
  withdrawnOn!: string;

  @Field({ description: 'Why, 1–2000 characters.' })
  reason!: string;

  @Field(() => Int, {
    description: 'The entry’s rowVersion as you read it; STALE_VERSION if it changed since.',
  })
  expectedVersion!: number;
}

@InputType({ description: 'Removal of an entry from the EPCL. Its date first added is kept.' })
export class RemoveEpclEntryInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field({ description: 'The entry, e.g. "002255".' })
  epclId!: string;

  @Field(() => LocalDate, { description: 'When it was removed from the list; not in the future.' })
  removedOn!: string;

  @Field({ description: 'Why, 1–2000 characters.' })
  reason!: string;

  @Field(() => Int, {
    description: 'The entry’s rowVersion as you read it; STALE_VERSION if it changed since.',
  })
  expectedVersion!: number;
}

@ObjectType({ description: 'The result of a mutation that changes one EPCL entry.' })
export class EpclEntryPayload {
  entryId!: number | null;

  @Field(() => EpclEntry, { nullable: true, description: 'The entry as it now is; null on error.' })
  entry!: Of<EpclEntry> | null;

  @Field(() => [UserError], { description: 'Empty when the change applied.' })
  userErrors!: UserError[];
}

@InputType({ description: "A Supplier Party's objection to an EPCL report." })
export class RecordObjectionInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int, { description: 'The report objected to, e.g. 22.' })
  reportNumber!: number;

  @Field(() => Int, { description: 'The objecting supplier.' })
  supplierId!: number;

  @Field(() => LocalDate, {
    description:
      'When DCC received it: within the objection window (by the objection deadline), not in the future.',
  })
  receivedOn!: string;

  @Field({ description: 'The grounds of the objection, 1–2000 characters.' })
  grounds!: string;
}

@ObjectType({ description: 'The result of `recordObjection`.' })
export class RecordObjectionPayload {
  reportId!: number | null;

  @Field(() => EpclReport, {
    nullable: true,
    description: 'The report objected to, with its objections; null on error.',
  })
  report!: Of<EpclReport> | null;

  @Field(() => [UserError], { description: 'Empty when the objection was recorded.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A drafted report sent to the Security Sub-Committee.' })
export class SubmitEpclReportToSscInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int)
  reportNumber!: number;

  @Field(() => LocalDate, { description: 'When it was sent; not in the future.' })
  submittedOn!: string;

  @Field(() => Int, { nullable: true, description: 'The report’s rowVersion as you read it.' })
  expectedVersion?: number | null;
}

@InputType({
  description: "The Security Sub-Committee's confirmation that a report raises no new security risks.",
})
export class RecordSscDecisionInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int)
  reportNumber!: number;

  @Field(() => LocalDate, { description: 'When the SSC confirmed; not in the future.' })
  confirmedOn!: string;

  @Field(() => SscMode, { description: 'Confirmed offline or at a meeting.' })
  mode!: SscMode;

  @Field(() => Int, { nullable: true, description: 'The report’s rowVersion as you read it.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'Publication of a confirmed report and SECAS’s notification of it.' })
export class PublishEpclReportInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int)
  reportNumber!: number;

  @Field(() => LocalDate, { description: 'When DCC published the report; not in the future.' })
  publishedOn!: string;

  @Field(() => LocalDate, {
    description:
      'When SECAS notified SEC Parties: opens the objection window, which ends 5 working days later; not before publishedOn.',
  })
  secasNotifiedOn!: string;

  @Field(() => Int, { nullable: true, description: 'The report’s rowVersion as you read it.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The result of a mutation that moves an EPCL report on.' })
export class EpclReportPayload {
  reportId!: number | null;

  @Field(() => EpclReport, { nullable: true, description: 'The report as it now is; null on error.' })
  report!: Of<EpclReport> | null;

  @Field(() => [UserError], { description: 'Empty when the step applied.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A new EPCL report, in DRAFTING.' })
export class CreateEpclReportInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int, { description: 'The report number, unique, e.g. 23.' })
  number!: number;

  @Field({ description: '1–2000 characters, e.g. "EPCL Report 23 - DMCT Tranche 48".' })
  title!: string;

  @Field(() => LocalDate, {
    description: 'The date of the report: its history starts then; not in the future.',
  })
  reportDate!: string;

  @Field(() => [Int], { nullable: true, description: 'The DMCT tranches it reports on.' })
  dmctTranches?: number[] | null;
}

@InputType({ description: 'An entry requested in a report, in its group.' })
export class ReportEntryInput {
  @Field({ description: 'e.g. "002255".' })
  epclId!: string;

  @Field(() => ReportGroup)
  group!: ReportGroup;

  @Field(() => Int, { nullable: true, description: 'Its row in Annex A.' })
  annexRow?: number | null;
}

@InputType({ description: 'Entries added to a report while it is DRAFTING.' })
export class AddEntriesToEpclReportInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => Int)
  reportNumber!: number;

  @Field(() => [ReportEntryInput], {
    description:
      '1–1000 entries. Group 1 holds tested entries; Group 2 SE/child entries whose basis entry is in Group 1 of the report or already approved.',
  })
  entries!: ReportEntryInput[];

  @Field(() => Int, { nullable: true, description: 'The report’s rowVersion as you read it.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'A test report supporting an entry, and the role it plays (Clause 20.41).' })
export class EvidenceInput {
  @Field(() => ID)
  testReportId!: string;

  @Field(() => EvidenceRole)
  role!: EvidenceRole;
}

@InputType({ description: 'An existing entry proposed for the EPCL, with its basis and evidence.' })
export class ProposeEpclEntryInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The entry (its ID: entries get an EPCL ID when first proposed).' })
  entryId!: string;

  @Field(() => EntryBasis)
  basis!: EntryBasis;

  @Field(() => String, {
    nullable: true,
    description:
      'The entry it rests on: required for TESTED_VIA_DORMANT (the same DMC’s tested Dormant entry), SUBSTANTIVELY_EQUIVALENT and CHILD_OF_TESTED (a tested entry of the related DMC); absent otherwise.',
  })
  basisEpclId?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Evidence added to what the entry has.' })
  evidence?: EvidenceInput[] | null;

  @Field(() => LocalDate, { description: 'When it was proposed; not in the future.' })
  proposedOn!: string;

  @Field(() => Int, {
    description: 'The entry’s rowVersion as you read it; STALE_VERSION if it changed since.',
  })
  expectedVersion!: number;
}
