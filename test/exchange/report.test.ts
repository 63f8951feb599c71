import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SqlPool } from '../../src/core/db/sql-pool';
import { DEVELOPMENT_VIEWER } from '../../src/core/graphql/context';
import { exportReader } from '../../src/modules/exchange/export.service';
import { loadReport, renderHtml, writeReportXlsx } from '../../src/modules/exchange/report.service';
import { dmc } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/db';

/** `dmc report 22` regenerates report 22's structure from the seeded database. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** The rows of the Markdown table that follows `heading`. */
function tableAfter(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((l, i) => i > start && l.startsWith('| '));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i].startsWith('| '); i++)
    rows.push(lines[i].slice(2, -2).split(' | '));
  return rows;
}

describe('dmc report 22 --format md', () => {
  it('prints the front matter, 435 entries, the ten LSC rows with their RAG, the volume tables and Annex D', async () => {
    const r = await dmc(['report', '22', '--format', 'md'], database.url);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.startsWith('# EPCL Report 22 - DMCT Tranche 44, 46\n')).toBe(true);
    expect(md).toContain('| Objection Deadline | 2021-12-10 |');

    const annexA = tableAfter(
      md,
      '## Annex A – EPCL entries Requested for Eligible Product Combination List',
    );
    expect(annexA).toHaveLength(435);
    expect(annexA.filter((row) => row[0] === '1').map((row) => row[1])).toEqual(
      expect.arrayContaining(['002254', '002255', '002369', '002370']),
    );
    expect(annexA.find((row) => row[1] === '002255')?.[5]).toBe('TESTED_VIA_DORMANT');

    const lsc = tableAfter(md, '## 2. Live Service Criteria Assessment');
    expect(lsc.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(lsc.map((row) => row[2])).toEqual(['G', 'G', 'G', 'N/A', 'G', 'G', 'G', 'G', 'G', 'G']);

    const published = tableAfter(md, '**Overall: as published**');
    expect(published.map((row) => row[0])).toEqual([
      'Requested EPCL entries (tested and SE) at target FW',
      'Potential FW upgrades to target FW (tested and SE)',
      'Totals by Installation Status',
      'Totals',
    ]);
    expect(published[0].slice(1)).toEqual(['0', '0', '0', '0', '0', '0']);
    const recomputed = tableAfter(md, '**Overall: recomputed from the inventory**');
    expect(recomputed[3][1]).toBe('900');
    for (const t of ['Group 1', 'Group 2']) expect(md).toContain(`**${t}: as published**`);
    expect(tableAfter(md, '## Annex D – Mapping to Clause 20 of the SVTAD').map((row) => row[1])).toContain(
      '20.41',
    );

    const missing = await dmc(['report', '99'], database.url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no EPCL report number 99');
  });

  it('renders the same sections as HTML and as a workbook', async () => {
    const pool = new SqlPool(database.url, { max: 2 });
    try {
      const model = await loadReport(exportReader(pool, DEVELOPMENT_VIEWER), 22);
      const html = renderHtml(model);
      expect(html).toContain('<h2>2. Live Service Criteria Assessment</h2>');
      expect(html.match(/class="rag-G"/g)?.length).toBe(9);
      const file = path.join(os.tmpdir(), `report-22-${process.pid}.xlsx`);
      await writeReportXlsx(model, fs.createWriteStream(file));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      fs.rmSync(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Report',
        'Context',
        'Live Service Criteria',
        'Risk Register',
        'Confirmation',
        'Objection Window',
        'Annex A',
        'Annex D',
      ]);
      expect(wb.getWorksheet('Annex A')!.rowCount).toBe(436);
    } finally {
      await pool.close();
    }
  });
});
