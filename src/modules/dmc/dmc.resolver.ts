import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { resolveCompiled } from '../../core/graphql/compiler/run';
import { badUserInput, notFound } from '../../core/graphql/errors';
import { prepared, type Connection } from '../../core/graphql/relay';
import { LocalDate } from '../../core/graphql/scalars';
import { EpclEntry } from '../epcl/epcl.types';
import { AS_OF_ENTRIES } from '../epcl/epcl.types';
import { Dmc, DmcConnection, DmcDeviceInput, DmcsArgs } from './dmc.types';

/** Root fields of DMCs. SQL: `DMC_QUERIES` in dmc.sql.ts. */
@Resolver()
export class DmcQueryResolver {
  @Query(() => DmcConnection, { description: 'Device Model Combinations, filtered.' })
  dmcs(
    @Args() args: DmcsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Dmc>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => Dmc, { description: 'A DMC by its natural key: cohort code and fingerprint.' })
  async dmc(
    @Arg('cohort', () => String, { description: 'e.g. MOC_SECURE' }) cohort: string,
    @Arg('fingerprint', () => String, { description: 'e.g. CHF:12+ESME:40' }) fingerprint: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc> {
    const dmc = await resolveCompiled<Dmc | null>(ctx, info, { cohort, fingerprint });
    if (!dmc) throw notFound('DMC', 'fingerprint', `${cohort}/${fingerprint}`);
    return dmc;
  }

  @Query(() => Dmc, {
    nullable: true,
    description:
      'The DMC of a cohort made of exactly these devices, as a supplier records them (manufacturer, model, hardware and firmware version per device, in any order): the portable lookup, with no internal IDs. Null when no DMC has exactly these devices; navigate from it to its entries, parents, children and equivalence links.',
  })
  async dmcByDevices(
    @Arg('cohort', () => String, { description: 'Cohort code, e.g. MOC_SECURE.' }) cohort: string,
    @Arg('devices', () => [DmcDeviceInput]) devices: DmcDeviceInput[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    if (devices.length < 1 || devices.length > 16)
      throw badUserInput('devices', 'from 1 to 16 devices', `${devices.length} devices`);
    devices.forEach((d, i) => {
      for (const key of ['manufacturer', 'model', 'hardwareVersion', 'firmwareVersion'] as const)
        if (!d[key].trim()) throw badUserInput(`devices[${i}].${key}`, 'a non-blank value', d[key]);
    });
    return resolveCompiled<Dmc | null>(ctx, info, {
      cohort,
      devices: devices.map(({ manufacturer, model, hardwareVersion, firmwareVersion }) => ({
        manufacturer,
        model,
        hardwareVersion,
        firmwareVersion: firmwareVersion.trim(),
      })),
    });
  }
}

@Resolver(() => Dmc)
export class DmcFieldsResolver {
  @FieldResolver(() => [EpclEntry], { description: 'Its EPCL entries, one per installation status at most.' })
  entries(
    @Root() root: Dmc,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDate, { nullable: true, description: AS_OF_ENTRIES }) _asOf?: string | null,
  ): EpclEntry[] {
    return prepared(root, info);
  }
}
