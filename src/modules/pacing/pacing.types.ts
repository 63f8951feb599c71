import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { LocalDate } from '../../core/graphql/scalars';
import { UserError } from '../../core/graphql/user-error';
import { InstallationStatus } from '../common/enums';
import { Dmc } from '../dmc/dmc.types';
import { GoNoGo, PacingActionKind } from './pacing.entity';
import type { PacingTrigger as PacingTriggerName } from './pacing-rules';

/*
 * The GraphQL shape of migration pacing (EPCL Report 22, Annex C). Not compiled types: the service computes
 * them from a few aggregate statements and the pure rules of pacing-rules.ts. `dmc` fields are loaded through
 * the compiler, so clients may select anything on them.
 */

export enum PacingTrigger {
  DMC_FAILURE_RATE = 'DMC_FAILURE_RATE',
  COHORT_FAILURE_RATE = 'COHORT_FAILURE_RATE',
  UNKNOWN_ERROR_CODE = 'UNKNOWN_ERROR_CODE',
  OVER_CAPACITY = 'OVER_CAPACITY',
  HEADROOM = 'HEADROOM',
  NO_TRIGGER_AFTER_PAUSE = 'NO_TRIGGER_AFTER_PAUSE',
}
// Keeps the GraphQL enum and the rules' union the same set of names.
export const PACING_TRIGGERS: Record<PacingTriggerName, PacingTrigger> = PacingTrigger;

registerEnumType(GoNoGo, { name: 'GoNoGo', description: 'The daily Go/No-go: GO or NO_GO.' });
registerEnumType(PacingActionKind, {
  name: 'PacingActionKind',
  description:
    'What the MCC may do (Annex C): SCALE_UP or SCALE_DOWN daily volumes, THROTTLE or HALT_DMC one DMC until diagnosis, PAUSE migration, RESUME it.',
});
registerEnumType(PacingTrigger, {
  name: 'PacingTrigger',
  description:
    'Why a pacing action is recommended: a DMC or cohort failing above its expected rate, an error code the migration process does not expect, a plan above capacity, headroom with nothing wrong, or nothing wrong after a pause.',
});

@ObjectType({ description: 'The thresholds a pacing assessment used.' })
export class PacingThresholds {
  @Field(() => Int, { description: 'Days in the window ending on the day looked at.' })
  windowDays!: number;

  @Field(() => Float, { description: 'Expected failure rate when none is given for a cohort (0.05 = 5 %).' })
  expectedFailureRate!: number;

  @Field(() => Int, { description: 'Attempts a DMC or cohort needs in the window to be judged.' })
  minAttempts!: number;

  @Field(() => Float, { description: 'Above expected × this: throttle the DMC, scale the cohort down.' })
  throttleFactor!: number;

  @Field(() => Float, { description: 'Above expected × this: halt the DMC, pause the cohort.' })
  haltFactor!: number;

  @Field(() => Int, { description: 'An unknown error code on this many DMCs or more pauses migration.' })
  pauseOnUnknownDmcs!: number;
}

@InputType({ description: 'The expected failure rate of one cohort.' })
export class CohortRateInput {
  @Field({ description: 'Cohort code, e.g. MOC_SECURE.' })
  cohort!: string;

  @Field(() => Float, { description: 'Between 0 and 1, exclusive.' })
  rate!: number;
}

@InputType({
  description: 'Thresholds overriding the defaults (7 days, 5 %, 100 attempts, × 1.5, × 3, 3 DMCs).',
})
export class PacingThresholdsInput {
  @Field(() => Int, { nullable: true })
  windowDays?: number;

  @Field(() => Float, { nullable: true })
  expectedFailureRate?: number;

  @Field(() => [CohortRateInput], { nullable: true })
  expectedByCohort?: CohortRateInput[];

  @Field(() => Int, { nullable: true })
  minAttempts?: number;

  @Field(() => Float, { nullable: true })
  throttleFactor?: number;

  @Field(() => Float, { nullable: true })
  haltFactor?: number;

  @Field(() => Int, { nullable: true })
  pauseOnUnknownDmcs?: number;
}

