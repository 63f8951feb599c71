import type { TypeRegistry } from '../../core/graphql/compiler/compiler';
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

export const DMC_SQL: TypeRegistry = {
  Dmc: {
    id: nodeId('Dmc'),
    fingerprint: column('fingerprint'),
    label: column('label'),
    synthetic: column('synthetic'),
    cohort: belongsTo('cohort', 'cohort_id'),
    slots: hasMany('dmc_slot', 'dmc_id', 'device_type, slot_no'),
    entries: hasMany('epcl_entry', 'dmc_id', 'installation_status'),
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
    testReports: {
      kind: 'list',
      from: 'test_report',
      where: (p, c) => `${c}.id in (select test_report_id from test_report_scope where dmc_id = ${p}.id)`,
      orderBy: (c) => `${c}.id`,
    },
  },
  DmcSlot: {
    deviceType: column('device_type'),
    slotNo: column('slot_no'),
    firmwareVersion: belongsTo('firmware_version', 'firmware_version_id'),
    deviceModel: {
      kind: 'object',
      from: 'device_model',
      where: (p, c) =>
        `${c}.id = (select device_model_id from firmware_version where id = ${p}.firmware_version_id)`,
    },
  },
  DmcRelation: {
    id: nodeId('DmcRelation'),
    kind: column('kind'),
    subject: belongsTo('dmc', 'subject_id'),
    basis: belongsTo('dmc', 'basis_id'),
    rationale: column('rationale'),
    publishedIn: column('published_in'),
    decidedOn: column('decided_on'),
  },
};

type DmcFilter = {
  cohort?: string;
  containsDeviceModelId?: string;
  containsFirmwareId?: string;
  tested?: boolean;
  onEpcl?: boolean;
  fingerprint?: string;
};

export const dmcsConnection = connection(
  'dmc',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as DmcFilter;
    const where: string[] = [];
    if (f.cohort)
      where.push(`${c}.cohort_id = (select id from cohort where code = ${ctx.param(f.cohort, 'text')})`);
    if (f.fingerprint) where.push(`${c}.fingerprint = ${ctx.param(f.fingerprint, 'text')}`);
    if (f.containsDeviceModelId) {
      const model = ctx.param(
        decodeIdOf('DeviceModel', f.containsDeviceModelId, 'filter.containsDeviceModelId'),
        'int',
      );
      where.push(
        `exists (select 1 from dmc_slot s join firmware_version f on f.id = s.firmware_version_id where s.dmc_id = ${c}.id and f.device_model_id = ${model})`,
      );
    }
    if (f.containsFirmwareId) {
      const fw = ctx.param(
        decodeIdOf('FirmwareVersion', f.containsFirmwareId, 'filter.containsFirmwareId'),
        'int',
      );
      where.push(
        `exists (select 1 from dmc_slot s where s.dmc_id = ${c}.id and s.firmware_version_id = ${fw})`,
      );
    }
    if (f.tested !== undefined && f.tested !== null) {
      where.push(
        `${f.tested ? '' : 'not '}exists (select 1 from epcl_entry e where e.dmc_id = ${c}.id and e.basis in ('TESTED','TESTED_VIA_DORMANT'))`,
      );
    }
    if (f.onEpcl !== undefined && f.onEpcl !== null) {
      where.push(
        `${f.onEpcl ? '' : 'not '}exists (select 1 from epcl_entry e where e.dmc_id = ${c}.id and e.state = 'ON_EPCL')`,
      );
    }
    return where;
  },
  { ID_ASC: byId(), ID_DESC: byId(true), FINGERPRINT_ASC: byColumnThenId((t) => `${t}.fingerprint`, 'text') },
);
