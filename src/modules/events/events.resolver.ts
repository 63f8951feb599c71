import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
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

@Resolver()
export class DomainEventResolver {
  @Subscription(() => DomainEventNode, {
    topics: DOMAIN_EVENT_TOPIC,
    description: 'Committed domain events, optionally only of the given types.',
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
