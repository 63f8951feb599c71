import {
  assessPacing,
  DEFAULT_THRESHOLDS,
  thresholdsWith,
  type AttemptCount,
  type PacingInput,
} from '../../src/modules/pacing/pacing-rules';

/*
 * Golden cases for the Annex C triggers (src/modules/pacing/pacing-rules.ts): DMC failure rate, cohort
 * failure rate, new or unknown error code, capacity, and what is recommended when nothing is wrong.
 * Defaults: expected 5 %, throttle above 7.5 %, halt above 15 %, judged from 100 attempts.
 */

const KNOWN = new Set(['E101', 'E205']);

function row(
  dmcId: number,
  attempts: number,
  failed: number,
  cohort = 'MOC_SECURE',
  code = 'E101',
): AttemptCount {
  return { dmcId, cohort, attempts, failed, errors: failed ? { [code]: failed } : {} };
}

function assess(window: AttemptCount[], extra: Partial<PacingInput> = {}) {
  return assessPacing({ window, knownErrorCodes: KNOWN, planned: 30_000, paused: false, ...extra });
}

/** Healthy background: three DMCs of two cohorts at 3 % failures. */
const HEALTHY = [row(1, 10_000, 300), row(2, 8_000, 240), row(3, 5_000, 150, 'FOC')];

