import type { Client } from 'pg';
import { TEST_INVENTORY } from '../support/inventory';
import { connectTestDatabase } from '../support/db';
import { loadReference, referenceMatches } from '../support/reference';
import { candidatesCtes, deviceHopsJson } from '../../src/modules/eligibility/upgrade.sql';
import { secureMigratedCount } from '../../seeds/inventory';

/** The seed document, as the database holds it. */
let db: Client;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ db, done } = await connectTestDatabase());
});
afterAll(() => done());

const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const value = async <T>(sql: string, params: unknown[] = []) =>
  Object.values((await rows<Record<string, T>>(sql, params))[0])[0];

describe('EPCL Report 22 as encoded from the seed', () => {
  it('rests every Group 2 entry on a Group 1 entry of its own installation status', async () => {
    const mismatched = await rows<{ epcl_id: string }>(
      `select e.epcl_id from epcl_report_entry re join epcl_report r on r.id = re.report_id
         join epcl_entry e on e.id = re.entry_id join epcl_entry b on b.id = e.basis_entry_id
         join epcl_report_entry rb on rb.entry_id = b.id and rb.report_id = r.id
        where r.number = 22 and re.report_group = 'GROUP_2_SE'
          and (b.installation_status <> e.installation_status or rb.report_group <> 'GROUP_1_TESTED')`,
    );
    expect(mismatched).toEqual([]);
    expect(
      await value<number>(
        `select count(*)::int from epcl_report_entry re join epcl_report r on r.id = re.report_id
          where r.number = 22 and re.report_group = 'GROUP_2_SE'`,
      ),
    ).toBe(431);
  });

  it('says "differing only in firmware" only where the device models are the same', async () => {
    const relations = await rows<{ rationale: string; same_models: boolean }>(
      `select r.rationale, ms.model_signature = mb.model_signature as same_models
         from dmc_relation r join dmc_model_signature ms on ms.dmc_id = r.subject_id
         join dmc_model_signature mb on mb.dmc_id = r.basis_id
        where r.kind = 'SUBSTANTIVELY_EQUIVALENT_TO' and r.decided_on = '2021-11-26'`,
    );
    expect(relations).toHaveLength(216);
    for (const r of relations) {
      expect(r.rationale.includes('differing only in firmware')).toBe(r.same_models);
      if (!r.same_models) expect(r.rationale).toMatch(/differs in device models: (CHF|ESME|GSME|GPF) /);
    }
    // Both kinds occur, so the rationale is not one sentence for all.
    expect(new Set(relations.map((r) => r.same_models)).size).toBe(2);
  });

  it('holds seeded rows that pass every rule the database enforces, re-checked row by row', async () => {
    // Re-write every row of every domain table with its own values: row triggers (and, at the commit
    // point, deferred constraint triggers) check each rule again over all seeded rows. Rolled back.
    const tables = await rows<{ table: string; columns: string[] }>(
      `select c.table_name as table, array_agg(quote_ident(c.column_name) order by c.ordinal_position) as columns
         from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.table_name not in ('mikro_orm_migrations', 'catalogue_version')
          -- Append-only records (the outbox, Go/No-go decisions, pacing actions) refuse any update by design.
          and not exists (select 1 from pg_trigger tg join pg_class k on k.oid = tg.tgrelid
                            where k.relname = c.table_name and tg.tgname like '%append_only')
          and c.is_generated = 'NEVER' and c.identity_generation is null
        group by 1 order by 1`,
    );
    expect(tables.length).toBeGreaterThan(20);
    await db.query('begin');
    try {
      for (const { table, columns } of tables)
        await db.query(`update ${table} set ${columns.map((c) => `${c} = ${c}`).join(', ')}`);
      await db.query('set constraints all immediate');
    } finally {
      await db.query('rollback');
    }
  });

  it('keeps the report metadata and statutory dates', async () => {
    const [r] = await rows<Record<string, unknown>>(
      `select number, title, dmct_tranches, version, report_date::text, author_email, classification, ssc_confirmed_on::text,
              ssc_mode, lists_published_on::text, objection_deadline::text, signatory_name, signatory_role, objections_to,
              upgradeable_unmigrated_installs, upgradeable_as_of::text, synthetic
         from epcl_report where number = 22`,
    );
    expect(r).toEqual({
      number: 22,
      title: 'EPCL Report 22 - DMCT Tranche 44, 46',
      dmct_tranches: [44, 46],
      version: '1.0',
      report_date: '2021-12-03',
      author_email: 'SMETS1DMCT@smartdcc.co.uk',
      classification: 'DCC Public',
      ssc_confirmed_on: '2021-11-10',
      ssc_mode: 'OFFLINE',
      lists_published_on: '2021-11-29',
      objection_deadline: '2021-12-10',
      signatory_name: 'Gav Parrott',
      signatory_role: 'Director of Products & Logistics',
      objections_to: 'SMETS1_appeals@beis.gov.uk',
      upgradeable_unmigrated_installs: 66000,
      upgradeable_as_of: '2021-11-30',
      synthetic: false,
    });
  });

  it('holds 435 entries: 2 Dormant tested, Active 002255 and 002370 on them, 431 substantively equivalent', async () => {
    const groups = await rows<{
      report_group: string;
      basis: string;
      installation_status: string;
      n: number;
    }>(
      `select re.report_group, e.basis, e.installation_status, count(*)::int as n
         from epcl_report_entry re join epcl_entry e on e.id = re.entry_id join epcl_report r on r.id = re.report_id
        where r.number = 22 group by 1, 2, 3 order by 1, 2, 3`,
    );
    expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(435);
    expect(groups.filter((g) => g.report_group === 'GROUP_1_TESTED')).toEqual([
      { report_group: 'GROUP_1_TESTED', basis: 'TESTED', installation_status: 'DORMANT', n: 2 },
      { report_group: 'GROUP_1_TESTED', basis: 'TESTED_VIA_DORMANT', installation_status: 'ACTIVE', n: 2 },
    ]);
    expect(
      groups
        .filter((g) => g.report_group === 'GROUP_2_SE')
        .every((g) => g.basis === 'SUBSTANTIVELY_EQUIVALENT'),
    ).toBe(true);
    const active = await rows<{ epcl_id: string; basis_epcl_id: string; same_dmc: boolean; roles: string[] }>(
      `select e.epcl_id, b.epcl_id as basis_epcl_id, b.dmc_id = e.dmc_id as same_dmc,
              array(select role from epcl_entry_evidence v where v.entry_id = e.id order by role) as roles
         from epcl_entry e join epcl_entry b on b.id = e.basis_entry_id where e.epcl_id in ('002255', '002370') order by 1`,
    );
    expect(active).toEqual([
      {
        epcl_id: '002255',
        basis_epcl_id: '002254',
        same_dmc: true,
        roles: ['ACTIVE_SIT_TCR', 'DORMANT_DMCT_TCR'],
      },
      {
        epcl_id: '002370',
        basis_epcl_id: '002369',
        same_dmc: true,
        roles: ['ACTIVE_SIT_TCR', 'DORMANT_DMCT_TCR'],
      },
    ]);
    // Every Group 2 entry rests on a Group 1 entry of the same report, through a declared equivalence.
    const orphans = await value<number>(
      `select count(*)::int from epcl_report_entry re join epcl_entry e on e.id = re.entry_id
         join epcl_report r on r.id = re.report_id and r.number = 22
        where re.report_group = 'GROUP_2_SE' and not exists (
          select 1 from epcl_report_entry g1 join epcl_entry b on b.id = g1.entry_id
           where g1.report_id = r.id and g1.report_group = 'GROUP_1_TESTED' and b.id = e.basis_entry_id
             and exists (select 1 from dmc_relation x where x.subject_id = e.dmc_id and x.basis_id = b.dmc_id))`,
    );
    expect(orphans).toBe(0);
  });

  it('records the ten Live Service Criteria with their RAG, N/A for regression testing', async () => {
    const criteria = await rows<{ no: number; rag: string }>(
      `select c.criterion_no as no, c.rag from epcl_report_criterion c join epcl_report r on r.id = c.report_id where r.number = 22 order by 1`,
    );
    expect(criteria.map((c) => c.rag)).toEqual(['G', 'G', 'G', 'NA', 'G', 'G', 'G', 'G', 'G', 'G']);
    const ten = await value<string>(
      `select commentary from epcl_report_criterion c join epcl_report r on r.id = c.report_id where r.number = 22 and criterion_no = 10`,
    );
    expect(ten).toContain('offline approval from SSC on 10 November 2021');
  });

  it('records the Clause 20 evidence: draft reports 2 Nov, lists 29 Nov, 1 issue not counted, 4 advised to TAG', async () => {
    const clauses = await rows<{
      clause_ref: string;
      evidence_date: string | null;
      evidence_count: number | null;
    }>(
      `select clause_ref, evidence_date::text, evidence_count from epcl_report_clause_evidence c
         join epcl_report r on r.id = c.report_id where r.number = 22`,
    );
    const by = Object.fromEntries(clauses.map((c) => [c.clause_ref, c]));
    expect(by['20.34'].evidence_date).toBe('2021-11-02');
    expect(by['20.8'].evidence_date).toBe('2021-11-29');
    expect(by['20.29'].evidence_count).toBe(1);
    expect(by['20.30'].evidence_count).toBe(4);
    expect(Object.keys(by).sort()).toEqual(
      [
        '20.10',
        '20.11',
        '20.15',
        '20.29',
        '20.30',
        '20.34',
        '20.36',
        '20.37',
        '20.38',
        '20.39',
        '20.41',
        '20.43',
        '20.6 (d) (i)',
        '20.8',
        '20.9',
      ].sort(),
    );
    // …and the testing issues behind those counts agree with them.
    const issues = await rows<{ open: number; not_counted: number; advised: number }>(
      `select count(*) filter (where i.status = 'OPEN')::int as open,
              count(*) filter (where i.status = 'OPEN' and not i.counts_against_threshold)::int as not_counted,
              count(*) filter (where i.status = 'OPEN' and i.tag_advised_on is not null)::int as advised
         from testing_issue i join test_report t on t.id = i.test_report_id where t.tranche in (44, 46)`,
    );
    expect(issues[0]).toEqual({ open: 4, not_counted: 1, advised: 4 });
    const drafts = await rows<{ draft: string; window: string }>(
      `select draft_issued_on::text as draft, referral_window_ends_on::text as window from test_report
        where kind = 'DMCT_TESTING_REPORT' and tranche in (44, 46)`,
    );
    expect(drafts).toEqual([
      { draft: '2021-11-02', window: '2021-11-16' },
      { draft: '2021-11-02', window: '2021-11-16' },
    ]);
  });

  it('stores the published volume tables exactly as printed: every cell 0', async () => {
    const cells = await rows<{ n: number; nonzero: number }>(
      `select count(*)::int as n, count(*) filter (where installs <> 0 or devices <> 0)::int as nonzero
         from epcl_report_volume v join epcl_report r on r.id = v.report_id where r.number = 22 and v.source = 'AS_PUBLISHED'`,
    );
    expect(cells[0]).toEqual({ n: 18, nonzero: 0 });
  });

  it('holds the Secure Liberty 110 ESME restriction from letter REQ000000175511', async () => {
    const [r] = await rows<{
      model_name: string;
      communication_ref: string;
      communicated_on: string;
      restriction: string;
    }>(
      `select m.model_name, x.communication_ref, x.communicated_on::text, x.restriction
         from device_model_restriction x join device_model m on m.id = x.device_model_id`,
    );
    expect(r).toMatchObject({
      model_name: 'Liberty 110',
      communication_ref: 'REQ000000175511',
      communicated_on: '2021-03-08',
    });
    expect(r.restriction).toContain('remote override');
  });

  it('sizes the national catalogue as docs/domain.md §5 suggests', async () => {
    const [c] = await rows<{
      dmcs: number;
      entries: number;
      reports: number;
      cohorts: number;
      manufacturers: number;
      models: number;
    }>(
      `select (select count(*) from dmc)::int as dmcs, (select count(*) from epcl_entry)::int as entries,
              (select count(*) from epcl_report)::int as reports, (select count(*) from cohort)::int as cohorts,
              (select count(*) from manufacturer)::int as manufacturers, (select count(*) from device_model)::int as models`,
    );
    expect(c.dmcs).toBeGreaterThanOrEqual(800);
    expect(c.dmcs).toBeLessThanOrEqual(1500);
    expect(c.entries).toBeGreaterThanOrEqual(2500);
    expect(c.entries).toBeLessThanOrEqual(3500);
    expect(c.reports).toBe(22);
    expect(c.cohorts).toBe(4);
    expect(c.manufacturers).toBeGreaterThanOrEqual(12);
    expect(c.models).toBeGreaterThanOrEqual(60);
  });
});

