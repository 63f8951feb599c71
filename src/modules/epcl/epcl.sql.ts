import type { FieldSpec, SqlContext } from '../../core/graphql/compiler/compiler';
import {
  byColumnThenId,
  byId,
  column,
  connection,
  expression,
  filterBy,
  hasMany,
  outsideCatalogue,
} from '../../core/graphql/compiler/fields';
import { decodeIdOf } from '../../core/graphql/compiler/global-id';
import { fromEntity, sqlType, type TypeDefinitions } from '../../core/graphql/compiler/registry';

/** EPCL entries with their membership of one report, for a report's `entries` connection. */
const REPORT_ENTRIES = `(select e.*, re.report_id as in_report, re.report_group as in_group, re.annex_row
  from epcl_entry e join epcl_report_entry re on re.entry_id = e.id)`;

/** A history connection over `state_change`, oldest first by default (the changes of one object). */
export const historyConnection = (where: (parent: string, child: string) => string) =>
  connection('state_change', {
    where: (p, c) => [where(p!, c)],
    orders: {
      EFFECTIVE_ON_ASC: byColumnThenId((t) => `${t}.effective_on`, 'date'),
      EFFECTIVE_ON_DESC: byColumnThenId((t) => `${t}.effective_on`, 'date', true),
    },
  });

/** True when no history row says the object was created through the API (seeded objects have none). */
export const seededSql = (fk: string, t: string) =>
  `not exists (select 1 from state_change h where h.${fk} = ${t}.id and h.from_state is null and h.actor <> 'seed')`;

export const EPCL_SQL: TypeDefinitions = {
  EpclEntry: fromEntity('EpclEntry', {
    restingEntries: hasMany('epcl_entry', 'basis_entry_id', 'epcl_id, id'),
    evidence: hasMany('epcl_entry_evidence', 'entry_id', 'role, test_report_id'),
    reports: hasMany('epcl_report_entry', 'entry_id', 'report_id'),
    history: historyConnection((p, c) => `${c}.entry_id = ${p}.id`),
    provenance: {
      kind: 'custom',
      sql: (t) => `json_build_object('seeded', ${seededSql('entry_id', t)}, 'synthetic', ${t}.synthetic,
        'reportSynthetic', (select r.synthetic from epcl_report_entry re join epcl_report r on r.id = re.report_id
                             where re.entry_id = ${t}.id order by r.number desc limit 1))`,
    },
    listVersion: expression(
      (t) => `(select json_build_object('version', v.version, 'publishedOn', v.published_on, 'entriesAdded',
        v.entries_added, 'recordedAt', to_json(v.recorded_at), 'actor', v.actor) from epcl_list_version v
        where ${t}.state in ('ON_EPCL', 'REMOVED') and v.published_on <= coalesce((select max(h.effective_on)
          from state_change h where h.entry_id = ${t}.id and h.to_state = 'ON_EPCL'), ${t}.date_first_added)
        order by v.published_on desc, v.id desc limit 1)`,
    ),
  }),
  StateChange: fromEntity('StateChange'),
  EpclObjection: fromEntity('EpclObjection', {
    supplierId: column('supplier_id'),
    supplierName: outsideCatalogue(
      'supplier',
      (t) => `(select s.name from supplier s where s.id = ${t}.supplier_id)`,
    ),
  }),
  EpclEntryEvidence: fromEntity('EpclEntryEvidence'),
  EpclReportMembership: fromEntity('EpclReportEntry', { group: column('report_group') }),
  EpclReport: fromEntity('EpclReport', {
    dmctTranches: expression((t) => `to_json(${t}.dmct_tranches)`),
    publishedUpgradeableInstalls: expression(
      (
        t,
      ) => `case when ${t}.upgradeable_unmigrated_installs is null then null else json_build_object('__typename', 'PublishedFigure',
        'value', ${t}.upgradeable_unmigrated_installs, 'asOf', ${t}.upgradeable_as_of, 'source', ${t}.upgradeable_source) end`,
    ),
    entries: connection(REPORT_ENTRIES, {
      where: (p, c, args, ctx) => {
        const where = [`${c}.in_report = ${p}.id`];
        if (args.group) where.push(`${c}.in_group = ${ctx.param(args.group, 'text')}`);
        return where;
      },
      orders: {
        ANNEX_ROW_ASC: byColumnThenId((t) => `coalesce(${t}.annex_row, 2147483647)`, 'int'),
        ID_ASC: byId(),
      },
    }),
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
    objections: hasMany('epcl_objection', 'report_id', 'received_on, id'),
    history: historyConnection((p, c) => `${c}.report_id = ${p}.id and ${c}.aggregate = 'EPCL_REPORT'`),
    provenance: {
      kind: 'custom',
      sql: (t) => `json_build_object('seeded', ${seededSql('report_id', t)}, 'synthetic', ${t}.synthetic)`,
    },
  }),
  ReportCriterion: sqlType({
    number: column('criterion_no'),
    title: expression((t) => `(select title from live_service_criterion where no = ${t}.criterion_no)`),
    rag: column('rag'),
    commentary: column('commentary'),
  }),
  ClauseEvidence: sqlType({
    clause: column('clause_ref'),
    clauseSummary: expression((t) => `(select summary from svtad_clause where ref = ${t}.clause_ref)`),
    section: column('section'),
    statement: column('statement'),
    evidenceDate: column('evidence_date'),
    evidenceCount: column('evidence_count'),
    docRef: column('doc_ref'),
  }),
  PublishedVolume: sqlType({
    section: column('section'),
    basis: column('basis'),
    installationStatus: column('installation_status'),
    installs: column('installs'),
    devices: column('devices'),
    asOf: column('as_of'),
    sourceNote: column('source_note'),
  }),
  ReportRisk: sqlType({
    ref: column('ref'),
    title: column('title'),
    status: column('status'),
    sourceUrl: column('source_url'),
  }),
};

