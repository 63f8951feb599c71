import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { compileLookups } from './compiler';

/**
 * Catalogue objects reached from non-compiled types (an installation's DMC, a device's firmware): every
 * occurrence of the same field in one request is batched into one compiled statement, with the selection of
 * that field. So a page of 100 installations asking for `currentDmc { … }` costs one statement, not 100.
 */
export function loadNode<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  typeName: string,
  key: number | null,
): Promise<T | null> {
  if (key === null || key === undefined) return Promise.resolve(null);
  const loaderKey = info.fieldNodes[0];
  let loader = ctx.loaders.get(loaderKey) as DataLoader<number, T | null> | undefined;
  if (!loader) {
    const table = ctx.registry.tables[typeName];
    if (!table) throw new Error(`compiler: ${typeName} is not a compiled Node type`);
    loader = new DataLoader<number, T | null>(
      async (keys) => {
        const { sql, params } = compileLookups(
          info,
          ctx.registry.types,
          keys.map((k) => ({ typeName, table, key: k })),
        );
        const [row] = await ctx.sql<{ result: (T | null)[] }>(sql, params);
        return row.result;
        // json_build_array takes at most 100 arguments (PostgreSQL's limit on function arguments).
      },
      { maxBatchSize: 100 },
    );
    ctx.loaders.set(loaderKey, loader);
  }
  return loader.load(key);
}
