import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';
import { connectionOf, Node, PageArgs, type Of } from '../../core/graphql/relay';
import { UserError } from '../../core/graphql/user-error';
import { DeviceType, FirmwareEncoding, OperatingCapability } from '../common/enums';

/*
 * Catalogue types as suppliers see them. Values are prepared by the SQL compiler (catalogue.sql.ts);
 * resolvers here only hand them over.
 */

@ObjectType({
  implements: Node,
  description: 'A SMETS1 migration cohort, i.e. the SMETS1 Service Provider (S1SP) behind it.',
})
export class Cohort extends Node {
  @Field({ description: 'Stable code, e.g. MOC_SECURE.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => OperatingCapability)
  operatingCapability!: OperatingCapability;

  @Field({ description: 'The S1SP, e.g. Secure.' })
  s1spName!: string;
}

@ObjectType({ implements: Node, description: 'A device manufacturer.' })
export class Manufacturer extends Node {
  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'GBCS manufacturer identifier (4 hex digits); often unknown for SMETS1.',
  })
  manufacturerIdentifier!: string | null;

  @Field({ description: 'True where the value was generated because the seed document gives none.' })
  synthetic!: boolean;

  @Field(() => [DeviceModel])
  deviceModels!: DeviceModel[];
}

@ObjectType({
  implements: Node,
  description:
    'A device model: manufacturer, model and hardware version of one device type. Firmware versions hang below it; hardware never changes by firmware.',
})
export class DeviceModel extends Node {
  @Field(() => DeviceType)
  deviceType!: DeviceType;

  @Field()
  modelName!: string;

  @Field(() => String, { nullable: true })
  modelIdentifier!: string | null;

  @Field()
  hardwareVersion!: string;

  @Field()
  synthetic!: boolean;

  @Field(() => Manufacturer)
  manufacturer!: Of<Manufacturer>;

  @Field(() => [FirmwareVersion])
  firmwareVersions!: FirmwareVersion[];

  @Field(() => [DeviceModelRestriction], {
    description:
      'Post-enrolment functional restrictions, e.g. the Secure Liberty 110 boost and remote override: its own, and those that name its model for every hardware version.',
  })
  restrictions!: DeviceModelRestriction[];
}

@ObjectType({ description: 'A firmware version reachable by upgrade, with the fewest hops needed.' })
export class FirmwareReach {
  @Field(() => Int)
  hops!: number;

  @Field(() => FirmwareVersion)
  firmwareVersion!: Of<FirmwareVersion>;
}

@ObjectType({
  implements: Node,
  description:
    'A firmware version of one device model. Versions are compared on their normalised hex form and never ordered by number: which version can follow which is known only from upgrade paths.',
})
export class FirmwareVersion extends Node {
  @Field(() => DeviceType)
  deviceType!: DeviceType;

  @Field({ description: 'As published.' })
  versionRaw!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Normalised: 8 upper-case hex digits; null when the published form is not hex-like.',
  })
  versionHex!: string | null;

  @Field(() => FirmwareEncoding)
  encoding!: FirmwareEncoding;

  @Field(() => LocalDate, { nullable: true })
  releasedOn!: string | null;

  @Field()
  synthetic!: boolean;

  @Field(() => DeviceModel)
  deviceModel!: Of<DeviceModel>;

  @Field(() => [FirmwareUpgradePath], { description: 'Direct upgrade paths from this version.' })
  upgradesTo!: FirmwareUpgradePath[];

  @Field(() => [FirmwareUpgradePath], { description: 'Direct upgrade paths to this version.' })
  upgradesFrom!: FirmwareUpgradePath[];

  reachableUpgrades!: FirmwareReach[];
  reachableFrom!: FirmwareReach[];
}

@ObjectType({
  implements: Node,
  description:
    'A supported, directed firmware upgrade within one device model, optionally only for one cohort.',
})
export class FirmwareUpgradePath extends Node {
  @Field(() => FirmwareVersion)
  fromFirmware!: Of<FirmwareVersion>;

  @Field(() => FirmwareVersion)
  toFirmware!: Of<FirmwareVersion>;

  @Field(() => Cohort, { nullable: true, description: 'Null: usable by every cohort.' })
  cohort!: Of<Cohort> | null;

  @Field({ description: 'Can be applied over the air.' })
  otaSupported!: boolean;

