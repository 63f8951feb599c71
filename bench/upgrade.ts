import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../src/app/database';
import { startEmbeddedPostgres } from '../src/core/db/embedded-postgres';
import { seedDatabase } from '../seeds';
import { benchAuthorization } from './lib/keys';
import { Cleanup, freePort, ServerProcess } from './lib/processes';
import { progress, result, sleep } from './lib/log';

/*
 * npm run bench:upgrade [-- --installations N[,N…]] [--cache-dir DIR] [--rebuild] [--no-brute-force] [--supplier]
 *
 * Builds (once per version of seeds/, then reuses) a national inventory of 3,000,000 installations in
 * bench/.cache/upgrade-pgdata-<hash of seeds/*.ts>,
 * starts our server over it in production mode, and measures sequential request latency for the questions of
 * the upgrade analysis: candidate totals and the first page of 100 candidates with hops, for several target
 * DMCs; one installation's eligibility; report 22's recomputed volumes. Then it answers the totals with the
 * brute-force SQL of docs/domain.md §4.4 (over devices, no precomputation) and prints the ratio.
 * Requests carry a DCC_ADMIN API key made in the bench database (production mode needs a credential).
 * With --supplier it measures the same questions again with the API key of the largest supplier, twice:
 * with PostgreSQL's row-level security on (as deployed), then with its policies disabled for the run (the
 * resolvers' own supplier conditions only), and prints the difference: what RLS costs.
 * The last line is one JSON object.
 *
 * Growth: `--installations 1000000,3000000,10000000` measures each size in turn, each with its own database
 * (`upgrade-pgdata-<hash>-<N>` under the cache folder), then prints a table of how every figure grows and, last, one
 * JSON array. `--cache-dir DIR` (or BENCH_CACHE_DIR) keeps the databases elsewhere than bench/.cache.
 */
const ROOT = path.resolve(__dirname, '..');
/**
 * The inventory is whatever seeds/ generates: one cache per version of the generator (a hash of seeds/*.ts),
 * so a changed generator rebuilds, and checkouts with different generators sharing a cache keep their own.
 */
