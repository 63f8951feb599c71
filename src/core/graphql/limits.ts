import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNullableType,
  GraphQLError,
  isListType,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { maxCostFor, type QueryLimits } from '../config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';
import type { Context, Role } from './context';
import { ErrorCode } from './errors';
import {
  prepaidDecision,
  rateLimitHeaders,
  RateLimitedError,
  rateLimitKey,
  type RateLimiter,
} from './rate-limit';

/**
 * Limits checked before an operation runs, so that no request can make the server or PostgreSQL do
 * unbounded work: depth, aliases and directives (validation rules of GraphQL Armor), tokens (the parser's own
 * `maxTokens`, which stops lexing at the first token over the limit) and an estimated cost
 * (graphql-query-complexity with the estimator below). A refusal is HTTP 400 with
 * `extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, value }`, before any SQL is sent.
 */

export type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost';

export class QueryTooComplexError extends GraphQLError {
  constructor(
    readonly limit: LimitName,
    readonly maximum: number,
    readonly value: number | string,
  ) {
    super(`Query too complex: its ${limit} is ${value}, over the limit of ${maximum}`, {
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, maximum, value, http: { status: 400 } },
    });
  }
}

/** How many items a list without `first`/`last` (a DMC's slots, a model's firmware versions, …) counts as. */
export const UNPAGED_LIST_SIZE = 5;

/**
 * Cost of a field = its weight (1, or the `complexity` declared on the field, for fields whose resolver runs
 * an expensive analysis) + its children's cost × the number of items it may return:
 * - a field with `first`/`last` arguments: the page size asked for (capped at the maximum page size: larger
 *   values are refused by the page validator with BAD_USER_INPUT), or the default page size when absent;
 * - a field with an `ids` list argument (`nodes(ids:)`): the number of IDs;
 * - any other list: UNPAGED_LIST_SIZE, except a connection's own `nodes`/`edges`, whose page is counted above;
 * - anything else: 1.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const declared = field.extensions?.complexity;
  const weight = typeof declared === 'number' ? declared : 1;
  let items = 1;
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) {
    const asked = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
    items = Number.isFinite(asked) ? Math.min(Math.max(Math.trunc(asked), 1), MAX_PAGE_SIZE) : 1;
  } else if (Array.isArray(args.ids)) {
    items = Math.max(args.ids.length, 1); // nodes(ids:): one object per ID
  } else if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) {
    items = UNPAGED_LIST_SIZE;
  }
  return weight + items * childComplexity;
};

/** More fields than this (fragments expanded) are refused as too costly without finishing the estimate. */
const MAX_COST_NODES = 10_000;

/** The estimated cost of an operation; `undefined` when it cannot be estimated (e.g. invalid variables). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number | undefined {
  // The estimate depends only on the schema, the parsed document (Apollo reuses one per query text), the
  // operation and the variables: a repeated operation reuses it instead of walking the document again.
  let byInput = costCache.get(document);
  if (!byInput) costCache.set(document, (byInput = new Map<string, number | undefined>()));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  if (byInput.has(key)) return byInput.get(key);
  const cost = estimateCost(schema, document, operationName, variables);
  if (byInput.size >= 100) byInput.clear();
  byInput.set(key, cost);
  return cost;
}

const costCache = new WeakMap<DocumentNode, Map<string, number | undefined>>();

function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables: variables ?? {},
      estimators: [costEstimator],
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
      return Number.POSITIVE_INFINITY;
    return undefined; // execution reports the real problem (variables that do not coerce, …)
  }
}

/** The refusal of an operation whose estimated cost is over the limit; undefined when within it. */
export function costRefusal(cost: number | undefined, maxCost: number): QueryTooComplexError | undefined {
  if (cost === undefined || cost <= maxCost) return undefined;
  return new QueryTooComplexError(
    'cost',
    maxCost,
    Number.isFinite(cost) ? cost : `more than ${MAX_COST_NODES} fields to estimate`,
  );
}

const ARMOR_MESSAGE = /limit of \d+ exceeded, found (\d+)/;

