import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { benchAuthorization } from './lib/keys';
import { Client } from 'pg';
import WebSocket from 'ws';
import { migrate } from '../src/app/database';
import { startEmbeddedPostgres } from '../src/core/db/embedded-postgres';
import { seedDatabase } from '../seeds';
import { Cleanup, freePort, ServerProcess } from './lib/processes';
import { progress, result, sleep } from './lib/log';

/*
 * npm run bench:events [-- --subscribers N] [--rounds R] [--report-subscribers M]
 *                        [--scenarios one_instance,two_instances,report22] [--cpu-prof DIR]
 *
 * Event delivery over graphql-ws (issue 9), on a throw-away embedded PostgreSQL with the demo data:
 * 1. N subscribers (default 1,000) on one server instance, then split over two instances (separate
 *    processes on one database); R rounds (default 20) of one committed change producing one event per
 *    subscriber. Prints subscribers, events_delivered, events_lost (must be 0), delivery latency p50/p99
 *    from the commit (the event's committed_at, PostgreSQL's clock on this machine, to the client's
 *    receipt) and the servers' RSS.
 * 2. M subscribers (default 100) filtered by report 22 (entry state changes), the Secretary of State
 *    approving report 22 (435 entries): the time until the last subscriber has all 435.
 * Each live scenario also prints, while the rounds run, each server's CPU time and the bench process's own
 * event-loop utilisation and CPU time (its 1,000 client sockets share the machine with the servers: near 1.0 means the clients, not
 * the server, bound the latency). `--cpu-prof DIR` writes instance A's V8 CPU profile there on exit.
 * The last line is one JSON object. On a shared machine, run one benchmark at a time (e.g. under `flock`).
 */
const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const SUBSCRIBERS = arg('--subscribers', 1000);
const ROUNDS = arg('--rounds', 20);
const REPORT_SUBSCRIBERS = arg('--report-subscribers', 100);
const ROUND_TIMEOUT_MS = 15_000;
const SCENARIOS = (
  args.includes('--scenarios') ? args[args.indexOf('--scenarios') + 1] : 'one_instance,two_instances,report22'
).split(',');
const CPU_PROF = args.includes('--cpu-prof') ? path.resolve(args[args.indexOf('--cpu-prof') + 1]) : null;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const positionOf = (cursor: string) => Buffer.from(cursor, 'base64').toString().split(':')[1];

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A DCC_ADMIN API key made in the bench database: production instances need a credential. */
let AUTHORIZATION = '';

type Subscriber = { client: WsClient; received: Map<string, number>; stop: () => void };

async function subscribe(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Subscriber> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: AUTHORIZATION },
  });
  const received = new Map<string, number>();
  let acked!: () => void;
  const ready = new Promise<void>((resolve) => (acked = resolve));
  const off = client.on('connected', () => acked());
  const stop = client.subscribe<{ epclEvents: { cursor: string } }>(
    { query, variables },
    {
      next: (r) => {
        if (r.data) received.set(positionOf(r.data.epclEvents.cursor), Date.now());
      },
      error: (e) => progress(`subscription error: ${JSON.stringify(e).slice(0, 200)}`),
      complete: () => undefined,
    },
  );
  await ready;
  off();
  return { client, received, stop };
}

async function startInstance(name: string, databaseUrl: string, cleanup: Cleanup, profile = false) {
  const port = await freePort();
  const server = ServerProcess.start(
    name,
    process.execPath,
    [
      ...(profile && CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : []),
      '-r',
      'ts-node/register/transpile-only',
      'src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'production',
        SEED_ON_EMPTY: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_DCC_ADMIN: '1000000000000',
      },
    },
  );
  cleanup.add(name, () => server.stop());
  await server.waitUntil(() => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok), 120_000);
  return { server, url: `http://127.0.0.1:${port}/graphql` };
}

