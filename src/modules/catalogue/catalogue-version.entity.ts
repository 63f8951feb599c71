import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A single row whose `version` grows with every statement that writes a catalogue table (statement-level
 * triggers, in the writing transaction). A count computed at version v is the count for every snapshot at
 * version v, so the API can reuse it exactly: see src/core/graphql/compiler/count-cache.ts.
 */
@Entity()
export class CatalogueVersion {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  @Property({ type: 'bigint' })
  version!: string;
}
