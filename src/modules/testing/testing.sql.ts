import type { TypeRegistry } from '../../core/graphql/compiler/compiler';
import {
  belongsTo,
  byColumnThenId,
  byId,
  column,
  connection,
  hasMany,
  nodeId,
} from '../../core/graphql/compiler/fields';

export const TESTING_SQL: TypeRegistry = {
  TestReport: {
    id: nodeId('TestReport'),
    kind: column('kind'),
    title: column('title'),
    version: column('version'),
    state: column('state'),
    tranche: column('tranche'),
    capabilityRelease: column('capability_release'),
    draftIssuedOn: column('draft_issued_on'),
    sharedWithSuppliersOn: column('shared_with_suppliers_on'),
    referralWindowEndsOn: column('referral_window_ends_on'),
    referredToSosOn: column('referred_to_sos_on'),
    sosDeterminedOn: column('sos_determined_on'),
    sosDetermination: column('sos_determination'),
    tagReviewedOn: column('tag_reviewed_on'),
    tagOutcome: column('tag_outcome'),
    finalOn: column('final_on'),
    documentRef: column('document_ref'),
    synthetic: column('synthetic'),
    scope: hasMany('test_report_scope', 'test_report_id'),
    testingIssues: hasMany('testing_issue', 'test_report_id', 'ref'),
    evidenceFor: hasMany('epcl_entry_evidence', 'test_report_id'),
  },
  TestReportScope: {
    dmc: belongsTo('dmc', 'dmc_id'),
    installationStatus: column('installation_status'),
    testPack: column('test_pack'),
  },
  TestingIssue: {
    id: nodeId('TestingIssue'),
    ref: column('ref'),
    title: column('title'),
    severity: column('severity'),
    status: column('status'),
    countsAgainstThreshold: column('counts_against_threshold'),
    notCountedRationale: column('not_counted_rationale'),
    tagAdvisedOn: column('tag_advised_on'),
    raisedOn: column('raised_on'),
    closedOn: column('closed_on'),
    synthetic: column('synthetic'),
    testReport: belongsTo('test_report', 'test_report_id'),
    dmc: belongsTo('dmc', 'dmc_id'),
  },
  TestingIssueThreshold: {
    capabilityRelease: column('capability_release'),
    severity: column('severity'),
    maxOpenCounted: column('max_open_counted'),
  },
};

type TestReportFilter = { kinds?: string[]; states?: string[]; tranches?: number[] };
type TestingIssueFilter = {
  statuses?: string[];
  countsAgainstThreshold?: boolean;
  severities?: number[];
  tranches?: number[];
  reportNumber?: number;
};

export const testReportsConnection = connection(
  'test_report',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as TestReportFilter;
    const where: string[] = [];
    if (f.kinds?.length) where.push(`${c}.kind = any(${ctx.param(f.kinds, 'text[]')})`);
    if (f.states?.length) where.push(`${c}.state = any(${ctx.param(f.states, 'text[]')})`);
    if (f.tranches?.length) where.push(`${c}.tranche = any(${ctx.param(f.tranches, 'int[]')})`);
    return where;
  },
  {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    DRAFT_ISSUED_ON_ASC: byColumnThenId((t) => `coalesce(${t}.draft_issued_on, '-infinity'::date)`, 'date'),
  },
);

export const testingIssuesConnection = connection(
  'testing_issue',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as TestingIssueFilter;
    const where: string[] = [];
    if (f.statuses?.length) where.push(`${c}.status = any(${ctx.param(f.statuses, 'text[]')})`);
    if (f.severities?.length) where.push(`${c}.severity = any(${ctx.param(f.severities, 'int[]')})`);
    if (f.countsAgainstThreshold !== undefined && f.countsAgainstThreshold !== null) {
      where.push(`${c}.counts_against_threshold = ${ctx.param(f.countsAgainstThreshold, 'boolean')}`);
    }
    if (f.tranches?.length)
      where.push(
        `${c}.test_report_id in (select id from test_report where tranche = any(${ctx.param(f.tranches, 'int[]')}))`,
      );
    if (f.reportNumber !== undefined && f.reportNumber !== null) {
      where.push(`${c}.test_report_id in (select v.test_report_id from epcl_entry_evidence v join epcl_report_entry re on re.entry_id = v.entry_id
        join epcl_report r on r.id = re.report_id where r.number = ${ctx.param(f.reportNumber, 'int')})`);
    }
    return where;
  },
  { ID_ASC: byId(), ID_DESC: byId(true), SEVERITY_ASC: byColumnThenId((t) => `${t}.severity`, 'int') },
);
