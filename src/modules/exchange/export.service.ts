import type { Writable } from 'node:stream';
import type { SqlPool } from '../../core/db/sql-pool';
import { sqlParams } from '../../core/db/sql-params';
import { readScope, type Viewer } from '../../core/graphql/context';
import { REPORT_MATCHING, reportVolumes, type Reader } from '../eligibility/report-volumes.service';
import {
  candidatesCtes,
  deviceHopsJson,
  reportBestCtes,
  UNMIGRATED,
  variantMatches,
} from '../eligibility/upgrade.sql';
import { viewerScope } from '../inventory/inventory.service';
import { ANNEX_A_SQL, EPCL_LIST_SQL, installationsSql, REPORT_SQL, TEST_REPORTS_SQL } from './exchange.sql';
import {
  ANNEX_A_COLUMNS,
  ANNEX_A_TRAILING,
  CANDIDATE_COLUMNS,
  deviceCells,
  deviceColumns,
  deviceGroups,
  EPCL_LIST_COLUMNS,
  EVIDENCE_COLUMNS,
  INSTALLATION_COLUMNS,
  REPORT_COLUMNS,
  TEST_REPORT_COLUMNS,
  VOLUME_COLUMNS,
  VOLUME_SECTIONS,
  volumeRowLabel,
  type SlotDevice,
} from './layouts';
import { asText, tableWriter, type Cell, type Format, type TableWriter } from './sheets';

export const EXPORT_KINDS = ['epcl-list', 'annex-a', 'volumes', 'candidates', 'installations'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExportOptions = {
  format: Format;
  /** Report number (annex-a, volumes; default 22). */
  report?: number;
  /** Target DMC id (candidates); without it, candidates are those of report `report`'s DMCs. */
  targetDmc?: number;
  /** ISO date (epcl-list; default today). */
  asOf?: string;
  /** Only this supplier's installations (candidates, installations); a supplier viewer always gets their own. */
  supplierId?: number;
  /** Called with the number of rows written so far (and the total when known). */
  onProgress?: (done: number, total?: number) => void;
};

/** What an export reads with: the read pool (statements and cursors) as a viewer. */
export type ExportReader = Reader & { cursor: SqlPool['cursor'] };

export function exportReader(pool: SqlPool, viewer: Viewer): ExportReader {
  return {
    viewer,
    sql: (text, params = []) => pool.query(text, params, undefined, readScope(viewer)),
    analyse: (text, params, settings) => pool.queryWith(text, params, settings, undefined, readScope(viewer)),
    cursor: (text, params, batch, settings) => pool.cursor(text, params, batch, settings, readScope(viewer)),
  };
}

export class ExportError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_INPUT',
  ) {
    super(message);
  }
}

/** Checks what an export needs before anything is written (so an HTTP response can still fail cleanly). */
export async function checkExport(reader: ExportReader, kind: ExportKind, o: ExportOptions): Promise<void> {
  if (kind === 'annex-a' || kind === 'volumes') await reportRow(reader, o.report ?? 22);
  if (kind === 'candidates') {
    if (o.targetDmc === undefined) await reportRow(reader, o.report ?? 22);
    else {
      const [dmc] = await reader.sql<{ id: number }>('select id from dmc where id = $1', [o.targetDmc]);
      if (!dmc) throw new ExportError(`no DMC with id ${o.targetDmc}`, 'NOT_FOUND');
    }
  }
  if (
    (kind === 'candidates' || kind === 'installations') &&
    reader.viewer.role === 'SUPPLIER' &&
    o.supplierId !== undefined &&
    o.supplierId !== reader.viewer.supplierId
  )
    throw new ExportError('a supplier may export only their own installations', 'FORBIDDEN');
}

async function reportRow(reader: ExportReader, number: number): Promise<Record<string, unknown>> {
  const [row] = await reader.sql<Record<string, unknown>>(REPORT_SQL, [number]);
  if (!row) throw new ExportError(`no EPCL report number ${number}`, 'NOT_FOUND');
  return row;
}

