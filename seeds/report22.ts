import {
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
  VolumeBasis,
  VolumeSource,
} from '../src/modules/common/enums';
import { COHORTS, type Catalogue } from './catalogue';
import {
  Dataset,
  epclId,
  type DmcRow,
  type EntryRow,
  type ModelFirmware,
  type SlotRow,
  type TestReportRow,
} from './dataset';

/*
 * EPCL Report 22 - DMCT Tranche 44, 46 (v1.0, 03.12.21, DCC Public), encoded from the seed document.
 * Stated facts are kept verbatim. What the seed does not give (DMC contents, firmware, EPCL IDs other than
 * 002255 and 002370, test report titles, issue details) is synthetic, flagged `synthetic`, and chosen so the
 * numbers the seed does give hold: 435 entries, 2 Dormant tested entries, Active 002255 and 002370 on the
 * Clause 20.9 basis, 1 open issue not counted, 4 open issues advised to TAG.
 */

export const REPORT22 = {
  number: 22,
  entries: 435,
  /** Where report 22's EPCL IDs start; 002255 and 002370 fall inside. */
  firstEpclSeq: 2200,
  testedDormant: [2254, 2369],
  activeVia209: [2255, 2370],
  /** "approximately 66,000 unmigrated SMETS1 installations with the potential to be firmware upgraded" */
  upgradeableInstalls: 66_000,
  /** Firmware chain positions used by report 22's DMCs (0-based; chains have 8 versions). */
  targetFirmwareIndexes: [3, 4, 5],
  /** Group 2 DMCs: electricity-only (equivalent to the tested SKU1 + Liberty 110) and dual-fuel. */
  group2: { elec: 40, dual: 176 },
} as const;

export type Report22 = {
  reportId: number;
  tested: DmcRow[];
  dmcs: DmcRow[];
  /** Entries by DMC id; the statuses a DMC has entries for. */
  entriesByDmc: Map<number, EntryRow[]>;
};

const SECTIONS = [ReportSection.OVERALL, ReportSection.GROUP_1_TESTED, ReportSection.GROUP_2_SE];

function slot(line: ModelFirmware, index: number): SlotRow {
  return { deviceType: line.model.deviceType, slotNo: 1, firmwareVersionId: line.chain[index].id };
}

