import { Migration } from '@mikro-orm/migrations';

/**
 * The DATE_FIRST_ADDED orderings' counterpart of EpclEntryOrderIndexes (hand-written: expression indexes):
 * `coalesce(date_first_added, 'infinity'::date), id` (entries not yet added last), by state and overall, so
 * a page in that order is read from an index and stops at `first + 1` rows instead of sorting every match.
 * The expressions must stay exactly those of epcl.sql.ts's `firstAdded`.
 */
export class Migration20261130005000_EpclEntryDateOrderIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index epcl_entry_added_order_index on epcl_entry ((coalesce(date_first_added, 'infinity'::date)), id);`,
    );
    this.addSql(
      `create index epcl_entry_state_added_order_index on epcl_entry (state, (coalesce(date_first_added, 'infinity'::date)), id);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists epcl_entry_state_added_order_index;`);
    this.addSql(`drop index if exists epcl_entry_added_order_index;`);
  }
}
