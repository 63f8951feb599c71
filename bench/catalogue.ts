/**
 * `npm run bench:catalogue`: our server against PostGraphile v5 on the same 50,000-entry catalogue, over
 * several query shapes clients send, in one command. See bench/README.md for what it measures and how to read
 * the output.
 *
 *   1. build (or reuse) the bench database in bench/.cache/pgdata;
 *   2. install (or reuse) PostGraphile v5 + Node 22 in bench/.cache/peer; both servers run on that Node 22;
 *   3. start both servers on free loopback ports, each in its own process (own CPU, own pool of 10);
 *   4. per shape, check they return the same data, then load them in turns with autocannon: ours without
 *      response caching (`cache-control: no-store`, the engine alone), PostGraphile, ours with caching;
 *   5. count the SQL statements each issues per request and shape (pg_stat_statements);
 *   6. stop everything and print rounds, a summary per shape and, as the last line, one JSON object.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabase, StatementCounter, TARGET_ENTRIES, type ServerName } from './lib/database';
import { benchAuthorization } from './lib/keys';
import { ask, round, sequential, targetHeaders, type LoadOptions, type RoundResult } from './lib/load';
import { errorMessage, progress, result } from './lib/log';
import { ensurePeerInstalled, startPeer, type PeerInstall } from './lib/peer';
import { buildShapes, idsQuery, type Shape } from './lib/shapes';
import { Cleanup, freePort, ServerProcess } from './lib/processes';

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(__dirname, '.cache');

type Contender = 'ours' | 'postgraphile';
/** Our engine alone (responses never served from the cache), PostGraphile, ours with response caching. */
type Variant = 'ours' | 'postgraphile' | 'ours_cached';
const VARIANTS: Variant[] = ['ours', 'postgraphile', 'ours_cached'];
/** The engine-only rounds ask our server not to answer from its response cache. */
const NO_CACHE = { 'cache-control': 'no-store' };

const USAGE = `Usage: npm run bench:catalogue -- [options]

  --rounds N               measured rounds per server and shape, interleaved (default 2)
  --duration S             seconds measured per round (default 6)
  --warmup S               seconds of unmeasured load before each round (default 2)
  --connections N          concurrent keep-alive connections (default 10)
  --statement-requests N   sequential requests per shape for the SQL statement count (default 50)
  --shapes a,b,…           only these shapes (default: all)
  --quick                  development: 1 round of 2 s after 1 s of warm-up, 10 statement requests
  --ours-dist              run our server from dist/ (npm run build first) instead of ts-node
  --rebuild                rebuild the bench database even if the cached one is current`;

type Args = LoadOptions & {
  rounds: number;
  statementRequests: number;
  shapes: string[] | undefined;
  oursDist: boolean;
  rebuild: boolean;
};

