import { ADVISORY_LOCKS } from '../../core/db/advisory-locks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client, type QueryResultRow } from 'pg';
import type { Logger } from '../../core/logger';
import { REPORT_MATCHING } from '../eligibility/report-volumes.service';
import { matchCtes, UNMIGRATED } from '../eligibility/upgrade.sql';

/*
 * Events no single row change describes, written to the outbox like the others (so they are ordered,
 * replayed and delivered by the same path): the objection deadline approaching (by the scheduler), and
 * what a report's decision means for each supplier's installations (after the decision commits).
 */

/**
 * `ObjectionWindowClosing` for every report whose objection window is open and whose deadline is 2 working
 * days away, or 1 (working days after `today` up to and including the deadline, England & Wales calendar):
 * once per report, deadline and count, however often and on however many instances it runs. Called by the
 * lifecycle scheduler inside its run (under its advisory lock). Returns the events written.
 */
export async function announceClosingObjectionWindows(
  em: EntityManager,
  today: string,
): Promise<{ reportId: number; workingDaysLeft: number }[]> {
  return em.execute<{ reportId: number; workingDaysLeft: number }[]>(
    `insert into domain_event (type, aggregate_type, aggregate_id, payload)
     select 'ObjectionWindowClosing', 'EpclReport', r.id::text,
            jsonb_build_object('reportId', r.id, 'closesOn', r.objection_deadline, 'workingDaysLeft', w.n)
       from epcl_report r
      cross join lateral (
        select count(*)::int as n from generate_series(?::date + 1, r.objection_deadline, interval '1 day') d
         where is_working_day(d::date)) w
      where r.state = 'OBJECTION_WINDOW_OPEN' and r.objection_deadline > ?::date and w.n in (1, 2)
        and not exists (
          select 1 from domain_event x
           where x.aggregate_type = 'EpclReport' and x.aggregate_id = r.id::text and x.type = 'ObjectionWindowClosing'
             and x.payload->>'closesOn' = r.objection_deadline::text and (x.payload->>'workingDaysLeft')::int = w.n)
     returning (payload->>'reportId')::int as "reportId", (payload->>'workingDaysLeft')::int as "workingDaysLeft"`,
    [today, today],
  );
}

/** Advisory lock namespace of SupplierImpact derivations (with the report id as the second key). */
const IMPACT_LOCK = ADVISORY_LOCKS.supplierImpact;

/**
 * Per supplier, the unmigrated installations the report's decided entries (APPROVED, or already ON_EPCL)
 * match and that were not eligible already, at target firmware or after an upgrade: the matching of
 * `epclReport.volumes` (report-volumes.service.ts, upgrade.sql.ts), counted by supplier.
 */
const IMPACT_SQL = `${matchCtes(`entries as (
    select e.dmc_id, e.installation_status, re.report_group from epcl_report_entry re join epcl_entry e on e.id = re.entry_id
     where re.report_id = $1::int and e.state in ('APPROVED', 'ON_EPCL')),
  targets(dmc_id, cohort_id) as (select d.id, d.cohort_id from dmc d where d.id in (select dmc_id from entries))`)},
  best as materialized (
    select distinct on (p.combo_id, en.installation_status) p.combo_id, en.installation_status as status, p.at_target
      from pairs p join entries en on en.dmc_id = p.dmc_id
     where (p.at_target or case when en.installation_status = 'DORMANT' then p.up_dormant else p.up_any end)
     order by p.combo_id, en.installation_status, p.at_target desc, en.report_group,
              case when en.installation_status = 'DORMANT' then p.hops_dormant else p.hops_any end),
  eligible_now as materialized (
    select c2.id as combo_id, e2.installation_status as status from device_combo c2
      join epcl_entry e2 on e2.dmc_id = c2.dmc_id where e2.state = 'ON_EPCL'
       and e2.id not in (select re.entry_id from epcl_report_entry re where re.report_id = $1::int))
  select i.supplier_id, count(*)::int as installations,
         (count(*) filter (where b.at_target))::int as "becameEligible",
         (count(*) filter (where not b.at_target))::int as "byFirmwareUpgrade"
    from best b join installation i on i.combo_id = b.combo_id and i.status = b.status and ${UNMIGRATED}
   where not exists (select 1 from eligible_now x where x.combo_id = b.combo_id and x.status = b.status)
   group by i.supplier_id order by i.supplier_id`;

/** Thrown by a derivation cancelled by `SupplierImpactDerivations.close` (its transaction rolled back). */
export class DerivationCancelled extends Error {
  override name = 'DerivationCancelled';
  constructor() {
    super('supplier impact derivation cancelled: the server is closing');
  }
}

/**
 * Writes one `SupplierImpact` per supplier with installations concerned, for the decision at outbox
 * position `decision` on report `reportId`: once, whichever instances relay the decision (a transaction
 * lock per report, then a check for the decision's impacts). Run by each server's relay after it relays an
 * APPROVED or PARTIALLY_APPROVED report; the impacts follow the decision in commit order. `signal` cancels
 * it: the statement running is cancelled (`pg_cancel_backend`), the transaction rolled back, and it rejects
 * with `DerivationCancelled`; whichever instance next relays or recovers the decision derives it.
 */
