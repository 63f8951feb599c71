import {
  buildSchema,
  findBreakingChanges,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type BreakingChange,
  type GraphQLSchema,
} from 'graphql';

/**
 * The schema's compatibility rule (README, "Schema evolution"): between two versions of
 * `schema/schema.graphql`, nothing clients rely on may break, except removing what the older version had
 * already deprecated. Retyping a field, an argument or an input field is never allowed (add a new one and
 * deprecate the old one instead); neither are new required arguments or input fields, nor removing a type
 * that a field still in use returned.
 */
export type CompatReport = {
  /** Changes that break clients and were not announced by a deprecation: the check fails on any. */
  breaking: { type: string; description: string }[];
  /** Removals of things the older schema had deprecated: allowed, listed for the record. */
  deprecatedRemovals: { type: string; description: string }[];
};

export function compareSchemas(oldSdl: string, newSdl: string): CompatReport {
  const before = buildSchema(oldSdl);
  const after = buildSchema(newSdl);
  const report: CompatReport = { breaking: [], deprecatedRemovals: [] };
  for (const change of findBreakingChanges(before, after)) {
    const entry = { type: change.type, description: change.description };
    if (wasDeprecated(before, change)) report.deprecatedRemovals.push(entry);
    else report.breaking.push(entry);
  }
  return report;
}

/** Whether `change` removes something the old schema marked `@deprecated`. */
function wasDeprecated(schema: GraphQLSchema, change: BreakingChange): boolean {
  let m: RegExpExecArray | null;
  switch (change.type as string) {
    case 'FIELD_REMOVED': {
      // "Type.field was removed."
      if (!(m = /^(\w+)\.(\w+) was removed\.$/.exec(change.description))) return false;
      const type = schema.getType(m[1]);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
        return Boolean(type.getFields()[m[2]]?.deprecationReason);
      return false;
    }
    case 'VALUE_REMOVED_FROM_ENUM': {
      // "VALUE was removed from enum type Enum."
      if (!(m = /^(\w+) was removed from enum type (\w+)\.$/.exec(change.description))) return false;
      const type = schema.getType(m[2]);
      return isEnumType(type) && Boolean(type.getValue(m[1])?.deprecationReason);
    }
    case 'ARG_REMOVED': {
      // "Type.field arg arg was removed."
      if (!(m = /^(\w+)\.(\w+) arg (\w+) was removed\.$/.exec(change.description))) return false;
      const type = schema.getType(m[1]);
      if (!isObjectType(type) && !isInterfaceType(type)) return false;
      return Boolean(type.getFields()[m[2]]?.args.find((a) => a.name === m![3])?.deprecationReason);
    }
    case 'TYPE_REMOVED': {
      // "Type was removed." (or "Standard scalar Int was removed because it is not referenced anymore."):
      // allowed when every field, argument and input field that used it was deprecated.
      if (!(m = /^(?:Standard scalar )?(\w+) was removed\b/.exec(change.description))) return false;
      return everyUseDeprecated(schema, m[1]);
    }
    default:
      return false;
  }
}

function everyUseDeprecated(schema: GraphQLSchema, typeName: string): boolean {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName && !field.deprecationReason) return false;
        for (const arg of field.args)
          if (getNamedType(arg.type).name === typeName && !arg.deprecationReason && !field.deprecationReason)
            return false;
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (getNamedType(field.type).name === typeName && !field.deprecationReason) return false;
    }
  }
  return true;
}
