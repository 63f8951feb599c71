/** Admin connections to the running server: the readiness probe and creating the database. */
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError } from './errors';
import { SUPERUSER } from './os-user';
import { PASSWORD_FILE } from './cluster';
import { quoteIdent, isRecord, errorMessage } from './util';

export async function tryConnect(
  port: number,
  password: string,
  database: string,
): Promise<'ok' | 'not-ready' | Error> {
  const client = adminClient(port, password, database);
  try {
    await client.connect();
    return 'ok';
  } catch (err) {
    // 28P01 invalid_password / 28000 invalid_authorization: retrying will not help.
    const code = isRecord(err) ? err.code : undefined;
    if (code === '28P01' || code === '28000') return err instanceof Error ? err : new Error(String(err));
    return 'not-ready';
  } finally {
    await client.end().catch(() => undefined);
  }
}

function adminClient(port: number, password: string, database: string): Client {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database,
    // Explicit, so PGSSLMODE etc. in the environment cannot break talking to our non-TLS server.
    ssl: false,
    connectionTimeoutMillis: 2_000,
  });
  // An idle client whose server dies emits 'error'; unhandled, that would crash the process.
  client.on('error', () => undefined);
  return client;
}

export async function ensureDatabase(
  port: number,
  password: string,
  database: string,
  dataDir: string,
): Promise<void> {
  if (database === 'postgres') return;
  const client = adminClient(port, password, 'postgres');
  try {
    await client.connect();
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (err) {
    // 42P04 duplicate_database: a concurrent starter created it between our check and CREATE.
    if (isRecord(err) && err.code === '42P04') return;
    const auth = isRecord(err) && (err.code === '28P01' || err.code === '28000');
    throw new EmbeddedPostgresError(
      auth ? 'EMBEDDED_PG_AUTH_FAILED' : 'EMBEDDED_PG_CREATE_DATABASE_FAILED',
      `Could not create database "${database}" on 127.0.0.1:${port}: ${errorMessage(err)}`,
      {
        hint: auth
          ? `delete ${path.join(dataDir, PASSWORD_FILE)} and start again to reset the password`
          : 'check the database name and the server output',
        cause: err,
      },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
