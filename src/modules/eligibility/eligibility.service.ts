import { BlockerCode, MigrationState } from '../common/enums';
import { sqlParams } from '../../core/db/sql-params';
import type { Context } from '../../core/graphql/context';
import { viewerScope } from '../inventory/inventory.service';
import { restrictionAppliesTo } from '../catalogue/catalogue.sql';
import { matchInstallation, type InstallationFacts, type Target, type UpgradeEdge } from './matching';
import type { Installation } from '../inventory/inventory.types';
import type { Blocker, Eligibility, ReportVolumes, StatusCounts, UpgradeOption } from './eligibility.types';
import { matchCtes, UNMIGRATED } from './upgrade.sql';
import type { InstallationRow } from '../inventory/inventory.service';

/**
 * Explains one installation with the pure matching rules: its current DMC and entry (and what the entry rests
 * on), or the DMCs with an entry for its status that firmware upgrades reach, or what blocks it.
 */
export async function explainEligibility(
  ctx: Context,
  inst: Installation & { __devices?: InstallationRow['devices'] },
): Promise<Eligibility> {
  // An electricity-only migration leaves its gas meter and gas proxy behind: they take no part in matching.
  const devices = (inst.__devices ?? []).filter(
    (d) => !(inst.elecOnlyMigration && (d.deviceType === 'GSME' || d.deviceType === 'GPF')),
  );
  const [data] = await ctx.sql<{
    entry: { id: number; state: string } | null;
    chain: number[];
    targets: {
      dmcId: number;
      entryId: number;
      entryState: string;
      slots: { deviceType: string; modelId: number; firmwareId: number }[];
    }[];
    edges: UpgradeEdge[];
  }>(
    `with recursive current_entry as (
       select e.id, e.state, e.basis_entry_id from epcl_entry e where e.dmc_id = $1 and e.installation_status = $2),
     chain(id, basis_entry_id, depth) as (
       select id, basis_entry_id, 0 from current_entry
       union all select e.id, e.basis_entry_id, c.depth + 1 from chain c join epcl_entry e on e.id = c.basis_entry_id where c.depth < 5),
     candidates as (
       select d.id as dmc_id, e.id as entry_id, e.state, ms.model_signature as model_sig
         from dmc d join epcl_entry e on e.dmc_id = d.id join dmc_model_signature ms on ms.dmc_id = d.id
        where d.cohort_id = $3 and e.installation_status = $2 and e.state not in ('REJECTED', 'WITHDRAWN', 'REMOVED')),
     -- The installation's device models, as the database keeps them on its combination (the signature
     -- excludes the gas devices of an electricity-only migration, as matching does).
     own_models as (
       select c.model_signature from installation i join device_combo c on c.id = i.combo_id where i.id = $5),
     -- Upgrades need the same device models; when none has them, a sample of the rest explains why not.
     targets as (
       (select dmc_id, entry_id, state from candidates where model_sig = (select model_signature from own_models))
       union all
       (select dmc_id, entry_id, state from candidates where not exists (select 1 from candidates where model_sig = (select model_signature from own_models)) order by dmc_id limit 25))
     select (select json_build_object('id', id, 'state', state) from current_entry) as entry,
            array(select id from chain order by depth) as chain,
            (select coalesce(json_agg(json_build_object('dmcId', t.dmc_id, 'entryId', t.entry_id, 'entryState', t.state,
               'slots', (select json_agg(json_build_object('deviceType', s.device_type, 'modelId', f.device_model_id, 'firmwareId', s.firmware_version_id))
                           from dmc_slot s join firmware_version f on f.id = s.firmware_version_id where s.dmc_id = t.dmc_id))), '[]'::json) from targets t) as targets,
            (select coalesce(json_agg(json_build_object('from', p.from_firmware_id, 'to', p.to_firmware_id, 'cohortId', p.cohort_id,
               'otaSupported', p.ota_supported, 'dormantUpgradeByDcc', p.dormant_upgrade_by_dcc)), '[]'::json)
               from firmware_upgrade_path p join firmware_version f on f.id = p.from_firmware_id
              where f.device_model_id = any($4::int[])) as edges`,
    [
      inst.comboDmcId ?? -1,
      inst.status,
      inst.cohortId,
      [...new Set(devices.map((d) => d.modelId))],
      inst.installationId,
    ],
  );
  const facts: InstallationFacts = {
    cohortId: inst.cohortId,
    status: inst.status,
    devices: devices.map((d) => ({
      deviceType: d.deviceType,
      modelId: d.modelId,
      firmwareId: d.firmwareVersionId,
      deviceId: d.deviceId,
    })),
  };
  const blockers: Blocker[] = [];
  if (inst.migrationState === MigrationState.MIGRATED)
    blockers.push({
      code: BlockerCode.MIGRATED,
      message: `already migrated${inst.migratedOn ? ` on ${inst.migratedOn}` : ''}`,
    });
  if (inst.migrationState === MigrationState.EXCLUDED)
    blockers.push({ code: BlockerCode.EXCLUDED, message: `excluded: ${inst.exclusionCategory}` });
  if (devices.length === 0)
    blockers.push({ code: BlockerCode.NO_DEVICES, message: 'no devices are recorded for the installation' });

  const onList = data.entry?.state === 'ON_EPCL';
  const eligible = onList && blockers.length === 0;
  const options: UpgradeOption[] = [];
  const reasons = new Map<string, Blocker>();
  // A migrated installation is done: no upgrade is on offer to it.
  const migrated = inst.migrationState === MigrationState.MIGRATED;
  if (!onList && devices.length && !migrated) {
    if (!inst.comboDmcId)
      blockers.push({
        code: BlockerCode.NO_DMC_FOR_DEVICES,
        message: 'its devices and firmware match no catalogued DMC of its cohort',
      });
    else if (!data.entry)
      blockers.push({
        code: BlockerCode.NO_ENTRY_FOR_STATUS,
        message: `its DMC has no EPCL entry for ${inst.status} installations`,
      });
    else
      blockers.push({
        code: BlockerCode.ENTRY_NOT_ON_EPCL,
        message: `its DMC's ${inst.status} entry is ${data.entry.state}, not on the EPCL`,
      });
    for (const t of data.targets) {
      if (t.dmcId === inst.comboDmcId) continue;
      const target: Target = { dmcId: t.dmcId, cohortId: inst.cohortId, slots: t.slots };
      const match = matchInstallation(facts, target, data.edges);
      if (match.kind === 'UPGRADE') {
        options.push({
          dmcId: t.dmcId,
          entryId: t.entryId,
          cohortId: inst.cohortId,
          hops: match.hops,
          devices: match.devices.map((d) => ({
            deviceId: d.device.deviceId!,
            deviceType: d.device.deviceType as never,
            fromId: d.device.firmwareId,
            toId: d.targetFirmwareId,
            pathIds: d.path,
            hops: d.path.length - 1,
          })),
        });
      } else if (match.kind === 'NO_MATCH') {
        for (const b of match.blockers) reasons.set(b.code + b.message, b);
      }
    }
    options.sort((a, b) => a.hops - b.hops || a.dmcId - b.dmcId);
    if (options.length === 0) {
      if (data.targets.length === 0)
        blockers.push({
          code: BlockerCode.NO_UPGRADE_TARGET,
          message: `no DMC of its cohort has an EPCL entry for ${inst.status} installations to upgrade to`,
        });
      // The most specific reasons: path problems beat model mismatches beat composition differences.
      const all = [...reasons.values()];
      const rank = [
        BlockerCode.NO_UPGRADE_PATH,
        BlockerCode.HARDWARE_OR_MODEL_MISMATCH,
        BlockerCode.MISSING_DEVICE,
        BlockerCode.EXTRA_DEVICE,
      ];
      const best = rank.find((code) => all.some((b) => b.code === code));
      blockers.push(...all.filter((b) => b.code === best).slice(0, 10));
    }
  }
  return {
    eligible,
    currentDmcId: inst.comboDmcId,
    entryId: data.entry?.id ?? null,
    chainIds: data.chain,
    cohortId: inst.cohortId,
    modelIds: [...new Set(devices.map((d) => d.modelId))],
    upgradeOptions: options,
    blockers,
  };
}

