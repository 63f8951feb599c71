import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { decodeGlobalId } from './compiler/global-id';
import type { CompiledRegistry } from './compiler/registry';
import type { Context, Viewer } from './context';

/*
 * Exact response caching for catalogue reads. The catalogue changes a few times a year, and every statement
 * that writes a catalogue table bumps `catalogue_version` in its own transaction (statement triggers). A
 * response that reads only catalogue tables is therefore the same for the same operation, variables and
 * viewer scope as long as the version is the same: the version is part of the key, and it is read from the
 * database for every cacheable request (one primary-key read), never remembered, so several instances stay
 * exact whoever writes.
 *
 * Which responses are catalogue-only is decided per field, from the compiled registry: every field the
 * operation selects must be compiled SQL (root fields compiled under `Query`, or `node`/`nodes` with IDs of
 * compiled types), and not marked `notCatalogue` (a field reading inventory, e.g. a supplier's name) nor
 * resolved by code (`custom`: analyses over installations). Anything else is never cached.
 */

/** The viewer scope a response may depend on: a supplier's responses are never shared with anyone else. */
export function viewerScope(viewer: Viewer): string {
  return viewer.role === 'SUPPLIER' ? `SUPPLIER:${viewer.supplierId}` : viewer.role;
}

/** What the analysis of one operation found: not cacheable, or cacheable when these node IDs are catalogue. */
export type Analysis =
  | { cacheable: false }
  | { cacheable: true; nodeFields: { field: GraphQLField<unknown, unknown>; node: FieldNode }[] };

const NODE_ROOTS = new Set(['node', 'nodes']);

/**
 * Whether an operation reads only catalogue data (at most the IDs of `node`/`nodes` remain to be checked
 * against the variables). Directives are ignored: every branch must be cacheable.
 */
export function analyseOperation(
  schema: GraphQLSchema,
  registry: CompiledRegistry,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Analysis {
  if (operation.operation !== OperationTypeNode.QUERY) return { cacheable: false };
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const query = schema.getQueryType()!;
  const nodeFields: { field: GraphQLField<unknown, unknown>; node: FieldNode }[] = [];

  const catalogueField = (typeName: string, fieldName: string): boolean => {
    const spec = registry.types[typeName]?.[fieldName];
    if (!spec || spec.kind === 'custom') return false;
    return !('notCatalogue' in spec && spec.notCatalogue);
  };

  // Every field under a compiled type: compiled, catalogue, and its own selection likewise.
  const walk = (type: GraphQLNamedType, set: SelectionSetNode | undefined, seen: Set<string>): boolean => {
    if (!set) return true;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (!isObjectType(type)) return false;
        if (!catalogueField(type.name, name)) return false;
        const field = type.getFields()[name];
        if (!field) return false;
        const walked =
          registry.types[type.name][name].kind === 'connection'
            ? walkConnection(getNamedType(field.type), selection.selectionSet, seen)
            : walk(getNamedType(field.type), selection.selectionSet, seen);
        if (!walked) return false;
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) return false;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          if (seen.has(selection.name.value)) continue;
          seen.add(selection.name.value);
        }
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (!condition) return false;
        // On an abstract type (node, nodes), a fragment selects fields of the concrete type it names.
        if (!walk(isObjectType(condition) ? condition : type, fragment.selectionSet, seen)) return false;
      }
    }
    return true;
  };

  // A compiled connection: totalCount, pageInfo and cursors are computed by the compiler; nodes are walked.
  const walkConnection = (
    type: GraphQLNamedType,
    set: SelectionSetNode | undefined,
    seen: Set<string>,
  ): boolean => {
    if (!set || !isObjectType(type)) return false;
    const nodeType = getNamedType(type.getFields().nodes?.type);
    const edgeType = getNamedType(type.getFields().edges?.type);
    if (!nodeType || !isObjectType(edgeType)) return false;
    const within = (selections: SelectionSetNode, visit: (field: FieldNode) => boolean): boolean => {
      for (const selection of selections.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!visit(selection)) return false;
        } else {
          const fragment =
            selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
          if (!fragment || !within(fragment.selectionSet, visit)) return false;
        }
      }
      return true;
    };
    return within(set, (field) => {
      switch (field.name.value) {
        case '__typename':
        case 'totalCount':
        case 'pageInfo':
          return true;
        case 'nodes':
          return walk(nodeType, field.selectionSet, seen);
        case 'edges':
          return (
            !!field.selectionSet &&
            within(field.selectionSet, (edge) =>
              edge.name.value === 'node'
                ? walk(nodeType, edge.selectionSet, seen)
                : ['cursor', '__typename'].includes(edge.name.value),
            )
          );
        default:
          return false;
      }
    });
  };

  const rootWalk = (set: SelectionSetNode, seen: Set<string>): boolean => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const field = query.getFields()[name];
        if (!field) return false;
        if (NODE_ROOTS.has(name)) {
          nodeFields.push({ field, node: selection });
          // The interface's own fields (id) are compiled on every catalogue type; fragments name the type.
          if (!walkNode(selection.selectionSet, seen)) return false;
          continue;
        }
        if (!catalogueField(query.name, name)) return false;
        const walked =
          registry.types[query.name][name].kind === 'connection'
            ? walkConnection(getNamedType(field.type), selection.selectionSet, seen)
            : walk(getNamedType(field.type), selection.selectionSet, seen);
        if (!walked) return false;
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment || !rootWalk(fragment.selectionSet, seen)) return false;
      }
    }
    return true;
  };

  // Under node/nodes: the interface's fields (id, __typename), or fragments on compiled catalogue types.
  const walkNode = (set: SelectionSetNode | undefined, seen: Set<string>): boolean => {
    if (!set) return true;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== 'id' && selection.name.value !== '__typename') return false;
        continue;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) return false;
      const condition = fragment.typeCondition
        ? schema.getType(fragment.typeCondition.name.value)
        : undefined;
      if (!condition || !isObjectType(condition)) {
        if (!walkNode(fragment.selectionSet, seen)) return false;
      } else if (!registry.tables[condition.name] || !walk(condition, fragment.selectionSet, seen))
        return false;
    }
    return true;
  };

  return rootWalk(operation.selectionSet, new Set()) ? { cacheable: true, nodeFields } : { cacheable: false };
}

