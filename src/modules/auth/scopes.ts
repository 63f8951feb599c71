import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isAbstractType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Context, Role, Viewer } from '../../core/graphql/context';
import { ErrorCode } from '../../core/graphql/errors';

/**
 * API key scopes: what a credential may touch, within what its role may. A key created without scopes has
 * its role's (ROLE_SCOPES), so keys made before scopes existed keep working; a key's scopes can only narrow
 * its role (creation refuses a scope the role does not have, and authentication intersects them again).
 * Roles still decide who may do what (`@Authorized`, `requireDccAdmin`, supplier scoping): a scope never
 * lets a viewer do more than its role.
 *
 * Checked before anything runs, on the whole operation (fragments included): over HTTP by `scopePlugin`,
 * over graphql-ws in `onSubscribe`, and on `/exports/…` by the export route. A refusal is `FORBIDDEN` naming
 * the missing scopes and the fields that need them.
 */
export const SCOPES = {
  'catalogue:read':
    'The catalogue and the EPCL process: device models, firmware, DMCs, EPCL entries, list and reports (their published figures), test reports, testing issues, suppliers, calendar; node/nodes of those types.',
  'installations:read':
    'Installations and everything derived from them: installation, installationByDeviceId, upgradeCandidates, blockedInstallations, installationsNotMigrating, viewer.installations and viewer.dmcs, a report’s impact and recomputed volumes, and every field of an Installation (its eligibility too, also through node/nodes).',
  'events:read':
    'EPCL events: the events and recentDomainEvents queries, the epclEvents and domainEvents subscriptions.',
  'exports:read':
    'The files of GET /exports/… (each also needs the scope of its data: catalogue:read for epcl-list and annex-a, installations:read for volumes, candidates and installations).',
  'lifecycle:write': 'Every mutation (catalogue corrections, EPCL lifecycle steps, pacing decisions).',
} as const;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

const READS: readonly Scope[] = ['catalogue:read', 'installations:read', 'events:read', 'exports:read'];

/** The scopes of each role: a key without scopes has these, a key with scopes a subset of these. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  DCC_ADMIN: [...READS, 'lifecycle:write'],
  DCC_ANALYST: READS,
  SUPPLIER: READS,
};

export const isScope = (name: string): name is Scope => Object.hasOwn(SCOPES, name);

/**
 * The scopes a key may be created with: every name known and within the role; an empty list means the
 * role's. Throws an Error naming the bad scopes and the valid ones.
 */
export function checkScopes(role: Role, scopes: readonly string[]): Scope[] {
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length)
    throw new Error(
      `unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => JSON.stringify(s)).join(', ')}; ` +
        `known: ${SCOPE_NAMES.join(', ')}`,
    );
  const beyond = scopes.filter((s) => !ROLE_SCOPES[role].includes(s as Scope));
  if (beyond.length)
    throw new Error(
      `a ${role} key cannot have ${beyond.join(', ')}: a key's scopes only narrow its role's (${ROLE_SCOPES[role].join(', ')})`,
    );
  return [...new Set(scopes as Scope[])];
}

/**
 * The scopes a credential carries: its stored scopes within its role's (unknown names, and names beyond the
 * role, are dropped), or the role's when it stores none.
 */
export function effectiveScopes(role: Role, stored: readonly string[] | null | undefined): Scope[] {
  const allowed = ROLE_SCOPES[role];
  if (!stored?.length) return [...allowed];
  return allowed.filter((s) => stored.includes(s));
}

/** What a viewer may touch: its credential's scopes, or (development viewer, no scopes) its role's. */
export const viewerScopes = (viewer: Viewer): readonly string[] =>
  viewer.credential?.scopes ?? ROLE_SCOPES[viewer.role];

/**
 * Fields that need a scope other than their root's default, by `Type.field`; a type name alone covers
 * every field of that type (so `node(id:)` on an Installation id needs installations:read for any field
 * beyond `id` and `__typename`).
 */
const FIELD_SCOPES: Record<string, Scope> = {
  'Query.installation': 'installations:read',
  'Query.installationByDeviceId': 'installations:read',
  'Query.upgradeCandidates': 'installations:read',
  'Query.blockedInstallations': 'installations:read',
  'Query.installationsNotMigrating': 'installations:read',
  'Query.events': 'events:read',
  'Query.recentDomainEvents': 'events:read',
  'Viewer.installations': 'installations:read',
  'Viewer.dmcs': 'installations:read',
  'EpclReport.impact': 'installations:read',
  'EpclReport.volumes': 'installations:read',
  Installation: 'installations:read',
};

/** Root fields any credential may read (who is asking). */
const OPEN_ROOT_FIELDS = new Set(['viewer', '__typename', '__schema', '__type']);

/**
 * Root fields by global ID: they need no scope themselves; each field of the object they return needs its
 * type's (installations:read on an Installation, catalogue:read on any other type).
 */
const NODE_ROOT_FIELDS = new Set(['node', 'nodes']);

/** The scope `Type.field` needs beyond its root field's, if any. */
function fieldScope(typeName: string, fieldName: string): Scope | undefined {
  if (fieldName === '__typename' || (typeName === 'Installation' && fieldName === 'id')) return undefined;
  return FIELD_SCOPES[`${typeName}.${fieldName}`] ?? FIELD_SCOPES[typeName];
}

