import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { encodeGlobalId } from '../../core/graphql/compiler/global-id';
import { Node, PageArgs, type Of } from '../../core/graphql/relay';
import { LocalDate } from '../../core/graphql/scalars';
import { PageInfo } from '../../core/graphql/connection';
import {
  DeviceType,
  ExclusionCategory,
  InstallationStatus,
  MeterStatus,
  MigrationState,
  ReportSection,
  VolumeBasis,
} from '../common/enums';

@ObjectType({
  description: 'An energy supplier (SEC Supplier Party). A supplier viewer sees only its own installations.',
})
export class Supplier {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  secPartyId!: string | null;
}

@ObjectType({ description: 'A device of an installation, identified by its EUI-64.' })
export class Device {
  @Field({ description: 'EUI-64, e.g. 00-DB-12-34-56-78-90-A0.' })
  deviceId!: string;

  @Field(() => DeviceType)
  deviceType!: DeviceType;

  @Field(() => MeterStatus, {
    nullable: true,
    description: 'For meters: whether it is operated for a supplier (Active) or not (Dormant).',
  })
  meterStatus!: MeterStatus | null;

  firmwareVersionId!: number;
}

@ObjectType({
  description: 'The firmware upgrade one device needs: the versions it passes through, in order.',
})
export class DeviceUpgrade {
  @Field()
  deviceId!: string;

  @Field(() => DeviceType)
  deviceType!: DeviceType;

  fromId!: number;
  toId!: number;
  pathIds!: number[];

  @Field(() => Int, { description: 'Upgrades to apply, one per step of the path.' })
  hops!: number;
}

@ObjectType({ description: 'Why an installation cannot reach an EPCL entry.' })
export class Blocker {
  @Field({
    description:
      'MIGRATED, EXCLUDED, NO_DEVICES, NO_DMC_FOR_DEVICES (no catalogued DMC has these device types), MISSING_DEVICE, EXTRA_DEVICE, HARDWARE_OR_MODEL_MISMATCH, NO_UPGRADE_PATH, NO_ENTRY_FOR_STATUS.',
  })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({
  description: 'A DMC with an EPCL entry for the installation’s status that firmware upgrades can reach.',
})
export class UpgradeOption {
  dmcId!: number;
  entryId!: number;

  @Field(() => Int, { description: 'Upgrades in total over all devices.' })
  hops!: number;

  @Field(() => [DeviceUpgrade])
  devices!: DeviceUpgrade[];
}

@ObjectType({
  description: 'Whether an installation can migrate, and why (or why not), with the evidence chain.',
})
export class Eligibility {
  @Field({
    description:
      'True when its current DMC has an EPCL entry on the list for its status, and it is unmigrated and not excluded.',
  })
  eligible!: boolean;

  currentDmcId!: number | null;
  entryId!: number | null;
  chainIds!: number[];

  @Field(() => [UpgradeOption], {
    description: 'DMCs with an entry for its status reachable by firmware upgrade, fewest hops first.',
  })
  upgradeOptions!: UpgradeOption[];

  @Field(() => [Blocker])
  blockers!: Blocker[];
}

@ObjectType({
  implements: Node,
  description:
    'A SMETS1 installation: the comms hub, meters and devices at one premises that migrate together.',
})
export class Installation extends Node {
  installationId!: number;
  cohortId!: number;
  supplierId!: number;
  comboDmcId!: number | null;

  @Field(() => InstallationStatus)
  status!: InstallationStatus;

  @Field(() => LocalDate)
  statusAsOf!: string;

  @Field(() => MigrationState)
  migrationState!: MigrationState;

  @Field(() => LocalDate, { nullable: true })
  migratedOn!: string | null;

  @Field(() => ExclusionCategory, { nullable: true })
  exclusionCategory!: ExclusionCategory | null;

  @Field({
    description:
      'Migrates without its gas meter and gas proxy (gas excluded for HAN error GT01): matched on its electricity devices only.',
  })
  elecOnlyMigration!: boolean;

  @Field(() => Supplier)
  supplier!: Of<Supplier>;

