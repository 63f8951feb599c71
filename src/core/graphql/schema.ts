import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, buildSchemaSync } from 'type-graphql';
import { EPCL_RESOLVERS } from '../../modules/epcl/epcl.graphql';
import { DomainEventResolver, DOMAIN_EVENT_TOPIC } from '../../modules/events/events.graphql';
import type { DomainEventMessage } from '../../modules/events/event-relay';
import { registerEnums } from './enums';

export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<{ [DOMAIN_EVENT_TOPIC]: [DomainEventMessage] }>();
}

const RESOLVERS = [...EPCL_RESOLVERS, DomainEventResolver] as const;

/** The executable schema. `validate: false`: arguments are validated by the resolvers with stable codes. */
export async function buildAppSchema(pubSub: AppPubSub): Promise<GraphQLSchema> {
  registerEnums();
  return buildSchema({ resolvers: RESOLVERS, pubSub, validate: false });
}

/** The same schema built synchronously, for SDL emission and codegen (no live pub/sub needed). */
export function buildSchemaForSdl(): GraphQLSchema {
  registerEnums();
  return buildSchemaSync({ resolvers: RESOLVERS, pubSub: createAppPubSub(), validate: false });
}

export const schema = buildSchemaForSdl();
