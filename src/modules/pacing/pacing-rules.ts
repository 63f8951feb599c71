/**
 * The migration pacing rules of EPCL Report 22, Annex C ("Latest DCC Pacing Strategy"), as pure functions:
 * no ORM, GraphQL or SQL. Given the attempts of a window of days, the day's plan and the error codes the
 * migration process expects, they say which DMCs or cohorts fail more than expected, which error codes are new,
 * and which pacing action the MCC should consider, each with its evidence.
 *
 * What Annex C says [S]: anomalous behaviour of a new EPCL entry's DMC gets that DMC "throttled or halted in
 * day until diagnosis can be made"; volumes are decreased, or migration paused, on "higher than expected
 * failure rates for that DMC", "for that cohort", or a "new or unknown error that was not expected as part of
 * the migration process"; volumes may be increased "if deemed appropriate due to the results of previous
 * migrations". LSC 3: a proven capacity of up to 50,000 installations a day.
 *
 * What we decided [I]: the expected rate is per cohort (configurable); a DMC or cohort is judged only once it
 * has `minAttempts` attempts in the window; above `throttleFactor` × expected a DMC is throttled, above
 * `haltFactor` × expected it is halted; a cohort above `throttleFactor` × expected is scaled down, above
 * `haltFactor` × expected paused; an unknown error code halts the DMCs it was seen on, and pauses
 * migration when it was seen on `pauseOnUnknownDmcs` DMCs or more (not one DMC's problem); a plan over capacity
 * is scaled down to it; with no trigger and a plan below capacity, scale up; after a pause with no trigger,
 * resume.
 */

export type PacingAction = 'SCALE_UP' | 'SCALE_DOWN' | 'THROTTLE' | 'HALT_DMC' | 'PAUSE' | 'RESUME';

export type PacingTrigger =
  | 'DMC_FAILURE_RATE'
  | 'COHORT_FAILURE_RATE'
  | 'UNKNOWN_ERROR_CODE'
  | 'OVER_CAPACITY'
  | 'HEADROOM'
  | 'NO_TRIGGER_AFTER_PAUSE';

/** Proven migration capacity, installations a day [S, LSC 3]. */
export const PROVEN_CAPACITY = 50_000;

export type PacingThresholds = {
  /** Days in the window ending on (and including) the day looked at. */
  windowDays: number;
  /** Failure rate expected of a cohort's migrations when none is given for it (0.05 = 5 %). */
  expectedFailureRate: number;
  /** Expected failure rate by cohort code, overriding `expectedFailureRate`. */
  expectedByCohort: Readonly<Record<string, number>>;
  /** Fewer attempts than this in the window: too few to judge a DMC or cohort. */
  minAttempts: number;
  /** Rate above expected × this: throttle the DMC, scale the cohort down. */
  throttleFactor: number;
  /** Rate above expected × this: halt the DMC, pause the cohort. */
  haltFactor: number;
  /** An unknown error code seen on this many DMCs or more pauses migration altogether. */
  pauseOnUnknownDmcs: number;
  /** Installations a day the migration can take. */
  capacity: number;
};

export const DEFAULT_THRESHOLDS: PacingThresholds = {
  windowDays: 7,
  expectedFailureRate: 0.05,
  expectedByCohort: {},
  minAttempts: 100,
  throttleFactor: 1.5,
  haltFactor: 3,
  pauseOnUnknownDmcs: 3,
  capacity: PROVEN_CAPACITY,
};

/** Attempts of one DMC on one day, by outcome and failing error code (as the database aggregates them). */
export type AttemptCount = {
  dmcId: number;
  cohort: string;
  attempts: number;
  failed: number;
  /** Failures by error code. */
  errors: Readonly<Record<string, number>>;
};

export type FailureRate = {
  attempts: number;
  failed: number;
  rate: number;
  expected: number;
  throttleAbove: number;
  haltAbove: number;
  /** Enough attempts to judge, and above `throttleAbove`. */
  anomalous: boolean;
};

export type DmcFailureRate = FailureRate & { dmcId: number; cohort: string };
export type CohortFailureRate = FailureRate & { cohort: string };

export type UnknownErrorCode = {
  code: string;
  occurrences: number;
  dmcIds: number[];
};

export type Recommendation = {
  action: PacingAction;
  trigger: PacingTrigger;
  dmcId: number | null;
  cohort: string | null;
  /** One sentence a person reads: what was seen, against what. */
  evidence: string;
};

export type PacingInput = {
  /** Attempt counts of the window (any number of rows per DMC: they are added up). */
  window: readonly AttemptCount[];
  /** Error codes the migration process expects; any other is new or unknown. */
  knownErrorCodes: ReadonlySet<string>;
  /** Installations planned for the day (0 when there is no plan). */
  planned: number;
  /** Whether migration is paused (the latest PAUSE has no RESUME after it). */
  paused: boolean;
  thresholds?: Partial<PacingThresholds>;
};

