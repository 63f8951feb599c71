import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { badUserInput } from '../../core/graphql/errors';
import { EpclEntry, EpclObjection, EpclReport } from '../epcl/epcl.types';
import { TestingIssue, TestReport } from '../testing/testing.types';
import { hubFor } from './event-hub';
import {
  decodeCursor,
  encodeCursor,
  eventFilter,
  eventsSql,
  filterConditions,
  matches,
  type EventFilter,
  type EventRow,
} from './events.sql';
import {
  EpclEntryAddedToList,
  EpclEntryStateChanged,
  EpclEvent,
  EpclEventConnection,
  EpclEventFilter,
  EpclReportStateChanged,
  EventsArgs,
  ObjectionRecorded,
  ObjectionWindowClosing,
  SupplierImpact,
  TestingIssueChanged,
  TestReportStateChanged,
  type EventSource,
} from './epcl-events.types';

/** Events read per statement when a subscription replays from its cursor. */
const REPLAY_PAGE = 500;

/** One formatter: `toLocaleDateString` with options builds a new one per call (~0.2 ms, per event). */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const londonDate = (at: Date) => LONDON_DATE.format(at);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** An outbox row as the GraphQL object of its type. */
export function eventSource(row: EventRow, loaders?: Map<unknown, unknown>): EventSource {
  const p = row.payload;
  const occurredAt = new Date(row.occurred_at);
  const common = { cursor: encodeCursor(row.position), occurredAt, type: row.type, loaders };
  const history = {
    effectiveOn: str(p.effectiveOn) ?? londonDate(occurredAt),
    actor: str(p.actor) ?? 'unknown',
    reason: str(p.reason),
  };
  const id = Number(row.aggregate_id);
  switch (row.source_type) {
    case 'EpclEntryCreated':
    case 'EpclEntryStateChanged':
      return {
        __typename: 'EpclEntryStateChanged',
        ...common,
        ...history,
        entryId: id,
        from: str(p.previousState),
        to: str(p.state),
      };
    case 'EpclEntryAdded':
      return {
        __typename: 'EpclEntryAddedToList',
        ...common,
        ...history,
        entryId: id,
        addedOn: str(p.dateFirstAdded),
      };
    case 'EpclReportStateChanged':
      return {
        __typename: 'EpclReportStateChanged',
        ...common,
        ...history,
        reportId: id,
        from: str(p.previousState),
        to: str(p.state),
      };
    case 'ObjectionWindowClosing':
      return {
        __typename: 'ObjectionWindowClosing',
        ...common,
        reportId: num(p.reportId),
        closesOn: str(p.closesOn),
        workingDaysLeft: num(p.workingDaysLeft),
      };
    case 'ObjectionRecorded':
      return { __typename: 'ObjectionRecorded', ...common, reportId: num(p.reportId), objectionId: id };
    case 'TestReportStateChanged':
      return {
        __typename: 'TestReportStateChanged',
        ...common,
        ...history,
        testReportId: id,
        from: str(p.previousState),
        to: str(p.state),
      };
    case 'TestingIssueChanged':
      return {
        __typename: 'TestingIssueChanged',
        ...common,
        testingIssueId: id,
        status: str(p.status),
        countsAgainstThreshold: Boolean(p.countsAgainstThreshold),
      };
    case 'SupplierImpact':
      return {
        __typename: 'SupplierImpact',
        ...common,
        reportId: num(p.reportId),
        supplierId: num(p.supplierId),
        installations: num(p.installations),
        becameEligible: num(p.becameEligible),
        byFirmwareUpgrade: num(p.byFirmwareUpgrade),
      };
    default:
      throw new Error(`events: no GraphQL type for outbox type ${row.source_type}`);
  }
}

/** Reads matching events after `after` with the viewer's scope (replay and the query side). */
export function readEvents(
  ctx: Pick<Context, 'sql' | 'viewer'>,
  filter: EventFilter,
  after: string,
  limit: number,
): Promise<EventRow[]> {
  const params: unknown[] = [after];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const where = filterConditions(filter, ctx.viewer, param);
  return ctx.sql<EventRow>(eventsSql(where, String(limit)), params);
}

/**
 * Objects are read through the compiler, so clients select anything on them. Over a subscription each
 * event has loaders of its own: the object is read as it is when the event is delivered, not cached from an
 * earlier event of the same subscription.
 */
function load<T>(ctx: Context, root: EventSource, info: GraphQLResolveInfo, type: string, key: unknown) {
  const scoped = root.loaders
    ? Object.assign<Context, Partial<Context>>(Object.create(ctx) as Context, { loaders: root.loaders })
    : ctx;
  return loadNode<T>(scoped, info, type, num(key));
}

type SubscriptionArgs = { filter?: EpclEventFilter | null; after?: string | null };

