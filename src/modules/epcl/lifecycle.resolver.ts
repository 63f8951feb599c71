import { Authorized, Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { DCC_ADMIN_ONLY, requireDccAdmin } from '../../core/graphql/authz';
import { EpclEntryState } from '../common/enums';
import { EpclEntry, EpclReport } from './epcl.types';
import { idempotent } from './idempotency.service';
import {
  addEntriesToEpclReport,
  changeEntryState,
  createEpclReport,
  proposeEpclEntry,
  publishEpclListVersion,
  publishEpclReport,
  recordObjection,
  recordSscDecision,
  submitEpclReportToSsc,
  recordSecretaryOfStateDecision,
  type LifecycleResult,
} from './lifecycle.service';
import {
  AddEntriesToEpclReportInput,
  CreateEpclReportInput,
  EpclEntryPayload,
  EpclListVersion,
  EpclReportPayload,
  ProposeEpclEntryInput,
  PublishEpclReportInput,
  RecordSscDecisionInput,
  SubmitEpclReportToSscInput,
  PublishEpclListVersionInput,
  PublishEpclListVersionPayload,
  RecordObjectionInput,
  RecordObjectionPayload,
  RecordSecretaryOfStateDecisionInput,
  RecordSecretaryOfStateDecisionPayload,
  RemoveEpclEntryInput,
  WithdrawEpclEntryInput,
} from './lifecycle.types';

const STAFF_ONLY = 'DCC admins only (analysts and suppliers get FORBIDDEN).';
const COMMON_ERRORS =
  'INVALID_INPUT, NOT_FOUND, STALE_VERSION, INVALID_STATE_TRANSITION, IDEMPOTENCY_KEY_REUSED';

function staffOnly(ctx: Context): void {
  requireDccAdmin(ctx, 'record EPCL process steps');
}

const reportPayload = (result: LifecycleResult) =>
  Object.assign(new EpclReportPayload(), { reportId: result.id, userErrors: result.userErrors });

const entryPayload = (result: LifecycleResult) =>
  Object.assign(new EpclEntryPayload(), { entryId: result.id, userErrors: result.userErrors });

/**
 * The EPCL process as mutations (issue 8). Each is one transaction; the history of every change of state,
 * with its effective date, is recorded by the database (`EpclEntry.history`, `EpclReport.history`).
 */
@Resolver()
export class LifecycleMutationResolver {
  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => RecordSecretaryOfStateDecisionPayload, {
    description: `Records the Secretary of State's decision on a report AWAITING_SOS: the report takes the decision and its proposed entries become APPROVED or REJECTED, effective on decidedOn. ${STAFF_ONLY} User errors: ${COMMON_ERRORS}.`,
  })
  async recordSecretaryOfStateDecision(
    @Arg('input', () => RecordSecretaryOfStateDecisionInput) input: RecordSecretaryOfStateDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<RecordSecretaryOfStateDecisionPayload> {
    staffOnly(ctx);
    const result = await idempotent(ctx, 'recordSecretaryOfStateDecision', input, () =>
      recordSecretaryOfStateDecision(ctx, input),
    );
    return Object.assign(new RecordSecretaryOfStateDecisionPayload(), {
      reportId: result.id,
      userErrors: result.userErrors,
    });
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclReportPayload, {
    description: `Creates an EPCL report in DRAFTING; its history starts on reportDate. ${STAFF_ONLY} User errors: INVALID_INPUT, REPORT_NUMBER_TAKEN, IDEMPOTENCY_KEY_REUSED.`,
  })
  async createEpclReport(
    @Arg('input', () => CreateEpclReportInput) input: CreateEpclReportInput,
    @Ctx() ctx: Context,
  ): Promise<EpclReportPayload> {
    staffOnly(ctx);
    return reportPayload(
      await idempotent(ctx, 'createEpclReport', input, () => createEpclReport(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclReportPayload, {
    description: `Adds entries to a DRAFTING report, each in its group (entries keep their state). ${STAFF_ONLY} User errors: ${COMMON_ERRORS}, REPORT_GROUP_BASIS, ENTRY_ALREADY_IN_REPORT.`,
  })
  async addEntriesToEpclReport(
    @Arg('input', () => AddEntriesToEpclReportInput) input: AddEntriesToEpclReportInput,
    @Ctx() ctx: Context,
  ): Promise<EpclReportPayload> {
    staffOnly(ctx);
    return reportPayload(
      await idempotent(ctx, 'addEntriesToEpclReport', input, () => addEntriesToEpclReport(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclReportPayload, {
    description: `Sends a drafted report to the Security Sub-Committee (DRAFTING → SSC_REVIEW). ${STAFF_ONLY} User errors: ${COMMON_ERRORS}.`,
  })
  async submitEpclReportToSsc(
    @Arg('input', () => SubmitEpclReportToSscInput) input: SubmitEpclReportToSscInput,
    @Ctx() ctx: Context,
  ): Promise<EpclReportPayload> {
    staffOnly(ctx);
    return reportPayload(
      await idempotent(ctx, 'submitEpclReportToSsc', input, () => submitEpclReportToSsc(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclReportPayload, {
    description: `Records the SSC's confirmation that the report raises no new security risks (SSC_REVIEW → SSC_CONFIRMED), effective on confirmedOn. ${STAFF_ONLY} User errors: ${COMMON_ERRORS}.`,
  })
  async recordSscDecision(
    @Arg('input', () => RecordSscDecisionInput) input: RecordSscDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<EpclReportPayload> {
    staffOnly(ctx);
    return reportPayload(
      await idempotent(ctx, 'recordSscDecision', input, () => recordSscDecision(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclReportPayload, {
    description: `Publishes a confirmed report (effective publishedOn) and records SECAS's notification, which opens the objection window (effective secasNotifiedOn; deadline 5 working days later). ${STAFF_ONLY} User errors: ${COMMON_ERRORS}, REPORT_NOT_READY_TO_PUBLISH (all ten Live Service Criteria and the SSC date are needed).`,
  })
  async publishEpclReport(
    @Arg('input', () => PublishEpclReportInput) input: PublishEpclReportInput,
    @Ctx() ctx: Context,
  ): Promise<EpclReportPayload> {
    staffOnly(ctx);
    return reportPayload(
      await idempotent(ctx, 'publishEpclReport', input, () => publishEpclReport(ctx, input)),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => RecordObjectionPayload, {
    description: `Records a Supplier Party's objection to a report whose objection window is open, received by the end of its objection deadline day. ${STAFF_ONLY} User errors: INVALID_INPUT, NOT_FOUND, OBJECTION_WINDOW_CLOSED, IDEMPOTENCY_KEY_REUSED.`,
  })
  async recordObjection(
    @Arg('input', () => RecordObjectionInput) input: RecordObjectionInput,
    @Ctx() ctx: Context,
  ): Promise<RecordObjectionPayload> {
    staffOnly(ctx);
    const result = await idempotent(ctx, 'recordObjection', input, () => recordObjection(ctx, input));
    return Object.assign(new RecordObjectionPayload(), {
      reportId: result.id,
      userErrors: result.userErrors,
    });
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => PublishEpclListVersionPayload, {
    description: `Publishes a version of the EPCL: every APPROVED entry goes ON_EPCL, effective on publishedOn, which becomes its dateFirstAdded unless it was on the list before (written once). ${STAFF_ONLY} User errors: INVALID_INPUT, NOTHING_TO_PUBLISH, LIST_VERSION_TAKEN, IDEMPOTENCY_KEY_REUSED.`,
  })
  async publishEpclListVersion(
    @Arg('input', () => PublishEpclListVersionInput) input: PublishEpclListVersionInput,
    @Ctx() ctx: Context,
  ): Promise<PublishEpclListVersionPayload> {
    staffOnly(ctx);
    const result = await idempotent(ctx, 'publishEpclListVersion', input, () =>
      publishEpclListVersion(ctx, input),
    );
    return Object.assign(new PublishEpclListVersionPayload(), {
      listVersionId: result.id,
      userErrors: result.userErrors,
    });
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclEntryPayload, {
    description: `Proposes an existing entry for the EPCL (from CANDIDATE, TEST_REPORT_FINAL, EXCLUDED_FROM_SCHEDULE, REMOVED or REJECTED) with its basis, basis entry and evidence, allocating its EPCL ID if it has none. ${STAFF_ONLY} User errors: ${COMMON_ERRORS}, EPCL_ENTRY_BASIS_ENTRY, EPCL_ENTRY_BASIS, EPCL_ENTRY_BASIS_STATUS (an SE or child entry must rest on an entry of its own installation status), MISSING_CLAUSE_20_41_EVIDENCE, EPCL_ID_TAKEN (two proposals allocating an EPCL ID at once: retry).`,
  })
  async proposeEpclEntry(
    @Arg('input', () => ProposeEpclEntryInput) input: ProposeEpclEntryInput,
    @Ctx() ctx: Context,
  ): Promise<EpclEntryPayload> {
    staffOnly(ctx);
    return entryPayload(await idempotent(ctx, 'proposeEpclEntry', input, () => proposeEpclEntry(ctx, input)));
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclEntryPayload, {
    description: `Withdraws an entry that is not on the EPCL (any state but ON_EPCL, REMOVED, WITHDRAWN). ${STAFF_ONLY} User errors: ${COMMON_ERRORS}.`,
  })
  async withdrawEpclEntry(
    @Arg('input', () => WithdrawEpclEntryInput) input: WithdrawEpclEntryInput,
    @Ctx() ctx: Context,
  ): Promise<EpclEntryPayload> {
    staffOnly(ctx);
    const { withdrawnOn, ...rest } = input;
    return entryPayload(
      await idempotent(ctx, 'withdrawEpclEntry', input, () =>
        changeEntryState(ctx, { ...rest, effectiveOn: withdrawnOn }, EpclEntryState.WITHDRAWN, 'withdrawnOn'),
      ),
    );
  }

  @Authorized(...DCC_ADMIN_ONLY)
  @Mutation(() => EpclEntryPayload, {
    description: `Removes an entry from the EPCL (ON_EPCL → REMOVED); its dateFirstAdded is kept. ${STAFF_ONLY} User errors: ${COMMON_ERRORS}.`,
  })
  async removeEpclEntry(
    @Arg('input', () => RemoveEpclEntryInput) input: RemoveEpclEntryInput,
    @Ctx() ctx: Context,
  ): Promise<EpclEntryPayload> {
    staffOnly(ctx);
    const { removedOn, ...rest } = input;
    return entryPayload(
      await idempotent(ctx, 'removeEpclEntry', input, () =>
        changeEntryState(ctx, { ...rest, effectiveOn: removedOn }, EpclEntryState.REMOVED, 'removedOn'),
      ),
    );
  }
}

@Resolver(() => RecordSecretaryOfStateDecisionPayload)
export class RecordSecretaryOfStateDecisionPayloadResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(
    @Root() payload: RecordSecretaryOfStateDecisionPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclReport | null> {
    return loadNode(ctx, info, 'EpclReport', payload.reportId);
  }
}

@Resolver(() => EpclReportPayload)
export class EpclReportPayloadResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(
    @Root() payload: EpclReportPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclReport | null> {
    return loadNode(ctx, info, 'EpclReport', payload.reportId);
  }
}

@Resolver(() => RecordObjectionPayload)
export class RecordObjectionPayloadResolver {
  @FieldResolver(() => EpclReport, { nullable: true })
  report(
    @Root() payload: RecordObjectionPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclReport | null> {
    return loadNode(ctx, info, 'EpclReport', payload.reportId);
  }
}

@Resolver(() => EpclEntryPayload)
export class EpclEntryPayloadResolver {
  @FieldResolver(() => EpclEntry, { nullable: true })
  entry(
    @Root() payload: EpclEntryPayload,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', payload.entryId);
  }
}

@Resolver(() => PublishEpclListVersionPayload)
export class PublishEpclListVersionPayloadResolver {
  @FieldResolver(() => EpclListVersion, { nullable: true })
  async listVersion(
    @Root() payload: PublishEpclListVersionPayload,
    @Ctx() ctx: Context,
  ): Promise<EpclListVersion | null> {
    if (payload.listVersionId === null) return null;
    const [row] = await ctx.sql<EpclListVersion>(
      `select version, published_on::text as "publishedOn", entries_added as "entriesAdded",
              recorded_at as "recordedAt", actor from epcl_list_version where id = $1`,
      [payload.listVersionId],
    );
    return row ?? null;
  }
}
