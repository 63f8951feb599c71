import 'reflect-metadata';
import { loadConfig } from '../src/core/config';
import { migrate } from '../src/app/database';
import { resolveDatabase } from '../src/core/db/database';
import { createLogger } from '../src/core/logger';

/**
 * `npm run migrate [-- <database url>]`: applies pending migrations to the given URL, DATABASE_URL, or the
 * embedded database in DATA_DIR. The server also does this at start-up; this is for deploy pipelines.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const url = process.argv[2] ?? config.databaseUrl;
  const db = await resolveDatabase({ databaseUrl: url, dataDir: config.dataDir, log });
  try {
    const applied = await migrate(db.url);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'no pending migrations\n');
  } finally {
    await db.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`migration failed: ${error.message}\n`);
  process.exit(1);
});