@Resolver()
export class EpclEventsResolver {
  @Query(() => EpclEventConnection, {
    description:
      'EPCL events in commit order (dashboards, polling clients, audits): the same filter and cursors as the `epclEvents` subscription. Any viewer; suppliers receive catalogue events and only their own objections and SupplierImpact.',
  })
  async events(@Ctx() ctx: Context, @Args() args: EventsArgs): Promise<EpclEventConnection> {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw badUserInput('first', 'from 1 to 500', first);
    const filter = eventFilter(args.filter);
    const rows = await readEvents(ctx, filter, decodeCursor(args.after), first + 1);
    const page = rows.slice(0, first).map((row) => eventSource(row));
    return {
      edges: page.map((node) => ({ cursor: node.cursor, node: node })),
      nodes: page,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: args.after !== undefined && args.after !== null,
        startCursor: page[0]?.cursor ?? null,
        endCursor: page[page.length - 1]?.cursor ?? null,
      },
    };
  }

  @Subscription(() => EpclEvent, {
    description:
      'EPCL events as they commit, in commit order, filtered in the server. With `after` (the `cursor` of the last event received), first every matching event committed after it, then live ones, with no gap and no duplicate: a client that reconnects (to this or another instance) resumes with its last cursor and misses nothing. At least once across reconnects; exactly once within one subscription. Any viewer; suppliers receive catalogue events and only their own objections and SupplierImpact.',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const { filter: input, after } = args as SubscriptionArgs;
      const filter = eventFilter(input);
      const cursor = after === undefined || after === null ? null : decodeCursor(after);
      return hubFor(ctx.registry).open(
        (row) => matches(row, filter, ctx.viewer),
        cursor === null ? null : (from) => readEvents(ctx, filter, from, REPLAY_PAGE),
        cursor,
        ctx.viewer.credential?.expiresAt,
      );
    },
  })
  epclEvents(
    @Root() row: EventRow,
    @Arg('filter', () => EpclEventFilter, { nullable: true }) _filter?: EpclEventFilter,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The cursor of the last event received: replay what followed it, then continue live.',
    })
    _after?: string,
  ): EpclEvent {
    return eventSource(row, new Map());
  }
}

@Resolver(() => EpclEntryStateChanged)
export class EpclEntryStateChangedResolver {
  @FieldResolver(() => EpclEntry, { nullable: true })
  entry(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<EpclEntry>(ctx, root, info, 'EpclEntry', root.entryId);
  }
}

@Resolver(() => EpclEntryAddedToList)
export class EpclEntryAddedToListResolver {
  @FieldResolver(() => EpclEntry, { nullable: true })
  entry(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<EpclEntry>(ctx, root, info, 'EpclEntry', root.entryId);
  }
}

@Resolver(() => EpclReportStateChanged)
export class EpclReportStateChangedResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<EpclReport>(ctx, root, info, 'EpclReport', root.reportId);
  }
}

@Resolver(() => ObjectionWindowClosing)
export class ObjectionWindowClosingResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<EpclReport>(ctx, root, info, 'EpclReport', root.reportId);
  }
}

@Resolver(() => ObjectionRecorded)
export class ObjectionRecordedResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<EpclReport>(ctx, root, info, 'EpclReport', root.reportId);
  }

  @FieldResolver(() => EpclObjection, { nullable: true })
  async objection(@Root() root: EventSource, @Ctx() ctx: Context): Promise<EpclObjection | null> {
    // Not a Node type: read as `epclReport.objections` shows it.
    const [row] = await ctx.sql<EpclObjection>(
      `select o.supplier_id as "supplierId", s.name as "supplierName", o.received_on::text as "receivedOn",
              o.grounds, o.recorded_at as "recordedAt", o.actor
         from epcl_objection o join supplier s on s.id = o.supplier_id where o.id = $1`,
      [num(root.objectionId)],
    );
    return row ?? null;
  }
}

@Resolver(() => TestReportStateChanged)
export class TestReportStateChangedResolver {
  @FieldResolver(() => TestReport, { nullable: true })
  testReport(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<TestReport>(ctx, root, info, 'TestReport', root.testReportId);
  }
}

@Resolver(() => TestingIssueChanged)
export class TestingIssueChangedResolver {
  @FieldResolver(() => TestingIssue, { nullable: true })
  testingIssue(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<TestingIssue>(ctx, root, info, 'TestingIssue', root.testingIssueId);
  }
}

@Resolver(() => SupplierImpact)
export class SupplierImpactResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(@Root() root: EventSource, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return load<EpclReport>(ctx, root, info, 'EpclReport', root.reportId);
  }
}

export const EPCL_EVENT_RESOLVERS = [
  EpclEventsResolver,
  EpclEntryStateChangedResolver,
  EpclEntryAddedToListResolver,
  EpclReportStateChangedResolver,
  ObjectionWindowClosingResolver,
  ObjectionRecordedResolver,
  TestReportStateChangedResolver,
  TestingIssueChangedResolver,
  SupplierImpactResolver,
] as const;
