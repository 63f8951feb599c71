/**
 * `npm run bench:tracing` (after `npm run build`): what OpenTelemetry tracing costs. The compiled server
 * (`node dist/src/main.js`, embedded PostgreSQL with the demo data in a temporary DATA_DIR) is started in
 * turns with tracing off (no OTEL_* variables), on (OTLP/HTTP to a receiver in this process that counts and
 * drops the spans) and on with 10 % of traces sampled (OTEL_TRACES_SAMPLER=traceidratio), and loaded with autocannon on one query that runs SQL (`cache-control: no-store`).
 * Prints, per variant and round: requests/s, p50/p99 latency, spans received; the time from spawn to the
 * `ready` line; and the time to load and start the SDK alone.
 *
 *   --rounds N       rounds per variant, interleaved off/on/on 10% (default 2)
 *   --duration S     seconds measured per round (default 8), after 2 s of warm-up
 *   --connections N  keep-alive connections (default 10)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { errorMessage, progress, result } from './lib/log';
import { freePort, ServerProcess } from './lib/processes';

const ROOT = path.resolve(__dirname, '..');
const QUERY = JSON.stringify({ query: '{ epclReport(number: 22) { entries { totalCount } } }' });

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const rounds = arg('--rounds', 2);
  const duration = arg('--duration', 8);
  const connections = arg('--connections', 10);
  if (!fs.existsSync(path.join(ROOT, 'dist/src/main.js'))) throw new Error('run `npm run build` first');

  let spans = 0;
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      spans += (body.match(/"spanId"/g) ?? []).length;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-bench-tracing-'));

  // The SDK alone: load the modules and register the instrumentations, in a fresh process.
  const sdkMs = execFileSync(
    process.execPath,
    [
      '-e',
      `const t = process.hrtime.bigint(); require('./dist/src/core/tracing').startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: '${endpoint}' }); console.log(Number(process.hrtime.bigint() - t) / 1e6)`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  ).trim();
  result(`tracing SDK load + start: ${Number(sdkMs).toFixed(1)} ms (node ${process.version})`);

  const variants: { name: string; env: NodeJS.ProcessEnv }[] = [
    { name: 'off', env: {} },
    { name: 'on', env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '1000' } },
    {
      name: 'on 10%',
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_BSP_SCHEDULE_DELAY: '1000',
        OTEL_TRACES_SAMPLER: 'traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
      },
    },
  ];
  const table: string[] = [];
  try {
    for (let r = 1; r <= rounds; r++) {
      for (const variant of variants) {
        const port = await freePort();
        const started = Date.now();
        const server = ServerProcess.start(
          `server (tracing ${variant.name})`,
          process.execPath,
          ['dist/src/main.js'],
          {
            cwd: ROOT,
            env: {
              PATH: process.env.PATH,
              HOME: process.env.HOME,
              PORT: String(port),
              HOST: '127.0.0.1',
              DATA_DIR: dataDir,
              LOG_LEVEL: 'warn',
              DEMO_INSTALLATIONS: '1000',
              ...variant.env,
            },
          },
        );
        try {
          const base = `http://127.0.0.1:${port}`;
          await server.waitUntil(async () => (await fetch(`${base}/healthz`)).ok, 300_000);
          const readyMs = Date.now() - started;
          const options = {
            url: `${base}/graphql`,
            connections,
            method: 'POST' as const,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
            body: QUERY,
          };
          await autocannon({ ...options, duration: 2 });
          const before = spans;
          const out = await autocannon({ ...options, duration });
          await new Promise((resolve) => setTimeout(resolve, 1500)); // the last batch of spans
          const line = `round ${r} tracing ${variant.name.padEnd(6)}: ${out.requests.average.toFixed(0)} req/s, p50 ${out.latency.p50} ms, p99 ${out.latency.p99} ms, ${out.non2xx + out.errors} errors, ${spans - before} spans received; spawn to ready ${readyMs} ms`;
          table.push(line);
          progress(line);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    receiver.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  for (const line of table) result(line);
}

main().catch((error) => {
  progress(`bench:tracing failed: ${errorMessage(error)}`);
  process.exitCode = 1;
});
