import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { print, type GraphQLFormattedError } from 'graphql';
import { ormConfig } from '../../src/app/database';
import { Pool } from 'pg';
import { DEFAULT_LIMITS, type AuthConfig, type QueryLimits } from '../../src/core/config';
import { createKey, queryable, type NewKey } from '../../src/modules/auth/api-keys';
import { silentLogger, type Logger } from '../../src/core/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createTestDatabase } from './db';

export type GraphQLResponse<T> = {
  status: number;
  contentType: string | null;
  data?: T | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
};

export type TestServer = {
  server: RunningServer;
  orm: MikroORM;
  databaseUrl: string;
  /**
   * `Bearer <key>` of a DCC_ADMIN API key created for this server in production mode (sent by `request`
   * unless its headers name another `authorization`; an empty one sends none); undefined otherwise.
   */
  authorization: string | undefined;
  /** Creates an API key in this server's database; returns the key (`dmc_…`) and its prefix. */
  createKey(input: Partial<NewKey> & Pick<NewKey, 'role'>): Promise<{ key: string; prefix: string }>;
  /** Runs SQL on this server's database as its owner (e.g. to revoke or expire a key). */
  sql<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** POSTs a typed operation to /graphql and returns the decoded response with its HTTP status. */
  request<T, V extends Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | string,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
};

/** A real server on port 0 over a fresh copy of the seeded test database. */
export async function startTestServer(
  options: {
    production?: boolean;
    log?: Logger;
    explorer?: boolean;
    dashboard?: boolean;
    /** Unless a test sets `limits.rateLimit`, test servers have none: a file's requests share one address. */
    limits?: Partial<QueryLimits>;
    /** As ServerOptions (default true): false executes every operation with graphql-js. */
    compiledResponses?: boolean;
    /** As ServerOptions (default true): false sends every request through express and Apollo. */
    leanLane?: boolean;
    auth?: Partial<AuthConfig>;
    allowedOrigins?: string[];
    trustedDocuments?: string[];
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const log = options.log ?? silentLogger;
  const orm = await MikroORM.init(ormConfig(database.url, { pool: { min: 0, max: 5 } }, log));
  const server = await startServer({
    orm,
    databaseUrl: database.url,
    log,
    production: options.production ?? false,
    port: 0,
    host: '127.0.0.1',
    explorer: options.explorer ?? false,
    limits: { ...DEFAULT_LIMITS, rateLimit: { windowSeconds: 60, points: {} }, ...options.limits },
    compiledResponses: options.compiledResponses,
    leanLane: options.leanLane,
    dashboard: options.dashboard ?? false,
    auth: {
      devViewerHeaders: !(options.production ?? false),
      recheckMs: 30_000,
      ...options.auth,
    },
    allowedOrigins: options.allowedOrigins,
    trustedDocuments: options.trustedDocuments,
  });
  const db = new Pool({ connectionString: database.url, max: 2 });
  const { query: sql } = queryable(db);
  const keyFor = async (input: Partial<NewKey> & Pick<NewKey, 'role'>) => {
    const { key, row } = await createKey(queryable(db), { name: 'test', ...input });
    return { key, prefix: row.prefix };
  };
  const authorization = options.production
    ? `Bearer ${(await keyFor({ role: 'DCC_ADMIN' })).key}`
    : undefined;
  return {
    server,
    orm,
    databaseUrl: database.url,
    authorization,
    createKey: keyFor,
    sql,
    async request(document, variables, headers = {}) {
      const { authorization: given, ...rest } = headers;
      const credential = given ?? authorization;
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(credential ? { authorization: credential } : {}),
          ...rest,
        },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      const body = (await response.json()) as {
        data?: never;
        errors?: GraphQLFormattedError[];
        extensions?: Record<string, unknown>;
      };
      return { status: response.status, contentType: response.headers.get('content-type'), ...body };
    },
    async close() {
      await server.close();
      await db.end();
      await orm.close(true);
      await database.drop();
    },
  };
}

/** The data of a response that must have no errors (the test fails with the errors otherwise). */
export function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** A global ID as the API issues them (base64 of `Type:key`), and its key back. */
export const globalId = (type: string, key: number) => Buffer.from(`${type}:${key}`).toString('base64');
export const keyOf = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

/** `{ authorization }` of the test server's admin key in production mode, else nothing (development viewer). */
export const authHeader = (t: Pick<TestServer, 'authorization'>): Record<string, string> =>
  t.authorization ? { authorization: t.authorization } : {};
