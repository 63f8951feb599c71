import {
  DeviceType,
  DmcRelationKind,
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  EvidenceRole,
  InstallationStatus,
  Rag,
  ReportGroup,
  ReportSection,
  SscMode,
  TestingIssueStatus,
  TestReportKind,
  TestReportState,
} from '../src/modules/common/enums';
import { COHORTS, type Catalogue } from './catalogue';
import { Dataset, epclId, type DmcRow, type EntryRow, type ModelFirmware, type SlotRow } from './dataset';
import { Random } from './random';

/*
 * The synthetic national catalogue around report 22: EPCL reports 1–21 (approved, their entries on the
 * EPCL, EPCL IDs 000001–002199) across the four cohorts, and a pipeline of DMCs not yet in any report.
 * Sized from docs/domain.md §5: about 1,130 DMCs and 2,750 entries with report 22. Fixed seed: the
 * catalogue is the same in every data set.
 */

const REPORTS_BEFORE_22 = 21;
const ENTRIES_BEFORE_22 = 2199;
const PIPELINE_DMCS = 120;

const COHORT_OF_REPORT = (n: number): string =>
  n <= 6 ? COHORTS.IOC : n <= 11 ? COHORTS.MOC_MDS : n <= 13 ? COHORTS.FOC : COHORTS.MOC_SECURE;

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

type Composition = { gas: boolean; ppmid: boolean };

function composeSlots(
  rng: Random,
  models: Map<DeviceType, ModelFirmware[]>,
  c: Composition,
): SlotRow[] | undefined {
  const types = [
    DeviceType.CHF,
    DeviceType.ESME,
    ...(c.gas ? [DeviceType.GSME, DeviceType.GPF] : []),
    ...(c.ppmid ? [DeviceType.PPMID] : []),
  ];
  const slots: SlotRow[] = [];
  for (const type of types) {
    const lines = models.get(type);
    if (!lines?.length) return undefined;
    const line = rng.pick(lines);
    // Targets sit after the first version where possible, so older, upgradeable versions exist.
    const index = line.chain.length === 1 ? 0 : rng.between(1, line.chain.length - 1);
    slots.push({ deviceType: type, slotNo: 1, firmwareVersionId: line.chain[index].id });
  }
  return slots;
}

