import 'reflect-metadata';
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
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { dashboardRouter } from './app/dashboard';
import { buildAppSchema, createAppPubSub } from './app/schema';
import { pendingMigrations } from './core/db/database';
import { QueryTimeoutError, SqlPool } from './core/db/sql-pool';
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
import {
  costLimitPlugin,
  costRefusal,
  limitRules,
  operationCost,
  tokenLimitError,
} from './core/graphql/limits';
import { nulGuardPlugin, nulRefusal } from './core/graphql/input-guard';
import { ResponseCache, responseCachePlugin } from './core/graphql/response-cache';
import { compiledResponsePlugin } from './core/graphql/compiler/fast-path';
import { DEFAULT_LIMITS, type QueryLimits } from './core/config';
import type { Logger } from './core/logger';
import { Metrics } from './core/metrics';
import { requestIdFrom } from './core/request-id';
import { DOMAIN_EVENT_TOPIC } from './modules/events/events.resolver';
import { DomainEventRelay } from './modules/events/event-relay';
import { LifecycleScheduler } from './modules/epcl/lifecycle.scheduler';
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
  /** What one request may ask for and spend (default: DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /**
   * Apply the EPCL transitions that fall due with time (objection windows closing), at start-up and every
   * `schedulerIntervalMs` (default 60 s), when this instance is the leader (default true).
   */
  scheduler?: boolean;
  schedulerIntervalMs?: number;
  /** Serve the internal dashboard at `/dashboard` (default false: a 404 saying so). */
  dashboard?: boolean;
  /** Bytes of catalogue responses kept by the response cache (default 64 MiB; 0: no response caching). */
  responseCacheBytes?: number;
  /**
   * Complete operations made only of compiled root fields without graphql-js's per-field walk (default true;
   * see core/graphql/compiler/fast-path.ts). Off: every operation is executed by graphql-js.
   */
  compiledResponses?: boolean;
};

export type RunningServer = {
  url: string;
  port: number;
  /** Drains HTTP and WebSocket clients, stops the scheduler and the event relay and closes the read pool; the ORM and database are the caller's. */
  close(): Promise<void>;
};

