import type { Context } from '../../core/graphql/context';
import { decodeGlobalId, encodeGlobalId } from '../../core/graphql/compiler/global-id';
import { ruleViolation, userError, type UserError } from '../../core/graphql/user-error';
import { InstallationStatus } from '../common/enums';
import { Cohort, Dmc } from '../dmc/dmc.entity';
import { GoNoGo, GoNoGoDecision, PacingAction, PacingActionKind } from './pacing.entity';
import { assessPacing, PROVEN_CAPACITY, type AttemptCount, type PacingThresholds } from './pacing-rules';
import type {
  GoNoGoDecisionNode,
  Pacing,
  PacingActionRecord,
  PacingDay,
  PlanAllocation,
  PacingTrigger,
} from './pacing.types';

/*
 * Reads: a handful of aggregate statements over migration_attempt and the plan/decision/action tables,
 * then the pure rules (pacing-rules.ts). Writes: one unit of work per mutation, as updateManufacturer.
 */

type DecisionRow = {
  id: number;
  decision_date: string;
  decision: GoNoGo;
  decided_by: string;
  reason: string;
  recorded_at: Date;
};
type ActionRow = {
  id: number;
  action_date: string;
  action: PacingActionKind;
  dmc_id: number | null;
  cohort: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: Date;
};

const DECISION_COLUMNS = `d.id, d.decision_date::text as decision_date, d.decision, d.decided_by, d.reason, d.recorded_at`;
const ACTION_COLUMNS = `a.id, a.action_date::text as action_date, a.action, a.dmc_id, c.code as cohort, a.reason,
  a.recorded_by, a.recorded_at`;

function decisionFromRow(r: DecisionRow): GoNoGoDecisionNode {
  return {
    id: encodeGlobalId('GoNoGoDecision', r.id),
    date: r.decision_date,
    decision: r.decision,
    decidedBy: r.decided_by,
    reason: r.reason,
    recordedAt: new Date(r.recorded_at),
  };
}