function parseArgs(argv: string[]): Args {
  const args: Args = {
    rounds: 2,
    durationSeconds: 6,
    warmupSeconds: 2,
    connections: 10,
    statementRequests: 50,
    shapes: undefined,
    oursDist: false,
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
    } else if (flag === '--shapes') {
      args.shapes = (argv[++i] ?? '').split(',').filter(Boolean);
    } else if (flag === '--quick') {
      Object.assign(args, { rounds: 1, durationSeconds: 2, warmupSeconds: 1, statementRequests: 10 });
    } else if (flag === '--ours-dist') args.oursDist = true;
    else if (flag === '--rebuild') args.rebuild = true;
    else if (flag === '--help' || flag === '-h') {
      result(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n\n${USAGE}`);
  }
  return args;
}

type Server = { name: Contender; role: ServerName; process: ServerProcess; url: string };

async function startOurs(databaseUrl: string, oursDist: boolean, node: string): Promise<Server> {
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
    ...(process.env.BENCH_OURS_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_OURS_NODE_OPTIONS } : {}),
    // A/B of the lean lane (README, "Lean lane"): LEAN_LANE=false runs our server without it.
    ...(process.env.LEAN_LANE ? { LEAN_LANE: process.env.LEAN_LANE } : {}),
  };
  const server = ServerProcess.start('our server', node, entry, { cwd: ROOT, env });
  // Production mode needs a credential: a DCC_ADMIN API key made in the bench database.
  const url = `http://127.0.0.1:${port}/graphql`;
  targetHeaders(url, {
    authorization: await benchAuthorization(databaseUrl, { role: 'DCC_ADMIN', name: 'bench:catalogue' }),
  });
  return { name: 'ours', role: 'ours', process: server, url };
}

async function startPostGraphile(install: PeerInstall, databaseUrl: string): Promise<Server> {
  const port = await freePort();
  return {
    name: 'postgraphile',
    role: 'peer',
    process: startPeer(install, databaseUrl, port),
    url: `http://127.0.0.1:${port}/graphql`,
  };
}

const READY_TIMEOUT_MS = { ours: 180_000, postgraphile: 90_000 };

async function waitReady(server: Server): Promise<void> {
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
const round2 = (n: number) => Math.round(n * 100) / 100;
const geomean = (values: number[]) =>
  values.length ? Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length) : NaN;

function roundLine(shape: string, name: string, index: number, r: RoundResult): string {
  const pct = (v: number | undefined) => (v === undefined ? '?' : `${Math.round(v)}%`);
  return (
    `${shape.padEnd(14)} ${name.padEnd(12)} r${index} rps ${r.rps.toFixed(1).padStart(7)} p50 ` +
    `${String(r.p50).padStart(3)} p99 ${String(r.p99).padStart(3)} err ${r.errors} non2xx ${r.non2xx} ` +
    `mismatch ${r.mismatches} cpu ${pct(r.serverCpu)} pg ${pct(r.postgresCpu)}`
  );
}

const clean = (r: RoundResult) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.mismatches === 0;

/** The first place two projected answers differ, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, where = 'data'): string | undefined {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return `${where}: ours ${JSON.stringify(a)?.slice(0, 200)}, PostGraphile ${JSON.stringify(b)?.slice(0, 200)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${where}: ${a.length} items (ours) vs ${b.length} (PostGraphile)`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${where}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'object' && a !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b as object)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${where}.${key}`,
      );
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `${where}: ours ${JSON.stringify(a)}, PostGraphile ${JSON.stringify(b)}`;
}

type Measured = {
  shape: Shape;
  bodies: Record<Contender, string>;
  expect: Partial<Record<Variant, string>>;
  rounds: Record<Variant, RoundResult[]>;
  statements: Partial<Record<Contender, number>>;
  bytes: number;
};

type Outcome = {
  measured: Measured[];
  entries: number;
  oursNode: string;
  peerNode: string;
  pgVersion: string;
};

async function json(url: string, query: string, headers: Record<string, string> = {}) {
  const text = await ask(url, JSON.stringify({ query }), headers);
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors !== undefined || !body.data)
    throw new Error(`${url} answered with errors: ${JSON.stringify(body.errors).slice(0, 1000)}`);
  return { text, data: body.data };
}

async function run(args: Args, cleanup: Cleanup): Promise<Outcome> {
  const install = await ensurePeerInstalled(path.join(CACHE, 'peer'));
  const db = await openBenchDatabase({ dataDir: path.join(CACHE, 'pgdata'), rebuild: args.rebuild });
  cleanup.add('PostgreSQL', () => db.stop());
  progress(`bench database ${db.built ? 'built' : 'reused'}: ${db.entries} EPCL entries`);

  // Both servers on the same Node 22: what users run, and what PostGraphile v5 needs.
  const ours = await startOurs(db.urlFor.ours, args.oursDist, install.node);
  const peer = await startPostGraphile(install, db.urlFor.peer);
  for (const s of [ours, peer]) cleanup.add(s.process.name, () => s.process.stop());
  progress(`starting our server and PostGraphile on ${install.node}`);
  await Promise.all([ours, peer].map(waitReady));

  // Inputs taken from the data: the same ten entries, by each server's global ID, and one epclId.
  const [oursIds, peerIds] = await Promise.all([
    json(ours.url, idsQuery.ours(10), NO_CACHE),
    json(peer.url, idsQuery.peer(10)),
  ]);
  type IdNode = { id: string; epclId: string };
  const oursNodes = (oursIds.data.epclEntries as { nodes: IdNode[] }).nodes;
  const peerNodes = (peerIds.data.allEpclEntries as { nodes: IdNode[] }).nodes;
  if (oursNodes.map((n) => n.epclId).join() !== peerNodes.map((n) => n.epclId).join())
    throw new Error('the servers list different first ON_EPCL entries');
  let shapes = buildShapes({
    epclId: oursNodes[3].epclId,
    oursIds: oursNodes.map((n) => n.id),
    peerIds: peerNodes.map((n) => n.id),
  });
  if (args.shapes) {
    const unknown = args.shapes.filter((name) => !shapes.some((s) => s.name === name));
    if (unknown.length) throw new Error(`unknown shape(s) ${unknown.join(', ')}`);
    shapes = shapes.filter((s) => args.shapes!.includes(s.name));
  }

  // Same question, same answer, per shape: checked before any number is taken.
  const measured: Measured[] = [];
  for (const shape of shapes) {
    const bodies = {
      ours: JSON.stringify({ query: shape.ours }),
      postgraphile: JSON.stringify({ query: shape.peer }),
    };
    const o = await json(ours.url, shape.ours, NO_CACHE);
    const p = await json(peer.url, shape.peer);
    const difference = firstDifference(shape.projectOurs(o.data), shape.projectPeer(p.data));
    if (difference !== undefined) throw new Error(`shape ${shape.name}: the servers disagree: ${difference}`);
    // A byte-identical second answer lets autocannon verify every response under load (`mismatch`).
    const expect: Measured['expect'] = {};
    const again = await ask(ours.url, bodies.ours, NO_CACHE);
    if (again === o.text) expect.ours = expect.ours_cached = o.text;
    else progress(`${shape.name}: our answer is not byte-stable; not verified under load`);
    if ((await ask(peer.url, bodies.postgraphile)) === p.text) expect.postgraphile = p.text;
    measured.push({
      shape,
      bodies,
      expect,
      rounds: { ours: [], postgraphile: [], ours_cached: [] },
      statements: {},
      bytes: o.text.length,
    });
    progress(`${shape.name}: same data (${o.text.length} bytes ours, ${p.text.length} PostGraphile)`);
  }

  const counter = await StatementCounter.connect(db.url);
  cleanup.add('statement counter', () => counter.close());
  await counter.setTracking(false);
  const pgVersion = await counter.serverVersion();

  result(
    `# ${TARGET_ENTRIES} EPCL entries; ${shapes.length} shapes; ${args.connections} connections, ` +
      `${args.warmupSeconds} s warm-up + ${args.durationSeconds} s measured per round, ${args.rounds} round(s); ` +
      `${os.cpus().length} CPUs; both servers on Node ${install.nodeVersion} (${path.relative(ROOT, install.node)}), ` +
      `NODE_ENV=production; PostGraphile ${install.postgraphileVersion}; PostgreSQL ${pgVersion}; same data checked`,
  );
  const servers: Record<Variant, Server> = { ours, postgraphile: peer, ours_cached: ours };
  for (let r = 1; r <= args.rounds; r++) {
    for (const m of measured) {
      for (const variant of VARIANTS) {
        const s = servers[variant];
        progress(`round ${r}/${args.rounds}: ${m.shape.name} ${variant}`);
        const measuredRound = await round(
          {
            url: s.url,
            body: m.bodies[s.name],
            expectBody: m.expect[variant],
            serverPid: s.process.pid,
            postmasterPid: db.postmasterPid,
            headers: variant === 'ours' ? NO_CACHE : undefined,
          },
          args,
        );
        if (!s.process.running)
          throw new Error(`${s.process.name} died during round ${r}:\n${s.process.tail()}`);
        m.rounds[variant].push(measuredRound);
        result(roundLine(m.shape.name, variant, r, measuredRound));
      }
    }
  }

  for (const m of measured) {
    for (const s of [ours, peer]) {
      await counter.setTracking(true);
      await counter.reset();
      await sequential(s.url, m.bodies[s.name], args.statementRequests, s === ours ? NO_CACHE : {});
      const counted = await counter.read(s.role);
      await counter.setTracking(false);
      m.statements[s.name] = counted.total / args.statementRequests;
      result(
        `statements ${m.shape.name} ${s.name}: ${round2(m.statements[s.name]!)} per request (calls/request × mean time):`,
      );
      for (const st of counted.statements.slice(0, 6)) {
        const perRequest = (st.calls / args.statementRequests).toFixed(2).padStart(6);
        const meanMs = (st.totalMs / st.calls).toFixed(2).padStart(6);
        result(`  ${perRequest} × ${meanMs} ms  ${st.query.replace(/\s+/g, ' ').slice(0, 140)}`);
      }
    }
  }
  return { measured, entries: db.entries, oursNode: install.node, peerNode: install.node, pgVersion };
}

function summarise(args: Args, { measured, entries }: Outcome): void {
  const stat = (rounds: RoundResult[]) => ({
    rps: round1(median(rounds.map((r) => r.rps))),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    clean: rounds.every(clean),
  });
  result(`summary: median of ${args.rounds} round(s) per shape and server`);
  result(
    `${'shape'.padEnd(14)} ${'ours rps'.padStart(9)} ${'p50'.padStart(4)} ${'p99'.padStart(4)}  ` +
      `${'peer rps'.padStart(9)} ${'p50'.padStart(4)} ${'p99'.padStart(4)}  ${'ratio'.padStart(6)}  ` +
      `${'cached rps'.padStart(10)} ${'p99'.padStart(4)} ${'ratio'.padStart(6)}  stmts ours/peer`,
  );
  const perShape = measured.map((m) => {
    const o = stat(m.rounds.ours);
    const p = stat(m.rounds.postgraphile);
    const c = stat(m.rounds.ours_cached);
    const row = {
      shape: m.shape.name,
      counted: m.shape.counted,
      ours: o,
      postgraphile: p,
      ours_cached: c,
      ratio: round2(o.rps / p.rps),
      ratio_cached: round2(c.rps / p.rps),
      statements: m.statements.ours ?? null,
      postgraphile_statements: m.statements.postgraphile ?? null,
    };
    result(
      `${row.shape.padEnd(14)} ${o.rps.toFixed(1).padStart(9)} ${String(o.p50).padStart(4)} ${String(o.p99).padStart(4)}  ` +
        `${p.rps.toFixed(1).padStart(9)} ${String(p.p50).padStart(4)} ${String(p.p99).padStart(4)}  ${row.ratio.toFixed(2).padStart(6)}  ` +
        `${c.rps.toFixed(1).padStart(10)} ${String(c.p99).padStart(4)} ${row.ratio_cached.toFixed(2).padStart(6)}  ` +
        `${round2(row.statements ?? NaN)}/${round2(row.postgraphile_statements ?? NaN)}` +
        (o.clean && p.clean && c.clean ? '' : '  (UNCLEAN: errors, non-2xx or mismatches)'),
    );
    return row;
  });
  const ratio = round2(geomean(perShape.map((r) => r.ratio)));
  const ratioMin = round2(Math.min(...perShape.map((r) => r.ratio)));
  const ratioNoCount = round2(geomean(perShape.filter((r) => !r.counted).map((r) => r.ratio)));
  const ratioCached = round2(geomean(perShape.map((r) => r.ratio_cached)));
  const worstP99 = Math.max(...perShape.map((r) => r.ours.p99));
  const statements = Math.max(...perShape.map((r) => r.statements ?? NaN));
  const allClean = perShape.every((r) => r.ours.clean && r.postgraphile.clean && r.ours_cached.clean);
  result(
    `ratio ours/postgraphile (req/s), engine only: geomean ${ratio}, min ${ratioMin}, without totalCount ${ratioNoCount}; ` +
      `with response caching: geomean ${ratioCached}; worst p99 ${worstP99} ms; at most ${round2(statements)} statements/request` +
      (allClean ? '' : ' (UNCLEAN)'),
  );
  // Details first (one line), then the result line the issue defines, last.
  result(
    JSON.stringify({
      entries,
      rounds: args.rounds,
      connections: args.connections,
      duration_s: args.durationSeconds,
      warmup_s: args.warmupSeconds,
      clean: allClean,
      shapes: perShape,
    }),
  );
  result(
    JSON.stringify({
      ratio,
      ratio_min: ratioMin,
      ratio_no_count: ratioNoCount,
      ratio_cached: ratioCached,
      ours_p99_ms: worstP99,
      statements_per_request: round2(statements),
    }),
  );
  if (!allClean) process.exitCode = 1;
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
  const budgetMs =
    25 * 60_000 + 7 * 3 * args.rounds * (args.warmupSeconds + args.durationSeconds + 15) * 1000;
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
