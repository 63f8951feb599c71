import {
  Authorized,
  Arg,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { DCC_ADMIN_ONLY, DCC_STAFF, requireDccAdmin, requireDccStaff } from '../../core/graphql/authz';
import { badUserInput } from '../../core/graphql/errors';
import { LocalDate } from '../../core/graphql/scalars';
import { Dmc } from '../dmc/dmc.types';
import {
  DmcFailureRate,
  Pacing,
  PacingActionRecord,
  PacingRecommendation,
  PacingThresholdsInput,
  RecordGoNoGoDecisionInput,
  RecordGoNoGoDecisionPayload,
  RecordPacingActionInput,
  RecordPacingActionPayload,
  GoNoGoDecisionNode,
  UnknownErrorCode,
} from './pacing.types';
import {
  findAction,
  findDecision,
  latestPacingDate,
  pacingOn,
  recordGoNoGoDecision,
  recordPacingAction,
  type PacingQuery,
} from './pacing.service';

/** Migration pacing (Annex C). DCC staff only: suppliers get FORBIDDEN. */
@Resolver()
export class PacingQueryResolver {
  @Authorized(...DCC_STAFF)
  @Query(() => Pacing, {
    description:
      'Migration pacing on one day (EPCL Report 22, Annex C): capacity, plan and attempts, failure rates by DMC and cohort over the window against the expected rates, unknown error codes, the recommended actions with their evidence, and the Go/No-go. DCC staff only.',
  })
  async pacing(
    @Arg('date', () => LocalDate) date: string,
    @Ctx() ctx: Context,
    @Arg('thresholds', () => PacingThresholdsInput, { nullable: true }) thresholds?: PacingThresholdsInput,
    @Arg('historyDays', () => Int, {
      defaultValue: 28,
      description: 'Days of `history` ending on `date` (1–120).',
    })
    historyDays = 28,
  ): Promise<Pacing> {
    requireDccStaff(ctx, 'see migration pacing');
    if (!Number.isInteger(historyDays) || historyDays < 1 || historyDays > 120)
      throw badUserInput('historyDays', 'an integer from 1 to 120', historyDays);
    const { expectedByCohort, ...rest } = thresholds ?? {};
    const overrides: PacingQuery['thresholds'] = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => v !== undefined && v !== null),
    );
    if (expectedByCohort)
      overrides.expectedByCohort = Object.fromEntries(expectedByCohort.map((c) => [c.cohort, c.rate]));
    try {
      return await pacingOn(ctx, { date, historyDays, thresholds: overrides });
    } catch (error) {
      if (error instanceof RangeError)
        throw badUserInput('thresholds', 'consistent thresholds', error.message);
      throw error;
    }
  }
}

@Resolver()
export class PacingLatestDateResolver {
  @Authorized(...DCC_STAFF)
  @Query(() => LocalDate, {
    nullable: true,
    description:
      'The latest day with a migration plan or attempts (where the dashboard starts); null when there is none. DCC staff only.',
  })
  async latestPacingDate(@Ctx() ctx: Context): Promise<string | null> {
    requireDccStaff(ctx, 'see migration pacing');
    return latestPacingDate(ctx);
  }
}

@Resolver()
export class PacingMutationResolver {
  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => RecordGoNoGoDecisionPayload, {
    description:
      'Records the daily Go/No-go with who decided and why (the latest recorded for a day stands; announced as a GoNoGoDecisionRecorded event). DCC staff only. User errors: INVALID_INPUT.',
  })
  async recordGoNoGoDecision(
    @Arg('input', () => RecordGoNoGoDecisionInput) input: RecordGoNoGoDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<RecordGoNoGoDecisionPayload> {
    requireDccAdmin(ctx, 'record a Go/No-go decision');
    const result = await recordGoNoGoDecision(ctx, input);
    return Object.assign(new RecordGoNoGoDecisionPayload(), {
      decisionId: result.id,
      userErrors: result.userErrors,
    });
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => RecordPacingActionPayload, {
    description:
      'Records a pacing action with its reason (announced as a PacingActionRecorded event). THROTTLE and HALT_DMC need the DMC. DCC staff only. User errors: INVALID_INPUT, NOT_FOUND.',
  })
  async recordPacingAction(
    @Arg('input', () => RecordPacingActionInput) input: RecordPacingActionInput,
    @Ctx() ctx: Context,
  ): Promise<RecordPacingActionPayload> {
    requireDccAdmin(ctx, 'record a pacing action');
    const result = await recordPacingAction(ctx, input);
    return Object.assign(new RecordPacingActionPayload(), {
      actionId: result.id,
      userErrors: result.userErrors,
    });
  }
}

@Resolver(() => RecordGoNoGoDecisionPayload)
export class RecordGoNoGoDecisionPayloadResolver {
  @FieldResolver(() => GoNoGoDecisionNode, { nullable: true })
  decision(
    @Root() payload: RecordGoNoGoDecisionPayload,
    @Ctx() ctx: Context,
  ): Promise<GoNoGoDecisionNode | null> {
    return payload.decisionId === null ? Promise.resolve(null) : findDecision(ctx, payload.decisionId);
  }
}

@Resolver(() => RecordPacingActionPayload)
export class RecordPacingActionPayloadResolver {
  @FieldResolver(() => PacingActionRecord, { nullable: true })
  pacingAction(
    @Root() payload: RecordPacingActionPayload,
    @Ctx() ctx: Context,
  ): Promise<PacingActionRecord | null> {
    return payload.actionId === null ? Promise.resolve(null) : findAction(ctx, payload.actionId);
  }
}

/* DMCs reached from pacing objects: batched per field and request into one compiled statement. */

@Resolver(() => DmcFailureRate)
export class DmcFailureRateResolver {
  @FieldResolver(() => Dmc)
  dmc(
    @Root() root: DmcFailureRate,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', root.dmcId);
  }
}

@Resolver(() => PacingRecommendation)
export class PacingRecommendationResolver {
  @FieldResolver(() => Dmc, { nullable: true })
  dmc(
    @Root() root: PacingRecommendation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', root.dmcId);
  }
}

@Resolver(() => PacingActionRecord)
export class PacingActionRecordResolver {
  @FieldResolver(() => Dmc, { nullable: true })
  dmc(
    @Root() root: PacingActionRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', root.dmcId);
  }
}

@Resolver(() => UnknownErrorCode)
export class UnknownErrorCodeResolver {
  @FieldResolver(() => [Dmc])
  async dmcs(
    @Root() root: UnknownErrorCode,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc[]> {
    const found = await Promise.all(root.dmcIds.map((id) => loadNode<Dmc>(ctx, info, 'Dmc', id)));
    return found.filter((d): d is Dmc => d !== null);
  }
}
