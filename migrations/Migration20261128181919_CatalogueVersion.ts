import { Migration } from '@mikro-orm/migrations';

const CATALOGUE_TABLES = [
  'manufacturer',
  'device_model',
  'firmware_version',
  'firmware_upgrade_path',
  'device_model_restriction',
  'cohort',
  'dmc',
  'dmc_slot',
  'dmc_relation',
  'test_report',
  'test_report_scope',
  'testing_issue',
  'testing_issue_threshold',
  'epcl_entry',
  'epcl_entry_evidence',
  'epcl_report',
  'epcl_report_entry',
  'epcl_report_criterion',
  'epcl_report_clause_evidence',
  'epcl_report_volume',
  'epcl_report_risk',
  'live_service_criterion',
  'svtad_clause',
];

export class Migration20261128181919_CatalogueVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "catalogue_version" ("id" smallint not null default 1, "version" bigint not null, constraint "catalogue_version_pkey" primary key ("id"));`,
    );

    // Reviewed addition: one row, bumped by every statement that writes a catalogue table, in the same
    // transaction. Inventory tables are not listed: installations change often and are not counted here.
    this.addSql(`insert into catalogue_version (id, version) values (1, 1);`);
    this.addSql(`create function bump_catalogue_version() returns trigger language plpgsql as $$
      begin
        update catalogue_version set version = version + 1 where id = 1;
        return null;
      end $$;`);
    for (const table of CATALOGUE_TABLES) {
      this
        .addSql(`create trigger ${table}_catalogue_version after insert or update or delete or truncate on ${table}
        for each statement execute function bump_catalogue_version();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of CATALOGUE_TABLES)
      this.addSql(`drop trigger if exists ${table}_catalogue_version on ${table};`);
    this.addSql(`drop function if exists bump_catalogue_version();`);
    this.addSql(`drop table if exists "catalogue_version" cascade;`);
  }
}
