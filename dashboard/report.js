// One EPCL report: its process dates, Live Service Criteria with RAG, groups, published versus recomputed
// volumes, the objection window on the working-day calendar, and what approval would make eligible.
import { gql } from './api.js';
import { badge, card, chart, day, el, kpi, num, table } from './ui.js';

const REPORT = `query Report($number: Int!) {
  epclReport(number: $number) {
    number title version state reportDate dmctTranches sscMode sscConfirmedOn listsPublishedOn publishedOn
    secasNotifiedOn objectionDeadline objectionsTo sosDecision sosDecidedOn
    history(first: 100) { nodes { fromState toState effectiveOn actor reason } }
    entries { totalCount }
    group1: entries(group: GROUP_1_TESTED, first: 1) { totalCount }
    group2: entries(group: GROUP_2_SE, first: 1) { totalCount }
    publishedUpgradeableInstalls { value asOf source }
    criteria { number title rag commentary }
    volumes { tables { section totals { basis published { installs { total } } recomputed { installs { active dormant mixed total } } }
              rows { basis published { installs { total } } recomputed { installs { total } } } } }
    impact { direct { active dormant mixed total } byFirmwareUpgrade { active dormant mixed total } total { active dormant mixed total } }
  }
}`;

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The days from the SECAS notification to just after the deadline, weekends and bank holidays marked. */
function objectionCalendar(from, deadline, holidays) {
  const names = new Map(holidays.map((h) => [h.date, h.name]));
  const days = [];
  let working = 0;
  for (let d = from; d <= addDays(deadline, 2); d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const holiday = names.get(d);
    const off = weekday === 0 || weekday === 6 || holiday !== undefined;
    if (!off && d > from && d <= deadline) working++;
    const classes = [
      'day',
      off && 'off',
      holiday && 'holiday',
      d > from && d <= deadline && 'window',
      d === deadline && 'deadline',
    ];
    days.push(
      el(
        'div',
        { class: classes.filter(Boolean).join(' '), dataset: { date: d } },
        el('div', {}, day(d).replace(/ \d{4}$/, '')),
        el(
          'div',
          {},
          holiday ??
            (off
              ? 'weekend'
              : d === from
                ? 'notified'
                : d > from && d <= deadline
                  ? `working day ${working}`
                  : ''),
        ),
      ),
    );
  }
  return el('div', { class: 'calendar' }, days);
}

const SECTIONS = {
  OVERALL: 'Overall',
  GROUP_1_TESTED: 'Group 1',
  GROUP_2_SE: 'Group 2',
  GROUPS_1_AND_2: 'Groups 1 & 2',
};
const BASIS = { AT_TARGET_FW: 'at target FW', POTENTIAL_FW_UPGRADE: 'potential FW upgrade' };