export function buildReport22(data: Dataset, catalogue: Catalogue): Report22 {
  const cohortId = data.cohort(COHORTS.MOC_SECURE).id;
  const s = catalogue.secure;
  const [sku1] = s.chf;
  const [g4] = s.gsme;
  const [gpf] = s.gpf;

  // Group 1: the two DMCs tested in Dormant DMCT (tranches 44 and 46). Both contain the Liberty 110 ESME.
  const d1 = data.dmc(
    cohortId,
    [slot(sku1, 4), slot(s.liberty110, 4)],
    'Secure SKU1 + Liberty 110 (electricity only)',
  ).dmc;
  const d2 = data.dmc(
    cohortId,
    [slot(sku1, 4), slot(s.liberty110, 4), slot(g4, 4), slot(gpf, 4)],
    'Secure SKU1 + Liberty 110 + Europa G4 + SGPF-1 (dual fuel)',
  ).dmc;

  // Group 2: 40 electricity-only DMCs equivalent to d1 and 176 dual-fuel DMCs equivalent to d2. Each SE entry
  // rests on the Group 1 entry of its own status, and Group 1 has Active and Dormant entries only (the seed
  // names no Mixed entry and no Mixed SIT TCR), so Group 2 is Active and Dormant: 40 × 2 + 175 × 2 + 1
  // (a dual-fuel DMC with a Dormant entry only) = 431, plus 4 Group 1 entries = 435. The published volume
  // tables' Mixed columns are all 0, which agrees [I].
  const idx = REPORT22.targetFirmwareIndexes;
  const elec: DmcRow[] = [];
  const dual: DmcRow[] = [];
  outer: for (const esmeIdx of idx)
    for (const esme of s.esme)
      for (const chfIdx of idx)
        for (const chf of s.chf) {
          if (elec.length === REPORT22.group2.elec) break outer;
          const { dmc, created } = data.dmc(cohortId, [slot(chf, chfIdx), slot(esme, esmeIdx)], null);
          if (created) elec.push(dmc);
        }
  outer2: for (const gIdx of idx)
    for (const gsme of s.gsme)
      for (const esmeIdx of idx)
        for (const esme of s.esme)
          for (const chfIdx of idx)
            for (const chf of s.chf) {
              if (dual.length === REPORT22.group2.dual) break outer2;
              const pIdx = idx[(gIdx + esmeIdx + chfIdx) % idx.length];
              const slots = [slot(chf, chfIdx), slot(esme, esmeIdx), slot(gsme, gIdx), slot(gpf, pIdx)];
              const { dmc, created } = data.dmc(cohortId, slots, null);
              if (created) dual.push(dmc);
            }
  if (elec.length !== REPORT22.group2.elec || dual.length !== REPORT22.group2.dual)
    throw new Error(`report 22: only ${elec.length} + ${dual.length} Group 2 DMCs could be built`);

  // Test reports (titles and most dates synthetic; the draft date 2 November 2021 is stated).
  const capabilityRelease = 'MOC Secure Capability Release (synthetic name)';
  const testReport = (
    kind: TestReportKind,
    title: string,
    tranche: number,
    dmc: DmcRow,
    status: InstallationStatus,
    testPack: string | null,
  ): TestReportRow =>
    data.addTestReport({
      kind,
      title,
      version: '1.0',
      state: TestReportState.FINAL,
      tranche,
      capabilityRelease,
      draftIssuedOn: kind === TestReportKind.DMCT_TESTING_REPORT ? '2021-11-02' : null,
      sharedWithSuppliersOn: kind === TestReportKind.DMCT_TESTING_REPORT ? '2021-11-02' : null,
      tagReviewedOn: kind === TestReportKind.DMCT_TESTING_REPORT ? '2021-11-17' : null,
      tagOutcome:
        kind === TestReportKind.DMCT_TESTING_REPORT
          ? 'TAG did not consider that a different determination of the number or severity of the extant Testing Issues against the relevant Testing Issue Thresholds should be arrived at (Clause 20.38).'
          : null,
      finalOn: '2021-11-18',
      documentRef: 'DCC external SharePoint (SEC Parties on request to Enrolment.adoption@smartdcc.co.uk)',
      synthetic: true,
      scope: [{ dmcId: dmc.id, installationStatus: status, testPack }],
    });
  const reportsFor = (dmc: DmcRow, tranche: number, name: string) => ({
    dmct: testReport(
      TestReportKind.DMCT_TESTING_REPORT,
      `DMCT Testing Report - Tranche ${tranche} - ${name} (Dormant)`,
      tranche,
      dmc,
      InstallationStatus.DORMANT,
      'Standard Dormant DMCT Migration Test Pack; Standard DMCT Service Reference Variant Test Pack',
    ),
    dormantTcr: testReport(
      TestReportKind.DORMANT_DMCT_TEST_COMPLETION,
      `Dormant DMCT Test Completion Report - Tranche ${tranche} - ${name}`,
      tranche,
      dmc,
      InstallationStatus.DORMANT,
      'Standard Dormant DMCT Migration Test Pack',
    ),
    activeSit: testReport(
      TestReportKind.ACTIVE_SIT_TEST_COMPLETION,
      `Active SIT Test Completion Report - ${name}`,
      tranche,
      dmc,
      InstallationStatus.ACTIVE,
      null,
    ),
  });
  const r1 = reportsFor(d1, 44, 'Secure SKU1 / Liberty 110');
  const r2 = reportsFor(d2, 46, 'Secure SKU1 / Liberty 110 / Europa G4');

  for (const [severity, max] of [
    [1, 0],
    [2, 0],
    [3, 5],
    [4, 10],
    [5, 20],
  ] as const) {
    data.addThreshold({ capabilityRelease, severity, maxOpenCounted: max });
  }
  // 4 open issues advised to TAG (20.30), one of which DCC believes should not count (20.29); 2 closed.
  const issue = (
    ref: string,
    report: TestReportRow,
    dmc: DmcRow,
    severity: number,
    title: string,
    extra: Partial<Parameters<Dataset['addTestingIssue']>[0]> = {},
  ) =>
    data.addTestingIssue({
      ref,
      testReportId: report.id,
      dmcId: dmc.id,
      severity,
      status: TestingIssueStatus.OPEN,
      countsAgainstThreshold: true,
      notCountedRationale: null,
      tagAdvisedOn: '2021-11-17',
      raisedOn: '2021-10-20',
      closedOn: null,
      title,
      synthetic: true,
      ...extra,
    });
  issue('DMCT-T44-0007', r1.dmct, d1, 3, 'Delayed alert forwarding after migration of a Dormant ESME');
  issue('DMCT-T44-0009', r1.dmct, d1, 4, 'Cosmetic error in the migrated device log text');
  issue(
    'DMCT-T46-0003',
    r2.dmct,
    d2,
    3,
    'Gas proxy read-profile request returns a duplicated final interval',
    {
      countsAgainstThreshold: false,
      notCountedRationale:
        "Caused by the SMSO's legacy head-end configuration rather than the DMC; it does not affect migration or the processing of SMETS1 Service Requests and Alerts for the requested entries.",
    },
  );
  issue('DMCT-T46-0005', r2.dmct, d2, 4, 'Tariff display refresh lags by one cycle after enrolment');
  issue('DMCT-T44-0002', r1.dmct, d1, 2, 'Commissioning retry loop on first attempt', {
    status: TestingIssueStatus.CLOSED,
    closedOn: '2021-10-29',
    tagAdvisedOn: null,
  });
  issue('DMCT-T46-0001', r2.dmct, d2, 3, 'GPF time sync drift after failover', {
    status: TestingIssueStatus.CLOSED,
    closedOn: '2021-10-28',
    tagAdvisedOn: null,
  });

  // EPCL entries. Group 1 IDs are the seed's (002255, 002370) and their Dormant partners (synthetic).
  const ids = Array.from({ length: REPORT22.entries }, (_, i) => REPORT22.firstEpclSeq + i);
  const reserved = new Set<number>([...REPORT22.testedDormant, ...REPORT22.activeVia209]);
  const free = ids.filter((n) => !reserved.has(n));
  const entriesByDmc = new Map<number, EntryRow[]>();
  const entry = (
    row: Omit<EntryRow, 'id' | 'epclId' | 'state' | 'dateFirstAdded' | 'synthetic'>,
    seq?: number,
  ) => {
    const e = data.addEntry({
      ...row,
      epclId: epclId(seq ?? free.shift()!),
      state: EpclEntryState.PROPOSED,
      dateFirstAdded: null,
      synthetic: seq === undefined,
    });
    entriesByDmc.set(e.dmcId, [...(entriesByDmc.get(e.dmcId) ?? []), e]);
    return e;
  };
  const tested = [
    { dmc: d1, reports: r1, dormantSeq: REPORT22.testedDormant[0], activeSeq: REPORT22.activeVia209[0] },
    { dmc: d2, reports: r2, dormantSeq: REPORT22.testedDormant[1], activeSeq: REPORT22.activeVia209[1] },
  ].map(({ dmc, reports, dormantSeq, activeSeq }) => {
    const dormant = entry(
      {
        dmcId: dmc.id,
        installationStatus: InstallationStatus.DORMANT,
        basis: EntryBasis.TESTED,
        basisEntryId: null,
        evidence: [
          { testReportId: reports.dmct.id, role: EvidenceRole.DMCT_TESTING_REPORT },
          { testReportId: reports.dormantTcr.id, role: EvidenceRole.DORMANT_DMCT_TCR },
        ],
      },
      dormantSeq,
    );
    const active = entry(
      {
        dmcId: dmc.id,
        installationStatus: InstallationStatus.ACTIVE,
        basis: EntryBasis.TESTED_VIA_DORMANT,
        basisEntryId: dormant.id,
        evidence: [
          { testReportId: reports.dormantTcr.id, role: EvidenceRole.DORMANT_DMCT_TCR },
          { testReportId: reports.activeSit.id, role: EvidenceRole.ACTIVE_SIT_TCR },
        ],
      },
      activeSeq,
    );
    // The seed gives 002255/002370 but not their Dormant partners' IDs: those two stay flagged synthetic.
    dormant.synthetic = true;
    active.synthetic = false;
    return { dmc, reports, dormant, active };
  });

  const AD = [InstallationStatus.ACTIVE, InstallationStatus.DORMANT];
  for (const [group, basisIdx] of [
    [elec, 0],
    [dual, 1],
  ] as const) {
    const basis = tested[basisIdx];
    group.forEach((dmc, i) => {
      data.addRelation({
        kind: DmcRelationKind.SUBSTANTIVELY_EQUIVALENT_TO,
        subjectId: dmc.id,
        basisId: basis.dmc.id,
        rationale: equivalenceRationale(data, dmc, basis.dmc),
        publishedIn: 'Excluded from DMCT Schedule, SMETS1 MOC SECURE v12.0 (published 29 November 2021)',
        decidedOn: '2021-11-26',
      });
      // The last dual-fuel DMC has a Dormant entry only: 431 is odd.
      const statuses = group === dual && i === dual.length - 1 ? [InstallationStatus.DORMANT] : AD;
      for (const status of statuses) {
        // An SE entry rests on the tested entry of the same installation status (database rule
        // epcl_entry_basis_same_status): Active on the Clause 20.9 Active entry, Dormant on the tested one.
        const basisEntry = status === InstallationStatus.ACTIVE ? basis.active : basis.dormant;
        entry({
          dmcId: dmc.id,
          installationStatus: status,
          basis: EntryBasis.SUBSTANTIVELY_EQUIVALENT,
          basisEntryId: basisEntry.id,
          evidence: [{ testReportId: basis.reports.dmct.id, role: EvidenceRole.SE_BASIS_REPORT }],
        });
      }
    });
  }

  const reportEntries = [...entriesByDmc.values()].flat().sort((a, b) => (a.epclId! < b.epclId! ? -1 : 1));
  const report = data.addReport({
    number: REPORT22.number,
    title: 'EPCL Report 22 - DMCT Tranche 44, 46',
    dmctTranches: [44, 46],
    version: '1.0',
    reportDate: '2021-12-03',
    authorEmail: 'SMETS1DMCT@smartdcc.co.uk',
    classification: 'DCC Public',
    state: EpclReportState.OBJECTION_WINDOW_OPEN,
    sscConfirmedOn: '2021-11-10',
    sscMode: SscMode.OFFLINE,
    listsPublishedOn: '2021-11-29',
    publishedOn: '2021-12-03',
    // [I] The seed does not date the SECAS notification; taken as the report date, so the 5-working-day
    // objection window ends on 2021-12-10.
    secasNotifiedOn: '2021-12-03',
    sosDecision: null,
    sosDecidedOn: null,
    signatoryName: 'Gav Parrott',
    signatoryRole: 'Director of Products & Logistics',
    objectionsTo: 'SMETS1_appeals@beis.gov.uk',
    riskRegisterUrl: 'https://www.smartdcc.co.uk/media/6598/epcl-reports-risk-register.xlsx',
    upgradeableUnmigratedInstalls: REPORT22.upgradeableInstalls,
    upgradeableAsOf: '2021-11-30',
    upgradeableSource:
      'EPCL Report 22 §1: "As of November 2021, there are approximately 66,000 unmigrated SMETS1 installations with the potential to be firmware upgraded to the DMCs contained within this report."',
    synthetic: false,
    entries: reportEntries.map((e, i) => ({
      entryId: e.id,
      reportGroup:
        e.basis === EntryBasis.SUBSTANTIVELY_EQUIVALENT ? ReportGroup.GROUP_2_SE : ReportGroup.GROUP_1_TESTED,
      annexRow: i + 1,
    })),
    criteria: CRITERIA,
    clauseEvidence: CLAUSE_EVIDENCE,
    volumes: SECTIONS.flatMap((section) =>
      [VolumeBasis.AT_TARGET_FW, VolumeBasis.POTENTIAL_FW_UPGRADE].flatMap((basis) =>
        [InstallationStatus.ACTIVE, InstallationStatus.DORMANT, InstallationStatus.MIXED].map(
          (installationStatus) => ({
            section,
            basis,
            installationStatus,
            installs: 0,
            devices: 0,
            source: VolumeSource.AS_PUBLISHED,
            asOf: null,
            sourceNote: 'EPCL Report 22 §1 tables (Overall, Group 1, Group 2), as printed: every cell 0',
          }),
        ),
      ),
    ),
    risks: [],
  });

  return { reportId: report.id, tested: [d1, d2], dmcs: [d1, d2, ...elec, ...dual], entriesByDmc };
}

