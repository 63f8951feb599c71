import { Migration } from '@mikro-orm/migrations';

export class Migration20261128182808_InstallationCombos extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "device_combo" ("id" serial primary key, "cohort_id" int not null, "firmware_signature" text not null, "model_signature" text not null, "device_count" smallint not null, "dmc_id" int null);`,
    );
    this.addSql(
      `create index "device_combo_cohort_id_model_signature_index" on "device_combo" ("cohort_id", "model_signature");`,
    );
    this.addSql(
      `alter table "device_combo" add constraint "device_combo_cohort_id_firmware_signature_unique" unique ("cohort_id", "firmware_signature");`,
    );

    this.addSql(
      `create table "device_combo_slot" ("id" serial primary key, "combo_id" int not null, "device_type" text not null, "device_model_id" int not null, "firmware_version_id" int not null);`,
    );
    this.addSql(
      `create index "device_combo_slot_firmware_version_id_index" on "device_combo_slot" ("firmware_version_id");`,
    );
    this.addSql(`create index "device_combo_slot_combo_id_index" on "device_combo_slot" ("combo_id");`);

    this.addSql(
      `alter table "device_combo" add constraint "device_combo_cohort_id_foreign" foreign key ("cohort_id") references "cohort" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "device_combo" add constraint "device_combo_dmc_id_foreign" foreign key ("dmc_id") references "dmc" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "device_combo_slot" add constraint "device_combo_slot_combo_id_foreign" foreign key ("combo_id") references "device_combo" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "installation" add column "combo_id" int null;`);
    this.addSql(
      `alter table "installation" add constraint "installation_combo_id_foreign" foreign key ("combo_id") references "device_combo" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create index "installation_combo_id_status_index" on "installation" ("combo_id", "status");`,
    );

    // Reviewed addition: the database keeps every installation's combination current.
    //
    // assign_installation_combos() recomputes the combination of the installations listed in the temporary
    // table _combo_affected, creating combinations (and their slots) it has not seen, in one statement per
    // step. Statement-level triggers on device feed it their transition tables, so a COPY of millions of
    // devices costs one set-based pass, and a single device write costs a few index lookups.
    this.addSql(`create function assign_installation_combos() returns void language plpgsql as $$
      begin
        create temporary table _combo_sig on commit drop as
          select i.id as installation_id, i.cohort_id,
                 string_agg(d.device_type || ':' || d.firmware_version_id, '+' order by d.device_type, d.firmware_version_id) as fw_sig,
                 string_agg(d.device_type || ':' || f.device_model_id, '+' order by d.device_type, f.device_model_id) as model_sig,
                 count(*)::smallint as n
            from _combo_affected a
            join installation i on i.id = a.installation_id
            join device d on d.installation_id = i.id
            join firmware_version f on f.id = d.firmware_version_id
           group by i.id, i.cohort_id;
        with fresh as (
          insert into device_combo (cohort_id, firmware_signature, model_signature, device_count, dmc_id)
          select distinct on (s.cohort_id, s.fw_sig) s.cohort_id, s.fw_sig, s.model_sig, s.n,
                 (select m.id from dmc m where m.cohort_id = s.cohort_id and m.fingerprint = s.fw_sig)
            from _combo_sig s
           where not exists (select 1 from device_combo c where c.cohort_id = s.cohort_id and c.firmware_signature = s.fw_sig)
          returning id, firmware_signature)
        insert into device_combo_slot (combo_id, device_type, device_model_id, firmware_version_id)
        select fresh.id, split_part(part, ':', 1), f.device_model_id, f.id
          from fresh, regexp_split_to_table(fresh.firmware_signature, '[+]') as part
          join firmware_version f on f.id = split_part(part, ':', 2)::int;
        update installation i set combo_id = c.id
          from _combo_sig s join device_combo c on c.cohort_id = s.cohort_id and c.firmware_signature = s.fw_sig
         where i.id = s.installation_id and i.combo_id is distinct from c.id;
        -- Installations left without devices have no combination.
        update installation i set combo_id = null
         where i.combo_id is not null and i.id in (select installation_id from _combo_affected)
           and not exists (select 1 from _combo_sig s where s.installation_id = i.id);
        drop table _combo_sig;
        truncate _combo_affected;
      end $$;`);
    this.addSql(`create function device_combo_after_write() returns trigger language plpgsql as $$
      begin
        create temporary table if not exists _combo_affected (installation_id int primary key) on commit drop;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into _combo_affected select distinct installation_id from new_rows on conflict do nothing;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          insert into _combo_affected select distinct installation_id from old_rows on conflict do nothing;
        end if;
        perform assign_installation_combos();
        return null;
      end $$;`);
    this
      .addSql(`create trigger device_combo_after_insert after insert on device referencing new table as new_rows
      for each statement execute function device_combo_after_write();`);
    this
      .addSql(`create trigger device_combo_after_update after update on device referencing old table as old_rows new table as new_rows
      for each statement execute function device_combo_after_write();`);
    this
      .addSql(`create trigger device_combo_after_delete after delete on device referencing old table as old_rows
      for each statement execute function device_combo_after_write();`);
    this.addSql(`create function installation_cohort_changed() returns trigger language plpgsql as $$
      begin
        create temporary table if not exists _combo_affected (installation_id int primary key) on commit drop;
        insert into _combo_affected values (new.id) on conflict do nothing;
        perform assign_installation_combos();
        return null;
      end $$;`);
    this.addSql(`create trigger installation_cohort_changed after update of cohort_id on installation
        for each row when (old.cohort_id is distinct from new.cohort_id) execute function installation_cohort_changed();`);
    // A combination points at the DMC with the same devices, whenever that DMC is catalogued or changes.
    this.addSql(`create function dmc_link_combos() returns trigger language plpgsql as $$
      begin
        update device_combo set dmc_id = null where dmc_id = new.id and (cohort_id, firmware_signature) <> (new.cohort_id, new.fingerprint);
        update device_combo set dmc_id = new.id where cohort_id = new.cohort_id and firmware_signature = new.fingerprint and dmc_id is distinct from new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger dmc_link_combos after insert or update of fingerprint, cohort_id on dmc
      for each row execute function dmc_link_combos();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "device_combo_slot" drop constraint "device_combo_slot_combo_id_foreign";`);

    this.addSql(`alter table "installation" drop constraint "installation_combo_id_foreign";`);

    this.addSql(`drop table if exists "device_combo" cascade;`);

    this.addSql(`drop table if exists "device_combo_slot" cascade;`);

    this.addSql(`drop index "installation_combo_id_status_index";`);
    this.addSql(`alter table "installation" drop column "combo_id";`);
  }
}