/**
 * The restrictions that apply to device models (own or naming the model for every hardware version), for a
 * cohort: ids, for the caller to load through the compiler.
 */
export async function restrictionIds(
  ctx: Context,
  by: { modelIds?: number[]; dmcId?: number },
  cohortId: number,
): Promise<number[]> {
  const models =
    by.dmcId !== undefined
      ? `select f.device_model_id from dmc_slot s join firmware_version f on f.id = s.firmware_version_id where s.dmc_id = $1`
      : `select unnest($1::int[])`;
  const rows = await ctx.sql<{ id: number }>(
    `select r.id from device_model_restriction r
      where (r.cohort_id is null or r.cohort_id = $2)
        and exists (select 1 from device_model m where m.id in (${models}) and ${restrictionAppliesTo('r', 'm')})
      order by r.id`,
    [by.dmcId ?? by.modelIds ?? [], cohortId],
  );
  return rows.map((r) => r.id);
}

/**
 * The first blocker an installation's own DMC gives, as SQL over `installation i` and `device_combo c`
 * (left joined), in the order `explainEligibility` reports them; null when nothing blocks it (eligible).
 */
export const BLOCKED_REASON_SQL = `case
    when i.migration_state = 'EXCLUDED' then 'EXCLUDED'
    when i.combo_id is null then 'NO_DEVICES'
    when c.dmc_id is null then 'NO_DMC_FOR_DEVICES'
    when not exists (select 1 from epcl_entry e where e.dmc_id = c.dmc_id and e.installation_status = i.status)
      then 'NO_ENTRY_FOR_STATUS'
    when not exists (select 1 from epcl_entry e where e.dmc_id = c.dmc_id and e.installation_status = i.status
                       and e.state = 'ON_EPCL') then 'ENTRY_NOT_ON_EPCL'
  end`;

