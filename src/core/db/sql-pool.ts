import { createHash } from 'node:crypto';
import { Client, Pool, type PoolClient } from 'pg';
import Cursor from 'pg-cursor';

/**
 * A read that did not finish: the request's deadline passed (PostgreSQL's `statement_timeout`, or the
 * request's timer cancelled the statement) or its client went away. Reported as `QUERY_TIMEOUT`.
 */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
  constructor(
    readonly timeoutMs: number,
    readonly reason: 'deadline' | 'client closed',
  ) {
    super(
      reason === 'deadline'
        ? `The request did not finish within its deadline of ${timeoutMs} ms; its SQL was cancelled`
        : 'The client closed the request; its SQL was cancelled',
    );
  }
}

/**
 * Whose rows a statement may read: `null` for DCC staff (the connecting role, no row-level security), or a
 * supplier id: the statement runs as the role `dmc_supplier` with `app.supplier_id` set, and PostgreSQL's
 * row-level security (migration `SupplierRowLevelSecurity`) hides every other supplier's installations and
 * devices whatever the SQL says.
 */
export type ReadScope = number | null;

/** The role supplier reads run as (created by the SupplierRowLevelSecurity migration). */
export const SUPPLIER_DB_ROLE = 'dmc_supplier';

/** PostgreSQL's query_canceled: statement_timeout or pg_cancel_backend. */
const QUERY_CANCELED = '57014';

/**
 * The read path into PostgreSQL: compiled SQL on a `pg` pool, as named prepared statements. A repeated
 * GraphQL operation compiles to exactly the same text with other parameters, so each pooled connection
 * prepares it once and reuses its plan. Writes do not come here: they go through MikroORM's unit of work
 * (`Context.transactional`).
 *
 * Every connection is opened with `statement_timeout` set to the request deadline, so no statement outlives
 * it; a request's `AbortSignal` (its deadline timer, its client disconnecting) also cancels the statement it
 * is running (`pg_cancel_backend` from a separate connection) and refuses to start new ones.
 */
export class SqlPool {
  private readonly pool: Pool;
  private readonly names = new Map<string, string>();
  private readonly pids = new WeakMap<PoolClient, Promise<number>>();
  /** The scope each connection is in (absent: a new connection, i.e. staff). */
  private readonly scopes = new WeakMap<PoolClient, number>();
  private readonly timeoutMs: number;
  private readonly onCheckout: ((seconds: number) => void) | undefined;

  constructor(
    private readonly connectionString: string,
    options: {
      max?: number;
      applicationName?: string;
      statementTimeoutMs?: number;
      /** Called with the seconds each statement waited for a connection (the pool-wait metric). */
      onCheckout?: (seconds: number) => void;
    } = {},
  ) {
    this.onCheckout = options.onCheckout;
    this.timeoutMs = options.statementTimeoutMs ?? 0;
    this.pool = new Pool({
      connectionString,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'dmc-catalogue',
      ...(this.timeoutMs > 0 ? { statement_timeout: this.timeoutMs } : {}),
    });
    // An idle client that loses its server (e.g. a database restart) is dropped by the pool; without a
    // listener the error would be thrown as uncaught.
    this.pool.on('error', () => undefined);
    // The backend of each connection, to cancel its statement when a request is cancelled. The query is
    // queued before any other on the new connection.
    this.pool.on('connect', (client) => {
      // pg-pool removes its own error listener while a client is checked out: a server that goes away
      // between two statements (a restart: 57P01) would otherwise be an unhandled 'error' that ends the
      // process. The statement in flight still fails, and the pool drops the broken client.
      client.on('error', () => undefined);
      const pid = client.query<{ pid: number }>('select pg_backend_pid() as pid').then((r) => r.rows[0].pid);
      pid.catch(() => undefined);
      this.pids.set(client, pid);
    });
  }

  /** One statement, prepared under a name derived from its text. */
  async query<T>(
    text: string,
    params: readonly unknown[] = [],
    signal?: AbortSignal,
    scope: ReadScope = null,
  ): Promise<T[]> {
    return this.withClient(signal, scope, async (client) => {
      const result = await client.query({ name: this.statementName(text), text, values: [...params] });
      return result.rows as T[];
    });
  }