const LIVE = `subscription { epclEvents(filter: { types: [TESTING_ISSUE_CHANGED] }) { cursor type occurredAt
  ... on TestingIssueChanged { status countsAgainstThreshold } } }`;

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  cleanup.onSignals();
  try {
    const pg = await startEmbeddedPostgres({ database: 'dmc_events_bench', log: () => undefined });
    cleanup.add('PostgreSQL', () => pg.stop());
    await migrate(pg.url);
    progress('seeding the demo data');
    await seedDatabase(pg.url, { installations: 20_000, seed: 7, report22Candidates: 900 });
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    cleanup.add('bench connection', () => db.end());
    AUTHORIZATION = await benchAuthorization(db, { role: 'DCC_ADMIN', name: 'bench:events' });
    const a = await startInstance('instance A', pg.url, cleanup, true);
    const b = await startInstance('instance B', pg.url, cleanup);
    progress('both instances ready');

    const change = () =>
      db.query(
        `update testing_issue set tag_advised_on = coalesce(tag_advised_on, date '2020-01-01') + 1
          where id = (select min(id) from testing_issue)`,
      );

    const runLive = async (label: string, urls: string[]) => {
      progress(`${label}: connecting ${SUBSCRIBERS} subscribers`);
      const subs: Subscriber[] = [];
      for (let i = 0; i < SUBSCRIBERS; i += 50)
        subs.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, (_, k) =>
              subscribe(urls[(i + k) % urls.length], LIVE, {}),
            ),
          )),
        );
      await sleep(1000);
      const elu = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      const serverCpu = [a, b].map((x) => cpuMs(x.server.pid));
      const positions: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const before = (
          await db.query<{ p: string }>('select coalesce(max(position), 0)::text as p from domain_event')
        ).rows[0].p;
        await change();
        const { rows } = await db.query<{ p: string }>(
          `select position::text as p from domain_event where position > $1 and type = 'TestingIssueChanged' order by position`,
          [before],
        );
        const position = rows[0].p;
        positions.push(position);
        const deadline = Date.now() + ROUND_TIMEOUT_MS;
        while (Date.now() < deadline && subs.some((s) => !s.received.has(position))) await sleep(5);
        await sleep(50);
      }
      const clientElu = performance.eventLoopUtilization(elu).utilization;
      const clientCpu = process.cpuUsage(cpu);
      const serverCpuUsed = [a, b].map((x, i) => cpuMs(x.server.pid) - serverCpu[i]);
      await sleep(500);
      const committed = new Map(
        (
          await db.query<{ p: string; at: Date }>(
            `select position::text as p, committed_at as at from domain_event where position = any($1::bigint[])`,
            [positions],
          )
        ).rows.map((r) => [r.p, r.at.getTime()]),
      );
      const latencies: number[] = [];
      // Per round: the first subscriber's latency (commit → relay → first socket → bench) and the spread
      // from the first to the last subscriber (the fan-out over 1,000 sockets and the bench's reading them).
      const firsts: number[] = [];
      const spreads: number[] = [];
      const lasts: number[] = [];
      for (const p of positions) {
        const at = subs.map((s) => s.received.get(p)).filter((t): t is number => t !== undefined);
        if (!at.length) continue;
        firsts.push(Math.min(...at) - committed.get(p)!);
        spreads.push(Math.max(...at) - Math.min(...at));
        lasts.push(Math.max(...at) - committed.get(p)!);
      }
      let delivered = 0;
      for (const s of subs)
        for (const p of positions) {
          const at = s.received.get(p);
          if (at === undefined) continue;
          delivered++;
          latencies.push(at - committed.get(p)!);
        }
      const extra = subs.reduce(
        (n, s) => n + [...s.received.keys()].filter((p) => !positions.includes(p)).length,
        0,
      );
      const figures = {
        scenario: label,
        subscribers: subs.length,
        events_expected: subs.length * ROUNDS,
        events_delivered: delivered,
        events_lost: subs.length * ROUNDS - delivered,
        events_unexpected: extra,
        latency_p50_ms: round1(percentile(latencies, 50)),
        latency_p99_ms: round1(percentile(latencies, 99)),
        latency_max_ms: round1(Math.max(...latencies)),
        first_subscriber_latency_p50_ms: round1(percentile(firsts, 50)),
        first_to_last_subscriber_p50_ms: round1(percentile(spreads, 50)),
        // Each round's last subscriber: with 1,000 deliveries a round, p99 is set by the slowest rounds.
        last_subscriber_ms_by_round: lasts,
        server_rss_mb: [a, b].map((x) => rssMb(x.server.pid)),
        bench_client_event_loop_utilisation: Math.round(clientElu * 100) / 100,
        bench_client_cpu_ms: Math.round((clientCpu.user + clientCpu.system) / 1000),
        server_cpu_ms: serverCpuUsed,
      };
      for (const [k, v] of Object.entries(figures)) result(`${label} ${k}: ${JSON.stringify(v)}`);
      for (const s of subs) {
        s.stop();
        await s.client.dispose();
      }
      return figures;
    };

    const one = SCENARIOS.includes('one_instance') ? await runLive('one_instance', [a.url]) : null;
    const two = SCENARIOS.includes('two_instances') ? await runLive('two_instances', [a.url, b.url]) : null;
    if (!SCENARIOS.includes('report22')) {
      result(JSON.stringify({ one_instance: one, two_instances: two }));
      return;
    }

    // Report 22: 435 entry events to each of M subscribers filtered by the report.
    progress(`report 22: ${REPORT_SUBSCRIBERS} subscribers filtered by report`);
    const REPORT = `subscription { epclEvents(filter: { reportNumbers: [22], types: [ENTRY_STATE_CHANGED] }) { cursor
      ... on EpclEntryStateChanged { to effectiveOn actor } } }`;
    const subs = await Promise.all(
      Array.from({ length: REPORT_SUBSCRIBERS }, (_, i) => subscribe([a.url, b.url][i % 2], REPORT, {})),
    );
    await sleep(1000);
    const [report] = (
      await db.query<{ row_version: number; state: string }>(
        `select row_version, state from epcl_report where number = 22`,
      )
    ).rows;
    if (report.state !== 'AWAITING_SOS') throw new Error(`report 22 is ${report.state}, not AWAITING_SOS`);
    const started = Date.now();
    const res = await fetch(a.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
      body: JSON.stringify({
        query: `mutation D($input: RecordSecretaryOfStateDecisionInput!) { recordSecretaryOfStateDecision(input: $input) { userErrors { code message } } }`,
        variables: {
          input: {
            reportNumber: 22,
            decision: 'APPROVED',
            decidedOn: '2021-12-15',
            expectedVersion: report.row_version,
          },
        },
      }),
    });
    const body = (await res.json()) as {
      data?: { recordSecretaryOfStateDecision: { userErrors: unknown[] } };
    };
    if (!body.data || body.data.recordSecretaryOfStateDecision.userErrors.length)
      throw new Error(`decision failed: ${JSON.stringify(body)}`);
    const mutationMs = Date.now() - started;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && subs.some((s) => s.received.size < 435)) await sleep(5);
    const lastAt = Math.max(...subs.map((s) => Math.max(...s.received.values())));
    const complete = subs.filter((s) => s.received.size === 435).length;
    const [{ at }] = (
      await db.query<{ at: Date }>(
        `select max(committed_at) as at from domain_event where type = 'EpclReportStateChanged' and aggregate_id = (select id::text from epcl_report where number = 22)`,
      )
    ).rows;
    const reportFigures = {
      subscribers: subs.length,
      subscribers_with_all_435: complete,
      events_lost: subs.length * 435 - subs.reduce((n, s) => n + s.received.size, 0),
      mutation_ms: mutationMs,
      last_subscriber_complete_from_request_ms: lastAt - started,
      last_subscriber_complete_from_commit_ms: lastAt - at.getTime(),
      server_rss_mb: [a, b].map((x) => rssMb(x.server.pid)),
    };
    for (const [k, v] of Object.entries(reportFigures)) result(`report22 ${k}: ${JSON.stringify(v)}`);
    for (const s of subs) {
      s.stop();
      await s.client.dispose();
    }
    result(JSON.stringify({ one_instance: one, two_instances: two, report22: reportFigures }));
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
