import { Field, ID, Int, ObjectType } from 'type-graphql';
import { encodeGlobalId } from '../../core/graphql/compiler/global-id';
import { Node, type Of } from '../../core/graphql/relay';
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
