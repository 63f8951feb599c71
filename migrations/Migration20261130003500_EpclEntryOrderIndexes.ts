import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the EPCL ID orderings of `epclEntries` and `epclList` (hand-written: entities
 * cannot express expression indexes). Those orderings sort by `coalesce(epcl_id, '~'), id` (entries without
 * an EPCL ID last), which the plain unique index on epcl_id cannot serve, so PostgreSQL sorted every matching
 * row before taking a page. With these, a page is read in index order and stops at `first + 1` rows:
 * - by state (a `states` filter with one value, `epclList`'s ON_EPCL): the page is a range of the index;
 * - any other filter: the rows in EPCL ID order, filtered as they are read.
 * The expressions must stay exactly those of epcl.sql.ts's orderings, or the planner will not use them.
 */
export class Migration20261130003500_EpclEntryOrderIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index epcl_entry_epcl_order_index on epcl_entry ((coalesce(epcl_id, '~')), id);`);
    this.addSql(
      `create index epcl_entry_state_epcl_order_index on epcl_entry (state, (coalesce(epcl_id, '~')), id);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists epcl_entry_state_epcl_order_index;`);
    this.addSql(`drop index if exists epcl_entry_epcl_order_index;`);
  }
}
