import { Migration } from '@mikro-orm/migrations';

/**
 * Hand-written: row-level security for supplier reads (issue 10), the second line behind the resolvers'
 * own `supplier_id = …` conditions.
 *
 * Supplier requests read as the role `dmc_supplier` (the read pool does `set role dmc_supplier` and sets
 * `app.supplier_id` on the connection before a supplier's statement: `src/core/db/sql-pool.ts`). The
 * policies below apply to that role only, so DCC staff reads, writes, migrations and seeds (the owner role)
 * are unaffected. Fail-closed: with `app.supplier_id` unset or empty the policies compare with NULL and a
 * supplier sees nothing. `dmc_supplier` cannot log in, may only read, and cannot read the API keys.
 */
export class Migration20261129214400_SupplierRowLevelSecurity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
      begin
        if not exists (select 1 from pg_roles where rolname = 'dmc_supplier') then
          create role dmc_supplier nologin nosuperuser noinherit nobypassrls;
        end if;
        -- the connecting role must be able to \`set role dmc_supplier\` (superusers always can)
        if not pg_has_role(current_user, 'dmc_supplier', 'member') then
          execute format('grant dmc_supplier to %I', current_user);
        end if;
      end $$;`);
    this.addSql(`grant usage on schema public to dmc_supplier;`);
    this.addSql(`grant select on all tables in schema public to dmc_supplier;`);
    this.addSql(`alter default privileges in schema public grant select on tables to dmc_supplier;`);
    this.addSql(`revoke all on api_key from dmc_supplier;`);

    const supplier = `nullif(current_setting('app.supplier_id', true), '')::int`;
    this.addSql(`alter table installation enable row level security;`);
    this.addSql(`create policy installation_supplier_read on installation for select to dmc_supplier
      using (supplier_id = ${supplier});`);
    this.addSql(`alter table device enable row level security;`);
    this.addSql(`create policy device_supplier_read on device for select to dmc_supplier
      using (exists (select 1 from installation i where i.id = device.installation_id and i.supplier_id = ${supplier}));`);
    this.addSql(`alter table migration_attempt enable row level security;`);
    this.addSql(`create policy migration_attempt_supplier_read on migration_attempt for select to dmc_supplier
      using (exists (select 1 from installation i where i.id = migration_attempt.installation_id and i.supplier_id = ${supplier}));`);
  }

  override async down(): Promise<void> {
    for (const table of ['installation', 'device', 'migration_attempt']) {
      this.addSql(`drop policy if exists ${table}_supplier_read on ${table};`);
      this.addSql(`alter table ${table} disable row level security;`);
    }
    this.addSql(`alter default privileges in schema public revoke select on tables from dmc_supplier;`);
    this.addSql(`revoke select on all tables in schema public from dmc_supplier;`);
    this.addSql(`revoke usage on schema public from dmc_supplier;`);
  }
}
