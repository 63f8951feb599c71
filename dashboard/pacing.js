// Pacing (EPCL Report 22, Annex C): daily attempts against plan and capacity, failure rates by DMC and cohort
// against their thresholds, the actions the rules recommend, and the Go/No-go record.
import { gql } from './api.js';
import { badge, card, chart, day, el, kpi, pct, table } from './ui.js';

const PACING = `query Pacing($date: LocalDate!) {
  pacing(date: $date, historyDays: 28) {
    date windowFrom capacity planned attempted succeeded failed paused
    thresholds { windowDays expectedFailureRate minAttempts throttleFactor haltFactor }
    allocations { supplier status planned }
    failureRateByDmc { dmc { id label fingerprint } cohort rate attempts failed expected throttleAbove haltAbove anomalous }
    failureRateByCohort { cohort rate attempts failed expected throttleAbove haltAbove anomalous }
    newErrorCodes
    recommendations { dmc { id label fingerprint } cohort action reason evidence }
    decision { date decision decidedBy reason }
    decisions { date decision decidedBy reason recordedAt }
    actions { date action reason recordedBy cohort dmc { label fingerprint } }
    history { date capacity planned attempted succeeded failed }
  }
}`;

const RECORD = `mutation Record($input: RecordGoNoGoDecisionInput!) {
  recordGoNoGoDecision(input: $input) { decision { id } userErrors { message field } }
}`;

/** Records the day's Go/No-go through the API, then shows the page again with it. */
function decisionForm(date) {
  const decision = el('select', { name: 'decision' }, el('option', {}, 'GO'), el('option', {}, 'NO_GO'));
  const decidedBy = el('input', { name: 'decidedBy', required: true, placeholder: 'Who decides', size: 18 });
  const reason = el('input', { name: 'reason', required: true, placeholder: 'Why', size: 30 });
  const message = el('p', { class: 'error', role: 'status' });
  const form = el(
    'form',
    { dataset: { form: 'go-no-go' } },
    el('h2', {}, `Record the Go/No-go for ${day(date)}`),
    decision,
    ' ',
    decidedBy,
    ' ',
    reason,
    ' ',
    el('button', { type: 'submit' }, 'Record'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = { date, decision: decision.value, decidedBy: decidedBy.value, reason: reason.value };
    gql(RECORD, { input })
      .then(({ recordGoNoGoDecision: r }) => {
        if (r.userErrors.length) message.textContent = r.userErrors.map((e) => e.message).join('\n');
        else window.location.reload();
      })
      .catch((error) => (message.textContent = error.message));
  });
  return form;
}

const dmcName = (dmc) => (dmc ? (dmc.label ?? dmc.fingerprint) : null);