@ObjectType({ description: 'A failure rate over the window, against the expected rate and the thresholds.' })
export class FailureRateFields {
  @Field(() => Int)
  attempts!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Float, { description: 'failed / attempts (0 to 1).' })
  rate!: number;

  @Field(() => Float, { description: 'The expected failure rate (of the cohort).' })
  expected!: number;

  @Field(() => Float, { description: 'Above this rate: THROTTLE (a DMC) or SCALE_DOWN (a cohort).' })
  throttleAbove!: number;

  @Field(() => Float, { description: 'Above this rate: HALT_DMC (a DMC) or PAUSE (a cohort).' })
  haltAbove!: number;

  @Field({ description: 'Enough attempts to judge, and above throttleAbove.' })
  anomalous!: boolean;
}

@ObjectType({ description: 'The failure rate of one DMC over the window.' })
export class DmcFailureRate extends FailureRateFields {
  dmcId!: number;

  @Field(() => Dmc)
  dmc!: Dmc;

  @Field({ description: 'Cohort code of the DMC.' })
  cohort!: string;
}

@ObjectType({ description: 'The failure rate of one cohort over the window.' })
export class CohortFailureRate extends FailureRateFields {
  @Field({ description: 'Cohort code, e.g. MOC_SECURE.' })
  cohort!: string;
}

@ObjectType({ description: 'An error code seen in the window that the migration process does not expect.' })
export class UnknownErrorCode {
  @Field()
  code!: string;

  @Field(() => Int, { description: 'Failed attempts with this code in the window.' })
  occurrences!: number;

  dmcIds!: number[];

  @Field(() => [Dmc], { description: 'The DMCs it was seen on.' })
  dmcs!: Dmc[];
}

@ObjectType({ description: 'A pacing action the rules of Annex C recommend, with its evidence.' })
export class PacingRecommendation {
  dmcId!: number | null;

  @Field(() => Dmc, { nullable: true, description: 'The DMC to throttle or halt; null for the whole flow.' })
  dmc!: Dmc | null;

  @Field(() => String, { nullable: true, description: 'Cohort code, when the recommendation is about one.' })
  cohort!: string | null;

  @Field(() => PacingActionKind)
  action!: PacingActionKind;

  @Field(() => PacingTrigger)
  reason!: PacingTrigger;

  @Field({ description: 'What was seen, against what (numbers, window, thresholds).' })
  evidence!: string;
}

@ObjectType({ description: 'One day of migration: capacity, plan and attempts by outcome.' })
export class PacingDay {
  @Field(() => LocalDate)
  date!: string;

  @Field(() => Int, { description: 'The day plan’s capacity, or the proven 50,000 without a plan.' })
  capacity!: number;

  @Field(() => Int, { description: 'Installations planned (0 without a plan).' })
  planned!: number;

  @Field(() => Int)
  attempted!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;
}

@ObjectType({ description: 'Installations a day plan allocates to one supplier and status.' })
export class PlanAllocation {
  @Field()
  supplier!: string;

  @Field(() => InstallationStatus)
  status!: InstallationStatus;

  @Field(() => Int)
  planned!: number;
}

@ObjectType('GoNoGoDecision', { description: 'A daily Go/No-go decision: who decided, what, and why.' })
export class GoNoGoDecisionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => GoNoGo)
  decision!: GoNoGo;

  @Field()
  decidedBy!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeISOResolver)
  recordedAt!: Date;
}

@ObjectType('PacingActionRecord', { description: 'A pacing action the MCC took, with its reason.' })
export class PacingActionRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => PacingActionKind)
  action!: PacingActionKind;

  dmcId!: number | null;

  @Field(() => Dmc, { nullable: true })
  dmc!: Dmc | null;

  @Field(() => String, { nullable: true, description: 'Cohort code.' })
  cohort!: string | null;

  @Field()
  reason!: string;

  @Field()
  recordedBy!: string;

  @Field(() => DateTimeISOResolver)
  recordedAt!: Date;
}

@ObjectType({
  description:
    'Migration pacing on one day (EPCL Report 22, Annex C): capacity, plan, attempts, failure rates over the window by DMC and cohort, unknown error codes, the recommended actions and the Go/No-go.',
})
export class Pacing {
  @Field(() => LocalDate)
  date!: string;

