import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../src/core/config';
import { migrate } from '../src/app/database';
import { resolveDatabase } from '../src/core/db/database';
import { createLogger } from '../src/core/logger';
import { seedDatabase } from './index';
import { defaultReport22Candidates } from './inventory';

const USAGE = `Usage: npm run seed -- [--installations N] [--seed S] [--report22-candidates C] [--yes]

Replaces the database's data with the report 22 scenario, the synthetic national catalogue and N synthetic
installations (default 150000), generated deterministically from seed S (default 1). The database is
DATABASE_URL, or the embedded one in DATA_DIR (default .data) that \`npm start\` uses.
Existing data is dropped: pass --yes to confirm when the database is not empty.`;

type Args = { installations: number; seed: number; report22Candidates?: number; yes: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { installations: 150_000, seed: 1, yes: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      const n = Number(v?.replace(/_/g, ''));
      if (v === undefined || !Number.isInteger(n) || n < 0)
        throw new Error(`${flag} needs a non-negative integer; got ${JSON.stringify(v)}`);
      return n;
    };
    if (flag === '--installations') args.installations = value();
    else if (flag === '--seed') args.seed = value();
    else if (flag === '--report22-candidates') args.report22Candidates = value();
    else if (flag === '--yes' || flag === '-y') args.yes = true;
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n\n${USAGE}`);
  }
  if (args.installations > 20_000_000) throw new Error('--installations is capped at 20,000,000');
  return args;
}

function progressBar(label: string) {
  const started = Date.now();
  let lastPercent = -1;
  return (done: number, total: number) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${seconds} s`,
      );
      if (percent === 100) process.stderr.write('\n');
    } else if (percent % 10 === 0) {
      process.stderr.write(`${label} ${percent}% (${seconds} s)\n`);
    }
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from information_schema.tables where table_schema = 'public' and table_name = 'cohort'`,
      );
      if (rows[0].n !== '0') {
        const { rows: data } = await client.query<{ n: string }>('select count(*) as n from cohort');
        if (data[0].n !== '0' && !args.yes)
          throw new Error('the database already holds data; pass --yes to replace it');
      }
      await client.query('drop schema public cascade; create schema public');
    } finally {
      await client.end();
    }
    const started = Date.now();
    await migrate(db.url);
    const candidates = args.report22Candidates ?? defaultReport22Candidates(args.installations);
    process.stderr.write(
      `Seeding: report 22 scenario, national catalogue, ${args.installations.toLocaleString('en-GB')} installations (seed ${args.seed}, ${candidates.toLocaleString('en-GB')} report 22 upgrade candidates)\n`,
    );
    const summary = await seedDatabase(db.url, { ...args, onProgress: progressBar('installations') });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      [
        `Loaded ${summary.installations.toLocaleString('en-GB')} installations and ${summary.devices.toLocaleString('en-GB')} devices`,
        `  catalogue: ${summary.dmcs} DMCs, ${summary.entries} EPCL entries, ${summary.reports} EPCL reports (${(summary.catalogueMs / 1000).toFixed(1)} s)`,
        `  inventory: ${(summary.inventoryMs / 1000).toFixed(1)} s, including keys, indexes and ANALYZE`,
        `  pacing: ${summary.pacing.attempts.toLocaleString('en-GB')} migration attempts over ${summary.pacing.days} working days`,
        `  total: ${seconds.toFixed(1)} s`,
      ].join('\n') + '\n',
    );
  } finally {
    await db.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`seed failed: ${error.message}\n`);
  process.exit(1);
});