export type PacingAssessment = {
  thresholds: PacingThresholds;
  byDmc: DmcFailureRate[];
  byCohort: CohortFailureRate[];
  unknownErrorCodes: UnknownErrorCode[];
  recommendations: Recommendation[];
};

const pct = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const num = (n: number) => n.toLocaleString('en-GB');

export function thresholdsWith(overrides: Partial<PacingThresholds> = {}): PacingThresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...overrides };
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new RangeError(`pacing thresholds: ${what}`);
  };
  check(Number.isInteger(t.windowDays) && t.windowDays >= 1 && t.windowDays <= 90, 'windowDays 1–90');
  check(t.expectedFailureRate > 0 && t.expectedFailureRate < 1, 'expectedFailureRate in (0, 1)');
  for (const [cohort, rate] of Object.entries(t.expectedByCohort))
    check(rate > 0 && rate < 1, `expected rate of ${cohort} in (0, 1)`);
  check(Number.isInteger(t.minAttempts) && t.minAttempts >= 1, 'minAttempts ≥ 1');
  check(t.throttleFactor > 1 && t.haltFactor > t.throttleFactor, '1 < throttleFactor < haltFactor');
  check(Number.isInteger(t.pauseOnUnknownDmcs) && t.pauseOnUnknownDmcs >= 1, 'pauseOnUnknownDmcs ≥ 1');
  check(Number.isInteger(t.capacity) && t.capacity >= 1, 'capacity ≥ 1');
  return t;
}

export function expectedRate(t: PacingThresholds, cohort: string): number {
  return t.expectedByCohort[cohort] ?? t.expectedFailureRate;
}

function failureRate(t: PacingThresholds, cohort: string, attempts: number, failed: number): FailureRate {
  const expected = expectedRate(t, cohort);
  const rate = attempts === 0 ? 0 : failed / attempts;
  const throttleAbove = expected * t.throttleFactor;
  const haltAbove = expected * t.haltFactor;
  return {
    attempts,
    failed,
    rate,
    expected,
    throttleAbove,
    haltAbove,
    anomalous: attempts >= t.minAttempts && rate > throttleAbove,
  };
}

/** Failure rate of each DMC over the window, worst first. */
export function failureRatesByDmc(window: readonly AttemptCount[], t: PacingThresholds): DmcFailureRate[] {
  const sums = new Map<number, { cohort: string; attempts: number; failed: number }>();
  for (const row of window) {
    const s = sums.get(row.dmcId) ?? { cohort: row.cohort, attempts: 0, failed: 0 };
    s.attempts += row.attempts;
    s.failed += row.failed;
    sums.set(row.dmcId, s);
  }
  return [...sums]
    .map(([dmcId, s]) => ({ dmcId, cohort: s.cohort, ...failureRate(t, s.cohort, s.attempts, s.failed) }))
    .sort((a, b) => b.rate - a.rate || a.dmcId - b.dmcId);
}

/** Failure rate of each cohort over the window, worst first. */
export function failureRatesByCohort(
  window: readonly AttemptCount[],
  t: PacingThresholds,
): CohortFailureRate[] {
  const sums = new Map<string, { attempts: number; failed: number }>();
  for (const row of window) {
    const s = sums.get(row.cohort) ?? { attempts: 0, failed: 0 };
    s.attempts += row.attempts;
    s.failed += row.failed;
    sums.set(row.cohort, s);
  }
  return [...sums]
    .map(([cohort, s]) => ({ cohort, ...failureRate(t, cohort, s.attempts, s.failed) }))
    .sort((a, b) => b.rate - a.rate || a.cohort.localeCompare(b.cohort));
}

/** Error codes seen in the window that the migration process does not expect, most frequent first. */
export function unknownErrorCodes(
  window: readonly AttemptCount[],
  known: ReadonlySet<string>,
): UnknownErrorCode[] {
  const found = new Map<string, { occurrences: number; dmcIds: Set<number> }>();
  for (const row of window)
    for (const [code, n] of Object.entries(row.errors)) {
      if (known.has(code) || n <= 0) continue;
      const f = found.get(code) ?? { occurrences: 0, dmcIds: new Set<number>() };
      f.occurrences += n;
      f.dmcIds.add(row.dmcId);
      found.set(code, f);
    }
  return [...found]
    .map(([code, f]) => ({ code, occurrences: f.occurrences, dmcIds: [...f.dmcIds].sort((a, b) => a - b) }))
    .sort((a, b) => b.occurrences - a.occurrences || a.code.localeCompare(b.code));
}

function rateEvidence(subject: string, r: FailureRate, t: PacingThresholds): string {
  return (
    `${subject}: ${num(r.failed)} failed of ${num(r.attempts)} attempts in ${t.windowDays} days (${pct(r.rate)}); ` +
    `expected ${pct(r.expected)}, throttle above ${pct(r.throttleAbove)}, halt above ${pct(r.haltAbove)}`
  );
}

