import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import {
  DeviceType,
  ExclusionCategory,
  InstallationStatus,
  MeterStatus,
  MigrationState,
} from '../common/enums';
import { FirmwareVersion } from '../catalogue/catalogue.entity';
import { Cohort } from '../dmc/dmc.entity';
import { DeviceCombo } from './device-combo.entity';

/** An energy supplier (SEC Supplier Party). Supplier viewers see only their own installations. */
@Entity()
export class Supplier {
  [OptionalProps]?: 'synthetic';

  @PrimaryKey()
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  secPartyId?: string | null;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;
}

/** A SMETS1 installation: the comms hub and the meters and devices at one premises that migrate together. */
@Entity()
@Index({ properties: ['supplier'] })
@Index({
  name: 'installation_unmigrated_combo_index',
  expression:
    "create index installation_unmigrated_combo_index on installation (combo_id, status) include (supplier_id) where migration_state = 'UNMIGRATED'",
})
@Check({
  name: 'installation_excluded_has_category',
  expression: "(migration_state = 'EXCLUDED') = (exclusion_category is not null)",
})
@Check({
  name: 'installation_migrated_has_date',
  expression: "migration_state <> 'MIGRATED' or migrated_on is not null",
})
export class Installation {
  [OptionalProps]?: 'migrationState' | 'elecOnlyMigration' | 'synthetic';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Cohort)
  cohort!: Cohort;

  @Enum({ items: () => InstallationStatus })
  status!: InstallationStatus;

  @Property({ type: 'date' })
  statusAsOf!: string;

  @ManyToOne(() => Supplier)
  supplier!: Supplier;

  @Enum({ items: () => MigrationState, default: MigrationState.UNMIGRATED })
  migrationState: MigrationState = MigrationState.UNMIGRATED;

  @Property({ type: 'date', nullable: true })
  migratedOn?: string | null;

  @Enum({ items: () => ExclusionCategory, nullable: true })
  exclusionCategory?: ExclusionCategory | null;

  @Property({ type: 'boolean', default: false })
  elecOnlyMigration: boolean = false;

  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  /** The installation's device combination, maintained by the database whenever its devices change. */
  @ManyToOne(() => DeviceCombo, { nullable: true })
  combo?: DeviceCombo | null;
}

/** A device, identified by its EUI-64 (8 octets as upper-case hex pairs joined by hyphens). */
@Entity()
@Index({ properties: ['installation'] })
@Check({ name: 'device_eui64_format', expression: "eui64 ~ '^([0-9A-F]{2}-){7}[0-9A-F]{2}$'" })
@Check({
  name: 'device_meter_status_only_for_meters',
  expression: "meter_status is null or device_type in ('ESME','GSME')",
})
export class Device {
  @PrimaryKey({ type: 'text' })
  eui64!: string;

  @ManyToOne(() => Installation)
  installation!: Installation;

  @Enum({ items: () => DeviceType })
  deviceType!: DeviceType;

  @ManyToOne(() => FirmwareVersion)
  firmwareVersion!: FirmwareVersion;

  @Enum({ items: () => MeterStatus, nullable: true })
  meterStatus?: MeterStatus | null;
}
