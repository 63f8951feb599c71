import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';

/**
 * Who is asking. Supplier viewers see only their own installations; DCC staff see everything.
 * Until authentication lands, every request is a development DCC_STAFF viewer unless (outside production)
 * the `x-dev-viewer-role` / `x-dev-viewer-supplier-id` headers say otherwise.
 */
export type Viewer = { role: 'DCC_STAFF' } | { role: 'SUPPLIER'; supplierId: number };

export type Context = {
  em: EntityManager;
  viewer: Viewer;
  requestId: string;
  log: Logger;
  /** Runs one SQL statement on a pooled connection; every statement the API issues goes through here. */
  sql<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Statements issued so far for this request (reported in non-production responses). A holder object:
   * Apollo shallow-copies the context, and a copied number would not follow the count. */
  stats: { statements: number };
  /**
   * Runs one analytical statement in its own transaction with planner settings (e.g. hash joins only):
   * PostgreSQL cannot estimate the row counts of the recursive upgrade-path CTEs and would otherwise pick
   * nested loops over them.
   */
  analyse<T>(text: string, params: unknown[], settings: string[]): Promise<T[]>;
  /** Per-request DataLoaders, created on first use by whoever needs one (see compiler/node-loader.ts). */
  loaders: Map<unknown, unknown>;
};

type PgConnection = {
  query(query: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
};

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = 'q_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    if (names.size > 5000) names.clear(); // bounded: operations are few, but clients may send many shapes
    names.set(text, name);
  }
  return name;
}
type KnexClient = {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(c: PgConnection): Promise<void>;
};

export function createContext(em: EntityManager, viewer: Viewer, requestId: string, log: Logger): Context {
  const fork = em.fork();
  const client = (fork.getKnex() as unknown as { client: KnexClient }).client;
  // Named statements are prepared once per connection and reuse their plan: compiled SQL repeats exactly
  // for a repeated GraphQL operation, with only the parameters changing.
  const run = async <T>(text: string, params: unknown[], settings: string[]): Promise<T[]> => {
    context.stats.statements++;
    const connection = await client.acquireConnection();
    const query = async () =>
      (await connection.query({ name: statementName(text), text, values: params })).rows as T[];
    try {
      return settings.length ? await inTransaction(connection, settings, query) : await query();
    } finally {
      await client.releaseConnection(connection);
    }
  };
  const context: Context = {
    em: fork,
    viewer,
    requestId,
    log,
    stats: { statements: 0 },
    loaders: new Map(),
    analyse: (text, params, settings) => run(text, params, settings),
    sql: (text, params = []) => run(text, params, []),
  };
  return context;
}

async function inTransaction<T>(
  connection: PgConnection,
  settings: string[],
  run: () => Promise<T>,
): Promise<T> {
  const raw = connection as unknown as { query(text: string): Promise<unknown> };
  await raw.query('begin');
  try {
    for (const setting of settings) await raw.query(`set local ${setting}`);
    const result = await run();
    await raw.query('commit');
    return result;
  } catch (error) {
    await raw.query('rollback').catch(() => undefined);
    throw error;
  }
}

export const DEVELOPMENT_VIEWER: Viewer = { role: 'DCC_STAFF' };

/** Reads the development viewer headers; returns undefined when they are absent, throws when malformed. */
export function viewerFromHeaders(
  headers: Record<string, string | string[] | undefined>,
): Viewer | undefined {
  const role = headers['x-dev-viewer-role'];
  if (role === undefined) return undefined;
  if (role === 'DCC_STAFF') return { role };
  if (role === 'SUPPLIER') {
    const id = Number(headers['x-dev-viewer-supplier-id']);
    if (!Number.isInteger(id) || id < 1)
      throw new Error('x-dev-viewer-supplier-id must be a positive integer for a SUPPLIER viewer');
    return { role, supplierId: id };
  }
  throw new Error(`x-dev-viewer-role must be DCC_STAFF or SUPPLIER; got ${JSON.stringify(role)}`);
}
