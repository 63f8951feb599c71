import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { encodeGlobalId } from '../../core/graphql/compiler/global-id';
import { PageInfo } from '../../core/graphql/connection';
import { Node, PageArgs, type Of } from '../../core/graphql/relay';
import { LocalDate } from '../../core/graphql/scalars';
import {
  DeviceType,
  ExclusionCategory,
  InstallationStatus,
  MeterStatus,
  MigrationState,
} from '../common/enums';

/* The inventory as the API shows it: suppliers, installations and their devices. */

@ObjectType({
  implements: Node,
  description:
    'An energy supplier (SEC Supplier Party). DCC staff see every supplier; a supplier viewer sees only itself and its own installations.',
})
export class Supplier extends Node {
  supplierKey!: number;

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

export const installationGlobalId = (id: number) => encodeGlobalId('Installation', id);

export const supplierGlobalId = (id: number) => encodeGlobalId('Supplier', id);

export enum ViewerRole {
  DCC_ADMIN = 'DCC_ADMIN',
  DCC_ANALYST = 'DCC_ANALYST',
  SUPPLIER = 'SUPPLIER',
}
registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description:
    'DCC_ADMIN: DCC staff with write rights (EPCL process steps, catalogue corrections, key management). DCC_ANALYST: DCC staff who read everything and write nothing. SUPPLIER: the catalogue and only its own installations.',
});

@InputType({ description: 'Every condition given must hold; a list matches any of its values.' })
export class ViewerInstallationFilter {
  @Field(() => [InstallationStatus], { nullable: true })
  statuses?: InstallationStatus[];

  @Field(() => [MigrationState], { nullable: true })
  migrationStates?: MigrationState[];

  @Field(() => String, { nullable: true, description: 'Cohort code, e.g. MOC_SECURE.' })
  cohort?: string;
}

@ArgsType()
export class ViewerInstallationsArgs extends PageArgs {
  @Field(() => ViewerInstallationFilter, { nullable: true })
  filter?: ViewerInstallationFilter;
}

@ObjectType({ description: 'An installation and its cursor.' })
export class InstallationEdge {
  @Field()
  cursor!: string;

  @Field(() => Installation)
  node!: Installation;
}

@ObjectType({ description: 'A page of installations, by id.' })
export class InstallationConnection {
  @Field(() => [InstallationEdge])
  edges!: InstallationEdge[];

  @Field(() => [Installation])
  nodes!: Installation[];

  @Field(() => PageInfo)
  pageInfo!: Of<PageInfo>;

  @Field(() => Int, { description: 'Installations matching the filter, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'A DMC some of the viewer’s installations are, with how many.' })
export class ViewerDmc {
  dmcId!: number;

  @Field(() => Int, { description: 'The viewer’s installations with exactly this DMC’s devices.' })
  installations!: number;

  @Field(() => Int, { description: 'Of those, the unmigrated ones.' })
  unmigrated!: number;
}

@ObjectType()
export class ViewerDmcEdge {
  @Field()
  cursor!: string;

  @Field(() => ViewerDmc)
  node!: ViewerDmc;
}

@ObjectType({ description: 'The viewer’s DMCs, most installations first.' })
export class ViewerDmcConnection {
  @Field(() => [ViewerDmcEdge])
  edges!: ViewerDmcEdge[];

  @Field(() => [ViewerDmc])
  nodes!: ViewerDmc[];

  @Field(() => PageInfo)
  pageInfo!: Of<PageInfo>;

  @Field(() => Int, { description: 'Distinct DMCs over all pages.' })
  totalCount!: number;
}

@ObjectType('Viewer', {
  description:
    'Who is asking, and what is theirs: a supplier’s own installations and DMCs (DCC staff: every installation).',
})
export class ViewerInfo {
  @Field(() => ViewerRole)
  role!: ViewerRole;

  @Field(() => Supplier, {
    nullable: true,
    description: 'The supplier a SUPPLIER viewer acts for; null for DCC staff.',
  })
  supplier!: Supplier | null;
}

@ObjectType({ description: 'How many installations are in one migration state (and exclusion category).' })
export class InstallationStateCount {
  @Field(() => MigrationState)
  migrationState!: MigrationState;

  @Field(() => ExclusionCategory, {
    nullable: true,
    description: 'Why DCC will not pursue them (EXCLUDED only).',
  })
  exclusionCategory!: ExclusionCategory | null;

  @Field(() => Int)
  installations!: number;
}