export function buildNational(data: Dataset, catalogue: Catalogue): void {
  const rng = new Random(1_2019);
  let seq = 1;
  const quota = (n: number) =>
    Math.floor((ENTRIES_BEFORE_22 * n) / REPORTS_BEFORE_22) -
    Math.floor((ENTRIES_BEFORE_22 * (n - 1)) / REPORTS_BEFORE_22);

  for (let n = 1; n <= REPORTS_BEFORE_22; n++) {
    const cohortCode = COHORT_OF_REPORT(n);
    const cohortId = data.cohort(cohortCode).id;
    const models = catalogue.cohortModels.get(cohortCode)!;
    const reportDate = addDays('2019-07-01', (n - 1) * 42);
    const tranches = [2 * n, 2 * n + 1];
    const capabilityRelease = `${cohortCode} Capability Release (synthetic)`;
    let remaining = quota(n);
    const reportEntries: { entryId: number; reportGroup: ReportGroup; annexRow: number | null }[] = [];
    const dateFirstAdded = addDays(reportDate, 35);
    const entry = (
      row: Omit<EntryRow, 'id' | 'epclId' | 'state' | 'dateFirstAdded' | 'synthetic' | 'evidence'>,
      evidence: EntryRow['evidence'],
      group: ReportGroup,
    ) => {
      const e = data.addEntry({
        ...row,
        epclId: epclId(seq++),
        state: EpclEntryState.ON_EPCL,
        dateFirstAdded,
        synthetic: true,
        evidence,
      });
      reportEntries.push({ entryId: e.id, reportGroup: group, annexRow: reportEntries.length + 1 });
      remaining--;
      return e;
    };

    // Group 1: one to three tested DMCs, Dormant tested and Active/Mixed on the Clause 20.9 basis.
    const tested: { dmc: DmcRow; byStatus: Map<InstallationStatus, EntryRow>; dmct: number; gas: boolean }[] =
      [];
    const testedCount = rng.between(1, 3);
    for (let t = 0; t < testedCount; t++) {
      const gas = t !== 0 || rng.chance(0.5);
      const slots = composeSlots(rng, models, { gas, ppmid: rng.chance(0.1) });
      if (!slots) continue;
      const { dmc, created } = data.dmc(cohortId, slots, null);
      if (!created) continue;
      const tranche = tranches[t % 2];
      const report = (kind: TestReportKind, title: string, status: InstallationStatus) =>
        data.addTestReport({
          kind,
          title,
          version: '1.0',
          state: TestReportState.FINAL,
          tranche,
          capabilityRelease,
          draftIssuedOn: kind === TestReportKind.DMCT_TESTING_REPORT ? addDays(reportDate, -35) : null,
          sharedWithSuppliersOn:
            kind === TestReportKind.DMCT_TESTING_REPORT ? addDays(reportDate, -35) : null,
          tagReviewedOn: kind === TestReportKind.DMCT_TESTING_REPORT ? addDays(reportDate, -17) : null,
          tagOutcome: null,
          finalOn: addDays(reportDate, -15),
          documentRef: null,
          synthetic: true,
          scope: [{ dmcId: dmc.id, installationStatus: status, testPack: null }],
        }).id;
      const dmct = report(
        TestReportKind.DMCT_TESTING_REPORT,
        `DMCT Testing Report - Tranche ${tranche} - DMC ${dmc.id} (Dormant)`,
        InstallationStatus.DORMANT,
      );
      const tcr = report(
        TestReportKind.DORMANT_DMCT_TEST_COMPLETION,
        `Dormant DMCT Test Completion Report - Tranche ${tranche} - DMC ${dmc.id}`,
        InstallationStatus.DORMANT,
      );
      const byStatus = new Map<InstallationStatus, EntryRow>();
      const dormant = entry(
        {
          dmcId: dmc.id,
          installationStatus: InstallationStatus.DORMANT,
          basis: EntryBasis.TESTED,
          basisEntryId: null,
        },
        [
          { testReportId: dmct, role: EvidenceRole.DMCT_TESTING_REPORT },
          { testReportId: tcr, role: EvidenceRole.DORMANT_DMCT_TCR },
        ],
        ReportGroup.GROUP_1_TESTED,
      );
      byStatus.set(InstallationStatus.DORMANT, dormant);
      for (const status of gas
        ? [InstallationStatus.ACTIVE, InstallationStatus.MIXED]
        : [InstallationStatus.ACTIVE]) {
        const active = status === InstallationStatus.ACTIVE;
        const sit = report(
          active ? TestReportKind.ACTIVE_SIT_TEST_COMPLETION : TestReportKind.MIXED_SIT_TEST_COMPLETION,
          `${active ? 'Active' : 'Mixed'} SIT Test Completion Report - DMC ${dmc.id}`,
          status,
        );
        byStatus.set(
          status,
          entry(
            {
              dmcId: dmc.id,
              installationStatus: status,
              basis: EntryBasis.TESTED_VIA_DORMANT,
              basisEntryId: dormant.id,
            },
            [
              { testReportId: tcr, role: EvidenceRole.DORMANT_DMCT_TCR },
              { testReportId: sit, role: active ? EvidenceRole.ACTIVE_SIT_TCR : EvidenceRole.MIXED_SIT_TCR },
            ],
            ReportGroup.GROUP_1_TESTED,
          ),
        );
      }
      for (let i = rng.between(0, 3); i > 0; i--) {
        const open = rng.chance(0.25);
        const counted = !open || rng.chance(0.6);
        data.addTestingIssue({
          ref: `DMCT-T${tranche}-${String(data.testingIssues.length + 1).padStart(4, '0')}`,
          testReportId: dmct,
          dmcId: dmc.id,
          severity: rng.between(2, 5),
          status: open ? TestingIssueStatus.OPEN : TestingIssueStatus.CLOSED,
          countsAgainstThreshold: counted,
          notCountedRationale: counted
            ? null
            : 'Outside the DMC: caused by test-environment configuration (synthetic rationale).',
          tagAdvisedOn: open ? addDays(reportDate, -18) : null,
          raisedOn: addDays(reportDate, -60),
          closedOn: open ? null : addDays(reportDate, -20),
          title: `Synthetic testing issue ${data.testingIssues.length + 1}`,
          synthetic: true,
        });
      }
      tested.push({ dmc, byStatus, dmct, gas });
    }
    if (tested.length === 0)
      throw new Error(`report ${n}: no tested DMC could be composed for ${cohortCode}`);

    // Group 2: children of dual-fuel tested DMCs (their electricity-only part), then SE DMCs until the quota.
    const rest: {
      dmc: DmcRow;
      kind: DmcRelationKind;
      basis: (typeof tested)[number];
      statuses: InstallationStatus[];
    }[] = [];
    for (const parent of tested.filter((t) => t.gas)) {
      const slots = parent.dmc.slots.filter(
        (s) => s.deviceType === DeviceType.CHF || s.deviceType === DeviceType.ESME,
      );
      const { dmc, created } = data.dmc(cohortId, slots, null);
      if (created)
        rest.push({
          dmc,
          kind: DmcRelationKind.CHILD_OF,
          basis: parent,
          statuses: [InstallationStatus.ACTIVE, InstallationStatus.DORMANT],
        });
    }
    let attempts = 0;
    while (rest.reduce((sum, r) => sum + r.statuses.length, 0) < remaining && attempts++ < 5000) {
      const basis = rng.pick(tested);
      const slots = composeSlots(rng, models, {
        gas: basis.gas,
        ppmid: basis.dmc.slots.some((s) => s.deviceType === DeviceType.PPMID),
      });
      if (!slots) continue;
      const { dmc, created } = data.dmc(cohortId, slots, null);
      if (!created) continue;
      rest.push({
        dmc,
        kind: DmcRelationKind.SUBSTANTIVELY_EQUIVALENT_TO,
        basis,
        statuses: [...basis.byStatus.keys()],
      });
    }
    for (const r of rest) {
      if (remaining <= 0) break;
      data.addRelation({
        kind: r.kind,
        subjectId: r.dmc.id,
        basisId: r.basis.dmc.id,
        rationale:
          r.kind === DmcRelationKind.CHILD_OF
            ? 'Electricity-only part of the tested dual-fuel DMC: same device models and firmware (synthetic rationale).'
            : 'Same device types; differences confined to firmware with no effect on SMETS1 services (synthetic rationale).',
        publishedIn: `Excluded from DMCT Schedule, SMETS1 ${cohortCode} (synthetic version)`,
        decidedOn: addDays(reportDate, -10),
      });
      for (const status of r.statuses) {
        if (remaining <= 0) break;
        const basisEntry = r.basis.byStatus.get(status) ?? r.basis.byStatus.get(InstallationStatus.DORMANT)!;
        entry(
          {
            dmcId: r.dmc.id,
            installationStatus: status,
            basis:
              r.kind === DmcRelationKind.CHILD_OF
                ? EntryBasis.CHILD_OF_TESTED
                : EntryBasis.SUBSTANTIVELY_EQUIVALENT,
            basisEntryId: basisEntry.id,
          },
          [{ testReportId: r.basis.dmct, role: EvidenceRole.SE_BASIS_REPORT }],
          ReportGroup.GROUP_2_SE,
        );
      }
    }
    if (remaining !== 0) throw new Error(`report ${n}: could not reach its entry quota (${remaining} short)`);

    data.addReport({
      number: n,
      title: `EPCL Report ${n} - DMCT Tranche ${tranches.join(', ')}`,
      dmctTranches: tranches,
      version: '1.0',
      reportDate,
      authorEmail: 'SMETS1DMCT@smartdcc.co.uk',
      classification: 'DCC Public',
      state: EpclReportState.APPROVED,
      sscConfirmedOn: addDays(reportDate, -20),
      sscMode: rng.chance(0.5) ? SscMode.OFFLINE : SscMode.MEETING,
      listsPublishedOn: addDays(reportDate, -4),
      publishedOn: reportDate,
      secasNotifiedOn: reportDate,
      sosDecision: 'Approved',
      sosDecidedOn: addDays(reportDate, 28),
      signatoryName: null,
      signatoryRole: 'Director of Products & Logistics',
      objectionsTo: 'SMETS1_appeals@beis.gov.uk',
      riskRegisterUrl: null,
      upgradeableUnmigratedInstalls: null,
      upgradeableAsOf: null,
      upgradeableSource: null,
      synthetic: true,
      entries: reportEntries,
      criteria: Array.from({ length: 10 }, (_, i) => ({
        no: i + 1,
        rag: i === 3 ? Rag.NA : Rag.G,
        commentary: 'Synthetic commentary.',
      })),
      clauseEvidence: [
        {
          clauseRef: '20.34',
          section: ReportSection.GROUP_1_TESTED,
          statement: 'The DCC produced draft DMCT Testing Reports (synthetic).',
          evidenceDate: addDays(reportDate, -35),
          evidenceCount: null,
          docRef: null,
        },
        {
          clauseRef: '20.43',
          section: ReportSection.GROUPS_1_AND_2,
          statement:
            'The DCC published this report and notified the Panel, the Secretary of State, the Authority and SEC Parties (synthetic).',
          evidenceDate: reportDate,
          evidenceCount: null,
          docRef: null,
        },
      ],
      volumes: [],
      risks: [],
    });
  }
  if (seq !== ENTRIES_BEFORE_22 + 1)
    throw new Error(`national catalogue allocated ${seq - 1} EPCL IDs, expected ${ENTRIES_BEFORE_22}`);

  // The pipeline: DMCs on the DMCT Schedule or in test for later tranches, not yet in any report.
  const pipelineStates = [
    EpclEntryState.CANDIDATE,
    EpclEntryState.ON_DMCT_SCHEDULE,
    EpclEntryState.IN_TEST,
    EpclEntryState.TEST_REPORT_DRAFT,
    EpclEntryState.EXCLUDED_FROM_SCHEDULE,
  ];
  let made = 0;
  for (let attempts = 0; made < PIPELINE_DMCS && attempts < 5000; attempts++) {
    const cohortCode = rng.pick([
      COHORTS.IOC,
      COHORTS.MOC_MDS,
      COHORTS.FOC,
      COHORTS.MOC_SECURE,
      COHORTS.MOC_SECURE,
    ]);
    const slots = composeSlots(rng, catalogue.cohortModels.get(cohortCode)!, {
      gas: rng.chance(0.5),
      ppmid: rng.chance(0.1),
    });
    if (!slots) continue;
    const { dmc, created } = data.dmc(data.cohort(cohortCode).id, slots, null);
    if (!created) continue;
    made++;
    const state = rng.pick(pipelineStates);
    const evidence: EntryRow['evidence'] = [];
    if (state === EpclEntryState.TEST_REPORT_DRAFT) {
      const draft = data.addTestReport({
        kind: TestReportKind.DMCT_TESTING_REPORT,
        title: `DMCT Testing Report - Tranche 47 - DMC ${dmc.id} (Dormant, draft)`,
        version: '0.1',
        state: TestReportState.SHARED_WITH_SUPPLIERS,
        tranche: 47,
        capabilityRelease: 'MOC Secure Capability Release (synthetic name)',
        draftIssuedOn: '2021-11-25',
        sharedWithSuppliersOn: '2021-11-26',
        tagReviewedOn: null,
        tagOutcome: null,
        finalOn: null,
        documentRef: null,
        synthetic: true,
        scope: [{ dmcId: dmc.id, installationStatus: InstallationStatus.DORMANT, testPack: null }],
      });
      evidence.push({ testReportId: draft.id, role: EvidenceRole.DMCT_TESTING_REPORT });
    }
    data.addEntry({
      epclId: null,
      dmcId: dmc.id,
      installationStatus: InstallationStatus.DORMANT,
      basis: null,
      basisEntryId: null,
      state,
      dateFirstAdded: null,
      synthetic: true,
      evidence,
    });
  }
}
