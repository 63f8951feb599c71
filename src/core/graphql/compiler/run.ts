import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { compileRootField, type Args, type FieldSpec } from './compiler';
import { resolveCount } from './count-cache';
import { REGISTRY } from './registry';

/**
 * Compiles a root field to one SQL statement, runs it on a pooled connection (no ORM in the way: the
 * statement is already complete), and returns the JSON PostgreSQL built. A root connection's totalCount is
 * reused from the count cache when the catalogue has not changed, or counted by a second statement.
 */
export async function resolveCompiled<T>(ctx: Context, info: GraphQLResolveInfo, spec: FieldSpec, args: Args): Promise<T> {
  const { sql, params, counts } = compileRootField(info, REGISTRY, spec, args);
  const [row] = await ctx.sql<{ result: T; version?: string }>(sql, params);
  const result = row?.result as T;
  if (counts.length && result) {
    for (const count of counts) {
      (result as Record<string, unknown>)[count.key] = await resolveCount(count, row.version!, (text, values) => ctx.sql(text, values));
    }
  }
  return result;
}
