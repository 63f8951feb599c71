import { Client } from 'pg';
import { ADVISORY_LOCKS } from '../../src/core/db/advisory-locks';
import { DERIVATION_APPLICATION } from '../../src/modules/events/event-derivations';
import { startTestServer, type TestServer } from '../support/server';

/*
 * A SupplierImpact derivation runs on a connection of its own after the relay sees a report decision.
 * Closing the server must not leave it running: close() cancels it (its transaction rolls back; the next
 * instance to relay or recover the decision derives it) and resolves only once its connection is gone.
 */

let t: TestServer | undefined;
let holder: Client | undefined;
afterAll(async () => {
  await holder?.end();
  await t?.close();
});

const derivationBackends = async (db: Client) =>
  (
    await db.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where application_name = $1 and datname = current_database()',
      [DERIVATION_APPLICATION],
    )
  ).rows[0].n;

it('server close() cancels a SupplierImpact derivation in flight and leaves no connection behind', async () => {
  t = await startTestServer();
  holder = new Client({ connectionString: t.databaseUrl });
  await holder.connect();
  const [{ id }] = (await holder.query<{ id: number }>('select id from epcl_report where number = 22')).rows;
  const impactsBefore = (await holder.query(`select 1 from domain_event where type = 'SupplierImpact'`))
    .rowCount;
  // Hold the report's derivation lock, so that the derivation the decision starts waits on it.
  await holder.query('begin');
  await holder.query('select pg_advisory_xact_lock($1::int, $2::int)', [ADVISORY_LOCKS.supplierImpact, id]);
  const other = new Client({ connectionString: t.databaseUrl });
  await other.connect();
  try {
    await other.query(
      `select emit_domain_event('EpclReportStateChanged', 'EpclReport', $1::text,
         jsonb_build_object('reportId', $1::int, 'number', 22, 'state', 'APPROVED', 'previousState', 'AWAITING_SOS'))`,
      [id],
    );
    const waitingSince = Date.now();
    while ((await derivationBackends(other)) === 0) {
      if (Date.now() - waitingSince > 20_000) throw new Error('no derivation started within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [{ waiting }] = (
      await other.query<{ waiting: string }>(
        `select wait_event_type as waiting from pg_stat_activity where application_name = $1 and datname = current_database()`,
        [DERIVATION_APPLICATION],
      )
    ).rows;
    expect(waiting).toBe('Lock');

    const started = Date.now();
    await t.server.close();
    const closeMs = Date.now() - started;
    // The lock is still held: close() returned because it cancelled the derivation, not because it finished.
    expect(closeMs).toBeLessThan(10_000);
    expect(await derivationBackends(other)).toBe(0);
    const impacts = await other.query(`select 1 from domain_event where type = 'SupplierImpact'`);
    expect(impacts.rowCount).toBe(impactsBefore);
  } finally {
    await other.end();
  }
  await holder.query('rollback');
});
