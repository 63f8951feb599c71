import { withBulkLoad } from './bulk-load';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PROVEN_CAPACITY } from '../src/modules/pacing/pacing-rules';
import { Random } from './random';

/*
 * A synthetic migration pacing history [I] over the inventory just loaded, so that `pacing(date:)` and the
 * dashboard have something real to show: 20 working days ending on DEMO_PACING_DATE, a daily plan and
 * Go/No-go for each, a few pacing actions, and attempts at up to the proven 50,000 a day scaled to the
 * inventory (a national inventory taken as 3,000,000 installations: 2,500 a day for the 150,000 of
 * `npm start`).
 *
 * Consistency with the inventory: a successful attempt is made on a MIGRATED installation, whose
 * `migrated_on` becomes the attempt's date; failed attempts are made on FAILED installations (their latest
 * attempt failed), at most four each, and, for the anomalous DMC, also on unmigrated ones (a failed attempt
 * leaves an installation unmigrated, to be tried again). Every attempt carries the DMC, cohort and status of
 * its installation.
 * No migration state changes, so the report 22 figures stay as they were.
 *
 * The anomaly the rules must catch: the DMC with the most migrated installations, ramped up over the last ten days,
 * fails about 13 % of its attempts (others about 3 %, expected 5 %), and in the last three days some of its
 * failures carry an error code the migration process does not expect (DEMO_UNKNOWN_ERROR_CODE).
 */

export const DEMO_PACING_DATE = '2021-11-26';
export const DEMO_UNKNOWN_ERROR_CODE = 'S1SP_ALERT_8F3C';
const NATIONAL_INSTALLATIONS = 3_000_000;
const WORKING_DAYS = 20;
const NO_GO_DAY = 7; // index of the working day with a No-go (S1SP maintenance overran)

/** Error codes the migration process expects [I: DCC's own codes are not public]. */
export const KNOWN_ERROR_CODES: Record<string, string> = {
  CH_NO_WAN: 'Communications hub has no WAN connection at migration',
  KEY_ROTATION_FAILED: 'Security credential (key) rotation did not complete',
  HAN_JOIN_FAILED: 'A device did not join the HAN after migration',
  INVENTORY_MISMATCH: 'The SMSO inventory does not match the DMC',
  S1SP_TIMEOUT: 'The S1SP did not answer in time',
  FW_MISMATCH: 'Firmware reported by a device differs from the inventory',
};

type PoolRow = {
  id: number;
  dmc_id: number;
  cohort_id: number;
  status: string;
  supplier_id: number;
  migration_state: 'MIGRATED' | 'FAILED';
};

export type PacingSeedResult = { days: number; attempts: number; anomalousDmcId: number | null };

