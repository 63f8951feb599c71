import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/core/db/embedded-postgres';
import { SqlPool } from '../src/core/db/sql-pool';
import { DEVELOPMENT_VIEWER } from '../src/core/graphql/context';
import { exportReader, writeExport } from '../src/modules/exchange/export.service';

/**
 * `npm run bench:export [-- --format xlsx|csv] [--rebuild]`: exports report 22's upgrade candidates (66,000
 * installations in the 150,000-installation demo inventory) through the streaming export, and prints the
 * time and the peak RSS of this process (goal: under 250 MB, i.e. flat memory whatever the row count).
 * Uses DATABASE_URL when set; otherwise builds (once, then reuses) the demo inventory in
 * bench/.cache/export-pgdata. Not a test: nothing is asserted. The last line is one JSON object.
 */
const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, 'bench', '.cache', 'export-pgdata');
const args = process.argv.slice(2);
const ONE_FORMAT = args.includes('--format');
const FORMATS = ONE_FORMAT
  ? [args[args.indexOf('--format') + 1] as 'xlsx' | 'csv']
  : (['xlsx', 'csv'] as const);
const INSTALLATIONS = 150_000;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Without --format, each format runs in a child process of its own, so one's memory does not count for the other. */
async function runEachFormat(): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const results = (['xlsx', 'csv'] as const).map((format) => {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, __filename, ...args, '--format', format],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
      },
    );
    return (JSON.parse(out.trim().split('\n').at(-1)!) as { results: unknown[] }).results[0];
  });
  process.stdout.write(JSON.stringify({ bench: 'export', results }) + '\n');
}

async function main(): Promise<void> {
  if (!ONE_FORMAT) return runEachFormat();
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!url) {
    if (args.includes('--rebuild')) fs.rmSync(CACHE, { recursive: true, force: true });
    fs.mkdirSync(CACHE, { recursive: true });
    const pg = await startEmbeddedPostgres({
      dataDir: CACHE,
      database: 'dmc_export_bench',
      attachToRunning: true,
      log: () => undefined,
    });
    url = pg.url;
    stop = () => pg.stop();
    // Loaded only here: the ORM and the generator are not part of what an export needs in memory.
    const { migrate } = require('../src/app/database') as typeof import('../src/app/database');
    const { seedDatabase } = require('../seeds') as typeof import('../seeds');
    await migrate(url);
    const db = new Client({ connectionString: url });
    await db.connect();
    const have = Number((await db.query<{ n: string }>('select count(*) as n from installation')).rows[0].n);
    await db.end();
    if (have !== INSTALLATIONS) {
      process.stderr.write(
        `building the demo inventory: ${INSTALLATIONS.toLocaleString('en-GB')} installations (once; reused after)\n`,
      );
      const reset = new Client({ connectionString: url });
      await reset.connect();
      await reset.query('drop schema public cascade; create schema public');
      await reset.end();
      await migrate(url);
      await seedDatabase(url, { installations: INSTALLATIONS, seed: 1 });
    }
  }
  const results: Record<string, unknown>[] = [];
  const pool = new SqlPool(url, { max: 2 });
  try {
    for (const format of FORMATS) {
      const file = path.join(os.tmpdir(), `dmc-bench-candidates-${process.pid}.${format}`);
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const started = process.hrtime.bigint();
      const rows = await writeExport(
        exportReader(pool, DEVELOPMENT_VIEWER),
        'candidates',
        { format, report: 22 },
        fs.createWriteStream(file),
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const size = fs.statSync(file).size;
      fs.rmSync(file, { force: true });
      const result = {
        format,
        rows,
        seconds: Math.round(seconds * 10) / 10,
        rowsPerSecond: Math.round(rows / seconds),
        fileMB: Math.round((size / 1024 / 1024) * 10) / 10,
        rssBeforeMB: mb(before),
        peakRssMB: mb(peak),
        processMaxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      process.stderr.write(
        `candidates.${format}: ${rows.toLocaleString('en-GB')} rows in ${result.seconds} s (${result.rowsPerSecond.toLocaleString('en-GB')} rows/s), ${result.fileMB} MB; RSS ${result.rssBeforeMB} MB before, peak ${result.peakRssMB} MB (goal < 250 MB)\n`,
      );
      results.push(result);
    }
  } finally {
    await pool.close();
    await stop();
  }
  process.stdout.write(JSON.stringify({ bench: 'export', results }) + '\n');
}

main().catch((error: Error) => {
  process.stderr.write(`bench:export failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
