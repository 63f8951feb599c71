import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { resolveCompiled } from '../../core/graphql/compiler/run';
import { notFound } from '../../core/graphql/errors';
import type { Connection } from '../../core/graphql/relay';
import { Dmc, DmcConnection, DmcsArgs } from './dmc.types';

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
}
