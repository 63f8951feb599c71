import { ReferenceKind, type EntityMetadata, type MetadataStorage } from '@mikro-orm/core';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { FieldSpec, TypeRegistry } from './compiler';
import { belongsTo, column, hasMany, nodeId } from './fields';

/**
 * What a feature module declares for a compiled GraphQL type: the entity whose rows it reads (if any), and
 * SQL for the fields that cannot be derived from that entity. Everything else is derived (see
 * `buildRegistry`), so a plain column needs no SQL written anywhere.
 */
export type TypeDefinition = { entity?: string; fields: Record<string, FieldSpec> };
export type TypeDefinitions = Record<string, TypeDefinition>;

/** What the compiler reads at run time: SQL per type and field, and the table of each `Node` type. */
export type CompiledRegistry = { types: TypeRegistry; tables: Record<string, string> };

/** A compiled type read from an entity's rows; `fields` lists only what metadata cannot derive. */
export const fromEntity = (entity: string, fields: Record<string, FieldSpec> = {}): TypeDefinition => ({
  entity,
  fields,
});

/** A compiled type with no entity behind it (a computed row, a join row): every field is written out. */
export const sqlType = (fields: Record<string, FieldSpec>): TypeDefinition => ({ fields });

/** Root types: their fields are compiled when a resolver asks, but keep their own resolvers. */
export const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The SQL of a field derived from the entity property of the same name:
 * - `id` of a type with a primary key: the opaque global ID of the type and key;
 * - a scalar property: its column;
 * - a many-to-one (or owning one-to-one) reference: the referenced row;
 * - a one-to-many collection: the rows that reference this one, by id.
 */
function derive(typeName: string, fieldName: string, meta: EntityMetadata): FieldSpec | undefined {
  if (fieldName === 'id' && meta.primaryKeys.length === 1) {
    const pk = meta.properties[meta.primaryKeys[0]];
    return nodeId(typeName, pk.fieldNames[0]);
  }
  const prop = meta.properties[fieldName];
  if (!prop || prop.persist === false) return undefined;
  switch (prop.kind) {
    case ReferenceKind.SCALAR:
      return column(prop.fieldNames[0]);
    case ReferenceKind.MANY_TO_ONE:
      return belongsTo(prop.targetMeta!.tableName, prop.fieldNames[0], prop.targetMeta!.primaryKeys[0]);
    case ReferenceKind.ONE_TO_ONE:
      return prop.owner
        ? belongsTo(prop.targetMeta!.tableName, prop.fieldNames[0], prop.targetMeta!.primaryKeys[0])
        : undefined;
    case ReferenceKind.ONE_TO_MANY: {
      const inverse = prop.targetMeta!.properties[prop.mappedBy];
      return hasMany(prop.targetMeta!.tableName, inverse.fieldNames[0]);
    }
    default:
      return undefined;
  }
}

/**
 * Completes the modules' type definitions into the registry the compiler reads, and checks it against the
 * schema at start-up rather than at the first query:
 * - every field of every compiled type has SQL (written or derived): otherwise "no SQL for Type.field";
 * - every field of a connection's `filter` input type has a condition, and every `orderBy` value an
 *   ordering (and neither has one the schema does not offer).
 */
export function buildRegistry(
  schema: GraphQLSchema,
  definitions: TypeDefinitions,
  metadata: MetadataStorage,
): CompiledRegistry {
  const registry: TypeRegistry = {};
  const tables: Record<string, string> = {};
  const problems: string[] = [];
  for (const [typeName, definition] of Object.entries(definitions)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) {
      problems.push(`compiled type ${typeName} is not an object type of the schema`);
      continue;
    }
    const meta = definition.entity ? metadata.find(definition.entity) : undefined;
    if (definition.entity && !meta) problems.push(`${typeName}: no entity named ${definition.entity}`);
    if (meta && type.getInterfaces().some((i) => i.name === 'Node')) tables[typeName] = meta.tableName;
    const fields: Record<string, FieldSpec> = {};
    for (const name of Object.keys(definition.fields)) {
      if (!type.getFields()[name])
        problems.push(`SQL for ${typeName}.${name}, which the schema does not have`);
    }
    for (const field of Object.values(type.getFields())) {
      const spec = definition.fields[field.name] ?? (meta && derive(typeName, field.name, meta));
      if (spec) {
        fields[field.name] = spec;
        problems.push(...checkConnection(typeName, field, spec));
      } else if (!ROOT_TYPES.has(typeName)) {
        problems.push(`no SQL for ${typeName}.${field.name}`);
      }
    }
    registry[typeName] = fields;
  }
  if (problems.length) throw new Error(`the compiled schema is incomplete:\n- ${problems.join('\n- ')}`);
  return { types: registry, tables };
}

function checkConnection(typeName: string, field: GraphQLField<unknown, unknown>, spec: FieldSpec): string[] {
  if (spec.kind !== 'connection') return [];
  const problems: string[] = [];
  const where = `${typeName}.${field.name}`;
  const filterArg = field.args.find((a) => a.name === 'filter');
  const filterType = filterArg && getNamedType(filterArg.type);
  const offered = isInputObjectType(filterType) ? Object.keys(filterType.getFields()) : [];
  for (const name of offered)
    if (!spec.filters[name]) problems.push(`no SQL for filter ${filterType!.name}.${name} of ${where}`);
  for (const name of Object.keys(spec.filters))
    if (!offered.includes(name)) problems.push(`SQL for filter field ${name} that ${where} does not offer`);
  const orderArg = field.args.find((a) => a.name === 'orderBy');
  const orderType = orderArg && getNamedType(orderArg.type);
  const values = isEnumType(orderType) ? orderType.getValues().map((v) => v.value as string) : [];
  for (const value of values)
    if (!spec.orders[value]) problems.push(`no SQL for ordering ${orderType!.name}.${value} of ${where}`);
  for (const value of Object.keys(spec.orders))
    if (orderArg && !values.includes(value))
      problems.push(`SQL for ordering ${value} that ${where} does not offer`);
  return problems;
}

/** The compiled object types of a registry (root types excluded). */
export function compiledTypes(registry: CompiledRegistry): Set<string> {
  return new Set(Object.keys(registry.types).filter((name) => !ROOT_TYPES.has(name)));
}
