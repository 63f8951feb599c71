// Overview: how the EPCL grows report by report, where entries stand by state and cohort, and the reports
// still in their statutory process with their next deadline.
import { gql } from './api.js';
import { card, chart, day, el, kpi, num, table, badge } from './ui.js';

const CLOSED = ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'WITHDRAWN'];
const STATES = [
  'CANDIDATE',
  'ON_DMCT_SCHEDULE',
  'EXCLUDED_FROM_SCHEDULE',
  'IN_TEST',
  'TEST_REPORT_DRAFT',
  'TEST_REPORT_FINAL',
  'PROPOSED',
  'APPROVED',
  'ON_EPCL',
  'REJECTED',
  'WITHDRAWN',
  'REMOVED',
];

/** What a report in progress waits for next, and by when when the law gives a date. */
function nextStep(r) {
  switch (r.state) {
    case 'DRAFTING':
    case 'SSC_REVIEW':
      return ['SSC confirmation', null];
    case 'SSC_CONFIRMED':
      return ['Publication (Clause 20.43)', null];
    case 'PUBLISHED':
    case 'OBJECTION_WINDOW_OPEN':
      return ['Objection window closes', r.objectionDeadline];
    default:
      return ['Secretary of State decision', null];
  }
}

export async function overviewPage() {
  const { epclReports, cohorts } = await gql(`{
    epclReports(first: 100, orderBy: [NUMBER_ASC]) {
      totalCount
      nodes { number title state reportDate publishedOn secasNotifiedOn objectionDeadline sosDecidedOn entries { totalCount } }
    }
    cohorts { code name }
  }`);
  // One count per state and cohort: aliased root fields in one request.
  const fields = STATES.flatMap((s) =>
    cohorts.map(
      (c) =>
        `${s}__${c.code}: epclEntries(filter: { states: [${s}], cohorts: ["${c.code}"] }, first: 1) { totalCount }`,
    ),
  );
  // The API refuses more than 15 aliases in one operation (README, "Limits"): ask in batches of 12.
  const batches = [];
  for (let i = 0; i < fields.length; i += 12) batches.push(fields.slice(i, i + 12));
  const counts = Object.assign(
    {},
    ...(await Promise.all([
      gql(`{ all: epclEntries(first: 1) { totalCount } }`),
      ...batches.map((batch) => gql(`{ ${batch.join('\n')} }`)),
    ])),
  );

  const reports = epclReports.nodes;
  let cumulative = 0;
  const cumulativeSeries = reports.map((r) => (cumulative += r.entries.totalCount));
  const onEpcl = cohorts.reduce((sum, c) => sum + counts[`ON_EPCL__${c.code}`].totalCount, 0);
  const inProgress = reports.filter((r) => !CLOSED.includes(r.state));
  const latest = reports[reports.length - 1];

  const stateRows = STATES.map((s) => ({
    state: s,
    byCohort: cohorts.map((c) => counts[`${s}__${c.code}`].totalCount),
  })).filter((r) => r.byCohort.some((n) => n > 0));

  return [
    el('h1', {}, 'EPCL overview'),
    el('p', { class: 'sub' }, 'Every figure is read from the GraphQL API at page load.'),
    el(
      'div',
      { class: 'kpis' },
      kpi('EPCL entries (all states)', counts.all.totalCount, 'entries-total'),
      kpi('Entries on the EPCL', onEpcl, 'entries-on-epcl'),
      kpi('EPCL reports', epclReports.totalCount, 'reports-total'),
      kpi(
        `Entries requested in report ${latest?.number ?? '–'}`,
        latest?.entries.totalCount,
        'latest-report-entries',
      ),
    ),
    el(
      'div',
      { class: 'grid' },
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, 'Entries requested per report, and cumulative'),
        chart('entries-per-report', {
          data: {
            labels: reports.map((r) => `R${r.number}`),
            datasets: [
              {
                type: 'bar',
                label: 'Entries in the report',
                data: reports.map((r) => r.entries.totalCount),
                backgroundColor: '#0b5cad',
                yAxisID: 'y',
              },
              {
                type: 'line',
                label: 'Cumulative',
                data: cumulativeSeries,
                borderColor: '#e08a00',
                backgroundColor: '#e08a00',
                yAxisID: 'y1',
                pointRadius: 2,
              },
            ],
          },
          options: {
            scales: {
              y: { beginAtZero: true, title: { display: true, text: 'entries' } },
              y1: {
                beginAtZero: true,
                position: 'right',
                grid: { drawOnChartArea: false },
                title: { display: true, text: 'cumulative' },
              },
            },
          },
        }),
      ),
      card(
        'Entries by state and cohort',
        table(
          [
            { label: 'State', value: (r) => r.state.replaceAll('_', ' ') },
            ...cohorts.map((c, i) => ({
              label: c.code.replace('_', ' '),
              value: (r) => r.byCohort[i],
              num: true,
            })),
            { label: 'Total', value: (r) => r.byCohort.reduce((a, b) => a + b, 0), num: true },
          ],
          stateRows,
          { 'data-table': 'entries-by-state' },
        ),
      ),
      card(
        'Reports in progress',
        inProgress.length === 0
          ? el('p', { class: 'muted' }, 'None: every report has a decision.')
          : table(
              [
                {
                  label: 'Report',
                  value: (r) => el('a', { href: `/dashboard/reports/${r.number}` }, `Report ${r.number}`),
                },
                { label: 'State', value: (r) => badge(r.state) },
                { label: 'Next', value: (r) => nextStep(r)[0] },
                { label: 'By', value: (r) => day(nextStep(r)[1]) },
                { label: 'Entries', value: (r) => r.entries.totalCount, num: true },
              ],
              inProgress,
              { 'data-table': 'reports-in-progress' },
            ),
        el('p', { class: 'muted' }, `${num(reports.length - inProgress.length)} reports decided.`),
      ),
    ),
  ];
}
