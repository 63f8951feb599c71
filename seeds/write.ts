import type { ClientBase } from 'pg';
import { EntryBasis, ReportGroup } from '../src/modules/common/enums';
import type { Dataset } from './dataset';

type Row = Record<string, unknown>;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** Multi-row INSERT of plain objects; column names are the camelCase keys in snake_case. */
export async function insertRows(
  db: ClientBase,
  table: string,
  rows: readonly Row[],
  columns?: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const keys = columns ?? Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(60_000 / keys.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = keys.map((key) => {
        params.push(row[key]);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await db.query(
      `insert into ${table} (${keys.map(snake).join(', ')}) values ${tuples.join(', ')}`,
      params,
    );
  }
}

/** Moves each serial sequence past the explicit ids the seed inserted. */
export async function resetSequences(db: ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) {
    await db.query(
      `select setval(pg_get_serial_sequence($1, 'id'), greatest((select coalesce(max(id), 0) from ${table}), 1), (select count(*) > 0 from ${table}))`,
      [table],
    );
  }
}

const pick = <T extends Row>(rows: readonly T[], ...keys: (keyof T & string)[]): Row[] =>
  rows.map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])));

/**
 * Writes the catalogue and governance data of a Dataset, in the order the database rules need: tested
 * entries before the relations and entries that rest on them, Group 1 before Group 2. Call inside a
 * transaction: the deferred checks (DMC fingerprints, Clause 20.41 evidence) run at commit.
 */
export async function writeCatalogue(db: ClientBase, data: Dataset): Promise<void> {
  await insertRows(db, 'cohort', data.cohorts);
  await insertRows(db, 'manufacturer', data.manufacturers);
  await insertRows(db, 'device_model', data.deviceModels);
  await insertRows(db, 'firmware_version', data.firmware);
  await insertRows(db, 'firmware_upgrade_path', data.upgradePaths);
  await insertRows(db, 'device_model_restriction', data.restrictions);
  await insertRows(db, 'supplier', data.suppliers);

  await insertRows(db, 'dmc', pick(data.dmcs, 'id', 'cohortId', 'fingerprint', 'label', 'synthetic'));
  await insertRows(
    db,
    'dmc_slot',
    data.dmcs.flatMap((d) => d.slots.map((s) => ({ dmcId: d.id, ...s }))),
  );

  await insertRows(
    db,
    'test_report',
    data.testReports.map(({ scope: _scope, ...row }) => row),
  );
  await insertRows(
    db,
    'test_report_scope',
    data.testReports.flatMap((r) => r.scope.map((s) => ({ testReportId: r.id, ...s }))),
  );
  await insertRows(db, 'testing_issue_threshold', data.thresholds);
  await insertRows(db, 'testing_issue', data.testingIssues);

  const entryRow = (rows: typeof data.entries) =>
    pick(
      rows,
      'id',
      'epclId',
      'dmcId',
      'installationStatus',
      'basis',
      'basisEntryId',
      'state',
      'dateFirstAdded',
      'synthetic',
    );
  const tiers = [
    data.entries.filter((e) => e.basisEntryId === null),
    data.entries.filter((e) => e.basis === EntryBasis.TESTED_VIA_DORMANT),
    data.entries.filter(
      (e) => e.basis === EntryBasis.SUBSTANTIVELY_EQUIVALENT || e.basis === EntryBasis.CHILD_OF_TESTED,
    ),
  ];
  await insertRows(db, 'epcl_entry', entryRow(tiers[0]));
  await insertRows(db, 'epcl_entry', entryRow(tiers[1]));
  await insertRows(db, 'dmc_relation', data.relations);
  await insertRows(db, 'epcl_entry', entryRow(tiers[2]));
  await insertRows(
    db,
    'epcl_entry_evidence',
    data.entries.flatMap((e) => e.evidence.map((ev) => ({ entryId: e.id, ...ev }))),
  );

  await insertRows(
    db,
    'epcl_report',
    data.reports.map(
      ({ entries: _e, criteria: _c, clauseEvidence: _ce, volumes: _v, risks: _r, ...row }) => row,
    ),
  );
  for (const group of [ReportGroup.GROUP_1_TESTED, ReportGroup.GROUP_2_SE]) {
    await insertRows(
      db,
      'epcl_report_entry',
      data.reports.flatMap((r) =>
        r.entries.filter((e) => e.reportGroup === group).map((e) => ({ reportId: r.id, ...e })),
      ),
    );
  }
  await insertRows(
    db,
    'epcl_report_criterion',
    data.reports.flatMap((r) =>
      r.criteria.map((c) => ({ reportId: r.id, criterionNo: c.no, rag: c.rag, commentary: c.commentary })),
    ),
  );
  await insertRows(
    db,
    'epcl_report_clause_evidence',
    data.reports.flatMap((r) => r.clauseEvidence.map((c) => ({ reportId: r.id, ...c }))),
  );
  await insertRows(
    db,
    'epcl_report_volume',
    data.reports.flatMap((r) => r.volumes.map((v) => ({ reportId: r.id, ...v }))),
  );
  await insertRows(
    db,
    'epcl_report_risk',
    data.reports.flatMap((r) => r.risks.map((v) => ({ reportId: r.id, ...v }))),
  );

  await resetSequences(db, [
    'cohort',
    'manufacturer',
    'device_model',
    'firmware_version',
    'firmware_upgrade_path',
    'device_model_restriction',
    'supplier',
    'dmc',
    'dmc_slot',
    'test_report',
    'test_report_scope',
    'testing_issue_threshold',
    'testing_issue',
    'epcl_entry',
    'dmc_relation',
    'epcl_entry_evidence',
    'epcl_report',
    'epcl_report_entry',
    'epcl_report_criterion',
    'epcl_report_clause_evidence',
    'epcl_report_volume',
    'epcl_report_risk',
  ]);
}
