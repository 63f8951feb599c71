import { Client } from 'pg';
import { createKey, queryable, type NewKey, type PgQuery } from '../../src/modules/auth/api-keys';

/**
 * An API key for a bench, as the `Authorization` header's value (`Bearer <key>`): made in the bench's
 * database (a connection, or its URL: a connection is opened for it) after deleting that bench's earlier
 * keys of the same name, so that repeated runs on one database do not pile them up. Production-mode
 * servers need a credential on every request.
 */
export async function benchAuthorization(
  db: PgQuery | string,
  input: Pick<NewKey, 'role' | 'name' | 'supplierId'>,
): Promise<string> {
  if (typeof db === 'string') {
    const client = new Client({ connectionString: db, application_name: 'bench-keys' });
    await client.connect();
    try {
      return await benchAuthorization(client, input);
    } finally {
      await client.end();
    }
  }
  const q = queryable(db);
  await q.query('delete from api_key where name = $1', [input.name]);
  return `Bearer ${(await createKey(q, input)).key}`;
}
