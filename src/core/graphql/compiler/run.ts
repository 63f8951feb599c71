import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { compileRootField, type Args, type FieldSpec } from './compiler';
import { REGISTRY } from './registry';

/**
 * Compiles a root field to one SQL statement, runs it on a pooled connection (no ORM in the way: the
 * statement is already complete), and returns the JSON PostgreSQL built.
 */
export async function resolveCompiled<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  spec: FieldSpec,
  args: Args,
): Promise<T> {
  const { sql, params } = compileRootField(info, REGISTRY, spec, args);
  const rows = await ctx.sql<{ result: T }>(sql, params);
  return rows[0]?.result as T;
}
