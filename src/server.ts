import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { buildAppSchema, createAppPubSub } from './app/schema';
import { pendingMigrations } from './core/db/database';
import { SqlPool } from './core/db/sql-pool';
import {
  createContext,
  DEVELOPMENT_VIEWER,
  viewerFromHeaders,
  type Context,
  type ContextDependencies,
  type Viewer,
} from './core/graphql/context';
import { ErrorCode, makeFormatError } from './core/graphql/errors';
import { explorerRouter } from './core/graphql/explorer';
import type { Logger } from './core/logger';
import { DOMAIN_EVENT_TOPIC } from './modules/events/events.resolver';
import { DomainEventRelay } from './modules/events/event-relay';
import { exportsRouter } from './modules/exchange/export.route';

export type ServerOptions = {
  orm: MikroORM;
  databaseUrl: string;
  log: Logger;
  production: boolean;
  port: number;
  host?: string;
  /** Serve the GraphiQL explorer to browsers at `GET /graphql` (default false: they get a 404 saying so). */
  explorer?: boolean;
};

export type RunningServer = {
  url: string;
  port: number;
  /** Drains HTTP and WebSocket clients, stops the event relay and closes the read pool; the ORM and database are the caller's. */
  close(): Promise<void>;
};

function viewerFor(headers: http.IncomingHttpHeaders, production: boolean): Viewer {
  if (production) return DEVELOPMENT_VIEWER;
  try {
    return viewerFromHeaders(headers) ?? DEVELOPMENT_VIEWER;
  } catch (error) {
    throw new GraphQLError((error as Error).message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  }
}

/**
 * The HTTP server: GraphQL over HTTP and graphql-ws on the same port and path (`/graphql`), `GET /healthz`
 * (the process is up), `GET /readyz` (the database answers and every migration is applied),
 * `GET /exports/<kind>.<xlsx|csv>` (the files of `dmc export`, with the viewer rules of GraphQL) and, when
 * enabled, the GraphiQL explorer for browsers at `GET /graphql`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { orm, log, production } = options;
  const pubSub = createAppPubSub();
  const { schema, registry } = await buildAppSchema(pubSub);
  const pool = new SqlPool(options.databaseUrl, { max: 10 });
  const deps: ContextDependencies = { pool, orm, registry, log };
  const relay = new DomainEventRelay(
    options.databaseUrl,
    (event) => pubSub.publish(DOMAIN_EVENT_TOPIC, event),
    log,
  );
  await relay.start();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { viewer: Viewer }>(
    {
      schema,
      context: (ctx): Context =>
        createContext(deps, viewerFor(ctx.extra.request.headers, production), randomUUID()),
      onError: (_ctx, _id, _payload, errors) =>
        log.warn('subscription error', { errors: errors.map((e) => e.message) }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    formatError: makeFormatError({ production, log }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP cache hints are set; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      {
        async requestDidStart({ contextValue, request }) {
          const reportStatements = !production && request.http?.headers.get('x-sql-statements') === 'true';
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ operationName, errors, response }) {
              if (reportStatements && response.body.kind === 'single') {
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  sqlStatements: contextValue.stats.statements,
                };
              }
              const ms = Number(process.hrtime.bigint() - started) / 1e6;
              contextValue.log.debug('graphql operation', {
                requestId: contextValue.requestId,
                operationName,
                ms: Math.round(ms * 10) / 10,
                errors: errors?.length ?? 0,
              });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await pool.query('select 1');
      const pending = await pendingMigrations(orm);
      if (pending.length > 0) {
        res.status(503).json({ status: 'not ready', reason: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn('readiness check failed', { error });
      res.status(503).json({ status: 'not ready', reason: 'database unreachable' });
    }
  });
  app.use(explorerRouter({ enabled: options.explorer ?? false, endpoint: '/graphql' }));
  app.use(
    '/exports',
    exportsRouter(pool, (headers) => viewerFor(headers, production), log),
  );
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        return createContext(deps, viewerFor(req.headers, production), requestId);
      },
    }),
  );
  // A body that is not JSON, or too large, gets a GraphQL-shaped 400/413, never express's HTML page.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(error);
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      const message =
        error.type === 'entity.parse.failed'
          ? `The request body is not valid JSON: ${error.message}`
          : error.type === 'entity.too.large'
            ? 'The request body is larger than 1 MB'
            : status === 500
              ? 'Internal server error'
              : error.message;
      if (status === 500) log.error('unhandled HTTP error', { error });
      res.status(status).json({
        errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    httpServer.once('error', onError);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', onError);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}/graphql`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        await apollo.stop();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        await relay.stop();
        await pool.close();
      })()),
  };
}
