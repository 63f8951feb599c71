import {
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { DeviceType, FirmwareEncoding } from '../common/enums';
import type { Cohort } from '../dmc/dmc.entity';

/** A device manufacturer. SMETS1 manufacturers may lack a GBCS manufacturer identifier. */
@Entity()
@Check({ name: 'manufacturer_identifier_hex', expression: "manufacturer_identifier ~ '^[0-9A-F]{4}$'" })
@Check({ name: 'manufacturer_name_not_blank', expression: "btrim(name) <> ''" })
export class Manufacturer {
  [OptionalProps]?: 'synthetic';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: string;

  /** DUIS DeviceManufacturer: 2 octets as 4 upper-case hex characters. */
  @Property({ type: 'text', nullable: true })
  manufacturerIdentifier?: string | null;

  /** True where the seed gave no data and the value was generated. */
  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  @OneToMany(() => DeviceModel, (m) => m.manufacturer)
  deviceModels = new Collection<DeviceModel>(this);
}

/** Manufacturer + model + hardware version of one device type. Firmware is a separate level. */
@Entity()
@Unique({ properties: ['manufacturer', 'deviceType', 'modelName', 'hardwareVersion'] })
@Unique({ name: 'device_model_id_device_type_unique', properties: ['id', 'deviceType'] })
@Check({
  name: 'device_model_name_not_blank',
  expression: "btrim(model_name) <> '' and btrim(hardware_version) <> ''",
})
export class DeviceModel {
  [OptionalProps]?: 'synthetic';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Manufacturer)
  manufacturer!: Manufacturer;

  @Enum({ items: () => DeviceType })
  deviceType!: DeviceType;

  @Property({ type: 'text' })
  modelName!: string;

  /** DUIS model identifier (2 octets hex) where known. */
  @Property({ type: 'text', nullable: true })
  modelIdentifier?: string | null;

  @Property({ type: 'text' })
  hardwareVersion!: string;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  @OneToMany(() => FirmwareVersion, (f) => f.deviceModel)
  firmwareVersions = new Collection<FirmwareVersion>(this);
}

/**
 * A firmware version of one device model ("Device Model" in SEC terms = device model + firmware).
 * Versions are compared for equality on their normalised hex form and never ordered numerically:
 * suppliers have submitted both BCD and hex encodings.
 */
@Entity()
@Unique({ properties: ['deviceModel', 'versionRaw'] })
@Unique({ name: 'firmware_version_id_device_type_unique', properties: ['id', 'deviceType'] })
@Unique({ name: 'firmware_version_id_device_model_unique', properties: ['id', 'deviceModel'] })
@Check({ name: 'firmware_version_hex_format', expression: "version_hex ~ '^[0-9A-F]+$'" })
@Check({ name: 'firmware_version_raw_not_blank', expression: "btrim(version_raw) <> ''" })
export class FirmwareVersion {
  [OptionalProps]?: 'synthetic' | 'encoding';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => DeviceModel)
  deviceModel!: DeviceModel;

  /** Copy of the device model's type, kept consistent by a composite foreign key; lets slots and devices check their type. */
  @Enum({ items: () => DeviceType })
  deviceType!: DeviceType;

  /** The version exactly as published. */
  @Property({ type: 'text' })
  versionRaw!: string;

  /** Upper-case hex without separators or prefix, used for equality; null when the raw form is not hex-like. */
  @Property({ type: 'text', nullable: true })
  versionHex?: string | null;

  @Enum({ items: () => FirmwareEncoding, default: FirmwareEncoding.HEX })
  encoding: FirmwareEncoding = FirmwareEncoding.HEX;

  @Property({ type: 'date', nullable: true })
  releasedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  evidenceUrl?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;
}

/**
 * A directed, supported firmware upgrade from one version to another of the same device model
 * (hardware never changes by firmware). Multi-hop upgrades are found by traversal. A null cohort
 * means the edge is usable by every cohort.
 */
@Entity()
@Index({ properties: ['fromFirmware'] })
@Index({ properties: ['toFirmware'] })
@Check({ name: 'firmware_upgrade_path_not_loop', expression: 'from_firmware_id <> to_firmware_id' })
export class FirmwareUpgradePath {
  [OptionalProps]?: 'otaSupported' | 'dormantUpgradeByDcc' | 'synthetic';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => FirmwareVersion)
  fromFirmware!: FirmwareVersion;

  @ManyToOne(() => FirmwareVersion)
  toFirmware!: FirmwareVersion;

  @ManyToOne({ entity: () => 'Cohort', nullable: true })
  cohort?: Cohort | null;

  @Property({ type: 'boolean', default: true })
  otaSupported: boolean = true;

  /** DCC may perform this upgrade on Dormant installations. */
  @Property({ type: 'boolean', default: true })
  dormantUpgradeByDcc: boolean = true;

  @Property({ type: 'text', nullable: true })
  prerequisiteNote?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;
}

/** A post-enrolment functional restriction of a device model, e.g. Secure Liberty 110 boost and remote override. */
@Entity()
@Check({ name: 'device_model_restriction_ref_format', expression: "communication_ref ~ '^REQ[0-9]{12}$'" })
export class DeviceModelRestriction {
  [OptionalProps]?: 'allHardwareVersions';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => DeviceModel)
  deviceModel!: DeviceModel;

  @ManyToOne({ entity: () => 'Cohort', nullable: true })
  cohort?: Cohort | null;

  @Property({ type: 'text' })
  restriction!: string;

  /**
   * The restriction names the model, not one hardware version of it: it covers every hardware version of the
   * same manufacturer, device type and model name (e.g. "Secure Liberty 110 ESME").
   */
  @Property({ type: 'boolean', default: false })
  allHardwareVersions: boolean = false;

  /** DCC letter or Mass Comms reference, `REQ` + 12 digits. */
  @Property({ type: 'text', nullable: true })
  communicationRef?: string | null;

  @Property({ type: 'text', nullable: true })
  communicationTitle?: string | null;

  @Property({ type: 'date', nullable: true })
  communicatedOn?: string | null;
}
