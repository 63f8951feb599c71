import {
  DeviceType,
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  EvidenceRole,
  FirmwareEncoding,
  InstallationStatus,
  OperatingCapability,
  Rag,
  ReportGroup,
  ReportSection,
  SscMode,
  TestingIssueStatus,
  TestReportKind,
  TestReportState,
  VolumeBasis,
  VolumeSource,
  DmcRelationKind,
} from '../src/modules/common/enums';
import { normaliseFirmwareVersion } from '../src/modules/catalogue/firmware';
import { dmcFingerprint } from '../src/modules/dmc/fingerprint';

/*
 * The seed data set, built in memory with ids assigned here (deterministically) and then written in one
 * transaction (see write.ts). Row shapes mirror the tables, in camelCase.
 */

export type CohortRow = {
  id: number;
  code: string;
  name: string;
  operatingCapability: OperatingCapability;
  s1spName: string;
};
export type ManufacturerRow = {
  id: number;
  name: string;
  manufacturerIdentifier: string | null;
  synthetic: boolean;
};
export type DeviceModelRow = {
  id: number;
  manufacturerId: number;
  deviceType: DeviceType;
  modelName: string;
  modelIdentifier: string | null;
  hardwareVersion: string;
  synthetic: boolean;
};
export type FirmwareRow = {
  id: number;
  deviceModelId: number;
  deviceType: DeviceType;
  versionRaw: string;
  versionHex: string | null;
  encoding: FirmwareEncoding;
  releasedOn: string | null;
  synthetic: boolean;
};
export type UpgradePathRow = {
  id: number;
  fromFirmwareId: number;
  toFirmwareId: number;
  cohortId: number | null;
  /** False: the upgrade needs a site visit (not over the air), so the matching rules never use it. */
  otaSupported: boolean;
  /** False: only the operating supplier can perform it, so never for a Dormant meter. */
  dormantUpgradeByDcc: boolean;
  synthetic: boolean;
};
export type RestrictionRow = {
  id: number;
  deviceModelId: number;
  cohortId: number | null;
  restriction: string;
  /** It names the model, so every hardware version of it. */
  allHardwareVersions: boolean;
  communicationRef: string | null;
  communicationTitle: string | null;
  communicatedOn: string | null;
};
export type SupplierRow = { id: number; name: string; secPartyId: string; synthetic: boolean };
export type SlotRow = { deviceType: DeviceType; slotNo: number; firmwareVersionId: number };
export type DmcRow = {
  id: number;
  cohortId: number;
  fingerprint: string;
  label: string | null;
  synthetic: boolean;
  slots: SlotRow[];
};
export type RelationRow = {
  id: number;
  kind: DmcRelationKind;
  subjectId: number;
  basisId: number;
  rationale: string;
  publishedIn: string | null;
  decidedOn: string | null;
};
export type TestReportRow = {
  id: number;
  kind: TestReportKind;
  title: string;
  version: string | null;
  state: TestReportState;
  tranche: number | null;
  capabilityRelease: string | null;
  draftIssuedOn: string | null;
  sharedWithSuppliersOn: string | null;
  tagReviewedOn: string | null;
  tagOutcome: string | null;
  finalOn: string | null;
  documentRef: string | null;
  synthetic: boolean;
  scope: { dmcId: number; installationStatus: InstallationStatus; testPack: string | null }[];
};
export type TestingIssueRow = {
  id: number;
  ref: string;
  testReportId: number;
  dmcId: number | null;
  severity: number;
  status: TestingIssueStatus;
  countsAgainstThreshold: boolean;
  notCountedRationale: string | null;
  tagAdvisedOn: string | null;
  raisedOn: string | null;
  closedOn: string | null;
  title: string;
  synthetic: boolean;
};
export type ThresholdRow = {
  id: number;
  capabilityRelease: string;
  severity: number;
  maxOpenCounted: number;
};
export type EntryRow = {
  id: number;
  epclId: string | null;
  dmcId: number;
  installationStatus: InstallationStatus;
  basis: EntryBasis | null;
  basisEntryId: number | null;
  state: EpclEntryState;
  dateFirstAdded: string | null;
  synthetic: boolean;
  evidence: { testReportId: number; role: EvidenceRole }[];
};
export type ReportRow = {
  id: number;
  number: number;
  title: string;
  dmctTranches: number[];
  version: string | null;
  reportDate: string | null;
  authorEmail: string | null;
  classification: string | null;
  state: EpclReportState;
  sscConfirmedOn: string | null;
  sscMode: SscMode | null;
  listsPublishedOn: string | null;
  publishedOn: string | null;
  secasNotifiedOn: string | null;
  sosDecision: string | null;
  sosDecidedOn: string | null;
  signatoryName: string | null;
  signatoryRole: string | null;
  objectionsTo: string | null;
  riskRegisterUrl: string | null;
  upgradeableUnmigratedInstalls: number | null;
  upgradeableAsOf: string | null;
  upgradeableSource: string | null;
  synthetic: boolean;
  entries: { entryId: number; reportGroup: ReportGroup; annexRow: number | null }[];
  criteria: { no: number; rag: Rag; commentary: string }[];
  clauseEvidence: {
    clauseRef: string;
    section: ReportSection;
    statement: string;
    evidenceDate: string | null;
    evidenceCount: number | null;
    docRef: string | null;
  }[];
  volumes: {
    section: ReportSection;
    basis: VolumeBasis;
    installationStatus: InstallationStatus;
    installs: number;
    devices: number;
    source: VolumeSource;
    asOf: string | null;
    sourceNote: string | null;
  }[];
  risks: { ref: string; title: string; status: string | null; sourceUrl: string | null }[];
};

