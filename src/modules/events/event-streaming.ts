import { Client } from 'pg';
import type { Logger } from '../../core/logger';
import type { Metrics } from '../../core/metrics';
import { SupplierImpactDerivations } from './event-derivations';
import { EventHub, registerHub } from './event-hub';
import { DomainEventRelay, type DomainEventMessage } from './event-relay';

const DECISIONS = new Set(['APPROVED', 'PARTIALLY_APPROVED']);

/** Report decisions of the last day without their SupplierImpact events (a decision no supplier's installations match has none, and is looked at again only for that day). */
async function pendingDecisions(databaseUrl: string): Promise<{ reportId: number; position: string }[]> {
  const client = new Client({
    connectionString: databaseUrl,
    application_name: 'dmc-catalogue-event-derivation',
  });
  // A lost connection fails the query in flight (the caller logs it), never the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ reportId: number; position: string }>(
      `select d.aggregate_id::int as "reportId", d.position::text as position from domain_event d
        where d.type = 'EpclReportStateChanged' and d.payload->>'state' in ('APPROVED', 'PARTIALLY_APPROVED')
          and d.position is not null and d.committed_at > now() - interval '1 day'
          and not exists (select 1 from domain_event x where x.aggregate_type = 'EpclReport' and x.aggregate_id = d.aggregate_id
                             and x.type = 'SupplierImpact' and x.payload->>'decision' = d.position::text)
        order by d.position desc limit 20`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

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
  const derivations = new SupplierImpactDerivations(options.databaseUrl, options.log);
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
          derivations.run(Number(row.aggregate_id), row.position);
    },
    options.log,
    { pollMs: options.pollMs },
  );
  await relay.start();
  hub.position = relay.position;
  // Decisions whose impacts no instance derived (all were down when it committed): derive them now.
  derivations.recover(pendingDecisions);
  // Stopping cancels the derivations running and waits for them (none outlives the server's close()).
  return { hub, relay, stop: async () => void (await Promise.all([relay.stop(), derivations.close()])) };
}