/**
 * Everything Annex C looks at for one day, and the recommended actions: the most severe first (PAUSE, HALT_DMC,
 * THROTTLE, SCALE_DOWN, then SCALE_UP or RESUME when nothing is wrong). A DMC gets one recommendation, the
 * most severe of its triggers, with the evidence of all of them.
 */
export function assessPacing(input: PacingInput): PacingAssessment {
  const t = thresholdsWith(input.thresholds);
  const byDmc = failureRatesByDmc(input.window, t);
  const byCohort = failureRatesByCohort(input.window, t);
  const unknown = unknownErrorCodes(input.window, input.knownErrorCodes);
  const recs: Recommendation[] = [];

  for (const c of byCohort) {
    if (!c.anomalous) continue;
    const pause = c.rate > c.haltAbove;
    recs.push({
      action: pause ? 'PAUSE' : 'SCALE_DOWN',
      trigger: 'COHORT_FAILURE_RATE',
      dmcId: null,
      cohort: c.cohort,
      evidence: rateEvidence(`cohort ${c.cohort}`, c, t),
    });
  }

  for (const u of unknown) {
    if (u.dmcIds.length >= t.pauseOnUnknownDmcs)
      recs.push({
        action: 'PAUSE',
        trigger: 'UNKNOWN_ERROR_CODE',
        dmcId: null,
        cohort: null,
        evidence: `error code ${u.code} is not expected in the migration process: ${num(u.occurrences)} failures on ${u.dmcIds.length} DMCs in ${t.windowDays} days (pause at ${t.pauseOnUnknownDmcs} DMCs)`,
      });
  }

  const dmcRecs = new Map<number, Recommendation>();
  const severity: Record<PacingAction, number> = {
    PAUSE: 0,
    HALT_DMC: 1,
    THROTTLE: 2,
    SCALE_DOWN: 3,
    SCALE_UP: 4,
    RESUME: 5,
  };
  const offer = (rec: Recommendation) => {
    const current = dmcRecs.get(rec.dmcId!);
    if (!current) dmcRecs.set(rec.dmcId!, rec);
    else if (severity[rec.action] < severity[current.action])
      dmcRecs.set(rec.dmcId!, { ...rec, evidence: `${rec.evidence}; also ${current.evidence}` });
    else current.evidence += `; also ${rec.evidence}`;
  };
  for (const d of byDmc) {
    if (!d.anomalous) continue;
    offer({
      action: d.rate > d.haltAbove ? 'HALT_DMC' : 'THROTTLE',
      trigger: 'DMC_FAILURE_RATE',
      dmcId: d.dmcId,
      cohort: d.cohort,
      evidence: rateEvidence(`DMC ${d.dmcId}`, d, t),
    });
  }
  const cohortOf = new Map(byDmc.map((d) => [d.dmcId, d.cohort]));
  for (const u of unknown) {
    if (u.dmcIds.length >= t.pauseOnUnknownDmcs) continue;
    for (const dmcId of u.dmcIds)
      offer({
        action: 'HALT_DMC',
        trigger: 'UNKNOWN_ERROR_CODE',
        dmcId,
        cohort: cohortOf.get(dmcId) ?? null,
        evidence: `error code ${u.code} is not expected in the migration process: seen on DMC ${dmcId} (${num(u.occurrences)} failures in ${t.windowDays} days); halt until diagnosed`,
      });
  }
  recs.push(...dmcRecs.values());

  if (input.planned > t.capacity)
    recs.push({
      action: 'SCALE_DOWN',
      trigger: 'OVER_CAPACITY',
      dmcId: null,
      cohort: null,
      evidence: `${num(input.planned)} installations planned, above the capacity of ${num(t.capacity)} a day by ${num(input.planned - t.capacity)}`,
    });

  if (recs.length === 0) {
    const judged = byDmc.filter((d) => d.attempts >= t.minAttempts).length;
    if (input.paused)
      recs.push({
        action: 'RESUME',
        trigger: 'NO_TRIGGER_AFTER_PAUSE',
        dmcId: null,
        cohort: null,
        evidence: `migration is paused and no DMC or cohort is above its expected failure rate, and no unknown error code was seen in ${t.windowDays} days`,
      });
    else if (input.planned < t.capacity && judged > 0)
      recs.push({
        action: 'SCALE_UP',
        trigger: 'HEADROOM',
        dmcId: null,
        cohort: null,
        evidence: `${judged} DMCs judged, none above its expected failure rate; ${num(input.planned)} planned of a capacity of ${num(t.capacity)} a day`,
      });
  }

  recs.sort(
    (a, b) =>
      severity[a.action] - severity[b.action] ||
      (a.dmcId ?? 0) - (b.dmcId ?? 0) ||
      (a.cohort ?? '').localeCompare(b.cohort ?? ''),
  );
  return { thresholds: t, byDmc, byCohort, unknownErrorCodes: unknown, recommendations: recs };
}
