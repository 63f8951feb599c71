import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the read-pool gauges read at scrape time (a `pg` Pool's own counters). */
export type PoolStats = { total: number; idle: number; waiting: number };

/**
 * The Prometheus metrics of one server, on its own registry (served at `GET /metrics`). The names are a
 * contract with dashboards and alerts: they are listed in the README and must not change.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly requestDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Duration of GraphQL operations over HTTP, by operation name and outcome (ok or error).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly sqlStatements = new Counter({
    name: 'graphql_sql_statements_total',
    help: 'SQL statements issued on the read pool by GraphQL operations (HTTP and WebSocket).',
    registers: [this.registry],
  });

  readonly activeSubscriptions = new Gauge({
    name: 'graphql_active_subscriptions',
    help: 'GraphQL subscriptions currently open over WebSocket.',
    registers: [this.registry],
  });

  readonly eventsRelayed = new Counter({
    name: 'events_relayed_total',
    help: 'Committed domain events relayed from PostgreSQL to subscribers, by event type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly poolWait = new Histogram({
    name: 'db_pool_checkout_wait_seconds',
    help: 'Time a statement waited for a connection, by pool (primary, analysis, replica-N, analysis-replica-N).',
    labelNames: ['pool'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly reads = new Counter({
    name: 'db_reads_total',
    help: 'Read statements of GraphQL operations, by the pool that ran them (primary or a replica).',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  readonly replicaHealthy = new Gauge({
    name: 'db_replica_healthy',
    help: 'Whether each read replica is reachable and replaying (1) or skipped (0).',
    labelNames: ['replica'] as const,
    registers: [this.registry],
  });

  readonly schedulerRuns = new Counter({
    name: 'scheduler_runs_total',
    help: 'Runs of the lifecycle scheduler, by outcome: leader (this instance ran it), follower (another held the lock), failed.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'graphql_rate_limited_total',
    help: 'GraphQL operations refused with RATE_LIMITED (their credential had spent its budget), by viewer role and transport (http or ws).',
    labelNames: ['role', 'transport'] as const,
    registers: [this.registry],
  });

  readonly eventRelayLag = new Histogram({
    name: 'events_relay_lag_seconds',
    help: 'From an event committing in PostgreSQL to this server relaying it to its subscribers.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly eventSubscribers = new Gauge({
    name: 'events_epcl_subscriptions',
    help: 'epclEvents subscriptions currently open on this server (also counted in graphql_active_subscriptions).',
    registers: [this.registry],
  });

  readonly subscriptionExecutions = new Counter({
    name: 'events_delivery_results_total',
    help: 'Events delivered to graphql-ws subscriptions, by whether the result was executed for that subscription (shared="false") or reused from another with the same document, variables and viewer scope (shared="true").',
    labelNames: ['shared'] as const,
    registers: [this.registry],
  });

  readonly responseCacheHits = new Counter({
    name: 'graphql_response_cache_hits_total',
    help: 'Catalogue responses served from the response cache (including 304 Not Modified answers to GET).',
    registers: [this.registry],
  });

  readonly responseCacheMisses = new Counter({
    name: 'graphql_response_cache_misses_total',
    help: 'Cacheable catalogue responses not found in the response cache (computed, then stored).',
    registers: [this.registry],
  });

  readonly responseCacheEvictions = new Counter({
    name: 'graphql_response_cache_evictions_total',
    help: 'Responses dropped from the response cache: to stay within its size (least recently used first), or superseded by a catalogue write.',
    registers: [this.registry],
  });

  /** Operation names seen so far; clients choose them, so the label set is bounded. */
  private readonly operations = new Set<string>();

  private readonly maxOperationNames: number;

  constructor(options: {
    readPool: () => PoolStats;
    /** Every pool by name, for the per-pool gauges (db_pool_*). */
    pools?: () => { name: string; stats: PoolStats }[];
    maxOperationNames?: number;
    /** The response cache's current size, for `graphql_response_cache_bytes`. */
    responseCacheBytes?: () => number;
  }) {
    const cacheBytes = options.responseCacheBytes;
    if (cacheBytes)
      new Gauge({
        name: 'graphql_response_cache_bytes',
        help: 'Bytes the response cache holds (response JSON text, keys and an estimate of entry overhead).',
        registers: [this.registry],
        collect() {
          this.set(cacheBytes());
        },
      });
    this.maxOperationNames = options.maxOperationNames ?? 500;
    const pool = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read(options.readPool()));
        },
      });
    pool('db_read_pool_connections', 'Connections open in the read pool (idle or in use).', (s) => s.total);
    pool('db_read_pool_idle_connections', 'Open read-pool connections not in use.', (s) => s.idle);
    pool(
      'db_read_pool_waiting_requests',
      'Queries waiting for a read-pool connection (the pool is exhausted while this is above 0).',
      (s) => s.waiting,
    );
    const perPool = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'] as const,
        registers: [this.registry],
        collect() {
          for (const p of options.pools?.() ?? []) this.set({ pool: p.name }, read(p.stats));
        },
      });
    perPool('db_pool_connections', 'Connections open in each pool (idle or in use).', (s) => s.total);
    perPool('db_pool_idle_connections', 'Open connections not in use, by pool.', (s) => s.idle);
    perPool(
      'db_pool_in_use_connections',
      'Connections running a statement, by pool.',
      (s) => s.total - s.idle,
    );
    perPool(
      'db_pool_waiting_requests',
      'Statements waiting for a connection, by pool (that pool is exhausted while this is above 0).',
      (s) => s.waiting,
    );
    collectDefaultMetrics({ register: this.registry });
  }

  /** The `operation` label of a GraphQL operation: its name, `anonymous`, or `other` past the bound. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= this.maxOperationNames) return 'other';
    this.operations.add(name);
    return name;
  }

  observeOperation(name: string | null | undefined, outcome: 'ok' | 'error', seconds: number): void {
    this.requestDuration.observe({ operation: this.operationLabel(name), outcome }, seconds);
  }

  /** Counts an async iterator (a subscription's stream) in `graphql_active_subscriptions` while it is open. */
  countSubscription<T>(source: AsyncIterable<T>): AsyncIterableIterator<T> {
    const iterator = source[Symbol.asyncIterator]();
    const gauge = this.activeSubscriptions;
    gauge.inc();
    let open = true;
    const close = () => {
      if (open) {
        open = false;
        gauge.dec();
      }
    };
    // A hand-written iterator, not an async generator: an async generator's return() waits for a pending
    // next(), which for a subscription is the next event, so closing would hang until one arrives.
    const counted: AsyncIterableIterator<T> = {
      async next() {
        try {
          const result = await iterator.next();
          if (result.done) close();
          return result;
        } catch (error) {
          close();
          throw error;
        }
      },
      async return(value?: unknown) {
        close();
        return (await iterator.return?.(value)) ?? { done: true, value: undefined as T };
      },
      async throw(error?: unknown) {
        close();
        if (iterator.throw) return iterator.throw(error);
        throw error;
      },
      [Symbol.asyncIterator]() {
        return counted;
      },
    };
    return counted;
  }
}