  /**
   * One statement in its own transaction with `set local` settings, e.g. planner settings that only this
   * statement needs.
   */
  async queryWith<T>(
    text: string,
    params: readonly unknown[],
    settings: readonly string[],
    signal?: AbortSignal,
    scope: ReadScope = null,
  ): Promise<T[]> {
    return this.withClient(signal, scope, async (client) => {
      try {
        await client.query('begin');
        for (const setting of settings) await client.query(`set local ${setting}`);
        const result = await client.query({ name: this.statementName(text), text, values: [...params] });
        await client.query('commit');
        return result.rows as T[];
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Connections open, idle, and queries waiting for one (for the pool gauges). */
  stats(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  /**
   * One statement read in batches through a server-side cursor, so a result of any size uses flat memory
   * (exports), in a read transaction with optional `set local` settings. Breaking out of the loop drops
   * the connection.
   */
  async *cursor<T>(
    text: string,
    params: readonly unknown[] = [],
    batchSize = 1000,
    settings: readonly string[] = [],
    scope: ReadScope = null,
  ): AsyncGenerator<T[]> {
    const client = await this.pool.connect();
    let healthy = false;
    try {
      await this.applyScope(client, scope);
      await client.query('begin');
      for (const setting of settings) await client.query(`set local ${setting}`);
      const cursor = client.query(new Cursor<T>(text, [...params]));
      for (;;) {
        const rows = await cursor.read(batchSize);
        if (rows.length === 0) break;
        yield rows;
      }
      await cursor.close();
      await client.query('commit');
      healthy = true;
    } finally {
      // A cursor abandoned half-read leaves its connection mid-protocol: drop it rather than reuse it.
      client.release(!healthy);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Puts `client` in `scope` before a statement runs: a connection remembers its scope, so consecutive reads
   * of the same scope cost nothing and a change costs one round trip (`set role` + `set_config`, session
   * level). Fail-closed: a supplier statement never runs unless the switch succeeded; a connection whose
   * switch failed is destroyed, never reused.
   */
  private async applyScope(client: PoolClient, scope: ReadScope): Promise<void> {
    const current = this.scopes.get(client) ?? null;
    if (current === scope) return;
    if (scope !== null && (!Number.isSafeInteger(scope) || scope < 1))
      throw new Error(`invalid supplier scope ${String(scope)}`);
    this.scopes.delete(client);
    await client.query(
      scope === null
        ? `reset role; select set_config('app.supplier_id', '', false)`
        : `set role ${SUPPLIER_DB_ROLE}; select set_config('app.supplier_id', '${scope}', false)`,
    );
    if (scope !== null) this.scopes.set(client, scope);
  }

  private async withClient<T>(
    signal: AbortSignal | undefined,
    scope: ReadScope,
    work: (client: PoolClient) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) throw this.cancelled(signal);
    const client = await this.checkout(signal);
    try {
      await this.applyScope(client, scope);
    } catch (error) {
      client.release(true);
      throw error;
    }
    let cancelling: Promise<void> | undefined;
    const cancel = () => {
      cancelling ??= this.cancelBackend(client);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await work(client);
    } catch (error) {
      if ((error as { code?: string }).code === QUERY_CANCELED) {
        throw signal?.aborted ? this.cancelled(signal) : new QueryTimeoutError(this.timeoutMs, 'deadline');
      }
      throw error;
    } finally {
      signal?.removeEventListener('abort', cancel);
      // Released only once a cancel sent for it has landed, so it can never cancel another request's SQL.
      if (cancelling) await cancelling;
      client.release();
    }
  }

  /** A pooled connection, or the request's cancellation if that comes first. */
  private checkout(signal: AbortSignal | undefined): Promise<PoolClient> {
    let connecting = this.pool.connect();
    if (this.onCheckout) {
      const started = process.hrtime.bigint();
      const report = this.onCheckout;
      connecting = connecting.then((client) => {
        report(Number(process.hrtime.bigint() - started) / 1e9);
        return client;
      });
    }
    if (!signal) return connecting;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(this.cancelled(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      connecting.then(
        (client) => {
          signal.removeEventListener('abort', onAbort);
          if (signal.aborted) client.release();
          else resolve(client);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private cancelled(signal: AbortSignal): Error {
    return signal.reason instanceof QueryTimeoutError
      ? signal.reason
      : new QueryTimeoutError(this.timeoutMs, 'deadline');
  }

  /** Cancels the statement running on `client`'s backend, from a connection of its own (the pool may be full). */
  private async cancelBackend(client: PoolClient): Promise<void> {
    const canceller = new Client({ connectionString: this.connectionString, application_name: 'dmc-cancel' });
    try {
      const pid = await this.pids.get(client);
      if (pid === undefined) return;
      await canceller.connect();
      await canceller.query('select pg_cancel_backend($1)', [pid]);
    } catch {
      // the statement ends by statement_timeout anyway
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }

  private statementName(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = 'q_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
      if (this.names.size > 5000) this.names.clear(); // bounded: clients may send many shapes
      this.names.set(text, name);
    }
    return name;
  }
}
