import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { print, type GraphQLFormattedError } from 'graphql';
import { ormConfig } from '../../src/app/database';
import { DEFAULT_LIMITS, type QueryLimits } from '../../src/core/config';
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
    limits?: Partial<QueryLimits>;
    /** As ServerOptions (default true): false executes every operation with graphql-js. */
    compiledResponses?: boolean;
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
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    compiledResponses: options.compiledResponses,
    dashboard: options.dashboard ?? false,
  });
  return {
    server,
    orm,
    databaseUrl: database.url,
    async request(document, variables, headers = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...headers,
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
