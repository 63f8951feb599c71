import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Append-only outbox of domain events. Rows are written by database triggers in the same transaction as
 * the state change they describe, so an event exists if and only if the change was committed.
 * Updates are refused except for stamping `publishedAt`; deletes are refused.
 */
@Entity()
@Index({ properties: ['aggregateType', 'aggregateId'] })
@Index({
  name: 'domain_event_unsequenced',
  expression: 'create index "domain_event_unsequenced" on "domain_event" ("tx") where position is null',
})
export class DomainEvent {
  [OptionalProps]?: 'occurredAt' | 'position' | 'tx' | 'committedAt';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt!: Date;

  /** e.g. `EpclEntryStateChanged`, `EpclEntryAdded`, `EpclReportStateChanged`, `TestReportStateChanged`. */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  aggregateType!: string;

  @Property({ type: 'text' })
  aggregateId!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  /**
   * The event's place in commit order, set at commit by the `domain_event_sequence` trigger under one
   * advisory lock (migrations/*EpclEvents*): readers of `position > last` never miss an event committed
   * out of id order. Null only inside the writing transaction.
   */
  @Property({ type: 'bigint', nullable: true, unique: 'domain_event_position_unique' })
  position?: string | null;

  /** When the writing transaction committed (set with `position`): relay lag and delivery latency count from it. */
  @Property({ type: 'timestamptz', nullable: true })
  committedAt?: Date | null;

  /** The writing transaction (pg_current_xact_id()), so the sequencing trigger finds its events. */
  @Property({ columnType: 'xid8', nullable: true, defaultRaw: 'pg_current_xact_id()' })
  tx?: string | null;
}