/** A device model with its firmware chain: `chain[i]` upgrades to `chain[i+1]`; `orphans` have no path. */
export type ModelFirmware = { model: DeviceModelRow; chain: FirmwareRow[]; orphans: FirmwareRow[] };

export class Dataset {
  readonly cohorts: CohortRow[] = [];
  readonly manufacturers: ManufacturerRow[] = [];
  readonly deviceModels: DeviceModelRow[] = [];
  readonly firmware: FirmwareRow[] = [];
  readonly upgradePaths: UpgradePathRow[] = [];
  readonly restrictions: RestrictionRow[] = [];
  readonly suppliers: SupplierRow[] = [];
  readonly dmcs: DmcRow[] = [];
  readonly relations: RelationRow[] = [];
  readonly testReports: TestReportRow[] = [];
  readonly testingIssues: TestingIssueRow[] = [];
  readonly thresholds: ThresholdRow[] = [];
  readonly entries: EntryRow[] = [];
  readonly reports: ReportRow[] = [];

  /** Firmware chains by device model id, for generators that need "an older version that can be upgraded". */
  readonly modelFirmware = new Map<number, ModelFirmware>();
  private readonly dmcByKey = new Map<string, DmcRow>();

  cohort(code: string): CohortRow {
    const found = this.cohorts.find((c) => c.code === code);
    if (!found) throw new Error(`unknown cohort ${code}`);
    return found;
  }

  addCohort(row: Omit<CohortRow, 'id'>): CohortRow {
    return push(this.cohorts, row);
  }

  addManufacturer(row: Omit<ManufacturerRow, 'id'>): ManufacturerRow {
    return push(this.manufacturers, row);
  }

  addDeviceModel(row: Omit<DeviceModelRow, 'id'>): DeviceModelRow {
    return push(this.deviceModels, row);
  }

  /** Adds a firmware version; the raw string is normalised to hex for equality. */
  addFirmware(
    model: DeviceModelRow,
    versionRaw: string,
    releasedOn: string | null,
    synthetic = true,
  ): FirmwareRow {
    const n = normaliseFirmwareVersion(versionRaw);
    return push(this.firmware, {
      deviceModelId: model.id,
      deviceType: model.deviceType,
      versionRaw: n.raw,
      versionHex: n.hex,
      encoding: n.encoding,
      releasedOn,
      synthetic,
    });
  }

  addUpgradePath(
    from: FirmwareRow,
    to: FirmwareRow,
    cohortId: number | null = null,
    how: { otaSupported?: boolean; dormantUpgradeByDcc?: boolean } = {},
  ): UpgradePathRow {
    return push(this.upgradePaths, {
      fromFirmwareId: from.id,
      toFirmwareId: to.id,
      cohortId,
      otaSupported: how.otaSupported ?? true,
      dormantUpgradeByDcc: how.dormantUpgradeByDcc ?? true,
      synthetic: true,
    });
  }

  addRestriction(row: Omit<RestrictionRow, 'id'>): RestrictionRow {
    return push(this.restrictions, row);
  }

  addSupplier(row: Omit<SupplierRow, 'id'>): SupplierRow {
    return push(this.suppliers, row);
  }

  /** The DMC with these slots in this cohort, creating it if new (fingerprints are unique per cohort). */
  dmc(
    cohortId: number,
    slots: SlotRow[],
    label: string | null,
    synthetic = true,
  ): { dmc: DmcRow; created: boolean } {
    const fingerprint = dmcFingerprint(slots);
    const key = `${cohortId}/${fingerprint}`;
    const existing = this.dmcByKey.get(key);
    if (existing) return { dmc: existing, created: false };
    const dmc = push(this.dmcs, { cohortId, fingerprint, label, synthetic, slots });
    this.dmcByKey.set(key, dmc);
    return { dmc, created: true };
  }

  findDmc(cohortId: number, fingerprint: string): DmcRow | undefined {
    return this.dmcByKey.get(`${cohortId}/${fingerprint}`);
  }

  addRelation(row: Omit<RelationRow, 'id'>): RelationRow {
    return push(this.relations, row);
  }

  addTestReport(row: Omit<TestReportRow, 'id'>): TestReportRow {
    return push(this.testReports, row);
  }

  addTestingIssue(row: Omit<TestingIssueRow, 'id'>): TestingIssueRow {
    return push(this.testingIssues, row);
  }

  addThreshold(row: Omit<ThresholdRow, 'id'>): ThresholdRow {
    return push(this.thresholds, row);
  }

  addEntry(row: Omit<EntryRow, 'id'>): EntryRow {
    return push(this.entries, row);
  }

  addReport(row: Omit<ReportRow, 'id'>): ReportRow {
    return push(this.reports, row);
  }
}

function push<T extends { id: number }>(rows: T[], row: Omit<T, 'id'>): T {
  const withId = { id: rows.length + 1, ...row } as T;
  rows.push(withId);
  return withId;
}

/** The EPCL ID for a sequence number: 6 digits, zero-padded. */
export function epclId(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new RangeError(`EPCL sequence out of range: ${n}`);
  return String(n).padStart(6, '0');
}
