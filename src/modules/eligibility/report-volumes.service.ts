import { sqlParams } from '../../core/db/sql-params';
import type { Context } from '../../core/graphql/context';
import { INSTALLATION_COLUMNS, viewerScope, type InstallationRow } from '../inventory/inventory.service';
import type { ReportVolumes, StatusCounts } from './eligibility.types';
import { countDecided, reportBestCtes, UNMIGRATED, variantMatches } from './upgrade.sql';

/*
 * A report's Installs/Devices tables recomputed from the inventory: every combination matched against every
 * entry of the report at once, each installation counted once (used by `epclReport { volumes impact }` and
 * the exports).
 */

/**
 * Planner settings for whole-report matching (see Context.analyse): tens of thousands of combination pairs
 * joined to installations are best hashed, and PostgreSQL cannot estimate the enumerated signatures.
 * Single-target queries keep the default planner: their index lookups are what makes them fast.
 */
export const REPORT_MATCHING = ['enable_nestloop = off', "work_mem = '128MB'"];

export const STATUSES = ['ACTIVE', 'DORMANT', 'MIXED'] as const;

export const countsByStatus = (by: Partial<Record<string, number>>): StatusCounts => {
  const c = { active: by.ACTIVE ?? 0, dormant: by.DORMANT ?? 0, mixed: by.MIXED ?? 0 };
  return { ...c, total: c.active + c.dormant + c.mixed };
};
const minus = (a: StatusCounts, b: StatusCounts): StatusCounts => ({
  active: a.active - b.active,
  dormant: a.dormant - b.dormant,
  mixed: a.mixed - b.mixed,
  total: a.total - b.total,
});
export const sumCounts = (rows: StatusCounts[]): StatusCounts =>
  rows.reduce(
    (s, r) => ({
      active: s.active + r.active,
      dormant: s.dormant + r.dormant,
      mixed: s.mixed + r.mixed,
      total: s.total + r.total,
    }),
    countsByStatus({}),
  );

const RULE =
  'Each unmigrated installation is counted once per report, under the first that applies: at target firmware of a requested DMC with an entry for its status, before a potential firmware upgrade; Group 1 (tested) before Group 2 (substantively equivalent); then the fewest hops. An installation already eligible today (its current DMC has an entry on the EPCL for its status) is not a potential upgrade: it is counted in `alreadyEligible` instead. Devices are all devices of the counted installations.';

export type MatchedRow = {
  report_group: string;
  at_target: boolean;
  status: string;
  /** Already eligible today: its current DMC has an entry on the list for its status. */
  eligible_now: boolean;
  installs: number;
  devices: number;
};

/** Combinations whose DMC has an entry on the list for a status: installations there are eligible today. */
export const ELIGIBLE_NOW_CTE = `eligible_now as materialized (
       select c2.id as combo_id, e2.installation_status as status from device_combo c2
         join epcl_entry e2 on e2.dmc_id = c2.dmc_id where e2.state = 'ON_EPCL')`;

/**
 * A report's matches, counted once per installation. The precedence (at target, then Group 1, then fewest
 * hops) depends only on an installation's combination and status (and, for a Mixed one, which meter is
 * dormant, looked up only where that changes the answer), so it is decided per (combination, status) and the installations are then counted through the partial index on unmigrated installations
 * (index-only, supplier included), never by scanning the inventory.
 */
export async function matchReport(ctx: Reader, reportId: number): Promise<MatchedRow[]> {
  const { values, p } = sqlParams();
  const report = p(reportId, 'int');
  const scope = viewerScope(ctx.viewer, p);
  return ctx.analyse<MatchedRow>(
    `${reportBestCtes(report)},
     ${ELIGIBLE_NOW_CTE},
     decided as (
       select b.*, exists (select 1 from eligible_now x where x.combo_id = b.combo_id and x.status = b.status) as eligible_now
         from best b)
     select b.report_group, b.at_target, b.status, b.eligible_now, sum(n.installs)::int as installs,
            sum(n.installs * c.device_count)::int as devices
       from decided b join device_combo c on c.id = b.combo_id
       cross join lateral (select (${countDecided('b', scope)})::int as installs) n
      where n.installs > 0
      group by 1, 2, 3, 4`,
    values,
    REPORT_MATCHING,
  );
}

/** What the analyses here read with: the viewer (for scoping) and the read pool. */
export type Reader = Pick<Context, 'viewer' | 'sql' | 'analyse'>;

/**
 * A report's Installs/Devices tables recomputed from the inventory (scoped to the viewer's installations
 * for a supplier), beside the published figures; used by `epclReport.volumes` and by the exports.
 */
