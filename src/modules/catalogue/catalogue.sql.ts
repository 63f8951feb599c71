import type { Args, FieldSpec, SqlContext, TypeRegistry } from '../../core/graphql/compiler/compiler';
import {
  belongsTo,
  byColumnThenId,
  byId,
  column,
  connection,
  hasMany,
  nodeId,
} from '../../core/graphql/compiler/fields';
import { decodeIdOf } from '../../core/graphql/compiler/global-id';

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

export const CATALOGUE_SQL: TypeRegistry = {
  Manufacturer: {
    id: nodeId('Manufacturer'),
    name: column('name'),
    manufacturerIdentifier: column('manufacturer_identifier'),
    synthetic: column('synthetic'),
    deviceModels: hasMany('device_model', 'manufacturer_id', 'device_type, model_name, hardware_version'),
  },
  DeviceModel: {
    id: nodeId('DeviceModel'),
    deviceType: column('device_type'),
    modelName: column('model_name'),
    modelIdentifier: column('model_identifier'),
    hardwareVersion: column('hardware_version'),
    synthetic: column('synthetic'),
    manufacturer: belongsTo('manufacturer', 'manufacturer_id'),
    firmwareVersions: hasMany('firmware_version', 'device_model_id', 'id'),
    restrictions: hasMany('device_model_restriction', 'device_model_id'),
  },
  FirmwareVersion: {
    id: nodeId('FirmwareVersion'),
    deviceType: column('device_type'),
    versionRaw: column('version_raw'),
    versionHex: column('version_hex'),
    encoding: column('encoding'),
    releasedOn: column('released_on'),
    synthetic: column('synthetic'),
    deviceModel: belongsTo('device_model', 'device_model_id'),
    upgradesTo: hasMany('firmware_upgrade_path', 'from_firmware_id'),
    upgradesFrom: hasMany('firmware_upgrade_path', 'to_firmware_id'),
    reachableUpgrades: reach('forward'),
    reachableFrom: reach('backward'),
  },
  FirmwareUpgradePath: {
    id: nodeId('FirmwareUpgradePath'),
    fromFirmware: belongsTo('firmware_version', 'from_firmware_id'),
    toFirmware: belongsTo('firmware_version', 'to_firmware_id'),
    cohort: belongsTo('cohort', 'cohort_id'),
    otaSupported: column('ota_supported'),
    dormantUpgradeByDcc: column('dormant_upgrade_by_dcc'),
    prerequisiteNote: column('prerequisite_note'),
  },
  FirmwareReach: {
    hops: column('hops'),
    firmwareVersion: belongsTo('firmware_version', 'firmware_id'),
  },
  DeviceModelRestriction: {
    id: nodeId('DeviceModelRestriction'),
    deviceModel: belongsTo('device_model', 'device_model_id'),
    cohort: belongsTo('cohort', 'cohort_id'),
    restriction: column('restriction'),
    communicationRef: column('communication_ref'),
    communicationTitle: column('communication_title'),
    communicatedOn: column('communicated_on'),
  },
  Cohort: {
    id: nodeId('Cohort'),
    code: column('code'),
    name: column('name'),
    operatingCapability: column('operating_capability'),
    s1spName: column('s1sp_name'),
  },
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

export const manufacturersConnection = connection(
  'manufacturer',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as { nameContains?: string };
    return f.nameContains
      ? [`${c}.name ilike ${ctx.param(`%${f.nameContains.replace(/[\\%_]/g, '\\$&')}%`, 'text')}`]
      : [];
  },
  MANUFACTURER_ORDERS,
);

export const deviceModelsConnection = connection(
  'device_model',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as {
      deviceTypes?: string[];
      manufacturerId?: string;
      modelNameContains?: string;
    };
    const where: string[] = [];
    if (f.deviceTypes?.length) where.push(`${c}.device_type = any(${ctx.param(f.deviceTypes, 'text[]')})`);
    if (f.manufacturerId)
      where.push(
        `${c}.manufacturer_id = ${ctx.param(decodeIdOf('Manufacturer', f.manufacturerId, 'filter.manufacturerId'), 'int')}`,
      );
    if (f.modelNameContains)
      where.push(`${c}.model_name ilike ${ctx.param(`%${f.modelNameContains}%`, 'text')}`);
    return where;
  },
  { ID_ASC: byId(), ID_DESC: byId(true), MODEL_NAME_ASC: byColumnThenId((t) => `${t}.model_name`, 'text') },
);

export const firmwareVersionsConnection = connection(
  'firmware_version',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as { deviceTypes?: string[]; deviceModelId?: string; versionHex?: string };
    const where: string[] = [];
    if (f.deviceTypes?.length) where.push(`${c}.device_type = any(${ctx.param(f.deviceTypes, 'text[]')})`);
    if (f.deviceModelId)
      where.push(
        `${c}.device_model_id = ${ctx.param(decodeIdOf('DeviceModel', f.deviceModelId, 'filter.deviceModelId'), 'int')}`,
      );
    if (f.versionHex) where.push(`${c}.version_hex = ${ctx.param(f.versionHex.toUpperCase(), 'text')}`);
    return where;
  },
  {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    RELEASED_ON_ASC: byColumnThenId((t) => `coalesce(${t}.released_on, '-infinity'::date)`, 'date'),
  },
);
