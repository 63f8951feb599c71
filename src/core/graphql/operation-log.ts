import type { Metrics } from '../metrics';
import type { Context } from './context';

/** What one finished operation reports: its name and type, when it started, and any errors it answered. */
export type FinishedOperation = {
  name: string | null | undefined;
  type: string | null | undefined;
  /** `process.hrtime.bigint()` when the request started. */
  started: bigint;
  errors?: readonly { extensions?: Record<string, unknown> }[];
};

/**
 * The one log line (`graphql operation`) and the duration histogram of every GraphQL operation, written the
 * same way whichever path answered it (Apollo's logging plugin in src/server.ts, or the lean lane).
 */
export function logOperation(metrics: Metrics, context: Context, op: FinishedOperation): void {
  const seconds = Number(process.hrtime.bigint() - op.started) / 1e9;
  const errors = op.errors ?? [];
  const outcome = errors.length ? 'error' : 'ok';
  metrics.observeOperation(op.name, outcome, seconds);
  context.log.info('graphql operation', {
    operationName: op.name ?? null,
    operationType: op.type ?? null,
    viewerRole: context.viewer.role,
    outcome,
    durationMs: Math.round(seconds * 1e4) / 10,
    sqlStatements: context.stats.statements,
    errors: errors.length,
    errorCodes: errors.length
      ? [
          ...new Set(
            errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN')),
          ),
        ]
      : undefined,
  });
}
