import { Client } from 'pg';
import type { Logger } from '../../core/logger';

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
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
};

/**
 * Relays committed domain events to subscribers. The outbox trigger NOTIFYs `domain_event` with the row id
 * inside the writing transaction, so PostgreSQL delivers the notification only if that transaction commits.
 * The relay reads the row and hands it to `publish`. It reconnects with backoff if the connection drops.
 */
export class DomainEventRelay {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly publish: (event: DomainEventMessage) => void,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(attempt = 0): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'dmc-catalogue-event-relay' });
    client.on('error', (error) => {
      this.log.warn('event relay connection lost; reconnecting', { error });
      this.reconnect(attempt + 1);
    });
    client.on('notification', (message) => {
      if (message.channel !== 'domain_event' || !message.payload) return;
      void this.deliver(client, message.payload);
    });
    await client.connect();
    await client.query('listen domain_event');
    this.client = client;
  }

  private reconnect(attempt: number): void {
    const previous = this.client;
    this.client = undefined;
    void previous?.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = Math.min(30_000, 250 * 2 ** attempt);
    this.retry = setTimeout(() => {
      this.connect(attempt).catch((error) => {
        this.log.warn('event relay reconnect failed', { error, attempt });
        this.reconnect(attempt + 1);
      });
    }, delay);
  }

  private async deliver(client: Client, id: string): Promise<void> {
    try {
      const { rows } = await client.query<DomainEventRow>(
        `select id::text, type, aggregate_type, aggregate_id, occurred_at, payload from domain_event where id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return;
      this.publish({
        id: row.id,
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        payload: row.payload,
      });
    } catch (error) {
      this.log.warn('could not relay a domain event', { error, id });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
