import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { parseCsv, csvField } from '../../src/modules/exchange/sheets';
import { dmc } from '../support/cli';
import { startTestServer, type TestServer } from '../support/server';

/** `dmc export` and `GET /exports/…` over the report 22 scenario. */
let t: TestServer;
let db: Client;
let dir: string;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-export-'));
});
afterAll(async () => {
  await db.end();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const supplier = (id: number) => ({
  'x-dev-viewer-role': 'SUPPLIER',
  'x-dev-viewer-supplier-id': String(id),
});
const base = () => t.server.url.replace(/\/graphql$/, '');

describe('csv', () => {
  it('quotes what needs quoting and reads it back', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', '002255', ''];
    const line = values.map(csvField).join(',');
    expect(line).toBe('plain,"a,b","say ""hi""","two\nlines"," padded",002255,');
    expect(parseCsv(line + '\r\n')).toEqual([values]);
  });
});

describe('dmc command line', () => {
  it('answers --help with 0, usage errors with 2', async () => {
    const help = await dmc(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dmc export <kind>');
    const bad = await dmc(['export', 'nonsense', '--out', 'x.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown export nonsense');
    expect((await dmc(['frobnicate'])).code).toBe(2);
  });

  it('exports the EPCL list as of a date and Annex A of report 22 as xlsx; an unknown report fails with 1', async () => {
    const list = path.join(dir, 'epcl.csv');
    const r = await dmc(['export', 'epcl-list', '--out', list, '--as-of', '2021-12-31'], t.databaseUrl);
    expect(r).toMatchObject({ code: 0 });
    const rows = parseCsv(fs.readFileSync(list, 'utf8'));
    const { rows: expected } = await db.query<{ n: number }>(
      `select count(*)::int as n from epcl_entry where state = 'ON_EPCL' and date_first_added <= '2021-12-31'`,
    );
    expect(rows.length - 1).toBe(expected[0].n);
    expect(rows[0].slice(0, 7)).toEqual([
      'EPCL ID',
      'Cohort',
      'S1SP',
      'Installation Status',
      'Basis',
      'Basis EPCL ID',
      'Date First Added',
    ]);
    expect(rows[1][0]).toBe('000001');

    const annex = path.join(dir, 'annex.xlsx');
    expect((await dmc(['export', 'annex-a', '--report', '22', '--out', annex], t.databaseUrl)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annex);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annex A', 'Evidence', 'Test Reports', 'Report']);
    const sheet = wb.getWorksheet('Annex A')!;
    expect(sheet.rowCount - 1).toBe(435);
    const ids: string[] = [];
    sheet.eachRow((row, n) => n > 1 && ids.push(row.getCell(2).value as string));
    expect(ids).toContain('002255');
    expect(typeof ids[0]).toBe('string');

    const missing = await dmc(
      ['export', 'volumes', '--report', '99', '--out', path.join(dir, 'v.csv')],
      t.databaseUrl,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no EPCL report number 99');
    expect(fs.existsSync(path.join(dir, 'v.csv'))).toBe(false);
  });
});

describe('GET /exports', () => {
  it('serves the volume tables as csv: published beside recomputed', async () => {
    const res = await fetch(`${base()}/exports/volumes.csv?report=22`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      'Table',
      'Row',
      'Figures',
      'Installs Active',
      'Installs Dormant',
      'Installs Mixed',
      'Devices Active',
      'Devices Dormant',
      'Devices Mixed',
    ]);
    const recomputed = rows.find(
      (r) => r[0] === 'Overall' && r[1].startsWith('Potential FW upgrades') && r[2] === 'Recomputed',
    )!;
    const installs = recomputed.slice(3, 6).map(Number);
    expect(installs.reduce((a, b) => a + b, 0)).toBe(900);
    expect(rows.filter((r) => r[2] === 'Published').every((r) => r.slice(3).every((v) => v === '0'))).toBe(
      true,
    );
  });

  it('scopes candidates and installations to a supplier viewer; catalogue exports are open', async () => {
    const all = parseCsv(await (await fetch(`${base()}/exports/candidates.csv?report=22`)).text()).slice(1);
    expect(all.length).toBe(900);
    const { rows } = await db.query<{ id: number; name: string }>(
      'select id, name from supplier order by id limit 1',
    );
    const own = parseCsv(
      await (
        await fetch(`${base()}/exports/candidates.csv?report=22`, { headers: supplier(rows[0].id) })
      ).text(),
    ).slice(1);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    expect(own.every((r) => r[1] === rows[0].name)).toBe(true);

    const other = await fetch(`${base()}/exports/installations.csv?supplierId=${rows[0].id + 1}`, {
      headers: supplier(rows[0].id),
    });
    expect(other.status).toBe(403);
    const list = await fetch(`${base()}/exports/epcl-list.xlsx`, { headers: supplier(rows[0].id) });
    expect(list.status).toBe(200);
    expect((await fetch(`${base()}/exports/annex-a.csv?report=99`)).status).toBe(404);
    expect((await fetch(`${base()}/exports/whatever.csv`)).status).toBe(404);
  });
});

describe('GET /exports abandoned by the client', () => {
  it('releases its database connection: more aborted downloads than the pool holds, then a normal one', async () => {
    for (let i = 0; i < 12; i++) {
      const abort = new AbortController();
      const res = await fetch(`${base()}/exports/installations.csv`, { signal: abort.signal });
      const reader = res.body!.getReader();
      await reader.read();
      abort.abort();
      await reader.cancel().catch(() => undefined);
    }
    const res = await fetch(`${base()}/exports/volumes.csv?report=22`);
    expect(res.status).toBe(200);
    expect(parseCsv(await res.text()).length).toBeGreaterThan(10);
  });
});

describe('dmc import', () => {
  it('refuses a file with problems by sheet, row and column, with exit code 1', async () => {
    const file = path.join(dir, 'broken.csv');
    fs.writeFileSync(
      file,
      'EPCL ID,Cohort,Installation Status,Basis,Basis EPCL ID,Date First Added,CHF Manufacturer,CHF Model,CHF Hardware Version,CHF Firmware Version\r\n' +
        '12345,MOC_SECURE,ACTIVE,TESTED,,2021-12-03,Acme,C1,1.0,0001\r\n',
    );
    const r = await dmc(['import', 'epcl-list', file, '--dry-run'], t.databaseUrl);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused, nothing was written');
    expect(r.stderr).toContain('sheet "EPCL", row 2, column "EPCL ID": bad EPCL ID "12345"');
    expect(r.stderr).toContain('a DMC has at least one meter');
    expect((await dmc(['import', 'nonsense', file])).code).toBe(2);
  });
});
