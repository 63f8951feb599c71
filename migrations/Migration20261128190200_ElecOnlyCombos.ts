import { Migration } from '@mikro-orm/migrations';

/**
 * Electricity-only migration (gas meter excluded for HAN error GT01): such an installation migrates without
 * its gas meter and gas proxy, so its device combination, and every match made from it, leaves them out
 * (docs/domain.md §4.3, case 2). Hand-written: the function is the one of InstallationCombos with one added
 * condition, and a trigger recomputes the combination when the flag changes.
 */
export class Migration20261128190200_ElecOnlyCombos extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function assign_installation_combos() returns void language plpgsql as $$
      begin
        create temporary table _combo_sig on commit drop as
          select i.id as installation_id, i.cohort_id,
                 string_agg(d.device_type || ':' || d.firmware_version_id, '+' order by d.device_type, d.firmware_version_id) as fw_sig,
                 string_agg(d.device_type || ':' || f.device_model_id, '+' order by d.device_type, f.device_model_id) as model_sig,
                 count(*)::smallint as n
            from _combo_affected a
            join installation i on i.id = a.installation_id
            join device d on d.installation_id = i.id
              and not (i.elec_only_migration and d.device_type in ('GSME', 'GPF'))
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
    this.addSql(`create function installation_elec_only_changed() returns trigger language plpgsql as $$
      begin
        create temporary table if not exists _combo_affected (installation_id int primary key) on commit drop;
        insert into _combo_affected values (new.id) on conflict do nothing;
        perform assign_installation_combos();
        return null;
      end $$;`);
    this
      .addSql(`create trigger installation_elec_only_changed after update of elec_only_migration on installation
      for each row when (old.elec_only_migration is distinct from new.elec_only_migration)
      execute function installation_elec_only_changed();`);
  }
}
