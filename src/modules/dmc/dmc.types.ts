import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';
import { connectionOf, Node, PageArgs, type Of } from '../../core/graphql/relay';
import { UserError } from '../../core/graphql/user-error';
import { DeviceType, DmcRelationKind, InstallationStatus } from '../common/enums';
import { IDEMPOTENCY_KEY } from '../epcl/lifecycle.types';
import { Cohort, DeviceModel, DeviceModelRestriction, FirmwareVersion } from '../catalogue/catalogue.types';
import { EpclEntry } from '../epcl/epcl.types';
import { TestReport } from '../testing/testing.types';

@ObjectType({ description: 'One slot of a DMC: a device type at a specific firmware version.' })
export class DmcSlot {
  @Field(() => DeviceType)
  deviceType!: DeviceType;

  @Field(() => Int, { description: 'Distinguishes twin devices of one type (1 for most).' })
  slotNo!: number;

  @Field(() => FirmwareVersion)
  firmwareVersion!: Of<FirmwareVersion>;

  @Field(() => DeviceModel, { description: 'Shortcut for firmwareVersion.deviceModel.' })
  deviceModel!: Of<DeviceModel>;
}

@ObjectType({
  implements: Node,
  description:
    'A Device Model Combination (DMC): the set of device models, at specific firmware versions, that make up a SMETS1 installation in one cohort. EPCL entries are per DMC and installation status.',
})
export class Dmc extends Node {
  @Field({
    description:
      'Canonical identity within the cohort: the slots as DEVICE_TYPE:firmwareVersionId, sorted, joined by +.',
  })
  fingerprint!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field()
  synthetic!: boolean;

  @Field(() => Cohort)
  cohort!: Of<Cohort>;

  @Field(() => [DmcSlot])
  slots!: DmcSlot[];

  /** Field resolver `DmcFieldsResolver.entries` (with `asOf`). */
  entries!: EpclEntry[];

  @Field(() => [Dmc], {
    description: 'DMCs this one is a child of (its devices are a strict subset of theirs).',
  })
  parents!: Dmc[];

  @Field(() => [Dmc], { description: 'Child DMCs of this one.' })
  children!: Dmc[];

  @Field(() => [Dmc], { description: 'The tested DMC this one is substantively equivalent to, if any.' })
  equivalentTo!: Dmc[];

  @Field(() => [Dmc], { description: 'DMCs judged substantively equivalent to this (tested) one.' })
  equivalents!: Dmc[];

  @Field(() => [DmcRelation], {
    description: 'Child and equivalence relations on either side, with rationale and publication.',
  })
  relations!: DmcRelation[];

  @Field(() => [DeviceModelRestriction], {
    description:
      'Post-enrolment functional restrictions on any of its device models (for its cohort), e.g. the Secure Liberty 110 boost and remote override: what an installation of this DMC loses once migrated.',
  })
  restrictions!: DeviceModelRestriction[];

  @Field(() => [TestReport], { description: 'Test reports whose scope includes this DMC.' })
  testReports!: TestReport[];
}

@ObjectType({
  implements: Node,
  description: 'A child or substantive-equivalence link between two DMCs of one cohort.',
})
export class DmcRelation extends Node {
  @Field(() => DmcRelationKind)
  kind!: DmcRelationKind;

  @Field(() => Dmc, { description: 'The child, or the untested equivalent DMC.' })
  subject!: Of<Dmc>;

  @Field(() => Dmc, { description: 'The parent, or the tested DMC it rests on.' })
  basis!: Of<Dmc>;

  @Field()
  rationale!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where DCC published it, e.g. the Excluded from DMCT Schedule list.',
  })
  publishedIn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  decidedOn!: string | null;
}

export const DmcConnection = connectionOf(Dmc, 'Dmc');

export enum DmcOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  FINGERPRINT_ASC = 'FINGERPRINT_ASC',
}
registerEnumType(DmcOrder, { name: 'DmcOrder' });

@InputType({
  description:
    'One device as a supplier records it: manufacturer, model and hardware version, and the firmware version it runs.',
})
export class DmcDeviceInput {
  @Field({ description: 'Manufacturer name as catalogued, e.g. "Secure Meters (UK) Ltd".' })
  manufacturer!: string;

  @Field({ description: 'Model name, e.g. "Liberty 110".' })
  model!: string;

  @Field({ description: 'Hardware version, e.g. "1.0".' })
  hardwareVersion!: string;

  @Field({
    description:
      'Firmware version as published (e.g. "0x00010203" or "1.2.3") or its 8-digit hex form; matched on either.',
  })
  firmwareVersion!: string;
}

@InputType()
export class DmcFilter {
  @Field(() => String, { nullable: true, description: 'Cohort code, e.g. MOC_SECURE.' })
  cohort?: string;

  @Field(() => String, { nullable: true })
  fingerprint?: string;

  @Field(() => ID, { nullable: true, description: 'DMCs with a slot of this device model.' })
  containsDeviceModelId?: string;

  @Field(() => ID, { nullable: true, description: 'DMCs with a slot at this firmware version.' })
  containsFirmwareId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'DMCs with (true) or without (false) a tested entry.',
  })
  tested?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'DMCs with (true) or without (false) an entry on the EPCL.',
  })
  onEpcl?: boolean;

  @Field(() => [DmcDeviceInput], {
    nullable: true,
    description:
      'The DMC made of exactly these devices (every device given, no other), as `dmcByDevices` finds it; no match when any device is not catalogued.',
  })
  devices?: DmcDeviceInput[];
}

@ArgsType()
export class DmcsArgs extends PageArgs {
  @Field(() => DmcFilter, { nullable: true })
  filter?: DmcFilter;

  @Field(() => [DmcOrder], { nullable: true })
  orderBy?: DmcOrder[];
}

@InputType({ description: 'One slot of a new DMC.' })
export class DmcSlotInput {
  @Field(() => DeviceType)
  deviceType!: DeviceType;

  @Field(() => Int, { nullable: true, description: '1–9, default 1; twins take 1 and 2.' })
  slotNo?: number | null;

  @Field(() => ID, { description: 'A FirmwareVersion of a device model of that type.' })
  firmwareVersionId!: string;
}

@InputType({ description: 'A new DMC: its cohort and slots, and the EPCL entries it is a candidate for.' })
export class CreateDmcInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field({ description: 'The cohort code, e.g. MOC_SECURE.' })
  cohort!: string;

  @Field(() => String, { nullable: true, description: 'A label for people, up to 2000 characters.' })
  label?: string | null;

  @Field(() => [DmcSlotInput], {
    description:
      '2–9 slots, each device type and slot number once: exactly one CHF and at least one ESME or GSME.',
  })
  slots!: DmcSlotInput[];

  @Field(() => [InstallationStatus], {
    nullable: true,
    description: 'Installation statuses to create CANDIDATE EPCL entries for, each once.',
  })
  candidateEntries?: InstallationStatus[] | null;

  @Field(() => LocalDate, {
    description: 'When the DMC was identified: its entries’ history starts then; not in the future.',
  })
  createdOn!: string;
}

@ObjectType({ description: 'The result of `createDmc`.' })
export class CreateDmcPayload {
  dmcId!: number | null;

  @Field(() => Dmc, { nullable: true, description: 'The DMC created; null on error.' })
  dmc!: Of<Dmc> | null;

  @Field(() => [UserError], { description: 'Empty when the DMC was created.' })
  userErrors!: UserError[];
}
