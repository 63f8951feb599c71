import type { FieldSpec } from '../../core/graphql/compiler/compiler';
import {
  byColumnThenId,
  byId,
  connection,
  filterBy,
  hasMany,
  lookup,
} from '../../core/graphql/compiler/fields';
import { decodeIdOf } from '../../core/graphql/compiler/global-id';
import { entriesFrom } from '../epcl/epcl.sql';
import { fromEntity, type TypeDefinitions } from '../../core/graphql/compiler/registry';
import { restrictionAppliesTo } from '../catalogue/catalogue.sql';

const related = (kind: 'CHILD_OF' | 'SUBSTANTIVELY_EQUIVALENT_TO', direction: 'subject' | 'basis') => ({
  kind: 'list' as const,
  from: 'dmc',
  // The DMCs on the other side of relations of this kind where this DMC is the `direction` side.
  where: (p: string, c: string) =>
    direction === 'subject'
      ? `${c}.id in (select basis_id from dmc_relation where kind = '${kind}' and subject_id = ${p}.id)`
      : `${c}.id in (select subject_id from dmc_relation where kind = '${kind}' and basis_id = ${p}.id)`,
  orderBy: (c: string) => `${c}.id`,
});

export const DMC_SQL: TypeDefinitions = {
  Dmc: fromEntity('Dmc', {
    slots: hasMany('dmc_slot', 'dmc_id', 'device_type, slot_no'),
    entries: {
      kind: 'list',
      from: entriesFrom,
      where: (p, c) => `${c}.dmc_id = ${p}.id`,
      orderBy: (c) => `${c}.installation_status, ${c}.id`,
    },
    parents: related('CHILD_OF', 'subject'),
    children: related('CHILD_OF', 'basis'),
    equivalentTo: related('SUBSTANTIVELY_EQUIVALENT_TO', 'subject'),
    equivalents: related('SUBSTANTIVELY_EQUIVALENT_TO', 'basis'),
    relations: {
      kind: 'list',
      from: 'dmc_relation',
      where: (p, c) => `(${c}.subject_id = ${p}.id or ${c}.basis_id = ${p}.id)`,
      orderBy: (c) => `${c}.id`,
    },
    restrictions: {
      kind: 'list',
      from: 'device_model_restriction',
      where: (p, c) => `(${c}.cohort_id is null or ${c}.cohort_id = ${p}.cohort_id) and exists (
          select 1 from dmc_slot s join firmware_version f on f.id = s.firmware_version_id join device_model m on m.id = f.device_model_id
           where s.dmc_id = ${p}.id and ${restrictionAppliesTo(c, 'm')})`,
      orderBy: (c) => `${c}.id`,
    },
    testReports: {
      kind: 'list',
      from: 'test_report',
      where: (p, c) => `${c}.id in (select test_report_id from test_report_scope where dmc_id = ${p}.id)`,
      orderBy: (c) => `${c}.id`,
    },
  }),
  DmcSlot: fromEntity('DmcSlot', {
    deviceModel: {
      kind: 'object',
      from: 'device_model',
      where: (p, c) =>
        `${c}.id = (select device_model_id from firmware_version where id = ${p}.firmware_version_id)`,
    },
  }),
  DmcRelation: fromEntity('DmcRelation'),
};

export type DeviceKey = {
  manufacturer: string;
  model: string;
  hardwareVersion: string;
  firmwareVersion: string;
};

/**
 * The fingerprint of the DMC made of `devices` (a JSON parameter), computed from the catalogue the way the
 * database computes a DMC's (`dmc_fingerprint()`); null when any device is not catalogued, so a subset of the
 * devices can never match a child DMC by accident.
 */
export function fingerprintOfDevices(devicesParam: string): string {
  return `(select string_agg(f.device_type || ':' || f.id, '+' order by f.device_type, f.id)
      from jsonb_to_recordset(${devicesParam}) as x(manufacturer text, model text, "hardwareVersion" text, "firmwareVersion" text)
      join manufacturer m on m.name = x.manufacturer
      join device_model dm on dm.manufacturer_id = m.id and dm.model_name = x.model and dm.hardware_version = x."hardwareVersion"
      join firmware_version f on f.device_model_id = dm.id
       and (f.version_raw = x."firmwareVersion" or f.version_hex = upper(x."firmwareVersion"))
     having count(*) = jsonb_array_length(${devicesParam}))`;
}

const exists = (yes: boolean, sql: string) => `${yes ? '' : 'not '}exists (${sql})`;

export const dmcsConnection = connection('dmc', {
  filters: {
    cohort: (r, code: string, ctx) =>
      `${r}.cohort_id = (select id from cohort where code = ${ctx.param(code, 'text')})`,
    fingerprint: filterBy.equals((r) => `${r}.fingerprint`, 'text'),
    containsDeviceModelId: (r, id: string, ctx) => {
      const model = ctx.param(decodeIdOf('DeviceModel', id, 'filter.containsDeviceModelId'), 'int');
      return `exists (select 1 from dmc_slot s join firmware_version f on f.id = s.firmware_version_id where s.dmc_id = ${r}.id and f.device_model_id = ${model})`;
    },
    containsFirmwareId: (r, id: string, ctx) => {
      const fw = ctx.param(decodeIdOf('FirmwareVersion', id, 'filter.containsFirmwareId'), 'int');
      return `exists (select 1 from dmc_slot s where s.dmc_id = ${r}.id and s.firmware_version_id = ${fw})`;
    },
    tested: (r, tested: boolean) =>
      exists(
        tested,
        `select 1 from epcl_entry e where e.dmc_id = ${r}.id and e.basis in ('TESTED','TESTED_VIA_DORMANT')`,
      ),
    onEpcl: (r, onEpcl: boolean) =>
      exists(onEpcl, `select 1 from epcl_entry e where e.dmc_id = ${r}.id and e.state = 'ON_EPCL'`),
    devices: (r, devices: DeviceKey[], ctx) =>
      `${r}.fingerprint = ${fingerprintOfDevices(ctx.param(JSON.stringify(devices), 'jsonb'))}`,
  },
  orders: {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    FINGERPRINT_ASC: byColumnThenId((t) => `${t}.fingerprint`, 'text'),
  },
});

/** Root fields of DMCs. */
export const DMC_QUERIES: Record<string, FieldSpec> = {
  dmcs: dmcsConnection,
  dmcByDevices: {
    kind: 'object',
    from: 'dmc',
    where: (_p, c, args, ctx) => {
      const devices = ctx.param(JSON.stringify(args.devices), 'jsonb');
      return `${c}.cohort_id = (select id from cohort where code = ${ctx.param(args.cohort, 'text')}) and ${c}.fingerprint = ${fingerprintOfDevices(devices)}`;
    },
  },
  dmc: lookup(
    'dmc',
    (r, a, p) =>
      `${r}.fingerprint = ${p(a.fingerprint, 'text')} and ${r}.cohort_id = (select id from cohort where code = ${p(a.cohort, 'text')})`,
  ),
};
