import {
  DeviceType,
  EntryBasis,
  EpclEntryState,
  EvidenceRole,
  InstallationStatus,
  TestReportKind,
  TestReportState,
} from '../common/enums';
import { DEVICE_FIELDS, DEVICE_ORDER, type SlotDevice } from './layouts';
import type { ReadSheet } from './sheets';

/**
 * Validation of imported sheets, before anything is written: every problem is reported with its sheet, row
 * (as the spreadsheet numbers it; the header is row 1) and column. Pure: no database.
 */
export type Problem = { sheet: string; row: number; column: string; message: string };

type Raw = string | number | Date | null;

export class RowReader {
  constructor(
    readonly sheet: ReadSheet,
    readonly problems: Problem[],
  ) {}

  private index(column: string): number {
    return this.sheet.headers.indexOf(column);
  }

  has(column: string): boolean {
    return this.index(column) >= 0;
  }

  /** Reports each required column the header lacks; returns false when any is missing. */
  requireColumns(columns: readonly string[]): boolean {
    const missing = columns.filter((c) => !this.has(c));
    for (const c of missing) this.problem(1, c, `missing column "${c}"`);
    return missing.length === 0;
  }

  problem(row: number, column: string, message: string): void {
    this.problems.push({ sheet: this.sheet.name, row, column, message });
  }

  raw(cells: Raw[], column: string): Raw {
    const i = this.index(column);
    return i < 0 ? null : (cells[i] ?? null);
  }

  /** Text; a number where text is expected is a wrong type (it would lose leading zeros). */
  text(row: number, cells: Raw[], column: string, required = false): string | null {
    const v = this.raw(cells, column);
    if (v === null || v === '') {
      if (required) this.problem(row, column, 'a value is required');
      return null;
    }
    if (typeof v !== 'string') {
      this.problem(
        row,
        column,
        `wrong type: expected text, got ${v instanceof Date ? 'a date' : `the number ${v}`}`,
      );
      return null;
    }
    return v.trim();
  }

  int(row: number, cells: Raw[], column: string, required = false): number | null {
    const v = this.raw(cells, column);
    if (v === null || v === '') {
      if (required) this.problem(row, column, 'a value is required');
      return null;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) {
      this.problem(row, column, `wrong type: expected a whole number, got ${JSON.stringify(v)}`);
      return null;
    }
    return n;
  }

