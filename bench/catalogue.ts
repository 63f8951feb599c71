/**
 * `npm run bench:catalogue`: our server against PostGraphile v5 on the same 50,000-entry catalogue, in one
 * command. See bench/README.md for what it measures and how to read the output.
 *
 *   1. build (or reuse) the bench database in bench/.cache/pgdata;
 *   2. install (or reuse) PostGraphile v5 + Node 22 in bench/.cache/peer;
 *   3. start both servers on free loopback ports, each in its own process (own CPU, own pool of 10);
 *   4. check they return the same data, then load them in turns with autocannon;
 *   5. count the SQL statements each issues per request (pg_stat_statements);
 *   6. stop everything and print rounds, a summary and, as the last line, one JSON object.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerFromOurs, answerFromPeer, firstDifference, type Answer } from './lib/answers';
import { openBenchDatabase, StatementCounter, TARGET_ENTRIES, type ServerName } from './lib/database';
import { Client } from 'pg';
import { createKey } from '../src/modules/auth/api-keys';
import { ask, round, sequential, targetHeaders, type LoadOptions, type RoundResult } from './lib/load';
import { errorMessage, progress, result } from './lib/log';
import { ensurePeerInstalled, startPeer, type PeerInstall } from './lib/peer';
import { Cleanup, freePort, ServerProcess } from './lib/processes';

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(__dirname, '.cache');

type Contender = 'ours' | 'postgraphile';

const USAGE = `Usage: npm run bench:catalogue -- [options]

  --rounds N               measured rounds per server, interleaved ours/PostGraphile (default 3)
  --duration S             seconds measured per round (default 10)
  --warmup S               seconds of unmeasured load before each round (default 3)
  --connections N          concurrent keep-alive connections (default 10)
  --statement-requests N   sequential requests for the SQL statement count (default 200)
  --only ours|postgraphile load one server only (no same-data check, no ratio)
  --ours-dist              run our server from dist/ (npm run build first) instead of ts-node
  --ours-on-node22         run our server on the peer's Node 22 instead of this Node (same-runtime check)
  --rebuild                rebuild the bench database even if the cached one is current`;

type Args = LoadOptions & {
  rounds: number;
  statementRequests: number;
  only: Contender | undefined;
  oursDist: boolean;
  oursOnNode22: boolean;
  rebuild: boolean;
};

function parseArgs(argv: string[]): Args {
  const args: Args = {
    rounds: 3,
    durationSeconds: 10,
    warmupSeconds: 3,
    connections: 10,
    statementRequests: 200,
    only: undefined,
    oursDist: false,
    oursOnNode22: false,
    rebuild: false,
  };
  const numeric: Record<string, keyof LoadOptions | 'rounds' | 'statementRequests'> = {
    '--rounds': 'rounds',
    '--duration': 'durationSeconds',
    '--warmup': 'warmupSeconds',
    '--connections': 'connections',
    '--statement-requests': 'statementRequests',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const key = numeric[flag];
    if (key !== undefined) {
      const value = Number(argv[++i]);
      const min = key === 'warmupSeconds' ? 0 : 1;
      if (!Number.isInteger(value) || value < min || value > 600) {
        throw new Error(`${flag} needs an integer from ${min} to 600; got ${JSON.stringify(argv[i])}`);
      }
      args[key] = value;
    } else if (flag === '--only') {
      const value = argv[++i];
      if (value !== 'ours' && value !== 'postgraphile') throw new Error(`--only takes ours or postgraphile`);
      args.only = value;
    } else if (flag === '--ours-dist') args.oursDist = true;
    else if (flag === '--ours-on-node22') args.oursOnNode22 = true;
    else if (flag === '--rebuild') args.rebuild = true;
    else if (flag === '--help' || flag === '-h') {
      result(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n\n${USAGE}`);
  }
  return args;
}

type Server = {
  name: Contender;
  role: ServerName;
  process: ServerProcess;
  url: string;
  body: string;
  parse: (body: unknown) => Answer;
  expectBody?: string;
  rounds: RoundResult[];
  statementsPerRequest?: number;
};

/** A DCC_ADMIN API key for the bench (the previous bench keys are deleted). */
async function benchKey(databaseUrl: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const query = async <T>(text: string, params: readonly unknown[] = []) =>
      (await db.query(text, [...params])).rows as T[];
    await query(`delete from api_key where name = 'bench:catalogue'`);
    return (await createKey({ query }, { role: 'DCC_ADMIN', name: 'bench:catalogue' })).key;
  } finally {
    await db.end();
  }
}

