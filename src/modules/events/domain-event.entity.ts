import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Append-only outbox of domain events. Rows are written by database triggers in the same transaction as
 * the state change they describe, so an event exists if and only if the change was committed.
 * Updates are refused except for stamping `publishedAt`; deletes are refused.
 */
@Entity()
@Index({ properties: ['aggregateType', 'aggregateId'] })
export class DomainEvent {
  [OptionalProps]?: 'occurredAt';

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
}
