import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { migrate } from '../src/app/database';
import { startEmbeddedPostgres } from '../src/core/db/embedded-postgres';
import { benchAuthorization } from './lib/keys';
import { isEmpty, seedDatabase } from '../seeds';
import { Cleanup, freePort, ServerProcess } from './lib/processes';
import { progress, result, sleep } from './lib/log';

/*
 * npm run bench:soak [-- --minutes 10] [--workers 6] [--installations 150000] [--cache-dir DIR]
 *
 * Two instances of our server (production mode, as processes) over one embedded PostgreSQL with the demo
 * inventory, under mixed traffic for --minutes: catalogue pages, upgrade candidate totals and pages,
 * installation eligibility, report 22 volumes, catalogue mutations (manufacturer renames), and four
 * graphql-ws subscriptions to domain events fed by a writer toggling an EPCL entry's state every 2 s.
 * Requests alternate between the instances. Every 30 s it prints each instance's RSS, JS heap in use and
 * response cache size (from /metrics); at the end the error count (by operation and code), p50/p99 per
 * operation, RSS and heap start/end/max per instance, events received, and one JSON line.
 */
const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const MINUTES = Number(option('--minutes') ?? 10);
const WORKERS = Number(option('--workers') ?? 6);
const INSTALLATIONS = Number(option('--installations') ?? 150_000);
const CACHE_DIR = path.resolve(
  option('--cache-dir') ?? process.env.BENCH_CACHE_DIR ?? path.join(ROOT, 'bench', '.cache'),
);

const OPERATIONS = {
  catalogue: {
    weight: 30,
    query: `query Catalogue($after: String) { epclEntries(first: 20, after: $after, filter: { states: [ON_EPCL] }) { totalCount pageInfo { endCursor } nodes { epclId state dmc { label slots { slotNo deviceType firmwareVersion { versionRaw deviceModel { modelName manufacturer { name } } } } } } } }`,
  },
  upgradeTotals: {
    weight: 20,
    query: `query UpgradeTotals($t: ID!) { upgradeCandidates(targetDmc: $t, first: 1) { totals { installs { active dormant mixed total } devices { total } } } }`,
  },
  upgradePage: {
    weight: 15,
    query: `query UpgradePage($t: ID!) { upgradeCandidates(targetDmc: $t, first: 100) { nodes { installation { id status } devices { deviceId hops } } } }`,
  },
  eligibility: {
    weight: 25,
    query: `query Eligibility($id: ID!) { installation(id: $id) { status eligibility { eligible blockers { code } upgradeOptions { hops } } } }`,
  },
  volumes: {
    weight: 2,
    query: `query Volumes { epclReport(number: 22) { volumes { tables { section rows { basis recomputed { installs { total } } } } } } }`,
  },
  rename: {
    weight: 8,
    query: `mutation Rename($input: UpdateManufacturerInput!) { updateManufacturer(input: $input) { manufacturer { id name } userErrors { code } } }`,
  },
} as const;
type Op = keyof typeof OPERATIONS;

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round1 = (n: number) => Math.round(n * 10) / 10;

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const mibs = (values: (number | undefined)[]) =>
  values.map((v) => (v === undefined ? '?' : mib(v))).join(' / ');

/** The unlabelled samples of a Prometheus text page (the heap in use, the response cache's bytes, …). */
async function scrape(url: string): Promise<Record<string, number>> {
  try {
    const text = await (await fetch(url)).text();
    const values: Record<string, number> = {};
    for (const m of text.matchAll(/^([a-z_]+) (\S+)$/gm)) values[m[1]] = Number(m[2]);
    return values;
  } catch {
    return {};
  }
}

