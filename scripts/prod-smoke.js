// Smoke test of the production build, in plain JavaScript (no TypeScript tooling): starts
// `node dist/src/main.js`, unable to load any devDependency, on a throw-away embedded database (or
// DATABASE_URL), waits for its "ready" log line, asks /readyz, checks that a request without credentials is
// refused (401), makes an API key with the compiled `dmc keys create`, asks one query with it and /metrics,
// then stops it with SIGTERM and expects a clean stop. Tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT, to a small
// OTLP/HTTP receiver here): the query's HTTP, GraphQL operation and SQL spans must arrive, in one trace.
// Usage: npm run build && node scripts/prod-smoke.js
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-prod-smoke-'));
// An OTLP/HTTP (JSON) receiver on a free port: the spans the server exports.
const spans = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    for (const rs of JSON.parse(body).resourceSpans ?? [])
      for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
// Without a host, listen() binds at once, so the port is known before the server is started below.
receiver.listen(0);
receiver.unref();
// Without the devDependencies (see without-dev-dependencies.js), as a production install has them.
const child = spawn(
  process.execPath,
  ['--require', path.join(__dirname, 'without-dev-dependencies.js'), 'dist/src/main.js'],
  {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_INSTALLATIONS: '1000',
      NODE_ENV: 'production',
      // Production loads demo data only when asked explicitly.
      SEED_ON_EMPTY: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.address().port}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const lines = [];
let buffer = '';
let onLine = () => undefined;
child.stdout.on('data', (chunk) => {
  buffer += chunk;
  let i;
  while ((i = buffer.indexOf('\n')) >= 0) {
    const text = buffer.slice(0, i);
    buffer = buffer.slice(i + 1);
    let line;
    try {
      line = JSON.parse(text);
    } catch {
      fail(`not a JSON log line: ${text}`);
    }
    lines.push(line);
    onLine(line);
  }
});
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
const timer = setTimeout(() => fail('no outcome within 120 s'), 120_000);

function fail(message) {
  process.stderr.write(`prod smoke: ${message}\n`);
  child.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

function waitFor(predicate) {
  return new Promise((resolve) => {
    const found = lines.find(predicate);
    if (found) return resolve(found);
    onLine = (line) => predicate(line) && resolve(line);
  });
}

(async () => {
  let started = false;
  void exited.then((code) => started || fail(`exited with code ${code} before it was ready`));
  const ready = await waitFor((l) => l.msg === 'ready' || l.level === 'error');
  started = true;
  if (ready.msg !== 'ready') fail(`start-up failed: ${ready.msg}`);
  const base = ready.url.replace(/\/graphql$/, '');
  const readyz = await fetch(`${base}/readyz`);
  if (readyz.status !== 200) fail(`/readyz answered ${readyz.status}: ${await readyz.text()}`);
  const anonymous = await fetch(ready.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  if (anonymous.status !== 401) fail(`a request without credentials answered ${anonymous.status}, not 401`);
  // The compiled CLI, on the database the server holds (it attaches to the running embedded PostgreSQL).
  const created = execFileSync(
    process.execPath,
    [
      '--require',
      path.join(__dirname, 'without-dev-dependencies.js'),
      '-e',
      "require('./dist/src/cli/main').runCli(['keys', 'create', '--role', 'DCC_ANALYST', '--name', 'prod smoke']).then((c) => { process.exitCode = c; })",
    ],
    { cwd: root, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, encoding: 'utf8' },
  );
  const key = created.trim().split('\n').at(-1);
  if (!/^dmc_/.test(key)) fail(`dmc keys create printed no key: ${created}`);
  const res = await fetch(ready.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ epclReport(number: 22) { entries { totalCount } } }' }),
  });
  const body = await res.json();
  if (body.data?.epclReport?.entries?.totalCount !== 435) fail(`unexpected answer: ${JSON.stringify(body)}`);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  if (!metrics.includes('graphql_request_duration_seconds_count{operation="anonymous",outcome="ok"} 1'))
    fail('/metrics did not count the query');
  child.kill('SIGTERM');
  const code = await exited;
  clearTimeout(timer);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (code !== 0 || !lines.some((l) => l.msg === 'stopped')) fail(`did not stop cleanly (exit code ${code})`);
  // The spans were flushed at SIGTERM: the query's operation span, its HTTP span above and SQL below.
  const operation = spans.find((s) => s.attributes?.some((a) => a.key === 'graphql.operation.type'));
  const httpSpan = operation && spans.find((s) => s.spanId === operation.parentSpanId);
  const sql =
    operation && spans.filter((s) => s.parentSpanId === operation.spanId && /^pg\.query/.test(s.name));
  if (!operation || httpSpan?.name !== 'POST /graphql' || !sql.length)
    fail(`tracing: no HTTP > operation > SQL trace among ${spans.length} spans: ${spans.map((s) => s.name)}`);
  const logged = lines.find((l) => l.msg === 'graphql operation');
  if (logged?.trace_id !== operation.traceId) fail('tracing: the operation log line has not its trace id');
  process.stdout.write(
    `prod smoke: ${process.version} refused an anonymous request, served a query with an API key, /readyz and /metrics from dist/, traced it (${spans.length} spans); stopped cleanly\n`,
  );
})().catch((error) => fail(error.stack ?? String(error)));
