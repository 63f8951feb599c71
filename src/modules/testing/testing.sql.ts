import type { FieldSpec } from '../../core/graphql/compiler/compiler';
import { all, byColumnThenId, byId, connection, filterBy, hasMany } from '../../core/graphql/compiler/fields';
import { fromEntity, type TypeDefinitions } from '../../core/graphql/compiler/registry';
import { historyConnection, seededSql } from '../epcl/epcl.sql';

export const TESTING_SQL: TypeDefinitions = {
  TestReport: fromEntity('TestReport', {
    scope: hasMany('test_report_scope', 'test_report_id'),
    testingIssues: hasMany('testing_issue', 'test_report_id', 'ref'),
    evidenceFor: hasMany('epcl_entry_evidence', 'test_report_id'),
    history: historyConnection((p, c) => `${c}.test_report_id = ${p}.id and ${c}.aggregate = 'TEST_REPORT'`),
    provenance: {
      kind: 'custom',
      sql: (t) => `json_build_object('seeded', ${seededSql('test_report_id', t)}, 'synthetic', ${t}.synthetic,
        'report22', ${t}.tranche in (44, 46) and ${t}.capability_release like 'MOC Secure Capability Release%',
        'dmct', ${t}.kind = 'DMCT_TESTING_REPORT')`,
    },
  }),
  TestReportScope: fromEntity('TestReportScope'),
  TestingIssue: fromEntity('TestingIssue'),
  TestingIssueThreshold: fromEntity('TestingIssueThreshold'),
};

const reportsIn = (r: string, sql: string) => `${r}.test_report_id in (${sql})`;

export const testReportsConnection = connection('test_report', {
  filters: {
    kinds: filterBy.anyOf((r) => `${r}.kind`, 'text[]'),
    states: filterBy.anyOf((r) => `${r}.state`, 'text[]'),
    tranches: filterBy.anyOf((r) => `${r}.tranche`, 'int[]'),
  },
  orders: {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    DRAFT_ISSUED_ON_ASC: byColumnThenId((t) => `coalesce(${t}.draft_issued_on, '-infinity'::date)`, 'date'),
  },
});

export const testingIssuesConnection = connection('testing_issue', {
  filters: {
    statuses: filterBy.anyOf((r) => `${r}.status`, 'text[]'),
    severities: filterBy.anyOf((r) => `${r}.severity`, 'int[]'),
    countsAgainstThreshold: filterBy.equals((r) => `${r}.counts_against_threshold`, 'boolean'),
    tranches: (r, tranches: number[], ctx) =>
      reportsIn(r, `select id from test_report where tranche = any(${ctx.param(tranches, 'int[]')})`),
    reportNumber: (r, n: number, ctx) =>
      reportsIn(
        r,
        `select v.test_report_id from epcl_entry_evidence v join epcl_report_entry re on re.entry_id = v.entry_id
        join epcl_report r on r.id = re.report_id where r.number = ${ctx.param(n, 'int')}`,
      ),
  },
  orders: {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    SEVERITY_ASC: byColumnThenId((t) => `${t}.severity`, 'int'),
  },
});

/** Root fields of testing. */
export const TESTING_QUERIES: Record<string, FieldSpec> = {
  testReports: testReportsConnection,
  testingIssues: testingIssuesConnection,
  testingIssueThresholds: all('testing_issue_threshold', 'capability_release, severity'),
};
