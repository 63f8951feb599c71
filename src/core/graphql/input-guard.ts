import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { badUserInput } from './errors';

/**
 * PostgreSQL text cannot hold NUL (U+0000): a string with one would reach the database as a bind parameter
 * and fail there. Every string a client sends, in the document or in variables, is checked before execution
 * and refused as BAD_USER_INPUT (HTTP 400) naming the argument or variable.
 */
const NUL = '\u0000';

type Found = { argument: string; value: string };

function inValue(node: ValueNode, argument: string): Found | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes(NUL) ? { argument, value: node.value } : undefined;
    case Kind.LIST:
      for (const item of node.values) {
        const found = inValue(item, argument);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = inValue(field.value, `${argument}.${field.name.value}`);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Documents already walked and found clean (Apollo reuses one parsed document per query text). */
const clean = new WeakSet<DocumentNode>();

function inDocument(document: DocumentNode): Found | undefined {
  if (clean.has(document)) return undefined;
  let found: Found | undefined;
  visit(document, {
    Argument(node) {
      found = inValue(node.value, node.name.value);
      return found ? BREAK : false;
    },
    VariableDefinition(node) {
      found = node.defaultValue ? inValue(node.defaultValue, `$${node.variable.name.value}`) : undefined;
      return found ? BREAK : false;
    },
  });
  if (!found) clean.add(document);
  return found;
}

function inVariables(value: unknown, path: string): Found | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? { argument: path, value } : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = inVariables(item, path);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = inVariables(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The refusal of a request with a NUL character in a string argument or variable; undefined when it has none. */
export function nulRefusal(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | undefined {
  let found = inDocument(document);
  for (const [name, value] of Object.entries(variables ?? {})) found ??= inVariables(value, `$${name}`);
  if (!found) return undefined;
  const refused = badUserInput(found.argument, 'text without NUL characters (U+0000)', found.value);
  return new GraphQLError(refused.message, { extensions: { ...refused.extensions, http: { status: 400 } } });
}

export function nulGuardPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const refused = nulRefusal(document, request.variables);
          if (refused) throw refused;
        },
      };
    },
  };
}
