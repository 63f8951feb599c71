import type http from 'node:http';
import { Readable } from 'node:stream';
import {
  getOperationAST,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type express from 'express';
import { maxCostFor, type QueryLimits } from '../config';
import type { Context, Viewer } from '../graphql/context';
import { markFellBack, type CompiledOperation, type compiledResponder } from '../graphql/compiler/fast-path';
import type { CompiledRegistry } from '../graphql/compiler/registry';
import { nulRefusal } from '../graphql/input-guard';
import { operationCost } from '../graphql/limits';
import {
  markPrepaid,
  rateLimitHeaders,
  rateLimitKey,
  type RateLimitDecision,
  type RateLimiter,
} from '../graphql/rate-limit';
import {
  analyseOperation,
  bypassesCache,
  nodeIdsAreCatalogue,
  responseKey,
  VERSION_SQL,
  type Analysis,
  type ResponseCache,
  type ResponseCacheCounters,
} from '../graphql/response-cache';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { logOperation } from '../graphql/operation-log';

/*
 * The lean lane: `POST /graphql` for a catalogue query this process has already seen, answered without
 * express and Apollo Server's per-request pipeline. A profile of the catalogue bench showed our Node
 * process spending more per request on the HTTP/GraphQL plumbing (express's router, body-parser and its
 * stream, the express integration's header copy, Apollo's request pipeline and eleven plugins' hooks,
 * a sha256 of every query text) than PostGraphile spends on its whole request.
 *
 * What the lane keeps from the ordinary path is what makes the answer: the same authentication
 * (`Authenticator`), the same request log (the same pino-http instance) and request id, the same context
 * (deadline, cancellation on disconnect, read route), the cost limit, the NUL guard, the rate-limit spend
 * and its `RateLimit-*` headers, the response cache (catalogue version read, key, ETag, store, counters),
 * the compiled fast path (core/graphql/compiler/fast-path.ts), `extensions.cost`, the operation log line and
 * metrics, and the exact bytes Apollo and express would write (header order and names, express's weak ETag,
 * `Content-Length`). Parsing, validation and the analyses are done once per (query text, operationName).
 *
 * Everything else goes to express and Apollo untouched: other paths and methods, the first sight of a
 * document, invalid documents, mutations, subscriptions, introspection, persisted-document ids, requests
 * with extensions, an `Origin` (CORS), a body that is not plain JSON of a known length, an `Accept` that does
 * not select JSON, credentials that fail or are restricted to trusted documents, operations over a limit
 * or whose variables do not coerce, a rate-limit refusal, and any execution the fast path cannot complete
 * (errors, nulls where the schema says non-null). A request handed over after its budget was spent goes on
 * with the lane's context (`handedContext`: one deadline, one request log) and carries the decision to the
 * cost-limit plugin (markPrepaid), so the spend happens exactly once; a plan that fell back is not run again
 * by the fast-path plugin (markFellBack). A body already read is replayed to body-parser (`jsonBody`), so
 * its parse errors are body-parser's own.
 */

const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
/** Common `Accept` values and the content type Apollo negotiates for them (others: Apollo negotiates). */
const ACCEPTS = new Map<string, string>([
  ['application/json', APPLICATION_JSON],
  ['application/json; charset=utf-8', APPLICATION_JSON],
  ['*/*', APPLICATION_JSON],
  ['application/json, */*', APPLICATION_JSON],
  ['application/json, application/graphql-response+json', APPLICATION_JSON],
  ['application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
  ['application/graphql-response+json, application/json', GRAPHQL_RESPONSE_JSON],
  ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE_JSON],
]);

/** Documents remembered (a query text and operationName each); cleared when full. */
const MAX_DOCUMENTS = 1000;
const NO_NAME = '\u0000';

/** What the lane knows of one (query text, operationName): null when it always hands it over. */
type Known = {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's own name (Apollo's `requestContext.operationName`). */
  operationName: string | null;
  /**
   * The fast path's plan and the response cache's analysis, made by the first request within the limits (as
   * on Apollo's path, where they come after the cost limit: a fragment bomb is never expanded).
   */
  planned?: {
    compiled: NonNullable<CompiledOperation> | null;
    cache: Extract<Analysis, { cacheable: true }> | null;
  };
} | null;

