import crypto from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../src/app/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/core/db/embedded-postgres';
import { seedDatabase } from '../../seeds';
import { progress } from './log';

export const BENCH_DATABASE = 'dmc_bench';
export const TARGET_ENTRIES = 50_000;

/**
 * What the data is built from. Bump it whenever the recipe below (or the seed it starts from) changes, so
 * that a cached database built by an older recipe is rebuilt instead of silently reused.
 */
const RECIPE = `catalogue-bench/1;seed=1;installations=0;entries=${TARGET_ENTRIES}`;

/**
 * Bench bookkeeping lives in its own schema: PostGraphile introspects `public` only, so neither the marker
 * table nor the pg_stat_statements view shows up in its GraphQL schema, and our migrations never see them.
 */
const META = 'bench_meta';

/** Roles the two servers log in as, so pg_stat_statements can tell their statements apart (and from ours). */
export const ROLES = { ours: 'bench_ours', peer: 'bench_peer' } as const;
export type ServerName = keyof typeof ROLES;

export type BenchDatabase = {
  /** Superuser URL of the bench database (the bench's own bookkeeping connections). */
  url: string;
  /** Login URL per server, each with its own role. */
  urlFor: Record<ServerName, string>;
  /** PID of the postmaster, to sample the CPU of its backends. */
  postmasterPid: number | undefined;
  entries: number;
  /** False when the cached database was reused. */
  built: boolean;
  stop(): Promise<void>;
};

type Options = { dataDir: string; rebuild: boolean };

/**
 * Starts the persistent embedded PostgreSQL in `dataDir` and returns a bench database holding the project's
 * migrations plus TARGET_ENTRIES EPCL entries. The build (~1 min) runs only when the version marker is missing
 * or stale; a reuse just applies any new migrations, so the developer's latest indexes are always measured.
 */