/** The IDs asked of node/nodes must all be of compiled catalogue types (not installations, not suppliers). */
export function nodeIdsAreCatalogue(
  analysis: Extract<Analysis, { cacheable: true }>,
  registry: CompiledRegistry,
  variables: Record<string, unknown>,
): boolean {
  for (const { field, node } of analysis.nodeFields) {
    let values: unknown;
    try {
      const args = getArgumentValues(field, node, variables);
      values = field.name === 'node' ? [args.id] : args.ids;
    } catch {
      return false;
    }
    if (!Array.isArray(values)) return false;
    for (const id of values) {
      if (typeof id !== 'string') return false;
      try {
        if (!registry.tables[decodeGlobalId(id).typeName]) return false;
      } catch {
        return false;
      }
    }
  }
  return true;
}

/** The cache key (`<version>:<sha256>`) and the ETag of a cacheable response. */
export function responseKey(
  version: string,
  viewer: Viewer,
  operationName: string | null,
  query: string | undefined,
  variables: Record<string, unknown>,
): { key: string; etag: string } {
  const text = JSON.stringify([viewerScope(viewer), operationName, query, variables]);
  const hash = createHash('sha256').update(text).digest('base64url');
  return { key: `${version}:${hash}`, etag: `"${version}-${hash.slice(0, 27)}"` };
}

/** Whether a request's `Cache-Control` bypasses the response cache (`no-store`). */
export const bypassesCache = (cacheControl: string | undefined): boolean =>
  /\bno-store\b/i.test(cacheControl ?? '');

/** Bytes a key and its map entry cost beyond the text (the Map slot, the string headers): an estimate. */
const ENTRY_OVERHEAD = 96;

/** Bytes a string occupies in V8: one per character, two when any character is outside Latin-1. */
const stringBytes = (text: string): number => (/[\u0100-\uffff]/.test(text) ? 2 : 1) * text.length;

/** The catalogue version a key (`<version>:<hash>`) was made for. */
const versionOf = (key: string): bigint => BigInt(key.slice(0, key.indexOf(':')));

/**
 * An LRU of response data, held as JSON text and bounded by the bytes that text occupies (a parsed object
 * would be several times larger than its JSON, and unaccounted). The catalogue version only grows, so the
 * first key made for a newer version supersedes every entry held: they are dropped at once rather than left
 * to age out (under a steady trickle of catalogue writes they would otherwise fill the cache with answers
 * no request can ask for again), and an answer for an older version (a lagging replica) is not stored.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { text: string; bytes: number }>();
  private size = 0;
  private newest: bigint | undefined;
  /** Entries dropped: least recently used ones to stay within the bound, and superseded ones. */
  evictions = 0;

  /** `onEvicted` hears of every drop (the evictions counter of /metrics). */
  constructor(
    readonly maxBytes: number,
    private readonly onEvicted: (count: number) => void = () => undefined,
  ) {}

  /** The JSON text of the response data stored under `key`, if any. */
  get(key: string): string | undefined {
    if (!this.current(key)) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.text;
  }

  /** Stores the JSON text of response data (of the catalogue version the key names). */
  set(key: string, text: string): void {
    if (!this.current(key)) return;
    const bytes = stringBytes(text) + stringBytes(key) + ENTRY_OVERHEAD;
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.size -= old.bytes;
    }
    while (this.size + bytes > this.maxBytes && this.entries.size > 0) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, { bytes: number }];
      this.entries.delete(oldestKey);
      this.size -= oldest.bytes;
      this.dropped(1);
    }
    this.entries.set(key, { text, bytes });
    this.size += bytes;
  }

  /** Whether the key's version is the newest seen; a newer one drops every entry (all of older versions). */
  private current(key: string): boolean {
    const version = versionOf(key);
    if (this.newest === undefined || version > this.newest) {
      if (this.entries.size > 0) this.dropped(this.entries.size);
      this.entries.clear();
      this.size = 0;
      this.newest = version;
    }
    return version === this.newest;
  }

  private dropped(count: number): void {
    this.evictions += count;
    this.onEvicted(count);
  }

  get bytes(): number {
    return this.size;
  }

  get count(): number {
    return this.entries.size;
  }
}

