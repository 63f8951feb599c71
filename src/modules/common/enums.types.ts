import { registerEnumType } from 'type-graphql';
import {
  BlockerCode,
  DeviceType,
  DmcRelationKind,
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  EvidenceRole,
  ExclusionCategory,
  MeterStatus,
  MigrationState,
  FirmwareEncoding,
  InstallationStatus,
  OperatingCapability,
  Rag,
  ReportGroup,
  ReportSection,
  SosDecision,
  SscMode,
  StateAggregate,
  TestingIssueStatus,
  TestReportKind,
  TestReportState,
  VolumeBasis,
} from './enums';

/** Registers the domain enums with GraphQL, once, with descriptions written for supplier engineers. */
let registered = false;
export function registerEnums(): void {
  if (registered) return;
  registered = true;
  registerEnumType(InstallationStatus, {
    name: 'InstallationStatus',
    description:
      'Status of a SMETS1 installation: ACTIVE meters are operated for their supplier through an SMSO, DORMANT meters are not (for example after a change of supplier), MIXED has both. EPCL entries are per status.',
  });
  registerEnumType(DeviceType, {
    name: 'DeviceType',
    description:
      'Device types that fill DMC slots: CHF comms hub, ESME electricity meter, GSME gas meter, GPF gas proxy, PPMID prepayment interface, IHD in-home display, HCALCS load control switch.',
  });
  registerEnumType(EntryBasis, {
    name: 'EntryBasis',
    description: 'Why an EPCL entry may be on the list.',
    valuesConfig: {
      TESTED: { description: 'The entry itself was tested in DMCT.' },
      TESTED_VIA_DORMANT: {
        description:
          "An Active or Mixed entry resting on the same DMC's tested Dormant entry plus SIT evidence (SVTAD Clauses 20.9 and 20.41).",
      },
      SUBSTANTIVELY_EQUIVALENT: {
        description: 'Untested, judged substantively equivalent to a tested entry (Clause 20.6(d)(i)).',
      },
      CHILD_OF_TESTED: {
        description: "The DMC's devices are a strict subset of a tested parent DMC's, same firmware.",
      },
    },
  });
  registerEnumType(EpclEntryState, {
    name: 'EpclEntryState',
    description:
      'Where an entry is in the Clause 20 pipeline: from CANDIDATE through DMCT testing or exclusion, PROPOSED in an EPCL report, APPROVED by the Secretary of State, ON_EPCL once the list is republished.',
  });
  registerEnumType(EpclReportState, {
    name: 'EpclReportState',
    description:
      'Statutory process of an EPCL report: SSC review, publication, the 5-working-day objection window after SECAS notification, then the Secretary of State decision.',
  });
  registerEnumType(ReportGroup, {
    name: 'ReportGroup',
    description:
      'GROUP_1_TESTED: entries tested in DMCT. GROUP_2_SE: entries proposed as substantively equivalent (or child) to Group 1.',
  });
  registerEnumType(FirmwareEncoding, {
    name: 'FirmwareEncoding',
    description:
      'How a firmware version was published: HEX, BCD-like dotted digits, or free TEXT (no hex form).',
  });
  registerEnumType(OperatingCapability, {
    name: 'OperatingCapability',
    description: 'SMETS1 migration capability: Initial, Middle or Final.',
  });
  registerEnumType(DmcRelationKind, {
    name: 'DmcRelationKind',
    description:
      "CHILD_OF: the subject's devices are a strict subset of the parent's. SUBSTANTIVELY_EQUIVALENT_TO: DCC judged the untested subject equivalent to the tested basis.",
  });
  registerEnumType(TestReportKind, {
    name: 'TestReportKind',
    description:
      'DMCT Testing Report, or a Dormant DMCT / Active SIT / Mixed SIT Test Completion Report (TCR).',
  });
  registerEnumType(TestReportState, {
    name: 'TestReportState',
    description:
      'Clause 20: DRAFT → SHARED_WITH_SUPPLIERS → [REFERRED_TO_SOS → SOS_DETERMINED] → TAG_REVIEWED → FINAL.',
  });
  registerEnumType(TestingIssueStatus, { name: 'TestingIssueStatus' });
  registerEnumType(EvidenceRole, {
    name: 'EvidenceRole',
    description:
      'The part a test report plays for an entry (Clause 20.41 for Active/Mixed entries on the 20.9 basis).',
  });
  registerEnumType(Rag, { name: 'Rag', description: 'Red, Amber, Green, or NA (not applicable).' });
  registerEnumType(ReportSection, {
    name: 'ReportSection',
    description: 'Overall, Group 1 (tested), Group 2 (substantively equivalent), or both groups.',
  });
  registerEnumType(VolumeBasis, {
    name: 'VolumeBasis',
    description: 'Installations already at the target firmware, or that could be firmware-upgraded to it.',
  });
  registerEnumType(SscMode, {
    name: 'SscMode',
    description: 'How the Security Sub-Committee confirmed: offline or in a meeting.',
  });
  registerEnumType(MigrationState, {
    name: 'MigrationState',
    description: 'Where an installation is in migration to DCC systems.',
  });
  registerEnumType(ExclusionCategory, {
    name: 'ExclusionCategory',
    description:
      'Why DCC will not pursue an installation (e.g. no WAN before migration, five failed attempts).',
  });
  registerEnumType(MeterStatus, { name: 'MeterStatus' });
  registerEnumType(BlockerCode, {
    name: 'BlockerCode',
    description: 'Why an installation cannot reach an EPCL entry.',
    valuesConfig: {
      MIGRATED: { description: 'Already migrated to DCC systems.' },
      EXCLUDED: { description: 'In an exclusion category: DCC will not pursue it.' },
      NO_DEVICES: { description: 'No devices are recorded for the installation.' },
      NO_DMC_FOR_DEVICES: {
        description: 'Its devices and firmware match no catalogued DMC of its cohort.',
      },
      COHORT_MISMATCH: { description: 'The DMC belongs to another cohort.' },
      MISSING_DEVICE: { description: 'The DMC has a device the installation lacks.' },
      EXTRA_DEVICE: { description: 'The installation has a device the DMC lacks.' },
      HARDWARE_OR_MODEL_MISMATCH: {
        description:
          'A device differs in manufacturer, model or hardware version, which firmware cannot change.',
      },
      NO_UPGRADE_PATH: { description: 'A device’s firmware has no usable upgrade path to the DMC’s.' },
      NO_ENTRY_FOR_STATUS: { description: 'Its DMC has no EPCL entry for the installation’s status.' },
      ENTRY_NOT_ON_EPCL: {
        description: 'Its DMC has an entry for its status, but the entry is not (or no longer) on the EPCL.',
      },
      NO_UPGRADE_TARGET: {
        description: 'No DMC of its cohort has an EPCL entry for its status that firmware could reach.',
      },
    },
  });
  registerEnumType(StateAggregate, {
    name: 'StateAggregate',
    description: 'What a recorded state change is about: an EPCL entry, an EPCL report or a test report.',
  });
  registerEnumType(SosDecision, {
    name: 'SosDecision',
    description:
      "The Secretary of State's decision on an EPCL report: every requested entry approved, some approved (the others rejected), or none.",
  });
}