  @Field({
    description:
      'DCC may apply it to Dormant installations and to the dormant meter of a Mixed one. False: only the operating supplier can, so the upgrade analysis never uses it for them.',
  })
  dormantUpgradeByDcc!: boolean;

  @Field(() => String, { nullable: true })
  prerequisiteNote!: string | null;
}

@ObjectType({
  implements: Node,
  description: 'A functional restriction that applies to a device model once enrolled.',
})
export class DeviceModelRestriction extends Node {
  @Field(() => DeviceModel)
  deviceModel!: Of<DeviceModel>;

  @Field(() => Cohort, { nullable: true })
  cohort!: Of<Cohort> | null;

  @Field()
  restriction!: string;

  @Field({
    description:
      'True when the restriction names the model rather than one hardware version: it then applies to every hardware version of that manufacturer, device type and model name.',
  })
  allHardwareVersions!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'DCC letter or Mass Comms reference, e.g. REQ000000175511.',
  })
  communicationRef!: string | null;

  @Field(() => String, { nullable: true })
  communicationTitle!: string | null;

  @Field(() => LocalDate, { nullable: true })
  communicatedOn!: string | null;
}

export const ManufacturerConnection = connectionOf(Manufacturer, 'Manufacturer');
export const DeviceModelConnection = connectionOf(DeviceModel, 'DeviceModel');
export const FirmwareVersionConnection = connectionOf(FirmwareVersion, 'FirmwareVersion');

export enum ManufacturerOrder {
  NAME_ASC = 'NAME_ASC',
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
}
export enum DeviceModelOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  MODEL_NAME_ASC = 'MODEL_NAME_ASC',
}
export enum FirmwareVersionOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  RELEASED_ON_ASC = 'RELEASED_ON_ASC',
}
registerEnumType(ManufacturerOrder, { name: 'ManufacturerOrder' });
registerEnumType(DeviceModelOrder, { name: 'DeviceModelOrder' });
registerEnumType(FirmwareVersionOrder, { name: 'FirmwareVersionOrder' });

@InputType()
export class ManufacturerFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  nameContains?: string;
}

@InputType()
export class DeviceModelFilter {
  @Field(() => [DeviceType], { nullable: true })
  deviceTypes?: DeviceType[];

  @Field(() => ID, { nullable: true })
  manufacturerId?: string;

  @Field(() => String, { nullable: true })
  modelNameContains?: string;
}

@InputType()
export class FirmwareVersionFilter {
  @Field(() => [DeviceType], { nullable: true })
  deviceTypes?: DeviceType[];

  @Field(() => ID, { nullable: true })
  deviceModelId?: string;

  @Field(() => String, { nullable: true, description: 'Normalised hex, e.g. 0002012F.' })
  versionHex?: string;
}

@ArgsType()
export class ManufacturersArgs extends PageArgs {
  @Field(() => ManufacturerFilter, { nullable: true })
  filter?: ManufacturerFilter;

  @Field(() => [ManufacturerOrder], { nullable: true, description: 'Default NAME_ASC.' })
  orderBy?: ManufacturerOrder[];
}

@ArgsType()
export class DeviceModelsArgs extends PageArgs {
  @Field(() => DeviceModelFilter, { nullable: true })
  filter?: DeviceModelFilter;

  @Field(() => [DeviceModelOrder], { nullable: true })
  orderBy?: DeviceModelOrder[];
}

@ArgsType()
export class FirmwareVersionsArgs extends PageArgs {
  @Field(() => FirmwareVersionFilter, { nullable: true })
  filter?: FirmwareVersionFilter;

  @Field(() => [FirmwareVersionOrder], { nullable: true })
  orderBy?: FirmwareVersionOrder[];
}

@InputType({ description: 'A correction to a manufacturer’s display name.' })
export class UpdateManufacturerInput {
  @Field(() => ID, { description: 'The manufacturer to correct.' })
  id!: string;

  @Field({ description: 'The new display name: 1–200 characters after trimming, no control characters.' })
  name!: string;
}

@ObjectType({ description: 'The result of `updateManufacturer`.' })
export class UpdateManufacturerPayload {
  manufacturerId!: number | null;

  @Field(() => Manufacturer, { nullable: true, description: 'The manufacturer as it now is; null on error.' })
  manufacturer!: Of<Manufacturer> | null;

  @Field(() => [UserError], { description: 'Empty when the change applied.' })
  userErrors!: UserError[];
}
