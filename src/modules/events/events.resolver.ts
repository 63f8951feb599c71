import {
  Authorized,
  Arg,
  Ctx,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../../core/graphql/context';
import { DCC_STAFF, requireDccStaff } from '../../core/graphql/authz';
import { badUserInput } from '../../core/graphql/errors';
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import type { DomainEventMessage } from './event-relay';

export const DOMAIN_EVENT_TOPIC = 'DOMAIN_EVENT';

@ObjectType('DomainEvent', {
  description:
    'A committed change: an EPCL entry or report changing state, an entry first added to the EPCL, a test report or testing issue changing. Delivered only after the change commits.',
})
export class DomainEventNode {
  @Field(() => ID)
  id!: string;

  @Field({
    description:
      'EpclEntryCreated, EpclEntryStateChanged, EpclEntryAdded, EpclReportStateChanged, TestReportStateChanged, TestingIssueChanged, GoNoGoDecisionRecorded, PacingActionRecorded.',
  })
  type!: string;

  @Field()
  aggregateType!: string;

  @Field()
  aggregateId!: string;

  @Field(() => DateTimeISOResolver)
  occurredAt!: Date;

  @Field(() => JSONObjectResolver)
  payload!: Record<string, unknown>;
}

type EventRow = {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
};

@Resolver()
export class DomainEventResolver {
  @Authorized(...DCC_STAFF)
  @Query(() => [DomainEventNode], {
    deprecationReason:
      'Use `events(filter:, first:, after:)`: typed EPCL events with the cursors of `epclEvents`.',
    description:
      'Committed domain events from the outbox in commit order, oldest first: the latest `limit` ones, or those committed after the event `after` (a client resuming a subscription after a reconnect asks for what it missed). DCC staff only.',
  })
  async recentDomainEvents(
    @Ctx() ctx: Context,
    @Arg('after', () => ID, { nullable: true, description: 'An event id: only later events.' })
    after?: string,
    @Arg('limit', () => Int, { defaultValue: 50, description: '1–200.' }) limit = 50,
    @Arg('types', () => [String], { nullable: true }) types?: string[],
  ): Promise<DomainEventNode[]> {
    requireDccStaff(ctx, 'read the event outbox');
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw badUserInput('limit', 'from 1 to 200', limit);
    if (after !== undefined && after !== null && !/^\d{1,18}$/.test(after))
      throw badUserInput('after', 'the id of a domain event', after);
    const rows = await ctx.sql<EventRow>(
      // In commit order (position), not id order: ids are taken at insert, so a later id can commit first.
      `select id, type, aggregate_type, aggregate_id, occurred_at, payload from (
         select id::text, position, type, aggregate_type, aggregate_id, occurred_at, payload from domain_event
          where position is not null
            and ($1::bigint is null or position > (select d.position from domain_event d where d.id = $1::bigint))
            and ($2::text[] is null or type = any($2::text[]))
          order by case when $1::bigint is null then -position else position end
          limit $3::int) e
        order by e.position`,
      [after ?? null, types?.length ? types : null, limit],
    );
    return rows.map((r) =>
      Object.assign(new DomainEventNode(), {
        id: r.id,
        type: r.type,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        occurredAt: new Date(r.occurred_at),
        payload: r.payload,
      }),
    );
  }

  @Subscription(() => DomainEventNode, {
    topics: DOMAIN_EVENT_TOPIC,
    description: 'Committed domain events, optionally only of the given types.',
    deprecationReason:
      'Use `epclEvents(filter:, after:)`: typed events with their objects, filtered and scoped in the server, resumable without loss.',
    filter: ({ payload, args }: { payload: DomainEventMessage; args: { types?: string[] | null } }) =>
      !args.types?.length || args.types.includes(payload.type),
  })
  domainEvents(
    @Root() event: DomainEventMessage,
    @Arg('types', () => [String], { nullable: true }) _types?: string[],
  ): DomainEventNode {
    return Object.assign(new DomainEventNode(), { ...event, occurredAt: new Date(event.occurredAt) });
  }
}
