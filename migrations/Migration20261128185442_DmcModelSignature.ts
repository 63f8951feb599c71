import { Migration } from '@mikro-orm/migrations';

export class Migration20261128185442_DmcModelSignature extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dmc_model_signature" ("dmc_id" int not null, "model_signature" text not null, constraint "dmc_model_signature_pkey" primary key ("dmc_id"));`,
    );
    this.addSql(
      `create index "dmc_model_signature_model_signature_index" on "dmc_model_signature" ("model_signature");`,
    );

    // Reviewed addition: kept from dmc_slot by statement-level triggers (transition tables), and backfilled.
    this.addSql(`alter table dmc_model_signature add constraint dmc_model_signature_dmc_id_foreign
      foreign key (dmc_id) references dmc (id) on delete cascade;`);
    this.addSql(`create function refresh_dmc_model_signatures(ids int[]) returns void language sql as $$
      delete from dmc_model_signature where dmc_id = any(ids);
      insert into dmc_model_signature (dmc_id, model_signature)
      select s.dmc_id, string_agg(s.device_type || ':' || f.device_model_id, '+' order by s.device_type, f.device_model_id)
        from dmc_slot s join firmware_version f on f.id = s.firmware_version_id
       where s.dmc_id = any(ids) group by s.dmc_id;
    $$;`);
    this.addSql(`create function dmc_slot_signature_after_write() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          perform refresh_dmc_model_signatures(array(select distinct dmc_id from new_rows));
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          perform refresh_dmc_model_signatures(array(select distinct dmc_id from old_rows));
        end if;
        return null;
      end $$;`);
    this
      .addSql(`create trigger dmc_slot_signature_after_insert after insert on dmc_slot referencing new table as new_rows
      for each statement execute function dmc_slot_signature_after_write();`);
    this
      .addSql(`create trigger dmc_slot_signature_after_update after update on dmc_slot referencing old table as old_rows new table as new_rows
      for each statement execute function dmc_slot_signature_after_write();`);
    this
      .addSql(`create trigger dmc_slot_signature_after_delete after delete on dmc_slot referencing old table as old_rows
      for each statement execute function dmc_slot_signature_after_write();`);
    this.addSql(`select refresh_dmc_model_signatures(array(select id from dmc));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dmc_model_signature" cascade;`);
  }
}
