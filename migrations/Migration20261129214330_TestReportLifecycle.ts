import { Migration } from '@mikro-orm/migrations';

/**
 * Test reports and Testing Issues as a write API (issue 8), and idempotent lifecycle mutations. Tables and
 * columns generated from the entities; the row-version triggers below are hand-written and reviewed:
 * `test_report_lifecycle` is named to fire after `test_report_check` (BEFORE triggers fire in name order).
 * The test report's history comes from the existing `test_report_history` trigger (LifecycleHistory), and
 * its domain events from `test_report_check` (DomainRules): no new write path.
 */
export class Migration20261129214330_TestReportLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_record" ("key" text not null, "mutation" text not null, "viewer" text not null, "input_hash" text not null, "result_id" int null, "recorded_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("key", "mutation", "viewer"));`,
    );
    this.addSql(`alter table "test_report" add column "row_version" int not null default 1;`);
    this.addSql(`alter table "testing_issue" add column "row_version" int not null default 1;`);

    // ── Reviewed additions ──────────────────────────────────────────────────────────────────────────────
    this.addSql(`create function bump_row_version() returns trigger language plpgsql as $$
      begin
        new.row_version := old.row_version + 1;
        return new;
      end $$;`);
    this.addSql(`create trigger test_report_lifecycle before update on test_report
      for each row execute function bump_row_version();`);
    this.addSql(`create trigger testing_issue_lifecycle before update on testing_issue
      for each row execute function bump_row_version();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists test_report_lifecycle on test_report;`);
    this.addSql(`drop trigger if exists testing_issue_lifecycle on testing_issue;`);
    this.addSql(`drop function if exists bump_row_version();`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`alter table "test_report" drop column "row_version";`);
    this.addSql(`alter table "testing_issue" drop column "row_version";`);
  }
}
