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
import { DeviceType, DmcRelationKind, OperatingCapability } from '../common/enums';
import { FirmwareVersion } from '../catalogue/catalogue.entity';

/** A SMETS1 migration cohort, i.e. the S1SP (SMETS1 Service Provider) behind it: IOC, MOC Secure, MOC MDS, FOC. */
@Entity()
@Check({ name: 'cohort_code_format', expression: "code ~ '^[A-Z][A-Z0-9_]*$'" })
export class Cohort {
  @PrimaryKey()
  id!: number;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => OperatingCapability })
  operatingCapability!: OperatingCapability;

  @Property({ type: 'text' })
  s1spName!: string;
}

/**
 * A Device Model Combination: the set of firmware-level device models that make up a SMETS1 installation in
 * one cohort. Its identity is a canonical fingerprint of its slots (see `dmcFingerprint`), unique per cohort;
 * the database checks at commit that the stored fingerprint matches the slots.
 */
@Entity()
@Unique({ properties: ['cohort', 'fingerprint'] })
export class Dmc {
  [OptionalProps]?: 'synthetic';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Cohort)
  cohort!: Cohort;

  @Property({ type: 'text' })
  fingerprint!: string;

  @Property({ type: 'text', nullable: true })
  label?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  @OneToMany(() => DmcSlot, (s) => s.dmc)
  slots = new Collection<DmcSlot>(this);
}

/** One slot of a DMC: a device type (with a slot number for twins) at a specific firmware version. */
@Entity()
@Unique({ properties: ['dmc', 'deviceType', 'slotNo'] })
@Index({ properties: ['firmwareVersion'] })
@Check({ name: 'dmc_slot_no_positive', expression: 'slot_no between 1 and 9' })
export class DmcSlot {
  [OptionalProps]?: 'slotNo';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Dmc, { deleteRule: 'cascade' })
  dmc!: Dmc;

  @Enum({ items: () => DeviceType })
  deviceType!: DeviceType;

  @Property({ type: 'smallint', default: 1 })
  slotNo: number = 1;

  @ManyToOne(() => FirmwareVersion)
  firmwareVersion!: FirmwareVersion;
}

/**
 * CHILD_OF: the subject's slots are a strict subset of the basis (parent) DMC's, same firmware, same cohort.
 * SUBSTANTIVELY_EQUIVALENT_TO: DCC judged the untested subject equivalent to a tested basis DMC; the basis
 * must be tested and never itself rest on another equivalence (no chains).
 */
@Entity()
@Unique({ properties: ['kind', 'subject', 'basis'] })
@Index({ properties: ['basis'] })
@Check({ name: 'dmc_relation_not_self', expression: 'subject_id <> basis_id' })
@Check({ name: 'dmc_relation_rationale_not_blank', expression: "btrim(rationale) <> ''" })
export class DmcRelation {
  @PrimaryKey()
  id!: number;

  @Enum({ items: () => DmcRelationKind })
  kind!: DmcRelationKind;

  @ManyToOne(() => Dmc)
  subject!: Dmc;

  @ManyToOne(() => Dmc)
  basis!: Dmc;

  @Property({ type: 'text' })
  rationale!: string;

  /** Where DCC published it, e.g. "Excluded from DMCT Schedule, SMETS1 MOC SECURE v12.0". */
  @Property({ type: 'text', nullable: true })
  publishedIn?: string | null;

  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;
}

/**
 * A DMC's device models as DEVICE_TYPE:deviceModelId, sorted, joined by + (what firmware cannot change), kept
 * by the database from the DMC's slots. Finds the DMCs an installation could reach by firmware alone.
 */
@Entity()
@Index({ properties: ['modelSignature'] })
export class DmcModelSignature {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  dmcId!: number;

  @Property({ type: 'text' })
  modelSignature!: string;
}