export async function reportVolumes(ctx: Reader, reportId: number): Promise<ReportVolumes> {
  let alreadyEligible: MatchedRow[] = [];
  const [matched, published, [inventory]] = await Promise.all([
    matchReport(ctx, reportId).then((rows) => {
      alreadyEligible = rows.filter((r) => r.eligible_now);
      return rows.filter((r) => !r.eligible_now);
    }),
    ctx.sql<{
      section: string;
      basis: string;
      installation_status: string;
      installs: number;
      devices: number;
    }>(
      `select section, basis, installation_status, installs, devices from epcl_report_volume where report_id = $1 and source = 'AS_PUBLISHED'`,
      [reportId],
    ),
    ctx.sql<{ synthetic: boolean; estimate: number | null }>(
      `select exists (select 1 from installation where synthetic) as synthetic,
              (select upgradeable_unmigrated_installs from epcl_report where id = $1) as estimate`,
      [reportId],
    ),
  ]);
  const tables = (['OVERALL', 'GROUP_1_TESTED', 'GROUP_2_SE'] as const).map((section) => {
    const rows = (['AT_TARGET_FW', 'POTENTIAL_FW_UPGRADE'] as const).map((basis) => {
      const mine = matched.filter(
        (m) =>
          (section === 'OVERALL' || m.report_group === section) && m.at_target === (basis === 'AT_TARGET_FW'),
      );
      const by = (k: 'installs' | 'devices') =>
        countsByStatus(
          Object.fromEntries(
            STATUSES.map((s) => [s, mine.filter((m) => m.status === s).reduce((a, m) => a + m[k], 0)]),
          ),
        );
      const pub = published.filter((v) => v.section === section && v.basis === basis);
      const pubBy = (k: 'installs' | 'devices') =>
        countsByStatus(Object.fromEntries(pub.map((v) => [v.installation_status, v[k]])));
      const recomputed = { installs: by('installs'), devices: by('devices') };
      const publishedFigures = pub.length ? { installs: pubBy('installs'), devices: pubBy('devices') } : null;
      return {
        basis,
        recomputed,
        published: publishedFigures,
        difference: publishedFigures
          ? {
              installs: minus(recomputed.installs, publishedFigures.installs),
              devices: minus(recomputed.devices, publishedFigures.devices),
            }
          : null,
      };
    });
    const total = (k: 'recomputed' | 'published') =>
      rows.every((r) => r[k])
        ? {
            installs: sumCounts(rows.map((r) => r[k]!.installs)),
            devices: sumCounts(rows.map((r) => r[k]!.devices)),
          }
        : null;
    const recomputed = total('recomputed')!;
    const pub = total('published');
    return {
      section,
      rows,
      totals: {
        basis: 'AT_TARGET_FW',
        recomputed,
        published: pub,
        difference: pub
          ? {
              installs: minus(recomputed.installs, pub.installs),
              devices: minus(recomputed.devices, pub.devices),
            }
          : null,
      },
    };
  });
  const eligibleBy = (k: 'installs' | 'devices') =>
    countsByStatus(
      Object.fromEntries(
        STATUSES.map((st) => [
          st,
          alreadyEligible.filter((m) => m.status === st && !m.at_target).reduce((a, m) => a + m[k], 0),
        ]),
      ),
    );
  const overall = tables.find((t) => t.section === 'OVERALL')!;
  const overallInstalls = (basis: 'AT_TARGET_FW' | 'POTENTIAL_FW_UPGRADE') =>
    overall.rows.find((r) => r.basis === basis)!.recomputed.installs.total;
  // The demo inventory is calibrated to the report that states an estimate (report 22), and only as a whole:
  // a supplier's share of it was not.
  const calibrated = inventory.synthetic && inventory.estimate != null && ctx.viewer.role !== 'SUPPLIER';
  const calibratedFigures = !calibrated
    ? []
    : [
        {
          section: 'OVERALL',
          basis: 'POTENTIAL_FW_UPGRADE',
          measure: 'installs.total',
          calibratedTo: inventory.estimate!,
          source:
            'the report’s own estimate of unmigrated installations with the potential to be firmware upgraded (§1)',
          holds: overallInstalls('POTENTIAL_FW_UPGRADE') === inventory.estimate,
        },
        {
          section: 'OVERALL',
          basis: 'AT_TARGET_FW',
          measure: 'installs.total',
          calibratedTo: 0,
          source:
            'the published at-target cells (all 0): the generator places no installation at a requested DMC’s firmware',
          holds: overallInstalls('AT_TARGET_FW') === 0,
        },
      ];
  return {
    rule: RULE,
    tables,
    calibratedFigures,
    alreadyEligible: { installs: eligibleBy('installs'), devices: eligibleBy('devices') },
    syntheticInventory: inventory.synthetic,
    inventoryNote: inventory.synthetic
      ? `Recomputed over a synthetic inventory generated for demonstration and tests${
          inventory.estimate != null
            ? `, calibrated so that the report's published estimate of ${inventory.estimate.toLocaleString('en-GB')} potential firmware upgrades holds by construction (when the inventory is large enough): the agreement is not a reproduction of the published figure`
            : ''
        }.`
      : null,
  } as ReportVolumes;
}

const IMPACT_COUNTS = (report: string, scope: string) => `${reportBestCtes(report)},
     ${ELIGIBLE_NOW_CTE},
     counted as (
       select b.dmc_id, b.status, sum(n.installs)::int as installs, sum(n.installs * c.device_count)::int as devices
         from best b join device_combo c on c.id = b.combo_id
         cross join lateral (select (${countDecided('b', scope)})::int as installs) n
        where not exists (select 1 from eligible_now x where x.combo_id = b.combo_id and x.status = b.status)
        group by 1, 2)`;

/**
 * A page of report `reportId`'s entries (by entry id, after `afterEntryId`) with the installations not eligible
 * today counted under each (as `impact` counts them), scoped to the viewer; one row more than `size` when
 * there is a next page.
 */
export async function impactEntriesPage(
  ctx: Reader,
  reportId: number,
  size: number,
  afterEntryId: number | undefined,
): Promise<{ entry_id: number; installations: number; devices: number; total: number }[]> {
  const { values, p } = sqlParams();
  const report = p(reportId, 'int');
  return ctx.analyse(
    `${IMPACT_COUNTS(report, viewerScope(ctx.viewer, p))}
     select e.id as entry_id, coalesce(k.installs, 0) as installations, coalesce(k.devices, 0) as devices,
            (select count(*) from epcl_report_entry where report_id = ${report})::int as total
       from epcl_report_entry re join epcl_entry e on e.id = re.entry_id
       left join counted k on k.dmc_id = e.dmc_id and k.status = e.installation_status
      where re.report_id = ${report} ${afterEntryId !== undefined ? `and e.id > ${p(afterEntryId, 'int')}` : ''}
      order by e.id limit ${size + 1}`,
    values,
    REPORT_MATCHING,
  );
}

/**
 * A page of the installations report `reportId` makes eligible (not eligible today), by id after `afterId`,
 * scoped to the viewer, with the entry each is counted under; one row more than `size` when there is a next
 * page, and the total over every page.
 */
export async function impactInstallationsPage(
  ctx: Reader,
  reportId: number,
  size: number,
  afterId: number | undefined,
): Promise<{
  total: number;
  page: (InstallationRow & { entry_id: number; at_target: boolean; hops: number })[];
}> {
  const { values, p } = sqlParams();
  const report = p(reportId, 'int');
  const scope = viewerScope(ctx.viewer, p);
  const [row] = await ctx.analyse<{
    total: number;
    page: (InstallationRow & { entry_id: number; at_target: boolean; hops: number })[] | null;
  }>(
    `${reportBestCtes(report)},
     ${ELIGIBLE_NOW_CTE},
     matched as (
       select m.id, b.dmc_id, b.status, b.at_target, b.hops
         from best b cross join lateral (select i.id from installation i
                                          where i.combo_id = b.combo_id and i.status = b.status and ${UNMIGRATED} and ${scope}
                                            and ${variantMatches('b', 'i')}) m
        where not exists (select 1 from eligible_now x where x.combo_id = b.combo_id and x.status = b.status)),
     k as (select * from matched ${afterId !== undefined ? `where id > ${p(afterId, 'int')}` : ''} order by id limit ${size + 1})
     select (select count(*) from matched)::int as total,
            (select json_agg(x order by x.id) from (
               select ${INSTALLATION_COLUMNS}, k.at_target, k.hops::int as hops,
                      (select e.id from epcl_report_entry re join epcl_entry e on e.id = re.entry_id
                        where re.report_id = ${report} and e.dmc_id = k.dmc_id and e.installation_status = k.status) as entry_id
                 from k join installation i on i.id = k.id join supplier s on s.id = i.supplier_id
                 left join device_combo c on c.id = i.combo_id) x) as page`,
    values,
    REPORT_MATCHING,
  );
  return { total: row.total, page: row.page ?? [] };
}
