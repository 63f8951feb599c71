import { Migration } from '@mikro-orm/migrations';

export class Migration20261129193711_RestrictionAllHardwareVersions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "device_model_restriction" add column "all_hardware_versions" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "device_model_restriction" drop column "all_hardware_versions";`);
  }
}
