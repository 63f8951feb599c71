import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Installation } from '../inventory/inventory.types';
import { PageArgs, type Of } from '../../core/graphql/relay';
import { PageInfo } from '../../core/graphql/connection';
import { BlockerCode, DeviceType, InstallationStatus, ReportSection, VolumeBasis } from '../common/enums';

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
  @Field(() => BlockerCode)
  code!: BlockerCode;

  @Field()
  message!: string;
}

@ObjectType({
  description: 'A DMC with an EPCL entry for the installation’s status that firmware upgrades can reach.',
})
export class UpgradeOption {
  dmcId!: number;
  entryId!: number;
  cohortId!: number;

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
  cohortId!: number;
  modelIds!: number[];

  @Field(() => [UpgradeOption], {
    description:
      'DMCs with an entry for its status reachable by firmware upgrade, fewest hops first (over the air and usable for its cohort; DCC-performed paths only for a Dormant installation and for a Mixed installation’s dormant meter). Empty for a migrated installation.',
  })
  upgradeOptions!: UpgradeOption[];

  @Field(() => [Blocker])
  blockers!: Blocker[];
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

  targetEntryId!: number | null;

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
    description:
      'DCC staff only: one supplier’s installations (its global ID; its number as digits is accepted too). Supplier viewers always see only their own.',
  })
  supplierId?: string;
}

@ArgsType()
export class UpgradeCandidatesArgs extends PageArgs {
  @Field(() => ID, { description: 'The DMC to reach.' })
  targetDmc!: string;

  @Field(() => UpgradeCandidateFilter, { nullable: true })
  filter?: UpgradeCandidateFilter;

  @Field({
    defaultValue: false,
    description:
      'false (default): only installations whose status the target DMC has an EPCL entry for (proposed, approved or on the list), i.e. those the upgrade would make eligible. true: every installation firmware can take to the DMC, entry or not (raw reachability; `targetEntry` is then null where there is none).',
  })
  includeWithoutEntry!: boolean;
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
    'A recomputed figure that the synthetic inventory was generated to produce (calibrated), not observed: its agreement with the published figure holds by construction.',
})
export class CalibratedFigure {
  @Field(() => ReportSection)
  section!: ReportSection;

  @Field(() => VolumeBasis)
  basis!: VolumeBasis;

  @Field({ description: 'Which cell of that row: `installs.total` (installations, all statuses).' })
  measure!: string;

  @Field(() => Int, { description: 'The value the generator was calibrated to.' })
  calibratedTo!: number;

  @Field({ description: 'Where that value comes from.' })
  source!: string;

  @Field({
    description:
      'Whether the recomputed figure equals it (false when the inventory is too small to hold the calibrated number, or its data were changed since).',
  })
  holds!: boolean;
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

  @Field(() => InstallsAndDevices, {
    description:
      'Installations firmware could take to a requested DMC that are already eligible today (their current DMC has an entry on the EPCL for their status): left out of the potential-upgrade rows, counted here.',
  })
  alreadyEligible!: InstallsAndDevices;

  @Field({
    description:
      'True when the recomputed figures count synthetic installations (the demo and test inventories): those are generated, not observed, so agreement with a published figure says nothing about the real estate.',
  })
  syntheticInventory!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'What the recomputed figures rest on, when it is not a real inventory: e.g. that the demo inventory is calibrated so that the report’s published estimate of potential upgrades holds by construction.',
  })
  inventoryNote!: string | null;

  @Field(() => [CalibratedFigure], {
    description:
      'The recomputed figures that come from the synthetic inventory’s calibration (empty for a real inventory): for report 22’s demo inventory, the overall potential-upgrade installations (the §1 estimate) and the overall at-target installations (the published 0). Every other recomputed figure (the status and group splits, devices, already eligible) is generated, neither calibrated nor observed. Scoped figures (a supplier viewer) are never calibrated: the list is then empty.',
  })
  calibratedFigures!: CalibratedFigure[];
}

