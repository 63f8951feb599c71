import {
  DeviceModel,
  DeviceModelRestriction,
  FirmwareUpgradePath,
  FirmwareVersion,
  Manufacturer,
} from '../modules/catalogue/catalogue.entity';
import { ApiKey } from '../modules/auth/api-key.entity';
import { BankHoliday } from '../modules/calendar/bank-holiday.entity';
import { CatalogueVersion } from '../modules/catalogue/catalogue-version.entity';
import { Cohort, Dmc, DmcModelSignature, DmcRelation, DmcSlot } from '../modules/dmc/dmc.entity';
import {
  EpclEntry,
  EpclEntryEvidence,
  EpclReport,
  EpclReportClauseEvidence,
  EpclReportCriterion,
  EpclReportEntry,
  EpclReportRisk,
  EpclReportVolume,
  LiveServiceCriterion,
  SvtadClause,
} from '../modules/epcl/epcl.entity';
import {
  EpclListVersion,
  EpclObjection,
  IdempotencyRecord,
  StateChange,
} from '../modules/epcl/lifecycle.entity';
import { DomainEvent } from '../modules/events/domain-event.entity';
import { DeviceCombo, DeviceComboSlot } from '../modules/inventory/device-combo.entity';
import { Device, Installation, Supplier } from '../modules/inventory/inventory.entity';
import {
  DailyPlan,
  DailyPlanAllocation,
  GoNoGoDecision,
  MigrationAttempt,
  MigrationErrorCode,
  PacingAction,
} from '../modules/pacing/pacing.entity';
import {
  TestingIssue,
  TestingIssueThreshold,
  TestReport,
  TestReportScope,
} from '../modules/testing/testing.entity';

/** Every entity of the domain model; the ORM and the migration generator both read this list. */
export const ENTITIES = [
  Manufacturer,
  DeviceModel,
  FirmwareVersion,
  FirmwareUpgradePath,
  DeviceModelRestriction,
  Cohort,
  Dmc,
  DmcSlot,
  DmcRelation,
  DmcModelSignature,
  TestReport,
  TestReportScope,
  TestingIssue,
  TestingIssueThreshold,
  EpclEntry,
  EpclEntryEvidence,
  EpclReport,
  EpclReportEntry,
  StateChange,
  IdempotencyRecord,
  EpclListVersion,
  EpclObjection,
  LiveServiceCriterion,
  EpclReportCriterion,
  SvtadClause,
  EpclReportClauseEvidence,
  EpclReportVolume,
  EpclReportRisk,
  Supplier,
  Installation,
  Device,
  DeviceCombo,
  DeviceComboSlot,
  DomainEvent,
  BankHoliday,
  CatalogueVersion,
  MigrationErrorCode,
  MigrationAttempt,
  DailyPlan,
  DailyPlanAllocation,
  GoNoGoDecision,
  PacingAction,
  ApiKey,
];