async function startOurs(
  databaseUrl: string,
  oursDist: boolean,
  node: string,
): Promise<Omit<Server, 'rounds'>> {
  const port = await freePort();
  const entry = oursDist ? ['dist/src/main.js'] : ['-r', 'ts-node/register/transpile-only', 'src/main.ts'];
  if (oursDist && !fs.existsSync(path.join(ROOT, entry[0])))
    throw new Error('no dist/src/main.js: npm run build first');
  // A clean environment, as for the peer: only what the README documents for a production start.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    // One client measures throughput: a budget it cannot spend keeps the rate limiter's bookkeeping on the
    // hot path without refusing anything (RATE_LIMIT_<ROLE>=0 would skip it).
    RATE_LIMIT_DCC_ADMIN: '1000000000000',
    RATE_LIMIT_DCC_ANALYST: '1000000000000',
    RATE_LIMIT_SUPPLIER: '1000000000000',
  };
  const server = ServerProcess.start('our server', node, entry, { cwd: ROOT, env });
  // Production mode needs a credential: a DCC_ADMIN API key made in the bench database.
  const url = `http://127.0.0.1:${port}/graphql`;
  targetHeaders(url, { authorization: `Bearer ${await benchKey(databaseUrl)}` });
  return {
    name: 'ours',
    role: 'ours',
    process: server,
    url,
    body: JSON.stringify({ query: fs.readFileSync(path.join(__dirname, 'nested.graphql'), 'utf8') }),
    parse: answerFromOurs,
  };
}

async function startPostGraphile(install: PeerInstall, databaseUrl: string): Promise<Omit<Server, 'rounds'>> {
  const port = await freePort();
  return {
    name: 'postgraphile',
    role: 'peer',
    process: startPeer(install, databaseUrl, port),
    url: `http://127.0.0.1:${port}/graphql`,
    body: JSON.stringify({
      query: fs.readFileSync(path.join(__dirname, 'nested.postgraphile.graphql'), 'utf8'),
    }),
    parse: answerFromPeer,
  };
}

const READY_TIMEOUT_MS = { ours: 180_000, postgraphile: 90_000 };

async function waitReady(server: Omit<Server, 'rounds'>): Promise<void> {
  const origin = new URL(server.url).origin;
  const probe =
    server.name === 'ours'
      ? async () => (await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(5_000) })).ok
      : async () => {
          await ask(server.url, JSON.stringify({ query: '{ __typename }' }));
          return true;
        };
  await server.process.waitUntil(probe, READY_TIMEOUT_MS[server.name]);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
/** Median of per-round figures, or null where /proc could not be read. */
const medianOf = (values: (number | undefined)[], decimals = 0): number | null =>
  values.length > 0 && values.every((v) => v !== undefined) ? Number(median(values).toFixed(decimals)) : null;
const round2 = (n: number) => Math.round(n * 100) / 100;

function roundLine(name: string, index: number, r: RoundResult): string {
  const pct = (v: number | undefined) => (v === undefined ? '?' : `${Math.round(v)}%`);
  return (
    `${name.padEnd(12)} r${index} rps ${r.rps.toFixed(1).padStart(6)} p50 ${String(r.p50).padStart(3)} ` +
    `p99 ${String(r.p99).padStart(3)} err ${r.errors} non2xx ${r.non2xx} mismatch ${r.mismatches} ` +
    `cpu ${pct(r.serverCpu)} pg ${pct(r.postgresCpu)}`
  );
}

const clean = (r: RoundResult) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.mismatches === 0;

type Outcome = { servers: Server[]; entries: number; sameData: boolean | null };

