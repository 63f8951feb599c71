import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { decodeIdOf } from '../../core/graphql/compiler/global-id';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { badUserInput } from '../../core/graphql/errors';
import { Cohort, FirmwareVersion } from '../catalogue/catalogue.types';
import { Dmc } from '../dmc/dmc.types';
import {
  findInstallation,
  findSuppliers,
  installationsNotMigrating,
  viewerDmcs,
  viewerInstallations,
} from './inventory.service';
import {
  Device,
  Installation,
  InstallationConnection,
  InstallationStateCount,
  Supplier,
  ViewerDmc,
  ViewerDmcConnection,
  ViewerInfo,
  ViewerInstallationsArgs,
  ViewerRole,
} from './inventory.types';

const EUI64 = /^([0-9A-F]{2}-){7}[0-9A-F]{2}$/;

/** Root fields of the inventory. Supplier viewers see only their own installations. */
@Resolver()
export class InventoryQueryResolver {
  @Query(() => Installation, {
    nullable: true,
    description: 'An installation by its global ID; null if it does not exist or is not yours.',
  })
  async installation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Installation | null> {
    return findInstallation(ctx, { id: decodeIdOf('Installation', id, 'id') });
  }

  @Query(() => Installation, {
    nullable: true,
    description: 'The installation a device (EUI-64) belongs to; null if none or not yours.',
  })
  async installationByDeviceId(
    @Arg('deviceId', () => String) deviceId: string,
    @Ctx() ctx: Context,
  ): Promise<Installation | null> {
    if (!EUI64.test(deviceId))
      throw badUserInput('deviceId', 'an EUI-64 like 00-DB-12-34-56-78-90-A0 (upper-case hex)', deviceId);
    return findInstallation(ctx, { deviceId });
  }

  @Query(() => ViewerInfo, {
    description:
      'Who is asking, and what is theirs. Any viewer: a supplier gets its own installations and DMCs, DCC staff every installation.',
  })
  async viewer(@Ctx() ctx: Context): Promise<ViewerInfo> {
    if (ctx.viewer.role !== 'SUPPLIER') return { role: ViewerRole[ctx.viewer.role], supplier: null };
    const [supplier] = await findSuppliers(ctx, [ctx.viewer.supplierId]);
    return { role: ViewerRole.SUPPLIER, supplier: supplier ?? null };
  }

  @Query(() => [Supplier], {
    description:
      'Energy suppliers, by name. DCC staff see every supplier; a supplier viewer sees only itself.',
  })
  suppliers(@Ctx() ctx: Context): Promise<Supplier[]> {
    return findSuppliers(ctx);
  }

  @Query(() => [InstallationStateCount], {
    description:
      'Installations not migrating by the ordinary path (excluded, failed, scheduled, in progress, awaiting a firmware upgrade), by migration state and exclusion category, largest first. Suppliers count only their own.',
  })
  installationsNotMigrating(@Ctx() ctx: Context): Promise<InstallationStateCount[]> {
    return installationsNotMigrating(ctx);
  }
}

@Resolver(() => ViewerInfo)
export class ViewerFieldsResolver {
  @FieldResolver(() => InstallationConnection, {
    description: 'The viewer’s own installations (DCC staff: every installation), by id, filtered.',
  })
  installations(@Args() args: ViewerInstallationsArgs, @Ctx() ctx: Context): Promise<InstallationConnection> {
    return viewerInstallations(ctx, args);
  }

  @FieldResolver(() => ViewerDmcConnection, {
    description:
      'The DMCs the viewer’s installations are (exactly their devices and firmware), with how many, most first.',
  })
  dmcs(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page forwards: 1–100 items (default 20).' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ViewerDmcConnection> {
    return viewerDmcs(ctx, { first, after });
  }
}

@Resolver(() => ViewerDmc)
export class ViewerDmcFieldsResolver {
  @FieldResolver(() => Dmc)
  dmc(@Root() root: ViewerDmc, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', root.dmcId);
  }
}

/*
 * Catalogue objects reached from installations and devices: each batched per field and request into one
 * compiled statement with the selection asked for (see compiler/node-loader.ts).
 */

@Resolver(() => Installation)
export class InstallationFieldsResolver {
  @FieldResolver(() => Cohort)
  cohort(
    @Root() root: Installation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Cohort | null> {
    return loadNode(ctx, info, 'Cohort', root.cohortId);
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
    return loadNode(ctx, info, 'Dmc', root.comboDmcId);
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
    return loadNode(ctx, info, 'FirmwareVersion', root.firmwareVersionId);
  }
}
