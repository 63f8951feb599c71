import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabase = { url: string; drop(): Promise<void> };

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_URL;
  if (!url)
    throw new Error(
      'TEST_ADMIN_URL is not set: run the tests through jest (globalSetup prepares the database)',
    );
  return url;
}

function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = '/' + database;
  return u.toString();
}

/** A fresh database cloned from the seeded template; drop it when the test file ends. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `dmc_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${process.env.TEST_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(name),
    drop: async () => {
      const a = new Client({ connectionString: adminUrl() });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** A connected client on a fresh test database; `done()` closes it and drops the database. */
export async function connectTestDatabase(): Promise<{ db: Client; url: string; done: () => Promise<void> }> {
  const database = await createTestDatabase();
  const db = new Client({ connectionString: database.url });
  await db.connect();
  return {
    db,
    url: database.url,
    done: async () => {
      await db.end();
      await database.drop();
    },
  };
}
