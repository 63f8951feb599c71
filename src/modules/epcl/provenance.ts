/*
 * Where the values of seeded objects come from (issue 8): STATED by the seed document (EPCL Report 22),
 * ASSUMED where the seed is silent and a value was needed (e.g. when SECAS notified parties), or SYNTHETIC
 * (invented to give report 22 a plausible national catalogue around it). Pure rules: the facts about a row
 * come from `provenance.sql` in epcl.sql.ts / testing.sql.ts, the answer from here.
 */

export enum ProvenanceSource {
  STATED = 'STATED',
  ASSUMED = 'ASSUMED',
  SYNTHETIC = 'SYNTHETIC',
}

export type FieldSource = { field: string; source: ProvenanceSource; note: string | null };

const { STATED, ASSUMED, SYNTHETIC } = ProvenanceSource;
const f = (field: string, source: ProvenanceSource, note: string | null = null): FieldSource => ({
  field,
  source,
  note,
});
const allSynthetic = (fields: string[], note: string) => fields.map((name) => f(name, SYNTHETIC, note));

/** What the SQL tells about a report: whether it was seeded, and whether it is one of the synthetic ones. */
export type ReportFacts = { seeded: boolean; synthetic: boolean };

const REPORT_FIELDS = [
  'number',
  'title',
  'dmctTranches',
  'reportDate',
  'sscConfirmedOn',
  'sscMode',
  'listsPublishedOn',
  'publishedOn',
  'secasNotifiedOn',
  'objectionDeadline',
  'state',
  'history',
];

export function reportProvenance(r: ReportFacts): FieldSource[] {
  if (!r.seeded) return [];
  if (r.synthetic)
    return allSynthetic(REPORT_FIELDS, 'synthetic EPCL report around report 22 (seeds/national.ts)');
  return [
    f('number', STATED),
    f('title', STATED),
    f('dmctTranches', STATED),
    f('version', STATED),
    f('reportDate', STATED, 'v1.0, 03.12.21'),
    f('classification', STATED),
    f('sscConfirmedOn', STATED, 'SSC confirmed on 10 November 2021'),
    f('sscMode', STATED, 'offline approval from SSC'),
    f('listsPublishedOn', STATED, 'DMCT Status List and Schedule published 29 November 2021'),
    f('publishedOn', ASSUMED, 'the seed says the report was published, not when: taken as the report date'),
    f('secasNotifiedOn', ASSUMED, 'not dated in the seed: taken as the report date'),
    f('objectionDeadline', ASSUMED, '5 working days after the assumed SECAS notification'),
    f('state', ASSUMED, 'the seed leaves the report published with its objection window open'),
    f('signatoryName', STATED),
    f('signatoryRole', STATED),
    f('objectionsTo', STATED),
    f('riskRegisterUrl', STATED),
    f('publishedUpgradeableInstalls', STATED, 'approximately 66,000 unmigrated installations'),
    f('criteria', STATED, 'the ten Live Service Criteria with their RAG'),
    f('history', ASSUMED, 'each step’s reason says whether its date is stated or assumed'),
  ];
}

/** What the SQL tells about an entry. */
export type EntryFacts = { seeded: boolean; synthetic: boolean; reportSynthetic: boolean | null };

const ENTRY_FIELDS = ['epclId', 'dmc', 'installationStatus', 'basis', 'state', 'dateFirstAdded', 'history'];

export function entryProvenance(e: EntryFacts): FieldSource[] {
  if (!e.seeded) return [];
  if (e.reportSynthetic !== false)
    return allSynthetic(ENTRY_FIELDS, 'synthetic entry of the national catalogue (seeds/national.ts)');
  return [
    e.synthetic
      ? f('epclId', SYNTHETIC, 'the seed names only 002255 and 002370; other IDs are allocated in sequence')
      : f('epclId', STATED),
    f('dmc', SYNTHETIC, 'the seed does not give DMC contents or firmware'),
    e.synthetic ? f('installationStatus', SYNTHETIC) : f('installationStatus', STATED),
    e.synthetic
      ? f('basis', ASSUMED, 'from the report group: Group 2 entries are substantively equivalent')
      : f('basis', STATED, 'Active entry on the Clause 20.9 basis'),
    f('state', ASSUMED, 'requested in EPCL report 22, so PROPOSED'),
    f('history', ASSUMED, 'proposed with the drafting of report 22'),
  ];
}

/** What the SQL tells about a test report. */
export type TestReportFacts = { seeded: boolean; synthetic: boolean; report22: boolean; dmct: boolean };

const TEST_REPORT_FIELDS = [
  'title',
  'kind',
  'draftIssuedOn',
  'sharedWithSuppliersOn',
  'tagReviewedOn',
  'tagOutcome',
  'finalOn',
  'state',
  'history',
];

export function testReportProvenance(t: TestReportFacts): FieldSource[] {
  if (!t.seeded) return [];
  if (!t.report22)
    return allSynthetic(
      TEST_REPORT_FIELDS,
      'synthetic test report of the national catalogue (seeds/national.ts)',
    );
  const dmct = t.dmct;
  return [
    f('title', SYNTHETIC, 'the seed does not give test report titles'),
    f('kind', STATED),
    f('tranche', STATED),
    ...(dmct
      ? [
          f('draftIssuedOn', STATED, 'draft DMCT Testing Reports produced on 2 November 2021 (Clause 20.34)'),
          f(
            'sharedWithSuppliersOn',
            ASSUMED,
            'made available (Clause 20.36), not dated: taken as the draft date',
          ),
          f('tagReviewedOn', ASSUMED, 'TAG’s view (Clause 20.38) is stated, its date is not'),
          f('tagOutcome', STATED),
        ]
      : []),
    f('finalOn', ASSUMED, 'deemed final (Clause 20.39), not dated'),
    f('state', STATED, 'updated as necessary and deemed to be final'),
    f('documentRef', STATED),
    f('history', ASSUMED, 'each step’s reason says whether its date is stated or assumed'),
  ];
}
