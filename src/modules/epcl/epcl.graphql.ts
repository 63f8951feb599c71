import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../../core/graphql/context';
import { decodeCursor, encodeCursor, PageInfo, pageSize } from '../../core/graphql/connection';
import { badUserInput, notFound } from '../../core/graphql/errors';
import {
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  InstallationStatus,
  ReportGroup,
} from '../common/enums';
import { EpclEntry as EpclEntryEntity, EpclReport as EpclReportEntity } from './epcl.entities';

const EPCL_ID = /^[0-9]{6}$/;

@ObjectType('EpclEntry', {
  description:
    'One row of the Eligible Product Combinations List (EPCL): a Device Model Combination (DMC) for one installation status. An installation can migrate only if its DMC has an entry for its status.',
})
export class EpclEntryNode {
  /** Internal key, not exposed. */
  entryId!: number;

  @Field(() => String, {
    nullable: true,
    description: "DCC's 6-digit, zero-padded EPCL ID, e.g. 002255; null until allocated.",
  })
  epclId!: string | null;

  @Field(() => InstallationStatus)
  installationStatus!: InstallationStatus;

  @Field(() => EntryBasis, { nullable: true })
  basis!: EntryBasis | null;

  @Field(() => EpclEntryState)
  state!: EpclEntryState;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The date the entry was first added to the EPCL (SEC F2.10A); written once, never changed.',
  })
  dateFirstAdded!: string | null;

  static from(e: EpclEntryEntity): EpclEntryNode {
    return Object.assign(new EpclEntryNode(), {
      entryId: e.id,
      epclId: e.epclId ?? null,
      installationStatus: e.installationStatus,
      basis: e.basis ?? null,
      state: e.state,
      dateFirstAdded: e.dateFirstAdded ?? null,
    });
  }
}

@ObjectType({ description: 'An entry requested in an EPCL report, with its group.' })
export class EpclReportEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => ReportGroup)
  group!: ReportGroup;

  @Field(() => Int, { nullable: true, description: 'Row in the report’s Annex A.' })
  annexRow!: number | null;

  @Field(() => EpclEntryNode)
  node!: EpclEntryNode;
}

@ObjectType({ description: 'A page of the entries requested in an EPCL report.' })
export class EpclReportEntryConnection {
  reportId!: number;
  group!: ReportGroup | null;

  @Field(() => [EpclReportEntryEdge])
  edges!: EpclReportEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('EpclReport', {
  description:
    "DCC's request to the Secretary of State to add entries to the EPCL, with the statutory dates of its process.",
})
export class EpclReportNode {
  reportId!: number;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => [Int], { description: 'DMCT tranches the report covers.' })
  dmctTranches!: number[];

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  reportDate!: string | null;

  @Field(() => EpclReportState)
  state!: EpclReportState;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Date the Security Sub-Committee confirmed no new security risks.',
  })
  sscConfirmedOn!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Last day for Supplier objections: 5 England & Wales working days after SECAS notified publication.',
  })
  objectionDeadline!: string | null;

  static from(r: EpclReportEntity): EpclReportNode {
    return Object.assign(new EpclReportNode(), {
      reportId: r.id,
      number: r.number,
      title: r.title,
      dmctTranches: r.dmctTranches,
      version: r.version ?? null,
      reportDate: r.reportDate ?? null,
      state: r.state,
      sscConfirmedOn: r.sscConfirmedOn ?? null,
      objectionDeadline: r.objectionDeadline ?? null,
    });
  }
}

@Resolver(() => EpclReportEntryConnection)
export class EpclReportEntryConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'Number of entries in the report (or group); computed only when asked for.',
  })
  totalCount(@Root() connection: EpclReportEntryConnection, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.reportEntryCount.load({ reportId: connection.reportId, group: connection.group });
  }
}

type EntryPageRow = {
  report_entry_id: number;
  report_group: ReportGroup;
  annex_row: number | null;
  id: number;
  epcl_id: string | null;
  installation_status: InstallationStatus;
  basis: EntryBasis | null;
  state: EpclEntryState;
  date_first_added: string | null;
};

@Resolver(() => EpclReportNode)
export class EpclReportResolver {
  @Query(() => EpclReportNode, { description: 'An EPCL report by its number, e.g. 22.' })
  async epclReport(@Arg('number', () => Int) number: number, @Ctx() ctx: Context): Promise<EpclReportNode> {
    if (!Number.isInteger(number) || number < 1)
      throw badUserInput('number', 'a positive report number', number);
    const report = await ctx.em.findOne(EpclReportEntity, { number });
    if (!report) throw notFound('EPCL report', 'number', number);
    return EpclReportNode.from(report);
  }

  @FieldResolver(() => EpclReportEntryConnection, {
    description: 'Entries requested in the report, in Annex A order.',
  })
  async entries(
    @Root() report: EpclReportNode,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('group', () => ReportGroup, { nullable: true }) group?: ReportGroup,
  ): Promise<EpclReportEntryConnection> {
    const size = pageSize(first);
    const afterKey = decodeCursor('reportentry', after);
    const query = ctx.em
      .getKnex()('epcl_report_entry as re')
      .join('epcl_entry as e', 'e.id', 're.entry_id')
      .select(
        're.id as report_entry_id',
        're.report_group',
        're.annex_row',
        'e.id',
        'e.epcl_id',
        'e.installation_status',
        'e.basis',
        'e.state',
        ctx.em.getKnex().raw(`to_char(e.date_first_added, 'YYYY-MM-DD') as date_first_added`),
      )
      .where('re.report_id', report.reportId)
      .orderBy('re.id')
      .limit(size + 1);
    if (group) query.andWhere('re.report_group', group);
    if (afterKey !== undefined) query.andWhere('re.id', '>', afterKey);
    const rows: EntryPageRow[] = await query;
    const page = rows.slice(0, size);
    const edges = page.map((row) =>
      Object.assign(new EpclReportEntryEdge(), {
        cursor: encodeCursor('reportentry', row.report_entry_id),
        group: row.report_group,
        annexRow: row.annex_row,
        node: Object.assign(new EpclEntryNode(), {
          entryId: row.id,
          epclId: row.epcl_id,
          installationStatus: row.installation_status,
          basis: row.basis,
          state: row.state,
          dateFirstAdded: row.date_first_added,
        }),
      }),
    );
    return Object.assign(new EpclReportEntryConnection(), {
      reportId: report.reportId,
      group: group ?? null,
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: afterKey !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    });
  }
}

@Resolver(() => EpclEntryNode)
export class EpclEntryResolver {
  @Query(() => EpclEntryNode, { description: 'An EPCL entry by its 6-digit EPCL ID, e.g. "002255".' })
  async epclEntry(@Arg('epclId', () => String) epclId: string, @Ctx() ctx: Context): Promise<EpclEntryNode> {
    if (!EPCL_ID.test(epclId))
      throw badUserInput('epclId', 'a 6-digit, zero-padded EPCL ID such as "002255"', epclId);
    const entry = await ctx.em.findOne(EpclEntryEntity, { epclId });
    if (!entry) throw notFound('EPCL entry', 'epclId', epclId);
    return EpclEntryNode.from(entry);
  }
}

export const EPCL_RESOLVERS = [
  EpclReportResolver,
  EpclReportEntryConnectionResolver,
  EpclEntryResolver,
] as const;