async function run(args: Args, cleanup: Cleanup): Promise<Outcome> {
  const wanted = (name: Contender) => args.only === undefined || args.only === name;
  const install =
    wanted('postgraphile') || args.oursOnNode22
      ? await ensurePeerInstalled(path.join(CACHE, 'peer'))
      : undefined;

  const db = await openBenchDatabase({ dataDir: path.join(CACHE, 'pgdata'), rebuild: args.rebuild });
  cleanup.add('PostgreSQL', () => db.stop());
  progress(`bench database ${db.built ? 'built' : 'reused'}: ${db.entries} EPCL entries`);

  const starting: Omit<Server, 'rounds'>[] = [];
  const oursNode = args.oursOnNode22 && install ? install.node : process.execPath;
  if (wanted('ours')) starting.push(await startOurs(db.urlFor.ours, args.oursDist, oursNode));
  if (install && wanted('postgraphile')) starting.push(await startPostGraphile(install, db.urlFor.peer));
  for (const s of starting) cleanup.add(s.process.name, () => s.process.stop());
  progress(`starting ${starting.map((s) => s.process.name).join(' and ')}`);
  await Promise.all(starting.map(waitReady));

  // Same question, same answer: check before any number is taken.
  const servers: Server[] = [];
  const answers = new Map<Contender, Answer>();
  for (const s of starting) {
    const text = await ask(s.url, s.body);
    const answer = s.parse(JSON.parse(text));
    if (answer.entries.length === 0 || answer.totalCount === 0)
      throw new Error(`${s.name} found no ON_EPCL entries`);
    answers.set(s.name, answer);
    // A byte-identical second answer lets autocannon verify every response under load (`mismatch`).
    const again = await ask(s.url, s.body);
    if (again !== text)
      progress(`${s.name}: the answer is not byte-stable; responses are not verified under load`);
    servers.push({ ...s, expectBody: again === text ? text : undefined, rounds: [] });
    progress(`${s.name}: ${answer.entries.length} entries of ${answer.totalCount}, ${text.length} bytes`);
  }
  const ours = answers.get('ours');
  const peer = answers.get('postgraphile');
  if (ours && peer) {
    const difference = firstDifference(ours, peer);
    if (difference !== undefined) throw new Error(`the servers disagree: ${difference}`);
    progress(
      'same data: epclIds, totalCount, hasNextPage and every slot/firmware/model/manufacturer value match',
    );
  }
  const sameData = ours && peer ? true : null;

  const counter = await StatementCounter.connect(db.url);
  cleanup.add('statement counter', () => counter.close());
  await counter.setTracking(false);

  result(
    `# ${TARGET_ENTRIES} EPCL entries; ${args.connections} connections, ${args.warmupSeconds} s warm-up + ` +
      `${args.durationSeconds} s measured per round; ${os.cpus().length} CPUs; ` +
      `ours on Node ${oursNode === process.execPath ? process.version : install?.nodeVersion}` +
      (install && wanted('postgraphile')
        ? `; PostGraphile ${install.postgraphileVersion} on Node ${install.nodeVersion}`
        : '') +
      (sameData ? '; same data checked' : ''),
  );
  for (let r = 1; r <= args.rounds; r++) {
    for (const s of servers) {
      progress(`round ${r}/${args.rounds}: ${s.name}`);
      const measured = await round(
        {
          url: s.url,
          body: s.body,
          expectBody: s.expectBody,
          serverPid: s.process.pid,
          postmasterPid: db.postmasterPid,
        },
        args,
      );
      if (!s.process.running)
        throw new Error(`${s.process.name} died during round ${r}:\n${s.process.tail()}`);
      s.rounds.push(measured);
      result(roundLine(s.name, r, measured));
    }
  }

  for (const s of servers) {
    progress(`counting SQL statements over ${args.statementRequests} sequential requests to ${s.name}`);
    await counter.setTracking(true);
    await counter.reset();
    await sequential(s.url, s.body, args.statementRequests);
    const counted = await counter.read(s.role);
    await counter.setTracking(false);
    s.statementsPerRequest = counted.total / args.statementRequests;
    result(
      `statements ${s.name}: ${round2(s.statementsPerRequest)} per request (calls/request × mean time):`,
    );
    for (const st of counted.statements.slice(0, 12)) {
      const perRequest = (st.calls / args.statementRequests).toFixed(2).padStart(6);
      const meanMs = (st.totalMs / st.calls).toFixed(2).padStart(6);
      result(`  ${perRequest} × ${meanMs} ms  ${st.query.slice(0, 140)}`);
    }
  }

  return { servers, entries: db.entries, sameData };
}

