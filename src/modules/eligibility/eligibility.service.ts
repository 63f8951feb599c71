import { BlockerCode, MigrationState } from '../common/enums';
import { sqlParams } from '../../core/db/sql-params';
import type { Context } from '../../core/graphql/context';
import { viewerScope } from '../inventory/inventory.service';
import { restrictionAppliesTo } from '../catalogue/catalogue.sql';
import { matchInstallation, type InstallationFacts, type Target, type UpgradeEdge } from './matching';
import type { Installation } from '../inventory/inventory.types';
import type { Blocker, Eligibility, UpgradeOption } from './eligibility.types';
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
      meterStatus: d.meterStatus,
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
