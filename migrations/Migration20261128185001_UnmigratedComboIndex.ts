import { Migration } from '@mikro-orm/migrations';

export class Migration20261128185001_UnmigratedComboIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "installation_combo_id_status_index";`);

    this.addSql(
      `create index installation_unmigrated_combo_index on installation (combo_id, status) include (supplier_id) where migration_state = 'UNMIGRATED';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "installation_unmigrated_combo_index";`);

    this.addSql(
      `create index "installation_combo_id_status_index" on "installation" ("combo_id", "status");`,
    );
  }
}
