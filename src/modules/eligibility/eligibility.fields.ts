import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { Cohort, FirmwareVersion } from '../catalogue/catalogue.types';
import { Dmc } from '../dmc/dmc.types';
import { EpclEntry } from '../epcl/epcl.types';
import { Device, DeviceUpgrade, Eligibility, Installation, UpgradeOption } from './eligibility.types';

/*
 * Catalogue objects reached from installations and eligibility answers: each batched per field and request
 * into one compiled statement with the selection asked for (see compiler/node-loader.ts).
 */

@Resolver(() => Installation)
export class InstallationFieldsResolver {
  @FieldResolver(() => Cohort)
  cohort(
    @Root() root: Installation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Cohort | null> {
    return loadNode(ctx, info, 'Cohort', 'cohort', root.cohortId);
  }

  @FieldResolver(() => Dmc, {
    nullable: true,
    description: 'The catalogued DMC with exactly its devices and firmware, if any.',
  })
  currentDmc(
    @Root() root: Installation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', 'dmc', root.comboDmcId);
  }
}

@Resolver(() => Device)
export class DeviceFieldsResolver {
  @FieldResolver(() => FirmwareVersion)
  firmwareVersion(
    @Root() root: Device,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FirmwareVersion | null> {
    return loadNode(ctx, info, 'FirmwareVersion', 'firmware_version', root.firmwareVersionId);
  }
}

@Resolver(() => DeviceUpgrade)
export class DeviceUpgradeFieldsResolver {
  @FieldResolver(() => FirmwareVersion)
  fromFirmware(
    @Root() root: DeviceUpgrade,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FirmwareVersion | null> {
    return loadNode(ctx, info, 'FirmwareVersion', 'firmware_version', root.fromId);
  }

  @FieldResolver(() => FirmwareVersion)
  toFirmware(
    @Root() root: DeviceUpgrade,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FirmwareVersion | null> {
    return loadNode(ctx, info, 'FirmwareVersion', 'firmware_version', root.toId);
  }

  @FieldResolver(() => [FirmwareVersion], {
    description: 'Every version from the current one to the target, in upgrade order.',
  })
  async path(
    @Root() root: DeviceUpgrade,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(FirmwareVersion | null)[]> {
    return Promise.all(
      root.pathIds.map((id) =>
        loadNode<FirmwareVersion>(ctx, info, 'FirmwareVersion', 'firmware_version', id),
      ),
    );
  }
}

@Resolver(() => UpgradeOption)
export class UpgradeOptionFieldsResolver {
  @FieldResolver(() => Dmc)
  dmc(
    @Root() root: UpgradeOption,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', 'dmc', root.dmcId);
  }

  @FieldResolver(() => EpclEntry)
  entry(
    @Root() root: UpgradeOption,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', 'epcl_entry', root.entryId);
  }
}

@Resolver(() => Eligibility)
export class EligibilityFieldsResolver {
  @FieldResolver(() => Dmc, { nullable: true })
  currentDmc(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', 'dmc', root.currentDmcId);
  }

  @FieldResolver(() => EpclEntry, {
    nullable: true,
    description: 'The EPCL entry of its current DMC for its status, in any state.',
  })
  entry(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', 'epcl_entry', root.entryId);
  }

  @FieldResolver(() => [EpclEntry], {
    description:
      'The entry and what it rests on, in order: e.g. SE entry → tested entry, or Active (20.9) → tested Dormant entry. See each entry’s evidence and reports.',
  })
  basisChain(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(EpclEntry | null)[]> {
    return Promise.all(
      root.chainIds.map((id) => loadNode<EpclEntry>(ctx, info, 'EpclEntry', 'epcl_entry', id)),
    );
  }
}
