import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startInstance, type Instance } from '../support/instance';

/**
 * OpenTelemetry tracing, end to end: the server as operators run it (src/main.ts in a child process) with the
 * real OTLP/HTTP exporter, speaking to a small OTLP/HTTP receiver on port 0 here. A GraphQL request with a
 * `traceparent` makes one trace: the HTTP server span (child of the caller's span), the GraphQL operation
 * span under it, and the SQL statements under that; the request's log lines carry the trace id. With tracing
 * off, nothing is sent and no log line has a trace id.
 */
jest.setTimeout(180_000);

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  arrayValue?: unknown;
};
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
};
type Export = {
  resourceSpans: {
    resource: { attributes: { key: string; value: OtlpValue }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
};

const SERVER = 2;
const CLIENT = 3;

function attr(span: OtlpSpan, key: string): unknown {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  return value.stringValue ?? value.intValue ?? value.boolValue ?? value.arrayValue;
}

/** An OTLP/HTTP receiver: keeps every export request's path, content type and parsed JSON body. */
async function startReceiver() {
  const requests: { path: string; contentType: string; body: Export }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        contentType: String(req.headers['content-type']),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Export,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    spans: () =>
      requests.flatMap((r) => r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const QUERY = 'query TracingProbe { epclReport(number: 22) { entries { totalCount } } }';

async function probe(instance: Instance, traceId: string, parentId: string, requestId: string) {
  const res = await fetch(instance.url(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      traceparent: `00-${traceId}-${parentId}-01`,
      'x-request-id': requestId,
      'x-dev-viewer-role': 'DCC_ANALYST',
    },
    body: JSON.stringify({ query: QUERY }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    data: { epclReport: { entries: { totalCount: 435 } } },
    extensions: expect.anything() as unknown,
  });
}

describe('OpenTelemetry tracing', () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const instances: Instance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await receiver?.close();
    await database?.drop();
  });

  it('on: the HTTP, GraphQL operation and SQL spans of a request make one trace under its traceparent', async () => {
    const instance = startInstance({
      DATABASE_URL: database.url,
      SEED_ON_EMPTY: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_SERVICE_NAME: 'dmc-tracing-test',
      // Nothing is sent before shutdown: the spans arrive only because SIGTERM flushes them.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    instances.push(instance);
    const ready = await instance.waitFor((l) => l.msg === 'ready');
    expect(ready.tracing).toBe(`otlp ${receiver.endpoint} as dmc-tracing-test`);

    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    const requestId = `tracing-${randomBytes(4).toString('hex')}`;
    await probe(instance, traceId, parentId, requestId);
    // A GraphQL GET: its document and variables never reach the span (url.query has them REDACTED).
    const get = new URL(instance.url());
    get.search = new URLSearchParams({
      query: 'query GetProbe($n: Int!) { epclReport(number: $n) { number } }',
      variables: JSON.stringify({ n: 22 }),
    }).toString();
    const answered = await fetch(get, {
      headers: { 'apollo-require-preflight': 'true', traceparent: `00-${traceId}-${parentId}-01` },
    });
    expect(await answered.json()).toEqual({
      data: { epclReport: { number: 22 } },
      extensions: expect.anything() as unknown,
    });
    // Probes get no span.
    expect((await fetch(new URL('/healthz', instance.url()))).status).toBe(200);
    await instance.waitFor((l) => l.requestId === requestId && l.msg === 'request completed');
    // The same query over graphql-ws: a span of its own (a socket message has no traceparent), SQL under it.
    const socket = createClient({
      url: instance.url().replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: {},
    });
    const overSocket = await new Promise<unknown>((resolve, reject) => {
      let data: unknown;
      socket.subscribe(
        { query: QUERY.replace('TracingProbe', 'SocketProbe') },
        { next: (m) => (data = m.data), error: reject, complete: () => resolve(data) },
      );
    });
    expect(overSocket).toEqual({ epclReport: { entries: { totalCount: 435 } } });
    await socket.dispose();
    // A committed domain event: the relay hands it to the subscriptions in a span of its own.
    const writer = new Client({ connectionString: database.url });
    await writer.connect();
    await writer.query(`select emit_domain_event('TracingProbe', 'Test', '1', '{}'::jsonb)`);
    await writer.end();
    const metrics = new URL('/metrics', instance.url());
    for (let i = 0; i < 100 && !(await (await fetch(metrics)).text()).includes('type="TracingProbe"'); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.requests).toHaveLength(0);
    expect(await instance.stop()).toBe(0);

    // The real exporter: OTLP/HTTP JSON to <endpoint>/v1/traces, with the service name.
    expect(receiver.requests.length).toBeGreaterThan(0);
    for (const r of receiver.requests) {
      expect(r.path).toBe('/v1/traces');
      expect(r.contentType).toBe('application/json');
    }
    const resource = receiver.requests[0].body.resourceSpans[0].resource.attributes;
    expect(resource).toContainEqual({ key: 'service.name', value: { stringValue: 'dmc-tracing-test' } });

    const spans = receiver.spans().filter((s) => s.traceId === traceId);
    const getSpan = spans.find((s) => s.name === 'GET /graphql');
    expect(attr(getSpan!, 'url.query')).toBe('query=REDACTED&variables=REDACTED');
    const httpSpan = spans.find((s) => s.name === 'POST /graphql');
    expect(httpSpan).toBeDefined();
    expect(httpSpan!.kind).toBe(SERVER);
    expect(httpSpan!.parentSpanId).toBe(parentId);
    expect(httpSpan!.name).toBe('POST /graphql');
    expect(attr(httpSpan!, 'http.response.status_code')).toBe(200);
    expect(attr(httpSpan!, 'http.route')).toBe('/graphql');

    const operation = spans.find((s) => s.name === 'query TracingProbe');
    expect(operation).toBeDefined();
    expect(operation!.parentSpanId).toBe(httpSpan!.spanId);
    expect(attr(operation!, 'graphql.operation.type')).toBe('query');
    expect(attr(operation!, 'graphql.operation.name')).toBe('TracingProbe');
    expect(attr(operation!, 'dmc.viewer.role')).toBe('DCC_ANALYST');
    const statements = Number(attr(operation!, 'dmc.sql.statements'));
    expect(statements).toBeGreaterThan(0);

    // Each SQL statement of the operation is a CLIENT span under it (the pool's connects too), with its text
    // and never its parameter values.
    const db = spans.filter((s) => s.kind === CLIENT && attr(s, 'db.system.name') === 'postgresql');
    const statementsUnder = db.filter(
      (s) => s.parentSpanId === operation!.spanId && typeof attr(s, 'db.query.text') === 'string',
    );
    expect(statementsUnder.length).toBe(statements);
    expect(statementsUnder.some((s) => /epcl/i.test(String(attr(s, 'db.query.text'))))).toBe(true);
    for (const s of db) expect(s.attributes?.some((a) => a.key.startsWith('db.query.parameter'))).toBe(false);
    // Everything of the request is in this one trace; nothing carries the document text.
    expect(
      receiver.spans().filter((s) => attr(s, 'http.request.method') !== undefined && s.traceId !== traceId),
    ).toEqual([]);
    expect(JSON.stringify(receiver.requests)).not.toContain('epclReport(number');

    const socketSpan = receiver.spans().find((s) => s.name === 'query SocketProbe');
    expect(socketSpan).toBeDefined();
    expect(socketSpan!.parentSpanId ?? '').toBe('');
    expect(attr(socketSpan!, 'dmc.viewer.role')).toBe('DCC_ADMIN');
    expect(attr(socketSpan!, 'network.transport')).toBe('websocket');
    expect(
      receiver
        .spans()
        .some((s) => s.parentSpanId === socketSpan!.spanId && typeof attr(s, 'db.query.text') === 'string'),
    ).toBe(true);

    const relay = receiver.spans().filter((s) => s.name === 'events relay');
    expect(relay.length).toBeGreaterThan(0);
    expect(relay.some((s) => Number(attr(s, 'dmc.events.count')) >= 1)).toBe(true);

    // Logs and traces join: the request's log lines carry its trace id.
    const operationLine = instance.lines.find(
      (l) => l.requestId === requestId && l.msg === 'graphql operation',
    );
    expect(operationLine?.trace_id).toBe(traceId);
    expect(operationLine?.span_id).toBe(operation!.spanId);
    const requestLine = instance.lines.find(
      (l) => l.requestId === requestId && l.msg === 'request completed',
    );
    expect(requestLine?.trace_id).toBe(traceId);
  });

  it('off (OTEL_TRACES_EXPORTER=none, even with an endpoint): no span is sent and no log line has a trace id', async () => {
    const before = receiver.requests.length;
    const instance = startInstance({
      DATABASE_URL: database.url,
      SEED_ON_EMPTY: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    instances.push(instance);
    const ready = await instance.waitFor((l) => l.msg === 'ready');
    expect(ready.tracing).toBe('off');
    const requestId = `untraced-${randomBytes(4).toString('hex')}`;
    await probe(instance, randomBytes(16).toString('hex'), randomBytes(8).toString('hex'), requestId);
    await instance.waitFor((l) => l.requestId === requestId && l.msg === 'request completed');
    expect(await instance.stop()).toBe(0);
    expect(receiver.requests.length).toBe(before);
    expect(instance.lines.filter((l) => 'trace_id' in l)).toEqual([]);
  });

  it('asked for wrongly (an exporter it does not have): off, and the ready line says why', async () => {
    const instance = startInstance({
      DATABASE_URL: database.url,
      SEED_ON_EMPTY: 'false',
      OTEL_TRACES_EXPORTER: 'zipkin',
    });
    instances.push(instance);
    const ready = await instance.waitFor((l) => l.msg === 'ready');
    expect(ready.tracing).toBe('off');
    expect(ready.tracingWarning).toMatch(/OTEL_TRACES_EXPORTER=zipkin is not supported/);
    expect(await instance.stop()).toBe(0);
  });
});
