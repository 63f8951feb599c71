import 'reflect-metadata';
import type { MetadataStorage } from '@mikro-orm/core';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, buildSchemaSync, type BuildSchemaOptions } from 'type-graphql';
import { authChecker, mutationsWithoutAuthorization } from './authz';
import { compiledFieldResolver } from './compiler/compiler';
import {
  buildRegistry,
  compiledTypes,
  type CompiledRegistry,
  type TypeDefinitions,
} from './compiler/registry';

export type CompiledSchemaOptions = {
  resolvers: BuildSchemaOptions['resolvers'];
  pubSub: BuildSchemaOptions['pubSub'];
  /** SQL of the compiled types and root fields, by GraphQL type (see compiler/registry.ts). */
  definitions: TypeDefinitions;
  /** Entity metadata, from which plain columns and relations are derived. */
  metadata: MetadataStorage;
};

export type CompiledSchema = { schema: GraphQLSchema; registry: CompiledRegistry };

/**
 * The executable schema and the compiler's registry, checked against each other. `validate: false`:
 * arguments are validated by the resolvers with stable codes.
 */
export async function buildCompiledSchema(options: CompiledSchemaOptions): Promise<CompiledSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    pubSub: options.pubSub,
    validate: false,
    authChecker,
  });
  return readCompiledValues(schema, options);
}

/** The same, synchronously, for SDL emission and codegen. */
export function buildCompiledSchemaSync(options: CompiledSchemaOptions): CompiledSchema {
  const schema = buildSchemaSync({
    resolvers: options.resolvers,
    pubSub: options.pubSub,
    validate: false,
    authChecker,
  });
  return readCompiledValues(schema, options);
}

/**
 * Fields of compiled types without a resolver of their own read the JSON the SQL compiler prepared, which
 * is keyed by response key (so aliases of one field with different arguments stay apart). Every compiled
 * type must have SQL for each of its fields: `buildRegistry` checks that here, at start-up, rather than at
 * the first query.
 */
function readCompiledValues(schema: GraphQLSchema, options: CompiledSchemaOptions): CompiledSchema {
  const open = mutationsWithoutAuthorization();
  if (open.length)
    throw new Error(
      `every mutation must declare who may call it (@Authorized): missing on ${open.join(', ')}`,
    );
  const registry = buildRegistry(schema, options.definitions, options.metadata);
  const types = compiledTypes(registry);
  const resolve = compiledFieldResolver(types);
  for (const typeName of types) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`compiled type ${typeName} is not an object type of the schema`);
    for (const field of Object.values(type.getFields())) {
      if (registry.types[typeName][field.name].kind !== 'custom') field.resolve = resolve;
    }
  }
  return { schema, registry };
}
