import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import Cursor from 'pg-cursor';

/**
 * The read path into PostgreSQL: compiled SQL on a `pg` pool, as named prepared statements. A repeated
 * GraphQL operation compiles to exactly the same text with other parameters, so each pooled connection
 * prepares it once and reuses its plan. Writes do not come here: they go through MikroORM's unit of work
 * (`Context.transactional`).
 */
export class SqlPool {
  private readonly pool: Pool;
  private readonly names = new Map<string, string>();

  constructor(connectionString: string, options: { max?: number; applicationName?: string } = {}) {
    this.pool = new Pool({
      connectionString,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'dmc-catalogue',
    });
    // An idle client that loses its server (e.g. a database restart) is dropped by the pool; without a
    // listener the error would be thrown as uncaught.
    this.pool.on('error', () => undefined);
  }

  /** One statement, prepared under a name derived from its text. */
  async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pool.query({ name: this.statementName(text), text, values: [...params] });
    return result.rows as T[];
  }

  /**
   * One statement in its own transaction with `set local` settings, e.g. planner settings that only this
   * statement needs.
   */
  async queryWith<T>(text: string, params: readonly unknown[], settings: readonly string[]): Promise<T[]> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      for (const setting of settings) await client.query(`set local ${setting}`);
      const result = await client.query({ name: this.statementName(text), text, values: [...params] });
      await client.query('commit');
      return result.rows as T[];
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * One statement read in batches through a server-side cursor, so a result of any size uses flat memory
   * (exports), in a read transaction with optional `set local` settings. Breaking out of the loop drops
   * the connection.
   */
  async *cursor<T>(
    text: string,
    params: readonly unknown[] = [],
    batchSize = 1000,
    settings: readonly string[] = [],
  ): AsyncGenerator<T[]> {
    const client = await this.pool.connect();
    let healthy = false;
    try {
      await client.query('begin');
      for (const setting of settings) await client.query(`set local ${setting}`);
      const cursor = client.query(new Cursor<T>(text, [...params]));
      for (;;) {
        const rows = await cursor.read(batchSize);
        if (rows.length === 0) break;
        yield rows;
      }
      await cursor.close();
      await client.query('commit');
      healthy = true;
    } finally {
      // A cursor abandoned half-read leaves its connection mid-protocol: drop it rather than reuse it.
      client.release(!healthy);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private statementName(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = 'q_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
      if (this.names.size > 5000) this.names.clear(); // bounded: clients may send many shapes
      this.names.set(text, name);
    }
    return name;
  }
}
