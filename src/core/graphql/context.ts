import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SqlPool } from '../db/sql-pool';
import type { Logger } from '../logger';
import type { CompiledRegistry } from './compiler/registry';

/**
 * Who is asking. Three roles:
 * - `DCC_ADMIN`: DCC staff with write rights (lifecycle steps, catalogue corrections, key management);
 * - `DCC_ANALYST`: DCC staff who read everything and write nothing;
 * - `SUPPLIER`: the catalogue and only their own installations and what is derived from them.
 * `subject` names the person or key for the history (`actor`); absent for the development viewer.
 * Authentication (`src/modules/auth/`) makes it from the request's bearer credential; outside production
 * only, a request without one is a development DCC_ADMIN viewer unless the `x-dev-viewer-role` /
 * `x-dev-viewer-supplier-id` headers say otherwise.
 */
export type Viewer = ({ role: 'DCC_ADMIN' | 'DCC_ANALYST' } | { role: 'SUPPLIER'; supplierId: number }) & {
  subject?: string;
  /** The credential the request came with (absent for the development viewer). */
  credential?: Credential;
};

/**
 * An authenticated credential: an API key (`kind: 'api-key'`, `id` its public prefix) or an OpenID Connect
 * token (`kind: 'oidc'`, `id` issuer + subject). Rate limits are counted per `id`; a key restricted to
 * trusted documents may only send operations from the persisted-document manifest.
 */
export type Credential = {
  kind: 'api-key' | 'oidc';
  id: string;
  trustedDocumentsOnly: boolean;
  /** When it stops being valid (subscriptions are closed then); absent when it does not expire. */
  expiresAt?: Date;
  /**
   * What it may touch (API key scopes, src/modules/auth/scopes.ts), always within its role's; absent: every
   * scope of its role.
   */
  scopes?: readonly string[];
};

export type Role = Viewer['role'];
export const ROLES: readonly Role[] = ['DCC_ADMIN', 'DCC_ANALYST', 'SUPPLIER'];

/**
 * What a resolver gets. There is one way into PostgreSQL for each direction:
 * - reads: `sql` / `analyse`, compiled or hand-written SQL on the read pool (named prepared statements);
 * - writes: `transactional`, a fresh MikroORM unit of work (an `EntityManager` fork) in one transaction,
 *   created only when a mutation asks for it.
 */
export type Context = {
  viewer: Viewer;
  requestId: string;
  /** Production mode: nothing internal (PostgreSQL's text, stack traces) in what clients receive. */
  production: boolean;
  log: Logger;
  /** How every compiled GraphQL type is computed from its rows (assembled by the composition root). */
  registry: CompiledRegistry;
  /** Runs one SQL statement on a pooled connection; every read the API issues goes through here. */
  sql<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs one analytical statement in its own transaction with planner settings (e.g. hash joins only):
   * PostgreSQL cannot estimate the row counts of the recursive upgrade-path CTEs and would otherwise pick
   * nested loops over them.
   */
  analyse<T>(text: string, params: readonly unknown[], settings: readonly string[]): Promise<T[]>;
  /**
   * Runs `work` in one transaction on a fresh unit of work: entities loaded, changed and persisted through
   * `em` are flushed at the end and committed together, or not at all when `work` throws.
   */
  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** Statements issued so far for this request (reported in non-production responses). A holder object:
   * Apollo shallow-copies the context, and a copied number would not follow the count. */
  stats: { statements: number };
  /** Per-request DataLoaders, created on first use by whoever needs one (see compiler/node-loader.ts). */
  loaders: Map<unknown, unknown>;
  /**
   * Aborted when the request's deadline passes or its client goes away: the statement running is cancelled
   * and no other starts (QUERY_TIMEOUT).
   */
  signal: AbortSignal | undefined;
  /** The client's IP address: the rate-limit budget of a request without a credential. */
  clientAddress?: string;
};

export type ContextDependencies = {
  /** The read path: a pool, or a request's route over the primary and its replicas (core/db/read-router.ts). */
  pool: Pick<SqlPool, 'query' | 'queryWith'>;
  /** A small pool of its own for the expensive analyses, so that they cannot take every connection of `pool`. */
  analysisPool: Pick<SqlPool, 'query' | 'queryWith'>;
  orm: MikroORM;
  registry: CompiledRegistry;
  log: Logger;
  /** Called for every statement a request issues (the server counts them in its metrics). */
  onStatement?: () => void;
  production: boolean;
};

export function createContext(
  deps: ContextDependencies,
  viewer: Viewer,
  requestId: string,
  options: { log?: Logger; signal?: AbortSignal; clientAddress?: string } = {},
): Context {
  const { signal } = options;
  // Supplier reads run under row-level security (the read pool switches the connection's role): a missed
  // `supplier_id` condition in code still returns none of another supplier's rows.
  const scope = readScope(viewer);
  const stats = { statements: 0 };
  const counted = () => {
    stats.statements++;
    deps.onStatement?.();
  };
  return {
    viewer,
    requestId,
    production: deps.production,
    log: options.log ?? deps.log,
    registry: deps.registry,
    stats,
    loaders: new Map(),
    signal,
    clientAddress: options.clientAddress,
    sql: (text, params = []) => {
      counted();
      return deps.pool.query(text, params, signal, scope);
    },
    analyse: (text, params, settings) => {
      counted();
      return deps.analysisPool.queryWith(text, params, settings, signal, scope);
    },
    transactional: (work) => deps.orm.em.fork().transactional(work),
  };
}

/** The database scope of a viewer's reads: a supplier's id, or null for DCC staff. */
export const readScope = (viewer: Viewer): number | null =>
  viewer.role === 'SUPPLIER' ? viewer.supplierId : null;

export const DEVELOPMENT_VIEWER: Viewer = { role: 'DCC_ADMIN' };

/** Reads the development viewer headers; returns undefined when they are absent, throws when malformed. */
export function viewerFromHeaders(
  headers: Record<string, string | string[] | undefined>,
): Viewer | undefined {
  const role = headers['x-dev-viewer-role'];
  if (role === undefined) return undefined;
  if (role === 'DCC_ADMIN' || role === 'DCC_ANALYST') return { role };
  if (role === 'SUPPLIER') {
    const id = Number(headers['x-dev-viewer-supplier-id']);
    if (!Number.isInteger(id) || id < 1)
      throw new Error('x-dev-viewer-supplier-id must be a positive integer for a SUPPLIER viewer');
    return { role, supplierId: id };
  }
  throw new Error(
    `x-dev-viewer-role must be DCC_ADMIN, DCC_ANALYST or SUPPLIER; got ${JSON.stringify(role)}`,
  );
}
