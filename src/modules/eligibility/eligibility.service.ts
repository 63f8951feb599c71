import { sqlParams } from '../../core/db/sql-params';
import type { Context, Viewer } from '../../core/graphql/context';
import { MigrationState } from '../common/enums';
import { matchInstallation, type InstallationFacts, type Target, type UpgradeEdge } from './matching';
import type { Blocker, Eligibility, Installation, UpgradeOption } from './eligibility.types';
import { installationGlobalId } from './eligibility.types';

/** SQL condition limiting installation alias `i` to what the viewer may see. */
export function viewerScope(
  viewer: Viewer,
  param: (value: unknown, cast: string) => string,
  alias = 'i',
): string {
  return viewer.role === 'SUPPLIER' ? `${alias}.supplier_id = ${param(viewer.supplierId, 'int')}` : 'true';
}

export type InstallationRow = {
  id: number;
  cohort_id: number;
  supplier_id: number;
  supplier_name: string;
  sec_party_id: string | null;
  status: Installation['status'];
  status_as_of: string;
  migration_state: Installation['migrationState'];
  migrated_on: string | null;
  exclusion_category: Installation['exclusionCategory'];
  elec_only_migration: boolean;
  dmc_id: number | null;
  devices: {
    deviceId: string;
    deviceType: string;
    meterStatus: string | null;
    firmwareVersionId: number;
    modelId: number;
  }[];
};

/**
 * The columns of an installation as `InstallationRow`, over `installation i`, `supplier s` and
 * `device_combo c` (left joined): one definition for every query that returns installations.
 */
export const INSTALLATION_COLUMNS = `i.id, i.cohort_id, i.supplier_id, s.name as supplier_name, s.sec_party_id, i.status,
  i.status_as_of::text as status_as_of, i.migration_state, i.migrated_on::text as migrated_on, i.exclusion_category,
  i.elec_only_migration, c.dmc_id,
  (select coalesce(json_agg(json_build_object('deviceId', d.eui64, 'deviceType', d.device_type, 'meterStatus', d.meter_status,
          'firmwareVersionId', d.firmware_version_id, 'modelId', f.device_model_id) order by d.device_type, d.eui64), '[]'::json)
     from device d join firmware_version f on f.id = d.firmware_version_id where d.installation_id = i.id) as devices`;

export type InstallationWithDevices = Installation & { __devices: InstallationRow['devices'] };

export function installationFromRow(row: InstallationRow): InstallationWithDevices {
  return {
    id: installationGlobalId(row.id),
    installationId: row.id,
    cohortId: row.cohort_id,
    supplierId: row.supplier_id,
    comboDmcId: row.dmc_id,
    status: row.status,
    statusAsOf: row.status_as_of,
    migrationState: row.migration_state,
    migratedOn: row.migrated_on,
    exclusionCategory: row.exclusion_category,
    elecOnlyMigration: row.elec_only_migration,
    supplier: { id: String(row.supplier_id), name: row.supplier_name, secPartyId: row.sec_party_id },
    devices: row.devices.map((d) => ({
      ...d,
      deviceType: d.deviceType as never,
      meterStatus: d.meterStatus as never,
    })),
    __devices: row.devices,
  };
}

/** One installation the viewer may see, by id or by one of its devices, with its devices; null otherwise. */
export async function findInstallation(
  ctx: Context,
  by: { id?: number; deviceId?: string },
): Promise<Installation | null> {
  const { values, p } = sqlParams();
  const where =
    by.id !== undefined
      ? `i.id = ${p(by.id, 'int')}`
      : `i.id = (select installation_id from device where eui64 = ${p(by.deviceId, 'text')})`;
  const [row] = await ctx.sql<InstallationRow>(
    `select ${INSTALLATION_COLUMNS}
       from installation i join supplier s on s.id = i.supplier_id left join device_combo c on c.id = i.combo_id
      where ${where} and ${viewerScope(ctx.viewer, p)}`,
    values,
  );
  return row ? installationFromRow(row) : null;
}

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
     -- Upgrades need the same device models; when none has them, a sample of the rest explains why not.
     targets as (
       (select dmc_id, entry_id, state from candidates where model_sig = $5)
       union all
       (select dmc_id, entry_id, state from candidates where not exists (select 1 from candidates where model_sig = $5) order by dmc_id limit 25))
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
      devices
        .map((d) => `${d.deviceType}:${d.modelId}`)
        .sort((a, b) =>
          a.split(':')[0] === b.split(':')[0]
            ? Number(a.split(':')[1]) - Number(b.split(':')[1])
            : a < b
              ? -1
              : 1,
        )
        .join('+'),
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
      code: 'MIGRATED',
      message: `already migrated${inst.migratedOn ? ` on ${inst.migratedOn}` : ''}`,
    });
  if (inst.migrationState === MigrationState.EXCLUDED)
    blockers.push({ code: 'EXCLUDED', message: `excluded: ${inst.exclusionCategory}` });
  if (devices.length === 0)
    blockers.push({ code: 'NO_DEVICES', message: 'no devices are recorded for the installation' });

  const onList = data.entry?.state === 'ON_EPCL';
  const eligible = onList && blockers.length === 0;
  const options: UpgradeOption[] = [];
  const reasons = new Map<string, Blocker>();
  if (!onList && devices.length) {
    for (const t of data.targets) {
      if (t.dmcId === inst.comboDmcId) continue;
      const target: Target = { dmcId: t.dmcId, cohortId: inst.cohortId, slots: t.slots };
      const match = matchInstallation(facts, target, data.edges);
      if (match.kind === 'UPGRADE') {
        options.push({
          dmcId: t.dmcId,
          entryId: t.entryId,
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
    if (!data.entry)
      blockers.push({
        code: 'NO_ENTRY_FOR_STATUS',
        message: inst.comboDmcId
          ? `its DMC has no EPCL entry for ${inst.status} installations`
          : 'its devices match no catalogued DMC',
      });
    if (options.length === 0) {
      if (data.targets.length === 0)
        blockers.push({
          code: 'NO_DMC_FOR_DEVICES',
          message: `no DMC in its cohort has an EPCL entry for ${inst.status} installations`,
        });
      // The most specific reasons: path problems beat model mismatches beat composition differences.
      const all = [...reasons.values()];
      const rank = ['NO_UPGRADE_PATH', 'HARDWARE_OR_MODEL_MISMATCH', 'MISSING_DEVICE', 'EXTRA_DEVICE'];
      const best = rank.find((code) => all.some((b) => b.code === code));
      blockers.push(...all.filter((b) => b.code === best).slice(0, 10));
    }
  }
  return {
    eligible,
    currentDmcId: inst.comboDmcId,
    entryId: data.entry?.id ?? null,
    chainIds: data.chain,
    upgradeOptions: options,
    blockers,
  };
}