const SEEDS_HASH = (() => {
  const hash = crypto.createHash('sha256');
  const dir = path.join(ROOT, 'seeds');
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort())
    hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 12);
})();
const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const CACHE_DIR = path.resolve(
  option('--cache-dir') ?? process.env.BENCH_CACHE_DIR ?? path.join(ROOT, 'bench', '.cache'),
);
const SIZES = (option('--installations') ?? '3000000').split(',').map((raw) => {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--installations: not a number of installations: ${raw}`);
  return n;
});
let INSTALLATIONS = SIZES[0];
let CACHE = path.join(CACHE_DIR, `upgrade-pgdata-${SEEDS_HASH}`);
const REBUILD = args.includes('--rebuild');
const BRUTE_FORCE_LIMIT_S = 90;
const SKIP_BRUTE_FORCE = args.includes('--no-brute-force');
const SUPPLIER_PASS = args.includes('--supplier');
/** `Authorization` of the bench's requests (an API key made in the bench database). */
let AUTHORIZATION = '';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round1 = (n: number) => Math.round(n * 10) / 10;

async function gql<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ ms: number; data: T }> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (body.errors) throw new Error(`GraphQL error: ${body.errors[0].message}`);
  return { ms, data: body.data };
}

async function timed(
  label: string,
  runs: number,
  warmup: number,
  fn: () => Promise<number>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  progress(
    `${label}: p50 ${round1(percentile(times, 50))} ms, p95 ${round1(percentile(times, 95))} ms (${runs} runs)`,
  );
  return times;
}

const TOTALS = `query($t: ID!) { upgradeCandidates(targetDmc: $t, first: 1) { totals { installs { active dormant mixed total } devices { total } } } }`;
const PAGE = `query($t: ID!) { upgradeCandidates(targetDmc: $t, first: 100) { nodes { installation { id status } devices { deviceId hops path { versionHex } } } } }`;
const ELIGIBILITY = `query($id: ID!) { installation(id: $id) { status eligibility { eligible entry { epclId } basisChain { epclId } upgradeOptions { hops dmc { fingerprint } devices { deviceId hops } } blockers { code } } } }`;
const VOLUMES = `{ epclReport(number: 22) { volumes { tables { section rows { basis recomputed { installs { active dormant mixed total } devices { total } } } } } } }`;
/** The parts of the TOTALS and VOLUMES answers the benchmark reads. */
type Totals = { upgradeCandidates: { totals: { installs: { total: number } } } };
type Volumes = {
  epclReport: {
    volumes: { tables: { rows: { basis: string; recomputed: { installs: { total: number } } }[] }[] };
  };
};

/** docs/domain.md §4.4, on this schema: no combinations, no precomputation; counts by status. */
const BRUTE_FORCE = `
with recursive reach(from_fw, to_fw) as (
    select from_firmware_id, to_firmware_id from firmware_upgrade_path where ota_supported and (cohort_id = $2 or cohort_id is null)
  union select r.from_fw, p.to_firmware_id from reach r join firmware_upgrade_path p on p.from_firmware_id = r.to_fw
    where p.ota_supported and (p.cohort_id = $2 or p.cohort_id is null)),
inst_slots as (select d.installation_id, d.device_type, fv.device_model_id, fv.id fw from device d join firmware_version fv on fv.id = d.firmware_version_id),
tgt as (select s.device_type, fv.device_model_id, fv.id fw from dmc_slot s join firmware_version fv on fv.id = s.firmware_version_id where s.dmc_id = $1)
select i.status, count(*)::int as n from installation i
 where i.cohort_id = $2 and i.migration_state = 'UNMIGRATED'
   and (select array_agg(device_type order by device_type) from inst_slots where installation_id = i.id) = (select array_agg(device_type order by device_type) from tgt)
   and not exists (select 1 from inst_slots x join tgt t using (device_type) where x.installation_id = i.id and (x.device_model_id <> t.device_model_id
        or (x.fw <> t.fw and not exists (select 1 from reach r where r.from_fw = x.fw and r.to_fw = t.fw))))
   and exists (select 1 from inst_slots x join tgt t using (device_type) where x.installation_id = i.id and x.fw <> t.fw)
 group by i.status`;

type Summary = Record<string, unknown> & { installations: number };

async function main(): Promise<void> {
  const summaries: Summary[] = [];
  for (const size of SIZES) {
    INSTALLATIONS = size;
    // One size keeps the historical folder; several get one folder each, so none rebuilds another's.
    CACHE = path.join(
      CACHE_DIR,
      SIZES.length === 1 ? `upgrade-pgdata-${SEEDS_HASH}` : `upgrade-pgdata-${SEEDS_HASH}-${size}`,
    );
    summaries.push(await measure());
  }
  if (SIZES.length > 1) printGrowth(summaries);
}

/** How each figure grows with the inventory: one row per figure, one column per size, and the factor from the first. */
function printGrowth(summaries: Summary[]): void {
  const keys = Object.keys(summaries[0]).filter(
    (k) => k !== 'installations' && summaries.every((s) => typeof s[k] === 'number'),
  );
  const head = [
    'figure',
    ...summaries.map((s) => `${(s.installations / 1e6).toLocaleString('en-GB')}M`),
    'growth',
  ];
  const rows = keys.map((k) => {
    const values = summaries.map((s) => s[k] as number);
    const factor = values[0] ? `${round1(values[values.length - 1] / values[0])}x` : '-';
    return [k, ...values.map(String), factor];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  result(`growth (${summaries.map((s) => s.installations).join(' / ')} installations)`);
  result(line(head));
  for (const r of rows) result(line(r));
  result(JSON.stringify(summaries));
}

async function measure(): Promise<Summary> {
  const cleanup = new Cleanup();
  process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));
  try {
    if (REBUILD) fs.rmSync(CACHE, { recursive: true, force: true });
    fs.mkdirSync(CACHE, { recursive: true });
    const pg = await startEmbeddedPostgres({
      dataDir: CACHE,
      database: 'dmc_upgrade_bench',
      log: () => undefined,
    });
    cleanup.add('PostgreSQL', () => pg.stop());
    await migrate(pg.url);
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    cleanup.add('bench connection', () => db.end());
    const have = Number((await db.query<{ n: string }>('select count(*) as n from installation')).rows[0].n);
    if (have !== INSTALLATIONS) {
      progress(
        `building the inventory: ${INSTALLATIONS.toLocaleString('en-GB')} installations (once; reused after)`,
      );
      await db.query('drop schema public cascade; create schema public');
      await migrate(pg.url);
      const started = Date.now();
      await seedDatabase(pg.url, { installations: INSTALLATIONS, seed: 1 });
      await db.query('vacuum analyze');
      progress(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else progress(`reusing the inventory: ${have.toLocaleString('en-GB')} installations`);

    AUTHORIZATION = await benchAuthorization(db, { role: 'DCC_ADMIN', name: 'bench:upgrade' });
    const port = await freePort();
    const server = ServerProcess.start(
      'our server',
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
          SEED_ON_EMPTY: 'false',
          LOG_LEVEL: 'warn',
          // One client measures throughput: a budget it cannot spend keeps the rate limiter's bookkeeping on the
          // hot path without refusing anything (RATE_LIMIT_<ROLE>=0 would skip it).
          RATE_LIMIT_DCC_ADMIN: '1000000000000',
          RATE_LIMIT_DCC_ANALYST: '1000000000000',
          RATE_LIMIT_SUPPLIER: '1000000000000',
        },
      },
    );
    cleanup.add('our server', () => server.stop());
    const url = `http://127.0.0.1:${port}/graphql`;
    for (let i = 0; ; i++) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) break;
      if (i > 300) throw new Error('our server did not become ready');
      await sleep(100);
    }

    const targets = (
      await db.query<{ id: number; label: string }>(
        `(select d.id, 'report 22 ' || e.epcl_id as label from epcl_entry e join dmc d on d.id = e.dmc_id where e.epcl_id in ('002255', '002370'))
         union all (select e.dmc_id, 'report 22 SE ' || e.epcl_id from epcl_entry e join epcl_report_entry re on re.entry_id = e.id
                     join epcl_report r on r.id = re.report_id where r.number = 22 and e.basis = 'SUBSTANTIVELY_EQUIVALENT' order by e.epcl_id limit 3)`,
      )
    ).rows;
    const totals: number[] = [];
    const pages: number[] = [];
    const brute: { label: string; ms: number; ours: number }[] = [];
    for (const t of targets) {
      const id = Buffer.from(`Dmc:${t.id}`).toString('base64');
      const one = await gql<Totals>(url, TOTALS, { t: id });
      progress(`target ${t.label}: ${one.data.upgradeCandidates.totals.installs.total} candidates`);
      totals.push(...(await timed(`  totals`, 20, 3, async () => (await gql(url, TOTALS, { t: id })).ms)));
      pages.push(
        ...(await timed(
          `  first page of 100 with hops`,
          20,
          3,
          async () => (await gql(url, PAGE, { t: id })).ms,
        )),
      );
    }
    const ids = (
      await db.query<{ id: number }>(
        `select id from installation tablesample bernoulli (0.05) repeatable (7) limit 200`,
      )
    ).rows.map((r) => r.id);
    let k = 0;
    const eligibility = await timed(
      'installation eligibility (random installations)',
      100,
      10,
      async () =>
        (
          await gql(url, ELIGIBILITY, {
            id: Buffer.from(`Installation:${ids[k++ % ids.length]}`).toString('base64'),
          })
        ).ms,
    );
    const volumeRuns = await timed('report 22 volumes', 5, 1, async () => (await gql(url, VOLUMES)).ms);
    const volumes = (await gql<Volumes>(url, VOLUMES)).data.epclReport.volumes.tables[0].rows.find(
      (r) => r.basis === 'POTENTIAL_FW_UPGRADE',
    )!.recomputed.installs.total;

    const cohort = (await db.query<{ id: number }>(`select id from cohort where code = 'MOC_SECURE'`)).rows[0]
      .id;
    for (const t of SKIP_BRUTE_FORCE ? [] : targets.slice(0, 2)) {
      const id = Buffer.from(`Dmc:${t.id}`).toString('base64');
      const ours = percentile(totals, 50);
      const started = Date.now();
      // The brute force can take minutes at this scale: bounded, and reported as a lower bound if cut off.
      await db.query(`set statement_timeout = '${BRUTE_FORCE_LIMIT_S}s'`);
      let bruteTotal: number | string;
      try {
        const rows = (await db.query<{ status: string; n: number }>(BRUTE_FORCE, [t.id, cohort])).rows;
        bruteTotal = rows.reduce((s, r) => s + r.n, 0);
      } catch (error) {
        if (!/statement timeout/.test((error as Error).message)) throw error;
        bruteTotal = `cut off after ${BRUTE_FORCE_LIMIT_S} s`;
      } finally {
        await db.query('set statement_timeout = 0');
      }
      const ms = Date.now() - started;
      const { data: ourTotals } = await gql<Totals>(url, TOTALS, { t: id });
      const oursTotal = ourTotals.upgradeCandidates.totals.installs.total;
      progress(
        `brute force (docs/domain.md §4.4) for ${t.label}: ${ms} ms, ${bruteTotal} candidates (ours ${oursTotal})`,
      );
      brute.push({ label: t.label, ms, ours });
    }

    const summary = {
      installations: INSTALLATIONS,
      targets: targets.length,
      totals_p50_ms: round1(percentile(totals, 50)),
      totals_p95_ms: round1(percentile(totals, 95)),
      page_p50_ms: round1(percentile(pages, 50)),
      page_p95_ms: round1(percentile(pages, 95)),
      eligibility_p50_ms: round1(percentile(eligibility, 50)),
      eligibility_p95_ms: round1(percentile(eligibility, 95)),
      report_volumes_ms: round1(percentile(volumeRuns, 50)),
      report22_potential_upgrade_installs: volumes,
      brute_force_totals_ms: brute.map((b) => b.ms),
      brute_force_cut_off: brute.some((b) => b.ms >= BRUTE_FORCE_LIMIT_S * 1000),
      brute_force_ratio: brute.length
        ? round1(brute.reduce((s, b) => s + b.ms, 0) / brute.length / percentile(totals, 50))
        : null,
    };
    result(
      `totals p50 ${summary.totals_p50_ms} ms / p95 ${summary.totals_p95_ms} ms; page p50 ${summary.page_p50_ms} ms / p95 ${summary.page_p95_ms} ms; eligibility p50 ${summary.eligibility_p50_ms} ms / p95 ${summary.eligibility_p95_ms} ms; report 22 volumes ${summary.report_volumes_ms} ms (${volumes} potential upgrades)`,
    );
    if (brute.length) {
      const bound = summary.brute_force_cut_off ? 'at least ' : '';
      result(
        `brute force totals: ${summary.brute_force_totals_ms.join(', ')} ms: ${bound}${summary.brute_force_ratio}x slower than ours`,
      );
    } else result('brute force skipped (--no-brute-force)');
    let supplierSummary: Record<string, unknown> | undefined;
    if (SUPPLIER_PASS) supplierSummary = await supplierPass(db, url, targets);
    result(JSON.stringify({ ...summary, ...(supplierSummary ? { supplier: supplierSummary } : {}) }));
    return summary;
  } finally {
    await cleanup.run();
  }
}

