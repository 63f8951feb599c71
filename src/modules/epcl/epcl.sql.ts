import type { TypeRegistry } from '../../core/graphql/compiler/compiler';
import {
  belongsTo,
  byColumnThenId,
  byId,
  column,
  connection,
  expression,
  hasMany,
  nodeId,
} from '../../core/graphql/compiler/fields';
import { decodeIdOf } from '../../core/graphql/compiler/global-id';

/** EPCL entries with their membership of one report, for a report's `entries` connection. */
const REPORT_ENTRIES = `(select e.*, re.report_id as in_report, re.report_group as in_group, re.annex_row
  from epcl_entry e join epcl_report_entry re on re.entry_id = e.id)`;

export const EPCL_SQL: TypeRegistry = {
  EpclEntry: {
    id: nodeId('EpclEntry'),
    epclId: column('epcl_id'),
    installationStatus: column('installation_status'),
    basis: column('basis'),
    state: column('state'),
    stateChangedAt: column('state_changed_at'),
    dateFirstAdded: column('date_first_added'),
    synthetic: column('synthetic'),
    dmc: belongsTo('dmc', 'dmc_id'),
    basisEntry: belongsTo('epcl_entry', 'basis_entry_id'),
    restingEntries: hasMany('epcl_entry', 'basis_entry_id', 'epcl_id, id'),
    evidence: hasMany('epcl_entry_evidence', 'entry_id', 'role, test_report_id'),
    reports: hasMany('epcl_report_entry', 'entry_id', 'report_id'),
  },
  EpclEntryEvidence: {
    role: column('role'),
    testReport: belongsTo('test_report', 'test_report_id'),
    entry: belongsTo('epcl_entry', 'entry_id'),
  },
  EpclReportMembership: {
    report: belongsTo('epcl_report', 'report_id'),
    entry: belongsTo('epcl_entry', 'entry_id'),
    group: column('report_group'),
    annexRow: column('annex_row'),
  },
  EpclReport: {
    id: nodeId('EpclReport'),
    number: column('number'),
    title: column('title'),
    dmctTranches: expression((t) => `to_json(${t}.dmct_tranches)`),
    version: column('version'),
    reportDate: column('report_date'),
    authorEmail: column('author_email'),
    classification: column('classification'),
    state: column('state'),
    sscConfirmedOn: column('ssc_confirmed_on'),
    sscMode: column('ssc_mode'),
    listsPublishedOn: column('lists_published_on'),
    publishedOn: column('published_on'),
    secasNotifiedOn: column('secas_notified_on'),
    objectionDeadline: column('objection_deadline'),
    sosDecision: column('sos_decision'),
    sosDecidedOn: column('sos_decided_on'),
    signatoryName: column('signatory_name'),
    signatoryRole: column('signatory_role'),
    objectionsTo: column('objections_to'),
    riskRegisterUrl: column('risk_register_url'),
    publishedUpgradeableInstalls: expression(
      (
        t,
      ) => `case when ${t}.upgradeable_unmigrated_installs is null then null else json_build_object('__typename', 'PublishedFigure',
        'value', ${t}.upgradeable_unmigrated_installs, 'asOf', ${t}.upgradeable_as_of, 'source', ${t}.upgradeable_source) end`,
    ),
    synthetic: column('synthetic'),
    entries: connection(
      REPORT_ENTRIES,
      (p, c, args, ctx) => {
        const where = [`${c}.in_report = ${p}.id`];
        if (args.group) where.push(`${c}.in_group = ${ctx.param(args.group, 'text')}`);
        return where;
      },
      { ANNEX_ROW_ASC: byColumnThenId((t) => `coalesce(${t}.annex_row, 2147483647)`, 'int'), ID_ASC: byId() },
    ),
    criteria: hasMany('epcl_report_criterion', 'report_id', 'criterion_no'),
    clauseEvidence: hasMany('epcl_report_clause_evidence', 'report_id', 'section, clause_ref'),
    publishedVolumes: {
      kind: 'list',
      from: 'epcl_report_volume',
      where: (p, c) => `${c}.report_id = ${p}.id and ${c}.source = 'AS_PUBLISHED'`,
      orderBy: (c) => `${c}.section, ${c}.basis, ${c}.installation_status`,
    },
    risks: hasMany('epcl_report_risk', 'report_id', 'ref'),
    volumes: { kind: 'custom', sql: (t) => `json_build_object('reportId', ${t}.id)` },
    impact: { kind: 'custom', sql: (t) => `json_build_object('reportId', ${t}.id)` },
    testingIssues: {
      kind: 'list',
      from: 'testing_issue',
      where: (p, c) => `${c}.test_report_id in (select v.test_report_id from epcl_entry_evidence v
        join epcl_report_entry re on re.entry_id = v.entry_id where re.report_id = ${p}.id and v.role in ('DMCT_TESTING_REPORT','DORMANT_DMCT_TCR'))`,
      orderBy: (c) => `${c}.ref`,
    },
  },
  ReportCriterion: {
    number: column('criterion_no'),
    title: expression((t) => `(select title from live_service_criterion where no = ${t}.criterion_no)`),
    rag: column('rag'),
    commentary: column('commentary'),
  },
  ClauseEvidence: {
    clause: column('clause_ref'),
    clauseSummary: expression((t) => `(select summary from svtad_clause where ref = ${t}.clause_ref)`),
    section: column('section'),
    statement: column('statement'),
    evidenceDate: column('evidence_date'),
    evidenceCount: column('evidence_count'),
    docRef: column('doc_ref'),
  },
  PublishedVolume: {
    section: column('section'),
    basis: column('basis'),
    installationStatus: column('installation_status'),
    installs: column('installs'),
    devices: column('devices'),
    asOf: column('as_of'),
    sourceNote: column('source_note'),
  },
  ReportRisk: {
    ref: column('ref'),
    title: column('title'),
    status: column('status'),
    sourceUrl: column('source_url'),
  },
};

