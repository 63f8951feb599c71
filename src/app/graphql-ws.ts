import type http from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { maxCostFor, type AuthConfig, type QueryLimits } from '../core/config';
import type { Context, Viewer } from '../core/graphql/context';
import { costRefusal, operationCost, tokenLimitError } from '../core/graphql/limits';
import { nulRefusal } from '../core/graphql/input-guard';
import {
  RateLimitedError,
  rateLimitKey,
  type RateLimiter,
  type RateLimitState,
} from '../core/graphql/rate-limit';
import { resolveDocument, untrustedDocument, type TrustedDocuments } from '../core/graphql/trusted-documents';
import {
  logSocketErrors,
  verifyOrigin,
  WS_CONNECTION_INIT_TIMEOUT_MS,
  WS_KEEP_ALIVE_MS,
} from '../core/graphql/ws-transport';
import { MAX_BODY_BYTES, operationDeadline } from '../core/http/bounds';
import type { Logger } from '../core/logger';
import type { Metrics } from '../core/metrics';
import { requestIdFrom } from '../core/request-id';
import { tracing } from '../core/tracing';
import type { Authenticator } from '../modules/auth/authenticate';
import { authenticateSocket } from '../modules/auth/server-auth';
import { scopeRefusal } from '../modules/auth/scopes';
import { sharedSubscribe } from '../modules/events/shared-execution';

/*
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's port and path: subscriptions, and queries or
 * mutations a client sends there, with the same credential, limits, deadline and error format as over HTTP.
 */

export type GraphqlWsOptions = {
  httpServer: http.Server;
  schema: GraphQLSchema;
  /** Browser origins allowed to open a socket (others get 403 before the upgrade). */
  allowedOrigins: string[];
  authenticator: Authenticator;
  auth: AuthConfig;
  documents: TrustedDocuments;
  limits: QueryLimits;
  /** The validation rules of the limits (limitRules), as over HTTP. */
  rules: ValidationRule[];
  limiter: RateLimiter;
  metrics: Metrics;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  log: Logger;
  production: boolean;
  /**
   * The context of an operation on a socket (the server's read routing); `primary` is true for
   * subscriptions, whose catch-up reads the primary.
   */
  context: (
    viewer: Viewer,
    requestId: string,
    headers: http.IncomingHttpHeaders,
    primary: boolean,
    extra: { log?: Logger; signal?: AbortSignal; clientAddress?: string },
  ) => Context;
};

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** The viewer `onConnect` authenticated (graphql-ws accepts no operation before it has). */
function socketViewer(extra: { viewer?: Viewer }): Viewer {
  if (!extra.viewer) throw new Error('an operation on a socket that was not authenticated');
  return extra.viewer;
}

/**
 * Serves graphql-ws: `dispose()` completes every operation and closes the sockets (Apollo's drain), `close()`
 * then stops the WebSocket server.
 */