const RLS_TABLES = ['installation', 'device', 'migration_attempt'];

/**
 * The upgrade questions as the largest supplier (its own installations for eligibility), with row-level
 * security on, then off (policies disabled for the run, restored after): the difference is its cost.
 */
async function supplierPass(
  db: Client,
  url: string,
  targets: { id: number; label: string }[],
): Promise<Record<string, unknown>> {
  const [{ supplier_id: supplier, n }] = (
    await db.query<{ supplier_id: number; n: number }>(
      'select supplier_id, count(*)::int as n from installation group by 1 order by 2 desc limit 1',
    )
  ).rows;
  const ids = (
    await db.query<{ id: number }>(
      `select id from installation tablesample bernoulli (0.5) repeatable (7) where supplier_id = $1 limit 200`,
      [supplier],
    )
  ).rows.map((r) => r.id);
  const staffAuthorization = AUTHORIZATION;
  AUTHORIZATION = await benchAuthorization(db, {
    role: 'SUPPLIER',
    supplierId: supplier,
    name: 'bench:upgrade supplier',
  });
  const run = async (label: string) => {
    progress(`supplier ${supplier} (${n.toLocaleString('en-GB')} installations), ${label}`);
    const totals: number[] = [];
    const pages: number[] = [];
    for (const t of targets) {
      const id = Buffer.from(`Dmc:${t.id}`).toString('base64');
      totals.push(
        ...(await timed(`  totals ${t.label}`, 20, 3, async () => (await gql(url, TOTALS, { t: id })).ms)),
      );
      pages.push(
        ...(await timed(`  page ${t.label}`, 20, 3, async () => (await gql(url, PAGE, { t: id })).ms)),
      );
    }
    let k = 0;
    const eligibility = await timed('  eligibility (own installations)', 100, 10, async () => {
      const id = Buffer.from(`Installation:${ids[k++ % ids.length]}`).toString('base64');
      return (await gql(url, ELIGIBILITY, { id })).ms;
    });
    const volumes = await timed('  report 22 volumes', 5, 1, async () => (await gql(url, VOLUMES)).ms);
    const answer = (
      await gql<Totals>(url, TOTALS, { t: Buffer.from(`Dmc:${targets[0].id}`).toString('base64') })
    ).data.upgradeCandidates.totals.installs.total;
    return {
      totals_p50_ms: round1(percentile(totals, 50)),
      page_p50_ms: round1(percentile(pages, 50)),
      eligibility_p50_ms: round1(percentile(eligibility, 50)),
      report_volumes_ms: round1(percentile(volumes, 50)),
      first_target_candidates: answer,
    };
  };
  const setRls = async (on: boolean) => {
    for (const table of RLS_TABLES)
      await db.query(`alter table ${table} ${on ? 'enable' : 'disable'} row level security`);
  };
  type Figures = Awaited<ReturnType<typeof run>>;
  const mean = (a: Figures, b: Figures): Figures => ({
    totals_p50_ms: round1((a.totals_p50_ms + b.totals_p50_ms) / 2),
    page_p50_ms: round1((a.page_p50_ms + b.page_p50_ms) / 2),
    eligibility_p50_ms: round1((a.eligibility_p50_ms + b.eligibility_p50_ms) / 2),
    report_volumes_ms: round1((a.report_volumes_ms + b.report_volumes_ms) / 2),
    first_target_candidates: a.first_target_candidates,
  });
  try {
    // A warm-up pass first (the supplier's rows into the cache), then off, on, off, on: the order and the
    // cache do not favour either mode; each mode's figure is the mean of its two passes.
    await run('warm-up (row-level security on; not counted)');
    const passes: Figures[] = [];
    try {
      for (const on of [false, true, false, true]) {
        await setRls(on);
        passes.push(
          await run(on ? 'row-level security on' : 'row-level security off (resolver conditions only)'),
        );
      }
    } finally {
      await setRls(true);
    }
    const rlsOff = mean(passes[0], passes[2]);
    const rlsOn = mean(passes[1], passes[3]);
    if (rlsOn.first_target_candidates !== rlsOff.first_target_candidates)
      throw new Error('the supplier got different answers with and without row-level security');
    const pct = (key: keyof typeof rlsOn) =>
      round1(((Number(rlsOn[key]) - Number(rlsOff[key])) / Number(rlsOff[key])) * 100);
    const cost = {
      totals_pct: pct('totals_p50_ms'),
      page_pct: pct('page_p50_ms'),
      eligibility_pct: pct('eligibility_p50_ms'),
      report_volumes_pct: pct('report_volumes_ms'),
    };
    result(
      `supplier ${supplier}, p50 with RLS / without: totals ${rlsOn.totals_p50_ms} / ${rlsOff.totals_p50_ms} ms (${cost.totals_pct}%), page ${rlsOn.page_p50_ms} / ${rlsOff.page_p50_ms} ms (${cost.page_pct}%), eligibility ${rlsOn.eligibility_p50_ms} / ${rlsOff.eligibility_p50_ms} ms (${cost.eligibility_pct}%), volumes ${rlsOn.report_volumes_ms} / ${rlsOff.report_volumes_ms} ms (${cost.report_volumes_pct}%)`,
    );
    return { supplier, installations: n, rls_on: rlsOn, rls_off: rlsOff, rls_cost: cost };
  } finally {
    AUTHORIZATION = staffAuthorization;
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:upgrade failed: ${error.message}\n`);
  process.exit(1);
});