function actionFromRow(r: ActionRow): PacingActionRecord {
  return {
    id: encodeGlobalId('PacingAction', r.id),
    date: r.action_date,
    action: r.action,
    dmcId: r.dmc_id,
    dmc: null,
    cohort: r.cohort,
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at),
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type PacingQuery = {
  date: string;
  historyDays: number;
  thresholds: Partial<Omit<PacingThresholds, 'capacity'>>;
};

/** Everything `pacing(date:)` answers, for DCC staff (the resolver checks the viewer). */
export async function pacingOn(ctx: Context, q: PacingQuery): Promise<Pacing> {
  // Validates the thresholds before any statement runs (throws RangeError).
  const windowDays = assessPacing({
    window: [],
    knownErrorCodes: new Set(),
    planned: 0,
    paused: false,
    thresholds: q.thresholds,
  }).thresholds.windowDays;
  const windowFrom = addDays(q.date, 1 - windowDays);
  const historyFrom = addDays(q.date, 1 - q.historyDays);

  const [windowRows, dayRows, allocationRows, known, decisionRows, actionRows, pausedRows] =
    await Promise.all([
      ctx.sql<{ dmc_id: number; cohort: string; error_code: string | null; n: number }>(
        `select a.dmc_id, c.code as cohort, a.error_code, count(*)::int as n
         from migration_attempt a join cohort c on c.id = a.cohort_id
        where a.attempted_on between $1::date and $2::date
        group by a.dmc_id, c.code, a.error_code`,
        [windowFrom, q.date],
      ),
      ctx.sql<{ day: string; capacity: number | null; planned: number; attempted: number; failed: number }>(
        `select g.day::date::text as day, p.capacity,
              coalesce((select sum(x.planned) from daily_plan_allocation x where x.plan_id = p.id), 0)::int as planned,
              coalesce(t.attempted, 0)::int as attempted, coalesce(t.failed, 0)::int as failed
         from generate_series($1::date, $2::date, interval '1 day') g(day)
         left join daily_plan p on p.plan_date = g.day::date
         left join (select attempted_on, count(*) as attempted, count(*) filter (where outcome = 'FAILED') as failed
                      from migration_attempt where attempted_on between $1::date and $2::date
                     group by attempted_on) t on t.attempted_on = g.day::date
        order by g.day`,
        [historyFrom, q.date],
      ),
      ctx.sql<{ supplier: string; status: InstallationStatus; planned: number }>(
        `select s.name as supplier, x.status, x.planned
         from daily_plan p join daily_plan_allocation x on x.plan_id = p.id join supplier s on s.id = x.supplier_id
        where p.plan_date = $1::date
        order by s.name, x.status`,
        [q.date],
      ),
      ctx.sql<{ code: string }>(`select code from migration_error_code`),
      ctx.sql<DecisionRow>(
        `select ${DECISION_COLUMNS} from go_no_go_decision d
        where d.decision_date between $1::date and $2::date order by d.decision_date desc, d.recorded_at desc, d.id desc`,
        [windowFrom, q.date],
      ),
      ctx.sql<ActionRow>(
        `select ${ACTION_COLUMNS} from pacing_action a left join cohort c on c.id = a.cohort_id
        where a.action_date between $1::date and $2::date order by a.action_date desc, a.recorded_at desc, a.id desc`,
        [windowFrom, q.date],
      ),
      ctx.sql<{ action: PacingActionKind }>(
        `select action from pacing_action where action in ('PAUSE','RESUME') and action_date <= $1::date
        order by action_date desc, recorded_at desc, id desc limit 1`,
        [q.date],
      ),
    ]);

  const counts = new Map<number, AttemptCount & { errors: Record<string, number> }>();
  for (const r of windowRows) {
    const c = counts.get(r.dmc_id) ?? {
      dmcId: r.dmc_id,
      cohort: r.cohort,
      attempts: 0,
      failed: 0,
      errors: {},
    };
    c.attempts += r.n;
    if (r.error_code !== null) {
      c.failed += r.n;
      c.errors[r.error_code] = (c.errors[r.error_code] ?? 0) + r.n;
    }
    counts.set(r.dmc_id, c);
  }
  const history: PacingDay[] = dayRows.map((r) => ({
    date: r.day,
    capacity: r.capacity ?? PROVEN_CAPACITY,
    planned: r.planned,
    attempted: r.attempted,
    succeeded: r.attempted - r.failed,
    failed: r.failed,
  }));
  const today = history[history.length - 1];
  const paused = pausedRows[0]?.action === PacingActionKind.PAUSE;
  const a = assessPacing({
    window: [...counts.values()],
    knownErrorCodes: new Set(known.map((k) => k.code)),
    planned: today.planned,
    paused,
    thresholds: { ...q.thresholds, capacity: today.capacity },
  });
  const decisions = decisionRows.map(decisionFromRow);
  return {
    date: q.date,
    windowFrom,
    capacity: today.capacity,
    planned: today.planned,
    allocations: allocationRows satisfies PlanAllocation[],
    attempted: today.attempted,
    succeeded: today.succeeded,
    failed: today.failed,
    paused,
    thresholds: a.thresholds,
    failureRateByDmc: a.byDmc.map((d) => ({ ...d, dmc: null as never })),
    failureRateByCohort: a.byCohort,
    newErrorCodes: a.unknownErrorCodes.map((u) => u.code),
    unknownErrorCodes: a.unknownErrorCodes.map((u) => ({ ...u, dmcs: [] })),
    recommendations: a.recommendations.map((r) => ({
      dmcId: r.dmcId,
      dmc: null,
      cohort: r.cohort,
      action: r.action as PacingActionKind,
      reason: r.trigger as PacingTrigger,
      evidence: r.evidence,
    })),
    decision: decisions.find((d) => d.date === q.date) ?? null,
    decisions,
    actions: actionRows.map(actionFromRow),
    history,
  };
}

export async function latestPacingDate(ctx: Context): Promise<string | null> {
  const [row] = await ctx.sql<{ day: string | null }>(
    `select greatest((select max(plan_date) from daily_plan), (select max(attempted_on) from migration_attempt))::text as day`,
  );
  return row?.day ?? null;
}

export async function findDecision(ctx: Context, id: number): Promise<GoNoGoDecisionNode | null> {
  const [row] = await ctx.sql<DecisionRow>(
    `select ${DECISION_COLUMNS} from go_no_go_decision d where d.id = $1::int`,
    [id],
  );
  return row ? decisionFromRow(row) : null;
}

export async function findAction(ctx: Context, id: number): Promise<PacingActionRecord | null> {
  const [row] = await ctx.sql<ActionRow>(
    `select ${ACTION_COLUMNS} from pacing_action a left join cohort c on c.id = a.cohort_id where a.id = $1::int`,
    [id],
  );
  return row ? actionFromRow(row) : null;
}

export type WriteResult = { id: number | null; userErrors: UserError[] };

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(errors: UserError[], value: string, field: string, max: number, multiline = false): string {
  const trimmed = value.trim();
  if (
    trimmed.length < 1 ||
    trimmed.length > max ||
    CONTROL.test(trimmed) ||
    (!multiline && /[\r\n]/.test(trimmed))
  )
    errors.push(
      userError(
        'INVALID_INPUT',
        `${field} must be 1–${max} characters after trimming, without control characters; received ${trimmed.length} characters`,
        ['input', field],
      ),
    );
  return trimmed;
}

/** Records a daily Go/No-go; validated before any write, one unit of work. */
export async function recordGoNoGoDecision(
  ctx: Context,
  input: { date: string; decision: GoNoGo; decidedBy: string; reason: string },
): Promise<WriteResult> {
  const errors: UserError[] = [];
  const decidedBy = text(errors, input.decidedBy, 'decidedBy', 200);
  const reason = text(errors, input.reason, 'reason', 2000, true);
  if (errors.length) return { id: null, userErrors: errors };
  try {
    return await ctx.transactional(async (em) => {
      const row = em.create(GoNoGoDecision, {
        decisionDate: input.date,
        decision: input.decision,
        decidedBy,
        reason,
      });
      await em.flush();
      return { id: row.id, userErrors: [] };
    });
  } catch (error) {
    const violation = ruleViolation(error);
    if (violation) return { id: null, userErrors: [violation] };
    throw error;
  }
}

const NEEDS_DMC = new Set([PacingActionKind.THROTTLE, PacingActionKind.HALT_DMC]);

/** Records a pacing action; THROTTLE and HALT_DMC name a DMC, the cohort is optional (its code). */
export async function recordPacingAction(
  ctx: Context,
  input: {
    date: string;
    action: PacingActionKind;
    dmcId?: string | null;
    cohort?: string | null;
    reason: string;
    recordedBy: string;
  },
): Promise<WriteResult> {
  const errors: UserError[] = [];
  const recordedBy = text(errors, input.recordedBy, 'recordedBy', 200);
  const reason = text(errors, input.reason, 'reason', 2000, true);
  let dmcKey: number | undefined;
  if (input.dmcId != null) {
    try {
      const decoded = decodeGlobalId(input.dmcId, 'input.dmcId');
      if (decoded.typeName === 'Dmc') dmcKey = decoded.key;
    } catch {
      // reported below
    }
    if (dmcKey === undefined)
      errors.push(userError('INVALID_INPUT', 'dmcId must be the ID of a Dmc', ['input', 'dmcId']));
  } else if (NEEDS_DMC.has(input.action)) {
    errors.push(
      userError('INVALID_INPUT', `${input.action} needs the DMC it applies to`, ['input', 'dmcId']),
    );
  }
  if (errors.length) return { id: null, userErrors: errors };

  try {
    return await ctx.transactional(async (em) => {
      const dmc = dmcKey === undefined ? null : await em.findOne(Dmc, dmcKey);
      if (dmcKey !== undefined && !dmc)
        return {
          id: null,
          userErrors: [userError('NOT_FOUND', `no DMC ${input.dmcId}`, ['input', 'dmcId'])],
        };
      const cohort = input.cohort == null ? null : await em.findOne(Cohort, { code: input.cohort });
      if (input.cohort != null && !cohort)
        return {
          id: null,
          userErrors: [
            userError('NOT_FOUND', `no cohort ${JSON.stringify(input.cohort)}`, ['input', 'cohort']),
          ],
        };
      const row = em.create(PacingAction, {
        actionDate: input.date,
        action: input.action,
        dmc,
        cohort,
        reason,
        recordedBy,
      });
      await em.flush();
      return { id: row.id, userErrors: [] };
    });
  } catch (error) {
    const violation = ruleViolation(error);
    if (violation) return { id: null, userErrors: [violation] };
    throw error;
  }
}