export function serveGraphqlWs(o: GraphqlWsOptions): {
  dispose(): void | Promise<void>;
  close(): Promise<void>;
} {
  const { schema, authenticator, auth, documents, limits, rules, limiter, metrics, formatError, log } = o;
  /** Queries and mutations running over each socket: id → finish (clears the deadline, aborts with a reason). */
  const wsOperations = new WeakMap<object, Map<string, (reason?: 'client closed') => void>>();
  /**
   * The estimated cost of each operation on each socket, the viewer's cost limit and what is left of its
   * rate-limit budget, reported with its results (`extensions.cost`, `extensions.rateLimit`).
   */
  const wsCosts = new WeakMap<
    object,
    Map<string, { requested: number | null; limit: number; rateLimit?: RateLimitState }>
  >();
  // The same 1 MB bound as HTTP bodies: a larger message closes the socket (1009) before it is parsed.
  // A foreign browser Origin is refused (403) before the upgrade (core/graphql/ws-transport.ts).
  const wsServer = new WebSocketServer({
    server: o.httpServer,
    path: '/graphql',
    maxPayload: MAX_BODY_BYTES,
    verifyClient: verifyOrigin(o.allowedOrigins),
  });
  const sharedSubscription = sharedSubscribe({
    onExecution: (shared) => metrics.subscriptionExecutions.inc({ shared: String(shared) }),
  });
  const disposable = useServer<Record<string, unknown>, { viewer: Viewer }>(
    {
      schema,
      // One execution per event and (document, variables, viewer scope), shared by its subscribers.
      subscribe: sharedSubscription,
      // With tracing on, each operation over a socket in a span of its own (core/tracing.ts).
      ...tracing()?.socketOperations(sharedSubscription),
      connectionInitWaitTimeout: WS_CONNECTION_INIT_TIMEOUT_MS,
      // The credential is checked once, at connection_init (src/modules/auth/server-auth.ts).
      onConnect: async (ctx) => {
        const viewer = await authenticateSocket(authenticator, auth, ctx.extra, ctx.connectionParams, log);
        if (viewer === false) return false;
        (ctx.extra as { viewer?: Viewer }).viewer = viewer;
        return true;
      },
      // Operations over graphql-ws (subscriptions, and queries a client sends there) meet the same limits
      // as over HTTP: tokens, depth, aliases, directives, cost and no NUL in strings, before anything runs.
      onSubscribe: (ctx, id, payload) => {
        let viewer: Viewer;
        let query: string;
        try {
          viewer = socketViewer(ctx.extra);
          // A persisted document may be named by its id (`documentId`, or Apollo's persistedQuery extension)
          // with an empty `query`; a credential restricted to trusted documents runs only the manifest's.
          const resolved = resolveDocument(documents, payload);
          query = typeof resolved.query === 'string' ? resolved.query : payload.query;
          if (
            viewer.credential?.trustedDocumentsOnly &&
            !resolved.fromManifest &&
            !documents.isTrusted(query)
          )
            return [untrustedDocument()];
        } catch (error) {
          return [error as GraphQLError];
        }
        let document: DocumentNode;
        try {
          document = parse(query, { maxTokens: limits.maxTokens });
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
        const outOfScope = scopeRefusal(schema, document, payload.operationName, viewer);
        if (outOfScope) return [outOfScope];
        const cost = operationCost(
          schema,
          document,
          payload.operationName ?? undefined,
          payload.variables ?? undefined,
        );
        const maxCost = maxCostFor(limits, viewer.role);
        const refused = costRefusal(cost, maxCost) ?? nulRefusal(document, payload.variables ?? undefined);
        if (refused) return [refused];
        // A subscription spends its cost once, when it starts; its events spend nothing.
        const rate = limiter.spend(
          rateLimitKey(viewer, ctx.extra.request.socket.remoteAddress),
          viewer.role,
          cost ?? 1,
        );
        if (rate && !rate.allowed) {
          metrics.rateLimited.inc({ role: viewer.role, transport: 'ws' });
          return [new RateLimitedError(rate)];
        }
        let costs = wsCosts.get(ctx);
        if (!costs)
          wsCosts.set(
            ctx,
            (costs = new Map<
              string,
              { requested: number | null; limit: number; rateLimit?: RateLimitState }
            >()),
          );
        costs.set(id, {
          requested: cost !== undefined && Number.isFinite(cost) ? cost : null,
          limit: maxCost,
          rateLimit: rate && {
            limit: rate.limit,
            remaining: rate.remaining,
            resetSeconds: rate.resetSeconds,
            windowSeconds: rate.windowSeconds,
          },
        });
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
        const deadline = operationDeadline(limits.timeoutMs);
        let running = wsOperations.get(ctx);
        if (!running)
          wsOperations.set(ctx, (running = new Map<string, (reason?: 'client closed') => void>()));
        running.set(id, deadline.finish);
        const requestId = requestIdFrom(ctx.extra.request.headers['x-request-id']);
        return {
          ...args,
          contextValue: o.context(viewer, requestId, ctx.extra.request.headers, false, {
            log: log.child({ requestId }),
            signal: deadline.signal,
            clientAddress: ctx.extra.request.socket.remoteAddress,
          }),
        };
      },
      onComplete: (ctx, id) => {
        wsOperations.get(ctx)?.get(id)?.();
        wsOperations.get(ctx)?.delete(id);
        wsCosts.get(ctx)?.delete(id);
      },
      onClose: (ctx) => {
        for (const finish of wsOperations.get(ctx)?.values() ?? []) finish('client closed');
        wsOperations.delete(ctx);
      },
      context: (ctx): Context => {
        const requestId = requestIdFrom(ctx.extra.request.headers['x-request-id']);
        const viewer = socketViewer(ctx.extra);
        // Subscriptions (the only operations here) read their catch-up from the primary.
        return o.context(viewer, requestId, ctx.extra.request.headers, true, {
          log: log.child({ requestId }),
          clientAddress: ctx.extra.request.socket.remoteAddress,
        });
      },
      // A subscription's stream is counted in graphql_active_subscriptions while it is open.
      onOperation: (_ctx, _id, _payload, _args, result) =>
        isAsyncIterable(result) ? metrics.countSubscription(result) : undefined,
      // Errors over graphql-ws are formatted as over HTTP: stable codes, nothing internal in production.
      onError: (_ctx, _id, _payload, errors) => {
        log.warn('subscription error', { errors: errors.map((e) => e.message) });
        return errors.map((error) => formatError(error.toJSON(), error));
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const costs = wsCosts.get(ctx)?.get(id);
        return {
          ...result,
          ...(result.errors?.length
            ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
            : {}),
          extensions: {
            ...result.extensions,
            cost: { requested: costs?.requested ?? null, limit: costs?.limit ?? limits.maxCost },
            ...(costs?.rateLimit ? { rateLimit: costs.rateLimit } : {}),
          },
        };
      },
    },
    wsServer,
    WS_KEEP_ALIVE_MS,
  );
  logSocketErrors(wsServer, log, o.production);
  return {
    dispose: () => disposable.dispose(),
    close: () => new Promise<void>((resolve) => wsServer.close(() => resolve())),
  };
}
