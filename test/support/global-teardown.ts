import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const pg = globalThis.__EMBEDDED_PG__;
  if (pg) {
    await pg.stop();
    return;
  }
  const adminUrl = process.env.TEST_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!adminUrl || !template) return;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${template}`);
  } finally {
    await admin.end();
  }
}
