// Live feed: committed domain events as they happen (graphql-ws). On a reconnect it first asks the outbox
// for what it missed (recentDomainEvents after the last event seen, in commit order), so no event is lost
// while offline. (It shows pacing events too, which the typed `epclEvents` does not carry, so it stays on
// the deprecated `domainEvents`.)
import { gql, webSocketUrl } from './api.js';
import { el } from './ui.js';

const FIELDS = 'id type aggregateType aggregateId occurredAt payload';

/** What the event is about, for a person: an EPCL ID or report number where the payload has one. */
function subject(e) {
  const p = e.payload;
  if (p.epclId) return `EPCL entry ${p.epclId}`;
  if (e.aggregateType === 'EpclReport' && p.number) return `Report ${p.number}`;
  return `${e.aggregateType} ${e.aggregateId}`;
}

function describe(e) {
  const p = e.payload;
  if (p.state && p.previousState) return `${p.previousState} → ${p.state}`;
  if (p.action) return `${p.action} on ${p.actionDate}${p.reason ? `: ${p.reason}` : ''}`;
  if (p.decision) return `${p.decision} for ${p.decisionDate}${p.reason ? `: ${p.reason}` : ''}`;
  return Object.entries(p)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(', ');
}

export async function livePage() {
  const status = el('span', { class: 'status connecting', dataset: { status: 'connecting' } }, 'connecting…');
  const list = el('ul', { class: 'feed', dataset: { feed: 'events' } });
  const counter = el('span', { dataset: { metric: 'live-count' } }, '0');
  const seen = new Set();
  let lastId = null;

  const show = (e) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    // Events arrive in commit order (ids are not: a later id can commit first), so the last one seen is
    // where a catch-up resumes.
    lastId = e.id;
    list.prepend(
      el(
        'li',
        { dataset: { eventId: e.id, type: e.type, aggregate: `${e.aggregateType}:${e.aggregateId}` } },
        el('strong', {}, e.type),
        ` · ${subject(e)} · ${describe(e)} `,
        el('span', { class: 'muted' }, new Date(e.occurredAt).toLocaleTimeString('en-GB')),
      ),
    );
    counter.textContent = String(seen.size);
  };
  const setStatus = (name, text) => {
    status.className = `status ${name}`;
    status.dataset.status = name;
    status.textContent = text;
  };

  const { recentDomainEvents } = await gql(`{ recentDomainEvents(limit: 20) { ${FIELDS} } }`);
  recentDomainEvents.forEach(show);

  let connections = 0;
  const client = graphqlWs.createClient({
    url: webSocketUrl(),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** retries))),
    on: {
      connected: () => {
        connections++;
        setStatus('connected', connections > 1 ? `connected (reconnected ${connections - 1}×)` : 'connected');
        if (connections > 1) void catchUp();
      },
      closed: () => setStatus('reconnecting', 'disconnected: reconnecting…'),
    },
  });
  const catchUp = async () => {
    const { recentDomainEvents: missed } = await gql(
      `query Missed($after: ID) { recentDomainEvents(after: $after, limit: 200) { ${FIELDS} } }`,
      { after: lastId },
    );
    missed.forEach(show);
  };
  client.subscribe(
    { query: `subscription { domainEvents { ${FIELDS} } }` },
    {
      next: ({ data }) => data && show(data.domainEvents),
      error: (error) => setStatus('reconnecting', `error: ${error.message ?? error}`),
      complete: () => undefined,
    },
  );
  // For tests and for the curious: the client, so a reconnect can be forced (window.dashboardLive.client.terminate()).
  window.dashboardLive = { client };

  return [
    el('h1', {}, 'Live feed'),
    el(
      'p',
      { class: 'sub' },
      'EPCL entry and report state changes, test reports, testing issues, Go/No-go decisions and pacing actions, as they commit. Status: ',
      status,
      ' · events shown: ',
      counter,
    ),
    el('section', { class: 'card' }, list),
  ];
}
