import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PageInfo } from './connection';
import { typenameOf } from './compiler/compiler';

@InterfaceType({
  description: 'An object with a global ID. IDs are opaque: fetch any object again with `node(id:)`.',
  resolveType: typenameOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page forwards: 1–100 items (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to start after.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Page backwards: 1–100 items.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to end before.' })
  before?: string;
}

/**
 * A property type that emits no runtime reference to the class in decorator metadata, so object types can
 * refer to each other across files and ahead of their declaration (the GraphQL type comes from the thunk).
 */
export type Of<T> = T & Record<never, never>;

export type Connection<T> = {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
};

const connections = new Map<string, ClassType>();

/** The Relay connection and edge types for a node type: `<Name>Connection`, `<Name>Edge`. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  const existing = connections.get(name);
  if (existing) return existing as ClassType<Connection<T>>;

  // Plain data with no authorization of their own: graphql-js's default resolver reads them (type-graphql would
  // otherwise wrap each field), which also lets the compiled fast path complete them (compiler/fast-path.ts).
  @ObjectType(`${name}Edge`, { description: `A ${name} and its cursor.`, simpleResolvers: true })
  class Edge {
    @Field({ description: 'Pass to `after` (or `before`) to page from this item.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.`, simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The same items as `edges`, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: 'Items matching the filter, over all pages. Computed only when asked for.',
    })
    totalCount!: number;
  }
  connections.set(name, ConnectionType);
  return ConnectionType;
}

/** Field resolvers of compiled types read the value prepared under the field's response key. */
export function prepared<T>(root: object, info: GraphQLResolveInfo): T {
  return (root as Record<string, unknown>)[String(info.path.key)] as T;
}
