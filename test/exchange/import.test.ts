import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate, ormConfig } from '../../src/app/database';
import { SqlPool } from '../../src/core/db/sql-pool';
import { DEVELOPMENT_VIEWER } from '../../src/core/graphql/context';
import { exportReader, writeExport, type ExportKind } from '../../src/modules/exchange/export.service';
import { importFile, type ImportKind } from '../../src/modules/exchange/import.service';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { withDatabase } from '../support/global-setup';

jest.setTimeout(300_000);

/**
 * Round trip: the EPCL list and report 22's Annex A exported from the seeded database and imported into an
 * empty (migrated, unseeded) one give the same entries, DMCs, devices and firmware; a second import changes
 * nothing; corrupted files are refused with sheet/row/column problems and leave the database unchanged.
 */
let source: TestDatabase;
let empty: { url: string; drop(): Promise<void> };
let orm: MikroORM;
let dir: string;
const AS_OF = '2021-12-31';

async function createEmptyDatabase() {
  const name = `dmc_test_empty_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(process.env.TEST_ADMIN_URL!, name);
  await migrate(url);
  return {
    url,
    drop: async () => {
      const a = new Client({ connectionString: process.env.TEST_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function exportTo(kind: ExportKind, file: string, options: { asOf?: string; report?: number } = {}) {
  const pool = new SqlPool(source.url, { max: 2 });
  try {
    await writeExport(
      exportReader(pool, DEVELOPMENT_VIEWER),
      kind,
      { format: 'xlsx', ...options },
      fs.createWriteStream(file),
    );
  } finally {
    await pool.close();
  }
}

const run = (kind: ImportKind, file: string, dryRun = false) => importFile(orm, kind, file, { dryRun });

/** Entries with their DMC's cohort and devices (natural keys only: ids differ between databases). */
async function snapshot(url: string, epclIds: string[]) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const entries = await db.query(
      `select e.epcl_id, e.installation_status, e.basis, b.epcl_id as basis_epcl_id, e.state, e.date_first_added::text as added,
              co.code as cohort,
              (select string_agg(s.device_type || '|' || m.name || '|' || coalesce(m.manufacturer_identifier, '') || '|' || dm.model_name || '|' ||
                                 dm.hardware_version || '|' || f.version_raw || '|' || coalesce(f.version_hex, '') || '|' || f.encoding, ' + '
                                 order by s.device_type, f.version_raw)
                 from dmc_slot s join firmware_version f on f.id = s.firmware_version_id join device_model dm on dm.id = f.device_model_id
                 join manufacturer m on m.id = dm.manufacturer_id where s.dmc_id = e.dmc_id) as devices,
              (select string_agg(ev.role || ':' || t.title, ' ; ' order by ev.role, t.title) from epcl_entry_evidence ev
                 join test_report t on t.id = ev.test_report_id where ev.entry_id = e.id) as evidence
         from epcl_entry e join dmc d on d.id = e.dmc_id join cohort co on co.id = d.cohort_id
         left join epcl_entry b on b.id = e.basis_entry_id
        where e.epcl_id = any($1) order by e.epcl_id`,
      [epclIds],
    );
    const dmcs = await db.query<{ n: number }>(
      `select count(distinct e.dmc_id)::int as n from epcl_entry e where e.epcl_id = any($1)`,
      [epclIds],
    );
    const groups = await db.query(
      `select e.epcl_id, re.report_group from epcl_report_entry re join epcl_report r on r.id = re.report_id
         join epcl_entry e on e.id = re.entry_id where r.number = 22 order by e.epcl_id`,
    );
    return { entries: entries.rows, dmcs: dmcs.rows[0].n, groups: groups.rows };
  } finally {
    await db.end();
  }
}

async function counts(url: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{
      entries: number;
      dmcs: number;
      firmware: number;
      manufacturers: number;
    }>(
      `select (select count(*) from epcl_entry)::int as entries, (select count(*) from dmc)::int as dmcs,
              (select count(*) from firmware_version)::int as firmware, (select count(*) from manufacturer)::int as manufacturers`,
    );
    return rows[0];
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-import-'));
  source = await createTestDatabase();
  empty = await createEmptyDatabase();
  orm = await MikroORM.init(ormConfig(empty.url, { pool: { min: 0, max: 2 } }));
  await exportTo('epcl-list', path.join(dir, 'epcl.xlsx'), { asOf: AS_OF });
  await exportTo('annex-a', path.join(dir, 'annex-a.xlsx'), { report: 22 });
});
afterAll(async () => {
  await orm?.close(true);
  await empty?.drop();
  await source?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of a workbook with `change` applied to its first sheet. */
async function corrupt(from: string, name: string, change: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, from));
  change(wb.worksheets[0]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
const columnOf = (ws: ExcelJS.Worksheet, header: string) => {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  return found;
};

describe('corrupted files are refused with sheet, row and column, and nothing is written', () => {
  const cases: [
    string,
    (ws: ExcelJS.Worksheet) => void,
    { sheet: string; row: number; column: string; message: RegExp },
  ][] = [
    [
      'bad EPCL ID',
      (ws) => (ws.getCell(3, columnOf(ws, 'EPCL ID')).value = '22X55'),
      { sheet: 'EPCL', row: 3, column: 'EPCL ID', message: /bad EPCL ID/ },
    ],
    [
      'EPCL ID as a number (wrong type)',
      (ws) => (ws.getCell(4, columnOf(ws, 'EPCL ID')).value = 2255),
      { sheet: 'EPCL', row: 4, column: 'EPCL ID', message: /wrong type: expected text/ },
    ],
    [
      'bad hex',
      (ws) => (ws.getCell(5, columnOf(ws, 'CHF Manufacturer ID')).value = 'ZZ12'),
      { sheet: 'EPCL', row: 5, column: 'CHF Manufacturer ID', message: /bad hex/ },
    ],
    [
      'duplicate row',
      (ws) => {
        const values = ws.getRow(2).values as ExcelJS.CellValue[];
        ws.getRow(ws.rowCount + 1).values = values;
      },
      { sheet: 'EPCL', row: -1, column: 'EPCL ID', message: /duplicate: EPCL ID .* is already on row 2/ },
    ],
    [
      'missing column',
      (ws) => ws.spliceColumns(columnOf(ws, 'Installation Status'), 1),
      { sheet: 'EPCL', row: 1, column: 'Installation Status', message: /missing column/ },
    ],
    [
      'wrong date',
      (ws) => (ws.getCell(6, columnOf(ws, 'Date First Added')).value = '2021-13-45'),
      { sheet: 'EPCL', row: 6, column: 'Date First Added', message: /bad date/ },
    ],
  ];
  it.each(cases)('%s', async (name, change, expected) => {
    const before = await counts(empty.url);
    let duplicateRow = 0;
    const file = await corrupt('epcl.xlsx', `${name.replace(/\W+/g, '-')}.xlsx`, (ws) => {
      change(ws);
      duplicateRow = ws.rowCount;
    });
    const result = await run('epcl-list', file);
    expect(result.written).toBe(false);
    expect(result.problems).toContainEqual({
      sheet: expected.sheet,
      row: expected.row === -1 ? duplicateRow : expected.row,
      column: expected.column,
      message: expect.stringMatching(expected.message) as string,
    });
    expect(await counts(empty.url)).toEqual(before);
  });
});

describe('round trip into an empty database', () => {
  it('imports the EPCL list and Annex A, compares equal, and a second import changes nothing', async () => {
    const epcl = await run('epcl-list', path.join(dir, 'epcl.xlsx'));
    expect(epcl.problems).toEqual([]);
    expect(epcl.written).toBe(true);
    const dry = await run('annex-a', path.join(dir, 'annex-a.xlsx'), true);
    expect(dry.problems).toEqual([]);
    expect(dry.changes.filter((c) => c.what === 'EPCL entry')).toHaveLength(435);
    expect((await counts(empty.url)).entries).toBe(
      epcl.changes.filter((c) => c.what === 'EPCL entry').length,
    );
    const annex = await run('annex-a', path.join(dir, 'annex-a.xlsx'));
    expect(annex.problems).toEqual([]);

    const src = new Client({ connectionString: source.url });
    await src.connect();
    const { rows } = await src.query<{ epcl_id: string }>(
      `select e.epcl_id from epcl_entry e where (e.state = 'ON_EPCL' and e.date_first_added <= $1)
          or e.id in (select entry_id from epcl_report_entry re join epcl_report r on r.id = re.report_id where r.number = 22)`,
      [AS_OF],
    );
    await src.end();
    const ids = rows.map((r) => r.epcl_id);
    expect(ids.length).toBeGreaterThan(435);
    const [a, b] = await Promise.all([snapshot(source.url, ids), snapshot(empty.url, ids)]);
    expect(b.entries).toHaveLength(ids.length);
    expect(b.entries).toEqual(a.entries);
    expect(b.dmcs).toBe(a.dmcs);
    expect(b.groups).toEqual(a.groups);

    for (const [kind, file] of [
      ['epcl-list', 'epcl.xlsx'],
      ['annex-a', 'annex-a.xlsx'],
    ] as const) {
      const again = await run(kind, path.join(dir, file));
      expect(again.problems).toEqual([]);
      expect(again.changes).toEqual([]);
    }
  });
});

describe('device models and the DMCT Status List', () => {
  it('imports device models and firmware once, refusing bad hex', async () => {
    const header = 'Device Type,Manufacturer,Manufacturer ID,Model,Hardware Version,Firmware Version\r\n';
    const good = path.join(dir, 'models.csv');
    fs.writeFileSync(
      good,
      header +
        'ESME,Test Devices Ltd,1A2B,TD-E1,1.0,0x1234\r\nESME,Test Devices Ltd,1A2B,TD-E1,1.0,00001235\r\n',
    );
    const first = await run('device-models', good);
    expect(first.problems).toEqual([]);
    expect(first.changes.map((c) => c.what)).toEqual([
      'manufacturer',
      'device model',
      'firmware',
      'firmware',
    ]);
    expect((await run('device-models', good)).changes).toEqual([]);

    const bad = path.join(dir, 'models-bad.csv');
    fs.writeFileSync(
      bad,
      header + 'ESME,Test Devices Ltd,XYZ1,TD-E1,1.0,0x1236\r\nESME,Test Devices Ltd,,TD-E1,1.0,0xZZ\r\n',
    );
    const refused = await run('device-models', bad);
    expect(refused.problems).toEqual([
      {
        sheet: 'Device Models',
        row: 2,
        column: 'Manufacturer ID',
        message: expect.stringMatching(/bad hex/) as string,
      },
      {
        sheet: 'Device Models',
        row: 3,
        column: 'Firmware Version',
        message: expect.stringMatching(/bad hex/) as string,
      },
    ]);
  });

  it('moves a catalogued DMC’s entry along the pipeline and refuses an unknown DMC', async () => {
    const db = new Client({ connectionString: empty.url });
    await db.connect();
    const { rows } = await db.query<{
      device_type: string;
      name: string;
      model_name: string;
      hardware_version: string;
      version_raw: string;
    }>(
      `select s.device_type, m.name, dm.model_name, dm.hardware_version, f.version_raw
         from epcl_entry e join dmc_slot s on s.dmc_id = e.dmc_id join firmware_version f on f.id = s.firmware_version_id
         join device_model dm on dm.id = f.device_model_id join manufacturer m on m.id = dm.manufacturer_id
        where e.epcl_id = '002255' order by s.device_type`,
    );
    const types = rows.map((r) => r.device_type);
    const header = [
      'Cohort',
      'Installation Status',
      'State',
      'EPCL ID',
      ...types.flatMap((t) => [
        `${t} Manufacturer`,
        `${t} Model`,
        `${t} Hardware Version`,
        `${t} Firmware Version`,
      ]),
    ];
    const devices = rows.flatMap((r) => [r.name, r.model_name, r.hardware_version, r.version_raw]);
    const file = path.join(dir, 'status.csv');
    fs.writeFileSync(
      file,
      [header, ['MOC_SECURE', 'ACTIVE', 'APPROVED', '002255', ...devices]]
        .map((l) => l.join(','))
        .join('\r\n') + '\r\n',
    );
    const dry = await run('dmct-status-list', file, true);
    expect(dry.problems).toEqual([]);
    expect(dry.changes).toEqual([
      { op: 'changed', what: 'EPCL entry', detail: '002255 ACTIVE: state PROPOSED → APPROVED' },
    ]);
    expect(
      (await db.query<{ state: string }>(`select state from epcl_entry where epcl_id = '002255'`)).rows[0]
        .state,
    ).toBe('PROPOSED');
    expect((await run('dmct-status-list', file)).written).toBe(true);
    expect(
      (await db.query<{ state: string }>(`select state from epcl_entry where epcl_id = '002255'`)).rows[0]
        .state,
    ).toBe('APPROVED');
    expect((await run('dmct-status-list', file)).changes).toEqual([]);

    const unknown = path.join(dir, 'status-unknown.csv');
    const other = devices.map((v, i) => (i === devices.length - 1 ? 'FFFFFFFF' : v));
    fs.writeFileSync(
      unknown,
      [header, ['MOC_SECURE', 'ACTIVE', 'APPROVED', '', ...other]].map((l) => l.join(',')).join('\r\n') +
        '\r\n',
    );
    const refused = await run('dmct-status-list', unknown);
    expect(refused.problems).toEqual([
      {
        sheet: 'DMCT Status List',
        row: 2,
        column: 'CHF Manufacturer',
        message: expect.stringMatching(/unknown DMC/) as string,
      },
    ]);
    await db.end();
  });
});