/** Writes one export to `out` (ended when done); returns the number of data rows of its main sheet. */
export async function writeExport(
  reader: ExportReader,
  kind: ExportKind,
  o: ExportOptions,
  out: Writable,
): Promise<number> {
  await checkExport(reader, kind, o);
  const writer = tableWriter(o.format, out);
  let rows = 0;
  const progress = (total?: number) => {
    rows++;
    o.onProgress?.(rows, total);
  };
  switch (kind) {
    case 'epcl-list': {
      const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
      const entries = await reader.sql<EntryRow & { evidence: Evidence[] }>(EPCL_LIST_SQL, [asOf]);
      const groups = deviceGroups(entries.map((e) => e.devices));
      const sheet = await writer.sheet('EPCL', [...EPCL_LIST_COLUMNS, ...deviceColumns(groups)]);
      for (const e of entries) {
        await sheet.row([
          e.epcl_id,
          e.cohort,
          e.s1sp_name,
          e.installation_status,
          e.basis,
          e.basis_epcl_id,
          e.date_first_added,
          ...deviceCells(groups, e.devices),
        ]);
        progress(entries.length);
      }
      await evidenceSheets(reader, writer, entries);
      break;
    }
    case 'annex-a': {
      const report = await reportRow(reader, o.report ?? 22);
      const entries = await reader.sql<
        EntryRow & { report_group: number; state: string; evidence: Evidence[] }
      >(ANNEX_A_SQL, [report.id]);
      const groups = deviceGroups(entries.map((e) => e.devices));
      const main = await writer.sheet('Annex A', [
        ...ANNEX_A_COLUMNS,
        ...deviceColumns(groups),
        ...ANNEX_A_TRAILING,
      ]);
      for (const e of entries) {
        await main.row([
          e.report_group,
          e.epcl_id,
          e.cohort,
          e.s1sp_name,
          e.installation_status,
          e.state,
          e.basis,
          e.basis_epcl_id,
          ...deviceCells(groups, e.devices),
          e.evidence.map((ev) => `${ev.role}: ${ev.title}`).join('\n') || null,
        ]);
        progress(entries.length);
      }
      await evidenceSheets(reader, writer, entries);
      const front = await writer.sheet('Report', REPORT_COLUMNS);
      for (const [field, value] of reportFields(report)) await front.row([field, value]);
      break;
    }
    case 'volumes': {
      const report = await reportRow(reader, o.report ?? 22);
      const volumes = await reportVolumes(reader, report.id as number);
      const sheet = await writer.sheet('Volumes', VOLUME_COLUMNS);
      for (const table of volumes.tables) {
        const section = table.section as keyof typeof VOLUME_SECTIONS;
        for (const r of [...table.rows, { ...table.totals, basis: 'TOTALS' }]) {
          for (const [label, f] of [
            ['Published', r.published],
            ['Recomputed', r.recomputed],
            ['Difference', r.difference],
          ] as const) {
            if (!f) continue;
            await sheet.row([
              VOLUME_SECTIONS[section].title,
              volumeRowLabel(section, r.basis),
              label,
              f.installs.active,
              f.installs.dormant,
              f.installs.mixed,
              f.devices.active,
              f.devices.dormant,
              f.devices.mixed,
            ]);
            progress();
          }
        }
      }
      break;
    }
    case 'candidates': {
      const { values, p } = sqlParams();
      const filters = [viewerScope(reader.viewer, p)];
      if (o.supplierId !== undefined) filters.push(`i.supplier_id = ${p(o.supplierId, 'int')}`);
      const firmware = new Map(
        (
          await reader.sql<{ id: number; version_raw: string }>(
            'select id, version_raw from firmware_version',
          )
        ).map((f) => [f.id, f.version_raw]),
      );
      const sheet = await writer.sheet('Upgrade Candidates', CANDIDATE_COLUMNS);
      const columns = `k.id::text as id, s.name as supplier, co.code as cohort, k.status, k.dmc_id::text as dmc_id,
               (select e.epcl_id from epcl_entry e where e.dmc_id = k.dmc_id and e.installation_status = k.status) as epcl_id,
               k.device_count, k.hops, ${deviceHopsJson('k.id', 'k.dmc_id', 'k.status')} as upgrades`;
      const joins = `join installation i on i.id = k.id join supplier s on s.id = i.supplier_id join cohort co on co.id = i.cohort_id`;
      let text: string;
      let settings: string[] = [];
      if (o.targetDmc !== undefined) {
        text = `${candidatesCtes(p(o.targetDmc, 'int'), filters)}
        select ${columns} from cand k ${joins} order by k.id`;
      } else {
        // The report's candidates, each installation once, as its volume tables count them (not at target
        // of any requested DMC; Group 1 before Group 2; fewest hops).
        const report = (await reportRow(reader, o.report ?? 22)).id as number;
        settings = [...REPORT_MATCHING];
        text = `${reportBestCtes(p(report, 'int'))},
        k as (
          select i.id, i.status, c.device_count, b.dmc_id, b.hops
            from best b join device_combo c on c.id = b.combo_id
            join installation i on i.combo_id = b.combo_id and i.status = b.status
           where not b.at_target and ${[UNMIGRATED, variantMatches('b', 'i'), ...filters].join(' and ')})
        select ${columns} from k ${joins} order by k.id`;
      }
      for await (const batch of reader.cursor<CandidateRow>(text, values, 2000, settings)) {
        for (const c of batch) {
          await sheet.row([
            c.id,
            c.supplier,
            c.cohort,
            c.status,
            c.dmc_id,
            c.epcl_id,
            c.device_count,
            c.hops,
            c.upgrades
              .map(
                (u) =>
                  `${u.deviceType} ${u.deviceId}: ${(u.path ?? [u.from, u.to]).map((id) => firmware.get(id) ?? id).join(' > ')}`,
              )
              .join('; '),
          ]);
          progress();
        }
      }
      break;
    }
    case 'installations': {
      const { values, p } = sqlParams();
      const scope = [viewerScope(reader.viewer, p)];
      if (o.supplierId !== undefined) scope.push(`i.supplier_id = ${p(o.supplierId, 'int')}`);
      const sheet = await writer.sheet('Installations', INSTALLATION_COLUMNS);
      for await (const batch of reader.cursor<Record<string, Cell | boolean>>(
        installationsSql(scope.join(' and ')),
        values,
        2000,
      )) {
        for (const r of batch) {
          await sheet.row([
            r.id as string,
            r.supplier as string,
            r.cohort as string,
            r.status as string,
            r.status_as_of as string | null,
            r.migration_state as string,
            r.exclusion_category as string | null,
            r.elec_only_migration ? 'Yes' : 'No',
            r.devices as number,
            r.dmc_id as string | null,
            r.epcl_id as string | null,
            r.entry_state as string | null,
            r.date_first_added as string | null,
            r.blocker ? 'No' : 'Yes',
            r.blocker as string | null,
          ]);
          progress();
        }
      }
      break;
    }
  }
  await writer.finish();
  return rows;
}

