import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { ExecutionArgs, ExecutionResult } from 'graphql';

/**
 * Optional OpenTelemetry tracing, OFF unless the standard environment asks for it:
 *
 * - `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) set, with `OTEL_TRACES_EXPORTER`
 *   unset or `otlp`: spans go there over OTLP/HTTP (JSON bodies, `<endpoint>/v1/traces`);
 * - `OTEL_TRACES_EXPORTER=none` or `OTEL_SDK_DISABLED=true`: off, whatever else is set;
 * - `OTEL_SERVICE_NAME` (default `dmc-catalogue`), `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER`,
 *   `OTEL_BSP_*` and `OTEL_EXPORTER_OTLP_HEADERS` are read as the OpenTelemetry SDK reads them.
 *
 * When it is off, nothing of OpenTelemetry is loaded (`./tracing-sdk` is required only when it is on) and
 * the request path has no hook, middleware, plugin or log mixin added: it costs nothing. When it is on,
 * `startTracing` must run before `pg`, `http` and `express` are loaded (src/main.ts imports
 * `./core/tracing-register` first), so the HTTP and pg instrumentations can wrap them.
 */
export type TracingSettings = {
  serviceName: string;
  /** Where spans go (the traces endpoint, or the base endpoint the exporter appends `/v1/traces` to). */
  endpoint: string;
};

/** What the environment says: tracing settings when it is on, a warning when it was asked for wrongly. */
export function tracingSettings(env: NodeJS.ProcessEnv): { settings?: TracingSettings; warning?: string } {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return {};
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.includes('none')) return {};
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const unsupported = exporters.filter((e) => e !== 'otlp');
  if (unsupported.length)
    return {
      warning: `tracing is off: OTEL_TRACES_EXPORTER=${env.OTEL_TRACES_EXPORTER} is not supported (only otlp or none)`,
    };
  if (!endpoint)
    return exporters.length
      ? { warning: 'tracing is off: OTEL_TRACES_EXPORTER=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT' }
      : {};
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? '').trim();
  if (protocol === 'grpc')
    return {
      warning:
        'tracing is off: OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported; use the collector’s OTLP/HTTP port (4318)',
    };
  return { settings: { serviceName: env.OTEL_SERVICE_NAME?.trim() || 'dmc-catalogue', endpoint } };
}

/** Tracing while it is on (built by ./tracing-sdk). */
export type Tracing = {
  readonly settings: TracingSettings;
  /** `trace_id`, `span_id` of the active span, for every log line written inside a traced request. */
  logFields(): Record<string, string>;
  /**
   * Express middleware on `/graphql`: the GraphQL operation span, around everything after it (so the SQL
   * of the operation is its children); it also names the HTTP span `POST /graphql`.
   */
  operationSpan(): RequestHandler;
  /** Names that span by the operation (`query CatalogueEntries`), with its type, the viewer's role and the outcome. */
  apolloPlugin(): ApolloServerPlugin<OperationContext>;
  /**
   * graphql-ws's `execute` and `subscribe`, each operation over a socket in a span of its own (a root span:
   * a socket message has no traceparent), named and described as over HTTP, its SQL under it. A
   * subscription's span covers its start; the events it delivers later are in the relay's spans. `subscribe`
   * is the one graphql-ws would call otherwise (e.g. the shared subscription execution), wrapped.
   */
  socketOperations(
    subscribe?: (args: ExecutionArgs) => Promise<ExecutionResult | AsyncIterable<ExecutionResult>>,
  ): {
    execute(args: ExecutionArgs): Promise<ExecutionResult | AsyncIterable<ExecutionResult>>;
    subscribe(args: ExecutionArgs): Promise<ExecutionResult | AsyncIterable<ExecutionResult>>;
  };
  /** Runs `work` inside a new span (e.g. one relayed batch of domain events); its SQL are its children. */
  inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, work: () => T): T;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
};

/** What the operation span reads from a GraphQL context. */
export type OperationContext = { viewer: { role: string }; stats: { statements: number } };

let current: Tracing | undefined;
let lastWarning: string | undefined;

/**
 * Starts tracing when the environment asks for it (once; later calls return the same). Returns undefined,
 * having loaded nothing of OpenTelemetry, when it is off.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (current) return current;
  const { settings, warning } = tracingSettings(env);
  lastWarning = warning;
  if (!settings) return undefined;
  // Loaded only now: with tracing off, no OpenTelemetry module is ever read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('./tracing-sdk') as typeof import('./tracing-sdk');
  current = sdk.startSdk(settings);
  return current;
}

/** Tracing, when it was started and is on. */
export function tracing(): Tracing | undefined {
  return current;
}

/** How tracing stands, for the `ready` log line: `off`, or where spans go; and why it is off, if asked for wrongly. */
export function tracingStatus(): { tracing: string; tracingWarning?: string } {
  return current
    ? { tracing: `otlp ${current.settings.endpoint} as ${current.settings.serviceName}` }
    : { tracing: 'off', ...(lastWarning ? { tracingWarning: lastWarning } : {}) };
}

/** Runs `work` in a span when tracing is on; otherwise just runs it. */
export function traced<T>(
  name: string,
  attributes: Record<string, string | number | boolean>,
  work: () => T,
): T {
  return current ? current.inSpan(name, attributes, work) : work();
}

/** Stops tracing after sending what is buffered (no-op when off). */
export async function stopTracing(): Promise<void> {
  const t = current;
  current = undefined;
  await t?.shutdown();
}

/**
 * `deliver` in a span named `name` when tracing is on (attributes from its arguments), else `deliver`
 * itself: e.g. each batch of committed domain events the relay hands to the subscriptions.
 */
export function tracedCallback<A extends unknown[], R>(
  name: string,
  attributes: (...args: A) => Record<string, string | number | boolean>,
  deliver: (...args: A) => R,
): (...args: A) => R {
  return (...args) =>
    current ? current.inSpan(name, attributes(...args), () => deliver(...args)) : deliver(...args);
}
