import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { translateDbError } from '../../core/db/db-errors';
import { normaliseFirmwareVersion } from '../catalogue/firmware';
import { DmcRelationKind, EntryBasis, EpclEntryState, type DeviceType } from '../common/enums';
import { dmcFingerprint } from '../dmc/fingerprint';
import type { SlotDevice } from './layouts';
import { asText, readTables, type ReadSheet } from './sheets';
import {
  readEntries,
  REPORT_KINDS,
  REPORT_STATES,
  ROLES,
  RowReader,
  STATUSES,
  ENTRY_STATES,
  type EntryLine,
  type Problem,
} from './validate';

export const IMPORT_KINDS = ['epcl-list', 'annex-a', 'dmct-status-list', 'device-models'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The main sheet of each kind (a csv file is read as that sheet). */
export const MAIN_SHEET: Record<ImportKind, string> = {
  'epcl-list': 'EPCL',
  'annex-a': 'Annex A',
  'dmct-status-list': 'DMCT Status List',
  'device-models': 'Device Models',
};

export type Change = { op: 'added' | 'changed' | 'removed'; what: string; detail: string };

export type ImportResult = {
  kind: ImportKind;
  dryRun: boolean;
  /** Every problem found; when there is any, nothing was written. */
  problems: Problem[];
  changes: Change[];
  /** True when the changes were committed (not a dry run, no problems). */
  written: boolean;
};

/** Thrown to roll a dry run back after every check has run; never reaches a caller. */
const ROLLBACK = new Error('dry run: rolled back');

/**
 * Imports a file: validated first (every problem by sheet, row and column), then written in one transaction
 * in the order the database rules need (tested entries before the relations and entries that rest on them,
 * Group 1 before Group 2), through the same constraints and triggers as every other writer — a rule they
 * refuse becomes a problem of the row being written, and nothing is kept. Rows already in the database as
 * the file states them change nothing, so a second import reports 0 changes. A dry run does the same work
 * (deferred checks included) and rolls it back.
 */
export async function importFile(
  orm: MikroORM,
  kind: ImportKind,
  file: string,
  options: {
    dryRun?: boolean;
    report?: number;
    /** Rows written so far of about `total` (for a progress bar). */
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  const problems: Problem[] = [];
  const result: ImportResult = { kind, dryRun, problems, changes: [], written: false };
  let sheets: ReadSheet[];
  try {
    sheets = await readTables(file, MAIN_SHEET[kind]);
  } catch (error) {
    problems.push({
      sheet: '',
      row: 0,
      column: '',
      message: `cannot read ${path.basename(file)}: ${(error as Error).message}`,
    });
    return result;
  }
  const sheet = (name: string, required: boolean) => {
    const found = sheets.find((s) => s.name === name);
    if (!found && required)
      problems.push({ sheet: name, row: 0, column: '', message: `missing sheet "${name}"` });
    return found;
  };

  // ── Validation: nothing is written unless every row passes ───────────────────────────────────────
  const main = sheet(MAIN_SHEET[kind], true);
  if (!main) return result;
  let plan: (w: Writer) => Promise<void>;
  if (kind === 'epcl-list' || kind === 'annex-a') {
    const entries = readEntries(main, problems, kind);
    let report: ReportFront | undefined;
    let evidence: EvidenceLine[] = [];
    let testReports: TestReportLine[] = [];
    if (kind === 'annex-a') report = readReport(sheet('Report', false), options.report, problems);
    const ev = sheet('Evidence', false);
    if (ev) evidence = readEvidence(ev, problems, new Set(entries.map((e) => e.epclId)));
    const tr = sheet('Test Reports', false);
    if (tr) testReports = readTestReports(tr, problems);
    const titles = new Set(testReports.map((t) => t.title));
    for (const e of evidence)
      if (!titles.has(e.title) && tr)
        problems.push({
          sheet: 'Evidence',
          row: e.row,
          column: 'Test Report',
          message: `unknown test report "${e.title}" (not on the Test Reports sheet)`,
        });
    plan = (w) => w.entries(kind, entries, { report, evidence, testReports });
  } else if (kind === 'device-models') {
    const r = new RowReader(main, problems);
    const lines: { row: number; device: SlotDevice }[] = [];
    if (r.requireColumns(['Device Type', 'Manufacturer', 'Model', 'Hardware Version', 'Firmware Version'])) {
      const seen = new Map<string, number>();
      for (const { row, cells } of main.rows) {
        const before = problems.length;
        const type = r.oneOf(row, cells, 'Device Type', [
          'CHF',
          'ESME',
          'GSME',
          'GPF',
          'PPMID',
          'IHD',
          'HCALCS',
        ]);
        const manufacturer = r.text(row, cells, 'Manufacturer', true);
        const manufacturerId = r.text(row, cells, 'Manufacturer ID');
        if (manufacturerId !== null && !/^[0-9A-F]{4}$/.test(manufacturerId))
          r.problem(
            row,
            'Manufacturer ID',
            `bad hex ${JSON.stringify(manufacturerId)}: expected 4 upper-case hex digits`,
          );
        const model = r.text(row, cells, 'Model', true);
        const hardware = r.text(row, cells, 'Hardware Version', true);
        const firmware = r.text(row, cells, 'Firmware Version', true);
        r.firmwareHex(row, firmware, 'Firmware Version');
        if (problems.length > before || !type || !manufacturer || !model || !hardware || !firmware) continue;
        const key = [type, manufacturer, model, hardware, firmware].join('|');
        if (seen.has(key))
          r.problem(row, 'Firmware Version', `duplicate: the same firmware is on row ${seen.get(key)}`);
        else seen.set(key, row);
        lines.push({ row, device: { type, manufacturer, manufacturerId, model, hardware, firmware } });
      }
    }
    plan = async (w) => {
      for (const l of lines) {
        w.at(main.name, l.row);
        await w.firmware(l.device);
      }
    };
  } else {
    // DMCT Status List: each row a DMC (by cohort and devices) that must be catalogued, with the state of
    // its entry for a status in the Clause 20 pipeline.
    const r = new RowReader(main, problems);
    const lines: {
      row: number;
      cohort: string;
      status: string;
      state: string;
      epclId: string | null;
      devices: SlotDevice[];
    }[] = [];
    if (r.requireColumns(['Cohort', 'Installation Status', 'State', 'CHF Manufacturer'])) {
      for (const { row, cells } of main.rows) {
        const before = problems.length;
        const cohort = r.text(row, cells, 'Cohort', true);
        const status = r.oneOf(row, cells, 'Installation Status', STATUSES);
        const state = r.oneOf(row, cells, 'State', ENTRY_STATES);
        const epclId = r.has('EPCL ID') ? r.epclId(row, cells, 'EPCL ID', false) : null;
        const devices = r.devices(row, cells);
        if (problems.length > before || !cohort || !status || !state || !devices) continue;
        lines.push({ row, cohort, status, state, epclId, devices });
      }
    }
    plan = async (w) => {
      for (const l of lines) {
        w.at(main.name, l.row);
        await w.statusLine(l);
      }
    };
  }
  if (problems.length) return result;

  // ── Writing: one transaction ───────────────────────────────────────────────────────────────────
  const writer = new Writer(result.changes, path.basename(file));
  // Entry files pass over their rows twice (DMCs, then entries in rule order).
  const total = main.rows.length * (kind === 'epcl-list' || kind === 'annex-a' ? 2 : 1);
  let done = 0;
  writer.onRow = () => options.onProgress?.(++done, total);
  try {
    await orm.em.fork().transactional(async (em) => {
      writer.em = em;
      await writer.load();
      await plan(writer);
      writer.at('', 0);
      // Deferred rules (DMC composition, Clause 20.41 evidence) are checked now, also for a dry run.
      await em.execute('set constraints all immediate');
      if (dryRun) throw ROLLBACK;
    });
    result.written = !dryRun;
  } catch (error) {
    if (error instanceof ImportRuleError) {
      problems.push({ ...writer.position, column: error.column, message: error.message });
      result.changes = [];
    } else if (error !== ROLLBACK) {
      const rule = translateDbError(error);
      if (!rule) throw error;
      problems.push({ ...writer.position, column: '', message: `${rule.code}: ${rule.message}` });
      result.changes = [];
    }
  }
  return result;
}

type ReportFront = { number: number; fields: Map<string, string | null> };
type EvidenceLine = { row: number; epclId: string; role: string; title: string };
type TestReportLine = {
  row: number;
  title: string;
  kind: string;
  version: string | null;
  state: string;
  tranche: number | null;
  capabilityRelease: string | null;
  draftIssuedOn: string | null;
  sharedOn: string | null;
  tagReviewedOn: string | null;
  finalOn: string | null;
  documentRef: string | null;
};

function readReport(
  sheet: ReadSheet | undefined,
  number: number | undefined,
  problems: Problem[],
): ReportFront | undefined {
  const fields = new Map<string, string | null>();
  if (sheet) {
    const r = new RowReader(sheet, problems);
    if (r.requireColumns(['Field', 'Value']))
      for (const { row, cells } of sheet.rows) {
        const field = r.text(row, cells, 'Field', true);
        const v = r.raw(cells, 'Value');
        if (field)
          fields.set(field, v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
      }
  }
  const n = number ?? (fields.get('Number') ? Number(fields.get('Number')) : undefined);
  if (n === undefined || !Number.isInteger(n)) {
    problems.push({
      sheet: sheet?.name ?? 'Report',
      row: 0,
      column: 'Number',
      message: 'which report? give --report N or a Report sheet with its Number',
    });
    return undefined;
  }
  return { number: n, fields };
}

function readEvidence(sheet: ReadSheet, problems: Problem[], epclIds: Set<string>): EvidenceLine[] {
  const r = new RowReader(sheet, problems);
  if (!r.requireColumns(['EPCL ID', 'Role', 'Test Report'])) return [];
  const out: EvidenceLine[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const before = problems.length;
    const epclId = r.epclId(row, cells, 'EPCL ID');
    const role = r.oneOf(row, cells, 'Role', ROLES);
    const title = r.text(row, cells, 'Test Report', true);
    if (epclId && !epclIds.has(epclId))
      r.problem(row, 'EPCL ID', `EPCL ID ${epclId} is not on the main sheet of this file`);
    const key = `${epclId}|${role}|${title}`;
    if (seen.has(key))
      r.problem(row, 'Test Report', `duplicate: the same evidence is on row ${seen.get(key)}`);
    else seen.set(key, row);
    if (problems.length > before || !epclId || !role || !title) continue;
    out.push({ row, epclId, role, title });
  }
  return out;
}

function readTestReports(sheet: ReadSheet, problems: Problem[]): TestReportLine[] {
  const r = new RowReader(sheet, problems);
  if (!r.requireColumns(['Title', 'Kind', 'State'])) return [];
  const out: TestReportLine[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const before = problems.length;
    const line = {
      row,
      title: r.text(row, cells, 'Title', true) ?? '',
      kind: r.oneOf(row, cells, 'Kind', REPORT_KINDS) ?? '',
      version: r.text(row, cells, 'Version'),
      state: r.oneOf(row, cells, 'State', REPORT_STATES) ?? '',
      tranche: r.int(row, cells, 'Tranche'),
      capabilityRelease: r.text(row, cells, 'Capability Release'),
      draftIssuedOn: r.date(row, cells, 'Draft Issued'),
      sharedOn: r.date(row, cells, 'Shared With Suppliers'),
      tagReviewedOn: r.date(row, cells, 'TAG Reviewed'),
      finalOn: r.date(row, cells, 'Final'),
      documentRef: r.text(row, cells, 'Document Ref'),
    };
    if (seen.has(line.title))
      r.problem(row, 'Title', `duplicate: test report "${line.title}" is on row ${seen.get(line.title)}`);
    else seen.set(line.title, row);
    if (problems.length === before) out.push(line);
  }
  return out;
}

type EntryState = {
  id: number;
  epclId: string;
  dmcId: number;
  status: string;
  basis: string | null;
  basisEntryId: number | null;
  state: string;
  dateFirstAdded: string | null;
};

/** Finds or creates catalogue rows and writes entries, recording each change; SQL in the transaction of `em`. */
class Writer {
  em!: EntityManager;
  position = { sheet: '', row: 0 };
  private cohorts = new Map<string, number>();
  private manufacturers = new Map<string, { id: number; identifier: string | null }>();
  private models = new Map<string, number>();
  private firmwares = new Map<string, number>();
  private dmcs = new Map<string, number>();
  private entriesById = new Map<string, EntryState>();
  private relations = new Set<string>();
  private testReports = new Map<string, number>();

  constructor(
    private readonly changes: Change[],
    private readonly source: string,
  ) {}

  onRow: () => void = () => undefined;

  at(sheet: string, row: number): void {
    if (row > 0) this.onRow();
    this.position = { sheet, row };
  }

  private q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em.execute<T[]>(sql, params);
  }

  private change(op: Change['op'], what: string, detail: string): void {
    this.changes.push({ op, what, detail });
  }

  async load(): Promise<void> {
    for (const c of await this.q<{ id: number; code: string }>('select id, code from cohort'))
      this.cohorts.set(c.code, c.id);
    for (const m of await this.q<{ id: number; name: string; manufacturer_identifier: string | null }>(
      'select id, name, manufacturer_identifier from manufacturer',
    ))
      this.manufacturers.set(m.name, { id: m.id, identifier: m.manufacturer_identifier });
    for (const m of await this.q<{
      id: number;
      manufacturer_id: number;
      device_type: string;
      model_name: string;
      hardware_version: string;
    }>('select id, manufacturer_id, device_type, model_name, hardware_version from device_model'))
      this.models.set(`${m.manufacturer_id}|${m.device_type}|${m.model_name}|${m.hardware_version}`, m.id);
    for (const f of await this.q<{ id: number; device_model_id: number; version_raw: string }>(
      'select id, device_model_id, version_raw from firmware_version',
    ))
      this.firmwares.set(`${f.device_model_id}|${f.version_raw}`, f.id);
    for (const d of await this.q<{ id: number; cohort_id: number; fingerprint: string }>(
      'select id, cohort_id, fingerprint from dmc',
    ))
      this.dmcs.set(`${d.cohort_id}|${d.fingerprint}`, d.id);
    for (const e of await this.q<{
      id: number;
      epcl_id: string;
      dmc_id: number;
      installation_status: string;
      basis: string | null;
      basis_entry_id: number | null;
      state: string;
      date_first_added: string | null;
    }>(
      `select id, epcl_id, dmc_id, installation_status, basis, basis_entry_id, state, date_first_added::text as date_first_added
         from epcl_entry where epcl_id is not null`,
    ))
      this.entriesById.set(e.epcl_id, {
        id: e.id,
        epclId: e.epcl_id,
        dmcId: e.dmc_id,
        status: e.installation_status,
        basis: e.basis,
        basisEntryId: e.basis_entry_id,
        state: e.state,
        dateFirstAdded: e.date_first_added,
      });
    for (const r of await this.q<{ kind: string; subject_id: number; basis_id: number }>(
      'select kind, subject_id, basis_id from dmc_relation',
    ))
      this.relations.add(`${r.kind}|${r.subject_id}|${r.basis_id}`);
    for (const t of await this.q<{ id: number; title: string }>('select id, title from test_report'))
      this.testReports.set(t.title, t.id);
  }

  async cohort(code: string, s1sp: string | null): Promise<number> {
    const known = this.cohorts.get(code);
    if (known !== undefined) return known;
    const capability = /^(IOC|MOC|FOC)/.exec(code)?.[1];
    if (!capability)
      throw ruleProblem(`unknown cohort ${code}: a new cohort code starts with IOC, MOC or FOC`);
    const [row] = await this.q<{ id: number }>(
      'insert into cohort (code, name, operating_capability, s1sp_name) values (?, ?, ?, ?) returning id',
      [code, code.replace(/_/g, ' '), capability, s1sp ?? code],
    );
    this.cohorts.set(code, row.id);
    this.change('added', 'cohort', code);
    return row.id;
  }

  async firmware(d: SlotDevice): Promise<number> {
    let m = this.manufacturers.get(d.manufacturer);
    if (!m) {
      const [row] = await this.q<{ id: number }>(
        'insert into manufacturer (name, manufacturer_identifier) values (?, ?) returning id',
        [d.manufacturer, d.manufacturerId],
      );
      m = { id: row.id, identifier: d.manufacturerId };
      this.manufacturers.set(d.manufacturer, m);
      this.change('added', 'manufacturer', d.manufacturer);
    } else if (d.manufacturerId !== null && m.identifier !== d.manufacturerId) {
      await this.q('update manufacturer set manufacturer_identifier = ? where id = ?', [
        d.manufacturerId,
        m.id,
      ]);
      this.change(
        'changed',
        'manufacturer',
        `${d.manufacturer}: ID ${m.identifier ?? '(none)'} → ${d.manufacturerId}`,
      );
      m.identifier = d.manufacturerId;
    }
    const modelKey = `${m.id}|${d.type}|${d.model}|${d.hardware}`;
    let modelId = this.models.get(modelKey);
    if (modelId === undefined) {
      const [row] = await this.q<{ id: number }>(
        'insert into device_model (manufacturer_id, device_type, model_name, hardware_version) values (?, ?, ?, ?) returning id',
        [m.id, d.type, d.model, d.hardware],
      );
      modelId = row.id;
      this.models.set(modelKey, modelId);
      this.change(
        'added',
        'device model',
        `${d.manufacturer} ${d.model} (${d.type}, hardware ${d.hardware})`,
      );
    }
    const fwKey = `${modelId}|${d.firmware}`;
    let fwId = this.firmwares.get(fwKey);
    if (fwId === undefined) {
      const n = normaliseFirmwareVersion(d.firmware);
      const [row] = await this.q<{ id: number }>(
        'insert into firmware_version (device_model_id, device_type, version_raw, version_hex, encoding) values (?, ?, ?, ?, ?) returning id',
        [modelId, d.type, n.raw, n.hex, n.encoding],
      );
      fwId = row.id;
      this.firmwares.set(fwKey, fwId);
      this.change('added', 'firmware', `${d.manufacturer} ${d.model} ${d.firmware}`);
    }
    return fwId;
  }

  async dmc(
    cohortCode: string,
    s1sp: string | null,
    devices: SlotDevice[],
    create = true,
  ): Promise<number | undefined> {
    const cohortId = await this.cohort(cohortCode, s1sp);
    const slots: { deviceType: DeviceType; firmwareVersionId: number }[] = [];
    for (const d of devices) {
      const fw = create ? await this.firmware(d) : this.lookupFirmware(d);
      if (fw === undefined) return undefined;
      slots.push({ deviceType: d.type as DeviceType, firmwareVersionId: fw });
    }
    const fingerprint = dmcFingerprint(slots);
    const key = `${cohortId}|${fingerprint}`;
    let id = this.dmcs.get(key);
    if (id === undefined && create) {
      const [row] = await this.q<{ id: number }>(
        'insert into dmc (cohort_id, fingerprint) values (?, ?) returning id',
        [cohortId, fingerprint],
      );
      id = row.id;
      const sorted = [...slots].sort((a, b) =>
        a.deviceType < b.deviceType ? -1 : a.deviceType > b.deviceType ? 1 : 0,
      );
      const counts = new Map<string, number>();
      for (const s of sorted) {
        const n = (counts.get(s.deviceType) ?? 0) + 1;
        counts.set(s.deviceType, n);
        await this.q(
          'insert into dmc_slot (dmc_id, device_type, slot_no, firmware_version_id) values (?, ?, ?, ?)',
          [id, s.deviceType, n, s.firmwareVersionId],
        );
      }
      this.dmcs.set(key, id);
      this.change(
        'added',
        'DMC',
        `${cohortCode} ${devices.map((d) => `${d.type} ${d.model} ${d.firmware}`).join(' + ')}`,
      );
    }
    return id;
  }

  private lookupFirmware(d: SlotDevice): number | undefined {
    const m = this.manufacturers.get(d.manufacturer);
    const model = m && this.models.get(`${m.id}|${d.type}|${d.model}|${d.hardware}`);
    return model === undefined ? undefined : this.firmwares.get(`${model}|${d.firmware}`);
  }

  private async relation(kind: DmcRelationKind, subject: number, basis: number): Promise<void> {
    const key = `${kind}|${subject}|${basis}`;
    if (this.relations.has(key)) return;
    await this.q(
      'insert into dmc_relation (kind, subject_id, basis_id, rationale, published_in) values (?, ?, ?, ?, ?)',
      [
        kind,
        subject,
        basis,
        `Recorded by the import of ${this.source}: an entry on this DMC rests on an entry of DMC ${basis}.`,
        this.source,
      ],
    );
    this.relations.add(key);
    this.change('added', 'DMC relation', `${kind} DMC ${subject} → DMC ${basis}`);
  }

  /** Writes the entries of an EPCL list or an Annex A (and, for Annex A, its evidence and report groups). */
  async entries(
    kind: 'epcl-list' | 'annex-a',
    lines: EntryLine[],
    extra: { report?: ReportFront; evidence: EvidenceLine[]; testReports: TestReportLine[] },
  ): Promise<void> {
    const dmcOf = new Map<EntryLine, number>();
    for (const l of lines) {
      this.at(l.sheet, l.row);
      dmcOf.set(l, (await this.dmc(l.cohort, l.s1sp, l.devices))!);
    }
    const inFile = new Map(lines.map((l) => [l.epclId, l]));
    for (const l of lines)
      if (l.basisEpclId && !inFile.has(l.basisEpclId) && !this.entriesById.has(l.basisEpclId)) {
        this.at(l.sheet, l.row);
        throw ruleProblem(
          `unknown basis EPCL ID ${l.basisEpclId}: neither in this file nor in the database`,
          'Basis EPCL ID',
        );
      }
    // Rule order: entries resting on nothing, then Clause 20.9 entries, then SE and child entries.
    const tier = (l: EntryLine) =>
      l.basis === EntryBasis.SUBSTANTIVELY_EQUIVALENT || l.basis === EntryBasis.CHILD_OF_TESTED
        ? 2
        : l.basis === EntryBasis.TESTED_VIA_DORMANT
          ? 1
          : 0;
    for (const t of [0, 1, 2])
      for (const l of lines.filter((x) => tier(x) === t)) {
        this.at(l.sheet, l.row);
        await this.entry(l, dmcOf.get(l)!, kind);
      }
    for (const t of extra.testReports) {
      if (this.testReports.has(t.title)) continue;
      this.at('Test Reports', t.row);
      const [row] = await this.q<{ id: number }>(
        `insert into test_report (kind, title, version, state, tranche, capability_release, draft_issued_on,
           shared_with_suppliers_on, tag_reviewed_on, final_on, document_ref)
         values (?, ?, ?, ?, ?, ?, ?::date, ?::date, ?::date, ?::date, ?) returning id`,
        [
          t.kind,
          t.title,
          t.version,
          t.state,
          t.tranche,
          t.capabilityRelease,
          t.draftIssuedOn,
          t.sharedOn,
          t.tagReviewedOn,
          t.finalOn,
          t.documentRef,
        ],
      );
      this.testReports.set(t.title, row.id);
      this.change('added', 'test report', t.title);
    }
    const existingEvidence = new Set(
      (
        await this.q<{ entry_id: number; test_report_id: number; role: string }>(
          'select entry_id, test_report_id, role from epcl_entry_evidence',
        )
      ).map((e) => `${e.entry_id}|${e.test_report_id}|${e.role}`),
    );
    for (const ev of extra.evidence) {
      this.at('Evidence', ev.row);
      const entry = this.entriesById.get(ev.epclId)!;
      const reportId = this.testReports.get(ev.title);
      if (reportId === undefined) throw ruleProblem(`unknown test report "${ev.title}"`, 'Test Report');
      if (existingEvidence.has(`${entry.id}|${reportId}|${ev.role}`)) continue;
      await this.q('insert into epcl_entry_evidence (entry_id, test_report_id, role) values (?, ?, ?)', [
        entry.id,
        reportId,
        ev.role,
      ]);
      this.change('added', 'evidence', `${ev.epclId} ${ev.role}: ${ev.title}`);
    }
    if (kind === 'epcl-list') {
      // Entries on the EPCL that the list no longer carries are removed from it.
      for (const e of this.entriesById.values())
        if (e.state === (EpclEntryState.ON_EPCL as string) && !inFile.has(e.epclId)) {
          this.at('', 0);
          await this.q(`update epcl_entry set state = 'REMOVED' where id = ?`, [e.id]);
          e.state = EpclEntryState.REMOVED;
          this.change('removed', 'EPCL entry', `${e.epclId} (state ON_EPCL → REMOVED)`);
        }
      return;
    }
    const report = extra.report!;
    this.at('Report', 0);
    let [reportRow] = await this.q<{ id: number }>('select id from epcl_report where number = ?', [
      report.number,
    ]);
    if (!reportRow) {
      const f = (k: string) => report.fields.get(k) ?? null;
      const title = f('Title');
      if (!title)
        throw ruleProblem(
          `EPCL report ${report.number} is not in the database and the file gives no Title for it`,
          'Title',
        );
      [reportRow] = await this.q<{ id: number }>(
        `insert into epcl_report (number, title, dmct_tranches, version, report_date, author_email, classification, state)
         values (?, ?, ?::int[], ?, ?::date, ?, ?, ?) returning id`,
        [
          report.number,
          title,
          `{${(f('DMCT Tranches') ?? '')
            .split(/\s*,\s*/)
            .filter(Boolean)
            .join(',')}}`,
          f('Version'),
          f('Date'),
          f('Author'),
          f('Classification'),
          'DRAFTING',
        ],
      );
      this.change(
        'added',
        'EPCL report',
        `${report.number} ${title} (DRAFTING: its state, criteria and volumes are not part of Annex A)`,
      );
    }
    const members = new Map(
      (
        await this.q<{ id: number; entry_id: number; report_group: string; annex_row: number | null }>(
          'select id, entry_id, report_group, annex_row from epcl_report_entry where report_id = ?',
          [reportRow.id],
        )
      ).map((m) => [m.entry_id, m]),
    );
    const wanted = new Set<number>();
    for (const group of [1, 2] as const)
      for (const [i, l] of lines.entries()) {
        if (l.group !== group) continue;
        this.at(l.sheet, l.row);
        const entry = this.entriesById.get(l.epclId)!;
        wanted.add(entry.id);
        const g = group === 1 ? 'GROUP_1_TESTED' : 'GROUP_2_SE';
        const m = members.get(entry.id);
        if (!m) {
          await this.q(
            'insert into epcl_report_entry (report_id, entry_id, report_group, annex_row) values (?, ?, ?, ?)',
            [reportRow.id, entry.id, g, i + 1],
          );
          this.change('added', 'report entry', `${l.epclId} in report ${report.number} group ${group}`);
        } else if (m.report_group !== g) {
          await this.q('update epcl_report_entry set report_group = ? where id = ?', [g, m.id]);
          this.change('changed', 'report entry', `${l.epclId}: ${m.report_group} → ${g}`);
        }
      }
    for (const [entryId, m] of members)
      if (!wanted.has(entryId)) {
        this.at('', 0);
        await this.q('delete from epcl_report_entry where id = ?', [m.id]);
        const e = [...this.entriesById.values()].find((x) => x.id === entryId);
        this.change('removed', 'report entry', `${e?.epclId ?? entryId} from report ${report.number}`);
      }
  }

  private async entry(l: EntryLine, dmcId: number, kind: 'epcl-list' | 'annex-a'): Promise<void> {
    const basis = l.basisEpclId ? this.entriesById.get(l.basisEpclId) : undefined;
    const basisDmc = basis?.dmcId;
    if (basisDmc !== undefined && basisDmc !== dmcId) {
      if (l.basis === EntryBasis.SUBSTANTIVELY_EQUIVALENT)
        await this.relation(DmcRelationKind.SUBSTANTIVELY_EQUIVALENT_TO, dmcId, basisDmc);
      if (l.basis === EntryBasis.CHILD_OF_TESTED)
        await this.relation(DmcRelationKind.CHILD_OF, dmcId, basisDmc);
    }
    const wanted = {
      dmcId,
      status: l.status,
      basis: l.basis,
      basisEntryId: basis?.id ?? null,
      state: l.state,
      // Annex A does not carry the date first added: keep what the database has.
      dateFirstAdded: kind === 'epcl-list' ? l.dateFirstAdded : undefined,
    };
    const have = this.entriesById.get(l.epclId);
    if (!have) {
      const [row] = await this.q<{ id: number; date_first_added: string | null }>(
        `insert into epcl_entry (epcl_id, dmc_id, installation_status, basis, basis_entry_id, state, date_first_added)
         values (?, ?, ?, ?, ?, ?, ?::date) returning id, date_first_added::text as date_first_added`,
        [l.epclId, dmcId, l.status, l.basis, wanted.basisEntryId, l.state, wanted.dateFirstAdded ?? null],
      );
      this.entriesById.set(l.epclId, {
        id: row.id,
        epclId: l.epclId,
        dmcId,
        status: l.status,
        basis: l.basis,
        basisEntryId: wanted.basisEntryId,
        state: l.state,
        dateFirstAdded: row.date_first_added,
      });
      this.change('added', 'EPCL entry', `${l.epclId} (${l.status}, ${l.basis ?? 'no basis'}, ${l.state})`);
      return;
    }
    const diffs: string[] = [];
    const sets: string[] = [];
    const params: unknown[] = [];
    const compare = (label: string, column: string, from: unknown, to: unknown, cast = '') => {
      if (to === undefined || from === to) return;
      diffs.push(`${label} ${asText(from ?? '(none)')} → ${asText(to ?? '(none)')}`);
      sets.push(`${column} = ?${cast}`);
      params.push(to);
    };
    compare('DMC', 'dmc_id', have.dmcId, wanted.dmcId);
    compare('status', 'installation_status', have.status, wanted.status);
    compare('basis', 'basis', have.basis, wanted.basis);
    compare('basis entry', 'basis_entry_id', have.basisEntryId, wanted.basisEntryId);
    compare('state', 'state', have.state, wanted.state);
    compare('date first added', 'date_first_added', have.dateFirstAdded, wanted.dateFirstAdded, '::date');
    if (!sets.length) return;
    await this.q(`update epcl_entry set ${sets.join(', ')} where id = ?`, [...params, have.id]);
    Object.assign(have, {
      dmcId: wanted.dmcId,
      status: wanted.status,
      basis: wanted.basis,
      basisEntryId: wanted.basisEntryId,
      state: wanted.state,
      dateFirstAdded: wanted.dateFirstAdded ?? have.dateFirstAdded,
    });
    this.change('changed', 'EPCL entry', `${l.epclId}: ${diffs.join(', ')}`);
  }

  /** A DMCT Status List row: the DMC must be catalogued; its entry for the status takes the listed state. */
  async statusLine(l: {
    row: number;
    cohort: string;
    status: string;
    state: string;
    epclId: string | null;
    devices: SlotDevice[];
  }): Promise<void> {
    if (!this.cohorts.has(l.cohort)) throw ruleProblem(`unknown cohort ${l.cohort}`, 'Cohort');
    const dmcId = await this.dmc(l.cohort, null, l.devices, false);
    if (dmcId === undefined)
      throw ruleProblem(
        'unknown DMC: no catalogued DMC of this cohort has these devices and firmware',
        'CHF Manufacturer',
      );
    const [entry] = await this.q<{ id: number; state: string; epcl_id: string | null }>(
      'select id, state, epcl_id from epcl_entry where dmc_id = ? and installation_status = ?',
      [dmcId, l.status],
    );
    if (!entry) {
      await this.q(
        'insert into epcl_entry (epcl_id, dmc_id, installation_status, state) values (?, ?, ?, ?)',
        [l.epclId, dmcId, l.status, l.state],
      );
      this.change('added', 'EPCL entry', `DMC ${dmcId} ${l.status} (${l.state})`);
    } else if (entry.state !== l.state) {
      await this.q('update epcl_entry set state = ? where id = ?', [l.state, entry.id]);
      this.change(
        'changed',
        'EPCL entry',
        `${entry.epcl_id ?? `DMC ${dmcId}`} ${l.status}: state ${entry.state} → ${l.state}`,
      );
    }
  }
}

/** A problem found while writing that is not a database error (reported like one, at the current row). */
class ImportRuleError extends Error {
  constructor(
    message: string,
    readonly column: string,
  ) {
    super(message);
  }
}
function ruleProblem(message: string, column = ''): ImportRuleError {
  return new ImportRuleError(message, column);
}
export { ImportRuleError };