const CRITERIA: { no: number; rag: Rag; commentary: string }[] = [
  {
    no: 1,
    rag: Rag.G,
    commentary:
      'DCC will be ready to carry out migration of the DMCs that are included in Annex A, which DCC is proposing to add to the EPCL.',
  },
  {
    no: 2,
    rag: Rag.G,
    commentary:
      "DCC's core Service Operations Capabilities are in place and ready to support the migration and operation of the DMCs set out in Annex A. These include dedicated SMETS1 resources across the MCC, Early Life Support (ELS) and co-located support functions.",
  },
  {
    no: 3,
    rag: Rag.G,
    commentary:
      "This EPCL report will introduce additional MOC Secure Cohort DMCs onto the EPCL. DCC is of the opinion that the addition of the proposed DMCs will not impact service or migration performance.\n\nDCC has proven the S1SP solution and that the migration solution capability works and is scalable up to a daily volume of 50,000 installations. Through IOC, MDS and MOC migrations, it has demonstrated the ability to successful migrate installations, many of which are now operating on DCC's network.",
  },
  {
    no: 4,
    rag: Rag.NA,
    commentary:
      'There will be no SMETS1 or SMETS2 regression testing conducted as part of DMCT for any tranche, as DMCT is focused on devices rather than code.',
  },
  { no: 5, rag: Rag.G, commentary: 'Annex A sets out the relevant testing for the requested EPCL entries.' },
  {
    no: 6,
    rag: Rag.G,
    commentary:
      'DCC has in excess of 15 million meters on the DCC Systems, which includes both migrated SMETS1 devices and SMETS2 installations. DCC is successfully operating all of these devices whilst continuing to migrate SMETS1 installations and commissioning new SMETS2 installations onto the DCC System.\n\nThis EPCL report will introduce additional Secure Cohort DMCs onto the EPCL.\n\nFollowing the implementation of MOC Secure, DCC has not observed any detrimental impact on its network or services as a result of MOC Secure migrations or service operations. DCC has migrated over 500,000 meters / 340,000 installations for MOC Secure and overall migration activity has continued in line with forecast volumes and expected performance levels.\n\nDCC is of the opinion that the addition of the proposed DMCs will not impact service or migration performance.',
  },
  {
    no: 7,
    rag: Rag.G,
    commentary:
      'Having successfully migrated devices into the DCC System, DCC has learnt valuable lessons that it will apply when migrating the new DMCs.',
  },
  {
    no: 8,
    rag: Rag.G,
    commentary:
      "Based on the experience of live migrations and early life support to date, DCC does not consider that there is a material risk of negative impact to consumers' experience.",
  },
  {
    no: 9,
    rag: Rag.G,
    commentary:
      'Secure successfully completed a failover and failback of their systems in September 2021 and DCC is satisfied with the testing that has been conducted with MOC and believes the solution is resilient.',
  },
  {
    no: 10,
    rag: Rag.G,
    commentary:
      'The EPCL entry in this submission was given offline approval from SSC on 10 November 2021. SSC confirmed that there are no apparent new security risks to prevent these devices being added to the EPCL',
  },
];

