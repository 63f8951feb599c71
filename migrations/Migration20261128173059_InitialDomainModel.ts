import { Migration } from '@mikro-orm/migrations';

export class Migration20261128173059_InitialDomainModel extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "bank_holiday" ("date" date not null, "name" text not null, "substitute" boolean not null default false, constraint "bank_holiday_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "cohort" ("id" serial primary key, "code" text not null, "name" text not null, "operating_capability" text check ("operating_capability" in ('IOC', 'MOC', 'FOC')) not null, "s1sp_name" text not null, constraint cohort_code_format check (code ~ '^[A-Z][A-Z0-9_]*\$'));`,
    );
    this.addSql(`alter table "cohort" add constraint "cohort_code_unique" unique ("code");`);

    this.addSql(
      `create table "dmc" ("id" serial primary key, "cohort_id" int not null, "fingerprint" text not null, "label" text null, "synthetic" boolean not null default false);`,
    );
    this.addSql(
      `alter table "dmc" add constraint "dmc_cohort_id_fingerprint_unique" unique ("cohort_id", "fingerprint");`,
    );

    this.addSql(
      `create table "dmc_relation" ("id" serial primary key, "kind" text check ("kind" in ('CHILD_OF', 'SUBSTANTIVELY_EQUIVALENT_TO')) not null, "subject_id" int not null, "basis_id" int not null, "rationale" text not null, "published_in" text null, "decided_on" date null, constraint dmc_relation_rationale_not_blank check (btrim(rationale) <> ''), constraint dmc_relation_not_self check (subject_id <> basis_id));`,
    );
    this.addSql(`create index "dmc_relation_basis_id_index" on "dmc_relation" ("basis_id");`);
    this.addSql(
      `alter table "dmc_relation" add constraint "dmc_relation_kind_subject_id_basis_id_unique" unique ("kind", "subject_id", "basis_id");`,
    );

    this.addSql(
      `create table "domain_event" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "type" text not null, "aggregate_type" text not null, "aggregate_id" text not null, "payload" jsonb not null, "published_at" timestamptz null);`,
    );
    this.addSql(
      `create index "domain_event_aggregate_type_aggregate_id_index" on "domain_event" ("aggregate_type", "aggregate_id");`,
    );

    this.addSql(
      `create table "epcl_entry" ("id" serial primary key, "epcl_id" text null, "dmc_id" int not null, "installation_status" text check ("installation_status" in ('ACTIVE', 'DORMANT', 'MIXED')) not null, "basis" text check ("basis" in ('TESTED', 'TESTED_VIA_DORMANT', 'SUBSTANTIVELY_EQUIVALENT', 'CHILD_OF_TESTED')) null, "basis_entry_id" int null, "state" text check ("state" in ('CANDIDATE', 'ON_DMCT_SCHEDULE', 'EXCLUDED_FROM_SCHEDULE', 'IN_TEST', 'TEST_REPORT_DRAFT', 'TEST_REPORT_FINAL', 'PROPOSED', 'APPROVED', 'ON_EPCL', 'REJECTED', 'WITHDRAWN', 'REMOVED')) not null default 'CANDIDATE', "state_changed_at" timestamptz not null default now(), "date_first_added" date null, "synthetic" boolean not null default false, constraint epcl_entry_via_dormant_not_dormant check (basis <> 'TESTED_VIA_DORMANT' or installation_status <> 'DORMANT'), constraint epcl_entry_on_epcl_has_date check (state not in ('ON_EPCL','REMOVED') or date_first_added is not null), constraint epcl_entry_basis_entry_required check ((basis in ('SUBSTANTIVELY_EQUIVALENT','CHILD_OF_TESTED','TESTED_VIA_DORMANT')) = (basis_entry_id is not null)), constraint epcl_entry_epcl_id_format check (epcl_id ~ '^[0-9]{6}\$'));`,
    );
    this.addSql(`alter table "epcl_entry" add constraint "epcl_entry_epcl_id_unique" unique ("epcl_id");`);
    this.addSql(`create index "epcl_entry_basis_entry_id_index" on "epcl_entry" ("basis_entry_id");`);
    this.addSql(
      `alter table "epcl_entry" add constraint "epcl_entry_dmc_id_installation_status_unique" unique ("dmc_id", "installation_status");`,
    );

    this.addSql(
      `create table "epcl_report" ("id" serial primary key, "number" int not null, "title" text not null, "dmct_tranches" integer[] not null default '{}', "version" text null, "report_date" date null, "author_email" text null, "classification" text null, "state" text check ("state" in ('DRAFTING', 'SSC_REVIEW', 'SSC_CONFIRMED', 'PUBLISHED', 'OBJECTION_WINDOW_OPEN', 'OBJECTION_WINDOW_CLOSED', 'AWAITING_SOS', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'WITHDRAWN')) not null default 'DRAFTING', "ssc_confirmed_on" date null, "ssc_mode" text check ("ssc_mode" in ('OFFLINE', 'MEETING')) null, "lists_published_on" date null, "published_on" date null, "secas_notified_on" date null, "objection_deadline" date null, "sos_decision" text null, "sos_decided_on" date null, "signatory_name" text null, "signatory_role" text null, "objections_to" text null, "risk_register_url" text null, "upgradeable_unmigrated_installs" int null, "upgradeable_as_of" date null, "upgradeable_source" text null, "synthetic" boolean not null default false, constraint epcl_report_number_positive check (number > 0));`,
    );
    this.addSql(`alter table "epcl_report" add constraint "epcl_report_number_unique" unique ("number");`);

    this.addSql(
      `create table "epcl_report_entry" ("id" serial primary key, "report_id" int not null, "entry_id" int not null, "report_group" text check ("report_group" in ('GROUP_1_TESTED', 'GROUP_2_SE')) not null, "annex_row" int null);`,
    );
    this.addSql(`create index "epcl_report_entry_entry_id_index" on "epcl_report_entry" ("entry_id");`);
    this.addSql(
      `alter table "epcl_report_entry" add constraint "epcl_report_entry_report_id_entry_id_unique" unique ("report_id", "entry_id");`,
    );

    this.addSql(
      `create table "epcl_report_risk" ("id" serial primary key, "report_id" int not null, "ref" text not null, "title" text not null, "status" text null, "source_url" text null);`,
    );
    this.addSql(
      `alter table "epcl_report_risk" add constraint "epcl_report_risk_report_id_ref_unique" unique ("report_id", "ref");`,
    );

    this.addSql(
      `create table "epcl_report_volume" ("id" serial primary key, "report_id" int not null, "section" text check ("section" in ('OVERALL', 'GROUP_1_TESTED', 'GROUP_2_SE', 'GROUPS_1_AND_2')) not null, "basis" text check ("basis" in ('AT_TARGET_FW', 'POTENTIAL_FW_UPGRADE')) not null, "installation_status" text check ("installation_status" in ('ACTIVE', 'DORMANT', 'MIXED')) not null, "installs" int not null, "devices" int not null, "source" text check ("source" in ('AS_PUBLISHED', 'RECOMPUTED')) not null, "as_of" date null, "source_note" text null, constraint epcl_report_volume_section check (section <> 'GROUPS_1_AND_2'), constraint epcl_report_volume_non_negative check (installs >= 0 and devices >= 0));`,
    );
    this.addSql(
      `alter table "epcl_report_volume" add constraint "epcl_report_volume_report_id_section_basis_instal_32b2d_unique" unique ("report_id", "section", "basis", "installation_status", "source");`,
    );

    this.addSql(
      `create table "live_service_criterion" ("no" smallint not null, "title" text not null, constraint "live_service_criterion_pkey" primary key ("no"), constraint live_service_criterion_no_range check (no between 1 and 10));`,
    );

    this.addSql(
      `create table "epcl_report_criterion" ("id" serial primary key, "report_id" int not null, "criterion_no" smallint not null, "rag" text check ("rag" in ('R', 'A', 'G', 'NA')) not null, "commentary" text not null);`,
    );
    this.addSql(
      `alter table "epcl_report_criterion" add constraint "epcl_report_criterion_report_id_criterion_no_unique" unique ("report_id", "criterion_no");`,
    );

    this.addSql(
      `create table "manufacturer" ("id" serial primary key, "name" text not null, "manufacturer_identifier" text null, "synthetic" boolean not null default false, constraint manufacturer_name_not_blank check (btrim(name) <> ''), constraint manufacturer_identifier_hex check (manufacturer_identifier ~ '^[0-9A-F]{4}\$'));`,
    );
    this.addSql(`alter table "manufacturer" add constraint "manufacturer_name_unique" unique ("name");`);

    this.addSql(
      `create table "device_model" ("id" serial primary key, "manufacturer_id" int not null, "device_type" text check ("device_type" in ('CHF', 'ESME', 'GSME', 'GPF', 'PPMID', 'IHD', 'HCALCS')) not null, "model_name" text not null, "model_identifier" text null, "hardware_version" text not null, "synthetic" boolean not null default false, constraint device_model_name_not_blank check (btrim(model_name) <> '' and btrim(hardware_version) <> ''));`,
    );
    this.addSql(
      `alter table "device_model" add constraint "device_model_id_device_type_unique" unique ("id", "device_type");`,
    );
    this.addSql(
      `alter table "device_model" add constraint "device_model_manufacturer_id_device_type_model_na_ec9fe_unique" unique ("manufacturer_id", "device_type", "model_name", "hardware_version");`,
    );

    this.addSql(
      `create table "firmware_version" ("id" serial primary key, "device_model_id" int not null, "device_type" text check ("device_type" in ('CHF', 'ESME', 'GSME', 'GPF', 'PPMID', 'IHD', 'HCALCS')) not null, "version_raw" text not null, "version_hex" text null, "encoding" text check ("encoding" in ('HEX', 'BCD', 'TEXT')) not null default 'HEX', "released_on" date null, "evidence_url" text null, "synthetic" boolean not null default false, constraint firmware_version_raw_not_blank check (btrim(version_raw) <> ''), constraint firmware_version_hex_format check (version_hex ~ '^[0-9A-F]+\$'));`,
    );
    this.addSql(
      `alter table "firmware_version" add constraint "firmware_version_id_device_model_unique" unique ("id", "device_model_id");`,
    );
    this.addSql(
      `alter table "firmware_version" add constraint "firmware_version_id_device_type_unique" unique ("id", "device_type");`,
    );
    this.addSql(
      `alter table "firmware_version" add constraint "firmware_version_device_model_id_version_raw_unique" unique ("device_model_id", "version_raw");`,
    );

    this.addSql(
      `create table "firmware_upgrade_path" ("id" serial primary key, "from_firmware_id" int not null, "to_firmware_id" int not null, "cohort_id" int null, "ota_supported" boolean not null default true, "dormant_upgrade_by_dcc" boolean not null default true, "prerequisite_note" text null, "synthetic" boolean not null default false, constraint firmware_upgrade_path_not_loop check (from_firmware_id <> to_firmware_id));`,
    );
    this.addSql(
      `create index "firmware_upgrade_path_to_firmware_id_index" on "firmware_upgrade_path" ("to_firmware_id");`,
    );
    this.addSql(
      `create index "firmware_upgrade_path_from_firmware_id_index" on "firmware_upgrade_path" ("from_firmware_id");`,
    );

    this.addSql(
      `create table "dmc_slot" ("id" serial primary key, "dmc_id" int not null, "device_type" text check ("device_type" in ('CHF', 'ESME', 'GSME', 'GPF', 'PPMID', 'IHD', 'HCALCS')) not null, "slot_no" smallint not null default 1, "firmware_version_id" int not null, constraint dmc_slot_no_positive check (slot_no between 1 and 9));`,
    );
    this.addSql(`create index "dmc_slot_firmware_version_id_index" on "dmc_slot" ("firmware_version_id");`);
    this.addSql(
      `alter table "dmc_slot" add constraint "dmc_slot_dmc_id_device_type_slot_no_unique" unique ("dmc_id", "device_type", "slot_no");`,
    );

    this.addSql(
      `create table "device_model_restriction" ("id" serial primary key, "device_model_id" int not null, "cohort_id" int null, "restriction" text not null, "communication_ref" text null, "communication_title" text null, "communicated_on" date null, constraint device_model_restriction_ref_format check (communication_ref ~ '^REQ[0-9]{12}\$'));`,
    );

    this.addSql(
      `create table "supplier" ("id" serial primary key, "name" text not null, "sec_party_id" text null, "synthetic" boolean not null default false);`,
    );
    this.addSql(`alter table "supplier" add constraint "supplier_name_unique" unique ("name");`);
    this.addSql(
      `alter table "supplier" add constraint "supplier_sec_party_id_unique" unique ("sec_party_id");`,
    );

    this.addSql(
      `create table "installation" ("id" serial primary key, "cohort_id" int not null, "status" text check ("status" in ('ACTIVE', 'DORMANT', 'MIXED')) not null, "status_as_of" date not null, "supplier_id" int not null, "migration_state" text check ("migration_state" in ('UNMIGRATED', 'FW_UPGRADE_PENDING', 'SCHEDULED', 'IN_PROGRESS', 'MIGRATED', 'FAILED', 'EXCLUDED')) not null default 'UNMIGRATED', "migrated_on" date null, "exclusion_category" text check ("exclusion_category" in ('MISSING_MASTER_KEYS', 'NO_WAN_BEFORE_MIGRATION', 'NO_WAN_AT_MIGRATION', 'FIVE_FAILED_ATTEMPTS', 'UNECONOMIC_DMC', 'GAS_HAN_GT01_ELEC_ONLY', 'DORMANT_NOT_COS', 'OTHER')) null, "elec_only_migration" boolean not null default false, "synthetic" boolean not null default false, constraint installation_migrated_has_date check (migration_state <> 'MIGRATED' or migrated_on is not null), constraint installation_excluded_has_category check ((migration_state = 'EXCLUDED') = (exclusion_category is not null)));`,
    );
    this.addSql(`create index "installation_supplier_id_index" on "installation" ("supplier_id");`);

    this.addSql(
      `create table "device" ("eui64" text not null, "installation_id" int not null, "device_type" text check ("device_type" in ('CHF', 'ESME', 'GSME', 'GPF', 'PPMID', 'IHD', 'HCALCS')) not null, "firmware_version_id" int not null, "meter_status" text check ("meter_status" in ('ACTIVE', 'DORMANT')) null, constraint "device_pkey" primary key ("eui64"), constraint device_meter_status_only_for_meters check (meter_status is null or device_type in ('ESME','GSME')), constraint device_eui64_format check (eui64 ~ '^([0-9A-F]{2}-){7}[0-9A-F]{2}\$'));`,
    );
    this.addSql(`create index "device_installation_id_index" on "device" ("installation_id");`);

    this.addSql(
      `create table "svtad_clause" ("ref" text not null, "summary" text not null, constraint "svtad_clause_pkey" primary key ("ref"), constraint svtad_clause_ref_format check (ref ~ '^20\\.[0-9]+( \\([a-z]+\\))*\$'));`,
    );

    this.addSql(
      `create table "epcl_report_clause_evidence" ("id" serial primary key, "report_id" int not null, "clause_ref" text not null, "section" text check ("section" in ('OVERALL', 'GROUP_1_TESTED', 'GROUP_2_SE', 'GROUPS_1_AND_2')) not null, "statement" text not null, "evidence_date" date null, "evidence_count" int null, "doc_ref" text null);`,
    );
    this.addSql(
      `alter table "epcl_report_clause_evidence" add constraint "epcl_report_clause_evidence_report_id_clause_ref_section_unique" unique ("report_id", "clause_ref", "section");`,
    );

    this.addSql(
      `create table "testing_issue_threshold" ("id" serial primary key, "capability_release" text not null, "severity" smallint not null, "max_open_counted" int not null, constraint testing_issue_threshold_values check (severity between 1 and 5 and max_open_counted >= 0));`,
    );
    this.addSql(
      `alter table "testing_issue_threshold" add constraint "testing_issue_threshold_capability_release_severity_unique" unique ("capability_release", "severity");`,
    );

    this.addSql(
      `create table "test_report" ("id" serial primary key, "kind" text check ("kind" in ('DMCT_TESTING_REPORT', 'DORMANT_DMCT_TEST_COMPLETION', 'ACTIVE_SIT_TEST_COMPLETION', 'MIXED_SIT_TEST_COMPLETION')) not null, "title" text not null, "version" text null, "state" text check ("state" in ('DRAFT', 'SHARED_WITH_SUPPLIERS', 'REFERRED_TO_SOS', 'SOS_DETERMINED', 'TAG_REVIEWED', 'FINAL', 'SUPERSEDED')) not null default 'DRAFT', "tranche" int null, "capability_release" text null, "draft_issued_on" date null, "shared_with_suppliers_on" date null, "referral_window_ends_on" date null, "referred_to_sos_on" date null, "sos_determined_on" date null, "sos_determination" text null, "tag_reviewed_on" date null, "tag_outcome" text null, "final_on" date null, "document_ref" text null, "synthetic" boolean not null default false, constraint test_report_state_dates check ((state in ('DRAFT','SUPERSEDED') or shared_with_suppliers_on is not null or kind <> 'DMCT_TESTING_REPORT') and (state <> 'FINAL' or final_on is not null)));`,
    );

    this.addSql(
      `create table "testing_issue" ("id" serial primary key, "ref" text not null, "test_report_id" int not null, "dmc_id" int null, "severity" smallint not null, "status" text check ("status" in ('OPEN', 'CLOSED', 'DEFERRED', 'REJECTED')) not null default 'OPEN', "counts_against_threshold" boolean not null default true, "not_counted_rationale" text null, "tag_advised_on" date null, "raised_on" date null, "closed_on" date null, "title" text not null, "synthetic" boolean not null default false, constraint testing_issue_closed_date check ((status = 'OPEN') = (closed_on is null)), constraint testing_issue_not_counted_needs_rationale check (counts_against_threshold or coalesce(btrim(not_counted_rationale), '') <> ''), constraint testing_issue_severity_range check (severity between 1 and 5));`,
    );
    this.addSql(`alter table "testing_issue" add constraint "testing_issue_ref_unique" unique ("ref");`);

    this.addSql(
      `create table "epcl_entry_evidence" ("id" serial primary key, "entry_id" int not null, "test_report_id" int not null, "role" text check ("role" in ('DMCT_TESTING_REPORT', 'DORMANT_DMCT_TCR', 'ACTIVE_SIT_TCR', 'MIXED_SIT_TCR', 'SE_BASIS_REPORT')) not null);`,
    );
    this.addSql(
      `alter table "epcl_entry_evidence" add constraint "epcl_entry_evidence_entry_id_test_report_id_role_unique" unique ("entry_id", "test_report_id", "role");`,
    );

    this.addSql(
      `create table "test_report_scope" ("id" serial primary key, "test_report_id" int not null, "dmc_id" int not null, "installation_status" text check ("installation_status" in ('ACTIVE', 'DORMANT', 'MIXED')) not null, "test_pack" text null);`,
    );
    this.addSql(
      `alter table "test_report_scope" add constraint "test_report_scope_test_report_id_dmc_id_installat_2af47_unique" unique ("test_report_id", "dmc_id", "installation_status");`,
    );

    this.addSql(
      `alter table "dmc" add constraint "dmc_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "dmc_relation" add constraint "dmc_relation_subject_id_foreign" foreign key ("subject_id") references "dmc" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "dmc_relation" add constraint "dmc_relation_basis_id_foreign" foreign key ("basis_id") references "dmc" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "epcl_entry" add constraint "epcl_entry_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "epcl_entry" add constraint "epcl_entry_basis_entry_id_foreign" foreign key ("basis_entry_id") references "epcl_entry" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "epcl_report_entry" add constraint "epcl_report_entry_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "epcl_report_entry" add constraint "epcl_report_entry_entry_id_foreign" foreign key ("entry_id") references "epcl_entry" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "epcl_report_risk" add constraint "epcl_report_risk_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "epcl_report_volume" add constraint "epcl_report_volume_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "epcl_report_criterion" add constraint "epcl_report_criterion_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "epcl_report_criterion" add constraint "epcl_report_criterion_criterion_no_foreign" foreign key ("criterion_no") references "live_service_criterion" ("no") on update cascade;`,
    );

    this.addSql(
      `alter table "device_model" add constraint "device_model_manufacturer_id_foreign" foreign key ("manufacturer_id") references "manufacturer" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "firmware_version" add constraint "firmware_version_device_model_id_foreign" foreign key ("device_model_id") references "device_model" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "firmware_upgrade_path" add constraint "firmware_upgrade_path_from_firmware_id_foreign" foreign key ("from_firmware_id") references "firmware_version" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "firmware_upgrade_path" add constraint "firmware_upgrade_path_to_firmware_id_foreign" foreign key ("to_firmware_id") references "firmware_version" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "firmware_upgrade_path" add constraint "firmware_upgrade_path_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "dmc_slot" add constraint "dmc_slot_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "dmc_slot" add constraint "dmc_slot_firmware_version_id_foreign" foreign key ("firmware_version_id") references "firmware_version" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "device_model_restriction" add constraint "device_model_restriction_device_model_id_foreign" foreign key ("device_model_id") references "device_model" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "device_model_restriction" add constraint "device_model_restriction_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "installation" add constraint "installation_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "installation" add constraint "installation_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "device" add constraint "device_installation_id_foreign" foreign key ("installation_id") references "installation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "device" add constraint "device_firmware_version_id_foreign" foreign key ("firmware_version_id") references "firmware_version" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "epcl_report_clause_evidence" add constraint "epcl_report_clause_evidence_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "epcl_report_clause_evidence" add constraint "epcl_report_clause_evidence_clause_ref_foreign" foreign key ("clause_ref") references "svtad_clause" ("ref") on update cascade;`,
    );

    this.addSql(
      `alter table "testing_issue" add constraint "testing_issue_test_report_id_foreign" foreign key ("test_report_id") references "test_report" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "testing_issue" add constraint "testing_issue_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "epcl_entry_evidence" add constraint "epcl_entry_evidence_entry_id_foreign" foreign key ("entry_id") references "epcl_entry" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "epcl_entry_evidence" add constraint "epcl_entry_evidence_test_report_id_foreign" foreign key ("test_report_id") references "test_report" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "test_report_scope" add constraint "test_report_scope_test_report_id_foreign" foreign key ("test_report_id") references "test_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "test_report_scope" add constraint "test_report_scope_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade;`,
    );
  }
}
