import { GraphQLError } from 'graphql';
import type { EventRow } from './events.sql';

/** Live events one subscriber may have waiting before it is ended (it resumes from its cursor). */
export const MAX_QUEUED = 10_000;

const after = (a: string, b: string) => BigInt(a) > BigInt(b);

/**
 * The typed events this server's relay has read, fanned out to its subscriptions in commit order. One per
 * server (looked up through its compiler registry, so two servers in one process stay apart).
 */
export class EventHub {
  /** The last position relayed. */
  position = '0';
  private readonly streams = new Set<EpclEventStream>();

  /** `onCount` hears the number of open subscriptions whenever it changes (metrics). */
  constructor(private readonly onCount: (subscriptions: number) => void = () => undefined) {}

  publish(rows: EventRow[]): void {
    for (const row of rows) {
      if (!after(row.position, this.position)) continue;
      this.position = row.position;
      for (const stream of this.streams) stream.offer(row);
    }
  }

  get subscribers(): number {
    return this.streams.size;
  }

  /** Registers first (so nothing committed from now on can be missed), then replays. */
  open(
    accept: (row: EventRow) => boolean,
    replay: ((after: string) => Promise<EventRow[]>) | null,
    cursor: string | null,
    /** When the viewer's credential stops being valid: the subscription ends then (UNAUTHENTICATED). */
    expiresAt?: Date,
  ): EpclEventStream {
    const stream = new EpclEventStream(
      accept,
      replay,
      cursor ?? this.position,
      (s) => {
        if (this.streams.delete(s)) this.onCount(this.streams.size);
      },
      expiresAt,
    );
    this.streams.add(stream);
    this.onCount(this.streams.size);
    return stream;
  }
}

/**
 * One subscription's events: first every matching committed event after its cursor, read from the outbox
 * page by page, then the live events the relay hands over, without the ones the replay already sent (by
 * position). Registered with the hub before the replay starts, so an event committed during the replay is
 * either in a replayed page or in the live queue: no gap at the switch, and no duplicate. A hand-written
 * iterator: an async generator's return() would wait for the next event before closing.
 */
export class EpclEventStream implements AsyncIterableIterator<EventRow> {
  private readonly queue: EventRow[] = [];
  private page: EventRow[] = [];
  private replaying: boolean;
  private waiter: (() => void) | undefined;
  private closed = false;
  private overflow = false;
  private expired = false;
  private expiry: NodeJS.Timeout | undefined;

  constructor(
    private readonly accept: (row: EventRow) => boolean,
    private readonly replay: ((after: string) => Promise<EventRow[]>) | null,
    /** The last position sent (or the cursor the client resumed from). */
    private last: string,
    private readonly onClose: (stream: EpclEventStream) => void,
    expiresAt?: Date,
  ) {
    this.replaying = replay !== null;
    if (expiresAt) this.armExpiry(expiresAt);
  }

  /** setTimeout holds at most ~24.8 days: a later expiry re-arms when the first timer fires. */
  private armExpiry(expiresAt: Date): void {
    const ms = expiresAt.getTime() - Date.now();
    if (ms <= 0) {
      this.expired = true;
      this.onClose(this);
      this.waiter?.();
      return;
    }
    this.expiry = setTimeout(() => this.armExpiry(expiresAt), Math.min(ms, 2 ** 31 - 1));
    this.expiry.unref();
  }

  offer(row: EventRow): void {
    if (this.closed || !this.accept(row)) return;
    if (this.queue.length >= MAX_QUEUED) {
      this.overflow = true;
      this.onClose(this);
    } else this.queue.push(row);
    this.waiter?.();
  }

  async next(): Promise<IteratorResult<EventRow>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      if (this.expired) {
        this.close();
        throw new GraphQLError(
          'The credential of this subscription has expired: authenticate again and resume with your last cursor',
          {
            extensions: { code: 'UNAUTHENTICATED' },
          },
        );
      }
      if (this.replaying && this.replay) {
        if (!this.page.length) {
          this.page = await this.replay(this.last);
          if (!this.page.length) this.replaying = false;
        }
        const row = this.page.shift();
        if (row) {
          this.last = row.position;
          return { done: false, value: row };
        }
        continue;
      }
      while (this.queue.length) {
        const row = this.queue.shift()!;
        if (!after(row.position, this.last)) continue;
        this.last = row.position;
        return { done: false, value: row };
      }
      if (this.overflow) {
        this.close();
        throw new GraphQLError(
          `This subscription fell more than ${MAX_QUEUED} events behind and was ended: subscribe again with the cursor of the last event received`,
          { extensions: { code: 'SLOW_CONSUMER' } },
        );
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
      this.waiter = undefined;
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.expiry) clearTimeout(this.expiry);
    this.onClose(this);
    this.waiter?.();
  }

  return(): Promise<IteratorResult<EventRow>> {
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<EventRow>> {
    this.close();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<EventRow> {
    return this;
  }
}

const HUBS = new WeakMap<object, EventHub>();

/** The hub of the server whose compiler registry this is (set by `startEventStreaming`). */
export function hubFor(registry: object): EventHub {
  const hub = HUBS.get(registry);
  if (!hub) throw new Error('events: no event hub for this schema (startEventStreaming not called)');
  return hub;
}

export function registerHub(registry: object, hub: EventHub): void {
  HUBS.set(registry, hub);
}