@ObjectType({
  description: 'Installations not eligible today that become eligible if the report is approved.',
})
export class ReportImpact {
  /** The report, for the drill-down connections. */
  reportId!: number;

  @Field(() => StatusCounts, { description: 'Already at a requested DMC’s firmware.' })
  direct!: StatusCounts;

  @Field(() => StatusCounts, { description: 'After firmware upgrades to a requested DMC.' })
  byFirmwareUpgrade!: StatusCounts;

  @Field(() => StatusCounts)
  total!: StatusCounts;
}

@ObjectType({
  description:
    'One entry of the report with the installations (not eligible today) that become eligible under it if the report is approved, each installation counted under one entry only, as `impact` counts them.',
})
export class ImpactEntry {
  entryId!: number;

  @Field(() => Int, { description: 'Installations counted under this entry (scoped to the viewer).' })
  installations!: number;

  @Field(() => Int, { description: 'All devices of those installations.' })
  devices!: number;
}

@ObjectType()
export class ImpactEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => ImpactEntry)
  node!: Of<ImpactEntry>;
}

@ObjectType({ description: 'The report’s entries in EPCL entry order, a page at a time.' })
export class ImpactEntryConnection {
  @Field(() => [ImpactEntryEdge])
  edges!: ImpactEntryEdge[];

  @Field(() => [ImpactEntry])
  nodes!: ImpactEntry[];

  @Field(() => PageInfo)
  pageInfo!: Of<PageInfo>;

  @Field(() => Int, { description: 'Entries of the report.' })
  totalCount!: number;
}

@ObjectType({
  description:
    'An installation not eligible today that becomes eligible if the report is approved: the entry it is counted under, whether it is already at that DMC’s firmware, and the firmware hops otherwise.',
})
export class ImpactInstallation {
  @Field(() => Installation)
  installation!: Of<Installation>;

  entryId!: number;

  @Field({ description: 'Already at the DMC’s firmware (no upgrade needed).' })
  atTarget!: boolean;

  @Field(() => Int, { description: 'Firmware hops to the DMC (0 at target).' })
  hops!: number;
}

@ObjectType()
export class ImpactInstallationEdge {
  @Field()
  cursor!: string;

  @Field(() => ImpactInstallation)
  node!: Of<ImpactInstallation>;
}

@ObjectType({ description: 'Installations the report makes eligible, by installation id, a page at a time.' })
export class ImpactInstallationConnection {
  @Field(() => [ImpactInstallationEdge])
  edges!: ImpactInstallationEdge[];

  @Field(() => [ImpactInstallation])
  nodes!: ImpactInstallation[];

  @Field(() => PageInfo)
  pageInfo!: Of<PageInfo>;

  @Field(() => Int, { description: 'Installations over every page (scoped to the viewer).' })
  totalCount!: number;
}

@InputType({ description: 'Every condition given must hold; a list matches any of its values.' })
export class BlockedInstallationsFilter {
  @Field(() => String, { nullable: true, description: 'Cohort code, e.g. MOC_SECURE.' })
  cohort?: string;

  @Field(() => [InstallationStatus], { nullable: true })
  statuses?: InstallationStatus[];
}

@ObjectType({ description: 'Blocked installations that share a reason.' })
export class BlockedReason {
  @Field(() => BlockerCode)
  code!: BlockerCode;

  @Field(() => Int)
  installs!: number;

  @Field(() => Int, { description: 'All devices of those installations.' })
  devices!: number;
}

@ObjectType({
  description:
    'Installations that cannot migrate today (unmigrated, or excluded), by the first reason their own DMC gives: excluded, no devices, no catalogued DMC for their devices, no EPCL entry for their status, or an entry not on the list. Whether a firmware upgrade could help is `upgradeCandidates`’ question.',
})
export class BlockedInstallations {
  filter!: BlockedInstallationsFilter | null;

  @Field(() => [BlockedReason], { description: 'Each reason with its counts, most installations first.' })
  byReason!: BlockedReason[];
}
