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
import { GraphQLError, OperationTypeNode } from 'graphql';
import { pinoHttp } from 'pino-http';
import { dashboardRouter } from './app/dashboard';
import { buildAppSchema, createAppPubSub } from './app/schema';
import { pendingMigrations } from './core/db/database';
import { ReadRouter, type ReadRoute } from './core/db/read-router';
import { SqlPool } from './core/db/sql-pool';
import { createContext, type Context, type ContextDependencies, type Viewer } from './core/graphql/context';
import { ErrorCode, makeFormatError } from './core/graphql/errors';
import { explorerRouter } from './core/graphql/explorer';
import { costLimitPlugin, limitRules } from './core/graphql/limits';
import { nulGuardPlugin } from './core/graphql/input-guard';
import { RateLimiter } from './core/graphql/rate-limit';
import {
  resolveDocument,
  TrustedDocuments,
  untrustedDocument,
  type DocumentRequest,
} from './core/graphql/trusted-documents';
import { DEFAULT_LIMITS, type AuthConfig, type QueryLimits } from './core/config';
import { ResponseCache, responseCachePlugin } from './core/graphql/response-cache';
import { compiledResponder, compiledResponsePlugin } from './core/graphql/compiler/fast-path';
import { LeanLane } from './core/http/lean-lane';
import { MAX_BODY_BYTES, operationDeadline } from './core/http/bounds';
import { serveGraphqlWs } from './app/graphql-ws';
import type { Logger } from './core/logger';
import { Metrics } from './core/metrics';
import { logOperation } from './core/graphql/operation-log';
import { requestIdFrom } from './core/request-id';
import { tracing } from './core/tracing';
import { DOMAIN_EVENT_TOPIC } from './modules/events/events.resolver';
import { startEventStreaming } from './modules/events/event-streaming';
import { subscriptionsOverWebSocketOnly } from './core/graphql/ws-transport';
import { LifecycleScheduler } from './modules/epcl/lifecycle.scheduler';
import { exportsRouter } from './modules/exchange/export.route';
import { Authenticator } from './modules/auth/authenticate';
import {
  authenticateHttp,
  cors,
  defaultAuthConfig,
  metricsGuard,
  viewerOfResponse,
} from './modules/auth/server-auth';
import { scopePlugin, scopeRefusal } from './modules/auth/scopes';

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
  /**
   * Read replicas (`DATABASE_REPLICA_URLS`): read-only operations are served there, writes and whatever
   * must read its own writes on the primary (see core/db/read-router.ts and docs/deploy.md).
   */
  replicaUrls?: string[];
  /** How long a credential that wrote is served only by replicas that have replayed its write (default 10 s). */
  readYourWritesMs?: number;
  /** Authentication (default: development headers trusted outside production only, no OIDC). */
  auth?: AuthConfig;
  /** Browser origins allowed by CORS (CORS_ORIGINS). */
  allowedOrigins?: string[];
  /** Paths of persisted-document manifests (`TRUSTED_DOCUMENTS`; see core/graphql/trusted-documents.ts). */
  trustedDocuments?: readonly string[];
  /** How often the event relay also polls the outbox, besides its notifications (default 2 s). */
  eventPollMs?: number;
  /** Bytes of catalogue responses kept by the response cache (default 64 MiB; 0: no response caching). */
  responseCacheBytes?: number;
  /**
   * Complete operations made only of compiled root fields without graphql-js's per-field walk (default true;
   * see core/graphql/compiler/fast-path.ts). Off: every operation is executed by graphql-js.
   */
  compiledResponses?: boolean;
  /**
   * Answer repeated catalogue queries over `POST /graphql` in the lean lane, without express and Apollo's
   * per-request pipeline, with the same bytes (default true; `LEAN_LANE=false`; see core/http/lean-lane.ts).
   * Off while tracing is on: every operation then gets its operation span on Apollo's path.
   */
  leanLane?: boolean;
};