  @Field(() => LocalDate, { description: 'First day of the window (the window ends on `date`).' })
  windowFrom!: string;

  @Field(() => Int, { description: 'The day plan’s capacity, or the proven 50,000 a day without a plan.' })
  capacity!: number;

  @Field(() => Int, { description: 'Installations planned for the day (0 without a plan).' })
  planned!: number;

  @Field(() => [PlanAllocation], { description: 'The plan by supplier and status (A/D/M).' })
  allocations!: PlanAllocation[];

  @Field(() => Int, { description: 'Attempts on the day.' })
  attempted!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field({ description: 'Whether migration is paused on the day (a PAUSE with no RESUME after it).' })
  paused!: boolean;

  @Field(() => PacingThresholds)
  thresholds!: PacingThresholds;

  @Field(() => [DmcFailureRate], { description: 'By DMC over the window, worst first.' })
  failureRateByDmc!: DmcFailureRate[];

  @Field(() => [CohortFailureRate], { description: 'By cohort over the window, worst first.' })
  failureRateByCohort!: CohortFailureRate[];

  @Field(() => [String], { description: 'Error codes seen in the window that the process does not expect.' })
  newErrorCodes!: string[];

  @Field(() => [UnknownErrorCode], { description: 'The same codes with where and how often they were seen.' })
  unknownErrorCodes!: UnknownErrorCode[];

  @Field(() => [PacingRecommendation], { description: 'Most severe first.' })
  recommendations!: PacingRecommendation[];

  @Field(() => GoNoGoDecisionNode, {
    nullable: true,
    description: 'The Go/No-go standing for the day (the latest recorded); null if none yet.',
  })
  decision!: GoNoGoDecisionNode | null;

  @Field(() => [GoNoGoDecisionNode], { description: 'Go/No-go decisions of the window, latest first.' })
  decisions!: GoNoGoDecisionNode[];

  @Field(() => [PacingActionRecord], { description: 'Pacing actions taken in the window, latest first.' })
  actions!: PacingActionRecord[];

  @Field(() => [PacingDay], {
    description: 'The day and the days before it (see `historyDays`), oldest first.',
  })
  history!: PacingDay[];
}

@InputType({ description: 'A daily Go/No-go decision to record.' })
export class RecordGoNoGoDecisionInput {
  @Field(() => LocalDate)
  date!: string;

  @Field(() => GoNoGo)
  decision!: GoNoGo;

  @Field({ description: 'Who decided (name or role): 1–200 characters.' })
  decidedBy!: string;

  @Field({ description: 'Why: 1–2000 characters.' })
  reason!: string;
}

@ObjectType({ description: 'The result of `recordGoNoGoDecision`.' })
export class RecordGoNoGoDecisionPayload {
  decisionId!: number | null;

  @Field(() => GoNoGoDecisionNode, { nullable: true, description: 'The decision recorded; null on error.' })
  decision!: GoNoGoDecisionNode | null;

  @Field(() => [UserError], { description: 'Empty when recorded.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A pacing action to record.' })
export class RecordPacingActionInput {
  @Field(() => LocalDate)
  date!: string;

  @Field(() => PacingActionKind)
  action!: PacingActionKind;

  @Field(() => ID, { nullable: true, description: 'The DMC (required for THROTTLE and HALT_DMC).' })
  dmcId?: string | null;

  @Field(() => String, { nullable: true, description: 'Cohort code, when the action is about one cohort.' })
  cohort?: string | null;

  @Field({ description: 'Why: 1–2000 characters.' })
  reason!: string;

  @Field({ description: 'Who took it: 1–200 characters.' })
  recordedBy!: string;
}

@ObjectType({ description: 'The result of `recordPacingAction`.' })
export class RecordPacingActionPayload {
  actionId!: number | null;

  @Field(() => PacingActionRecord, { nullable: true, description: 'The action recorded; null on error.' })
  pacingAction!: PacingActionRecord | null;

  @Field(() => [UserError], { description: 'Empty when recorded.' })
  userErrors!: UserError[];
}
