import { Migration } from '@mikro-orm/migrations';

/**
 * The EPCL process as a write API (issue 8): the state history, published list versions and the row
 * versions optimistic concurrency compares with. Tables generated from the entities; the triggers below are
 * hand-written and reviewed.
 *
 * History is written by triggers, not by the mutations, so no writer (a mutation, the scheduler, a script,
 * psql) can change a state without leaving its row. What only the caller knows travels in transaction-local
 * settings the lifecycle service sets with `set_config(…, true)` before writing:
 *   lifecycle.effective_on  the date in the process (decision date, publication date, deadline)
 *   lifecycle.actor         who (e.g. `dcc-staff`, `scheduler`)
 *   lifecycle.reason        why, for a person
 *   lifecycle.report_id     the EPCL report an entry changed under (e.g. the report decided)
 * Other writers get today's London date and the database user. Rows inserted without an effective date
 * (the seeds' bulk load) record nothing: their history before the load is not known.
 */
export class Migration20261129190238_LifecycleHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "epcl_list_version" ("id" serial primary key, "version" text not null, "published_on" date not null, "entries_added" int not null, "recorded_at" timestamptz not null default now(), "actor" text not null);`,
    );
    this.addSql(
      `alter table "epcl_list_version" add constraint "epcl_list_version_version_unique" unique ("version");`,
    );

    this.addSql(
      `create table "state_change" ("id" serial primary key, "aggregate" text check ("aggregate" in ('EPCL_ENTRY', 'EPCL_REPORT', 'TEST_REPORT')) not null, "entry_id" int null, "report_id" int null, "test_report_id" int null, "from_state" text null, "to_state" text not null, "effective_on" date not null, "recorded_at" timestamptz not null default now(), "actor" text not null, "reason" text null, constraint state_change_aggregate_present check (case aggregate when 'EPCL_ENTRY' then entry_id is not null when 'EPCL_REPORT' then report_id is not null and entry_id is null else test_report_id is not null and entry_id is null end));`,
    );
    this.addSql(
      `create index "state_change_test_report_id_effective_on_id_index" on "state_change" ("test_report_id", "effective_on", "id");`,
    );
    this.addSql(
      `create index "state_change_report_id_effective_on_id_index" on "state_change" ("report_id", "effective_on", "id");`,
    );
    this.addSql(
      `create index "state_change_entry_id_effective_on_id_index" on "state_change" ("entry_id", "effective_on", "id");`,
    );

    this.addSql(
      `alter table "state_change" add constraint "state_change_entry_id_foreign" foreign key ("entry_id") references "epcl_entry" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "state_change" add constraint "state_change_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "state_change" add constraint "state_change_test_report_id_foreign" foreign key ("test_report_id") references "test_report" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "epcl_entry" add column "row_version" int not null default 1;`);
    this.addSql(`alter table "epcl_report" add column "row_version" int not null default 1;`);

    // ── Reviewed additions ──────────────────────────────────────────────────────────────────────────────
    this
      .addSql(`create trigger epcl_list_version_catalogue_version after insert or update or delete or truncate
      on epcl_list_version for each statement execute function bump_catalogue_version();`);

    this.addSql(`create function lifecycle_setting(name text) returns text language sql stable as $$
        select nullif(current_setting('lifecycle.' || name, true), '');
      $$;`);
    this.addSql(`create function lifecycle_effective_on() returns date language sql stable as $$
        select coalesce(lifecycle_setting('effective_on')::date, (now() at time zone 'Europe/London')::date);
      $$;`);
    this.addSql(`create function lifecycle_actor() returns text language sql stable as $$
        select coalesce(lifecycle_setting('actor'), 'database:' || session_user);
      $$;`);

    // Row versions: every update bumps them. Named to fire after epcl_entry_check / epcl_report_check
    // (BEFORE triggers fire in name order), so a state change given an effective date dates stateChangedAt
    // from it (midnight, London) rather than from the wall clock.
    this.addSql(`create function epcl_entry_lifecycle() returns trigger language plpgsql as $$
      begin
        new.row_version := old.row_version + 1;
        if new.state is distinct from old.state and lifecycle_setting('effective_on') is not null then
          new.state_changed_at := lifecycle_effective_on()::timestamp at time zone 'Europe/London';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger epcl_entry_lifecycle before update on epcl_entry
      for each row execute function epcl_entry_lifecycle();`);
    this.addSql(`create function epcl_report_lifecycle() returns trigger language plpgsql as $$
      begin
        new.row_version := old.row_version + 1;
        return new;
      end $$;`);
    this.addSql(`create trigger epcl_report_lifecycle before update on epcl_report
      for each row execute function epcl_report_lifecycle();`);

    // History: one row per change of state (and per creation through the API).
    this.addSql(`create function record_state_change() returns trigger language plpgsql as $$
      declare from_state text;
      begin
        if tg_op = 'INSERT' then
          if lifecycle_setting('effective_on') is null then return null; end if;
          from_state := null;
        else
          if new.state is not distinct from old.state then return null; end if;
          from_state := old.state;
        end if;
        if tg_table_name = 'epcl_entry' then
          insert into state_change (aggregate, entry_id, report_id, from_state, to_state, effective_on, actor, reason)
          values ('EPCL_ENTRY', new.id, lifecycle_setting('report_id')::int, from_state, new.state,
                  lifecycle_effective_on(), lifecycle_actor(), lifecycle_setting('reason'));
        elsif tg_table_name = 'epcl_report' then
          insert into state_change (aggregate, report_id, from_state, to_state, effective_on, actor, reason)
          values ('EPCL_REPORT', new.id, from_state, new.state,
                  lifecycle_effective_on(), lifecycle_actor(), lifecycle_setting('reason'));
        else
          insert into state_change (aggregate, test_report_id, report_id, from_state, to_state, effective_on, actor, reason)
          values ('TEST_REPORT', new.id, lifecycle_setting('report_id')::int, from_state, new.state,
                  lifecycle_effective_on(), lifecycle_actor(), lifecycle_setting('reason'));
        end if;
        return null;
      end $$;`);
    for (const table of ['epcl_entry', 'epcl_report', 'test_report'])
      this.addSql(`create trigger ${table}_history after insert or update of state on ${table}
        for each row execute function record_state_change();`);
  }

  override async down(): Promise<void> {
    for (const table of ['epcl_entry', 'epcl_report', 'test_report'])
      this.addSql(`drop trigger if exists ${table}_history on ${table};`);
    this.addSql(`drop function if exists record_state_change();`);
    this.addSql(`drop trigger if exists epcl_entry_lifecycle on epcl_entry;`);
    this.addSql(`drop trigger if exists epcl_report_lifecycle on epcl_report;`);
    this.addSql(`drop function if exists epcl_entry_lifecycle();`);
    this.addSql(`drop function if exists epcl_report_lifecycle();`);
    this.addSql(`drop function if exists lifecycle_actor();`);
    this.addSql(`drop function if exists lifecycle_effective_on();`);
    this.addSql(`drop function if exists lifecycle_setting(text);`);
    this.addSql(`drop table if exists "epcl_list_version" cascade;`);
    this.addSql(`drop table if exists "state_change" cascade;`);
    this.addSql(`alter table "epcl_entry" drop column "row_version";`);
    this.addSql(`alter table "epcl_report" drop column "row_version";`);
  }
}
