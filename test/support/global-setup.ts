import 'reflect-metadata';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/core/db/embedded-postgres';
import { migrate } from '../../src/core/db/database';
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
  // MikroORM requires the TypeScript migrations at run time, outside jest's module registry.
  require('ts-node').register({ transpileOnly: true });
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
  await migrate(templateUrl);
  await seedDatabase(templateUrl, TEST_INVENTORY);
  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}
