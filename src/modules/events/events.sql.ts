import { GraphQLError } from 'graphql';
import { ErrorCode, badUserInput } from '../../core/graphql/errors';
import type { Viewer } from '../../core/graphql/context';
import { decodeGlobalId } from '../../core/graphql/compiler/global-id';

/** The contract clients code against (`EpclEventType`). */
export enum EpclEventType {
  ENTRY_STATE_CHANGED = 'ENTRY_STATE_CHANGED',
  ENTRY_ADDED_TO_LIST = 'ENTRY_ADDED_TO_LIST',
  REPORT_STATE_CHANGED = 'REPORT_STATE_CHANGED',
  OBJECTION_WINDOW_CLOSING = 'OBJECTION_WINDOW_CLOSING',
  OBJECTION_RECORDED = 'OBJECTION_RECORDED',
  TEST_REPORT_STATE_CHANGED = 'TEST_REPORT_STATE_CHANGED',
  TESTING_ISSUE_CHANGED = 'TESTING_ISSUE_CHANGED',
  SUPPLIER_IMPACT = 'SUPPLIER_IMPACT',
}

/** Outbox `type` → typed event. `EpclEntryCreated` counts as a change of state (from none) when made through the lifecycle. */
export const OUTBOX_TYPES: Record<string, EpclEventType> = {
  EpclEntryCreated: EpclEventType.ENTRY_STATE_CHANGED,
  EpclEntryStateChanged: EpclEventType.ENTRY_STATE_CHANGED,
  EpclEntryAdded: EpclEventType.ENTRY_ADDED_TO_LIST,
  EpclReportStateChanged: EpclEventType.REPORT_STATE_CHANGED,
  ObjectionWindowClosing: EpclEventType.OBJECTION_WINDOW_CLOSING,
  ObjectionRecorded: EpclEventType.OBJECTION_RECORDED,
  TestReportStateChanged: EpclEventType.TEST_REPORT_STATE_CHANGED,
  TestingIssueChanged: EpclEventType.TESTING_ISSUE_CHANGED,
  SupplierImpact: EpclEventType.SUPPLIER_IMPACT,
};

/** An outbox row with what the filters look at (one statement computes these for a batch). */
export type EventRow = {
  position: string;
  occurred_at: Date;
  committed_at: Date | null;
  source_type: string;
  aggregate_type: string;
  aggregate_id: string;
  type: EpclEventType;
  payload: Record<string, unknown>;
  epcl_ids: string[];
  report_numbers: number[];
  dmc_ids: number[];
  cohorts: string[];
  states: string[];
  supplier_id: number | null;
};

const TYPE_CASE = `case d.type ${Object.entries(OUTBOX_TYPES)
  .map(([source, type]) => `when '${source}' then '${type}'`)
  .join(' ')} end`;

/**
 * The typed events of the outbox with what they concern, in commit order, after position `$1` (and the
 * conditions `where` on the columns below), `limit` rows. What an event concerns:
 * - epcl_ids, dmc_ids, cohorts: the entry's (entry events), the testing issue's DMC;
 * - report_numbers: the report (report events, objections, deadlines, impacts), the report an entry or test
 *   report changed under, and for entry events every report the entry belongs to;
 * - states: the state changed to (entry, report, test report) or a testing issue's status;
 * - supplier_id: the supplier an objection or an impact belongs to (suppliers see only their own).
 */
export function eventsSql(where: string[], limit: string): string {
  return `select * from (
    select d.position::text as position, d.position as pos, d.occurred_at, d.committed_at, d.type as source_type,
           d.aggregate_type, d.aggregate_id, d.payload, ${TYPE_CASE} as type,
           case when e.epcl_id is null then '{}'::text[] else array[e.epcl_id] end as epcl_ids,
           r.report_numbers,
           case when m.id is null then '{}'::int[] else array[m.id] end as dmc_ids,
           case when c.code is null then '{}'::text[] else array[c.code] end as cohorts,
           case when d.type = 'EpclEntryAdded' then '{}'::text[]
                else array_remove(array[d.payload->>'state', d.payload->>'status'], null) end as states,
           (d.payload->>'supplierId')::int as supplier_id
      from domain_event d
      left join epcl_entry e on d.aggregate_type = 'EpclEntry' and e.id = d.aggregate_id::int
      left join testing_issue ti on d.aggregate_type = 'TestingIssue' and ti.id = d.aggregate_id::int
      left join dmc m on m.id = coalesce(e.dmc_id, ti.dmc_id)
      left join cohort c on c.id = m.cohort_id
      cross join lateral (
        select coalesce(array_agg(rr.number order by rr.number), '{}'::int[]) as report_numbers from epcl_report rr
         where rr.id = case when d.aggregate_type = 'EpclReport' then d.aggregate_id::int else (d.payload->>'reportId')::int end
            or (e.id is not null and rr.id in (select re.report_id from epcl_report_entry re where re.entry_id = e.id))) r
     where d.position > $1::bigint
       and d.type in (${Object.keys(OUTBOX_TYPES)
         .map((t) => `'${t}'`)
         .join(', ')})
       and (d.type <> 'EpclEntryCreated' or coalesce((d.payload->>'viaLifecycle')::boolean, false))
  ) f
  ${where.length ? `where ${where.join(' and ')}` : ''}
  order by f.pos
  limit ${limit}`;
}