describe('the synthetic inventory', () => {
  it('has exactly the configured number of report 22 upgrade candidates, none at target firmware', async () => {
    const { installations, targets, paths } = await loadReference(db, 22);
    const matches = referenceMatches(installations, targets, paths);
    const atTarget = new Set(matches.filter((m) => m.atTarget).map((m) => m.installationId));
    const upgradeable = new Set(matches.filter((m) => !m.atTarget).map((m) => m.installationId));
    expect(atTarget.size).toBe(0);
    expect(upgradeable.size).toBe(TEST_INVENTORY.report22Candidates);
    // Several targets per installation are common (older firmware reaches more than one DMC).
    expect(matches.length).toBeGreaterThan(upgradeable.size);
  });

  it('has about 1.47 meters per installation, a comms hub each, and a gas proxy with every gas meter', async () => {
    const [r] = await rows<{ installs: number; meters: number; hubs: number; gsme: number; gpf: number }>(
      `select (select count(*) from installation)::int as installs,
              count(*) filter (where device_type in ('ESME','GSME'))::int as meters,
              count(*) filter (where device_type = 'CHF')::int as hubs,
              count(*) filter (where device_type = 'GSME')::int as gsme,
              count(*) filter (where device_type = 'GPF')::int as gpf from device`,
    );
    expect(r.hubs).toBe(r.installs);
    expect(r.gpf).toBe(r.gsme);
    expect(r.meters / r.installs).toBeGreaterThan(1.3);
    expect(r.meters / r.installs).toBeLessThan(1.7);
    const statuses = await rows<{ status: string; share: number }>(
      `select status, count(*)::float / (select count(*) from installation) as share from installation group by 1`,
    );
    const share = Object.fromEntries(statuses.map((s) => [s.status, s.share]));
    expect(share.ACTIVE).toBeGreaterThan(0.5);
    expect(share.DORMANT).toBeGreaterThan(0.1);
    expect(share.MIXED).toBeGreaterThan(0.01);
  });

  it("migrates nobody before their cohort's first entry, or without an entry on the list for their status by then", async () => {
    const [r] = await rows<{ migrated: number; too_early: number; without_entry: number }>(
      `select count(*)::int as migrated,
              count(*) filter (where i.migrated_on < (select min(e.date_first_added) from epcl_entry e join dmc d on d.id = e.dmc_id
                                                       where d.cohort_id = i.cohort_id))::int as too_early,
              count(*) filter (where not exists (select 1 from epcl_entry e where e.dmc_id = c.dmc_id and e.installation_status = i.status
                                                    and e.state = 'ON_EPCL' and e.date_first_added <= i.migrated_on))::int as without_entry
         from installation i left join device_combo c on c.id = i.combo_id where i.migration_state = 'MIGRATED'`,
    );
    expect(r.migrated).toBeGreaterThan(1000);
    expect(r.too_early).toBe(0);
    expect(r.without_entry).toBe(0);
  });

  it("migrates MOC Secure at the seed's scale: 340,000 installations and 500,000 meters per 3,000,000", async () => {
    const [r] = await rows<{ installs: number; meters: number }>(
      `select count(distinct i.id)::int as installs, count(d.*) filter (where d.device_type in ('ESME', 'GSME'))::int as meters
         from installation i join cohort co on co.id = i.cohort_id join device d on d.installation_id = i.id
        where co.code = 'MOC_SECURE' and i.migration_state = 'MIGRATED'`,
    );
    const expected = Math.round((TEST_INVENTORY.installations * 340_000) / 3_000_000);
    expect(secureMigratedCount(TEST_INVENTORY.installations, TEST_INVENTORY.report22Candidates!)).toBe(
      expected,
    );
    expect(r.installs).toBe(expected);
    // 500,000 / 340,000 = 1.47 meters per installation.
    expect(r.meters / r.installs).toBeGreaterThan(1.35);
    expect(r.meters / r.installs).toBeLessThan(1.6);
  });

  it('has upgrade paths that need a site visit, that one cohort only may use, that only the supplier may perform', async () => {
    const [p] = await rows<{
      not_ota: number;
      secure_only: number;
      other_cohort: number;
      supplier_only: number;
    }>(
      `select count(*) filter (where not p.ota_supported)::int as not_ota,
              count(*) filter (where co.code = 'MOC_SECURE')::int as secure_only,
              count(*) filter (where co.code is not null and co.code <> 'MOC_SECURE')::int as other_cohort,
              count(*) filter (where not p.dormant_upgrade_by_dcc)::int as supplier_only
         from firmware_upgrade_path p left join cohort co on co.id = p.cohort_id`,
    );
    expect(p.not_ota).toBeGreaterThan(0);
    expect(p.secure_only).toBeGreaterThan(0);
    expect(p.other_cohort).toBeGreaterThan(0);
    expect(p.supplier_only).toBeGreaterThan(0);

    const { installations, targets, paths } = await loadReference(db, 22);
    const candidates = (ps: typeof paths) =>
      new Map(
        referenceMatches(installations, targets, ps)
          .filter((m) => !m.atTarget)
          .map((m) => [`${m.installationId}:${m.dmcId}`, m.hops]),
      );
    const actual = candidates(paths);
    // A MOC Secure-only shortcut shortens some candidates' upgrades (the cohort rule lets them use it)…
    const withoutSecureOnly = candidates(paths.filter((x) => x.cohortId === null));
    expect([...actual].filter(([k, h]) => withoutSecureOnly.get(k)! > h).length).toBeGreaterThan(0);
    // …the paths only another cohort may use would have made more installations candidates…
    const all = await rows<{
      from: number;
      to: number;
      cohort_id: number | null;
      ota: boolean;
      dcc: boolean;
    }>(
      `select from_firmware_id as "from", to_firmware_id as "to", cohort_id, ota_supported as ota, dormant_upgrade_by_dcc as dcc
         from firmware_upgrade_path`,
    );
    const anyCohort = candidates(
      all.filter((x) => x.ota).map((x) => ({ from: x.from, to: x.to, cohortId: null, dormantOk: x.dcc })),
    );
    expect(anyCohort.size).toBeGreaterThan(actual.size);
    // …and so would the site-visit ones, were they over the air.
    const overTheAir = candidates(
      all.map((x) => ({ from: x.from, to: x.to, cohortId: x.cohort_id, dormantOk: x.dcc })),
    );
    expect(overTheAir.size).toBeGreaterThan(actual.size);
    // Dormant candidates take the longer way round a path only the supplier may perform.
    const dormantIds = new Set(installations.filter((i) => i.status === 'DORMANT').map((i) => i.id));
    const dccEverywhere = candidates(paths.map((x) => ({ ...x, dormantOk: true })));
    const longer = [...actual].filter(([k, h]) => dccEverywhere.get(k)! < h);
    expect(longer.length).toBeGreaterThan(0);
    for (const [k] of longer) expect(dormantIds.has(Number(k.split(':')[0]))).toBe(true);
  });

  it("takes a Mixed installation's dormant meter only over DCC-performed paths", async () => {
    const dcc = new Map(
      (
        await rows<{ from: number; to: number; dcc: boolean }>(
          `select from_firmware_id as "from", to_firmware_id as "to", bool_or(dormant_upgrade_by_dcc) as dcc
             from firmware_upgrade_path where ota_supported and (cohort_id is null or cohort_id = (select id from cohort where code = 'MOC_SECURE'))
            group by 1, 2`,
        )
      ).map((p) => [`${p.from}>${p.to}`, p.dcc]),
    );
    const targets = await rows<{ id: number }>(
      `select distinct d.id from dmc d join dmc_slot s on s.dmc_id = d.id join epcl_entry e on e.dmc_id = d.id
         join epcl_report_entry re on re.entry_id = e.id join epcl_report r on r.id = re.report_id
        where r.number = 22 and s.device_type = 'GSME' order by d.id`,
    );
    let mixed = 0;
    let dormantMeters = 0;
    let supplierOnlyOnActive = 0;
    for (const t of targets) {
      const found = await rows<{ id: number; hops: { deviceId: string; path: number[] | null }[] }>(
        `${candidatesCtes('$1::int', [`i.status = 'MIXED'`], false)}
         select k.id, ${deviceHopsJson('k.id', 'k.dmc_id', 'k.status')} as hops from cand k`,
        [t.id],
      );
      // Report 22 has no Mixed entry: by default none of these is a candidate.
      expect(
        await value<number>(
          `${candidatesCtes('$1::int', [`i.status = 'MIXED'`])} select count(*)::int from cand`,
          [t.id],
        ),
      ).toBe(0);
      for (const c of found) {
        mixed++;
        const meters = new Map(
          (
            await rows<{ eui64: string; meter_status: string | null }>(
              `select eui64, meter_status from device where installation_id = $1`,
              [c.id],
            )
          ).map((d) => [d.eui64, d.meter_status]),
        );
        for (const h of c.hops) {
          if (!h.path) continue;
          const edges = h.path.slice(1).map((to, i) => dcc.get(`${h.path![i]}>${to}`));
          if (meters.get(h.deviceId) === 'DORMANT') {
            dormantMeters++;
            expect(edges.every((e) => e === true)).toBe(true);
          } else if (edges.some((e) => e === false)) supplierOnlyOnActive++;
        }
      }
    }
    expect(mixed).toBeGreaterThan(0);
    expect(dormantMeters).toBeGreaterThan(0);
    // The active meter and the comms hub may take paths only the supplier performs.
    expect(supplierOnlyOnActive).toBeGreaterThan(0);
  });
});
