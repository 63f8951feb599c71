import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { compileLookups } from '../../core/graphql/compiler/compiler';
import { decodeGlobalId } from '../../core/graphql/compiler/global-id';
import { badUserInput } from '../../core/graphql/errors';
import { Node } from '../../core/graphql/relay';
import { findInstallation, findSuppliers } from '../inventory/inventory.service';

/**
 * `node(id:)` and `nodes(ids:)`: any object by its global ID. Catalogue types are looked up through the
 * compiler (one statement for all IDs; each type's table comes from its entity); installations are scoped
 * to the viewer and read by the inventory.
 */
@Resolver()
export class NodeQueryResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global ID; null if it no longer exists.',
  })
  async node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const [result] = await this.lookups([id], ctx, info);
    return result;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Objects by global ID, in the order asked (null where none exists); at most 100.',
  })
  async nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown[]> {
    if (ids.length > 100) throw badUserInput('ids', 'at most 100 IDs', `${ids.length} IDs`);
    return ids.length ? this.lookups(ids, ctx, info) : [];
  }

  private async lookups(ids: string[], ctx: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
    const decoded = ids.map((id, i) => decodeGlobalId(id, ids.length > 1 ? `ids[${i}]` : 'id'));
    // Installations and suppliers are scoped to the viewer and resolved apart from the catalogue.
    const scoped: Record<string, (key: number) => Promise<unknown>> = {
      Installation: (key) => findInstallation(ctx, { id: key }),
      Supplier: async (key) => (await findSuppliers(ctx, [key]))[0] ?? null,
    };
    if (decoded.some((d) => scoped[d.typeName])) {
      return Promise.all(
        decoded.map(({ typeName, key }, i) =>
          scoped[typeName] ? scoped[typeName](key) : this.lookups([ids[i]], ctx, info).then((r) => r[0]),
        ),
      );
    }
    const keys = decoded.map(({ typeName, key }, i) => {
      const table = ctx.registry.tables[typeName];
      if (!table) throw badUserInput('id', 'the ID of an object this API serves', ids[i]);
      return { typeName, table, key };
    });
    const { sql, params } = compileLookups(info, ctx.registry.types, keys);
    const [row] = await ctx.sql<{ result: unknown[] }>(sql, params);
    return row.result;
  }
}
