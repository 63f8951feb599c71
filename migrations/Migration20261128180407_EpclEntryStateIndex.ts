import { Migration } from '@mikro-orm/migrations';

export class Migration20261128180407_EpclEntryStateIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "epcl_entry_state_id_index" on "epcl_entry" ("state", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "epcl_entry_state_id_index";`);
  }
}
