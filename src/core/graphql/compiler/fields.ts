import type { ConnectionSpec, FieldSpec, OrderSpec } from './compiler';
import { globalIdSql } from './global-id';

/* Small builders for the type registry, so each module reads as a table of fields. */

export const column = (name: string): FieldSpec => ({ kind: 'sql', sql: (t) => `${t}.${name}` });
export const expression = (sql: (t: string) => string): FieldSpec => ({ kind: 'sql', sql });
export const nodeId = (typeName: string, key = 'id'): FieldSpec => ({
  kind: 'sql',
  sql: (t) => globalIdSql(typeName, `${t}.${key}`),
});

/** To-one through a foreign key on the parent: `child.pk = parent.fk`. */
export const belongsTo = (table: string, fk: string, pk = 'id'): FieldSpec => ({
  kind: 'object',
  from: table,
  where: (p, c) => `${c}.${pk} = ${p}.${fk}`,
});

/** To-many through a foreign key on the child: `child.fk = parent.pk`. */
export const hasMany = (table: string, fk: string, orderBy = 'id', pk = 'id'): FieldSpec => ({
  kind: 'list',
  from: table,
  where: (p, c) => `${c}.${fk} = ${p}.${pk}`,
  orderBy: (c) =>
    orderBy
      .split(',')
      .map((o) => `${c}.${o.trim()}`)
      .join(', '),
});

export const byId = (descending = false): OrderSpec => ({
  keys: [{ sql: (t) => `${t}.id`, cast: 'int' }],
  descending,
});
export const byColumnThenId = (sql: (t: string) => string, cast: string, descending = false): OrderSpec => ({
  keys: [
    { sql, cast },
    { sql: (t) => `${t}.id`, cast: 'int' },
  ],
  descending,
});

export function connection(
  from: string,
  where: ConnectionSpec['where'],
  orders: Record<string, OrderSpec> = { ID_ASC: byId(), ID_DESC: byId(true) },
  defaultOrder = Object.keys(orders)[0],
  countCache = true,
): ConnectionSpec {
  return { kind: 'connection', from, where, orders, defaultOrder, countCache };
}
