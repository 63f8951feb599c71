import { Client } from 'pg';
import type { Logger } from '../../core/logger';
import { tracedCallback } from '../../core/tracing';
import { eventsSql, type EventRow } from './events.sql';

export type DomainEventMessage = {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
};

/** A `domain_event` row as node-postgres returns it (timestamptz as a Date, jsonb parsed). */
type DomainEventRow = {
  id: string;
  position: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: Date;
  committed_at: Date | null;
  payload: Record<string, unknown>;
};

export type RelayBatch = { raw: DomainEventMessage[]; typed: EventRow[]; committedAt: (Date | null)[] };

/** Rows read per statement while catching up. */
const BATCH = 1000;

/**
 * Relays committed domain events to this server's subscribers, in commit order, never losing one.
 *
 * Positions, not ids: `domain_event.position` is assigned at commit under one advisory lock (see
 * migrations/*EpclEvents*), so once a position is visible every smaller one is visible too, and reading
 * `position > last` in order can neither skip an event committed out of id order nor deliver one twice.
 *
 * Notifications are only a wake-up: each one (and a poll every `pollMs`, in case one is missed) makes the
 * relay read everything after the last position it relayed. When the LISTEN connection drops (a restart, a
 * network cut, pg_terminate_backend) it reconnects with backoff and first reads what it missed from the last
 * position it saw, so an event committed while it was away is still relayed, once.
 */
export class DomainEventRelay {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** The last position relayed. */
  position = '0';
  /** Hands a batch to `publish`, in a span (its SQL under it) when tracing is on. */
  private readonly deliver = tracedCallback(
    'events relay',
    (batch: RelayBatch) => ({ 'dmc.events.count': batch.raw.length }),
    (batch: RelayBatch) => this.publish(batch),
  );

  constructor(
    private readonly url: string,
    private readonly publish: (batch: RelayBatch) => void,
    private readonly log: Logger,
    private readonly options: { pollMs?: number } = {},
  ) {}

  async start(): Promise<void> {
    await this.connect(0);
    const [row] = (
      await this.client!.query<{ position: string }>(
        'select coalesce(max(position), 0)::text as position from domain_event',
      )
    ).rows;
    this.position = row.position;
    this.poll = setInterval(() => this.catchUp(), this.options.pollMs ?? 2000);
    this.poll.unref();
  }

  private async connect(attempt: number): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'dmc-catalogue-event-relay' });
    let established = false;
    let lost = false;
    const onLost = (error?: Error) => {
      // Before it is established, connect() rejects and its caller retries.
      if (lost || !established) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn('event relay connection lost; reconnecting', { error });
      this.reconnect(attempt + 1);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === 'domain_event') this.catchUp();
    });
    try {
      await client.connect();
      await client.query('listen domain_event');
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    established = true;
    this.client = client;
  }

  private reconnect(attempt: number): void {
    const delay = Math.min(10_000, 100 * 2 ** Math.min(attempt, 7));
    this.retry = setTimeout(() => {
      this.connect(attempt)
        .then(() => {
          this.log.info('event relay reconnected; catching up', { position: this.position });
          this.catchUp();
        })
        .catch((error) => {
          this.log.warn('event relay reconnect failed', { error, attempt });
          this.reconnect(attempt + 1);
        });
    }, delay);
    this.retry.unref();
  }

  /** Reads and relays everything after the last position (one run at a time; a request during a run repeats it). */
  catchUp(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.log.warn('event relay could not read the outbox; retrying', { error }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.catchUp();
        }
      });
  }

  /** Resolves when everything committed before the call has been relayed (tests and benchmarks). */
  async settled(): Promise<void> {
    await this.running;
    this.catchUp();
    await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const client = this.client;
      if (!client || this.stopped) return;
      const { rows } = await client.query<DomainEventRow>(
        `select id::text, position::text, type, aggregate_type, aggregate_id, occurred_at, committed_at, payload
           from domain_event where position > $1::bigint order by position limit ${BATCH}`,
        [this.position],
      );
      if (!rows.length) return;
      const last = rows[rows.length - 1].position;
      const typed = (
        await client.query<EventRow>(eventsSql(['f.pos <= $2::bigint'], String(BATCH)), [this.position, last])
      ).rows;
      if (this.stopped) return;
      this.position = last;
      this.deliver({
        raw: rows.map((row) => ({
          id: row.id,
          type: row.type,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          occurredAt: new Date(row.occurred_at).toISOString(),
          payload: row.payload,
        })),
        typed,
        committedAt: rows.map((row) => row.committed_at),
      });
      if (rows.length < BATCH) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.poll) clearInterval(this.poll);
    await this.running;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
