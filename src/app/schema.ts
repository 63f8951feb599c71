import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import {
  buildCompiledSchema,
  buildCompiledSchemaSync,
  type CompiledSchema,
  type CompiledSchemaOptions,
} from '../core/graphql/schema';
import type { TypeDefinitions } from '../core/graphql/compiler/registry';
import { CATALOGUE_QUERIES, CATALOGUE_SQL } from '../modules/catalogue/catalogue.sql';
import {
  CatalogueMutationResolver,
  CatalogueQueryResolver,
  FirmwareVersionFieldsResolver,
  UpdateManufacturerPayloadResolver,
} from '../modules/catalogue/catalogue.resolver';
import { CalendarQueryResolver } from '../modules/calendar/calendar.resolver';
import { EPCL_EVENT_RESOLVERS } from '../modules/events/epcl-events.resolver';
import { registerEnums } from '../modules/common/enums.types';
import { DMC_QUERIES, DMC_SQL } from '../modules/dmc/dmc.sql';
import { DmcFieldsResolver, DmcQueryResolver } from '../modules/dmc/dmc.resolver';
import {
  BlockedInstallationsResolver,
  DeviceUpgradeFieldsResolver,
  EligibilityFieldsResolver,
  EligibilityQueryResolver,
  ImpactEntryFieldsResolver,
  ImpactInstallationFieldsResolver,
  InstallationEligibilityResolver,
  ReportImpactDrillDownResolver,
  ReportVolumesResolver,
  UpgradeCandidateFieldsResolver,
  UpgradeOptionFieldsResolver,
} from '../modules/eligibility/eligibility.resolver';
import { EPCL_QUERIES, EPCL_SQL } from '../modules/epcl/epcl.sql';
import {
  EpclEntryFieldsResolver,
  EpclQueryResolver,
  EpclReportFieldsResolver,
} from '../modules/epcl/epcl.resolver';
import { EpclListDiffEntryResolver, EpclListDiffResolver } from '../modules/epcl/list-diff.resolver';
import {
  EpclEntryPayloadResolver,
  EpclReportPayloadResolver,
  LifecycleMutationResolver,
  PublishEpclListVersionPayloadResolver,
  RecordObjectionPayloadResolver,
  RecordSecretaryOfStateDecisionPayloadResolver,
} from '../modules/epcl/lifecycle.resolver';
import type { DomainEventMessage } from '../modules/events/event-relay';
import { DOMAIN_EVENT_TOPIC, DomainEventResolver } from '../modules/events/events.resolver';
import {
  DeviceFieldsResolver,
  InstallationFieldsResolver,
  InventoryQueryResolver,
  ViewerDmcFieldsResolver,
  ViewerFieldsResolver,
} from '../modules/inventory/inventory.resolver';
import { NodeQueryResolver } from '../modules/node/node.resolver';
import {
  DmcFailureRateResolver,
  PacingActionRecordResolver,
  PacingLatestDateResolver,
  PacingMutationResolver,
  PacingQueryResolver,
  PacingRecommendationResolver,
  RecordGoNoGoDecisionPayloadResolver,
  RecordPacingActionPayloadResolver,
  UnknownErrorCodeResolver,
} from '../modules/pacing/pacing.resolver';
import { TESTING_QUERIES, TESTING_SQL } from '../modules/testing/testing.sql';
import { TestingQueryResolver, TestReportFieldsResolver } from '../modules/testing/testing.resolver';
import {
  TestingIssuePayloadResolver,
  TestReportLifecycleResolver,
  TestReportPayloadResolver,
} from '../modules/testing/test-report-lifecycle.resolver';
import { CreateDmcPayloadResolver, DmcMutationResolver } from '../modules/dmc/dmc-writes.resolver';
import { entityMetadata } from './database';

/*
 * The composition root of the API: every feature module's resolvers and compiled SQL, assembled into one
 * schema. `src/core` knows none of this; it receives it from here.
 */

export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<{ [DOMAIN_EVENT_TOPIC]: [DomainEventMessage] }>();
}

const RESOLVERS: CompiledSchemaOptions['resolvers'] = [
  NodeQueryResolver,
  CatalogueQueryResolver,
  CatalogueMutationResolver,
  UpdateManufacturerPayloadResolver,
  FirmwareVersionFieldsResolver,
  DmcQueryResolver,
  DmcFieldsResolver,
  DmcFieldsResolver,
  TestingQueryResolver,
  EpclQueryResolver,
  EpclReportFieldsResolver,
  EpclEntryFieldsResolver,
  TestReportFieldsResolver,
  LifecycleMutationResolver,
  RecordSecretaryOfStateDecisionPayloadResolver,
  PublishEpclListVersionPayloadResolver,
  EpclEntryPayloadResolver,
  RecordObjectionPayloadResolver,
  EpclReportPayloadResolver,
  TestReportLifecycleResolver,
  TestReportPayloadResolver,
  TestingIssuePayloadResolver,
  DmcMutationResolver,
  CreateDmcPayloadResolver,
  InventoryQueryResolver,
  ViewerFieldsResolver,
  ViewerDmcFieldsResolver,
  InstallationFieldsResolver,
  DeviceFieldsResolver,
  EligibilityQueryResolver,
  InstallationEligibilityResolver,
  ReportVolumesResolver,
  ReportImpactDrillDownResolver,
  ImpactEntryFieldsResolver,
  ImpactInstallationFieldsResolver,
  EpclListDiffResolver,
  EpclListDiffEntryResolver,
  DeviceUpgradeFieldsResolver,
  UpgradeOptionFieldsResolver,
  UpgradeCandidateFieldsResolver,
  EligibilityFieldsResolver,
  BlockedInstallationsResolver,
  DomainEventResolver,
  ...EPCL_EVENT_RESOLVERS,
  CalendarQueryResolver,
  PacingQueryResolver,
  PacingLatestDateResolver,
  PacingMutationResolver,
  RecordGoNoGoDecisionPayloadResolver,
  RecordPacingActionPayloadResolver,
  DmcFailureRateResolver,
  PacingRecommendationResolver,
  PacingActionRecordResolver,
  UnknownErrorCodeResolver,
];

/** Compiled object types by module, and the root fields whose SQL the modules give. */
export const DEFINITIONS: TypeDefinitions = {
  ...CATALOGUE_SQL,
  ...DMC_SQL,
  ...TESTING_SQL,
  ...EPCL_SQL,
  Query: { fields: { ...CATALOGUE_QUERIES, ...DMC_QUERIES, ...TESTING_QUERIES, ...EPCL_QUERIES } },
};

function options(pubSub: AppPubSub): CompiledSchemaOptions {
  registerEnums();
  return { resolvers: RESOLVERS, pubSub, definitions: DEFINITIONS, metadata: entityMetadata() };
}

/** The executable schema and its compiler registry. */
export function buildAppSchema(pubSub: AppPubSub): Promise<CompiledSchema> {
  return buildCompiledSchema(options(pubSub));
}

/** The same schema built synchronously, for SDL emission and codegen (no live pub/sub needed). */
export function buildSchemaForSdl(): CompiledSchema['schema'] {
  return buildCompiledSchemaSync(options(createAppPubSub())).schema;
}
