import {
  Authorized,
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { resolveCompiled } from '../../core/graphql/compiler/run';
import { DCC_ADMIN_ONLY, requireDccAdmin } from '../../core/graphql/authz';
import { notFound } from '../../core/graphql/errors';
import { prepared, type Connection } from '../../core/graphql/relay';
import {
  Cohort,
  DeviceModel,
  DeviceModelConnection,
  DeviceModelsArgs,
  FirmwareReach,
  FirmwareVersion,
  FirmwareVersionConnection,
  FirmwareVersionsArgs,
  Manufacturer,
  ManufacturerConnection,
  ManufacturersArgs,
  UpdateManufacturerInput,
  UpdateManufacturerPayload,
} from './catalogue.types';
import { updateManufacturer } from './catalogue.service';

/** Root fields of the device catalogue. SQL: `CATALOGUE_QUERIES` in catalogue.sql.ts. */
@Resolver()
export class CatalogueQueryResolver {
  @Query(() => DeviceModelConnection)
  deviceModels(
    @Args() args: DeviceModelsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<DeviceModel>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => DeviceModel, {
    description: 'A device model by manufacturer name, model name and hardware version.',
  })
  async deviceModel(
    @Arg('manufacturer', () => String) manufacturer: string,
    @Arg('model', () => String) model: string,
    @Arg('hardwareVersion', () => String) hardwareVersion: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DeviceModel> {
    const found = await resolveCompiled<DeviceModel | null>(ctx, info, {
      manufacturer,
      model,
      hardwareVersion,
    });
    if (!found) throw notFound('device model', 'key', `${manufacturer} / ${model} / ${hardwareVersion}`);
    return found;
  }

  @Query(() => FirmwareVersionConnection)
  firmwareVersions(
    @Args() args: FirmwareVersionsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<FirmwareVersion>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => ManufacturerConnection)
  manufacturers(
    @Args() args: ManufacturersArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Manufacturer>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => [Cohort], { description: 'The four SMETS1 cohorts.' })
  cohorts(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Cohort[]> {
    return resolveCompiled(ctx, info, {});
  }
}

/**
 * Query-cost weight of the transitive upgrade fields (a plain field costs 1; see README, "Limits"): each is a
 * recursive walk of the upgrade graph per firmware version, multiplied by the page size of the list it is in.
 */
const REACH_COST = 50;

@Resolver(() => FirmwareVersion)
export class FirmwareVersionFieldsResolver {
  @FieldResolver(() => [FirmwareReach], {
    complexity: REACH_COST,
    description:
      'Every version this one can be upgraded to, directly or through several hops, with the fewest hops.',
  })
  reachableUpgrades(
    @Root() root: FirmwareVersion,
    @Info() info: GraphQLResolveInfo,
    @Arg('cohort', () => String, { nullable: true, description: 'Only paths usable by this cohort (code).' })
    _cohort?: string,
  ): FirmwareReach[] {
    return prepared(root, info);
  }

  @FieldResolver(() => [FirmwareReach], {
    complexity: REACH_COST,
    description: 'Every version that can be upgraded to this one, with the fewest hops.',
  })
  reachableFrom(
    @Root() root: FirmwareVersion,
    @Info() info: GraphQLResolveInfo,
    @Arg('cohort', () => String, { nullable: true }) _cohort?: string,
  ): FirmwareReach[] {
    return prepared(root, info);
  }
}

/**
 * Catalogue corrections by DCC staff. The worked example of the write path (docs/architecture.md): input
 * validated before any write, one unit of work, rule violations as user errors, the changed object read
 * back through the compiler.
 */
@Resolver()
export class CatalogueMutationResolver {
  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => UpdateManufacturerPayload, {
    description:
      'Corrects a manufacturer’s display name. DCC staff only (suppliers get FORBIDDEN). User errors: INVALID_INPUT, NOT_FOUND, MANUFACTURER_NAME_TAKEN.',
  })
  async updateManufacturer(
    @Arg('input', () => UpdateManufacturerInput) input: UpdateManufacturerInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateManufacturerPayload> {
    requireDccAdmin(ctx, 'correct the catalogue');
    const result = await updateManufacturer(ctx, input);
    return Object.assign(new UpdateManufacturerPayload(), {
      manufacturerId: result.id,
      userErrors: result.userErrors,
    });
  }
}

@Resolver(() => UpdateManufacturerPayload)
export class UpdateManufacturerPayloadResolver {
  @FieldResolver(() => Manufacturer, { nullable: true })
  manufacturer(
    @Root() payload: UpdateManufacturerPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Manufacturer | null> {
    return loadNode(ctx, info, 'Manufacturer', payload.manufacturerId);
  }
}