function summarise(args: Args, { servers, entries, sameData }: Outcome): void {
  const stats = (s: Server | undefined) =>
    s && {
      rps: round1(median(s.rounds.map((r) => r.rps))),
      p50: median(s.rounds.map((r) => r.p50)),
      p99: median(s.rounds.map((r) => r.p99)),
      statements: s.statementsPerRequest === undefined ? null : round2(s.statementsPerRequest),
      cpu: medianOf(s.rounds.map((r) => r.serverCpu)),
      pgCpu: medianOf(s.rounds.map((r) => r.postgresCpu)),
      // PostgreSQL CPU time per answered request: what the SQL costs, whatever the statement count.
      pgMsPerRequest: medianOf(
        s.rounds.map((r) => (r.postgresCpu === undefined ? undefined : (r.postgresCpu * 10) / r.rps)),
        1,
      ),
      clean: s.rounds.every(clean),
    };
  const ours = stats(servers.find((s) => s.name === 'ours'));
  const peer = stats(servers.find((s) => s.name === 'postgraphile'));
  const ratio = ours && peer ? round2(ours.rps / peer.rps) : null;

  result(`summary: median of ${args.rounds} rounds each`);
  for (const [name, st] of [
    ['ours', ours],
    ['postgraphile', peer],
  ] as const) {
    if (!st) continue;
    result(
      `${name.padEnd(12)} rps ${st.rps.toFixed(1).padStart(6)} p50 ${st.p50} ms p99 ${st.p99} ms ` +
        `statements/request ${st.statements ?? '?'} cpu ${st.cpu ?? '?'}% pg ${st.pgCpu ?? '?'}% ` +
        `(${st.pgMsPerRequest ?? '?'} ms/request)` +
        (st.clean ? '' : '  (UNCLEAN: errors, non-2xx or mismatches)'),
    );
  }
  if (ratio !== null) result(`ratio ours/postgraphile (req/s): ${ratio}`);

  const json = {
    ours_rps: ours?.rps ?? null,
    postgraphile_rps: peer?.rps ?? null,
    ratio,
    ours_p50_ms: ours?.p50 ?? null,
    ours_p99_ms: ours?.p99 ?? null,
    postgraphile_p50_ms: peer?.p50 ?? null,
    postgraphile_p99_ms: peer?.p99 ?? null,
    statements_per_request: ours?.statements ?? null,
    postgraphile_statements_per_request: peer?.statements ?? null,
    rounds: args.rounds,
    entries,
    same_data: sameData,
    connections: args.connections,
    duration_s: args.durationSeconds,
    warmup_s: args.warmupSeconds,
    clean: [ours, peer].every((st) => !st || st.clean),
    ours_rps_rounds: servers.find((s) => s.name === 'ours')?.rounds.map((r) => round1(r.rps)) ?? null,
    postgraphile_rps_rounds:
      servers.find((s) => s.name === 'postgraphile')?.rounds.map((r) => round1(r.rps)) ?? null,
    ours_cpu_pct: ours?.cpu ?? null,
    ours_pg_cpu_pct: ours?.pgCpu ?? null,
    postgraphile_cpu_pct: peer?.cpu ?? null,
    postgraphile_pg_cpu_pct: peer?.pgCpu ?? null,
    ours_pg_ms_per_request: ours?.pgMsPerRequest ?? null,
    postgraphile_pg_ms_per_request: peer?.pgMsPerRequest ?? null,
  };
  result(JSON.stringify(json));
  if (!json.clean) process.exitCode = 1;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(2);
  }
  const cleanup = new Cleanup();
  cleanup.onSignals();
  // Bounded: install and build have their own limits; this caps the whole run whatever hangs.
  const budgetMs = 25 * 60_000 + 2 * args.rounds * (args.warmupSeconds + args.durationSeconds + 15) * 1000;
  const watchdog = setTimeout(() => {
    progress(`gave up after ${Math.round(budgetMs / 60_000)} min; stopping everything`);
    void cleanup.run().finally(() => process.exit(1));
  }, budgetMs);

  // Rounds are printed as they come; the summary only after everything is stopped, so that nothing said
  // while stopping can land after the JSON line, even with stderr merged into stdout.
  try {
    const outcome = await run(args, cleanup);
    await cleanup.run();
    summarise(args, outcome);
  } catch (error) {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup.run();
    process.exitCode = 1;
  }
  clearTimeout(watchdog);
  // The embedded PostgreSQL launcher and pg pools are closed by now; exit explicitly anyway so that a
  // forgotten handle cannot keep a finished bench alive.
  process.exit(process.exitCode ?? 0);
}

void main();