/** The scope a root field of an operation needs (undefined: any credential). */
function rootScope(operation: OperationTypeNode, field: string): Scope | undefined {
  if (operation === OperationTypeNode.MUTATION) return 'lifecycle:write';
  if (operation === OperationTypeNode.SUBSCRIPTION) return 'events:read';
  if (OPEN_ROOT_FIELDS.has(field) || NODE_ROOT_FIELDS.has(field)) return undefined;
  return fieldScope('Query', field) ?? 'catalogue:read';
}

/**
 * Every scope the operation needs, each with the fields (`Type.field`) that need it; fragments are
 * followed, abstract types (`node`, `nodes`, events) by their inline fragments and spreads. A query's root
 * field needs catalogue:read unless listed otherwise; `node`/`nodes` need the scope of the type asked for.
 */
export function requiredScopes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): Map<Scope, string[]> {
  const needed = new Map<Scope, string[]>();
  const operation = getOperationAST(document, operationName);
  if (!operation) return needed;
  const need = (scope: Scope | undefined, where: string) => {
    if (!scope) return;
    const fields = needed.get(scope) ?? [];
    if (!fields.includes(where)) fields.push(where);
    needed.set(scope, fields);
  };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();
  /** `byId`: `set` is the selection of `node`/`nodes` (where the object's own type decides). */
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, byId = false) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const where = `${parent.name}.${name}`;
        const root =
          parent === schema.getQueryType() ||
          parent === schema.getMutationType() ||
          parent === schema.getSubscriptionType();
        const own = root ? rootScope(operation.operation, name) : fieldScope(parent.name, name);
        // `id` of the Node interface (any type) needs nothing; an object's field needs its type's scope.
        need(own ?? (byId && isObjectType(parent) ? 'catalogue:read' : undefined), where);
        if (!selection.selectionSet || !('getFields' in parent)) continue;
        const field = parent.getFields()[name];
        if (!field) continue;
        const type = getNamedType(field.type);
        if (isObjectType(type) || isAbstractType(type))
          walk(selection.selectionSet, type, root && NODE_ROOT_FIELDS.has(name));
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          // A fragment spread in the same place twice is walked once (validation has refused cycles).
          const key = `${selection.name.value}@${parent.name}${byId ? '#id' : ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (condition && (isObjectType(condition) || isAbstractType(condition)))
          walk(fragment.selectionSet, condition, byId);
      }
    }
  };
  const rootType =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (rootType) walk(operation.selectionSet, rootType);
  return needed;
}

/**
 * `requiredScopes`, remembered per document and operation: Apollo and the trusted-document manifest hand
 * the same DocumentNode for the same text, so a repeated operation is walked once.
 */
const remembered = new WeakMap<DocumentNode, Map<string, Map<Scope, string[]>>>();
function requiredScopesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): Map<Scope, string[]> {
  let byOperation = remembered.get(document);
  if (!byOperation) remembered.set(document, (byOperation = new Map<string, Map<Scope, string[]>>()));
  const key = operationName ?? '';
  let required = byOperation.get(key);
  if (!required) byOperation.set(key, (required = requiredScopes(schema, document, operationName)));
  return required;
}

/** FORBIDDEN naming the scopes the viewer lacks for this operation, or undefined when it has them all. */
export function scopeRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  viewer: Viewer,
): GraphQLError | undefined {
  const has = viewerScopes(viewer);
  const role = ROLE_SCOPES[viewer.role];
  // A credential with every scope of its role (every key without scopes, OIDC, development) passes.
  if (role.every((scope) => has.includes(scope))) return undefined;
  // A scope the role itself lacks is the role checks' to refuse (FORBIDDEN naming the roles, as without
  // scopes): here only what the key's scopes narrowed away.
  const missing = [...requiredScopesOf(schema, document, operationName)].filter(
    ([s]) => role.includes(s) && !has.includes(s),
  );
  if (!missing.length) return undefined;
  return new GraphQLError(
    `This credential lacks the scope${missing.length > 1 ? 's' : ''} ` +
      missing.map(([scope, fields]) => `${scope} (for ${fields.slice(0, 3).join(', ')})`).join(' and ') +
      `; it has ${has.length ? has.join(', ') : 'none'}`,
    {
      extensions: {
        code: ErrorCode.FORBIDDEN,
        missingScopes: missing.map(([scope]) => scope),
        http: { status: 403 },
      },
    },
  );
}

/** The export kinds (`GET /exports/<kind>.<format>`) and the data scope each needs besides exports:read. */
export function exportScopes(kind: string): Scope[] {
  const data: Scope = kind === 'epcl-list' || kind === 'annex-a' ? 'catalogue:read' : 'installations:read';
  return ['exports:read', data];
}

/** The scopes among `scopes` a viewer lacks. */
export const missingScopes = (viewer: Viewer, scopes: readonly Scope[]): Scope[] => {
  const has = viewerScopes(viewer);
  return scopes.filter((s) => !has.includes(s));
};

/** Refuses an HTTP operation the credential's scopes do not cover, before anything runs (FORBIDDEN, 403). */
export function scopePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, contextValue }) {
          const refused = scopeRefusal(schema, document, operationName, contextValue.viewer);
          if (refused) throw refused;
        },
      };
    },
  };
}