/** Entries in a report (`reportNumber`), in a group (`group`), or both in one membership. */
function membership(
  row: string,
  ctx: SqlContext,
  filter: { reportNumber?: number | null; group?: string | null },
) {
  const conditions = [`re.entry_id = ${row}.id`];
  if (filter.reportNumber != null) conditions.push(`r.number = ${ctx.param(filter.reportNumber, 'int')}`);
  if (filter.group != null) conditions.push(`re.report_group = ${ctx.param(filter.group, 'text')}`);
  return `exists (select 1 from epcl_report_entry re join epcl_report r on r.id = re.report_id where ${conditions.join(' and ')})`;
}

/**
 * The state of each row of `table` as it was at the end of `date`, from its history (`state_change` rows
 * matching `history`): the state of the last change effective on or before it; before the first recorded
 * change, that change's from-state (null for a row created later: no row); with no history, the current
 * state. `jsonb_populate_record` keeps every other column of the row, so new columns need no change here;
 * `also` overrides further columns as of the date.
 */
const asOfRows = (
  table: string,
  history: string,
  date: string,
  also = '',
) => `(select (jsonb_populate_record(t,
      jsonb_build_object('state', a.state${also}))).*
    from ${table} t cross join lateral (
      select case when last.to_state is not null then last.to_state when first.id is not null then first.from_state
                  else t.state end as state
      from (select 1) one
      left join lateral (select h.to_state from state_change h where ${history} and h.effective_on <= ${date}
                          order by h.effective_on desc, h.id desc limit 1) last on true
      left join lateral (select h.id, h.from_state from state_change h where ${history}
                          order by h.effective_on, h.id limit 1) first on true) a
    where a.state is not null)`;

/** Entries as they were on a date (see asOfRows); a date first added after it is not yet set. */
export const entriesAsOf = (date: string) =>
  asOfRows(
    'epcl_entry',
    'h.entry_id = t.id',
    date,
    `, 'date_first_added', case when t.date_first_added <= ${date} then t.date_first_added end`,
  );

/** Reports as they were on a date (their own states); a decision taken after it is not yet known. */
const reportsAsOf = (date: string) =>
  asOfRows(
    'epcl_report',
    "h.report_id = t.id and h.aggregate = 'EPCL_REPORT'",
    date,
    `, 'sos_decision', case when t.sos_decided_on <= ${date} then t.sos_decision end,
       'sos_decided_on', case when t.sos_decided_on <= ${date} then t.sos_decided_on end`,
  );

