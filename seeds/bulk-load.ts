import type { ClientBase } from 'pg';

type Saved = { table: string; name: string; definition: string };

/**
 * Runs `load` with the keys, foreign keys and indexes of `tables` dropped, then re-creates them from their
 * own catalogue definitions (pg_get_constraintdef / pg_get_indexdef), so nothing here restates the
 * migrations. Re-adding a foreign key validates every row in one set-based pass, and building an index after
 * the load is a sort rather than millions of insertions: the same integrity, several times faster than
 * checking row by row. CHECK and NOT NULL constraints stay in force throughout. Call inside a transaction:
 * if anything fails, the rollback restores the schema as it was.
 */
export async function withBulkLoad<T>(db: ClientBase, tables: string[], load: () => Promise<T>): Promise<T> {
  const { rows: foreignKeys } = await db.query<Saved>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint
      where contype = 'f' and (conrelid = any($1::regclass[]) or confrelid = any($1::regclass[]))`,
    [tables],
  );
  const { rows: keys } = await db.query<Saved>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where contype in ('p', 'u') and conrelid = any($1::regclass[])`,
    [tables],
  );
  const { rows: indexes } = await db.query<Saved>(
    `select i.indrelid::regclass::text as table, c.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [tables],
  );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const fk of foreignKeys) await db.query(`alter table ${fk.table} drop constraint ${quote(fk.name)}`);
  for (const key of keys) await db.query(`alter table ${key.table} drop constraint ${quote(key.name)}`);
  for (const index of indexes) await db.query(`drop index ${quote(index.name)}`);

  const result = await load();

  await db.query(`set local maintenance_work_mem = '1GB'`);
  for (const key of keys)
    await db.query(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`);
  for (const index of indexes) await db.query(index.definition);
  for (const fk of foreignKeys)
    await db.query(`alter table ${fk.table} add constraint ${quote(fk.name)} ${fk.definition}`);
  return result;
}
