import { sqlParams } from '../../core/db/sql-params';
import type { Context, Viewer } from '../../core/graphql/context';
import {
  installationGlobalId,
  type Installation,
  type InstallationStateCount,
  type Supplier,
} from './inventory.types';

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

/** An installation as resolvers pass it on: `__typename` for the `Node` interface, raw devices for matching. */
export type InstallationWithDevices = Installation & {
  __typename: 'Installation';
  __devices: InstallationRow['devices'];
};

export function installationFromRow(row: InstallationRow): InstallationWithDevices {
  return {
    __typename: 'Installation',
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

/** The suppliers the viewer may see, by name. */
export async function listSuppliers(ctx: Context): Promise<Supplier[]> {
  const { values, p } = sqlParams();
  const where = ctx.viewer.role === 'SUPPLIER' ? `s.id = ${p(ctx.viewer.supplierId, 'int')}` : 'true';
  const rows = await ctx.sql<{ id: number; name: string; sec_party_id: string | null }>(
    `select s.id, s.name, s.sec_party_id from supplier s where ${where} order by s.name, s.id`,
    values,
  );
  return rows.map((r) => ({ id: String(r.id), name: r.name, secPartyId: r.sec_party_id }));
}

/**
 * Installations that are not migrating by the ordinary path (excluded, failed, in flight), by migration state
 * and exclusion category, largest first; a supplier viewer counts only its own.
 */
export async function installationsNotMigrating(ctx: Context): Promise<InstallationStateCount[]> {
  const { values, p } = sqlParams();
  return ctx.sql<InstallationStateCount>(
    `select i.migration_state as "migrationState", i.exclusion_category as "exclusionCategory", count(*)::int as installations
       from installation i
      where i.migration_state not in ('UNMIGRATED', 'MIGRATED') and ${viewerScope(ctx.viewer, p)}
      group by 1, 2 order by 3 desc, 1, 2`,
    values,
  );
}
