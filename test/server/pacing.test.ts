import { Client } from 'pg';
import { DEMO_PACING_DATE, DEMO_UNKNOWN_ERROR_CODE } from '../../seeds/pacing';
import {
  PacingDocument,
  RecordGoNoGoDecisionDocument,
  RecordPacingActionDocument,
} from '../generated/graphql';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/*
 * Migration pacing over the demo history that seeding adds after the inventory (seeds/pacing.ts): the
 * anomalous DMC is recommended for a halt or a throttle, numbers agree with the attempts table, and the
 * Go/No-go and pacing action mutations follow updateManufacturer's pattern (user errors, nothing written,
 * FORBIDDEN for suppliers, an event on the outbox).
 */

let t: TestServer;
let db: Client;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const SUPPLIER = { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '1' };

/** The DMC the seed made anomalous: the one failing with the unknown error code. */
async function anomalousDmc(): Promise<number> {
  const { rows } = await db.query<{ dmc_id: number }>(
    'select distinct dmc_id from migration_attempt where error_code = $1',
    [DEMO_UNKNOWN_ERROR_CODE],
  );
  expect(rows).toHaveLength(1);
  return rows[0].dmc_id;
}

describe('pacing(date:) on the demo data', () => {
  it('recommends halting or throttling the anomalous DMC, with its evidence, and reports the unknown code', async () => {
    const dmc = await anomalousDmc();
    const { pacing, latestPacingDate } = ok(await t.request(PacingDocument, { date: DEMO_PACING_DATE }));
    expect(latestPacingDate).toBe(DEMO_PACING_DATE);
    expect(pacing.newErrorCodes).toEqual([DEMO_UNKNOWN_ERROR_CODE]);
    expect(pacing.unknownErrorCodes[0].dmcs.map((d) => d.id)).toEqual([globalId('Dmc', dmc)]);
    const forDmc = pacing.recommendations.filter((r) => r.dmc?.id === globalId('Dmc', dmc));
    expect(forDmc).toHaveLength(1);
    expect(['HALT_DMC', 'THROTTLE']).toContain(forDmc[0].action);
    expect(forDmc[0].evidence).toContain(DEMO_UNKNOWN_ERROR_CODE);
    // The anomalous DMC fails above the throttle threshold.
    const rate = pacing.failureRateByDmc.find((d) => d.dmc.id === globalId('Dmc', dmc))!;
    expect(rate.rate).toBeGreaterThan(rate.throttleAbove);
    expect(pacing.decision).toMatchObject({ date: DEMO_PACING_DATE, decision: 'GO' });
  });

  it('flags the anomalous DMC’s failure rate itself when its few test attempts are judged', async () => {
    const dmc = await anomalousDmc();
    const { pacing } = ok(
      await t.request(PacingDocument, { date: DEMO_PACING_DATE, thresholds: { minAttempts: 1 } }),
    );
    const rate = pacing.failureRateByDmc.find((d) => d.dmc.id === globalId('Dmc', dmc))!;
    expect(rate.anomalous).toBe(true);
    const rec = pacing.recommendations.find((r) => r.dmc?.id === globalId('Dmc', dmc))!;
    expect(rec.evidence).toContain(`${rate.failed} failed of ${rate.attempts} attempts in 7 days`);
  });

  it('agrees with the attempts table, day by day and over the window', async () => {
    const { pacing } = ok(await t.request(PacingDocument, { date: DEMO_PACING_DATE }));
    const { rows } = await db.query<{ day: string; attempted: number; failed: number }>(
      `select attempted_on::text as day, count(*)::int as attempted, count(*) filter (where outcome = 'FAILED')::int as failed
         from migration_attempt group by attempted_on order by attempted_on`,
    );
    const byDay = new Map(rows.map((r) => [r.day, r]));
    expect(pacing.history).toHaveLength(28);
    for (const day of pacing.history) {
      expect(day.attempted).toBe(byDay.get(day.date)?.attempted ?? 0);
      expect(day.failed).toBe(byDay.get(day.date)?.failed ?? 0);
      expect(day.succeeded).toBe(day.attempted - day.failed);
    }
    const today = byDay.get(DEMO_PACING_DATE)!;
    expect([pacing.attempted, pacing.failed]).toEqual([today.attempted, today.failed]);
    expect(pacing.planned).toBe(pacing.allocations.reduce((sum, a) => sum + a.planned, 0));
    expect(pacing.planned).toBeGreaterThanOrEqual(pacing.attempted);
    expect(pacing.capacity).toBeGreaterThan(0);
    const windowTotal = pacing.failureRateByDmc.reduce((sum, d) => sum + d.attempts, 0);
    const { rows: w } = await db.query<{ n: number }>(
      `select count(*)::int as n from migration_attempt where attempted_on between $1::date and $2::date`,
      [pacing.windowFrom, DEMO_PACING_DATE],
    );
    expect(windowTotal).toBe(w[0].n);
    expect(pacing.failureRateByCohort.reduce((sum, c) => sum + c.attempts, 0)).toBe(w[0].n);
  });

  it('refuses suppliers and inconsistent thresholds', async () => {
    const res = await t.request(PacingDocument, { date: DEMO_PACING_DATE }, SUPPLIER);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.request(PacingDocument, { date: DEMO_PACING_DATE, thresholds: { haltFactor: 1.1 } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('recordGoNoGoDecision and recordPacingAction', () => {
  const count = async (table: string) =>
    Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0].n);

  it('records a No-go that then stands for the day, and announces it on the outbox', async () => {
    const res = ok(
      await t.request(RecordGoNoGoDecisionDocument, {
        input: {
          date: DEMO_PACING_DATE,
          decision: 'NO_GO',
          decidedBy: '  MCC duty manager ',
          reason: 'Unknown error code on one DMC',
        },
      }),
    );
    expect(res.recordGoNoGoDecision.userErrors).toEqual([]);
    expect(res.recordGoNoGoDecision.decision).toMatchObject({
      date: DEMO_PACING_DATE,
      decision: 'NO_GO',
      decidedBy: 'MCC duty manager',
    });
    const { pacing } = ok(await t.request(PacingDocument, { date: DEMO_PACING_DATE }));
    expect(pacing.decision?.id).toBe(res.recordGoNoGoDecision.decision?.id);
    const { rows } = await db.query<{ type: string }>(
      `select type from domain_event where aggregate_type = 'GoNoGoDecision' order by id desc limit 1`,
    );
    expect(rows[0].type).toBe('GoNoGoDecisionRecorded');
  });

  it('records a halt of a DMC with its reason, read back with the DMC', async () => {
    const dmc = await anomalousDmc();
    const res = ok(
      await t.request(RecordPacingActionDocument, {
        input: {
          date: DEMO_PACING_DATE,
          action: 'HALT_DMC',
          dmcId: globalId('Dmc', dmc),
          reason: `Unknown error ${DEMO_UNKNOWN_ERROR_CODE}`,
          recordedBy: 'MCC',
        },
      }),
    );
    expect(res.recordPacingAction.userErrors).toEqual([]);
    expect(res.recordPacingAction.pacingAction).toMatchObject({
      action: 'HALT_DMC',
      dmc: { id: globalId('Dmc', dmc) },
      recordedBy: 'MCC',
    });
    const { pacing } = ok(await t.request(PacingDocument, { date: DEMO_PACING_DATE }));
    expect(pacing.actions[0]).toMatchObject({ action: 'HALT_DMC', dmc: { id: globalId('Dmc', dmc) } });
  });

  it('returns user errors and writes nothing for bad input', async () => {
    const before = [await count('pacing_action'), await count('go_no_go_decision')];
    const halt = ok(
      await t.request(RecordPacingActionDocument, {
        input: { date: DEMO_PACING_DATE, action: 'HALT_DMC', reason: 'x', recordedBy: ' ' },
      }),
    );
    expect(halt.recordPacingAction.pacingAction).toBeNull();
    expect(halt.recordPacingAction.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'recordedBy']],
      ['INVALID_INPUT', ['input', 'dmcId']],
    ]);
    const missing = ok(
      await t.request(RecordPacingActionDocument, {
        input: {
          date: DEMO_PACING_DATE,
          action: 'THROTTLE',
          dmcId: globalId('Dmc', 999_999),
          reason: 'x',
          recordedBy: 'MCC',
        },
      }),
    );
    expect(missing.recordPacingAction.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const cohort = ok(
      await t.request(RecordPacingActionDocument, {
        input: { date: DEMO_PACING_DATE, action: 'PAUSE', cohort: 'NOPE', reason: 'x', recordedBy: 'MCC' },
      }),
    );
    expect(cohort.recordPacingAction.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['NOT_FOUND', ['input', 'cohort']],
    ]);
    const decision = ok(
      await t.request(RecordGoNoGoDecisionDocument, {
        input: { date: DEMO_PACING_DATE, decision: 'GO', decidedBy: 'MCC', reason: '' },
      }),
    );
    expect(decision.recordGoNoGoDecision.userErrors.map((e) => e.field)).toEqual([['input', 'reason']]);
    expect([await count('pacing_action'), await count('go_no_go_decision')]).toEqual(before);
  });

  it('refuses suppliers, and the record cannot be rewritten', async () => {
    const res = await t.request(
      RecordPacingActionDocument,
      { input: { date: DEMO_PACING_DATE, action: 'PAUSE', reason: 'x', recordedBy: 'MCC' } },
      SUPPLIER,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await expect(db.query(`update go_no_go_decision set reason = 'rewritten'`)).rejects.toThrow(
      'rows are a record',
    );
    await expect(db.query(`delete from pacing_action`)).rejects.toThrow('rows are a record');
  });

  it('the database refuses a failed attempt without an error code, and a halt without its DMC', async () => {
    await expect(
      db.query(
        `insert into migration_attempt (installation_id, attempted_on, outcome, dmc_id, cohort_id, status)
         select installation_id, attempted_on, 'FAILED', dmc_id, cohort_id, status from migration_attempt limit 1`,
      ),
    ).rejects.toMatchObject({ constraint: 'migration_attempt_error_iff_failed' });
    await expect(
      db.query(
        `insert into pacing_action (action_date, action, reason, recorded_by) values ('2021-11-26', 'HALT_DMC', 'x', 'MCC')`,
      ),
    ).rejects.toMatchObject({ constraint: 'pacing_action_dmc_required' });
  });
});
