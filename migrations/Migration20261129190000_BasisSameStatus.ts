import { Migration } from '@mikro-orm/migrations';

/**
 * Hand-written (reviewed): substantive equivalence and child relations extend a tested entry to another DMC;
 * they cannot give a status the basis does not have. An SE or child entry must rest on an entry of the
 * same installation status (a Mixed entry on a tested Mixed entry, which on the Clause 20.9 basis itself
 * needs the Mixed SIT TCR of Clause 20.41). A trigger of its own, so the entry check of DomainRules stays
 * as written.
 */
export class Migration20261129190000_BasisSameStatus extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function epcl_entry_basis_status_check() returns trigger language plpgsql as $$
      declare b epcl_entry%rowtype;
      begin
        if new.basis in ('SUBSTANTIVELY_EQUIVALENT', 'CHILD_OF_TESTED') and new.basis_entry_id is not null then
          select * into b from epcl_entry where id = new.basis_entry_id;
          if found and b.installation_status <> new.installation_status then
            perform raise_rule('epcl_entry_basis_same_status',
              format('%s entry %s (%s) cannot rest on %s entry %s: equivalence and child relations extend a tested entry of the same installation status',
                     initcap(lower(new.installation_status)), coalesce(new.epcl_id, 'new'),
                     lower(replace(new.basis, '_', ' ')), lower(b.installation_status), coalesce(b.epcl_id, b.id::text)));
          end if;
        end if;
        return new;
      end $$;`);
    this
      .addSql(`create trigger epcl_entry_basis_status_check before insert or update of basis, basis_entry_id, installation_status
      on epcl_entry for each row execute function epcl_entry_basis_status_check();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists epcl_entry_basis_status_check on epcl_entry;`);
    this.addSql(`drop function if exists epcl_entry_basis_status_check();`);
  }
}
