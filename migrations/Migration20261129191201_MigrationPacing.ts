import { Migration } from '@mikro-orm/migrations';

export class Migration20261129191201_MigrationPacing extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "daily_plan" ("id" serial primary key, "plan_date" date not null, "capacity" int not null, constraint daily_plan_capacity_positive check (capacity > 0));`,
    );
    this.addSql(
      `alter table "daily_plan" add constraint "daily_plan_plan_date_unique" unique ("plan_date");`,
    );

    this.addSql(
      `create table "go_no_go_decision" ("id" serial primary key, "decision_date" date not null, "decision" text check ("decision" in ('GO', 'NO_GO')) not null, "decided_by" text not null, "reason" text not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "go_no_go_decision_decision_date_recorded_at_index" on "go_no_go_decision" ("decision_date", "recorded_at");`,
    );

    this.addSql(
      `create table "migration_error_code" ("code" text not null, "description" text not null, constraint "migration_error_code_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "pacing_action" ("id" serial primary key, "action_date" date not null, "action" text check ("action" in ('SCALE_UP', 'SCALE_DOWN', 'THROTTLE', 'HALT_DMC', 'PAUSE', 'RESUME')) not null, "dmc_id" int null, "cohort_id" int null, "reason" text not null, "recorded_by" text not null, "recorded_at" timestamptz not null default now(), constraint pacing_action_dmc_required check (action not in ('THROTTLE','HALT_DMC') or dmc_id is not null));`,
    );
    this.addSql(
      `create index "pacing_action_action_date_recorded_at_index" on "pacing_action" ("action_date", "recorded_at");`,
    );

    this.addSql(
      `create table "migration_attempt" ("id" bigserial primary key, "installation_id" int not null, "attempted_on" date not null, "outcome" text check ("outcome" in ('SUCCEEDED', 'FAILED')) not null, "error_code" text null, "dmc_id" int not null, "cohort_id" int not null, "status" text check ("status" in ('ACTIVE', 'DORMANT', 'MIXED')) not null, constraint migration_attempt_error_iff_failed check ((outcome = 'FAILED') = (error_code is not null)));`,
    );
    this.addSql(
      `create index "migration_attempt_installation_id_index" on "migration_attempt" ("installation_id");`,
    );
    this.addSql(
      `create index "migration_attempt_attempted_on_dmc_id_index" on "migration_attempt" ("attempted_on", "dmc_id");`,
    );

    this.addSql(
      `create table "daily_plan_allocation" ("id" serial primary key, "plan_id" int not null, "supplier_id" int not null, "status" text check ("status" in ('ACTIVE', 'DORMANT', 'MIXED')) not null, "planned" int not null, constraint daily_plan_allocation_planned_non_negative check (planned >= 0));`,
    );
    this.addSql(
      `alter table "daily_plan_allocation" add constraint "daily_plan_allocation_plan_id_supplier_id_status_unique" unique ("plan_id", "supplier_id", "status");`,
    );

    this.addSql(
      `alter table "pacing_action" add constraint "pacing_action_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pacing_action" add constraint "pacing_action_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "migration_attempt" add constraint "migration_attempt_installation_id_foreign" foreign key ("installation_id") references "installation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "migration_attempt" add constraint "migration_attempt_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "migration_attempt" add constraint "migration_attempt_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "daily_plan_allocation" add constraint "daily_plan_allocation_plan_id_foreign" foreign key ("plan_id") references "daily_plan" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "daily_plan_allocation" add constraint "daily_plan_allocation_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "daily_plan_allocation" drop constraint "daily_plan_allocation_plan_id_foreign";`,
    );

    this.addSql(`drop table if exists "daily_plan" cascade;`);

    this.addSql(`drop table if exists "go_no_go_decision" cascade;`);

    this.addSql(`drop table if exists "migration_error_code" cascade;`);

    this.addSql(`drop table if exists "pacing_action" cascade;`);

    this.addSql(`drop table if exists "migration_attempt" cascade;`);

    this.addSql(`drop table if exists "daily_plan_allocation" cascade;`);
  }
}