  @Field(() => [Device])
  devices!: Device[];
}

@ObjectType({ description: 'Counts by installation status.' })
export class StatusCounts {
  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  dormant!: number;

  @Field(() => Int)
  mixed!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType()
export class InstallsAndDevices {
  @Field(() => StatusCounts)
  installs!: StatusCounts;

  @Field(() => StatusCounts)
  devices!: StatusCounts;
}

@ObjectType({
  description: 'An installation that could be firmware-upgraded to the target DMC, with the hops per device.',
})
export class UpgradeCandidate {
  @Field(() => Installation)
  installation!: Of<Installation>;

  @Field(() => [DeviceUpgrade])
  devices!: DeviceUpgrade[];
}

@ObjectType()
export class UpgradeCandidateEdge {
  @Field()
  cursor!: string;

  @Field(() => UpgradeCandidate)
  node!: Of<UpgradeCandidate>;
}

@ObjectType({
  description: 'Installations that could be firmware-upgraded to a DMC, a page at a time, with totals.',
})
export class UpgradeCandidateConnection {
  @Field(() => [UpgradeCandidateEdge])
  edges!: UpgradeCandidateEdge[];

  @Field(() => [UpgradeCandidate])
  nodes!: UpgradeCandidate[];

  @Field(() => PageInfo)
  pageInfo!: Of<PageInfo>;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => InstallsAndDevices, {
    description: 'Installations and their devices by status, over every page.',
  })
  totals!: Of<InstallsAndDevices>;
}

@InputType()
export class UpgradeCandidateFilter {
  @Field(() => [InstallationStatus], { nullable: true })
  installationStatuses?: InstallationStatus[];

  @Field(() => ID, {
    nullable: true,
    description: 'DCC staff only: one supplier’s installations. Supplier viewers always see only their own.',
  })
  supplierId?: string;
}

@ArgsType()
export class UpgradeCandidatesArgs extends PageArgs {
  @Field(() => ID, { description: 'The DMC to reach.' })
  targetDmc!: string;

  @Field(() => UpgradeCandidateFilter, { nullable: true })
  filter?: UpgradeCandidateFilter;
}

@ObjectType({
  description:
    'One row of a report volume table: recomputed from inventory, as published, and the difference.',
})
export class VolumeRow {
  @Field(() => VolumeBasis)
  basis!: VolumeBasis;

  @Field(() => InstallsAndDevices)
  recomputed!: Of<InstallsAndDevices>;

  @Field(() => InstallsAndDevices, {
    nullable: true,
    description: 'Null where the report published no figure.',
  })
  published!: Of<InstallsAndDevices> | null;

  @Field(() => InstallsAndDevices, { nullable: true, description: 'Recomputed minus published.' })
  difference!: Of<InstallsAndDevices> | null;
}

@ObjectType({ description: 'One of a report’s tables (Overall, Group 1, Group 2), with its totals row.' })
export class VolumeTable {
  @Field(() => ReportSection)
  section!: ReportSection;

  @Field(() => [VolumeRow])
  rows!: VolumeRow[];

  @Field(() => VolumeRow, {
    description:
      'Totals by installation status (the sum of the rows; basis is AT_TARGET_FW by convention, ignore it).',
  })
  totals!: Of<VolumeRow>;
}

@ObjectType({
  description:
    'A report’s Installs/Devices tables recomputed from the inventory, beside the published figures.',
})
export class ReportVolumes {
  @Field({ description: 'How each installation is counted once per report.' })
  rule!: string;

  @Field(() => [VolumeTable])
  tables!: VolumeTable[];
}

@ObjectType({
  description: 'Installations not eligible today that become eligible if the report is approved.',
})
export class ReportImpact {
  @Field(() => StatusCounts, { description: 'Already at a requested DMC’s firmware.' })
  direct!: StatusCounts;

  @Field(() => StatusCounts, { description: 'After firmware upgrades to a requested DMC.' })
  byFirmwareUpgrade!: StatusCounts;

  @Field(() => StatusCounts)
  total!: StatusCounts;
}

export const installationGlobalId = (id: number) => encodeGlobalId('Installation', id);
