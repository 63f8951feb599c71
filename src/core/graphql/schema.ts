import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { compiledFieldResolver } from './compiler/compiler';
import { COMPILED_TYPES, REGISTRY } from './compiler/registry';
import { buildSchema, buildSchemaSync } from 'type-graphql';
import { FirmwareVersionFieldsResolver } from '../../modules/catalogue/catalogue.types';
import { EpclReportFieldsResolver } from '../../modules/epcl/epcl.types';
import { CatalogueQueryResolver } from '../../modules/query/query.resolver';
import {
  EligibilityQueryResolver,
  InstallationEligibilityResolver,
  ReportVolumesResolver,
} from '../../modules/eligibility/eligibility.resolver';
import {
  DeviceFieldsResolver,
  DeviceUpgradeFieldsResolver,
  EligibilityFieldsResolver,
  InstallationFieldsResolver,
  UpgradeOptionFieldsResolver,
} from '../../modules/eligibility/eligibility.fields';
import { DomainEventResolver, DOMAIN_EVENT_TOPIC } from '../../modules/events/events.graphql';
import type { DomainEventMessage } from '../../modules/events/event-relay';
import { registerEnums } from './enums';

export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<{ [DOMAIN_EVENT_TOPIC]: [DomainEventMessage] }>();
}

const RESOLVERS = [
  CatalogueQueryResolver,
  FirmwareVersionFieldsResolver,
  EpclReportFieldsResolver,
  DomainEventResolver,
  EligibilityQueryResolver,
  InstallationEligibilityResolver,
  ReportVolumesResolver,
  InstallationFieldsResolver,
  DeviceFieldsResolver,
  DeviceUpgradeFieldsResolver,
  UpgradeOptionFieldsResolver,
  EligibilityFieldsResolver,
] as const;

/** The executable schema. `validate: false`: arguments are validated by the resolvers with stable codes. */
export async function buildAppSchema(pubSub: AppPubSub): Promise<GraphQLSchema> {
  registerEnums();
  return readCompiledValues(await buildSchema({ resolvers: RESOLVERS, pubSub, validate: false }));
}

/**
 * Fields of compiled types without a resolver of their own read the JSON the SQL compiler prepared, which
 * is keyed by response key (so aliases of one field with different arguments stay apart). Every compiled
 * type must have SQL for each of its fields: checked here, at start-up, rather than at the first query.
 */
function readCompiledValues(schema: GraphQLSchema): GraphQLSchema {
  const resolve = compiledFieldResolver(COMPILED_TYPES);
  for (const typeName of COMPILED_TYPES) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`compiled type ${typeName} is not an object type of the schema`);
    for (const field of Object.values(type.getFields())) {
      const spec = REGISTRY[typeName][field.name];
      if (!spec) throw new Error(`no SQL for ${typeName}.${field.name}`);
      if (spec.kind !== 'custom') field.resolve = resolve;
    }
  }
  return schema;
}

/** The same schema built synchronously, for SDL emission and codegen (no live pub/sub needed). */
export function buildSchemaForSdl(): GraphQLSchema {
  registerEnums();
  return buildSchemaSync({ resolvers: RESOLVERS, pubSub: createAppPubSub(), validate: false });
}
