import type { Args, FieldSpec, SqlContext } from '../../core/graphql/compiler/compiler';
import {
  belongsTo,
  byColumnThenId,
  byId,
  column,
  connection,
  filterBy,
  hasMany,
  all,
  lookup,
} from '../../core/graphql/compiler/fields';
import { decodeIdOf } from '../../core/graphql/compiler/global-id';
import { fromEntity, sqlType, type TypeDefinitions } from '../../core/graphql/compiler/registry';

/** Firmware reachable from `from` over directed upgrade paths usable for a cohort (null: paths for any cohort). */
export function reachSql(direction: 'forward' | 'backward', cohortParam: string): string {
  const [start, next] =
    direction === 'forward' ? ['from_firmware_id', 'to_firmware_id'] : ['to_firmware_id', 'from_firmware_id'];
  const usable = (p: string) =>
    `${p}.ota_supported and (${p}.cohort_id is null or ${cohortParam} is null or ${p}.cohort_id = ${cohortParam})`;
  return `(with recursive reach(origin, firmware_id, hops) as (
      select p.${start}, p.${next}, 1 from firmware_upgrade_path p where ${usable('p')}
      union
      select r.origin, p.${next}, r.hops + 1 from reach r join firmware_upgrade_path p on p.${start} = r.firmware_id
       where ${usable('p')} and r.hops < 32)
    select origin, firmware_id, min(hops) as hops from reach group by origin, firmware_id)`;
}

const cohortArg = (args: Args, ctx: SqlContext) =>
  args.cohort ? ctx.param(args.cohort, 'text') : 'null::text';

/**
 * Whether restriction row `r` applies to device model `m`: its own model, or (when it names the model for
 * every hardware version) any model of the same manufacturer, device type and model name. One definition,
 * used by DeviceModel, Dmc and eligibility.
 */
export function restrictionAppliesTo(r: string, m: string): string {
  return `(${r}.device_model_id = ${m}.id or (${r}.all_hardware_versions and exists (
      select 1 from device_model rm where rm.id = ${r}.device_model_id and rm.manufacturer_id = ${m}.manufacturer_id
         and rm.device_type = ${m}.device_type and rm.model_name = ${m}.model_name)))`;
}

/** Catalogue types: plain columns and relations come from the entities; only the rest is written here. */
export const CATALOGUE_SQL: TypeDefinitions = {
  Manufacturer: fromEntity('Manufacturer', {
    deviceModels: hasMany('device_model', 'manufacturer_id', 'device_type, model_name, hardware_version'),
  }),
  DeviceModel: fromEntity('DeviceModel', {
    restrictions: {
      kind: 'list',
      from: 'device_model_restriction',
      where: (p, c) => restrictionAppliesTo(c, p),
      orderBy: (c) => `${c}.id`,
    },
  }),
  FirmwareVersion: fromEntity('FirmwareVersion', {
    upgradesTo: hasMany('firmware_upgrade_path', 'from_firmware_id'),
    upgradesFrom: hasMany('firmware_upgrade_path', 'to_firmware_id'),
    reachableUpgrades: reach('forward'),
    reachableFrom: reach('backward'),
  }),
  FirmwareUpgradePath: fromEntity('FirmwareUpgradePath'),
  FirmwareReach: sqlType({
    hops: column('hops'),
    firmwareVersion: belongsTo('firmware_version', 'firmware_id'),
  }),
  DeviceModelRestriction: fromEntity('DeviceModelRestriction'),
  Cohort: fromEntity('Cohort'),
};

/**
 * Transitive upgrade targets (forward) or sources (backward), each with its fewest hops, over paths usable
 * for the `cohort` argument (all paths when omitted).
 */
function reach(direction: 'forward' | 'backward'): FieldSpec {
  return {
    kind: 'list',
    from: (args, ctx) => reachSql(direction, `(select id from cohort where code = ${cohortArg(args, ctx)})`),
    where: (p, c) => `${c}.origin = ${p}.id`,
    orderBy: (c) => `${c}.hops, ${c}.firmware_id`,
  };
}

export const MANUFACTURER_ORDERS = {
  NAME_ASC: byColumnThenId((t) => `${t}.name`, 'text'),
  ID_ASC: byId(),
  ID_DESC: byId(true),
};

export const manufacturersConnection = connection('manufacturer', {
  filters: { nameContains: filterBy.contains((r) => `${r}.name`) },
  orders: MANUFACTURER_ORDERS,
});

export const deviceModelsConnection = connection('device_model', {
  filters: {
    deviceTypes: filterBy.anyOf((r) => `${r}.device_type`, 'text[]'),
    manufacturerId: (r, id: string, ctx) =>
      `${r}.manufacturer_id = ${ctx.param(decodeIdOf('Manufacturer', id, 'filter.manufacturerId'), 'int')}`,
    modelNameContains: filterBy.contains((r) => `${r}.model_name`),
  },
  orders: {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    MODEL_NAME_ASC: byColumnThenId((t) => `${t}.model_name`, 'text'),
  },
});

export const firmwareVersionsConnection = connection('firmware_version', {
  filters: {
    deviceTypes: filterBy.anyOf((r) => `${r}.device_type`, 'text[]'),
    deviceModelId: (r, id: string, ctx) =>
      `${r}.device_model_id = ${ctx.param(decodeIdOf('DeviceModel', id, 'filter.deviceModelId'), 'int')}`,
    versionHex: (r, hex: string, ctx) => `${r}.version_hex = ${ctx.param(hex.toUpperCase(), 'text')}`,
  },
  orders: {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    RELEASED_ON_ASC: byColumnThenId((t) => `coalesce(${t}.released_on, '-infinity'::date)`, 'date'),
  },
});

/** Root fields of the catalogue. */
export const CATALOGUE_QUERIES: Record<string, FieldSpec> = {
  manufacturers: manufacturersConnection,
  deviceModels: deviceModelsConnection,
  deviceModel: lookup(
    'device_model',
    (r, a, p) =>
      `${r}.model_name = ${p(a.model, 'text')} and ${r}.hardware_version = ${p(a.hardwareVersion, 'text')} and ${r}.manufacturer_id = (select id from manufacturer where name = ${p(a.manufacturer, 'text')})`,
  ),
  firmwareVersions: firmwareVersionsConnection,
  cohorts: all('cohort', 'id'),
};
