// Upgrades: unmigrated installations that firmware upgrades would bring to a target DMC, by supplier and
// status, and the installations that are not migrating, by reason.
import { gql } from './api.js';
import { card, chart, COLORS, el, kpi, num, table } from './ui.js';

const STATUSES = ['active', 'dormant', 'mixed'];

export async function upgradesPage(url) {
  const { epclReport, suppliers, notMigrating, blocked } = await gql(`{
    epclReport(number: 22) {
      tested: entries(group: GROUP_1_TESTED, first: 100) { nodes { ...Entry } }
      equivalent: entries(group: GROUP_2_SE, first: 100) { nodes { ...Entry } }
    }
    suppliers { id name }
    notMigrating: installationsNotMigrating { migrationState exclusionCategory installations }
    blocked: blockedInstallations { byReason { code installs devices } }
  }
  fragment Entry on EpclEntry { epclId installationStatus dmc { id fingerprint label cohort { code } } }`);
  // Report 22's DMCs (an entry per status): the tested ones first (the default target), then the first
  // substantively equivalent ones.
  const targets = [];
  for (const e of [...epclReport.tested.nodes, ...epclReport.equivalent.nodes]) {
    const t = targets.find((x) => x.dmc.id === e.dmc.id);
    if (t) t.entries.push(e);
    else targets.push({ dmc: e.dmc, entries: [e] });
  }
  const target = targets.find((t) => t.dmc.id === url.searchParams.get('target')) ?? targets[0];
  const perSupplier = suppliers.map(
    (s, i) =>
      `s${i}: upgradeCandidates(targetDmc: $target, filter: { supplierId: "${s.id}" }, first: 1) { totals { installs { active dormant mixed total } } }`,
  );
  const data = await gql(
    `query Candidates($target: ID!) {
      all: upgradeCandidates(targetDmc: $target, first: 1) { totalCount totals { installs { active dormant mixed total } devices { total } } }
      ${perSupplier.join('\n')}
    }`,
    { target: target.dmc.id },
  );
  const bySupplier = suppliers
    .map((s, i) => ({ supplier: s.name, ...data[`s${i}`].totals.installs }))
    .filter((row) => row.total > 0);

  const picker = el(
    'select',
    { id: 'target', 'aria-label': 'Target DMC' },
    targets.map((t) =>
      el(
        'option',
        { value: t.dmc.id, selected: t === target },
        `${t.entries.map((e) => e.epclId).join('/')} · ${t.dmc.label ?? t.dmc.fingerprint}`,
      ),
    ),
  );
  picker.addEventListener('change', () => {
    window.location.search = `?target=${encodeURIComponent(picker.value)}`;
  });

  return [
    el('h1', {}, 'Firmware upgrade opportunities'),
    el('p', { class: 'sub' }, 'Target DMC (report 22): ', picker),
    el(
      'p',
      { class: 'muted' },
      `Cohort ${target.dmc.cohort.code} · fingerprint `,
      el('code', {}, target.dmc.fingerprint),
      ` · EPCL entries ${target.entries.map((e) => `${e.epclId} (${e.installationStatus.toLowerCase()})`).join(', ')}`,
    ),
    el(
      'div',
      { class: 'kpis' },
      kpi('Candidate installations', data.all.totals.installs.total, 'candidates-total'),
      kpi('Active', data.all.totals.installs.active, 'candidates-active'),
      kpi('Dormant', data.all.totals.installs.dormant, 'candidates-dormant'),
      kpi('Mixed', data.all.totals.installs.mixed, 'candidates-mixed'),
      kpi('Devices in them', data.all.totals.devices.total, 'candidates-devices'),
    ),
    el(
      'div',
      { class: 'grid' },
      el(
        'section',
        { class: 'card wide' },
        el('h2', {}, 'Candidates by supplier and status'),
        chart('candidates-by-supplier', {
          type: 'bar',
          data: {
            labels: bySupplier.map((r) => r.supplier),
            datasets: STATUSES.map((s, i) => ({
              label: s[0].toUpperCase() + s.slice(1),
              data: bySupplier.map((r) => r[s]),
              backgroundColor: COLORS[i],
            })),
          },
          options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
        }),
        table(
          [
            { label: 'Supplier', value: (r) => r.supplier },
            { label: 'Active', value: (r) => r.active, num: true },
            { label: 'Dormant', value: (r) => r.dormant, num: true },
            { label: 'Mixed', value: (r) => r.mixed, num: true },
            { label: 'Total', value: (r) => r.total, num: true },
          ],
          bySupplier,
          { 'data-table': 'candidates-by-supplier' },
        ),
      ),
      card(
        'Blocked installations, by reason',
        table(
          [
            { label: 'Reason', value: (r) => r.code.replaceAll('_', ' ') },
            { label: 'Installations', value: (r) => r.installs, num: true },
            { label: 'Devices', value: (r) => r.devices, num: true },
          ],
          blocked.byReason,
          { 'data-table': 'blocked-by-reason' },
        ),
        el(
          'p',
          { class: 'muted' },
          `${num(blocked.byReason.reduce((a, r) => a + r.installs, 0))} unmigrated or excluded installations cannot migrate today, each under the first reason its own DMC gives (blockedInstallations in the API, with a drill-down per reason).`,
        ),
      ),
      card(
        'Installations not migrating, by migration state',
        table(
          [
            { label: 'Migration state', value: (r) => r.migrationState.replaceAll('_', ' ') },
            { label: 'Reason', value: (r) => (r.exclusionCategory ?? '–').replaceAll('_', ' ') },
            { label: 'Installations', value: (r) => r.installations, num: true },
          ],
          notMigrating,
          { 'data-table': 'not-migrating' },
        ),
        el(
          'p',
          { class: 'muted' },
          `${num(notMigrating.reduce((a, r) => a + r.installations, 0))} installations are excluded, failed or in flight. Why one installation cannot reach a DMC: installation { eligibility { blockers } } in the API.`,
        ),
      ),
    ),
  ];
}