/** Installations counted as blocked: not migrated and not in flight (unmigrated or excluded). */
export const BLOCKABLE = `i.migration_state in ('UNMIGRATED', 'EXCLUDED')`;

export const BLOCKED_REASONS = [
  BlockerCode.EXCLUDED,
  BlockerCode.NO_DEVICES,
  BlockerCode.NO_DMC_FOR_DEVICES,
  BlockerCode.NO_ENTRY_FOR_STATUS,
  BlockerCode.ENTRY_NOT_ON_EPCL,
];

export function blockedFilterSql(
  filter: { cohort?: string | null; statuses?: string[] | null } | null,
  p: (value: unknown, cast: string) => string,
): string[] {
  const where = [BLOCKABLE];
  if (filter?.cohort)
    where.push(`i.cohort_id = (select id from cohort where code = ${p(filter.cohort, 'text')})`);
  if (filter?.statuses?.length) where.push(`i.status = any(${p(filter.statuses, 'text[]')})`);
  return where;
}

/** Blocked installations by reason, scoped to the viewer, counted per combination and status. */
export async function blockedByReason(
  ctx: Context,
  filter: { cohort?: string | null; statuses?: string[] | null } | null,
): Promise<{ code: BlockerCode; installs: number; devices: number }[]> {
  const { values, p } = sqlParams();
  const where = [...blockedFilterSql(filter, p), viewerScope(ctx.viewer, p)];
  return ctx.sql(
    `select code, sum(installs)::int as installs, sum(devices)::int as devices from (
       select ${BLOCKED_REASON_SQL} as code, count(*) as installs, count(*) * coalesce(max(c.device_count), 0) as devices
         from installation i left join device_combo c on c.id = i.combo_id
        where ${where.join(' and ')}
        group by i.combo_id, i.status, i.migration_state, c.dmc_id) x
      where code is not null group by code order by installs desc, code`,
    values,
  );
}

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

/**
 * A report's matches, counted once per installation. The precedence (at target, then Group 1, then fewest
 * hops) depends only on an installation's combination and status, so it is decided per (combination,
 * status) and the installations are then counted through the partial index on unmigrated installations
 * (index-only, supplier included), never by scanning the inventory.
 */
export async function matchReport(ctx: Reader, reportId: number): Promise<MatchedRow[]> {
  const { values, p } = sqlParams();
  const report = p(reportId, 'int');
  const scope = viewerScope(ctx.viewer, p);
  const hops = `case when en.installation_status = 'DORMANT' then p.hops_dormant else p.hops_any end`;
  return ctx.analyse<MatchedRow>(
    `${matchCtes(`entries as (
        select e.dmc_id, e.installation_status, re.report_group from epcl_report_entry re join epcl_entry e on e.id = re.entry_id
         where re.report_id = ${report}),
      targets(dmc_id, cohort_id) as (select d.id, d.cohort_id from dmc d where d.id in (select dmc_id from entries))`)},
     best as materialized (
       select distinct on (p.combo_id, en.installation_status) p.combo_id, en.installation_status as status, p.at_target, en.report_group
         from pairs p join entries en on en.dmc_id = p.dmc_id
        where (p.at_target or case when en.installation_status = 'DORMANT' then p.up_dormant else p.up_any end)
        order by p.combo_id, en.installation_status, p.at_target desc, en.report_group, ${hops}),
     -- Combinations whose DMC has an entry on the list for a status: installations there are eligible today.
     eligible_now as materialized (
       select c2.id as combo_id, e2.installation_status as status from device_combo c2
         join epcl_entry e2 on e2.dmc_id = c2.dmc_id where e2.state = 'ON_EPCL'),
     decided as (
       select b.*, exists (select 1 from eligible_now x where x.combo_id = b.combo_id and x.status = b.status) as eligible_now
         from best b)
     select b.report_group, b.at_target, b.status, b.eligible_now, sum(n.installs)::int as installs,
            sum(n.installs * c.device_count)::int as devices
       from decided b join device_combo c on c.id = b.combo_id
       cross join lateral (select count(*)::int as installs from installation i
                            where i.combo_id = b.combo_id and i.status = b.status and ${UNMIGRATED} and ${scope}) n
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
  return {
    rule: RULE,
    tables,
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