/** `EpclEventFilter` as the server holds it (DMC ids decoded). Fields combine with AND, values within one with OR. */
export type EventFilter = {
  types?: EpclEventType[] | null;
  epclIds?: string[] | null;
  reportNumbers?: number[] | null;
  dmcIds?: number[] | null;
  cohorts?: string[] | null;
  states?: string[] | null;
};

export type EventFilterInput = Omit<EventFilter, 'dmcIds'> & { dmcIds?: string[] | null };

/** Validates and decodes a filter (BAD_USER_INPUT naming the field). */
export function eventFilter(input: EventFilterInput | null | undefined): EventFilter {
  if (!input) return {};
  const lists: (keyof EventFilterInput)[] = [
    'types',
    'epclIds',
    'reportNumbers',
    'dmcIds',
    'cohorts',
    'states',
  ];
  for (const key of lists) {
    const value = input[key];
    if (value && value.length > 500) throw badUserInput(`filter.${key}`, 'at most 500 values', value.length);
  }
  for (const n of input.reportNumbers ?? [])
    if (!Number.isInteger(n) || n < 1)
      throw badUserInput('filter.reportNumbers', 'positive report numbers', n);
  const dmcIds = input.dmcIds?.map((id) => {
    const { typeName, key } = decodeGlobalId(id, 'filter.dmcIds');
    if (typeName !== 'Dmc') throw badUserInput('filter.dmcIds', 'IDs of DMCs', id);
    return key;
  });
  return { ...input, dmcIds };
}

/** A viewer's scope: suppliers see every catalogue event, and objections and impacts only of their own. */
export const scopeSupplier = (viewer: Viewer): number | null =>
  viewer.role === 'SUPPLIER' ? viewer.supplierId : null;

/** The filter and scope as SQL conditions on `eventsSql`'s columns, values bound through `param`. */
export function filterConditions(
  filter: EventFilter,
  viewer: Viewer,
  param: (value: unknown, type: string) => string,
): string[] {
  const where: string[] = [];
  if (filter.types) where.push(`f.type = any(${param(filter.types, 'text[]')})`);
  if (filter.epclIds) where.push(`f.epcl_ids && ${param(filter.epclIds, 'text[]')}`);
  if (filter.reportNumbers) where.push(`f.report_numbers && ${param(filter.reportNumbers, 'int[]')}`);
  if (filter.dmcIds) where.push(`f.dmc_ids && ${param(filter.dmcIds, 'int[]')}`);
  if (filter.cohorts) where.push(`f.cohorts && ${param(filter.cohorts, 'text[]')}`);
  if (filter.states) where.push(`f.states && ${param(filter.states, 'text[]')}`);
  const supplier = scopeSupplier(viewer);
  if (supplier !== null) where.push(`(f.supplier_id is null or f.supplier_id = ${param(supplier, 'int')})`);
  return where;
}

const overlaps = <T>(wanted: readonly T[] | null | undefined, have: readonly T[]) =>
  !wanted || wanted.some((w) => have.includes(w));

/** The same conditions in the server's memory, for live events (kept equal to `filterConditions`). */
export function matches(row: EventRow, filter: EventFilter, viewer: Viewer): boolean {
  const supplier = scopeSupplier(viewer);
  if (supplier !== null && row.supplier_id !== null && row.supplier_id !== supplier) return false;
  return (
    overlaps(filter.types, [row.type]) &&
    overlaps(filter.epclIds, row.epcl_ids) &&
    overlaps(filter.reportNumbers, row.report_numbers) &&
    overlaps(filter.dmcIds, row.dmc_ids) &&
    overlaps(filter.cohorts, row.cohorts) &&
    overlaps(filter.states, row.states)
  );
}

/** Cursors are opaque to clients: base64 of `EpclEvent:<position>`. */
export const encodeCursor = (position: string): string =>
  Buffer.from(`EpclEvent:${position}`).toString('base64');

export function decodeCursor(cursor: string | null | undefined, argument = 'after'): string {
  if (cursor === null || cursor === undefined) return '0';
  const text = /^[A-Za-z0-9+/=]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64').toString('utf8') : '';
  const match = /^EpclEvent:(\d{1,18})$/.exec(text);
  if (!match)
    throw new GraphQLError(
      `Argument "${argument}" must be the cursor of an event this API returned; received ${JSON.stringify(cursor).slice(0, 80)}`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } },
    );
  return match[1];
}
