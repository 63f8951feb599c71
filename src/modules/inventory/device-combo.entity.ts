import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Cohort, Dmc } from '../dmc/dmc.entity';

/**
 * A distinct combination of devices found in installations: the cohort, the device models and the firmware
 * of every device. Installations with the same combination answer every matching question the same way, so
 * questions are asked of combinations (tens of thousands) rather than installations (millions). Maintained
 * by the database on every device write (see migrations/*InstallationCombos*).
 */
@Entity()
@Unique({ properties: ['cohort', 'firmwareSignature'] })
@Index({ properties: ['cohort', 'modelSignature'] })
export class DeviceCombo {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Cohort)
  cohort!: Cohort;

  /** Devices as DEVICE_TYPE:firmwareVersionId, sorted, joined by + (the DMC fingerprint format). */
  @Property({ type: 'text' })
  firmwareSignature!: string;

  /** Devices as DEVICE_TYPE:deviceModelId, sorted, joined by +: what firmware cannot change. */
  @Property({ type: 'text' })
  modelSignature!: string;

  @Property({ type: 'smallint' })
  deviceCount!: number;

  /** The DMC with exactly these devices in this cohort, if one is catalogued. */
  @ManyToOne(() => Dmc, { nullable: true, deleteRule: 'set null' })
  dmc?: Dmc | null;
}

/** One device position of a combination. */
@Entity()
@Index({ properties: ['combo'] })
@Index({ properties: ['firmwareVersionId'] })
export class DeviceComboSlot {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => DeviceCombo, { deleteRule: 'cascade' })
  combo!: DeviceCombo;

  @Property({ type: 'text' })
  deviceType!: string;

  @Property({ type: 'integer' })
  deviceModelId!: number;

  @Property({ type: 'integer' })
  firmwareVersionId!: number;
}
