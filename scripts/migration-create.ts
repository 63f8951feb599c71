import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../src/app/database';
import { startEmbeddedPostgres } from '../src/core/db/embedded-postgres';
import { ormConfig } from '../src/app/database';
import { realSchemaChanges } from '../src/core/db/schema-drift';

const ROOT = path.resolve(__dirname, '..');

/**
 * `npm run migration:create -- <Name>`: diffs the entities against a throw-away embedded database with every
 * committed migration applied, and writes the difference as a new migration under migrations/ for review.
 * Needs no database server. Rules the generator cannot express (triggers, composite keys) are written by
 * hand in a migration of their own.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('usage: npm run migration:create -- <PascalCaseName>, e.g. AddInstallationSignature');
  }
  const pg = await startEmbeddedPostgres({ log: () => undefined });
  try {
    await migrate(pg.url);
    const orm = await MikroORM.init(ormConfig(pg.url));
    try {
      const result = await orm.getMigrator().createMigration(undefined, false, false, name);
      if (!result.fileName) {
        process.stdout.write('entities and migrations agree: nothing to write\n');
        return;
      }
      // Drop what the generator proposes but is not a change (see schema-drift.ts).
      const file = path.join(ROOT, 'migrations', result.fileName);
      const kept = realSchemaChanges(result.diff.up);
      const keptDown = realSchemaChanges(result.diff.down);
      if (kept.length === 0) {
        fs.rmSync(file);
        process.stdout.write('entities and migrations agree: nothing to write\n');
        return;
      }
      const source = fs.readFileSync(file, 'utf8').split('\n');
      const filtered = source.filter((line) => {
        const sql = /this\.addSql\(`(.*)`\);$/.exec(line.trim())?.[1];
        if (sql === undefined) return true;
        if (result.diff.up.includes(sql)) return kept.includes(sql);
        return !result.diff.down.includes(sql) || keptDown.includes(sql);
      });
      fs.writeFileSync(file, filtered.join('\n').replace(/\n(\s*\n){2,}/g, '\n\n'));
      process.stdout.write(
        `wrote migrations/${result.fileName} (${kept.length} statements): review it before committing\n`,
      );
    } finally {
      await orm.close(true);
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