export async function pacingPage(url) {
  const date = url.searchParams.get('date') ?? (await gql('{ latestPacingDate }')).latestPacingDate;
  if (!date)
    return [
      el('h1', {}, 'Migration pacing'),
      el('p', { class: 'muted' }, 'No migration plan or attempt yet.'),
    ];
  const { pacing: p } = await gql(PACING, { date });
  const t = p.thresholds;
  // The DMCs worth a bar: the 15 with the most attempts in the window, worst first.
  const shown = [...p.failureRateByDmc]
    .sort((a, b) => b.attempts - a.attempts)
    .slice(0, 15)
    .sort((a, b) => b.rate - a.rate);
  const history = p.history.filter((d) => d.planned > 0 || d.attempted > 0);
  const top = Math.ceil(Math.max(1, ...history.flatMap((d) => [d.capacity, d.planned, d.attempted])) * 1.1);

  return [
    el('h1', {}, `Migration pacing · ${day(p.date)}`),
    el(
      'p',
      { class: 'sub' },
      `Window ${day(p.windowFrom)} – ${day(p.date)} (${t.windowDays} days). Expected failure rate ${pct(t.expectedFailureRate)}; throttle above × ${t.throttleFactor}, halt or pause above × ${t.haltFactor}; judged from ${t.minAttempts} attempts. `,
      p.paused ? badge('PAUSE') : null,
    ),
    el(
      'div',
      { class: 'kpis' },
      kpi('Capacity (installations a day)', p.capacity, 'pacing-capacity'),
      kpi('Planned', p.planned, 'pacing-planned'),
      kpi('Attempted', p.attempted, 'pacing-attempted'),
      kpi('Succeeded', p.succeeded, 'pacing-succeeded'),
      kpi('Failed', p.failed, 'pacing-failed'),
      el(
        'div',
        { class: 'card kpi' },
        el(
          'div',
          { class: 'value', dataset: { metric: 'pacing-decision' } },
          p.decision ? badge(p.decision.decision) : '–',
        ),
        el(
          'div',
          { class: 'label' },
          p.decision ? `Go/No-go by ${p.decision.decidedBy}` : 'No Go/No-go recorded',
        ),
      ),
    ),
    el(
      'div',
      { class: 'grid' },
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, 'Recommended actions'),
        p.recommendations.length
          ? table(
              [
                { label: 'Action', value: (r) => badge(r.action) },
                { label: 'DMC / cohort', value: (r) => dmcName(r.dmc) ?? r.cohort ?? 'all migrations' },
                { label: 'Why', value: (r) => r.reason.replaceAll('_', ' ').toLowerCase() },
                { label: 'Evidence', value: (r) => r.evidence },
              ],
              p.recommendations,
              { 'data-table': 'recommendations' },
            )
          : el('p', { class: 'muted' }, 'Nothing to recommend.'),
        p.newErrorCodes.length
          ? el(
              'p',
              {},
              'Error codes not expected in the migration process: ',
              el('strong', {}, p.newErrorCodes.join(', ')),
            )
          : null,
      ),
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, 'Daily attempts against plan and capacity'),
        chart('pacing-attempts', {
          data: {
            labels: history.map((d) => d.date.slice(5)),
            datasets: [
              {
                type: 'bar',
                label: 'Succeeded',
                data: history.map((d) => d.succeeded),
                backgroundColor: '#2e7d32',
                stack: 'a',
              },
              {
                type: 'bar',
                label: 'Failed',
                data: history.map((d) => d.failed),
                backgroundColor: '#c62828',
                stack: 'a',
              },
              {
                type: 'line',
                label: 'Planned',
                data: history.map((d) => d.planned),
                borderColor: '#0b5cad',
                backgroundColor: '#0b5cad',
                pointRadius: 2,
                yAxisID: 'lines',
              },
              {
                type: 'line',
                label: 'Capacity',
                data: history.map((d) => d.capacity),
                borderColor: '#e08a00',
                borderDash: [6, 4],
                pointRadius: 0,
                yAxisID: 'lines',
              },
            ],
          },
          // The lines are on an unstacked, hidden axis of the same range: only the bars add up.
          options: {
            scales: {
              x: { stacked: true },
              y: {
                stacked: true,
                beginAtZero: true,
                max: top,
                title: { display: true, text: 'installations' },
              },
              lines: { display: false, beginAtZero: true, max: top },
            },
          },
        }),
      ),
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, `Failure rate by DMC over the window (the ${shown.length} with the most attempts)`),
        chart('pacing-dmc-rates', {
          data: {
            labels: shown.map((d) => (dmcName(d.dmc) ?? '').slice(0, 28)),
            datasets: [
              {
                type: 'bar',
                label: 'Failure rate %',
                data: shown.map((d) => +(d.rate * 100).toFixed(2)),
                backgroundColor: shown.map((d) =>
                  d.rate > d.haltAbove ? '#c62828' : d.anomalous ? '#e08a00' : '#0b5cad',
                ),
              },
              {
                type: 'line',
                label: 'Expected %',
                data: shown.map((d) => d.expected * 100),
                borderColor: '#2e7d32',
                pointRadius: 0,
              },
              {
                type: 'line',
                label: 'Throttle above %',
                data: shown.map((d) => d.throttleAbove * 100),
                borderColor: '#e08a00',
                borderDash: [6, 4],
                pointRadius: 0,
              },
              {
                type: 'line',
                label: 'Halt above %',
                data: shown.map((d) => d.haltAbove * 100),
                borderColor: '#c62828',
                borderDash: [2, 3],
                pointRadius: 0,
              },
            ],
          },
          options: {
            scales: { y: { beginAtZero: true, title: { display: true, text: '% of attempts failed' } } },
          },
        }),
        table(
          [
            { label: 'DMC', value: (d) => dmcName(d.dmc) },
            { label: 'Cohort', value: (d) => d.cohort },
            { label: 'Attempts', value: (d) => d.attempts, num: true },
            { label: 'Failed', value: (d) => d.failed, num: true },
            { label: 'Rate', value: (d) => pct(d.rate) },
            { label: 'Expected', value: (d) => pct(d.expected) },
            {
              label: '',
              value: (d) =>
                d.anomalous
                  ? badge(d.rate > d.haltAbove ? 'HALT_DMC' : 'THROTTLE')
                  : d.rate > d.throttleAbove
                    ? el('span', { class: 'muted' }, `above threshold, fewer than ${t.minAttempts} attempts`)
                    : '',
            },
          ],
          shown,
          { 'data-table': 'dmc-rates' },
        ),
      ),
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, 'Failure rate by cohort over the window'),
        table(
          [
            { label: 'Cohort', value: (c) => c.cohort },
            { label: 'Attempts', value: (c) => c.attempts, num: true },
            { label: 'Failed', value: (c) => c.failed, num: true },
            { label: 'Rate', value: (c) => pct(c.rate) },
            { label: 'Expected', value: (c) => pct(c.expected) },
            {
              label: 'Scale down / pause above',
              value: (c) => `${pct(c.throttleAbove)} / ${pct(c.haltAbove)}`,
            },
            {
              label: '',
              value: (c) => (c.anomalous ? badge(c.rate > c.haltAbove ? 'PAUSE' : 'SCALE_DOWN') : ''),
            },
          ],
          p.failureRateByCohort,
          { 'data-table': 'cohort-rates' },
        ),
      ),
      card(
        "Today's plan by supplier and status",
        table(
          [
            { label: 'Supplier', value: (a) => a.supplier },
            { label: 'Status', value: (a) => a.status[0] },
            { label: 'Planned', value: (a) => a.planned, num: true },
          ],
          p.allocations,
          { 'data-table': 'allocations' },
        ),
      ),
      card(
        'Go/No-go record',
        table(
          [
            { label: 'Day', value: (d) => day(d.date) },
            { label: 'Decision', value: (d) => badge(d.decision) },
            { label: 'By', value: (d) => d.decidedBy },
            { label: 'Why', value: (d) => d.reason },
          ],
          p.decisions,
          { 'data-table': 'decisions' },
        ),
        decisionForm(p.date),
      ),
      card(
        'Pacing actions taken',
        p.actions.length
          ? table(
              [
                { label: 'Day', value: (a) => day(a.date) },
                { label: 'Action', value: (a) => badge(a.action) },
                { label: 'On', value: (a) => dmcName(a.dmc) ?? a.cohort ?? 'all' },
                { label: 'Why', value: (a) => a.reason },
              ],
              p.actions,
              { 'data-table': 'actions' },
            )
          : el('p', { class: 'muted' }, 'None in the window.'),
      ),
    ),
  ];
}