  /** A date cell or ISO `YYYY-MM-DD` text, as ISO text. */
  date(row: number, cells: Raw[], column: string, required = false): string | null {
    const v = this.raw(cells, column);
    if (v === null || v === '') {
      if (required) this.problem(row, column, 'a date is required');
      return null;
    }
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) {
      const d = new Date(`${v.trim()}T00:00:00Z`);
      if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v.trim()) return v.trim();
    }
    this.problem(row, column, `bad date ${JSON.stringify(v)}: expected a date (YYYY-MM-DD)`);
    return null;
  }

  oneOf<T extends string>(
    row: number,
    cells: Raw[],
    column: string,
    allowed: readonly T[],
    required = true,
  ): T | null {
    const v = this.text(row, cells, column, required);
    if (v === null) return null;
    if (!(allowed as readonly string[]).includes(v)) {
      this.problem(row, column, `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
      return null;
    }
    return v as T;
  }

  epclId(row: number, cells: Raw[], column: string, required = true): string | null {
    const v = this.text(row, cells, column, required);
    if (v !== null && !/^\d{6}$/.test(v)) {
      this.problem(
        row,
        column,
        `bad EPCL ID ${JSON.stringify(v)}: expected 6 digits, zero-padded (e.g. 002255)`,
      );
      return null;
    }
    return v;
  }

  /** A firmware version written as hex (`0x…`) must be hex; other forms are kept as published. */
  firmwareHex(row: number, firmware: string | null, column: string): boolean {
    if (firmware === null || !/^0x/i.test(firmware) || /^0x[0-9A-Fa-f]{1,8}$/.test(firmware)) return true;
    this.problem(row, column, `bad hex ${JSON.stringify(firmware)}: expected 0x and 1-8 hex digits`);
    return false;
  }

  /** The device columns of a row (`CHF Manufacturer`, …, `PPMID 2 Firmware Version`). */
  devices(row: number, cells: Raw[]): SlotDevice[] | null {
    const groups = new Set<string>();
    for (const h of this.sheet.headers) {
      const m = /^(\w+(?: \d+)?) Manufacturer$/.exec(h);
      if (m && (DEVICE_ORDER as readonly string[]).includes(m[1].split(' ')[0])) groups.add(m[1]);
    }
    const devices: SlotDevice[] = [];
    let ok = true;
    for (const g of groups) {
      const col = (suffix: string) => `${g} ${suffix}`;
      const filled = DEVICE_FIELDS.some((f) => {
        const v = this.raw(cells, col(f.suffix));
        return v !== null && v !== '';
      });
      if (!filled) continue;
      const manufacturer = this.text(row, cells, col('Manufacturer'), true);
      const manufacturerId = this.text(row, cells, col('Manufacturer ID'));
      if (manufacturerId !== null && !/^[0-9A-F]{4}$/.test(manufacturerId)) {
        this.problem(
          row,
          col('Manufacturer ID'),
          `bad hex ${JSON.stringify(manufacturerId)}: expected 4 upper-case hex digits`,
        );
        ok = false;
      }
      const model = this.text(row, cells, col('Model'), true);
      const hardware = this.text(row, cells, col('Hardware Version'), true);
      const firmware = this.text(row, cells, col('Firmware Version'), true);
      if (!this.firmwareHex(row, firmware, col('Firmware Version'))) ok = false;
      if (manufacturer === null || model === null || hardware === null || firmware === null) {
        ok = false;
        continue;
      }
      devices.push({ type: g.split(' ')[0], manufacturer, manufacturerId, model, hardware, firmware });
    }
    if (!ok) return null;
    const type = (d: { type: string }) => d.type as DeviceType;
    if (devices.filter((d) => type(d) === DeviceType.CHF).length !== 1)
      this.problem(row, 'CHF Manufacturer', 'a DMC has exactly one comms hub (CHF)');
    else if (!devices.some((d) => type(d) === DeviceType.ESME || type(d) === DeviceType.GSME))
      this.problem(row, 'ESME Manufacturer', 'a DMC has at least one meter (ESME or GSME)');
    else return devices;
    return null;
  }
}

export const STATUSES = Object.values(InstallationStatus);
export const BASES = Object.values(EntryBasis);
export const ENTRY_STATES = Object.values(EpclEntryState);
export const ROLES = Object.values(EvidenceRole);
export const REPORT_KINDS = Object.values(TestReportKind);
export const REPORT_STATES = Object.values(TestReportState);

/** An entry as a file states it. */
export type EntryLine = {
  sheet: string;
  row: number;
  epclId: string;
  cohort: string;
  s1sp: string | null;
  status: string;
  basis: string | null;
  basisEpclId: string | null;
  state: string;
  dateFirstAdded: string | null;
  group: 1 | 2 | null;
  devices: SlotDevice[];
};

/** Reads entry rows (EPCL list or Annex A), reporting duplicates of EPCL ID and of DMC × status. */
export function readEntries(
  sheet: ReadSheet,
  problems: Problem[],
  kind: 'epcl-list' | 'annex-a',
): EntryLine[] {
  const r = new RowReader(sheet, problems);
  const required =
    kind === 'epcl-list'
      ? [
          'EPCL ID',
          'Cohort',
          'Installation Status',
          'Basis',
          'Basis EPCL ID',
          'Date First Added',
          'CHF Manufacturer',
        ]
      : [
          'Group',
          'EPCL ID',
          'Cohort',
          'Installation Status',
          'State',
          'Basis',
          'Basis EPCL ID',
          'CHF Manufacturer',
        ];
  if (!r.requireColumns(required)) return [];
  const out: EntryLine[] = [];
  const seenId = new Map<string, number>();
  const seenDmc = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const before = problems.length;
    const epclId = r.epclId(row, cells, 'EPCL ID');
    const cohort = r.text(row, cells, 'Cohort', true);
    const s1sp = r.text(row, cells, 'S1SP');
    const status = r.oneOf(row, cells, 'Installation Status', STATUSES);
    const basis = r.oneOf(row, cells, 'Basis', BASES, false);
    const basisEpclId = r.epclId(row, cells, 'Basis EPCL ID', false);
    const state = kind === 'annex-a' ? r.oneOf(row, cells, 'State', ENTRY_STATES) : EpclEntryState.ON_EPCL;
    const dateFirstAdded = r.date(row, cells, 'Date First Added', kind === 'epcl-list');
    let group: 1 | 2 | null = null;
    if (kind === 'annex-a') {
      const g = r.int(row, cells, 'Group', true);
      if (g !== null && g !== 1 && g !== 2) r.problem(row, 'Group', `group ${g} is not 1 or 2`);
      else group = g;
    }
    const devices = r.devices(row, cells);
    if (basis !== null && basis !== EntryBasis.TESTED && basisEpclId === null && problems.length === before)
      r.problem(row, 'Basis EPCL ID', `an entry on the ${basis} basis names the entry it rests on`);
    if (epclId !== null) {
      const first = seenId.get(epclId);
      if (first !== undefined)
        r.problem(row, 'EPCL ID', `duplicate: EPCL ID ${epclId} is already on row ${first}`);
      else seenId.set(epclId, row);
    }
    if (devices && cohort && status) {
      const key = `${cohort}|${status}|${devices
        .map((d) => `${d.type}:${d.manufacturer}:${d.model}:${d.hardware}:${d.firmware}`)
        .sort()
        .join('+')}`;
      const first = seenDmc.get(key);
      if (first !== undefined)
        r.problem(row, 'EPCL ID', `duplicate: the same DMC and installation status are on row ${first}`);
      else seenDmc.set(key, row);
    }
    if (problems.length > before || !epclId || !cohort || !status || !state || !devices) continue;
    out.push({
      sheet: sheet.name,
      row,
      epclId,
      cohort,
      s1sp,
      status,
      basis,
      basisEpclId,
      state,
      dateFirstAdded,
      group,
      devices,
    });
  }
  return out;
}
