import type { Logger } from '../../core/logger';
import type { Metrics } from '../../core/metrics';
import { deriveSupplierImpact } from './event-derivations';
import { EventHub, registerHub } from './event-hub';
import { DomainEventRelay, type DomainEventMessage } from './event-relay';

const DECISIONS = new Set(['APPROVED', 'PARTIALLY_APPROVED']);

export type EventStreaming = {
  hub: EventHub;
  relay: DomainEventRelay;
  stop(): Promise<void>;
};

/**
 * Starts this server's event relay and hub: the relay reads committed events in commit order, the hub fans
 * the typed ones out to `epclEvents` subscriptions, and the raw ones go to the deprecated `domainEvents`.
 */
export async function startEventStreaming(options: {
  databaseUrl: string;
  /** The server's compiler registry: resolvers find this server's hub through it. */
  registry: object;
  publishRaw: (event: DomainEventMessage) => void;
  metrics: Metrics;
  log: Logger;
  pollMs?: number;
}): Promise<EventStreaming> {
  const { metrics } = options;
  const hub = new EventHub((n) => metrics.eventSubscribers.set(n));
  registerHub(options.registry, hub);
  const relay = new DomainEventRelay(
    options.databaseUrl,
    ({ raw, typed, committedAt }) => {
      const now = Date.now();
      for (const at of committedAt) if (at) metrics.eventRelayLag.observe((now - at.getTime()) / 1000);
      for (const event of raw) {
        metrics.eventsRelayed.inc({ type: event.type });
        options.publishRaw(event);
      }
      hub.publish(typed);
      // A report decided: what it changes for each supplier's installations, as events of their own.
      for (const row of typed)
        if (row.source_type === 'EpclReportStateChanged' && DECISIONS.has(String(row.payload.state)))
          void deriveSupplierImpact(
            options.databaseUrl,
            Number(row.aggregate_id),
            row.position,
            options.log,
          ).catch((error: unknown) =>
            options.log.warn('could not derive supplier impacts', { error, report: row.aggregate_id }),
          );
    },
    options.log,
    { pollMs: options.pollMs },
  );
  await relay.start();
  hub.position = relay.position;
  return { hub, relay, stop: () => relay.stop() };
}
