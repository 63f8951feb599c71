import type { Logger } from '../../core/logger';
import type { Metrics } from '../../core/metrics';
import { EventHub, registerHub } from './event-hub';
import { DomainEventRelay, type DomainEventMessage } from './event-relay';

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
  const hub = new EventHub();
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
    },
    options.log,
    { pollMs: options.pollMs },
  );
  await relay.start();
  hub.position = relay.position;
  return { hub, relay, stop: () => relay.stop() };
}
