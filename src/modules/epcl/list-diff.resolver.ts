import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { EpclEntry } from './epcl.types';
import { EpclListDiff, EpclListDiffEntry, EpclListPoint } from './list-diff.types';
import { epclListDiff } from './list-diff.service';

/** Query cost (src/core/graphql/limits.ts): one pass over every entry and its history. */
const LIST_DIFF_COST = 200;

@Resolver()
export class EpclListDiffResolver {
  @Query(() => EpclListDiff, {
    complexity: LIST_DIFF_COST,
    description:
      'What changed on the EPCL between two list versions or two dates (`from` not after `to`), from the entries’ recorded history (the same history `epclEntry(asOf:)` reads): entries added, removed, and other state changes. Anyone may ask (DCC staff and suppliers alike): the EPCL is published to every SEC party. BAD_USER_INPUT unless each point names exactly one of a version or a date; NOT_FOUND for an unknown version.',
  })
  epclListDiff(
    @Arg('from', () => EpclListPoint) from: EpclListPoint,
    @Arg('to', () => EpclListPoint) to: EpclListPoint,
    @Ctx() ctx: Context,
  ): Promise<EpclListDiff> {
    return epclListDiff(ctx, from, to);
  }
}

@Resolver(() => EpclListDiffEntry)
export class EpclListDiffEntryResolver {
  @FieldResolver(() => EpclEntry, { description: 'The entry as it is now.' })
  entry(
    @Root() root: EpclListDiffEntry,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', root.entryId);
  }
}
