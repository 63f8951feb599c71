import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { DCC_ADMIN_ONLY, requireDccAdmin } from '../../core/graphql/authz';
import { idempotent } from '../epcl/idempotency.service';
import { createDmc } from './dmc.service';
import { CreateDmcInput, CreateDmcPayload, Dmc } from './dmc.types';

/** Writes of DMCs (issue 8). */
@Resolver()
export class DmcMutationResolver {
  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => CreateDmcPayload, {
    description:
      'Creates a DMC in a cohort from its slots, with CANDIDATE EPCL entries for the statuses given (history from createdOn). DCC admins only (analysts and suppliers get FORBIDDEN). User errors: INVALID_INPUT, NOT_FOUND (cohort or firmware), DUPLICATE_DMC (the cohort has a DMC with these slots), DMC_COMPOSITION (not exactly one CHF and at least one meter), DEVICE_TYPE_MISMATCH (a slot type differs from its firmware’s device model), IDEMPOTENCY_KEY_REUSED.',
  })
  async createDmc(
    @Arg('input', () => CreateDmcInput) input: CreateDmcInput,
    @Ctx() ctx: Context,
  ): Promise<CreateDmcPayload> {
    requireDccAdmin(ctx, 'create DMCs');
    const result = await idempotent(ctx, 'createDmc', input, () => createDmc(ctx, input));
    return Object.assign(new CreateDmcPayload(), { dmcId: result.id, userErrors: result.userErrors });
  }
}

@Resolver(() => CreateDmcPayload)
export class CreateDmcPayloadResolver {
  @FieldResolver(() => Dmc, { nullable: true })
  dmc(
    @Root() payload: CreateDmcPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', payload.dmcId);
  }
}
