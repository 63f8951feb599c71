import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Writing and reading tabular files (xlsx with exceljs, csv by hand), sheet by sheet and row by row, so an
 * export of any size streams. Cell types: `text` (IDs stay text, leading zeros kept), `int`, `date`
 * (ISO `YYYY-MM-DD` in and out of the code; a real date cell in xlsx).
 */
export type CellType = 'text' | 'int' | 'date';
export type Column = { header: string; type: CellType; width?: number };
export type Cell = string | number | null;
export type Format = 'xlsx' | 'csv';

export interface SheetSink {
  row(values: readonly Cell[]): Promise<void>;
}

export interface TableWriter {
  /** Starts a sheet. A csv file holds one sheet only: later sheets are skipped (their rows are discarded). */
  sheet(name: string, columns: readonly Column[]): Promise<SheetSink>;
  finish(): Promise<void>;
}

/** Any value as text for a cell or a message: primitives as they print, dates as ISO, objects as JSON. */
export function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? '';
}

/** A csv field: quoted when it holds a comma, quote, CR or LF (or leading/trailing space), quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class OutputClosed extends Error {
  constructor() {
    super('the output was closed before the export finished (e.g. the client went away)');
  }
}

/** Resolves when `out` can take more data; rejects when it is closed or fails first. */
function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new OutputClosed());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new OutputClosed());
    const onError = (error: Error) => done(error);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}

const write = async (out: Writable, chunk: string) => {
  if (out.destroyed) throw new OutputClosed();
  if (!out.write(chunk)) await drained(out);
};

function csvWriter(out: Writable): TableWriter {
  let sheets = 0;
  return {
    async sheet(_name, columns) {
      if (sheets++ > 0) return { row: async () => undefined };
      await write(out, columns.map((c) => csvField(c.header)).join(',') + '\r\n');
      return { row: (values) => write(out, values.map(csvField).join(',') + '\r\n') };
    },
    async finish() {
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(() => resolve());
      });
    },
  };
}

const isoToDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function xlsxWriter(out: Writable): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  let current: ExcelJS.Worksheet | undefined;
  let written = 0;
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });
  return {
    async sheet(name, columns) {
      current?.commit();
      const ws = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c) => ({
        header: c.header,
        width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)),
        style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'text' ? { numFmt: '@' } : {},
      }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      current = ws;
      return {
        async row(values) {
          // Backpressure: exceljs writes into a zip stream piped to `out`; when `out` (a slow HTTP client,
          // a disk) lags, wait for it rather than buffering the rows in memory.
          if (++written % 500 === 0) await drained(out);
          ws.addRow(
            values.map((v, i) =>
              v === null ? null : columns[i]?.type === 'date' ? isoToDate(String(v)) : v,
            ),
          ).commit();
        },
      };
    },
    async finish() {
      current?.commit();
      await workbook.commit();
      await done;
    },
  };
}

export function tableWriter(format: Format, out: Writable): TableWriter {
  return format === 'csv' ? csvWriter(out) : xlsxWriter(out);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** A sheet as read: its header cells and its rows (1-based `row` as a spreadsheet shows it). */
export type ReadSheet = {
  name: string;
  headers: string[];
  rows: { row: number; cells: (string | number | Date | null)[] }[];
};

/** Parses csv text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellValue(v: ExcelJS.CellValue): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return asText(v.text);
    if ('result' in v) return cellValue(v.result);
  }
  return asText(v);
}

/** Reads every sheet of a workbook (xlsx) or the single sheet of a csv file (named after `csvSheet`). */
export async function readTables(file: string, csvSheet: string): Promise<ReadSheet[]> {
  if (/\.csv$/i.test(file)) {
    const fs = await import('node:fs/promises');
    const [headers = [], ...rest] = parseCsv(await fs.readFile(file, 'utf8'));
    return [
      {
        name: csvSheet,
        headers: headers.map((h) => h.trim()),
        rows: rest
          .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c === '' ? null : c)) }))
          .filter((r) => r.cells.some((c) => c !== null)),
      },
    ];
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((ws) => {
    const headers: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      headers[col - 1] = String(cellValue(cell.value) ?? '').trim();
    });
    const rows: ReadSheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      if (n === 1) return;
      const cells: ReadSheet['rows'][number]['cells'] = [];
      for (let c = 1; c <= headers.length; c++) cells.push(cellValue(r.getCell(c).value));
      if (cells.some((c) => c !== null && c !== '')) rows.push({ row: n, cells });
    });
    return { name: ws.name, headers, rows };
  });
}