const G1 = ReportSection.GROUP_1_TESTED;
const G12 = ReportSection.GROUPS_1_AND_2;
const CLAUSE_EVIDENCE = [
  {
    clauseRef: '20.9',
    section: G1,
    statement:
      'For the following proposed Active EPCL entries 002255, 002370 DCC has tested the Dormant entries in DMCT. In line with SVTAD Appendix AK, Clause 20.9, DCC has chosen not to additionally test entries for these DMCs in respect of SMETS1 Installations that comprise solely Active meters or Mixed meters as it considers that the testing in respect of these entries containing only Dormant Meters suffices.',
    evidenceDate: null,
    evidenceCount: 2,
    docRef: null,
  },
  {
    clauseRef: '20.41',
    section: G1,
    statement:
      'In line with SVTAD Appendix AK, Clause 20.41, within Annex A for respective Active and Mixed EPCL entries, DCC has referenced the Dormant DMCT Test Completion Report and Active SIT or Mixed SIT Test Completion Report.',
    evidenceDate: null,
    evidenceCount: null,
    docRef: 'Annex A',
  },
  {
    clauseRef: '20.15',
    section: G1,
    statement:
      'Pursuant to Clause 20.15 of SEC Appendix AK, The DCC executed the Standard Dormant DMCT Migration Test Pack and the Standard DMCT Service Reference Variant Test Pack for the Capability Release.',
    evidenceDate: null,
    evidenceCount: null,
    docRef: null,
  },
  {
    clauseRef: '20.29',
    section: G1,
    statement:
      'Pursuant to Clause 20.29 There are 1 open Testing Issue that the DCC believes should not be counted against the Testing Issue Threshold for the purposes of Clause 20.28 in respect of the requested EPCL entries.',
    evidenceDate: null,
    evidenceCount: 1,
    docRef: null,
  },
  {
    clauseRef: '20.30',
    section: G1,
    statement: 'Pursuant to Clause 20.30 TAG has been advised that there are 4 open Testing Issues.',
    evidenceDate: null,
    evidenceCount: 4,
    docRef: null,
  },
  {
    clauseRef: '20.34',
    section: G1,
    statement: 'Pursuant to Clause 20.34 The DCC produced draft DMCT Testing Reports on 2 November 2021.',
    evidenceDate: '2021-11-02',
    evidenceCount: null,
    docRef: null,
  },
  {
    clauseRef: '20.36',
    section: G1,
    statement:
      'Pursuant to Clause 20.36 The DCC made available the draft DMCT Testing Reports to any Supplier Party that was planning to enrol one or more SMETS1 Installations that are comprised of the requested EPCL entries that are the subject of the DMCT Testing Reports.',
    evidenceDate: null,
    evidenceCount: null,
    docRef: null,
  },
  {
    clauseRef: '20.37',
    section: G1,
    statement:
      'Pursuant to Clause 20.37 no Supplier Party has referred the matter to the Secretary of State for a determination (pursuant to Clause 20.40) within 10 Working Days of either of the draft DMCT Testing Reports being provided.',
    evidenceDate: null,
    evidenceCount: 0,
    docRef: null,
  },
  {
    clauseRef: '20.38',
    section: G1,
    statement:
      'Pursuant to Clause 20.38 The TAG has not considered that a different determination of the number or severity of the extant Testing Issues against the relevant Testing Issue Thresholds should be arrived at or might be arrived.',
    evidenceDate: null,
    evidenceCount: null,
    docRef: null,
  },
  {
    clauseRef: '20.39',
    section: G1,
    statement:
      'Pursuant to Clause 20.39 the draft DMCT Testing Report has been updated as necessary and deemed to be final.',
    evidenceDate: null,
    evidenceCount: null,
    docRef: null,
  },
  {
    clauseRef: '20.8',
    section: G12,
    statement:
      'DCC is required to publish the DMCT Status List and the DMCT Schedule in terms of Clause 20.8 and Clause 20.10 of SEC Appendix AK. Pursuant to these obligations, DCC has published the associated Schedules and Lists and provided to SECAS for publication on the SEC website for Secure on the following date 29 November 2021.',
    evidenceDate: '2021-11-29',
    evidenceCount: null,
    docRef:
      'SMETS1 MOC SECURE v12.0 - DMCT Status List and DMCT Schedule published on DCC Website - 26th November 2021- REQ000000191545',
  },
  {
    clauseRef: '20.10',
    section: G12,
    statement:
      'DCC has published the DMCT Schedule (Clause 20.10) and provided it to SECAS for publication on the SEC website for Secure on 29 November 2021.',
    evidenceDate: '2021-11-29',
    evidenceCount: null,
    docRef: 'REQ000000191545',
  },
  {
    clauseRef: '20.11',
    section: G12,
    statement:
      "DCC is further required to publish a list of exclusions from the DMCT Schedule in terms of Clause 20.11 of the SMETS1 SVTAD. The comms notified those relevant Suppliers of the publication on the DCC Website of Secure versions of 'DMCT Status List & Excluded from DMCT Schedule' which includes entries for the DMCs included in this report, with reason for exclusion from DMCT Schedule on the basis of Substantive Equivalence and rationale (see Annex E).",
    evidenceDate: '2021-11-29',
    evidenceCount: null,
    docRef: 'REQ000000191545',
  },
  {
    clauseRef: '20.6 (d) (i)',
    section: G12,
    statement:
      'Relevant Suppliers who included in their RFI submissions the DMCs included within this report were notified that the DMCs included in this report are requested to be added to EPCL under SVTAD Appendix AK, Clause 20.6 (d) (i). DCC contacted the relevant Suppliers that included the DMCS in their RFI submissions to confirm that they would raise no objection to these DMCs being added to EPCL. Confirmation was received from all impacted Suppliers that they had no objection.',
    evidenceDate: '2021-11-29',
    evidenceCount: null,
    docRef: 'DCC Mass Comms REQ000000191545',
  },
  {
    clauseRef: '20.43',
    section: G12,
    statement:
      'Pursuant to obligations set out under SVTAD Appendix AK, Clause 20.43 The DCC has published this DMCT EPCL Report on the DCC Website and has notified the Panel, the Secretary of State, the Authority and SEC Parties of the publication of the report.',
    evidenceDate: null,
    evidenceCount: null,
    docRef: 'DCC Website',
  },
];