function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  cleanup.onSignals();
  try {
    const dataDir = path.join(CACHE_DIR, `soak-pgdata-${INSTALLATIONS}`);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const pg = await startEmbeddedPostgres({ dataDir, database: 'dmc_soak', log: () => undefined });
    cleanup.add('PostgreSQL', () => pg.stop());
    await migrate(pg.url);
    if (await isEmpty(pg.url)) {
      progress(`loading the demo data: ${INSTALLATIONS.toLocaleString('en-GB')} installations (once)`);
      await seedDatabase(pg.url, { installations: INSTALLATIONS, seed: 1 });
    }
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    cleanup.add('bench connection', () => db.end());
    // Production mode needs a credential: a DCC_ADMIN API key made in the soak database.
    const authorization = await benchAuthorization(db, { role: 'DCC_ADMIN', name: 'bench:soak' });

    const servers: { proc: ServerProcess; url: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = ServerProcess.start(
        `instance ${i + 1}`,
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            DATABASE_URL: pg.url,
            HOST: '127.0.0.1',
            PORT: String(port),
            NODE_ENV: 'production',
            LOG_LEVEL: 'warn',
            // One credential drives all the traffic: a budget it cannot spend (the limiter still counts).
            RATE_LIMIT_DCC_ADMIN: '1000000000000',
          },
        },
      );
      cleanup.add(`instance ${i + 1}`, () => proc.stop());
      await proc.waitUntil(
        () =>
          fetch(`http://127.0.0.1:${port}/readyz`)
            .then((r) => r.ok)
            .catch(() => false),
        120_000,
      );
      servers.push({ proc, url: `http://127.0.0.1:${port}/graphql` });
    }
    progress(`two instances ready (pids ${servers.map((s) => s.proc.pid).join(', ')})`);

    // Inputs.
    const targets = (
      await db.query<{ id: number }>(
        `select e.dmc_id as id from epcl_entry e join epcl_report_entry re on re.entry_id = e.id join epcl_report r on r.id = re.report_id where r.number = 22 order by e.epcl_id limit 10`,
      )
    ).rows.map((r) => Buffer.from(`Dmc:${r.id}`).toString('base64'));
    const installations = (
      await db.query<{ id: number }>(
        `select id from installation tablesample bernoulli (1) repeatable (3) limit 500`,
      )
    ).rows.map((r) => Buffer.from(`Installation:${r.id}`).toString('base64'));
    const manufacturers = (
      await db.query<{ id: number; name: string }>('select id, name from manufacturer order by id limit 5')
    ).rows;

    // Subscribers: two per instance, counting the events they receive.
    const received = [0, 0, 0, 0];
    const wsClients: WsClient[] = [];
    for (let i = 0; i < 4; i++) {
      const client = createClient({
        url: servers[i % 2].url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 5,
        connectionParams: { authorization },
      });
      wsClients.push(client);
      client.subscribe(
        { query: `subscription { domainEvents(types: ["EpclEntryStateChanged"]) { id type } }` },
        { next: () => void received[i]++, error: () => undefined, complete: () => undefined },
      );
    }
    cleanup.add('subscribers', async () => {
      for (const c of wsClients) await c.dispose();
    });
    const [{ id: entry, state: initial }] = (
      await db.query<{ id: number; state: string }>(
        `select id, state from epcl_entry where epcl_id = '002370'`,
      )
    ).rows;
    /** State changes committed (acknowledged by PostgreSQL), and the one in flight. */
    let writes = 0;
    let writing: Promise<void> = Promise.resolve();
    // Every write changes the state (a write of the state it already has is no change, and no event): the
    // data is kept between runs, so the first write is the opposite of what the last run left.
    let tick = initial === 'WITHDRAWN' ? 1 : 0;
    const writer = setInterval(() => {
      const state = tick++ % 2 === 0 ? 'WITHDRAWN' : 'CANDIDATE';
      writing = db.query('update epcl_entry set state = $1 where id = $2', [state, entry]).then(
        () => void writes++,
        () => undefined,
      );
    }, 2000);
    cleanup.add('event writer', async () => clearInterval(writer));

    // Traffic.
    const times = new Map<Op, number[]>();
    const errors = new Map<string, number>();
    const ops = Object.keys(OPERATIONS) as Op[];
    const total = ops.reduce((s, o) => s + OPERATIONS[o].weight, 0);
    const pick = (): Op => {
      let r = Math.random() * total;
      for (const o of ops) if ((r -= OPERATIONS[o].weight) < 0) return o;
      return ops[0];
    };
    let counter = 0;
    const variables = (op: Op, n: number): Record<string, unknown> => {
      switch (op) {
        case 'upgradeTotals':
        case 'upgradePage':
          return { t: targets[n % targets.length] };
        case 'eligibility':
          return { id: installations[n % installations.length] };
        case 'rename': {
          const m = manufacturers[n % manufacturers.length];
          return {
            input: {
              id: Buffer.from(`Manufacturer:${m.id}`).toString('base64'),
              name: `${m.name} ${n % 2 ? '(soak)' : ''}`.trim(),
            },
          };
        }
        default:
          return {};
      }
    };
    const deadline = Date.now() + MINUTES * 60_000;
    const rss: {
      t: number;
      mb: (number | undefined)[];
      heap: (number | undefined)[];
      cache: (number | undefined)[];
    }[] = [];
    const started = Date.now();
    const sample = async () => {
      const t = Math.round((Date.now() - started) / 1000);
      const mb = servers.map((s) => rssMb(s.proc.pid));
      const scraped = await Promise.all(servers.map((s) => scrape(s.url.replace(/\/graphql$/, '/metrics'))));
      rss.push({
        t,
        mb,
        heap: scraped.map((m) => m.nodejs_heap_size_used_bytes),
        cache: scraped.map((m) => m.graphql_response_cache_bytes),
      });
    };
    await sample();
    progress(`RSS at start: ${rss[0].mb.join(' / ')} MB (JS heap used ${mibs(rss[0].heap)} MB)`);
    const sampler = setInterval(() => {
      void sample().then(() => {
        const last = rss[rss.length - 1];
        const done = [...times.values()].reduce((s, t) => s + t.length, 0);
        progress(
          `+${last.t} s: RSS ${last.mb.join(' / ')} MB, JS heap used ${mibs(last.heap)} MB, response cache ${mibs(last.cache)} MB, ${done} requests, ${[...errors.values()].reduce((s, n) => s + n, 0)} errors, events ${received.join('/')}`,
        );
      });
    }, 30_000);
    const worker = async () => {
      while (Date.now() < deadline) {
        const op = pick();
        const n = counter++;
        const server = servers[n % 2];
        const t0 = process.hrtime.bigint();
        try {
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ query: OPERATIONS[op].query, variables: variables(op, n) }),
          });
          const body = (await res.json()) as {
            errors?: { extensions?: { code?: string } }[];
            data?: { updateManufacturer?: { userErrors: unknown[] } };
          };
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (res.status !== 200 || body.errors?.length || body.data?.updateManufacturer?.userErrors.length) {
            const code =
              body.errors?.[0]?.extensions?.code ??
              (body.data?.updateManufacturer?.userErrors.length ? 'USER_ERROR' : `HTTP ${res.status}`);
            errors.set(`${op} ${code}`, (errors.get(`${op} ${code}`) ?? 0) + 1);
          } else {
            if (!times.has(op)) times.set(op, []);
            times.get(op)!.push(ms);
          }
        } catch (error) {
          errors.set(
            `${op} ${(error as Error).message}`,
            (errors.get(`${op} ${(error as Error).message}`) ?? 0) + 1,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    clearInterval(sampler);
    await sample();
    // No more writes; then every subscriber is given up to 10 s to receive every committed change.
    clearInterval(writer);
    await writing;
    for (const until = Date.now() + 10_000; Date.now() < until && received.some((n) => n < writes);)
      await sleep(100);

    const errorCount = [...errors.values()].reduce((s, n) => s + n, 0);
    const perOp = ops.map((op) => {
      const t = times.get(op) ?? [];
      return { op, ok: t.length, p50_ms: round1(percentile(t, 50)), p99_ms: round1(percentile(t, 99)) };
    });
    const rssSummary = servers.map((_, i) => {
      const values = rss.map((r) => r.mb[i]).filter((v): v is number => v !== undefined);
      const heap = rss
        .map((r) => r.heap[i])
        .filter((v): v is number => v !== undefined)
        .map(mib);
      return {
        start_mb: values[0],
        end_mb: values[values.length - 1],
        max_mb: Math.max(...values),
        heap_start_mb: heap[0],
        heap_end_mb: heap[heap.length - 1],
        heap_max_mb: Math.max(...heap),
      };
    });
    result(
      `soak: ${MINUTES} min, ${WORKERS} workers, 2 instances, ${INSTALLATIONS.toLocaleString('en-GB')} installations`,
    );
    result(`errors: ${errorCount}${errorCount ? ' ' + JSON.stringify(Object.fromEntries(errors)) : ''}`);
    for (const p of perOp)
      result(`  ${p.op.padEnd(14)} ${String(p.ok).padStart(7)} ok  p50 ${p.p50_ms} ms  p99 ${p.p99_ms} ms`);
    rssSummary.forEach((r, i) =>
      result(
        `RSS instance ${i + 1}: start ${r.start_mb} MB, end ${r.end_mb} MB, max ${r.max_mb} MB (JS heap used: start ${r.heap_start_mb}, end ${r.heap_end_mb}, max ${r.heap_max_mb} MB)`,
      ),
    );
    result(`RSS over time (s: MB per instance): ${rss.map((r) => `${r.t}: ${r.mb.join('/')}`).join(', ')}`);
    result(`subscription events received: ${received.join(', ')} (state changes committed: ${writes})`);
    result(
      JSON.stringify({
        minutes: MINUTES,
        workers: WORKERS,
        installations: INSTALLATIONS,
        errors: errorCount,
        operations: perOp,
        rss: rssSummary,
        events: received,
        writes,
      }),
    );
  } finally {
    await cleanup.run();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:soak failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
