import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { InstallationStatus } from '../common/enums';
import { Cohort, Dmc } from '../dmc/dmc.entity';
import { Installation, Supplier } from '../inventory/inventory.entity';

/*
 * Migration pacing (EPCL Report 22, Annex C): what was attempted each day and how it went, what was planned,
 * the daily Go/No-go and the pacing actions the MCC took. Not catalogue data: nothing here changes what
 * catalogue queries count.
 */

export enum AttemptOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum GoNoGo {
  GO = 'GO',
  NO_GO = 'NO_GO',
}

export enum PacingActionKind {
  SCALE_UP = 'SCALE_UP',
  SCALE_DOWN = 'SCALE_DOWN',
  THROTTLE = 'THROTTLE',
  HALT_DMC = 'HALT_DMC',
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
}

/** An error code the migration process expects; a failure with any other code is "new or unknown". [I] */
@Entity()
export class MigrationErrorCode {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  description!: string;
}

/**
 * One attempt to migrate an installation on one day. The DMC, cohort and status are those of the installation
 * when it was attempted (they may change afterwards). A failed attempt has an error code; a successful one has
 * none.
 */
@Entity()
@Index({ properties: ['attemptedOn', 'dmc'] })
@Index({ properties: ['installation'] })
@Check({
  name: 'migration_attempt_error_iff_failed',
  expression: "(outcome = 'FAILED') = (error_code is not null)",
})
export class MigrationAttempt {
  [OptionalProps]?: 'errorCode';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Installation)
  installation!: Installation;

  @Property({ type: 'date' })
  attemptedOn!: string;

  @Enum({ items: () => AttemptOutcome })
  outcome!: AttemptOutcome;

  @Property({ type: 'text', nullable: true })
  errorCode?: string | null;

  @ManyToOne(() => Dmc)
  dmc!: Dmc;

  @ManyToOne(() => Cohort)
  cohort!: Cohort;

  @Enum({ items: () => InstallationStatus })
  status!: InstallationStatus;
}

/** The migration plan of one day: the capacity it assumes and the installations planned. */
@Entity()
@Check({ name: 'daily_plan_capacity_positive', expression: 'capacity > 0' })
export class DailyPlan {
  @PrimaryKey()
  id!: number;

  @Property({ type: 'date', unique: true })
  planDate!: string;

  @Property({ type: 'int' })
  capacity!: number;
}

/** How many installations of one supplier and status (A/D/M) a day's plan allocates. */
@Entity()
@Unique({ properties: ['plan', 'supplier', 'status'] })
@Check({ name: 'daily_plan_allocation_planned_non_negative', expression: 'planned >= 0' })
export class DailyPlanAllocation {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => DailyPlan)
  plan!: DailyPlan;

  @ManyToOne(() => Supplier)
  supplier!: Supplier;

  @Enum({ items: () => InstallationStatus })
  status!: InstallationStatus;

  @Property({ type: 'int' })
  planned!: number;
}

/** The daily Go/No-go: who decided, what, and why. The latest decision recorded for a day stands. */
@Entity()
@Index({ properties: ['decisionDate', 'recordedAt'] })
export class GoNoGoDecision {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'date' })
  decisionDate!: string;

  @Enum({ items: () => GoNoGo })
  decision!: GoNoGo;

  @Property({ type: 'text' })
  decidedBy!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt!: Date;
}

/** A pacing action the MCC took, with its reason. THROTTLE and HALT_DMC name the DMC they apply to. */
@Entity()
@Index({ properties: ['actionDate', 'recordedAt'] })
@Check({
  name: 'pacing_action_dmc_required',
  expression: "action not in ('THROTTLE','HALT_DMC') or dmc_id is not null",
})
export class PacingAction {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'date' })
  actionDate!: string;

  @Enum({ items: () => PacingActionKind })
  action!: PacingActionKind;

  @ManyToOne(() => Dmc, { nullable: true })
  dmc?: Dmc | null;

  @ManyToOne(() => Cohort, { nullable: true })
  cohort?: Cohort | null;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt!: Date;
}
