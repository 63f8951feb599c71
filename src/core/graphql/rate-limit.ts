import { GraphQLError } from 'graphql';
import { BoundedMap } from '../bounded-map';
import type { RateLimits } from '../config';
import type { Role, Viewer } from './context';
import { ErrorCode } from './errors';

/**
 * Rate limits by cost over a fixed window. Every operation that is allowed to run spends its estimated cost
 * (the cost the cost limit computed, at least 1) from the budget of its credential (`credential.kind:id`; the
 * client's IP address when there is no credential: the development viewer, unauthenticated callers). A budget
 * holds `points[role]` per `windowSeconds`; its window starts with the first operation that spends from it,
 * and the whole budget is back when the window ends. An operation costing more than what is left is refused
 * (RATE_LIMITED, HTTP 429) and spends nothing.
 *
 * The budgets live in this process's memory: nothing is read or written in PostgreSQL per request. With N
 * instances behind a load balancer, a credential may spend up to N × its budget per window (each instance
 * counts on its own; with sticky routing by credential, one budget). Set `RATE_LIMIT_<ROLE>` to the share of
 * one instance. A restart gives every credential a fresh budget.
 */

/** What a response reports of its budget (the `RateLimit-*` headers). */
export type RateLimitState = {
  /** Points per window for this viewer's role. */
  limit: number;
  /** Points left in the current window. */
  remaining: number;
  /** Seconds until the window ends and the budget is whole again (0 when no window is open). */
  resetSeconds: number;
  /** Length of the window in seconds. */
  windowSeconds: number;
};

export type RateLimitDecision = RateLimitState & { allowed: boolean; cost: number };

type Bucket = { start: number; spent: number };

/** The budget an operation spends from: its credential, or its client's address without one. */
export function rateLimitKey(viewer: Viewer, clientAddress: string | undefined): string {
  const credential = viewer.credential;
  if (credential) return `${credential.kind}:${credential.id}`;
  return `ip:${clientAddress ?? 'unknown'}`;
}

export class RateLimiter {
  /**
   * Buckets in the order their windows started (a bucket is set anew when a new window starts), each
   * expiring with its window; under a flood of new keys the oldest window is forgotten (that key starts
   * afresh).
   */
  private readonly buckets: BoundedMap<string, Bucket>;

  private readonly windowMs: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly options: { now?: () => number; maxKeys?: number } = {},
  ) {
    this.windowMs = limits.windowSeconds * 1000;
    this.buckets = new BoundedMap({ maxEntries: options.maxKeys ?? 100_000, now: () => this.now() });
  }

  /** The budget per window of a role; undefined when the role is not rate-limited. */
  limitFor(role: Role): number | undefined {
    const points = this.limits.points[role];
    return points ? points : undefined;
  }

  /**
   * Spends `cost` from `key`'s budget when it fits, and says what is left; undefined when the role is not
   * rate-limited.
   */
  spend(key: string, role: Role, cost: number): RateLimitDecision | undefined {
    const limit = this.limitFor(role);
    if (limit === undefined) return undefined;
    const now = this.now();
    this.buckets.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { start: now, spent: 0 };
      this.buckets.set(key, bucket, this.windowMs);
    }
    const spend = Math.max(1, Math.ceil(cost));
    const allowed = bucket.spent + spend <= limit;
    if (allowed) bucket.spent += spend;
    const state = this.state(bucket, limit, now) as RateLimitDecision;
    state.allowed = allowed;
    state.cost = spend;
    return state;
  }

  /** What is left of `key`'s budget, spending nothing; undefined when the role is not rate-limited. */
  peek(key: string, role: Role): RateLimitState | undefined {
    const limit = this.limitFor(role);
    if (limit === undefined) return undefined;
    const now = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket)
      return { limit, remaining: limit, resetSeconds: 0, windowSeconds: this.limits.windowSeconds };
    return this.state(bucket, limit, now);
  }

  /** Budgets currently held in memory. */
  get size(): number {
    return this.buckets.size;
  }

  private state(bucket: Bucket, limit: number, now: number): RateLimitState {
    return {
      limit,
      remaining: Math.max(0, limit - bucket.spent),
      resetSeconds: Math.max(1, Math.ceil((bucket.start + this.windowMs - now) / 1000)),
      windowSeconds: this.limits.windowSeconds,
    };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/**
 * The response headers of a budget (IETF draft "RateLimit header fields for HTTP": limit, remaining, seconds
 * to reset, and the policy), with `Retry-After` when the operation was refused.
 */
export function rateLimitHeaders(state: RateLimitState, refused = false): [string, string][] {
  const headers: [string, string][] = [
    ['ratelimit-limit', String(state.limit)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
    ['ratelimit-policy', `${state.limit};w=${state.windowSeconds}`],
  ];
  if (refused) headers.push(['retry-after', String(state.resetSeconds)]);
  return headers;
}

/** The refusal of an operation over its credential's budget: HTTP 429, RATE_LIMITED. */
export class RateLimitedError extends GraphQLError {
  constructor(decision: RateLimitDecision) {
    super(
      `Rate limit reached: this operation costs ${decision.cost} points and ${decision.remaining} of ` +
        `${decision.limit} are left in this ${decision.windowSeconds} s window; retry after ${decision.resetSeconds} s`,
      {
        extensions: {
          code: ErrorCode.RATE_LIMITED,
          cost: decision.cost,
          limit: decision.limit,
          remaining: decision.remaining,
          retryAfterSeconds: decision.resetSeconds,
          http: { status: 429 },
        },
      },
    );
  }
}

/**
 * Decisions already taken for a request by the lean lane (core/http/lean-lane.ts) before it handed the
 * request to Apollo: keyed by the request context's `stats` holder (Apollo's shallow copies share it), so
 * that the cost-limit plugin reports that decision instead of spending a second time.
 */
const PREPAID = new WeakMap<object, { decision: RateLimitDecision | undefined }>();

export function markPrepaid(holder: object, decision: RateLimitDecision | undefined): void {
  PREPAID.set(holder, { decision });
}

export function prepaidDecision(holder: object): { decision: RateLimitDecision | undefined } | undefined {
  return PREPAID.get(holder);
}
