// Live feed: typed EPCL events (`epclEvents`) as they commit, over graphql-ws. The subscription's `after`
// variable is kept at the cursor of the last event shown; graphql-ws re-sends the same subscription (the
// same payload object) on each reconnect, so the server first replays what was committed while the socket
// was down, in commit order, then continues live: nothing lost, nothing shown twice. (Until a first event has
// arrived there is no cursor: the feed starts with the events committed after the page opened.)
import { webSocketUrl } from './api.js';
import { el } from './ui.js';

const FIELDS = `__typename cursor type occurredAt
  ... on EpclEntryStateChanged { entry { id epclId } entryFrom: from entryTo: to reason }
  ... on EpclEntryAddedToList { entry { id epclId } addedOn }
  ... on EpclReportStateChanged { report { number } reportFrom: from reportTo: to reason }
  ... on ObjectionWindowClosing { report { number } closesOn workingDaysLeft }
  ... on ObjectionRecorded { report { number } }
  ... on TestReportStateChanged { testReport { documentRef } testFrom: from testTo: to }
  ... on TestingIssueChanged { testingIssue { ref } status }
  ... on SupplierImpact { report { number } supplierId installations becameEligible byFirmwareUpgrade }`;

/** What the event is about, for a person: an EPCL ID, report number, test report or testing issue. */
function subject(e) {
  if (e.entry) return e.entry.epclId ? `EPCL entry ${e.entry.epclId}` : 'EPCL entry (no EPCL ID yet)';
  if (e.report) return `Report ${e.report.number}`;
  if (e.testReport) return `Test report ${e.testReport.documentRef ?? ''}`.trim();
  if (e.testingIssue) return `Testing issue ${e.testingIssue.ref}`;
  return e.type;
}

function describe(e) {
  switch (e.__typename) {
    case 'EpclEntryStateChanged':
      return `${e.entryFrom ?? 'new'} → ${e.entryTo}${e.reason ? `: ${e.reason}` : ''}`;
    case 'EpclEntryAddedToList':
      return `added to the EPCL${e.addedOn ? ` on ${e.addedOn}` : ''}`;
    case 'EpclReportStateChanged':
      return `${e.reportFrom} → ${e.reportTo}${e.reason ? `: ${e.reason}` : ''}`;
    case 'ObjectionWindowClosing':
      return `objection window closes on ${e.closesOn} (${e.workingDaysLeft} working days left)`;
    case 'ObjectionRecorded':
      return 'objection recorded';
    case 'TestReportStateChanged':
      return `${e.testFrom} → ${e.testTo}`;
    case 'TestingIssueChanged':
      return e.status;
    case 'SupplierImpact':
      return `supplier ${e.supplierId}: ${e.becameEligible} of ${e.installations} installations became eligible (${e.byFirmwareUpgrade} by firmware upgrade)`;
    default:
      return '';
  }
}

export async function livePage() {
  const status = el('span', { class: 'status connecting', dataset: { status: 'connecting' } }, 'connecting…');
  const list = el('ul', { class: 'feed', dataset: { feed: 'events' } });
  const counter = el('span', { dataset: { metric: 'live-count' } }, '0');
  const seen = new Set();
  const variables = { after: null };

  const show = (e) => {
    if (seen.has(e.cursor)) return;
    seen.add(e.cursor);
    // Events arrive in commit order: the last one's cursor is where a reconnect resumes.
    variables.after = e.cursor;
    list.prepend(
      el(
        'li',
        { dataset: { cursor: e.cursor, type: e.__typename, entry: e.entry?.id ?? '' } },
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
      },
      closed: () => setStatus('reconnecting', 'disconnected: reconnecting…'),
    },
  });
  client.subscribe(
    {
      query: `subscription Live($after: String) { epclEvents(after: $after) { ${FIELDS} } }`,
      // The same object is sent again on every reconnect, with the last cursor seen.
      variables,
    },
    {
      next: ({ data, errors }) => {
        if (data) show(data.epclEvents);
        else if (errors) setStatus('reconnecting', `error: ${errors[0].message}`);
      },
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
      'Typed EPCL events as they commit (entry and report state changes, objection windows and objections, test reports, testing issues, supplier impacts), from when this page opened; a reconnect resumes where it stopped. Status: ',
      status,
      ' · events shown: ',
      counter,
    ),
    el('section', { class: 'card' }, list),
  ];
}