/**
 * What an equivalence actually rests on, said from the data: the same device models differing only in
 * firmware, or which device models differ from the tested DMC's (and that firmware differs too, if it does).
 */
export function equivalenceRationale(data: Dataset, subject: DmcRow, basis: DmcRow): string {
  const describe = (dmc: DmcRow) =>
    dmc.slots.map((slot) => {
      const fw = data.firmware.find((f) => f.id === slot.firmwareVersionId)!;
      const model = data.deviceModels.find((m) => m.id === fw.deviceModelId)!;
      return { type: slot.deviceType, model, fw };
    });
  const own = describe(subject);
  const theirs = describe(basis);
  const modelDiffs: string[] = [];
  let firmwareDiffers = false;
  for (const s of own) {
    const t = theirs.find((x) => x.type === s.type);
    if (!t) continue;
    if (t.model.id !== s.model.id)
      modelDiffs.push(
        `${s.type} ${s.model.modelName} hw ${s.model.hardwareVersion} (tested: ${t.model.modelName} hw ${t.model.hardwareVersion})`,
      );
    else if (t.fw.id !== s.fw.id) firmwareDiffers = true;
  }
  const scope =
    'a difference that changes no SMETS1 Service Request, Alert or migration step (see the Excluded from DMCT Schedule list)';
  if (modelDiffs.length === 0)
    return `Same device types and device models as the tested DMC, differing only in firmware versions: ${scope}.`;
  return `Same device types as the tested DMC; differs in device models: ${modelDiffs.join('; ')}${
    firmwareDiffers ? ', and in firmware versions' : ''
  }: ${scope}.`;
}