export async function reportPage(url) {
  const number = Number(url.pathname.split('/').pop());
  const { epclReport: r } = await gql(REPORT, { number });
  const from = r.secasNotifiedOn;
  const { bankHolidays } =
    from && r.objectionDeadline
      ? await gql(
          `query H($from: LocalDate!, $to: LocalDate!) { bankHolidays(from: $from, to: $to) { date name } }`,
          {
            from,
            to: addDays(r.objectionDeadline, 2),
          },
        )
      : { bankHolidays: [] };

  const milestones = [
    ['Report dated', r.reportDate],
    [
      `SSC confirmed no new security risks${r.sscMode ? ` (${r.sscMode.toLowerCase()})` : ''}`,
      r.sscConfirmedOn,
    ],
    ['DMCT lists published', r.listsPublishedOn],
    ['Report published (Clause 20.43)', r.publishedOn],
    ['SECAS notified: objection window opens', r.secasNotifiedOn],
    ['Objection deadline (5 working days)', r.objectionDeadline],
    [`Secretary of State decision${r.sosDecision ? `: ${r.sosDecision}` : ''}`, r.sosDecidedOn],
  ];
  const rows = r.volumes.tables.flatMap((t) => [...t.rows].map((row) => ({ section: t.section, ...row })));

  return [
    el('h1', {}, r.title),
    el(
      'p',
      { class: 'sub' },
      `Version ${r.version ?? '–'} · DMCT tranches ${r.dmctTranches.join(', ')} · state `,
      badge(r.state),
    ),
    el(
      'div',
      { class: 'kpis' },
      kpi('Entries requested', r.entries.totalCount, 'report-entries'),
      kpi('Group 1 (tested)', r.group1.totalCount, 'report-group1'),
      kpi('Group 2 (substantively equivalent)', r.group2.totalCount, 'report-group2'),
      kpi('Eligible if approved (recomputed)', r.impact.total.total, 'report-impact'),
      kpi(
        `Upgradeable installs as published${r.publishedUpgradeableInstalls?.asOf ? ` (${day(r.publishedUpgradeableInstalls.asOf)})` : ''}`,
        r.publishedUpgradeableInstalls?.value,
        'report-published-upgradeable',
      ),
    ),
    el(
      'div',
      { class: 'grid' },
      card(
        'Process',
        el(
          'ol',
          { class: 'timeline' },
          milestones.map(([label, date]) =>
            el('li', { class: date ? null : 'pending' }, el('strong', {}, day(date)), ' ', label),
          ),
        ),
        r.objectionsTo ? el('p', { class: 'muted' }, `Objections to ${r.objectionsTo}`) : null,
        r.history.nodes.length
          ? el(
              'div',
              {},
              el('h3', {}, 'Recorded changes of state'),
              el(
                'ol',
                { class: 'timeline', 'data-table': 'report-history' },
                r.history.nodes.map((h) =>
                  el(
                    'li',
                    {},
                    el('strong', {}, day(h.effectiveOn)),
                    ` ${(h.fromState ?? 'new').replaceAll('_', ' ')} → ${h.toState.replaceAll('_', ' ')}`,
                    el('span', { class: 'muted' }, ` · ${h.actor}${h.reason ? ` · ${h.reason}` : ''}`),
                  ),
                ),
              ),
            )
          : el(
              'p',
              { class: 'muted' },
              'No change of state recorded since the platform began keeping history.',
            ),
      ),
      card(
        'Live Service Criteria',
        table(
          [
            { label: '#', value: (c) => c.number },
            { label: 'Criterion', value: (c) => c.title },
            { label: 'RAG', value: (c) => badge(c.rag) },
          ],
          r.criteria,
          { 'data-table': 'criteria' },
        ),
      ),
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, 'Installations: published versus recomputed from the inventory'),
        chart('report-volumes', {
          type: 'bar',
          data: {
            labels: rows.map((row) => `${SECTIONS[row.section] ?? row.section}, ${BASIS[row.basis]}`),
            datasets: [
              {
                label: 'Published',
                data: rows.map((row) => row.published?.installs.total ?? 0),
                backgroundColor: '#546e7a',
              },
              {
                label: 'Recomputed',
                data: rows.map((row) => row.recomputed.installs.total),
                backgroundColor: '#0b5cad',
              },
            ],
          },
          options: { scales: { y: { beginAtZero: true } } },
        }),
        table(
          [
            { label: 'Table', value: (row) => SECTIONS[row.section] ?? row.section },
            { label: 'Basis', value: (row) => BASIS[row.basis] },
            { label: 'Published', value: (row) => row.published?.installs.total, num: true },
            { label: 'Recomputed', value: (row) => row.recomputed.installs.total, num: true },
          ],
          rows,
          { 'data-table': 'volumes' },
        ),
      ),
      card(
        'Objection window',
        from && r.objectionDeadline
          ? objectionCalendar(from, r.objectionDeadline, bankHolidays)
          : el('p', { class: 'muted' }, 'SECAS has not been notified yet.'),
      ),
      card(
        'Impact if approved',
        table(
          [
            { label: '', value: (x) => x.label },
            { label: 'Active', value: (x) => x.c.active, num: true },
            { label: 'Dormant', value: (x) => x.c.dormant, num: true },
            { label: 'Mixed', value: (x) => x.c.mixed, num: true },
            { label: 'Total', value: (x) => x.c.total, num: true },
          ],
          [
            { label: 'At target firmware', c: r.impact.direct },
            { label: 'After a firmware upgrade', c: r.impact.byFirmwareUpgrade },
            { label: 'Total', c: r.impact.total },
          ],
          { 'data-table': 'impact' },
        ),
        el(
          'p',
          { class: 'muted' },
          `Installations that become eligible through this report’s entries: ${num(r.impact.total.total)}.`,
        ),
      ),
    ),
  ];
}