export async function openBenchDatabase(options: Options): Promise<BenchDatabase> {
  let pg = await start(options.dataDir);
  try {
    // pg_stat_statements must be preloaded; our launcher passes no such setting, but it does not override
    // postgresql.auto.conf either, so ALTER SYSTEM plus one restart makes it stick for all later runs.
    if (!(await preloaded(pg.url))) {
      progress('enabling pg_stat_statements (shared_preload_libraries) and restarting PostgreSQL');
      await withClient(pg.url, (db) =>
        db.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`),
      );
      await pg.stop();
      pg = await start(options.dataDir);
      if (!(await preloaded(pg.url)))
        throw new Error('pg_stat_statements is still not preloaded after restart');
    }

    const marker = await readMarker(pg.url);
    const reuse = marker === RECIPE && !options.rebuild;
    if (!reuse) {
      if (marker !== undefined || options.rebuild) {
        progress(`discarding the cached bench database (marker ${JSON.stringify(marker ?? null)})`);
      }
      // Dropping the whole database also clears a half-built one left by an interrupted run.
      await recreateDatabase(pg.url);
    }

    const applied = await migrate(pg.url);
    if (applied.length > 0) progress(`applied migrations: ${applied.join(', ')}`);

    if (!reuse) await build(pg.url);
    else if (applied.length > 0) await withClient(pg.url, (db) => db.query('analyze'));

    const urlFor = await prepareBookkeeping(pg.url);
    const entries = await withClient(pg.url, async (db) => {
      const { rows } = await db.query<{ n: string }>('select count(*) as n from epcl_entry');
      return Number(rows[0].n);
    });
    if (entries !== TARGET_ENTRIES) {
      throw new Error(`the bench database holds ${entries} EPCL entries, expected ${TARGET_ENTRIES}`);
    }
    const running = pg;
    return {
      url: running.url,
      urlFor,
      postmasterPid,
      entries,
      built: !reuse,
      stop: () => running.stop(),
    };
  } catch (error) {
    await pg.stop().catch(() => undefined);
    throw error;
  }
}

let postmasterPid: number | undefined;

async function start(dataDir: string): Promise<EmbeddedPostgres> {
  const pg = await startEmbeddedPostgres({
    dataDir,
    database: BENCH_DATABASE,
    log: (level, msg, fields) => {
      // The launcher reports the postmaster PID only in its 'info' line; keep it for CPU sampling.
      if (typeof fields?.pid === 'number') postmasterPid = fields.pid;
      if (level !== 'info') progress(`embedded PostgreSQL ${level}: ${msg}`);
    },
  });
  if (pg.dataDir !== dataDir) progress(`note: PostgreSQL data lives in ${pg.dataDir}`);
  return pg;
}

async function withClient<T>(url: string, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url, application_name: 'dmc-bench' });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

async function preloaded(url: string): Promise<boolean> {
  return withClient(url, async (db) => {
    const { rows } = await db.query<{ libs: string }>(
      `select current_setting('shared_preload_libraries') as libs`,
    );
    return rows[0].libs.split(',').some((lib) => lib.trim() === 'pg_stat_statements');
  });
}

async function readMarker(url: string): Promise<string | undefined> {
  return withClient(url, async (db) => {
    const { rows: exists } = await db.query<{ t: string | null }>(`select to_regclass('${META}.build') as t`);
    if (exists[0].t === null) return undefined;
    const { rows } = await db.query<{ recipe: string }>(`select recipe from ${META}.build where id = 1`);
    return rows[0]?.recipe;
  });
}

async function recreateDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (db) => {
    await db.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await db.query(`create database ${BENCH_DATABASE}`);
  });
}

/** The realistic catalogue from the project's seed, topped up with synthetic DMCs to TARGET_ENTRIES entries. */
async function build(url: string): Promise<void> {
  const t0 = Date.now();
  progress('seeding the realistic catalogue (seedDatabase, installations: 0, seed: 1)');
  const seeded = await seedDatabase(url, { installations: 0, seed: 1 });
  progress(`seeded ${seeded.dmcs} DMCs and ${seeded.entries} EPCL entries in ${Date.now() - t0} ms`);

  await withClient(url, async (db) => {
    const t1 = Date.now();
    await db.query('begin');
    try {
      const added = await addSyntheticEntries(db, TARGET_ENTRIES);
      // Run the deferred DMC checks (fingerprint, composition) now, so a broken recipe fails here, by name.
      await db.query('set constraints all immediate');
      await db.query(`create schema if not exists ${META}`);
      await db.query(`create table if not exists ${META}.build (
        id int primary key check (id = 1), recipe text not null, built_at timestamptz not null default now())`);
      // Same transaction as the data: the marker exists only if the whole build committed.
      await db.query(`insert into ${META}.build (id, recipe) values (1, $1)`, [RECIPE]);
      await db.query('commit');
      progress(
        `added ${added.dmcs} synthetic DMCs and ${added.entries} EPCL entries in ${Date.now() - t1} ms`,
      );
    } catch (error) {
      await db.query('rollback').catch(() => undefined);
      throw error;
    }
    // VACUUM as well as ANALYZE: otherwise autovacuum wakes up on these fresh rows in the middle of a measured
    // round; and the checkpoint flushes the build's dirty pages before anything is timed.
    const t2 = Date.now();
    await db.query('vacuum (analyze)');
    await db.query('checkpoint');
    progress(`vacuum analyze + checkpoint in ${Date.now() - t2} ms (build total ${Date.now() - t0} ms)`);
  });
}

/**
 * Set-based top-up (generate_series, no per-row round trips) that respects every database rule:
 * - each DMC has exactly one CHF slot and one ESME (twice for twin-element meters) and, for dual fuel,
 *   GSME + GPF (+ PPMID): four shapes, in the proportions of the seeded catalogue;
 * - slot firmware is picked among firmware of the slot's device type (composite FK);
 * - (cohort, firmware tuple) comes from a bijection of the DMC's rank within its shape, so fingerprints are
 *   unique by construction; the few that collide with seeded DMCs are dropped before ids are assigned;
 * - the fingerprint is computed with the exact expression of dmc_fingerprint(), then checked by the deferred
 *   constraint trigger at `set constraints all immediate`;
 * - entries: up to one per installation status (DORMANT, ACTIVE, MIXED) per DMC, basis TESTED (WITHDRAWN:
 *   none), 80 % ON_EPCL with a date first added, 10 % PROPOSED, 10 % WITHDRAWN, EPCL IDs continuing after the
 *   highest allocated one.
 */
async function addSyntheticEntries(db: Client, target: number): Promise<{ dmcs: number; entries: number }> {
  const { rows: counts } = await db.query<{ entries: string; max_epcl: string }>(
    `select count(*) as entries, coalesce(max(epcl_id::int), 0) as max_epcl from epcl_entry`,
  );
  const missing = target - Number(counts[0].entries);
  if (missing < 0)
    throw new Error(`the seed already holds ${counts[0].entries} entries, more than ${target}`);
  if (Number(counts[0].max_epcl) + missing > 999_999) throw new Error('EPCL IDs would exceed 6 digits');
  if (missing === 0) return { dmcs: 0, entries: 0 };
  // 2.75 entries per DMC on average (every fourth DMC has no Mixed entry), plus slack for dropped collisions.
  const candidates = Math.ceil(missing / 2.75) + 2_000;

  // Firmware per device type, numbered 0..n-1, so a tuple of indexes picks one firmware per slot.
  await db.query(`create temp table bench_fw on commit drop as
    select device_type, id, (row_number() over (partition by device_type order by id) - 1)::bigint as idx
    from firmware_version where device_type in ('CHF', 'ESME', 'GSME', 'GPF', 'PPMID')`);

  // Shapes: E electricity only (30 %), D dual fuel (55 %), P dual fuel + PPMID (10 %), T twin-element ESME (5 %).
  // h = k * 1000003 mod M is a bijection on [0, M) because the prime 1000003 shares no factor with M (a
  // product of small counts); reading h in mixed radix gives distinct (cohort, firmware...) tuples, scattered
  // over the catalogue instead of walking one model at a time.
  await db.query(
    `create temp table bench_dmc on commit drop as
    with dims as (
      select (select array_agg(id order by id) from cohort) as cohorts,
             count(*) filter (where device_type = 'CHF') as chf, count(*) filter (where device_type = 'ESME') as esme,
             count(*) filter (where device_type = 'GSME') as gsme, count(*) filter (where device_type = 'GPF') as gpf,
             count(*) filter (where device_type = 'PPMID') as ppmid
      from bench_fw
    ), shaped as (
      select g, case when g % 20 < 6 then 'E' when g % 20 < 17 then 'D' when g % 20 < 19 then 'P' else 'T' end as shape
      from generate_series(1, $1::int) g
    ), ranked as (
      select g, shape, row_number() over (partition by shape order by g) - 1 as k from shaped
    ), hashed as (
      select r.g, r.shape, r.k, d.*,
             cardinality(d.cohorts) * d.chf * d.esme
               * case r.shape when 'D' then d.gsme * d.gpf when 'P' then d.gsme * d.gpf * d.ppmid else 1 end as modulus
      from ranked r cross join dims d
    )
    select g, shape, k, modulus, h,
           cohorts[(1 + h % cardinality(cohorts))::int] as cohort_id,
           (h / cardinality(cohorts)) % chf as chf_idx,
           (h / cardinality(cohorts) / chf) % esme as esme_idx,
           (h / cardinality(cohorts) / chf / esme) % gsme as gsme_idx,
           (h / cardinality(cohorts) / chf / esme / gsme) % gpf as gpf_idx,
           (h / cardinality(cohorts) / chf / esme / gsme / gpf) % ppmid as ppmid_idx
    from hashed cross join lateral (select (k * 1000003) % modulus as h) x`,
    [candidates],
  );
  const { rows: overflow } = await db.query<{ shape: string }>(
    `select shape from bench_dmc where k >= modulus limit 1`,
  );
  if (overflow.length > 0) throw new Error(`too few firmware versions for unique ${overflow[0].shape} DMCs`);

  await db.query(`create temp table bench_slot on commit drop as
    select p.g, s.device_type, s.slot_no, f.id as firmware_version_id
    from bench_dmc p
    cross join lateral (values ('CHF', 1, p.chf_idx, true), ('ESME', 1, p.esme_idx, true),
                               ('ESME', 2, p.esme_idx, p.shape = 'T'), ('GPF', 1, p.gpf_idx, p.shape in ('D', 'P')),
                               ('GSME', 1, p.gsme_idx, p.shape in ('D', 'P')), ('PPMID', 1, p.ppmid_idx, p.shape = 'P'))
      as s(device_type, slot_no, idx, present)
    join bench_fw f on f.device_type = s.device_type and f.idx = s.idx
    where s.present`);

  // Fingerprint: the same expression as dmc_fingerprint(); label: the model names, as the seed writes them.
  await db.query(
    `alter table bench_dmc add column fingerprint text, add column label text, add column dmc_id int`,
  );
  await db.query(`update bench_dmc p set fingerprint = x.fingerprint,
      label = x.models || case p.shape when 'E' then ' (electricity only)' when 'T' then ' (twin element)'
                                       when 'D' then ' (dual fuel)' else ' (dual fuel, PPMID)' end
    from (select s.g,
                 string_agg(s.device_type || ':' || s.firmware_version_id, '+' order by s.device_type, s.firmware_version_id) as fingerprint,
                 string_agg(m.model_name, ' + ' order by s.device_type, s.slot_no) as models
          from bench_slot s join firmware_version f on f.id = s.firmware_version_id
          join device_model m on m.id = f.device_model_id group by s.g) x
    where x.g = p.g`);
  await db.query(
    `delete from bench_dmc p using dmc d where d.cohort_id = p.cohort_id and d.fingerprint = p.fingerprint`,
  );

  // Entries in DMC order, statuses in a fixed order, cut at exactly the number missing.
  await db.query(
    `create temp table bench_entry on commit drop as
    select * from (
      select p.g, st.status, row_number() over (order by p.g, st.ord) as rn
      from bench_dmc p
      cross join lateral (values ('DORMANT', 1), ('ACTIVE', 2), ('MIXED', 3)) as st(status, ord)
      where st.ord <= case when p.g % 4 = 3 then 2 else 3 end
    ) e where rn <= $1`,
    [missing],
  );
  const { rows: planned } = await db.query<{ n: string }>(`select count(*) as n from bench_entry`);
  if (Number(planned[0].n) !== missing) throw new Error(`planned ${planned[0].n} entries, need ${missing}`);
  await db.query(`delete from bench_dmc p where not exists (select 1 from bench_entry e where e.g = p.g)`);

  // Explicit ids in g order (deterministic), then move the sequence past them.
  await db.query(`update bench_dmc p set dmc_id = x.id
    from (select g, (select coalesce(max(id), 0) from dmc) + row_number() over (order by g) as id from bench_dmc) x
    where x.g = p.g`);
  const dmcs = await db.query(`insert into dmc (id, cohort_id, fingerprint, label, synthetic)
    select dmc_id, cohort_id, fingerprint, label, true from bench_dmc order by dmc_id`);
  await db.query(`select setval(pg_get_serial_sequence('dmc', 'id'), (select max(id) from dmc))`);
  await db.query(`insert into dmc_slot (dmc_id, device_type, slot_no, firmware_version_id)
    select p.dmc_id, s.device_type, s.slot_no, s.firmware_version_id
    from bench_slot s join bench_dmc p on p.g = s.g order by p.dmc_id, s.device_type, s.slot_no`);

  // (rn * 7) % 20 walks all residues, so states interleave along the id order in an exact 16:2:2 ratio.
  const entries = await db.query(
    `insert into epcl_entry (epcl_id, dmc_id, installation_status, basis, state, date_first_added, synthetic)
    select lpad(($1::int + e.rn)::text, 6, '0'), p.dmc_id, e.status,
           case when x.state = 'WITHDRAWN' then null else 'TESTED' end, x.state,
           case when x.state = 'ON_EPCL' then date '2021-01-04' + (e.rn % 1700)::int end, true
    from bench_entry e join bench_dmc p on p.g = e.g
    cross join lateral (select case when (e.rn * 7) % 20 < 16 then 'ON_EPCL'
                                    when (e.rn * 7) % 20 < 18 then 'PROPOSED' else 'WITHDRAWN' end as state) x
    order by e.rn`,
    [Number(counts[0].max_epcl)],
  );
  return { dmcs: dmcs.rowCount ?? 0, entries: entries.rowCount ?? 0 };
}

/**
 * Every run: the pg_stat_statements view (in the bench schema), and one superuser login role per server with a
 * fresh password (nothing secret is written to disk). Superuser, like the postgres role the anchors used, so
 * neither server is slowed by privilege checks the other skips.
 */
async function prepareBookkeeping(url: string): Promise<Record<ServerName, string>> {
  return withClient(url, async (db) => {
    await db.query(`create schema if not exists ${META}`);
    await db.query(`create extension if not exists pg_stat_statements with schema ${META}`);
    const urlFor = {} as Record<ServerName, string>;
    for (const [server, role] of Object.entries(ROLES) as [ServerName, string][]) {
      const password = crypto.randomBytes(18).toString('hex');
      await db.query(`do $$ begin
        if not exists (select from pg_roles where rolname = '${role}') then create role ${role} login superuser; end if;
      end $$`);
      await db.query(`alter role ${role} with login superuser password '${password}'`);
      const u = new URL(url);
      u.username = role;
      u.password = password;
      urlFor[server] = u.toString();
    }
    return urlFor;
  });
}

export type CountedStatement = {
  calls: number;
  /** Execution time inside PostgreSQL, summed over the calls (planning excluded). */
  totalMs: number;
  query: string;
};

/**
 * Counts statements per server role with pg_stat_statements. Tracking is off ('none') during the load rounds,
 * so its bookkeeping cannot tilt the throughput figures, and on ('top': statements the client sent, not those
 * run inside triggers or functions) only around a counting run.
 */
export class StatementCounter {
  private constructor(private readonly db: Client) {}

  static async connect(url: string): Promise<StatementCounter> {
    const db = new Client({ connectionString: url, application_name: 'dmc-bench-counter' });
    await db.connect();
    return new StatementCounter(db);
  }

  async setTracking(on: boolean): Promise<void> {
    await this.db.query(`alter system set pg_stat_statements.track = '${on ? 'top' : 'none'}'`);
    await this.db.query('select pg_reload_conf()');
    // Backends apply the reload before their next command; give the postmaster time to signal them.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  async serverVersion(): Promise<string> {
    const { rows } = await this.db.query<{ v: string }>(`select current_setting('server_version') as v`);
    return rows[0].v;
  }

  async reset(): Promise<void> {
    await this.db.query(`select ${META}.pg_stat_statements_reset()`);
  }

  /** Statements the role ran since the last reset, most frequent first. */
  async read(server: ServerName): Promise<{ total: number; statements: CountedStatement[] }> {
    const { rows } = await this.db.query<{ calls: string; ms: number; query: string }>(
      `select s.calls, s.total_exec_time as ms, regexp_replace(s.query, '\\s+', ' ', 'g') as query
       from ${META}.pg_stat_statements s
       where s.userid = (select oid from pg_roles where rolname = $1)
         and s.dbid = (select oid from pg_database where datname = current_database())
       order by s.calls desc, s.query`,
      [ROLES[server]],
    );
    const statements = rows.map((r) => ({ calls: Number(r.calls), totalMs: r.ms, query: r.query }));
    return { total: statements.reduce((sum, s) => sum + s.calls, 0), statements };
  }

  async close(): Promise<void> {
    // Leave tracking off for whoever uses the cached cluster next.
    await this.setTracking(false).catch(() => undefined);
    await this.db.end().catch(() => undefined);
  }
}