export type RunningServer = {
  url: string;
  port: number;
  /** Drains HTTP and WebSocket clients, stops the scheduler and the event relay and closes the read pool; the ORM and database are the caller's. */
  close(): Promise<void>;
  /** Resolves once every event committed before the call has been relayed to this server's subscribers. */
  eventsSettled(): Promise<void>;
};

const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The writer a read-your-writes window belongs to: the credential, else the subject, else the role. */
function writerKey(viewer: Viewer): string {
  if (viewer.credential) return `${viewer.credential.kind}:${viewer.credential.id}`;
  if (viewer.subject) return `subject:${viewer.subject}`;
  return viewer.role === 'SUPPLIER' ? `SUPPLIER:${viewer.supplierId}` : viewer.role;
}

const ROUTES = new WeakMap<object, { route: ReadRoute; lsn?: string }>();

/** The read route of a request (by its statement counter, which Apollo's shallow copies of the context share). */
export function routeOf(ctx: Context): { route: ReadRoute; lsn?: string } | undefined {
  return ROUTES.get(ctx.stats);
}

/**
 * The HTTP server: GraphQL over HTTP and graphql-ws on the same port and path (`/graphql`), `GET /healthz`
 * (the process is up), `GET /readyz` (the database answers and every migration is applied),
 * `GET /exports/<kind>.<xlsx|csv>` (the files of `dmc export`, with the viewer rules of GraphQL) and, when
 * enabled, the GraphiQL explorer for browsers at `GET /graphql` and the dashboard at `GET /dashboard`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { orm, log, production } = options;
  // OpenTelemetry, when on (core/tracing.ts): the GraphQL operation span; nothing is added when off.
  const tracer = tracing();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const auth = options.auth ?? defaultAuthConfig(production);
  if (production && auth.devViewerHeaders)
    throw new Error('refusing to start: production must not trust the development viewer headers');
  const rules = limitRules(limits);
  // Read first: a missing or malformed manifest must stop start-up before anything is opened.
  const documents = options.trustedDocuments?.length
    ? TrustedDocuments.load(options.trustedDocuments)
    : TrustedDocuments.NONE;
  const limiter = new RateLimiter(limits.rateLimit);
  const pubSub = createAppPubSub();
  const { schema, registry } = await buildAppSchema(pubSub);
  // Built first: it reads its files, and a missing one must stop start-up before anything is opened.
  const dashboard = dashboardRouter({ enabled: options.dashboard ?? false });
  // Metrics first: the pools report their waits to it. Its pool list is read at scrape time.
  const responseCacheBytes = options.responseCacheBytes ?? 64 * 1024 * 1024;
  const responseCache =
    responseCacheBytes > 0
      ? new ResponseCache(responseCacheBytes, (n) => metrics.responseCacheEvictions.inc(n))
      : undefined;
  const metrics: Metrics = new Metrics({
    readPool: () => pool.stats(),
    responseCacheBytes: responseCache && (() => responseCache.bytes),
    pools: () => [
      { name: 'primary', stats: pool.stats() },
      { name: 'analysis', stats: analysisPool.stats() },
      ...[...readRouter.replicaPools(), ...analysisRouter.replicaPools()].map((r) => ({
        name: r.name,
        stats: r.pool.stats(),
      })),
    ],
  });
  const waited = (name: string) => (seconds: number) => metrics.poolWait.observe({ pool: name }, seconds);
  const pool = new SqlPool(options.databaseUrl, {
    max: 10,
    statementTimeoutMs: limits.timeoutMs,
    onCheckout: waited('primary'),
  });
  const analysisPool = new SqlPool(options.databaseUrl, {
    max: limits.analysisConnections,
    statementTimeoutMs: limits.timeoutMs,
    applicationName: 'dmc-catalogue-analysis',
    onCheckout: waited('analysis'),
  });
  const replicaUrls = options.replicaUrls ?? [];
  const routerOptions = {
    statementTimeoutMs: limits.timeoutMs,
    stickyMs: options.readYourWritesMs,
    onCheckout: (name: string, seconds: number) => metrics.poolWait.observe({ pool: name }, seconds),
    onRead: (name: string) => metrics.reads.inc({ pool: name }),
  };
  const readRouter = new ReadRouter(pool, replicaUrls, {
    ...routerOptions,
    onHealth: (replica, healthy, error) => {
      metrics.replicaHealthy.set({ replica }, healthy ? 1 : 0);
      if (healthy) log.info('read replica in use', { replica });
      else log.warn('read replica skipped: unreachable or not replaying', { replica, error });
    },
  });
  const analysisRouter = new ReadRouter(analysisPool, replicaUrls, {
    ...routerOptions,
    max: limits.analysisConnections,
    primaryName: 'analysis',
    replicaPrefix: 'analysis-replica',
    applicationName: 'dmc-catalogue-analysis-replica',
  });
  await readRouter.start();
  await analysisRouter.start();
  /**
   * A request's context on the read route: replicas for reads (those that have replayed the client's
   * `x-db-min-lsn` or the credential's recent write), the primary once it writes or when `primary`.
   */
  const routedContext = (
    viewer: Viewer,
    requestId: string,
    headers: http.IncomingHttpHeaders,
    primary: boolean,
    extra: { log?: Logger; signal?: AbortSignal; clientAddress?: string },
  ): Context => {
    const writer = writerKey(viewer);
    const header = headers['x-db-min-lsn'];
    const route: ReadRoute = {
      primary,
      minLsn: readRouter.enabled
        ? readRouter.minLsnFor(writer, Array.isArray(header) ? header[0] : header)
        : undefined,
    };
    const context = createContext(
      { ...deps, pool: readRouter.target(route), analysisPool: analysisRouter.target(route) },
      viewer,
      requestId,
      extra,
    );
    const state: { route: ReadRoute; lsn?: string } = { route };
    ROUTES.set(context.stats, state);
    const transactional = context.transactional.bind(context);
    context.transactional = async (work) => {
      route.primary = true; // it reads its own writes from here on
      const result = await transactional(work);
      if (readRouter.enabled) {
        try {
          state.lsn = await readRouter.primaryLsn();
          readRouter.rememberWrite(writer, state.lsn);
        } catch (error) {
          log.warn('could not read the WAL position after a write', { error });
        }
      }
      return result;
    };
    return context;
  };
  const authenticator = new Authenticator({ config: auth, pool, log });
  /**
   * The context of a GraphQL request over HTTP (Apollo's path and the lean lane's): its deadline, its
   * cancellation when the client goes away before the response, its read route.
   */
  const httpContext = (req: http.IncomingMessage, res: http.ServerResponse, viewer: Viewer): Context => {
    // pino-http's genReqId (below) always gives a string.
    const requestId = (req as { id?: unknown }).id as string;
    const deadline = operationDeadline(limits.timeoutMs);
    res.once('close', () => deadline.finish(res.writableFinished ? undefined : 'client closed'));
    return routedContext(viewer, requestId, req.headers, false, {
      log: log.child({ requestId }),
      signal: deadline.signal,
      // express's req.ip (no proxy is trusted): the socket's address.
      clientAddress: (req as { ip?: string }).ip ?? req.socket.remoteAddress,
    });
  };
  const deps: ContextDependencies = {
    pool,
    analysisPool,
    orm,
    registry,
    log,
    production,
    onStatement: () => metrics.sqlStatements.inc(),
  };
  const events = await startEventStreaming({
    databaseUrl: options.databaseUrl,
    registry,
    publishRaw: (event) => pubSub.publish(DOMAIN_EVENT_TOPIC, event),
    metrics,
    log: log.child({ component: 'event-relay' }),
    pollMs: options.eventPollMs,
  });
  const scheduler =
    options.scheduler === false
      ? undefined
      : new LifecycleScheduler({
          orm,
          log,
          intervalMs: options.schedulerIntervalMs,
          onRun: (outcome) => metrics.schedulerRuns.inc({ outcome }),
        });
  await scheduler?.start();

  const app = express();
  app.disable('x-powered-by');
  // The lean lane answers what it can before express sees the request (set once Apollo has started).
  const lane: { current?: LeanLane } = {};
  const httpServer = http.createServer((req, res) =>
    lane.current ? lane.current.listener(req, res) : void app(req, res),
  );
  const formatError = makeFormatError({ production, log });
  // graphql-ws on the same port and path (src/app/graphql-ws.ts): the limits and context of HTTP.
  const graphqlWs = serveGraphqlWs({
    httpServer,
    schema,
    allowedOrigins: options.allowedOrigins ?? [],
    authenticator,
    auth,
    documents,
    limits,
    rules,
    limiter,
    metrics,
    formatError,
    log,
    production,
    context: routedContext,
  });

  const compiled = options.compiledResponses === false ? undefined : compiledResponder(registry);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // Documents are named by id only from the trusted-documents manifest (resolved before Apollo sees the
    // request); Apollo's automatic persisted queries would let any client register ids.
    persistedQueries: false,
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
      // API key scopes, before anything is spent or run (src/modules/auth/scopes.ts).
      scopePlugin(),
      costLimitPlugin(limits, {
        limiter,
        onRefused: (role) => metrics.rateLimited.inc({ role, transport: 'http' }),
      }),
      subscriptionsOverWebSocketOnly(),
      nulGuardPlugin(),
      ...(responseCache
        ? [
            responseCachePlugin({
              cache: responseCache,
              registry,
              counters: {
                hit: () => metrics.responseCacheHits.inc(),
                miss: () => metrics.responseCacheMisses.inc(),
              },
            }),
          ]
        : []),
      ...(tracer ? [tracer.apolloPlugin()] : []),
      // After the cache: a cached response is served before anything runs.
      ...(compiled ? [compiledResponsePlugin(registry, compiled)] : []),
      {
        // Mutations (and anything but a query) read from the primary; a write's WAL position goes back to
        // the client (x-db-lsn, extensions.lsn) when replicas are in use; DATABASE_UNAVAILABLE is a 503.
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, contextValue }) {
              const state = routeOf(contextValue);
              if (state && operation && operation.operation !== OperationTypeNode.QUERY)
                state.route.primary = true;
            },
            async willSendResponse({ contextValue, response }) {
              const lsn = routeOf(contextValue)?.lsn;
              if (lsn && response.body.kind === 'single') {
                response.http.headers.set('x-db-lsn', lsn);
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, lsn };
              }
              if (
                response.body.kind === 'single' &&
                response.body.singleResult.errors?.some(
                  (e) => e.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE,
                )
              ) {
                response.http.status = 503;
                response.http.headers.set('retry-after', '1');
              }
            },
          };
        },
      },
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await graphqlWs.dispose();
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
              logOperation(metrics, contextValue, {
                name: operationName,
                type: operation?.operation,
                started,
                errors,
              });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // Request logs, and the request id: the client's x-request-id when valid, else a new one, echoed back.
  const httpLogger = pinoHttp({
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
  });
  // (Already run for requests the lean lane started.)
  app.use((req, res, next) => (LeanLane.logged(req) ? next() : httpLogger(req, res, next)));
  app.use(cors(options.allowedOrigins ?? []));
  app.get('/metrics', metricsGuard(auth.metricsToken), async (_req, res) => {
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
      res.json(readRouter.enabled ? { status: 'ready', replicas: readRouter.status() } : { status: 'ready' });
    } catch (error) {
      log.warn('readiness check failed', { error });
      res.status(503).json({ status: 'not ready', reason: 'database unreachable' });
    }
  });
  app.use(explorerRouter({ enabled: options.explorer ?? false, endpoint: '/graphql' }));
  app.use(dashboard);
  app.use(
    '/exports',
    authenticateHttp(authenticator, log),
    exportsRouter(pool, (_headers, res) => viewerOfResponse(res), log),
  );
  app.use(
    '/graphql',
    authenticateHttp(authenticator, log),
    LeanLane.jsonBody(express.json({ limit: MAX_BODY_BYTES })),
    persistedDocuments(documents, limits.maxCost),
    ...(tracer ? [tracer.operationSpan()] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = viewerOfResponse(res);
        if (
          viewer.credential?.trustedDocumentsOnly &&
          res.locals.fromManifest !== true &&
          !documents.isTrusted(requestQuery(req))
        )
          throw untrustedDocument();
        return LeanLane.handedContext(res) ?? httpContext(req, res, viewer);
      },
    }),
  );
  lane.current =
    options.leanLane === false || tracer
      ? undefined
      : new LeanLane({
          schema,
          registry,
          limits,
          rules,
          limiter,
          authenticate: (headers) => authenticator.fromHeaders(headers),
          outOfScope: (document, operationName, viewer) =>
            scopeRefusal(schema, document, operationName, viewer) !== undefined,
          responseCache: responseCache && {
            cache: responseCache,
            counters: {
              hit: () => metrics.responseCacheHits.inc(),
              miss: () => metrics.responseCacheMisses.inc(),
            },
          },
          compiled,
          metrics,
          production,
          maxBodyBytes: MAX_BODY_BYTES,
          httpLogger: (req, res) => httpLogger(req, res),
          context: httpContext,
          app,
          log,
        });
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
    eventsSettled: () => events.relay.settled(),
    close: () =>
      (closing ??= (async () => {
        // Apollo first, in the same tick as the signal: it races its own termination-signal handler otherwise.
        lane.current?.close();
        await apollo.stop();
        await scheduler?.stop();
        await graphqlWs.close();
        await events.stop();
        await readRouter.close();
        await analysisRouter.close();
        await pool.close();
        await analysisPool.close();
      })()),
  };
}

