import { Migration } from '@mikro-orm/migrations';

/**
 * Supplier objections to EPCL reports (issue 8). Table generated from the entity; the window rule below is
 * hand-written and reviewed: an objection is received while the report's window is open, between the SECAS
 * notification and the end of the objection deadline day. The report row is read `for share`, so an
 * objection and the scheduler closing the window are serialised: one of them sees the other's result.
 */
export class Migration20261129193331_EpclObjection extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "epcl_objection" ("id" serial primary key, "report_id" int not null, "supplier_id" int not null, "received_on" date not null, "grounds" text not null, "recorded_at" timestamptz not null default now(), "actor" text not null, constraint epcl_objection_grounds_not_blank check (btrim(grounds) <> ''));`,
    );
    this.addSql(
      `create index "epcl_objection_report_id_received_on_id_index" on "epcl_objection" ("report_id", "received_on", "id");`,
    );

    this.addSql(
      `alter table "epcl_objection" add constraint "epcl_objection_report_id_foreign" foreign key ("report_id") references "epcl_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "epcl_objection" add constraint "epcl_objection_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`,
    );

    // ── Reviewed additions ──────────────────────────────────────────────────────────────────────────────
    this.addSql(`create trigger epcl_objection_catalogue_version after insert or update or delete or truncate
      on epcl_objection for each statement execute function bump_catalogue_version();`);
    this.addSql(`create function epcl_objection_check() returns trigger language plpgsql as $$
      declare r epcl_report%rowtype;
      begin
        select * into r from epcl_report where id = new.report_id for share;
        if r.state is distinct from 'OBJECTION_WINDOW_OPEN' then
          perform raise_rule('epcl_objection_within_window',
            format('EPCL report %s is %s: objections are received only while its objection window is open', r.number, r.state));
        end if;
        if new.received_on > r.objection_deadline or new.received_on < r.secas_notified_on then
          perform raise_rule('epcl_objection_within_window',
            format('an objection to EPCL report %s must be received from %s to %s (the objection deadline); received on %s',
                   r.number, r.secas_notified_on, r.objection_deadline, new.received_on));
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger epcl_objection_check before insert or update on epcl_objection
      for each row execute function epcl_objection_check();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "epcl_objection" cascade;`);
    this.addSql(`drop function if exists epcl_objection_check();`);
  }
}