type Body = {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
  documentId?: unknown;
};

export type LeanLaneOptions = {
  schema: GraphQLSchema;
  registry: CompiledRegistry;
  limits: QueryLimits;
  /** The validation rules Apollo adds to graphql-js's (depth, aliases, directives). */
  rules: readonly ValidationRule[];
  limiter: RateLimiter;
  authenticate(headers: http.IncomingHttpHeaders): Promise<Viewer>;
  /** Whether the viewer's credential lacks a scope the operation needs (API key scopes; Apollo refuses it). */
  outOfScope(document: DocumentNode, operationName: string | null, viewer: Viewer): boolean;
  responseCache?: { cache: ResponseCache; counters: ResponseCacheCounters };
  /** The compiled fast path (absent when `compiledResponses` is off: nothing is then answered here). */
  compiled?: ReturnType<typeof compiledResponder>;
  metrics: Metrics;
  production: boolean;
  maxBodyBytes: number;
  /** The pino-http middleware of the express app (request id, request log). */
  httpLogger(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** The request context exactly as the Apollo path builds it (deadline, cancellation, read route). */
  context(req: http.IncomingMessage, res: http.ServerResponse, viewer: Viewer): Context;
  /** The express app: everything the lane does not answer. */
  app: express.Express;
  log: Logger;
};

/** Requests whose pino-http middleware the lane already ran. */
const LOGGED = new WeakSet<http.IncomingMessage>();
/** Requests handed over to express. */
const OVER = new WeakSet<http.IncomingMessage>();
/** Bodies the lane read before handing the request over. */
const BODIES = new WeakMap<http.IncomingMessage, Buffer>();
/** Requests the lane handed over after it made their context and spent their rate-limit budget. */
const HANDED = new WeakMap<
  http.ServerResponse,
  { context: Context; decision: RateLimitDecision | undefined }
>();

export class LeanLane {
  /** Responses the lean lanes of this process have written (tests check that the lane answered). */
  static answered = 0;
  private readonly documents = new Map<string, Map<string, Known>>();
  private readonly etagOf: (body: Buffer, encoding?: BufferEncoding) => string | undefined;
  private closed = false;

  constructor(private readonly options: LeanLaneOptions) {
    this.etagOf = options.app.get('etag fn') as typeof this.etagOf;
  }

  /** From now on every request goes to express (the server is closing; Apollo answers those). */
  close(): void {
    this.closed = true;
  }

  /** The HTTP server's request listener. */
  readonly listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (this.closed || req.method !== 'POST' || req.url !== '/graphql')
      return void this.options.app(req, res);
    const headers = req.headers;
    const length = Number(headers['content-length']);
    const type = headers['content-type']?.toLowerCase();
    if (
      headers.origin !== undefined ||
      !(type === 'application/json' || type === 'application/json; charset=utf-8') ||
      headers['content-encoding'] !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      !(length > 0 && length <= this.options.maxBodyBytes)
    )
      return void this.options.app(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.once('end', () => {
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      this.answer(req, res, raw).catch((error: unknown) => {
        this.options.log.error('lean lane failed', { error });
        if (!OVER.has(req) && !res.headersSent) this.handOver(req, res, raw);
      });
    });
    req.once('error', () => this.handOver(req, res, Buffer.concat(chunks, size)));
  };

  /** Whether the lane ran pino-http for this request (the express app's logger then skips it). */
  static logged(req: http.IncomingMessage): boolean {
    return LOGGED.has(req);
  }

  /**
   * body-parser's JSON middleware, fed the body the lane already read (body-parser would see a finished
   * stream and leave `req.body` unset): the same parse, the same errors.
   */
  static jsonBody(parser: express.RequestHandler): express.RequestHandler {
    return (req, res, next) => {
      const raw = BODIES.get(req);
      if (!raw) return parser(req, res, next);
      BODIES.delete(req);
      const replay = new Readable({
        read() {
          this.push(raw);
          this.push(null);
        },
      });
      Object.assign(replay, {
        headers: req.headers,
        method: req.method,
        url: req.url,
        complete: false,
        socket: req.socket,
      });
      parser(replay as unknown as express.Request, res, (error?: unknown) => {
        req.body = (replay as unknown as { body?: unknown }).body;
        next(error);
      });
    };
  }

  /**
   * The context the lane made for a request it handed over after spending its rate-limit budget: Apollo
   * goes on with it (the same deadline, already running; the same request log), and the cost-limit plugin
   * reports the lane's decision instead of spending again. Undefined for any other request.
   */
  static handedContext(res: http.ServerResponse): Context | undefined {
    const handed = HANDED.get(res);
    if (!handed) return undefined;
    markPrepaid(handed.context.stats, handed.decision);
    return handed.context;
  }

  private handOver(req: http.IncomingMessage, res: http.ServerResponse, raw?: Buffer): void {
    OVER.add(req);
    if (raw) BODIES.set(req, raw);
    this.options.app(req as express.Request, res as express.Response);
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const o = this.options;
    // Plain JSON objects only (body-parser would strip a BOM, and allows leading white space: Apollo's path).
    if (raw[0] !== 0x7b) return this.handOver(req, res, raw);
    let body: Body;
    try {
      body = JSON.parse(raw.toString('utf8')) as Body;
    } catch {
      return this.handOver(req, res, raw);
    }
    const { query, operationName } = body;
    const variables = body.variables ?? undefined;
    if (
      typeof query !== 'string' ||
      query === '' ||
      (operationName !== undefined && operationName !== null && typeof operationName !== 'string') ||
      (variables !== undefined && (typeof variables !== 'object' || Array.isArray(variables))) ||
      (body.extensions !== undefined && body.extensions !== null) ||
      'documentId' in body
    )
      return this.handOver(req, res, raw);
    const name = typeof operationName === 'string' ? operationName : NO_NAME;
    const known = this.documents.get(query)?.get(name);
    if (!known) {
      this.handOver(req, res, raw);
      if (known === undefined) this.learn(query, name);
      return;
    }
    const headers = req.headers;
    if (!o.production && headers['x-sql-statements'] === 'true') return this.handOver(req, res, raw);
    const contentType = this.contentType(headers.accept);
    if (!contentType) return this.handOver(req, res, raw);
    let viewer: Viewer;
    try {
      viewer = await o.authenticate(headers);
    } catch {
      return this.handOver(req, res, raw); // refused there, in express's order
    }
    if (viewer.credential?.trustedDocumentsOnly) return this.handOver(req, res, raw);
    const vars = variables as Record<string, unknown> | undefined;
    const { document, operation } = known;
    // A key whose scopes narrow its role: Apollo's scope plugin refuses what they do not cover.
    if (o.outOfScope(document, known.operationName ?? null, viewer)) return this.handOver(req, res, raw);
    // The limits, in the order of Apollo's plugins; any refusal is Apollo's to answer (nothing spent yet).
    const cost = operationCost(o.schema, document, known.operationName ?? undefined, vars);
    const role = viewer.role;
    const maxCost = maxCostFor(o.limits, role);
    if (cost === undefined || !Number.isFinite(cost) || cost > maxCost || nulRefusal(document, vars))
      return this.handOver(req, res, raw);
    const planned = (known.planned ??= this.plan(document, operation));
    const cache = o.responseCache;
    // Looked up in the response cache, or computed by the fast path: else graphql-js answers (Apollo).
    const cacheable =
      cache !== undefined &&
      planned.cache !== null &&
      !bypassesCache(headers['cache-control']) &&
      nodeIdsAreCatalogue(planned.cache, o.registry, vars ?? {});
    if (!cacheable && !(planned.compiled && o.compiled)) return this.handOver(req, res, raw);

    // From here the request is the lane's (until execution says otherwise).
    o.httpLogger(req, res);
    LOGGED.add(req);
    const context = o.context(req, res, viewer);
    const started = process.hrtime.bigint();
    const key = rateLimitKey(viewer, context.clientAddress);
    const decision = o.limiter.spend(key, role, cost);
    if (decision && !decision.allowed) return this.handOver(req, res, raw); // nothing spent: Apollo refuses
    const handOverSpent = () => {
      HANDED.set(res, { context, decision });
      this.handOver(req, res, raw);
    };

    let pending: { key: string; etag: string } | undefined;
    let text: string | undefined;
    if (cacheable) {
      const row = await context.sql<{ version: string }>(VERSION_SQL).then(
        ([first]) => first,
        () => undefined,
      );
      if (row) {
        pending = responseKey(row.version, viewer, known.operationName, query, vars ?? {});
        text = cache.cache.get(pending.key);
      }
    }
    if (text !== undefined) cache!.counters.hit();
    else {
      if (!planned.compiled || !o.compiled) return handOverSpent();
      const computed = await o.compiled.run(planned.compiled, o.schema, operation, vars, context);
      if (!computed) {
        // The same plan would fall back again on Apollo's path: graphql-js answers (errors, partial data).
        markFellBack(context.stats);
        return handOverSpent();
      }
      text = JSON.stringify(computed);
      if (pending) {
        cache!.counters.miss();
        cache!.cache.set(pending.key, text);
      }
    }

    // The operation log line and metrics, as Apollo's logging plugin writes them.
    logOperation(o.metrics, context, { name: known.operationName, type: operation.operation, started });

    // The bytes Apollo and express write: plugin headers in plugin order, content-type, then express's
    // Content-Type (re-set with its charset), Content-Length and weak ETag.
    const out = Buffer.from(
      `{"data":${text},"extensions":{"cost":{"requested":${cost},"limit":${maxCost}}}}\n`,
      'utf8',
    );
    res.statusCode = 200;
    const state = o.limiter.peek(key, role);
    if (state) for (const [header, value] of rateLimitHeaders(state, false)) res.setHeader(header, value);
    if (pending) res.setHeader('etag', pending.etag);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Length', String(out.length));
    if (!pending) {
      const etag = this.etagOf(out);
      if (etag) res.setHeader('ETag', etag);
    }
    LeanLane.answered++;
    res.end(out);
  }

  /**
   * Apollo's choice of content type for a single result (chooseContentTypeForSingleResultResponse) where it
   * is plainly JSON; any other `Accept` is Apollo's to negotiate (null).
   */
  private contentType(accept: string | undefined): string | null {
    return accept ? (ACCEPTS.get(accept) ?? null) : APPLICATION_JSON;
  }

  private plan(
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): NonNullable<Known>['planned'] & {} {
    const o = this.options;
    const compiled = o.compiled?.analyse(o.schema, document, operation) ?? null;
    const analysis = o.responseCache
      ? analyseOperation(o.schema, o.registry, document, operation)
      : undefined;
    return {
      compiled: compiled && compiled.roots.length > 0 ? compiled : null,
      cache: analysis?.cacheable ? analysis : null,
    };
  }

  /** Parses and validates a document once (after Apollo answered its first request). */
  private learn(query: string, name: string): void {
    const o = this.options;
    let known: Known = null;
    try {
      const document = parse(query, { maxTokens: o.limits.maxTokens });
      const errors = validate(o.schema, document, [...specifiedRules, ...o.rules]);
      const operation = errors.length ? null : getOperationAST(document, name === NO_NAME ? undefined : name);
      if (operation && operation.operation === OperationTypeNode.QUERY)
        known = { document, operation, operationName: operation.name?.value || null };
    } catch {
      known = null;
    }
    if (this.documents.size >= MAX_DOCUMENTS) this.documents.clear();
    let byName = this.documents.get(query);
    if (!byName) this.documents.set(query, (byName = new Map<string, Known>()));
    byName.set(name, known);
  }
}
