import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Context } from '../context';
import type { CompiledRegistry } from './registry';

/*
 * Operations made only of compiled root fields skip graphql-js's walk over the result. Profiling the
 * catalogue shapes showed graphql-js execution (completeValue, getArgumentValues and a resolver call for
 * every field of every row) as the largest single cost of a request on our side: the SQL already returns the
 * response's shape, keyed by response key.
 *
 * The root fields' own resolvers still run (argument checks, NOT_FOUND, authorization, the compiled SQL),
 * with the arguments and info graphql-js would give them. Their result is then completed by a precomputed
 * plan of the selection that does what graphql-js does for these fields, without the per-field machinery:
 * compiled types read the value under its response key (their resolver, `compiledFieldResolver`), other
 * objects (connections, edges, PageInfo) their field name (the default resolver), every leaf goes through its
 * scalar's or enum's `serialize`, and `__typename` is the object's type. Anything this plan cannot do exactly
 * as graphql-js would — a directive, an abstract type, an alias on a non-compiled type, a field with a
 * resolver of its own, a null where the schema says non-null, a value `serialize` refuses, a resolver that
 * throws — makes the request fall back to ordinary execution, which then produces the answer (and errors).
 */

type Plan = { key: string; name: string; read: string; complete: Completer }[];
/** Completes one value; returns FALLBACK when ordinary execution must decide. */
type Completer = (value: unknown) => unknown;

const FALLBACK = Symbol('fallback');

type RootPlan = {
  key: string;
  field: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
  complete: Completer;
};

class Unsupported extends Error {}

function planner(schema: GraphQLSchema, registry: CompiledRegistry, document: DocumentNode) {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;

  /** graphql-js's collectFields for a concrete type, without directives (refused beforehand). */
  const collect = (
    type: GraphQLObjectType,
    selections: readonly SelectionNode[],
    into: Map<string, FieldNode[]>,
  ) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const list = into.get(key);
        if (list) list.push(s);
        else into.set(key, [s]);
      } else {
        const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments[s.name.value];
        if (!fragment) throw new Unsupported();
        const condition = fragment.typeCondition?.name.value;
        if (condition && condition !== type.name && !type.getInterfaces().some((i) => i.name === condition))
          continue;
        collect(type, fragment.selectionSet.selections, into);
      }
    }
    return into;
  };

  const completer = (type: GraphQLOutputType, nodes: FieldNode[]): Completer => {
    if (isNonNullType(type)) {
      const inner = completer(type.ofType, nodes);
      return (value) => (value === null || value === undefined ? FALLBACK : inner(value));
    }
    if (isListType(type)) {
      const item = completer(type.ofType, nodes);
      return (value) => {
        if (value === null || value === undefined) return null;
        if (!Array.isArray(value)) return FALLBACK;
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const v = item(value[i]);
          if (v === FALLBACK) return FALLBACK;
          out[i] = v;
        }
        return out;
      };
    }
    if (isLeafType(type)) {
      const leaf = type;
      return (value) => {
        if (value === null || value === undefined) return null;
        try {
          const serialized = leaf.serialize(value);
          return serialized === null || serialized === undefined ? FALLBACK : serialized;
        } catch {
          return FALLBACK;
        }
      };
    }
    if (isAbstractType(type) || !isObjectType(type)) throw new Unsupported();
    const plan = objectPlan(type, nodes);
    const typename = type.name;
    return (value) => {
      if (value === null || value === undefined) return null;
      if (typeof value !== 'object') return FALLBACK;
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const p of plan) {
        if (p.name === '__typename') {
          out[p.key] = typename;
          continue;
        }
        const v = p.complete(source[p.read]);
        if (v === FALLBACK) return FALLBACK;
        out[p.key] = v;
      }
      return out;
    };
  };

  const objectPlan = (type: GraphQLObjectType, nodes: FieldNode[]): Plan => {
    const compiled = registry.types[type.name];
    const selections = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
    const plan: Plan = [];
    for (const [key, fieldNodes] of collect(type, selections, new Map())) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') {
        plan.push({ key, name, read: key, complete: (v) => v });
        continue;
      }
      const field = type.getFields()[name];
      if (!field) throw new Unsupported();
      let read: string;
      if (compiled) {
        // compiledFieldResolver: the value under the response key.
        const spec = compiled[name];
        if (!spec || spec.kind === 'custom') throw new Unsupported();
        read = key;
      } else {
        // The default resolver reads the field name; the compiler wrote the response key: only equal is safe.
        if (field.resolve || key !== name) throw new Unsupported();
        read = name;
      }
      plan.push({ key, name, read, complete: completer(field.type, fieldNodes) });
    }
    return plan;
  };

  const rootPlans = (operation: OperationDefinitionNode): RootPlan[] => {
    const query = schema.getQueryType()!;
    const roots: RootPlan[] = [];
    for (const [key, nodes] of collect(query, operation.selectionSet.selections, new Map())) {
      const name = nodes[0].name.value;
      const field = query.getFields()[name];
      const spec = registry.types[query.name]?.[name];
      if (!field || !field.resolve || !spec || spec.kind === 'custom') throw new Unsupported();
      // The root field's resolver returns the compiled JSON of its selection (resolveCompiled).
      const type = getNullableType(field.type);
      if (isAbstractType(getNamedType(type))) throw new Unsupported();
      roots.push({ key, field, nodes, complete: completer(field.type, nodes) });
    }
    return roots;
  };

  return { rootPlans, fragments };
}

function hasDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
    },
  });
  return found;
}

type Analysed = { roots: RootPlan[]; fragments: Record<string, FragmentDefinitionNode> } | null;

/** The compiled plan of an operation: null when graphql-js must execute it. */
export type CompiledOperation = Analysed;

/**
 * Plans operations once per parsed document and operation (`analyse`), and runs a plan (`run`): the data of
 * the response, or null when ordinary execution must answer (the resolvers threw, a value needs
 * graphql-js). Used by the Apollo plugin below and by the lean lane (core/http/lean-lane.ts).
 */
export function compiledResponder(registry: CompiledRegistry) {
  const plans = new WeakMap<DocumentNode, Map<string, Analysed>>();

  const analyse = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): CompiledOperation => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map<string, Analysed>()));
    const name = operation.name?.value ?? '';
    if (byName.has(name)) return byName.get(name)!;
    let analysed: Analysed = null;
    if (operation.operation === OperationTypeNode.QUERY && !hasDirectives(document)) {
      try {
        const p = planner(schema, registry, document);
        analysed = { roots: p.rootPlans(operation), fragments: p.fragments };
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
      }
    }
    byName.set(name, analysed);
    return analysed;
  };

  const run = async (
    analysed: NonNullable<CompiledOperation>,
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    contextValue: Context,
  ): Promise<Record<string, unknown> | null> => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return null;
    const variableValues = coerced.coerced;
    const query = schema.getQueryType()!;
    let values: unknown[];
    try {
      values = await Promise.all(
        analysed.roots.map(({ key, field, nodes }) => {
          const info: GraphQLResolveInfo = {
            fieldName: field.name,
            fieldNodes: nodes,
            returnType: field.type,
            parentType: query,
            path: { prev: undefined, key, typename: query.name },
            schema,
            fragments: analysed.fragments,
            rootValue: undefined,
            operation,
            variableValues,
          };
          const args = getArgumentValues(field, nodes[0], variableValues);
          return field.resolve!(undefined, args, contextValue, info);
        }),
      );
    } catch {
      // Ordinary execution reports the error exactly (path, locations, partial data).
      return null;
    }
    const data: Record<string, unknown> = {};
    for (let i = 0; i < analysed.roots.length; i++) {
      const value = analysed.roots[i].complete(values[i]);
      if (value === FALLBACK) return null;
      data[analysed.roots[i].key] = value;
    }
    return data;
  };

  return { analyse, run };
}

/** Requests (their context's `stats`) whose compiled plan already ran and fell back (in the lean lane). */
const FELL_BACK = new WeakSet<object>();

/** Ordinary execution answers this request: its plan already fell back once (core/http/lean-lane.ts). */
export function markFellBack(stats: object): void {
  FELL_BACK.add(stats);
}

export function compiledResponsePlugin(
  registry: CompiledRegistry,
  responder = compiledResponder(registry),
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          if (!document || !operation || FELL_BACK.has(contextValue.stats)) return null;
          const analysed = responder.analyse(schema, document, operation);
          if (!analysed || analysed.roots.length === 0) return null;
          const data = await responder.run(analysed, schema, operation, request.variables, contextValue);
          if (!data) return null;
          return {
            body: { kind: 'single', singleResult: { data } },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
      };
    },
  };
}
