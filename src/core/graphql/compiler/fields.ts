import type { Args, ConnectionSpec, FieldSpec, FilterSpec, From, OrderSpec } from './compiler';
import { globalIdSql } from './global-id';

/* Small builders for the type registry, so each module reads as a table of fields. */

export const column = (name: string): FieldSpec => ({ kind: 'sql', sql: (t) => `${t}.${name}` });
export const expression = (sql: (t: string) => string): FieldSpec => ({ kind: 'sql', sql });
/**
 * An expression that reads data outside the catalogue (e.g. a supplier's name): the response cache never keeps
 * a response that selects it, since `catalogue_version` does not change when that data does.
 */
export const outsideCatalogue = (reads: string, sql: (t: string) => string): FieldSpec => ({
  kind: 'sql',
  sql,
  notCatalogue: reads,
});
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

/**
 * A Relay connection over `from`. `where` adds the join to the parent and conditions from arguments other
 * than `filter`; `filters` has one condition per field of the `filter` input type; `orders` one ordering per
 * `orderBy` value (the first is the default).
 */
export function connection(
  from: From,
  options: {
    where?: ConnectionSpec['where'];
    filters?: Record<string, FilterSpec>;
    orders?: Record<string, OrderSpec>;
    defaultOrder?: string;
    countCache?: boolean;
  } = {},
): ConnectionSpec {
  const orders = options.orders ?? { ID_ASC: byId(), ID_DESC: byId(true) };
  return {
    kind: 'connection',
    from,
    where: options.where ?? (() => []),
    filters: options.filters ?? {},
    orders,
    defaultOrder: options.defaultOrder ?? Object.keys(orders)[0],
    countCache: options.countCache ?? true,
  };
}

/** Filter builders: the value given for a field becomes one bound parameter. */
export const filterBy = {
  /**
   * `column = any(values)` for a list field; `column = value` for a list of one (the same rows), which the
   * planner can match to an index on (column, order keys…) and read a page in order instead of sorting.
   */
  anyOf:
    (sql: (row: string) => string, cast: string): FilterSpec =>
    (row, values: unknown[], ctx) =>
      values.length === 1 && cast.endsWith('[]')
        ? `${sql(row)} = ${ctx.param(values[0], cast.slice(0, -2))}`
        : `${sql(row)} = any(${ctx.param(values, cast)})`,
  /** `column = value`. */
  equals:
    (sql: (row: string) => string, cast: string): FilterSpec =>
    (row, value, ctx) =>
      `${sql(row)} = ${ctx.param(value, cast)}`,
  /** Case-insensitive substring, with LIKE wildcards in the value escaped (`%` matches only `%`). */
  contains:
    (sql: (row: string) => string): FilterSpec =>
    (row, value: string, ctx) =>
      `${sql(row)} ilike ${ctx.param(`%${value.replace(/[\\%_]/g, '\\$&')}%`, 'text')}`,
};

/** A root lookup: the one row of `table` that `where` selects from the field's arguments (null if none). */
export const lookup = (
  table: string,
  where: (row: string, args: Args, param: (value: unknown, cast: string) => string) => string,
): FieldSpec => ({
  kind: 'object',
  from: table,
  where: (_p, c, args, ctx) => where(c, args, (v, cast) => ctx.param(v, cast)),
});

/** Every row of a small table, ordered (e.g. the four cohorts). */
export const all = (table: string, orderBy: string): FieldSpec => ({
  kind: 'list',
  from: table,
  where: () => 'true',
  orderBy: (c) =>
    orderBy
      .split(',')
      .map((o) => `${c}.${o.trim()}`)
      .join(', '),
});
