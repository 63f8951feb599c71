import { Client } from 'pg';
import { buildCatalogue } from './catalogue';
import { Dataset } from './dataset';
import { loadInventory, type InventoryResult } from './inventory';
import { buildNational } from './national';
import { buildReport22, type Report22 } from './report22';
import { writeCatalogue } from './write';
import { writeSeedHistory } from './history';
import { withBulkLoad } from './bulk-load';
import { loadPacing, type PacingSeedResult } from './pacing';

export type SeedOptions = {
  /** Installations to generate around the catalogue (0: catalogue only). */
  installations: number;
  seed: number;
  report22Candidates?: number;
  onProgress?: (done: number, total: number) => void;
};

export type SeedSummary = InventoryResult & {
  /** The synthetic migration pacing history (seeds/pacing.ts). */
  pacing: PacingSeedResult;
  dmcs: number;
  entries: number;
  reports: number;
  catalogueMs: number;
  inventoryMs: number;
};

/** The in-memory data set: reference catalogue, report 22 (built first, so it owns its DMCs), reports 1–21. */
export function buildDataset(): {
  data: Dataset;
  catalogue: ReturnType<typeof buildCatalogue>;
  report22: Report22;
} {
  const data = new Dataset();
  const catalogue = buildCatalogue(data);
  const report22 = buildReport22(data, catalogue);
  buildNational(data, catalogue);
  return { data, catalogue, report22 };
}

/** True when the database holds no catalogue yet (migrations applied, nothing loaded). */
export async function isEmpty(url: string): Promise<boolean> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>('select count(*) as n from cohort');
    return rows[0].n === '0';
  } finally {
    await db.end();
  }
}

/**
 * Loads the report 22 scenario, the national catalogue and a synthetic inventory into an empty, migrated
 * database, in one transaction: it all lands, or nothing does.
 */
export async function seedDatabase(url: string, options: SeedOptions): Promise<SeedSummary> {
  const { data, catalogue, report22 } = buildDataset();
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('begin');
    const t0 = Date.now();
    await writeCatalogue(db, data);
    await db.query('set constraints all immediate'); // run the deferred DMC and evidence checks now
    await writeSeedHistory(db);
    const t1 = Date.now();
    let inventory: InventoryResult = { installations: 0, devices: 0, report22Candidates: 0 };
    if (options.installations > 0) {
      inventory = await withBulkLoad(db, ['installation', 'device'], () =>
        loadInventory(db, data, catalogue, report22, options),
      );
      await db.query(`select setval(pg_get_serial_sequence('installation', 'id'), $1)`, [
        options.installations,
      ]);
    }
    // Fresh statistics first: the pacing history joins the just-loaded inventory.
    if (options.installations > 0) await db.query('analyze installation, device_combo, device');
    const pacing =
      options.installations > 0
        ? await loadPacing(db, options.installations, options.seed)
        : { days: 0, attempts: 0, anomalousDmcId: null };
    await db.query('commit');
    await db.query('analyze');
    return {
      ...inventory,
      pacing,
      dmcs: data.dmcs.length,
      entries: data.entries.length,
      reports: data.reports.length,
      catalogueMs: t1 - t0,
      inventoryMs: Date.now() - t1,
    };
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