type EpclEntryFilter = {
  states?: string[];
  installationStatuses?: string[];
  cohorts?: string[];
  reportNumber?: number;
  group?: string;
  basis?: string[];
  dmcId?: string;
  epclIds?: string[];
  firstAddedFrom?: string;
  firstAddedTo?: string;
};

export const epclEntriesConnection = connection(
  'epcl_entry',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as EpclEntryFilter;
    const where: string[] = [];
    if (f.states?.length) where.push(`${c}.state = any(${ctx.param(f.states, 'text[]')})`);
    if (f.installationStatuses?.length)
      where.push(`${c}.installation_status = any(${ctx.param(f.installationStatuses, 'text[]')})`);
    if (f.basis?.length) where.push(`${c}.basis = any(${ctx.param(f.basis, 'text[]')})`);
    if (f.cohorts?.length)
      where.push(
        `${c}.dmc_id in (select d.id from dmc d join cohort k on k.id = d.cohort_id where k.code = any(${ctx.param(f.cohorts, 'text[]')}))`,
      );
    if (f.dmcId) where.push(`${c}.dmc_id = ${ctx.param(decodeIdOf('Dmc', f.dmcId, 'filter.dmcId'), 'int')}`);
    if (f.epclIds?.length) where.push(`${c}.epcl_id = any(${ctx.param(f.epclIds, 'text[]')})`);
    if (f.firstAddedFrom) where.push(`${c}.date_first_added >= ${ctx.param(f.firstAddedFrom, 'date')}`);
    if (f.firstAddedTo) where.push(`${c}.date_first_added <= ${ctx.param(f.firstAddedTo, 'date')}`);
    if ((f.reportNumber !== undefined && f.reportNumber !== null) || f.group) {
      const conditions = [`re.entry_id = ${c}.id`];
      if (f.reportNumber !== undefined && f.reportNumber !== null)
        conditions.push(`r.number = ${ctx.param(f.reportNumber, 'int')}`);
      if (f.group) conditions.push(`re.report_group = ${ctx.param(f.group, 'text')}`);
      where.push(
        `exists (select 1 from epcl_report_entry re join epcl_report r on r.id = re.report_id where ${conditions.join(' and ')})`,
      );
    }
    return where;
  },
  {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    EPCL_ID_ASC: byColumnThenId((t) => `coalesce(${t}.epcl_id, '~')`, 'text'),
    EPCL_ID_DESC: byColumnThenId((t) => `coalesce(${t}.epcl_id, '~')`, 'text', true),
    DATE_FIRST_ADDED_ASC: byColumnThenId((t) => `coalesce(${t}.date_first_added, 'infinity'::date)`, 'date'),
    DATE_FIRST_ADDED_DESC: byColumnThenId(
      (t) => `coalesce(${t}.date_first_added, 'infinity'::date)`,
      'date',
      true,
    ),
  },
);

export const epclReportsConnection = connection(
  'epcl_report',
  (_p, c, args, ctx) => {
    const f = (args.filter ?? {}) as { states?: string[] };
    return f.states?.length ? [`${c}.state = any(${ctx.param(f.states, 'text[]')})`] : [];
  },
  {
    NUMBER_ASC: byColumnThenId((t) => `${t}.number`, 'int'),
    NUMBER_DESC: byColumnThenId((t) => `${t}.number`, 'int', true),
  },
);