export type ResponseCacheCounters = { hit(): void; miss(): void };

const freshHead = () => ({ status: undefined, headers: new HeaderMap() });

export const VERSION_SQL = 'select version::text as version from catalogue_version where id = 1';

/** Per request: the key and ETag of a cacheable response, decided in responseForOperation. */
type Pending = { key: string; etag: string; hit: boolean; notModified: boolean };

/**
 * The Apollo plugin: looks a cacheable operation up (after validation and the limits, so a cached answer
 * is never given to a request that would be refused), stores what it answers, and sets `ETag` on cacheable
 * responses; a GET whose `If-None-Match` names the current ETag gets 304 without running anything.
 * `cache-control: no-store` on a request bypasses the cache: the engine answers, nothing is stored.
 */
export function responseCachePlugin(options: {
  cache: ResponseCache;
  registry: CompiledRegistry;
  counters?: ResponseCacheCounters;
}): ApolloServerPlugin<Context> {
  const { cache, registry, counters } = options;
  const analyses = new WeakMap<DocumentNode, Map<string, Analysis>>();

  const analysisOf = (ctx: GraphQLRequestContext<Context>): Analysis => {
    const { document, operation, schema } = ctx;
    if (!document || !operation) return { cacheable: false };
    let byName = analyses.get(document);
    if (!byName) analyses.set(document, (byName = new Map<string, Analysis>()));
    const name = operation.name?.value ?? '';
    let analysis = byName.get(name);
    if (!analysis) byName.set(name, (analysis = analyseOperation(schema, registry, document, operation)));
    return analysis;
  };

  return {
    async requestDidStart() {
      let pending: Pending | undefined;
      return {
        async responseForOperation(ctx) {
          const headers = ctx.request.http?.headers;
          // `no-store`: the engine alone, no lookup, no version read, nothing stored. (`no-cache` needs nothing:
          // every answer from this cache is already validated against the database's catalogue version, and
          // fetch() adds `no-cache` to any request carrying If-None-Match.)
          if (bypassesCache(headers?.get('cache-control'))) return null;
          const analysis = analysisOf(ctx);
          const variables = ctx.request.variables ?? {};
          if (!analysis.cacheable || !nodeIdsAreCatalogue(analysis, registry, variables)) return null;
          // A failed version read (the database away) is not this plugin's to report: a hook that throws
          // is a masked 500 in Apollo, so the engine answers instead and classifies the failure itself.
          const row = await ctx.contextValue.sql<{ version: string }>(VERSION_SQL).then(
            ([first]) => first,
            () => undefined,
          );
          if (!row) return null;
          const { key, etag } = responseKey(
            row.version,
            ctx.contextValue.viewer,
            ctx.operationName ?? null,
            ctx.request.query ?? ctx.queryHash,
            variables,
          );
          const notModified =
            ctx.request.http?.method === 'GET' &&
            (headers?.get('if-none-match') ?? '')
              .split(',')
              .map((t) => t.trim().replace(/^W\//, ''))
              .includes(etag);
          pending = { key, etag, hit: false, notModified };
          if (notModified) {
            counters?.hit();
            return { body: { kind: 'single', singleResult: {} }, http: freshHead() };
          }
          const text = cache.get(pending.key);
          if (text === undefined) {
            counters?.miss();
            return null;
          }
          counters?.hit();
          pending.hit = true;
          return {
            body: { kind: 'single', singleResult: { data: JSON.parse(text) as Record<string, unknown> } },
            http: freshHead(),
          };
        },
        async willSendResponse({ response }) {
          if (!pending || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (pending.notModified) {
            response.http.status = 304;
            response.http.headers.set('etag', pending.etag);
            return;
          }
          if (result.errors?.length || result.data === undefined || result.data === null) return;
          response.http.headers.set('etag', pending.etag);
          if (!pending.hit) cache.set(pending.key, JSON.stringify(result.data));
        },
      };
    },
  };
}