export async function deriveSupplierImpact(
  databaseUrl: string,
  reportId: number,
  decision: string,
  log: Logger,
  signal?: AbortSignal,
): Promise<number> {
  if (signal?.aborted) throw new DerivationCancelled();
  const client = new Client({
    connectionString: databaseUrl,
    application_name: DERIVATION_APPLICATION,
  });
  // A connection lost mid-way (a restart, the database dropped) fails the query in flight, which the caller
  // logs; without a listener it would be an unhandled 'error' event and end the process.
  client.on('error', (error) => log.warn('event derivation connection lost', { error }));
  await client.connect();
  let cancelling: Promise<void> | undefined;
  const onAbort = () => {
    cancelling ??= cancelBackend(databaseUrl, backend).catch((error: unknown) =>
      log.warn('could not cancel a supplier impact derivation', { error }),
    );
  };
  let backend = 0;
  /** One statement, unless the derivation was cancelled before it. */
  const step = async <R extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]) => {
    if (signal?.aborted) throw new DerivationCancelled();
    return client.query<R>(text, params);
  };
  try {
    backend = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    signal?.addEventListener('abort', onAbort, { once: true });
    await step('begin');
    await step('select pg_advisory_xact_lock($1::int, $2::int)', [IMPACT_LOCK, reportId]);
    const done = await step(
      `select 1 from domain_event where aggregate_type = 'EpclReport' and aggregate_id = $1 and type = 'SupplierImpact'
          and payload->>'decision' = $2 limit 1`,
      [String(reportId), decision],
    );
    if (done.rowCount) {
      await client.query('rollback');
      return 0;
    }
    for (const setting of REPORT_MATCHING) await step(`set local ${setting}`);
    const { rows } = await step<{
      supplier_id: number;
      installations: number;
      becameEligible: number;
      byFirmwareUpgrade: number;
    }>(IMPACT_SQL, [reportId]);
    for (const row of rows)
      await step(
        `select emit_domain_event('SupplierImpact', 'EpclReport', $1::text, jsonb_build_object(
           'reportId', $1::int, 'decision', $2::text, 'supplierId', $3::int, 'installations', $4::int,
           'becameEligible', $5::int, 'byFirmwareUpgrade', $6::int))`,
        [reportId, decision, row.supplier_id, row.installations, row.becameEligible, row.byFirmwareUpgrade],
      );
    await step('commit');
    if (rows.length) log.info('supplier impacts announced', { reportId, suppliers: rows.length });
    return rows.length;
  } catch (error) {
    // Wait for a cancel sent to this backend to land before the rollback, so that it cannot cancel that.
    if (cancelling) await cancelling;
    await client.query('rollback').catch(() => undefined);
    throw signal?.aborted ? new DerivationCancelled() : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (cancelling) await cancelling;
    await client.end();
  }
}

/** `application_name` of the derivation connections (visible in pg_stat_activity). */
export const DERIVATION_APPLICATION = 'dmc-catalogue-event-derivation';

/** Cancels the statement backend `pid` runs, from a connection of its own. */
async function cancelBackend(databaseUrl: string, pid: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: DERIVATION_APPLICATION });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_cancel_backend($1)', [pid]);
  } finally {
    await client.end();
  }
}

/**
 * A server's SupplierImpact derivations (and the recovery of pending ones): `run` starts one in the
 * background, its failure logged; `close` starts no more, cancels those running (rolled back: whichever
 * instance next relays or recovers the decision derives it) and resolves once every one has ended and
 * closed its connection, so that a server's close() leaves none behind.
 */
export class SupplierImpactDerivations {
  private readonly running = new Set<Promise<unknown>>();
  private readonly controller = new AbortController();

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  /** How many are running (tests). */
  get size(): number {
    return this.running.size;
  }

  /** Derives the impacts of `decision` on report `reportId` in the background (nothing once closed). */
  run(reportId: number, decision: string): void {
    this.track(deriveSupplierImpact(this.databaseUrl, reportId, decision, this.log, this.controller.signal), {
      report: reportId,
    });
  }

  /** Derives the impacts of every decision `pending` finds, in the background. */
  recover(pending: (databaseUrl: string) => Promise<{ reportId: number; position: string }[]>): void {
    this.track(
      pending(this.databaseUrl).then((decisions) =>
        Promise.all(
          decisions.map((d) =>
            deriveSupplierImpact(this.databaseUrl, d.reportId, d.position, this.log, this.controller.signal),
          ),
        ),
      ),
      { pending: true },
    );
  }

  /** Starts no more, cancels those running, and resolves when all have ended. */
  async close(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<unknown>, what: Record<string, unknown>): void {
    const tracked = work
      .catch((error: unknown) => {
        if (error instanceof DerivationCancelled) this.log.info(error.message, what);
        else this.log.warn('could not derive supplier impacts', { error, ...what });
      })
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