/** The Evidence and Test Reports sheets of a workbook of entries (csv files have the main sheet only). */
async function evidenceSheets(
  reader: ExportReader,
  writer: TableWriter,
  entries: { epcl_id: string; evidence: Evidence[] }[],
): Promise<void> {
  const evidence = await writer.sheet('Evidence', EVIDENCE_COLUMNS);
  for (const e of entries) for (const ev of e.evidence) await evidence.row([e.epcl_id, ev.role, ev.title]);
  const titles = [...new Set(entries.flatMap((e) => e.evidence.map((ev) => ev.title)))];
  const reports = await writer.sheet('Test Reports', TEST_REPORT_COLUMNS);
  for (const t of await reader.sql<Record<string, Cell>>(TEST_REPORTS_SQL, [titles]))
    await reports.row([
      t.title,
      t.kind,
      t.version,
      t.state,
      t.tranche,
      t.capability_release,
      t.draft_issued_on,
      t.shared_with_suppliers_on,
      t.tag_reviewed_on,
      t.final_on,
      t.document_ref,
    ]);
}

type EntryRow = {
  epcl_id: string;
  cohort: string;
  s1sp_name: string;
  installation_status: string;
  basis: string | null;
  basis_epcl_id: string | null;
  date_first_added: string | null;
  devices: SlotDevice[];
};
type Evidence = { role: string; title: string };
type CandidateRow = {
  id: string;
  supplier: string;
  cohort: string;
  status: string;
  dmc_id: string;
  epcl_id: string | null;
  device_count: number;
  hops: number;
  upgrades: { deviceId: string; deviceType: string; from: number; to: number; path: number[] | null }[];
};

/** The report's front matter as (field, value) pairs, the order of the document's cover and §1. */
export function reportFields(r: Record<string, unknown>): [string, string | null][] {
  const s = (v: unknown) =>
    v === null || v === undefined ? null : Array.isArray(v) ? v.map(asText).join(', ') : asText(v);
  return [
    ['Number', s(r.number)],
    ['Title', s(r.title)],
    ['DMCT Tranches', s(r.dmct_tranches)],
    ['Version', s(r.version)],
    ['Date', s(r.report_date)],
    ['Author', s(r.author_email)],
    ['Classification', s(r.classification)],
    ['State', s(r.state)],
    ['SSC Confirmed On', s(r.ssc_confirmed_on)],
    ['SSC Mode', s(r.ssc_mode)],
    ['Lists Published On', s(r.lists_published_on)],
    ['Published On', s(r.published_on)],
    ['SECAS Notified On', s(r.secas_notified_on)],
    ['Objection Deadline', s(r.objection_deadline)],
    ['Objections To', s(r.objections_to)],
    ['SoS Decision', s(r.sos_decision)],
    ['SoS Decided On', s(r.sos_decided_on)],
    ['Signatory', s(r.signatory_name)],
    ['Signatory Role', s(r.signatory_role)],
    ['Risk Register', s(r.risk_register_url)],
    ['Upgradeable Unmigrated Installs', s(r.upgradeable_unmigrated_installs)],
    ['Upgradeable As Of', s(r.upgradeable_as_of)],
    ['Upgradeable Source', s(r.upgradeable_source)],
  ];
}
