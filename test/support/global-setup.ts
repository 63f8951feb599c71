import 'reflect-metadata';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/core/db/embedded-postgres';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { seedDatabase } from '../../seeds';
import { TEST_INVENTORY } from './inventory';

declare global {
  var __EMBEDDED_PG__: EmbeddedPostgres | undefined;
}

/**
 * Once per `npm test`: a real PostgreSQL (the server at DATABASE_URL, or a throw-away embedded one), and a
 * template database holding the migrated schema and the report 22 scenario with a small inventory. Each test
 * file clones the template (CREATE DATABASE … TEMPLATE), so files run in parallel without sharing state.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({
      log: (level, msg) => level !== 'info' && process.stderr.write(`[embedded-postgres] ${msg}\n`),
    });
    globalThis.__EMBEDDED_PG__ = pg;
    adminUrl = pg.url;
  }
  const template = `dmc_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, template);
  // Migrations run in a child process: MikroORM initialised here, in jest's outer realm, breaks MikroORM in
  // the test realms (mikro-orm#3783), and the child is the same path operators use (`npm run migrate`).
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'scripts/migrate.ts', templateUrl],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await seedDatabase(templateUrl, TEST_INVENTORY);
  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}