function armored(
  limit: LimitName,
  maximum: number,
  rule: (options: {
    n: number;
    flattenFragments?: boolean;
    propagateOnRejection: boolean;
    exposeLimits: boolean;
    onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
  }) => (context: ValidationContext) => unknown,
  extra: { flattenFragments?: boolean } = {},
): ValidationRule {
  const make = rule({
    ...extra,
    n: maximum,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = ARMOR_MESSAGE.exec(error.message);
        context?.reportError(
          new QueryTooComplexError(limit, maximum, found ? Number(found[1]) : maximum + 1),
        );
      },
    ],
  });
  return (context) => make(context) as ReturnType<ValidationRule>;
}

/** Depth, alias and directive limits as validation rules (Apollo's `validationRules`, graphql-ws's validate). */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    // Depth counts fields only: a fragment spread adds no level, so clients that compose fragments pay nothing.
    armored('depth', limits.maxDepth, maxDepthRule, { flattenFragments: true }),
    armored('aliases', limits.maxAliases, maxAliasesRule),
    armored('directives', limits.maxDirectives, maxDirectivesRule),
  ];
}

/** Tokens of a document as the parser counts them (comments excluded), stopping at `cap`. */
export function countTokens(body: string, cap = 1_000_000): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (count < cap && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a lexical error ends the count
  }
  return count;
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;

/**
 * The parser's own refusal of a document over `maxTokens` (GRAPHQL_PARSE_FAILED), as a QUERY_TOO_COMPLEX
 * error with the document's token count; `undefined` for any other error.
 */
export function tokenLimitError(error: unknown): GraphQLFormattedError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const original = error.originalError instanceof GraphQLError ? error.originalError : error;
  const match = TOKEN_LIMIT.exec(original.message);
  if (!match) return undefined;
  const body = original.source?.body ?? error.source?.body;
  const refused = new QueryTooComplexError(
    'tokens',
    Number(match[1]),
    body ? countTokens(body) : Number(match[1]) + 1,
  );
  const { http: _http, ...extensions } = refused.extensions;
  return { message: refused.message, extensions };
}

/**
 * Estimates the cost of every operation once it is resolved (variables known), refuses it over the viewer's
 * limit, and reports `extensions.cost { requested limit }` on every response (`requested` is null when the
 * document was refused before its cost could be estimated). With a rate limiter, an operation within the
 * cost limit then spends its cost from its credential's budget (RATE_LIMITED, HTTP 429 when it does not fit),
 * and every response carries the budget's `RateLimit-*` headers.
 */
export function costLimitPlugin(
  limits: Pick<QueryLimits, 'maxCost' | 'maxCostByRole'>,
  rate?: { limiter: RateLimiter; onRefused?: (role: Role) => void },
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      let requested: number | null = null;
      const role = contextValue.viewer.role;
      const maxCost = maxCostFor(limits, role);
      const key = rate && rateLimitKey(contextValue.viewer, contextValue.clientAddress);
      let refusedByRate = false;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = operationCost(schema, document, operationName ?? undefined, request.variables);
          if (cost !== undefined) {
            requested = Number.isFinite(cost) ? cost : null;
            const refused = costRefusal(cost, maxCost);
            if (refused) throw refused;
          }
          if (!rate || key === undefined) return;
          // An operation whose cost cannot be estimated (its variables do not coerce) spends 1. A request the
          // lean lane started has spent already (core/http/lean-lane.ts): its decision stands.
          const decision =
            prepaidDecision(contextValue.stats)?.decision ?? rate.limiter.spend(key, role, cost ?? 1);
          if (decision && !decision.allowed) {
            refusedByRate = true;
            rate.onRefused?.(role);
            throw new RateLimitedError(decision);
          }
        },
        async willSendResponse({ response }) {
          if (rate && key !== undefined) {
            const state = rate.limiter.peek(key, role);
            if (state)
              for (const [name, value] of rateLimitHeaders(state, refusedByRate))
                response.http.headers.set(name, value);
          }
          if (response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested, limit: maxCost },
          };
        },
      };
    },
  };
}