const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Largest HTTP body or WebSocket message accepted. */
const MAX_BODY_BYTES = 1024 * 1024;

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
 * enabled, the GraphiQL explorer for browsers at `GET /graphql` and the dashboard at `GET /dashboard`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { orm, log, production } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const rules = limitRules(limits);
  const pubSub = createAppPubSub();
  const { schema, registry } = await buildAppSchema(pubSub);
  // Built first: it reads its files, and a missing one must stop start-up before anything is opened.
  const dashboard = dashboardRouter({ enabled: options.dashboard ?? false });
  const pool = new SqlPool(options.databaseUrl, { max: 10, statementTimeoutMs: limits.timeoutMs });
  const analysisPool = new SqlPool(options.databaseUrl, {
    max: limits.analysisConnections,
    statementTimeoutMs: limits.timeoutMs,
    applicationName: 'dmc-catalogue-analysis',
  });
  const responseCacheBytes = options.responseCacheBytes ?? 64 * 1024 * 1024;
  const responseCache = responseCacheBytes > 0 ? new ResponseCache(responseCacheBytes) : undefined;
  const metrics = new Metrics({
    readPool: () => pool.stats(),
    responseCacheBytes: responseCache && (() => responseCache.bytes),
  });
  const deps: ContextDependencies = {
    pool,
    analysisPool,
    orm,
    registry,
    log,
    production,
    onStatement: () => metrics.sqlStatements.inc(),
  };
  const relay = new DomainEventRelay(
    options.databaseUrl,
    (event) => {
      metrics.eventsRelayed.inc({ type: event.type });
      pubSub.publish(DOMAIN_EVENT_TOPIC, event);
    },
    log.child({ component: 'event-relay' }),
  );
  await relay.start();
  const scheduler =
    options.scheduler === false
      ? undefined
      : new LifecycleScheduler({ orm, log, intervalMs: options.schedulerIntervalMs });
  await scheduler?.start();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const formatError = makeFormatError({ production, log });
  /** Queries and mutations running over each socket: id → finish (clears the deadline, aborts with a reason). */
  const wsOperations = new WeakMap<object, Map<string, (reason?: QueryTimeoutError) => void>>();
  /** The estimated cost of each operation on each socket, reported with its results as over HTTP. */
  const wsCosts = new WeakMap<object, Map<string, number | null>>();
  // The same 1 MB bound as HTTP bodies: a larger message closes the socket (1009) before it is parsed.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_BODY_BYTES });
  const wsCleanup = useServer<Record<string, unknown>, { viewer: Viewer }>(
    {
      schema,
      // Operations over graphql-ws (subscriptions, and queries a client sends there) meet the same limits
      // as over HTTP: tokens, depth, aliases, directives, cost and no NUL in strings, before anything runs.
      onSubscribe: (ctx, id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (error) {
          const tokens = tokenLimitError(error);
          return [
            tokens
              ? new GraphQLError(tokens.message, { extensions: tokens.extensions })
              : (error as GraphQLError),
          ];
        }
        const errors = validate(schema, document, [...specifiedRules, ...rules]);
        if (errors.length) return errors;
        const cost = operationCost(
          schema,
          document,
          payload.operationName ?? undefined,
          payload.variables ?? undefined,
        );
        const refused =
          costRefusal(cost, limits.maxCost) ?? nulRefusal(document, payload.variables ?? undefined);
        if (refused) return [refused];
        let costs = wsCosts.get(ctx);
        if (!costs) wsCosts.set(ctx, (costs = new Map<string, number | null>()));
        costs.set(id, cost !== undefined && Number.isFinite(cost) ? cost : null);
        const args = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
        if (getOperationAST(document, payload.operationName)?.operation === OperationTypeNode.SUBSCRIPTION)
          return args;
        // A query or mutation sent over the socket has the same deadline as over HTTP, and is cancelled when
        // the socket closes. (A subscription lives as long as the client wants; each statement still has the
        // connection's statement_timeout.)
        const controller = new AbortController();
        const timer = setTimeout(
          () => controller.abort(new QueryTimeoutError(limits.timeoutMs, 'deadline')),
          limits.timeoutMs,
        );
        timer.unref();
        let running = wsOperations.get(ctx);
        if (!running)
          wsOperations.set(ctx, (running = new Map<string, (reason?: QueryTimeoutError) => void>()));
        running.set(id, (reason) => {
          clearTimeout(timer);
          if (reason) controller.abort(reason);
        });
        const viewer = viewerFor(ctx.extra.request.headers, production);
        const requestId = requestIdFrom(ctx.extra.request.headers['x-request-id']);
        return {
          ...args,
          contextValue: createContext(deps, viewer, requestId, {
            log: log.child({ requestId }),
            signal: controller.signal,
          }),
        };
      },
      onComplete: (ctx, id) => {
        wsOperations.get(ctx)?.get(id)?.();
        wsOperations.get(ctx)?.delete(id);
        wsCosts.get(ctx)?.delete(id);
      },
      onClose: (ctx) => {
        for (const finish of wsOperations.get(ctx)?.values() ?? [])
          finish(new QueryTimeoutError(limits.timeoutMs, 'client closed'));
        wsOperations.delete(ctx);
      },
      context: (ctx): Context => {
        const requestId = requestIdFrom(ctx.extra.request.headers['x-request-id']);
        const viewer = viewerFor(ctx.extra.request.headers, production);
        return createContext(deps, viewer, requestId, { log: log.child({ requestId }) });
      },
      // A subscription's stream is counted in graphql_active_subscriptions while it is open.
      onOperation: (_ctx, _id, _payload, _args, result) =>
        isAsyncIterable(result) ? metrics.countSubscription(result) : undefined,
      // Errors over graphql-ws are formatted as over HTTP: stable codes, nothing internal in production.
      onError: (_ctx, _id, _payload, errors) => {
        log.warn('subscription error', { errors: errors.map((e) => e.message) });
        return errors.map((error) => formatError(error.toJSON(), error));
      },
      onNext: (ctx, id, _payload, _args, result) => ({
        ...result,
        ...(result.errors?.length
          ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
          : {}),
        extensions: {
          ...result.extensions,
          cost: { requested: wsCosts.get(ctx)?.get(id) ?? null, limit: limits.maxCost },
        },
      }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    validationRules: rules,
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: !production,
    formatError,
    logger: {
      debug: (message: unknown) => log.debug(String(message), { component: 'apollo' }),
      info: (message: unknown) => log.info(String(message), { component: 'apollo' }),
      warn: (message: unknown) => log.warn(String(message), { component: 'apollo' }),
      error: (message: unknown) => log.error(String(message), { component: 'apollo' }),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP cache hints are set; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(limits),
      nulGuardPlugin(),
      ...(responseCache
        ? [
            responseCachePlugin({
              cache: responseCache,
              registry,
              counters: {
                hit: () => metrics.responseCacheHits.inc(),
                miss: () => metrics.responseCacheMisses.inc(),
                evicted: (n) => metrics.responseCacheEvictions.inc(n),
              },
            }),
          ]
        : []),
      // After the cache: a cached response is served before anything runs.
      ...(options.compiledResponses === false ? [] : [compiledResponsePlugin(registry)]),
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
            async willSendResponse({ operationName, operation, errors, response }) {
              if (reportStatements && response.body.kind === 'single') {
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  sqlStatements: contextValue.stats.statements,
                };
              }
              const seconds = Number(process.hrtime.bigint() - started) / 1e9;
              const outcome = errors?.length ? 'error' : 'ok';
              metrics.observeOperation(operationName, outcome, seconds);
              contextValue.log.info('graphql operation', {
                operationName: operationName ?? null,
                operationType: operation?.operation ?? null,
                viewerRole: contextValue.viewer.role,
                outcome,
                durationMs: Math.round(seconds * 1e4) / 10,
                sqlStatements: contextValue.stats.statements,
                errors: errors?.length ?? 0,
                errorCodes: errors?.length
                  ? [
                      ...new Set(
                        errors.map((e) =>
                          typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
                        ),
                      ),
                    ]
                  : undefined,
              });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // Request logs, and the request id: the client's x-request-id when valid, else a new one, echoed back.
  app.use(
    pinoHttp({
      logger: log.pino,
      genReqId: (req, res) => {
        const id = requestIdFrom(req.headers['x-request-id']);
        res.setHeader('x-request-id', id);
        return id;
      },
      customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
      quietReqLogger: true,
      // Probes and scrapes would drown everything else.
      autoLogging: { ignore: (req) => UNLOGGED_PATHS.has(req.url?.split('?')[0] ?? '') },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { method: string; url: string; remoteAddress?: string }) => ({
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
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
  app.use(dashboard);
  app.use(
    '/exports',
    exportsRouter(pool, (headers) => viewerFor(headers, production), log),
  );
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // pino-http's genReqId (above) always gives a string.
        const requestId = req.id as string;
        const viewer = viewerFor(req.headers, production);
        // The request's deadline, and its cancellation when the client goes away before the response.
        const controller = new AbortController();
        const timer = setTimeout(
          () => controller.abort(new QueryTimeoutError(limits.timeoutMs, 'deadline')),
          limits.timeoutMs,
        );
        timer.unref();
        res.once('close', () => {
          clearTimeout(timer);
          if (!res.writableFinished)
            controller.abort(new QueryTimeoutError(limits.timeoutMs, 'client closed'));
        });
        return createContext(deps, viewer, requestId, {
          log: log.child({ requestId }),
          signal: controller.signal,
        });
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
        extensions: { cost: { requested: null, limit: limits.maxCost } },
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
        // Apollo first, in the same tick as the signal: it races its own termination-signal handler otherwise.
        await apollo.stop();
        await scheduler?.stop();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        await relay.stop();
        await pool.close();
        await analysisPool.close();
      })()),
  };
}
