import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { compileRootField, type Args, type FieldSpec } from './compiler';
import { resolveCount } from './count-cache';

/**
 * Compiled SQL by operation (Apollo reuses one parsed document per query text), root field, variables and viewer:
 * a repeated operation skips compilation. Held weakly, so it goes when Apollo's document cache drops it.
 */
type Compiled = ReturnType<typeof compileRootField>;
const compiledByOperation = new WeakMap<object, Map<string, Compiled>>();

function rootSpec(ctx: Context, info: GraphQLResolveInfo): FieldSpec {
  const spec = ctx.registry.types[info.parentType.name]?.[info.fieldName];
  if (!spec) throw new Error(`compiler: no SQL for ${info.parentType.name}.${info.fieldName}`);
  return spec;
}

function compiled(ctx: Context, info: GraphQLResolveInfo, args: Args): Compiled {
  let byKey = compiledByOperation.get(info.operation);
  if (!byKey) compiledByOperation.set(info.operation, (byKey = new Map<string, Compiled>()));
  // The viewer is part of the key: scoped queries compile differently for different viewers.
  const key = `${String(info.path.key)}\u0000${JSON.stringify(info.variableValues)}\u0000${JSON.stringify(ctx.viewer)}`;
  let result = byKey.get(key);
  if (!result) {
    result = compileRootField(info, ctx.registry.types, rootSpec(ctx, info), args);
    if (byKey.size > 100) byKey.clear();
    byKey.set(key, result);
  }
  return result;
}

/**
 * Compiles a root field, with the SQL its module registered for it, to one SQL statement, runs it on the
 * read pool, and returns the JSON PostgreSQL built. A root connection's totalCount is reused from the count
 * cache when the catalogue has not changed, or counted by a second statement.
 */
export async function resolveCompiled<T>(ctx: Context, info: GraphQLResolveInfo, args: Args): Promise<T> {
  const { sql, params, counts } = compiled(ctx, info, args);
  const [row] = await ctx.sql<{ result: T; version?: string }>(sql, params);
  const result = row?.result;
  if (counts.length && result) {
    for (const count of counts) {
      (result as Record<string, unknown>)[count.key] = await resolveCount(
        count,
        row.version!,
        (text, values) => ctx.sql(text, values),
      );
    }
  }
  return result;
}