describe('pacing rules (Annex C)', () => {
  it('recommends scaling up when every rate is as expected and the plan is below capacity', () => {
    const a = assess(HEALTHY);
    expect(a.recommendations).toEqual([
      {
        action: 'SCALE_UP',
        trigger: 'HEADROOM',
        dmcId: null,
        cohort: null,
        evidence:
          '3 DMCs judged, none above its expected failure rate; 30,000 planned of a capacity of 50,000 a day',
      },
    ]);
    expect(a.byDmc.map((d) => [d.dmcId, d.rate, d.anomalous])).toEqual([
      [1, 0.03, false],
      [2, 0.03, false],
      [3, 0.03, false],
    ]);
  });

  describe('DMC failure rate over the window against the expected rate', () => {
    it('throttles a DMC above 1.5 × expected', () => {
      const a = assess([...HEALTHY, row(4, 1_000, 100)]); // 10 %
      expect(a.recommendations).toEqual([
        {
          action: 'THROTTLE',
          trigger: 'DMC_FAILURE_RATE',
          dmcId: 4,
          cohort: 'MOC_SECURE',
          evidence:
            'DMC 4: 100 failed of 1,000 attempts in 7 days (10.0 %); expected 5.0 %, throttle above 7.5 %, halt above 15.0 %',
        },
      ]);
      expect(a.byDmc[0]).toMatchObject({ dmcId: 4, rate: 0.1, expected: 0.05, anomalous: true });
    });

    it('halts a DMC above 3 × expected', () => {
      const a = assess([...HEALTHY, row(4, 500, 60), row(4, 500, 60)]); // 12 % + 12 %, added up: 120/1000
      expect(a.recommendations.map((r) => [r.action, r.dmcId])).toEqual([['THROTTLE', 4]]);
      const b = assess([...HEALTHY, row(4, 1_000, 200)]); // 20 %
      expect(b.recommendations.map((r) => [r.action, r.trigger, r.dmcId])).toEqual([
        ['HALT_DMC', 'DMC_FAILURE_RATE', 4],
      ]);
    });

    it('does not judge a DMC with fewer attempts than minAttempts', () => {
      const a = assess([...HEALTHY, row(4, 99, 50)]);
      expect(a.byDmc.find((d) => d.dmcId === 4)).toMatchObject({ rate: 50 / 99, anomalous: false });
      expect(a.recommendations.map((r) => r.action)).toEqual(['SCALE_UP']);
    });

    it('uses the configured thresholds and the expected rate of the DMC’s cohort', () => {
      const window = [...HEALTHY, row(4, 1_000, 100)];
      expect(assess(window, { thresholds: { expectedFailureRate: 0.08 } }).recommendations[0].action).toBe(
        'SCALE_UP', // 10 % is below 1.5 × 8 %
      );
      expect(
        assess(window, { thresholds: { expectedByCohort: { MOC_SECURE: 0.02 } } }).recommendations.map(
          (r) => [r.action, r.trigger, r.dmcId ?? r.cohort],
        ),
      ).toEqual([
        // 10 % > 3 × 2 %; the cohort (14,500 attempts, 640 failed: 4.4 %) is above 1.5 × 2 % too
        ['HALT_DMC', 'DMC_FAILURE_RATE', 4],
        ['SCALE_DOWN', 'COHORT_FAILURE_RATE', 'MOC_SECURE'],
      ]);
    });
  });

  describe('cohort failure rate', () => {
    it('scales down a cohort above 1.5 × expected, pauses one above 3 × expected', () => {
      const foc = [row(10, 90, 9, 'FOC'), row(11, 90, 9, 'FOC')]; // each DMC too small to judge; cohort 10 %
      const a = assess([...HEALTHY.slice(0, 2), ...foc]);
      expect(a.recommendations).toEqual([
        {
          action: 'SCALE_DOWN',
          trigger: 'COHORT_FAILURE_RATE',
          dmcId: null,
          cohort: 'FOC',
          evidence:
            'cohort FOC: 18 failed of 180 attempts in 7 days (10.0 %); expected 5.0 %, throttle above 7.5 %, halt above 15.0 %',
        },
      ]);
      const worse = [row(10, 90, 18, 'FOC'), row(11, 90, 18, 'FOC')]; // 20 %
      expect(assess(worse).recommendations.map((r) => [r.action, r.cohort])).toEqual([['PAUSE', 'FOC']]);
    });
  });

  describe('new or unknown error codes', () => {
    it('halts the DMC an unknown error code was seen on, whatever its rate', () => {
      const a = assess([...HEALTHY, row(2, 50, 2, 'MOC_SECURE', 'X999')]);
      expect(a.unknownErrorCodes).toEqual([{ code: 'X999', occurrences: 2, dmcIds: [2] }]);
      expect(a.recommendations).toEqual([
        {
          action: 'HALT_DMC',
          trigger: 'UNKNOWN_ERROR_CODE',
          dmcId: 2,
          cohort: 'MOC_SECURE',
          evidence:
            'error code X999 is not expected in the migration process: seen on DMC 2 (2 failures in 7 days); halt until diagnosed',
        },
      ]);
    });

    it('pauses migration when an unknown code is seen on pauseOnUnknownDmcs DMCs', () => {
      const spread = [1, 2, 3].map((d) => row(d, 10, 1, d === 3 ? 'FOC' : 'MOC_SECURE', 'X999'));
      const a = assess([...HEALTHY, ...spread]);
      expect(a.recommendations.map((r) => [r.action, r.trigger, r.dmcId])).toEqual([
        ['PAUSE', 'UNKNOWN_ERROR_CODE', null],
      ]);
      expect(a.recommendations[0].evidence).toBe(
        'error code X999 is not expected in the migration process: 3 failures on 3 DMCs in 7 days (pause at 3 DMCs)',
      );
    });

    it('keeps the most severe recommendation for a DMC with several triggers', () => {
      const a = assess([...HEALTHY, row(4, 1_000, 100), row(4, 10, 1, 'MOC_SECURE', 'X999')]);
      expect(a.recommendations.map((r) => [r.action, r.trigger, r.dmcId])).toEqual([
        ['HALT_DMC', 'UNKNOWN_ERROR_CODE', 4],
      ]);
      expect(a.recommendations[0].evidence).toBe(
        'error code X999 is not expected in the migration process: seen on DMC 4 (1 failures in 7 days); halt until diagnosed; also DMC 4: 101 failed of 1,010 attempts in 7 days (10.0 %); expected 5.0 %, throttle above 7.5 %, halt above 15.0 %',
      );
    });
  });

  describe('capacity (50,000 a day proven)', () => {
    it('scales down a plan above capacity', () => {
      const a = assess(HEALTHY, { planned: 62_000 });
      expect(a.recommendations).toEqual([
        {
          action: 'SCALE_DOWN',
          trigger: 'OVER_CAPACITY',
          dmcId: null,
          cohort: null,
          evidence: '62,000 installations planned, above the capacity of 50,000 a day by 12,000',
        },
      ]);
    });

    it('does not scale up at capacity, and recommends resuming after a pause with no trigger', () => {
      expect(assess(HEALTHY, { planned: 50_000 }).recommendations).toEqual([]);
      expect(assess(HEALTHY, { paused: true }).recommendations.map((r) => [r.action, r.trigger])).toEqual([
        ['RESUME', 'NO_TRIGGER_AFTER_PAUSE'],
      ]);
    });
  });

  it('orders recommendations by severity', () => {
    const a = assess(
      [...HEALTHY, row(4, 1_000, 100), row(5, 1_000, 200), row(10, 90, 18, 'IOC'), row(11, 90, 18, 'IOC')],
      {
        planned: 60_000,
      },
    );
    expect(a.recommendations.map((r) => `${r.action}:${r.dmcId ?? r.cohort ?? '-'}`)).toEqual([
      'PAUSE:IOC',
      'HALT_DMC:5',
      'THROTTLE:4',
      'SCALE_DOWN:-',
    ]);
  });

  it('refuses thresholds that make no sense', () => {
    expect(thresholdsWith()).toEqual(DEFAULT_THRESHOLDS);
    expect(() => thresholdsWith({ haltFactor: 1.2 })).toThrow('1 < throttleFactor < haltFactor');
    expect(() => thresholdsWith({ expectedFailureRate: 0 })).toThrow('expectedFailureRate');
    expect(() => thresholdsWith({ windowDays: 0 })).toThrow('windowDays');
  });
});
