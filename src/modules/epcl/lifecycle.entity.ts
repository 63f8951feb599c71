import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { StateAggregate } from '../common/enums';
import { Supplier } from '../inventory/inventory.entity';
import { TestReport } from '../testing/testing.entity';
import { EpclEntry, EpclReport } from './epcl.entity';

/**
 * One recorded state change of an EPCL entry, an EPCL report or a test report. Written by database triggers
 * on every change of `state` (so no writer can skip it); the effective date, actor, reason and report come
 * from transaction-local settings the lifecycle mutations set (`lifecycle.service.ts`), with the London date
 * and the database user as fallbacks for other writers.
 */
@Entity()
@Index({ properties: ['entry', 'effectiveOn', 'id'] })
@Index({ properties: ['report', 'effectiveOn', 'id'] })
@Index({ properties: ['testReport', 'effectiveOn', 'id'] })
@Check({
  name: 'state_change_aggregate_present',
  expression:
    "case aggregate when 'EPCL_ENTRY' then entry_id is not null when 'EPCL_REPORT' then report_id is not null and entry_id is null else test_report_id is not null and entry_id is null end",
})
export class StateChange {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey()
  id!: number;

  @Enum({ items: () => StateAggregate })
  aggregate!: StateAggregate;

  @ManyToOne(() => EpclEntry, { nullable: true, deleteRule: 'cascade' })
  entry?: EpclEntry | null;

  /** The report changed (EPCL_REPORT), or the report under which an entry changed (e.g. its decision). */
  @ManyToOne(() => EpclReport, { nullable: true, deleteRule: 'cascade' })
  report?: EpclReport | null;

  @ManyToOne(() => TestReport, { nullable: true, deleteRule: 'cascade' })
  testReport?: TestReport | null;

  /** Null when the change created the object. */
  @Property({ type: 'text', nullable: true })
  fromState?: string | null;

  @Property({ type: 'text' })
  toState!: string;

  /** The date in the process: decision date, publication date, deadline. */
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt?: Date;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}

/** A published version of the EPCL: every entry approved by then went ON_EPCL on `publishedOn`. */
@Entity()
export class EpclListVersion {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'text', unique: true })
  version!: string;

  @Property({ type: 'date' })
  publishedOn!: string;

  @Property({ type: 'integer' })
  entriesAdded!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt?: Date;

  @Property({ type: 'text' })
  actor!: string;
}

/**
 * A Supplier Party's objection to an EPCL report, received within its objection window (by the end of the
 * objection deadline day). The database refuses one received later, or on a report whose window is not open.
 */
@Entity()
@Index({ properties: ['report', 'receivedOn', 'id'] })
@Check({ name: 'epcl_objection_grounds_not_blank', expression: "btrim(grounds) <> ''" })
export class EpclObjection {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => EpclReport, { deleteRule: 'cascade' })
  report!: EpclReport;

  @ManyToOne(() => Supplier)
  supplier!: Supplier;

  @Property({ type: 'date' })
  receivedOn!: string;

  @Property({ type: 'text' })
  grounds!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt?: Date;

  @Property({ type: 'text' })
  actor!: string;
}

/**
 * The first successful result of a lifecycle mutation given an `idempotencyKey`, so that a retry with the same
 * key replays it instead of applying the step twice. Keyed by the key, the mutation and the viewer (subject,
 * else role), so two callers never share a key; `inputHash` (SHA-256 of the input without the key) tells a
 * retry from a different request reusing the key (IDEMPOTENCY_KEY_REUSED). Written in the mutation's own
 * transaction: a step that fails leaves no record, and its key may be used again.
 */
@Entity()
export class IdempotencyRecord {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'text' })
  key!: string;

  @PrimaryKey({ type: 'text' })
  mutation!: string;

  @PrimaryKey({ type: 'text' })
  viewer!: string;

  @Property({ type: 'text' })
  inputHash!: string;

  /** The id of the object the payload returned (its type is the mutation's). */
  @Property({ type: 'integer', nullable: true })
  resultId?: number | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt?: Date;
}