/** The entries FROM item of a field with an optional `asOf` argument. */
export const entriesFrom = (args: { asOf?: unknown }, ctx: SqlContext) =>
  args.asOf ? entriesAsOf(ctx.param(args.asOf, 'date')) : 'epcl_entry';

const firstAdded = (t: string) => `coalesce(${t}.date_first_added, 'infinity'::date)`;

export const epclEntriesConnection = connection(entriesFrom, {
  filters: {
    states: filterBy.anyOf((r) => `${r}.state`, 'text[]'),
    installationStatuses: filterBy.anyOf((r) => `${r}.installation_status`, 'text[]'),
    basis: filterBy.anyOf((r) => `${r}.basis`, 'text[]'),
    cohorts: (r, codes: string[], ctx) =>
      `${r}.dmc_id in (select d.id from dmc d join cohort k on k.id = d.cohort_id where k.code = any(${ctx.param(codes, 'text[]')}))`,
    dmcId: (r, id: string, ctx) => `${r}.dmc_id = ${ctx.param(decodeIdOf('Dmc', id, 'filter.dmcId'), 'int')}`,
    epclIds: filterBy.anyOf((r) => `${r}.epcl_id`, 'text[]'),
    firstAddedFrom: (r, date: string, ctx) => `${r}.date_first_added >= ${ctx.param(date, 'date')}`,
    firstAddedTo: (r, date: string, ctx) => `${r}.date_first_added <= ${ctx.param(date, 'date')}`,
    reportNumber: (r, _n: number, ctx, filter) => membership(r, ctx, filter),
    // With a report number, the group is part of that report's membership condition.
    group: (r, _g: string, ctx, filter) =>
      filter.reportNumber != null ? 'true' : membership(r, ctx, filter),
  },
  orders: {
    ID_ASC: byId(),
    ID_DESC: byId(true),
    EPCL_ID_ASC: byColumnThenId((t) => `coalesce(${t}.epcl_id, '~')`, 'text'),
    EPCL_ID_DESC: byColumnThenId((t) => `coalesce(${t}.epcl_id, '~')`, 'text', true),
    DATE_FIRST_ADDED_ASC: byColumnThenId(firstAdded, 'date'),
    DATE_FIRST_ADDED_DESC: byColumnThenId(firstAdded, 'date', true),
  },
});

export const epclReportsConnection = connection('epcl_report', {
  filters: { states: filterBy.anyOf((r) => `${r}.state`, 'text[]') },
  orders: {
    NUMBER_ASC: byColumnThenId((t) => `${t}.number`, 'int'),
    NUMBER_DESC: byColumnThenId((t) => `${t}.number`, 'int', true),
  },
});

/** Root fields of the EPCL. */
export const EPCL_QUERIES: Record<string, FieldSpec> = {
  epclEntries: epclEntriesConnection,
  epclEntry: {
    kind: 'object',
    from: entriesFrom,
    where: (_p, c, args, ctx) => `${c}.epcl_id = ${ctx.param(args.epclId, 'text')}`,
  },
  epclList: connection(
    (args, ctx) => (args.asOf ? entriesAsOf(ctx.param(args.asOf, 'date')) : 'epcl_entry'),
    {
      where: (_p, c) => [`${c}.state = 'ON_EPCL'`],
      orders: {
        EPCL_ID_ASC: byColumnThenId((t) => `coalesce(${t}.epcl_id, '~')`, 'text'),
        DATE_FIRST_ADDED_ASC: byColumnThenId(firstAdded, 'date'),
      },
    },
  ),
  epclReports: epclReportsConnection,
  epclReport: {
    kind: 'object',
    from: (args, ctx) => (args.asOf ? reportsAsOf(ctx.param(args.asOf, 'date')) : 'epcl_report'),
    where: (_p, c, args, ctx) => `${c}.number = ${ctx.param(args.number, 'int')}`,
  },
};