/** The working days (Monday to Friday) ending on `last`, oldest first. */
export function workingDaysUntil(last: string, count: number): string[] {
  const days: string[] = [];
  const d = new Date(`${last}T00:00:00Z`);
  while (days.length < count) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days.unshift(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return days;
}

/** Loads the pacing history; call after the inventory, inside the seeding transaction. */
export async function loadPacing(
  db: ClientBase,
  installations: number,
  seed: number,
): Promise<PacingSeedResult> {
  const rng = new Random(seed ^ 0x5eed_9ac1);
  for (const [code, description] of Object.entries(KNOWN_ERROR_CODES))
    await db.query('insert into migration_error_code (code, description) values ($1, $2)', [
      code,
      description,
    ]);

  const { rows: pool } = await db.query<PoolRow>(
    `select i.id, c.dmc_id, i.cohort_id, i.status, i.supplier_id, i.migration_state
       from installation i join device_combo c on c.id = i.combo_id
      where c.dmc_id is not null and i.migration_state in ('MIGRATED', 'FAILED', 'UNMIGRATED')
      order by i.id`,
  );
  const all = pool.filter((r) => r.migration_state === 'MIGRATED');
  if (all.length === 0) return { days: 0, attempts: 0, anomalousDmcId: null };

  // The anomalous DMC: the one with the most migrated installations (so it has volume to judge) among those
  // with at least three installations left to fail.
  const migratedByDmc = new Map<number, number>();
  for (const r of all) migratedByDmc.set(r.dmc_id, (migratedByDmc.get(r.dmc_id) ?? 0) + 1);
  const failableByDmc = new Map<number, number>();
  for (const r of pool)
    if (r.migration_state !== 'MIGRATED') failableByDmc.set(r.dmc_id, (failableByDmc.get(r.dmc_id) ?? 0) + 1);
  const ranked = [...migratedByDmc].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const failable = (dmc: number) => failableByDmc.get(dmc) ?? 0;
  const anomalousDmcId = (ranked.find(([dmc]) => failable(dmc) >= 10) ??
    ranked.find(([dmc]) => failable(dmc) >= 3) ??
    ranked[0])[0];
  // Its installations go first in each day's volume of the last ten working days, up to a quarter of it: a
  // DMC being ramped up, as Annex C's new EPCL entries are.
  const anomalousMigrated = rng.shuffle(all.filter((r) => r.dmc_id === anomalousDmcId));
  const migrated = rng.shuffle(all.filter((r) => r.dmc_id !== anomalousDmcId));
  const others = rng.shuffle(
    pool.filter((r) => r.migration_state === 'FAILED' && r.dmc_id !== anomalousDmcId),
  );
  // Its failures: installations still unmigrated or failed (a failed attempt leaves one unmigrated).
  const anomalousPool = rng.shuffle(
    pool.filter((r) => r.migration_state !== 'MIGRATED' && r.dmc_id === anomalousDmcId),
  );
  const failures = new Map<number, number>();
  const MAX_FAILURES = 4;
  /** The next FAILED installation of `list` with fewer than four failed attempts, round-robin. */
  const cursor = new Map<PoolRow[], number>();
  const nextFailing = (list: PoolRow[]): PoolRow | undefined => {
    for (let tries = 0; tries < list.length; tries++) {
      const i = (cursor.get(list) ?? 0) % list.length;
      cursor.set(list, i + 1);
      const r = list[i];
      if ((failures.get(r.id) ?? 0) < MAX_FAILURES) {
        failures.set(r.id, (failures.get(r.id) ?? 0) + 1);
        return r;
      }
    }
    return undefined;
  };

  const capacity = Math.max(
    1,
    Math.min(PROVEN_CAPACITY, Math.round((installations * PROVEN_CAPACITY) / NATIONAL_INSTALLATIONS)),
  );
  const days = workingDaysUntil(DEMO_PACING_DATE, WORKING_DAYS);
  const codes = Object.keys(KNOWN_ERROR_CODES);
  let next = 0;
  let lines = '';
  let attempts = 0;
  const migratedOn: [number, string][] = [];
  // The full volume: 90 % of capacity, or less when the inventory has too few migrated installations with a
  // catalogued DMC to last the 19 working days with a Go (the ramp averages about 80 % of it).
  const full = Math.max(1, Math.min(capacity * 0.9, all.length / 17));
  // A DMC being ramped up: its installations in the last ten working days, so the window has volume to judge.
  const RAMP_FROM = WORKING_DAYS - 10;
  const anomalousPerDay = Math.ceil(anomalousMigrated.length / 10);
  let nextAnomalous = 0;
  for (const [index, day] of days.entries()) {
    // Ramp from half the full volume to all of it over the first two weeks.
    const share = Math.min(1, 0.5 + (0.5 * index) / 10) * (0.97 + 0.06 * rng.next());
    const planned = Math.max(1, Math.round(full * share));
    const allocation = new Map<string, number>();
    const attempted: PoolRow[] = [];
    if (index !== NO_GO_DAY) {
      const volume = Math.round(planned * 0.97);
      const first = anomalousMigrated.slice(
        nextAnomalous,
        nextAnomalous + (index < RAMP_FROM ? 0 : Math.min(anomalousPerDay, Math.ceil(volume / 4))),
      );
      nextAnomalous += first.length;
      const successes = [...first, ...migrated.slice(next, next + volume - first.length)];
      next += successes.length - first.length;
      for (const r of successes) {
        attempted.push(r);
        lines += `${r.id}\t${day}\tSUCCEEDED\t\\N\t${r.dmc_id}\t${r.cohort_id}\t${r.status}\n`;
        migratedOn.push([r.id, day]);
      }
      const baseline = Math.round(successes.length * 0.03);
      for (let k = 0; k < baseline; k++) {
        const r = nextFailing(others);
        if (!r) break;
        attempted.push(r);
        lines += `${r.id}\t${day}\tFAILED\t${rng.pick(codes)}\t${r.dmc_id}\t${r.cohort_id}\t${r.status}\n`;
      }
      const anomalousSuccesses = successes.filter((r) => r.dmc_id === anomalousDmcId).length;
      // Keep one failure of the anomalous DMC for each of the last three days, when the unknown code shows.
      const keep = Math.max(0, WORKING_DAYS - 3 - index) > 0 ? 3 : WORKING_DAYS - 1 - index;
      const budget = anomalousPool.reduce((sum, r) => sum + MAX_FAILURES - (failures.get(r.id) ?? 0), 0);
      // About 13 % of its attempts fail (0.15 failures per success): above the throttle threshold of 7.5 %.
      const extra = Math.min(Math.max(1, Math.round(anomalousSuccesses * 0.15)), budget - keep);
      for (let k = 0; k < extra; k++) {
        const r = nextFailing(anomalousPool);
        if (!r) break;
        attempted.push(r);
        const code = index >= WORKING_DAYS - 3 && k % 2 === 0 ? DEMO_UNKNOWN_ERROR_CODE : rng.pick(codes);
        lines += `${r.id}\t${day}\tFAILED\t${code}\t${r.dmc_id}\t${r.cohort_id}\t${r.status}\n`;
      }
    }
    attempts += attempted.length;
    for (const r of attempted) {
      const key = `${r.supplier_id}\t${r.status}`;
      allocation.set(key, (allocation.get(key) ?? 0) + 1);
    }
    const { rows } = await db.query<{ id: number }>(
      'insert into daily_plan (plan_date, capacity) values ($1, $2) returning id',
      [day, capacity],
    );
    // The plan by supplier and status: what was attempted, plus the few planned but not attempted.
    const total = [...allocation.values()].reduce((a, b) => a + b, 0);
    for (const [key, n] of [...allocation].sort()) {
      const [supplier, status] = key.split('\t');
      const share = total ? Math.round((n * planned) / total) : 0;
      await db.query(
        'insert into daily_plan_allocation (plan_id, supplier_id, status, planned) values ($1, $2, $3, $4)',
        [rows[0].id, Number(supplier), status, Math.max(n, share)],
      );
    }
    const noGo = index === NO_GO_DAY;
    await db.query(
      `insert into go_no_go_decision (decision_date, decision, decided_by, reason, recorded_at)
       values ($1, $2, 'MCC duty manager', $3, $1::date + time '09:30' at time zone 'UTC')`,
      [
        day,
        noGo ? 'NO_GO' : 'GO',
        noGo
          ? 'S1SP maintenance window overran; service providers not ready. Migrations paused for the day.'
          : 'Previous migrations within expected failure rates; all service providers ready.',
      ],
    );
    const action =
      index === NO_GO_DAY
        ? ['PAUSE', 'S1SP maintenance window overran (No-go)']
        : index === NO_GO_DAY + 1
          ? ['RESUME', 'S1SP confirmed service restored at the Go/No-go']
          : index === 4 || index === 9
            ? ['SCALE_UP', 'Previous migrations at or below expected failure rates; volumes increased']
            : null;
    if (action)
      await db.query(
        `insert into pacing_action (action_date, action, reason, recorded_by, recorded_at)
         values ($1, $2, $3, 'MCC duty manager', $1::date + time '10:00' at time zone 'UTC')`,
        [day, action[0], action[1]],
      );
  }

  // Loaded like the inventory: keys and foreign keys re-created after the COPY, validated set-based (checking
  // them row by row, against an installation table just bulk-loaded in this transaction, took minutes).
  await withBulkLoad(db, ['migration_attempt'], async () => {
    const stream = db.query(
      copyFrom(
        'copy migration_attempt (installation_id, attempted_on, outcome, error_code, dmc_id, cohort_id, status) from stdin',
      ),
    );
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', (e: Error) => reject(e));
      stream.end(lines);
    });
  });
  await db.query(
    `update installation i set migrated_on = v.day
       from unnest($1::int[], $2::date[]) as v(id, day) where i.id = v.id`,
    [migratedOn.map(([id]) => id), migratedOn.map(([, d]) => d)],
  );
  return { days: days.length, attempts, anomalousDmcId };
}
