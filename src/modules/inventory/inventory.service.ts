import { sqlParams } from '../../core/db/sql-params';
import type { Context, Viewer } from '../../core/graphql/context';
import { decodeGlobalId, MAX_KEY } from '../../core/graphql/compiler/global-id';
import { pageArgs } from '../../core/graphql/connection';
import { badUserInput } from '../../core/graphql/errors';
import {
  installationGlobalId,
  supplierGlobalId,
  type Installation,
  type InstallationStateCount,
  type InstallationConnection,
  type Supplier,
  type ViewerDmcConnection,
  type ViewerInstallationsArgs,
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
    supplier: supplierFromRow({
      id: row.supplier_id,
      name: row.supplier_name,
      sec_party_id: row.sec_party_id,
    }),
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

export function supplierFromRow(row: { id: number; name: string; sec_party_id: string | null }): Supplier {
  return {
    __typename: 'Supplier',
    id: supplierGlobalId(row.id),
    supplierKey: row.id,
    name: row.name,
    secPartyId: row.sec_party_id,
  } as Supplier;
}

/**
 * A supplier argument: the supplier's global ID, or (accepted for clients written before suppliers were
 * nodes) its number as digits.
 */
export function supplierKey(id: string, argument: string): number {
  if (/^[0-9]{1,10}$/.test(id)) {
    const key = Number(id);
    if (key >= 1 && key <= MAX_KEY) return key;
    throw badUserInput(argument, `a supplier's ID, or its number from 1 to ${MAX_KEY}`, id);
  }
  const decoded = decodeGlobalId(id, argument);
  if (decoded.typeName !== 'Supplier')
    throw badUserInput(argument, 'the ID of a Supplier', `the ID of a ${decoded.typeName}`);
  return decoded.key;
}

/** Suppliers the viewer may see: all for DCC staff, itself for a supplier. */
export async function findSuppliers(ctx: Context, ids?: number[]): Promise<Supplier[]> {
  const { values, p } = sqlParams();
  const where = [
    ctx.viewer.role === 'SUPPLIER' ? `s.id = ${p(ctx.viewer.supplierId, 'int')}` : 'true',
    ids ? `s.id = any(${p(ids, 'int[]')})` : 'true',
  ];
  const rows = await ctx.sql<{ id: number; name: string; sec_party_id: string | null }>(
    `select s.id, s.name, s.sec_party_id from supplier s where ${where.join(' and ')} order by s.name, s.id`,
    values,
  );
  return rows.map(supplierFromRow);
}

const encodeCursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64');
function decodeCursor(cursor: string, kind: string, length: number, argument: string): number[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === length + 1 &&
      v[0] === kind &&
      v.slice(1).every((x) => Number.isSafeInteger(x))
    )
      return v.slice(1) as number[];
  } catch {
    // reported below
  }
  throw badUserInput(argument, 'a cursor returned by this connection', cursor);
}

/**
 * The viewer's installations (every installation for DCC staff), filtered, a page at a time by id.
 * `conditions` adds conditions on `installation i` (and `device_combo c`, left joined).
 */
export async function viewerInstallations(
  ctx: Context,
  args: ViewerInstallationsArgs,
  conditions: (p: (value: unknown, cast: string) => string) => string[] = () => [],
): Promise<InstallationConnection> {
  const { limit, cursor } = pageArgs(args, { forwardOnly: 'installations page forwards only' });
  const after = cursor !== undefined ? decodeCursor(cursor, 'INSTALLATION', 1, 'after')[0] : undefined;
  const { values, p } = sqlParams();
  const where = [viewerScope(ctx.viewer, p), ...conditions(p)];
  const f = args.filter ?? {};
  if (f.statuses?.length) where.push(`i.status = any(${p(f.statuses, 'text[]')})`);
  if (f.migrationStates?.length) where.push(`i.migration_state = any(${p(f.migrationStates, 'text[]')})`);
  if (f.cohort) where.push(`i.cohort_id = (select id from cohort where code = ${p(f.cohort, 'text')})`);
  const page = [...where, ...(after !== undefined ? [`i.id > ${p(after, 'int')}`] : [])];
  const [row] = await ctx.sql<{ total: number; page: InstallationRow[] | null }>(
    `select (select count(*)::int from installation i left join device_combo c on c.id = i.combo_id
              where ${where.join(' and ')}) as total,
            (select json_agg(x order by x.id) from (
               select ${INSTALLATION_COLUMNS}
                 from installation i join supplier s on s.id = i.supplier_id left join device_combo c on c.id = i.combo_id
                where ${page.join(' and ')} order by i.id limit ${limit + 1}) x) as page`,
    values,
  );
  const rows = row.page ?? [];
  return keysetPage(
    rows.map(installationFromRow),
    limit,
    (n) => ['INSTALLATION', n.installationId],
    after !== undefined,
    row.total,
  );
}

/**
 * A forward keyset page from `rows` fetched with one row more than `limit` (that extra row says whether a
 * next page exists), each row's cursor made from `key`.
 */
function keysetPage<T>(
  rows: T[],
  limit: number,
  key: (row: T) => unknown[],
  hasPreviousPage: boolean,
  totalCount: number,
) {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The DMCs of the viewer's installations, with counts, most installations first. */
export async function viewerDmcs(
  ctx: Context,
  args: { first?: number | null; after?: string | null },
): Promise<ViewerDmcConnection> {
  const { limit, cursor } = pageArgs(args, { forwardOnly: 'DMCs page forwards only' });
  const after = cursor !== undefined ? decodeCursor(cursor, 'VIEWER_DMC', 2, 'after') : undefined;
  const { values, p } = sqlParams();
  const scope = viewerScope(ctx.viewer, p);
  const keyset = after
    ? `where (-installations, dmc_id) > (${p(-after[0], 'int')}, ${p(after[1], 'int')})`
    : '';
  const [row] = await ctx.sql<{
    total: number;
    page: { dmc_id: number; installations: number; unmigrated: number }[] | null;
  }>(
    `with mine as (
       select c.dmc_id, count(*)::int as installations,
              count(*) filter (where i.migration_state = 'UNMIGRATED')::int as unmigrated
         from installation i join device_combo c on c.id = i.combo_id
        where c.dmc_id is not null and ${scope} group by c.dmc_id)
     select (select count(*)::int from mine) as total,
            (select json_agg(x order by -x.installations, x.dmc_id) from (
               select * from mine ${keyset} order by -installations, dmc_id limit ${limit + 1}) x) as page`,
    values,
  );
  const rows = row.page ?? [];
  return keysetPage(
    rows.map((r) => ({ dmcId: r.dmc_id, installations: r.installations, unmigrated: r.unmigrated })),
    limit,
    (n) => ['VIEWER_DMC', n.installations, n.dmcId],
    after !== undefined,
    row.total,
  );
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
