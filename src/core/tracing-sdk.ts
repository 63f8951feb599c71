import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { execute, getOperationAST, subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { OperationContext, Tracing, TracingSettings } from './tracing';

/** Probes and scrapes would drown the traces; they get no span. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * GraphQL GET parameters hold the document and its variables, which may carry personal data (a supplier's
 * installation ids, names): their values never reach a span. (OpenTelemetry's own list is added.)
 */
const REDACTED_QUERY_PARAMETERS = [
  'query',
  'variables',
  'extensions',
  'operationName',
  'documentId',
  'sig',
  'Signature',
  'AWSAccessKeyId',
  'X-Goog-Signature',
];

/**
 * The OpenTelemetry SDK, loaded only when tracing is on (see ./tracing.ts): a Node tracer provider with the
 * W3C trace-context propagator (an incoming `traceparent` is the parent of the HTTP span), a batch span
 * processor and the OTLP/HTTP exporter, and two instrumentations:
 *
 * - `http`: one SERVER span per request, at the Node `http.Server` level, so it covers every request
 *   whatever answers it (express, or anything in front of it); no headers, no query-string values;
 * - `pg`: one span per SQL statement inside a trace (the statement text with its `$n` placeholders, never
 *   the parameter values), and the pool's connects.
 *
 * The GraphQL operation span is ours (operationSpan + apolloPlugin): its name and type, the viewer's role,
 * the number of SQL statements and the error codes; never the document, the variables or a credential.
 */
export function startSdk(settings: TracingSettings): Tracing {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    // Reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT, _COMPRESSION; OTEL_BSP_* for the batches.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // AsyncLocalStorage context, W3C tracecontext + baggage propagation (OTEL_PROPAGATORS may change it).
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
        redactedQueryParamsServer: REDACTED_QUERY_PARAMETERS,
        // Outgoing HTTP (an OIDC key set fetch) only as part of a traced request.
        requireParentforOutgoingSpans: true,
      }),
      new PgInstrumentation({
        // Background work (the event relay's polls, the scheduler) makes no root spans of its own.
        requireParentSpan: true,
        enhancedDatabaseReporting: false,
      }),
    ],
  });
  const tracer = provider.getTracer('dmc-catalogue');
  const operationSpans = new WeakSet<Span>();

  return {
    settings,
    logFields(): Record<string, string> {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    operationSpan() {
      return (_req, res, next) => {
        const parent = context.active();
        const rpc = getRPCMetadata(parent);
        if (rpc?.type === RPCType.HTTP) rpc.route = '/graphql';
        const span = tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, parent);
        operationSpans.add(span);
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          span.end();
        };
        res.once('finish', end);
        res.once('close', end);
        context.with(trace.setSpan(parent, span), next);
      };
    },
    apolloPlugin() {
      return {
        async requestDidStart({ contextValue }) {
          const span = trace.getActiveSpan();
          // Only the span operationSpan() opened (never rename the HTTP span).
          if (!span || !operationSpans.has(span)) return;
          span.setAttribute('dmc.viewer.role', contextValue.viewer.role);
          return {
            async didResolveOperation({ operation, operationName }) {
              const type = operation?.operation ?? 'query';
              span.setAttribute('graphql.operation.type', type);
              if (operationName) span.setAttribute('graphql.operation.name', operationName);
              span.updateName(operationName ? `${type} ${operationName}` : type);
            },
            async willSendResponse({ errors, contextValue: ctx }) {
              span.setAttribute('dmc.sql.statements', ctx.stats.statements);
              if (errors?.length) {
                const codes = [
                  ...new Set(
                    errors.map((e) =>
                      typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
                    ),
                  ),
                ];
                span.setAttribute('graphql.error.codes', codes);
                span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
              }
            },
          };
        },
      };
    },
    socketOperations(subscribeWith) {
      const traced =
        (
          run: (
            args: ExecutionArgs,
          ) =>
            | Promise<ExecutionResult | AsyncIterable<ExecutionResult>>
            | ExecutionResult
            | AsyncIterable<ExecutionResult>,
        ) =>
        async (args: ExecutionArgs) => {
          const operation = getOperationAST(args.document, args.operationName);
          const type = operation?.operation ?? 'query';
          const name = operation?.name?.value;
          const role = (args.contextValue as OperationContext | undefined)?.viewer?.role;
          return tracer.startActiveSpan(
            name ? `${type} ${name}` : type,
            {
              kind: SpanKind.SERVER,
              attributes: {
                'graphql.operation.type': type,
                ...(name ? { 'graphql.operation.name': name } : {}),
                ...(role ? { 'dmc.viewer.role': role } : {}),
                'network.transport': 'websocket',
              },
            },
            async (span) => {
              try {
                const result = await run(args);
                const errors = Symbol.asyncIterator in result ? undefined : result.errors;
                if (errors?.length) {
                  const codes = [
                    ...new Set(
                      errors.map((e) =>
                        typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
                      ),
                    ),
                  ];
                  span.setAttribute('graphql.error.codes', codes);
                  span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
                }
                return result;
              } catch (error) {
                span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
                throw error;
              } finally {
                span.end();
              }
            },
          );
        };
      return { execute: traced(execute), subscribe: traced(subscribeWith ?? subscribe) };
    },
    inSpan(name, attributes, work) {
      return tracer.startActiveSpan(name, { attributes }, (span) => {
        try {
          const result = work();
          if (result instanceof Promise) {
            return result.finally(() => span.end()) as typeof result;
          }
          span.end();
          return result;
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
          span.end();
          throw error;
        }
      });
    },
    shutdown: () => provider.shutdown(),
  };
}

export type { OperationContext };
