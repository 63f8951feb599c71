import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { resolveCompiled } from '../../core/graphql/compiler/run';
import { badUserInput, notFound } from '../../core/graphql/errors';
import { PageArgs, prepared, type Connection } from '../../core/graphql/relay';
import { LocalDate } from '../../core/graphql/scalars';
import { ReportGroup } from '../common/enums';
import { entryProvenance, reportProvenance, type EntryFacts, type ReportFacts } from './provenance';
import {
  FieldProvenance,
  PROVENANCE_DESCRIPTION,
  EpclListArgs,
  StateChange,
  StateChangeConnection,
  StateChangeOrder,
  EpclEntriesArgs,
  EpclEntry,
  EpclEntryConnection,
  EpclReport,
  EpclReportConnection,
  EpclReportsArgs,
  ReportEntryOrder,
} from './epcl.types';

const EPCL_ID = /^[0-9]{6}$/;

/** The description of every `history` connection (entries, reports, test reports). */
export const HISTORY_DESCRIPTION =
  'Every recorded change of state, oldest first by effective date (the date in the process: decision, publication, deadline), with when it was recorded, by whom and why. Seeded objects carry the history the seed document states, or a plausible one for synthetic objects (actor `seed`, reason naming the source). Readable by every viewer.';

/** Arguments of a `history` connection. */
@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => [StateChangeOrder], { nullable: true, description: 'Default EFFECTIVE_ON_ASC.' })
  orderBy?: StateChangeOrder[];
}

/** Root fields of the EPCL: entries and reports. SQL: `EPCL_QUERIES` in epcl.sql.ts. */
@Resolver()
export class EpclQueryResolver {
  @Query(() => EpclEntryConnection, { description: 'EPCL entries, filtered and ordered, a page at a time.' })
  epclEntries(
    @Args() args: EpclEntriesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EpclEntry>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => EpclEntry, { description: 'An EPCL entry by its 6-digit EPCL ID, e.g. "002255".' })
  async epclEntry(
    @Arg('epclId', () => String) epclId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'The entry as of the end of this date, from its history: state and dateFirstAdded as they were then (other fields are current). NOT_FOUND if it was created later.',
    })
    asOf?: string | null,
  ): Promise<EpclEntry> {
    if (!EPCL_ID.test(epclId))
      throw badUserInput('epclId', 'a 6-digit, zero-padded EPCL ID such as "002255"', epclId);
    const entry = await resolveCompiled<EpclEntry | null>(ctx, info, { epclId, asOf: asOf ?? null });
    if (!entry) throw notFound('EPCL entry', 'epclId', epclId);
    return entry;
  }

  @Query(() => EpclEntryConnection, {
    description:
      'The EPCL as published on a date: the entries ON_EPCL at the end of `asOf` (default today), from their history, each with `listVersion`, the version that added it. Readable by every viewer. Eligibility and volumes (installation eligibility, upgrade candidates, report volumes) have no `asOf`: installations and devices keep no history, so they answer for today only.',
  })
  epclList(
    @Args() args: EpclListArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EpclEntry>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => EpclReportConnection, { description: 'EPCL reports, by number.' })
  epclReports(
    @Args() args: EpclReportsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EpclReport>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => EpclReport, { description: 'An EPCL report by its number, e.g. 22.' })
  async epclReport(
    @Arg('number', () => Int) number: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description:
        'The report as of the end of this date, from its history: state, sosDecision and sosDecidedOn as they were then (other fields current). NOT_FOUND if it was created later.',
    })
    asOf?: string | null,
  ): Promise<EpclReport> {
    if (number < 1) throw badUserInput('number', 'a positive report number', number);
    const report = await resolveCompiled<EpclReport | null>(ctx, info, { number, asOf: asOf ?? null });
    if (!report) throw notFound('EPCL report', 'number', number);
    return report;
  }
}

@Resolver(() => EpclReport)
export class EpclReportFieldsResolver {
  @FieldResolver(() => [FieldProvenance], { description: PROVENANCE_DESCRIPTION })
  provenance(@Root() root: EpclReport, @Info() info: GraphQLResolveInfo): FieldProvenance[] {
    return reportProvenance(prepared<ReportFacts>(root, info));
  }

  @FieldResolver(() => EpclEntryConnection, {
    description: 'Entries requested in the report, in Annex A order.',
  })
  entries(
    @Root() root: EpclReport,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: '1–100 (default 20).' }) _first?: number,
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Arg('last', () => Int, { nullable: true }) _last?: number,
    @Arg('before', () => String, { nullable: true }) _before?: string,
    @Arg('group', () => ReportGroup, { nullable: true }) _group?: ReportGroup,
    @Arg('orderBy', () => [ReportEntryOrder], { nullable: true }) _orderBy?: ReportEntryOrder[],
  ): Connection<EpclEntry> {
    return prepared(root, info);
  }

  @FieldResolver(() => StateChangeConnection, {
    description: `${HISTORY_DESCRIPTION} Only the report’s own states: entry changes are on the entries.`,
  })
  history(
    @Root() root: EpclReport,
    @Info() info: GraphQLResolveInfo,
    @Args() _args: HistoryArgs,
  ): Connection<StateChange> {
    return prepared(root, info);
  }
}

@Resolver(() => EpclEntry)
export class EpclEntryFieldsResolver {
  @FieldResolver(() => [FieldProvenance], { description: PROVENANCE_DESCRIPTION })
  provenance(@Root() root: EpclEntry, @Info() info: GraphQLResolveInfo): FieldProvenance[] {
    return entryProvenance(prepared<EntryFacts>(root, info));
  }

  @FieldResolver(() => StateChangeConnection, { description: HISTORY_DESCRIPTION })
  history(
    @Root() root: EpclEntry,
    @Info() info: GraphQLResolveInfo,
    @Args() _args: HistoryArgs,
  ): Connection<StateChange> {
    return prepared(root, info);
  }
}
