import { SqlPool } from './sql-pool';
import { isDatabaseUnavailable } from './unavailable';

/** A PostgreSQL WAL position (`pg_lsn`, e.g. `0/3000148`) as a number, for comparisons. */
export function parseLsn(text: string): bigint | undefined {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The read path of one request: which pool its statements go to, decided per statement. */
export type ReadTarget = Pick<SqlPool, 'query' | 'queryWith'>;

/**
 * What a request needs from the read path: `primary` when it writes or must read its own writes (mutations,
 * subscriptions' catch-up); `minLsn` when its client (or credential) wrote recently: a replica serves it only
 * once it has replayed that far.
 */
export type ReadRoute = { primary: boolean; minLsn?: bigint };

type Replica = {
  name: string;
  pool: SqlPool;
  /** Last replayed WAL position seen by the poll; undefined while unreachable. */
  replayed?: bigint;
  healthy: boolean;
};

/**
 * Read replicas (`DATABASE_REPLICA_URLS`): read-only requests go to a replica, round robin among those that
 * are reachable and have replayed far enough; everything else, and every read when no replica qualifies,
 * goes to the primary's pool. Each replica's replay position (`pg_last_wal_replay_lsn()`) is polled every
 * `pollMs`; a replica that fails the poll, or a statement with a connection error, is skipped until a poll
 * succeeds again (the failed statement is retried once on the primary, reads being safe to repeat).
 *
 * Read-your-writes: after a write the server asks the primary for its WAL position (`pg_current_wal_insert_lsn()`,
 * at or past the write's commit record, flushed or not) and returns it to the client (`x-db-lsn`); it also remembers it for
 * the writer's credential for `stickyMs`. A later request carrying `x-db-min-lsn`, or from that credential
 * within the window, is served by a replica only when the replica's replay position has reached it.
 */
export class ReadRouter {
  private readonly replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private readonly recentWrites = new Map<string, { lsn: bigint; until: number }>();

  constructor(
    readonly primary: SqlPool,
    replicaUrls: readonly string[],
    private readonly options: {
      max?: number;
      statementTimeoutMs?: number;
      /** Names in metrics: the primary's pool (default `primary`) and the replicas' prefix (default `replica`). */
      primaryName?: string;
      replicaPrefix?: string;
      applicationName?: string;
      pollMs?: number;
      stickyMs?: number;
      /** Called with the seconds a statement waited for a replica connection. */
      onCheckout?: (pool: string, seconds: number) => void;
      /** Called for each statement with the pool that ran it (`primary`, `replica-0`, …). */
      onRead?: (pool: string) => void;
      /** Called when a replica becomes unreachable or reachable again. */
      onHealth?: (replica: string, healthy: boolean, error?: unknown) => void;
    } = {},
  ) {
    this.replicas = replicaUrls.map((url, i) => {
      const name = `${options.replicaPrefix ?? 'replica'}-${i}`;
      return {
        name,
        pool: new SqlPool(url, {
          max: options.max ?? 10,
          statementTimeoutMs: options.statementTimeoutMs,
          applicationName: options.applicationName ?? 'dmc-catalogue-replica',
          onCheckout: options.onCheckout && ((seconds) => options.onCheckout!(name, seconds)),
        }),
        healthy: false,
      };
    });
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  /** The replicas' pools by name (for the pool gauges). */
  replicaPools(): { name: string; pool: SqlPool }[] {
    return this.replicas.map((r) => ({ name: r.name, pool: r.pool }));
  }

  /** Polls once (so that a server starts knowing its replicas), then every `pollMs`. */
  async start(): Promise<void> {
    if (!this.enabled) return;
    await this.poll();
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    }, this.options.pollMs ?? 200);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    await Promise.all(this.replicas.map((r) => r.pool.close()));
  }

  /** Each replica's state, for `/readyz` and tests. */
  status(): { name: string; healthy: boolean; replayedLsn: string | null }[] {
    return this.replicas.map((r) => ({
      name: r.name,
      healthy: r.healthy,
      replayedLsn: r.replayed === undefined ? null : formatLsn(r.replayed),
    }));
  }

  /** The primary's current WAL position: at or past the commit of every write that has returned. */
  async primaryLsn(): Promise<string> {
    const [row] = await this.primary.query<{ lsn: string }>(
      'select pg_current_wal_insert_lsn()::text as lsn',
    );
    return row.lsn;
  }

  /** Remembers a write by `writer` (a credential or viewer key) for the read-your-writes window. */
  rememberWrite(writer: string, lsn: string): void {
    const parsed = parseLsn(lsn);
    if (parsed === undefined) return;
    const now = Date.now();
    this.recentWrites.set(writer, { lsn: parsed, until: now + (this.options.stickyMs ?? 10_000) });
    if (this.recentWrites.size > 10_000)
      for (const [key, value] of this.recentWrites) if (value.until < now) this.recentWrites.delete(key);
  }

  /** The position a request by `writer` must see: the larger of the client's `x-db-min-lsn` and its recent write. */
  minLsnFor(writer: string, header: string | undefined): bigint | undefined {
    const fromClient = header ? parseLsn(header) : undefined;
    const recent = this.recentWrites.get(writer);
    const fromWrite = recent && recent.until >= Date.now() ? recent.lsn : undefined;
    if (fromClient === undefined) return fromWrite;
    if (fromWrite === undefined) return fromClient;
    return fromClient > fromWrite ? fromClient : fromWrite;
  }

  /** The read path of a request following `route` (read when each statement starts, so it may change). */
  target(route: ReadRoute): ReadTarget {
    return {
      query: (text, params, signal) => this.run(route, (pool) => pool.query(text, params, signal)),
      queryWith: (text, params, settings, signal) =>
        this.run(route, (pool) => pool.queryWith(text, params, settings, signal)),
    };
  }

  private choose(route: ReadRoute): Replica | undefined {
    if (route.primary || !this.enabled) return undefined;
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length];
      if (!replica.healthy || replica.replayed === undefined) continue;
      if (route.minLsn !== undefined && replica.replayed < route.minLsn) continue;
      this.next = (this.next + i + 1) % this.replicas.length;
      return replica;
    }
    return undefined;
  }

  private async run<T>(route: ReadRoute, work: (pool: SqlPool) => Promise<T>): Promise<T> {
    const replica = this.choose(route);
    if (replica) {
      try {
        const result = await work(replica.pool);
        this.options.onRead?.(replica.name);
        return result;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.setHealth(replica, false, error);
      }
    }
    const result = await work(this.primary);
    this.options.onRead?.(this.options.primaryName ?? 'primary');
    return result;
  }

  private setHealth(replica: Replica, healthy: boolean, error?: unknown): void {
    if (!healthy) replica.replayed = undefined;
    if (replica.healthy !== healthy) this.options.onHealth?.(replica.name, healthy, error);
    replica.healthy = healthy;
  }

  private async poll(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const [row] = await replica.pool.query<{ lsn: string | null; recovery: boolean }>(
            'select pg_last_wal_replay_lsn()::text as lsn, pg_is_in_recovery() as recovery',
          );
          // A server that is not in recovery is not a replica (e.g. promoted): not used for reads.
          const replayed = row.recovery && row.lsn ? parseLsn(row.lsn) : undefined;
          replica.replayed = replayed;
          this.setHealth(replica, replayed !== undefined);
        } catch (error) {
          this.setHealth(replica, false, error);
        }
      }),
    );
  }
}