/** The document text of a GraphQL request over HTTP (a POST body's `query`, or a GET's `query` parameter). */
function requestQuery(req: express.Request): unknown {
  if (req.method === 'GET') return new URL(req.url, 'http://x').searchParams.get('query');
  return (req.body as DocumentRequest | undefined)?.query;
}

/**
 * Replaces a persisted document's id (`documentId`, or `extensions.persistedQuery.sha256Hash`) in a request
 * by the manifest's text, before Apollo reads it, and marks the text as the manifest's (`res.locals`); an id
 * not in the manifest is answered here with HTTP 400 and PERSISTED_QUERY_NOT_FOUND.
 */
function persistedDocuments(documents: TrustedDocuments, maxCost: number): express.RequestHandler {
  return (req, res, next) => {
    const get = req.method === 'GET';
    const params = get ? new URL(req.url, 'http://x').searchParams : undefined;
    let request: DocumentRequest;
    if (params) {
      let extensions: unknown;
      try {
        extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
      } catch {
        extensions = undefined; // Apollo reports the malformed parameter
      }
      request = { query: params.get('query') ?? undefined, documentId: params.get('documentId'), extensions };
    } else if (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)) {
      request = req.body as DocumentRequest;
    } else return next();
    let resolved: ReturnType<typeof resolveDocument>;
    try {
      resolved = resolveDocument(documents, request);
    } catch (error) {
      const refusal = error as GraphQLError;
      res.status(400).json({
        errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }],
        extensions: { cost: { requested: null, limit: maxCost } },
      });
      return;
    }
    if (!resolved.named) return next();
    res.locals.fromManifest = resolved.fromManifest;
    if (params) {
      params.set('query', resolved.query as string);
      params.delete('documentId');
      params.delete('extensions');
      req.url = `${req.path}?${params.toString()}`;
    } else {
      const body = req.body as Record<string, unknown>;
      const { persistedQuery: _persisted, ...extensions } = (body.extensions ?? {}) as Record<
        string,
        unknown
      >;
      req.body = { ...body, query: resolved.query, documentId: undefined, extensions };
    }
    next();
  };
}
