import { Client } from 'pg';
import { migrate } from '../app/database';
import { seedDatabase } from '../../seeds';
import { defaultReport22Candidates } from '../../seeds/inventory';
import { int, UsageError } from './args';
import { EXIT, type Command } from './command';
import { withDatabase } from './database';
import { progressBar } from './progress';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'replace the data with report 22, the national catalogue and a synthetic inventory',
  usage: `Usage: dmc seed [--installations N] [--seed S] [--report22-candidates C] [--yes]

Replaces the database's data with the report 22 scenario, the synthetic national catalogue and N synthetic
installations (default 150000), generated deterministically from seed S (default 1). The database is
DATABASE_URL, or the embedded one in DATA_DIR (default .data) that \`npm start\` uses.
Existing data is dropped: pass --yes to confirm when the database is not empty.`,
  options: {
    installations: { value: true },
    seed: { value: true },
    'report22-candidates': { value: true },
    yes: { value: false, alias: 'y' },
  },
  async run(args) {
    const installations = int(args, 'installations') ?? 150_000;
    const seed = int(args, 'seed') ?? 1;
    const report22Candidates = int(args, 'report22-candidates');
    if (installations > 20_000_000) throw new UsageError('--installations is capped at 20,000,000');
    await withDatabase(async (url, db) => {
      if (db.attached)
        throw new Error(
          'the embedded PostgreSQL of DATA_DIR is in use by a running server (npm start); stop it before replacing its data',
        );
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(
          `select count(*) as n from information_schema.tables where table_schema = 'public' and table_name = 'cohort'`,
        );
        if (rows[0].n !== '0') {
          const { rows: data } = await client.query<{ n: string }>('select count(*) as n from cohort');
          if (data[0].n !== '0' && !args.options.yes)
            throw new Error('the database already holds data; pass --yes to replace it');
        }
        await client.query('drop schema public cascade; create schema public');
      } finally {
        await client.end();
      }
      const started = Date.now();
      await migrate(url);
      const candidates = report22Candidates ?? defaultReport22Candidates(installations);
      process.stderr.write(
        `Seeding: report 22 scenario, national catalogue, ${installations.toLocaleString('en-GB')} installations (seed ${seed}, ${candidates.toLocaleString('en-GB')} report 22 upgrade candidates)\n`,
      );
      const bar = progressBar('installations');
      const summary = await seedDatabase(url, {
        installations,
        seed,
        report22Candidates,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.done();
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
    });
    return EXIT.OK;
  },
};
