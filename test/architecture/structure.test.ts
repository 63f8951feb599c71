import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { entityMetadata } from '../../src/app/database';
import { buildSchemaForSdl, DEFINITIONS } from '../../src/app/schema';
import type { ConnectionSpec } from '../../src/core/graphql/compiler/compiler';
import { buildRegistry, sqlType } from '../../src/core/graphql/compiler/registry';
import { createTestDatabase, type TestDatabase } from '../support/db';

/*
 * Guards that keep the structure of docs/architecture.md: core at the bottom, SQL derived or refused at
 * start-up, and every catalogue table bumping catalogue_version (which exact count reuse depends on).
 */

const ROOT = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('layering', () => {
  it('src/core imports nothing from src/modules or src/app', () => {
    const offenders = filesUnder(path.join(ROOT, 'src', 'core')).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)]
        .map((m) => m[1])
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.relative(ROOT, path.resolve(path.dirname(file), spec)))
        .filter(
          (target) =>
            target.startsWith(path.join('src', 'modules')) || target.startsWith(path.join('src', 'app')),
        )
        .map((target) => `${path.relative(ROOT, file)} -> ${target}`);
    });
    expect(offenders).toEqual([]);
  });
});

describe('the compiled schema', () => {
  const schema = buildSchemaForSdl();
  const metadata = entityMetadata();
  const query = DEFINITIONS.Query.fields;

  it('derives plain columns from the entities: no module writes SQL for EpclReport.riskRegisterUrl', () => {
    expect(DEFINITIONS.EpclReport.fields.riskRegisterUrl).toBeUndefined();
    const spec = buildRegistry(schema, DEFINITIONS, metadata).types.EpclReport.riskRegisterUrl;
    expect(spec.kind === 'sql' && spec.sql('t', {}, undefined as never)).toBe('t.risk_register_url');
  });

  it('refuses a compiled type with a field that has no SQL', () => {
    const broken = {
      ...DEFINITIONS,
      FirmwareReach: sqlType({ hops: DEFINITIONS.FirmwareReach.fields.hops }),
    };
    expect(() => buildRegistry(schema, broken, metadata)).toThrow('no SQL for FirmwareReach.firmwareVersion');
  });

  it('refuses a filter field or an ordering the SQL does not implement', () => {
    const dmcs = query.dmcs as ConnectionSpec;
    const { cohort: _cohort, ...filters } = dmcs.filters;
    const { FINGERPRINT_ASC: _fp, ...orders } = dmcs.orders;
    const broken = { ...DEFINITIONS, Query: { fields: { ...query, dmcs: { ...dmcs, filters, orders } } } };
    const build = () => buildRegistry(schema, broken, metadata);
    expect(build).toThrow('no SQL for filter DmcFilter.cohort of Query.dmcs');
    expect(build).toThrow('no SQL for ordering DmcOrder.FINGERPRINT_ASC of Query.dmcs');
  });
});

/** Tables whose writes do not change what catalogue queries count, each with the reason. */
const NOT_CATALOGUE: Record<string, string> = {
  supplier: 'inventory',
  installation: 'inventory',
  device: 'inventory',
  device_combo: 'inventory (derived from devices)',
  device_combo_slot: 'inventory (derived from devices)',
  dmc_model_signature: 'derived from dmc_slot in the same statement, which bumps the version',
  domain_event: 'the outbox',
  state_change:
    'history, written only by triggers of epcl_entry, epcl_report and test_report, whose statements bump the version',
  idempotency_record: 'the first results of lifecycle mutations given an idempotency key (no catalogue data)',
  bank_holiday: 'calendar',
  catalogue_version: 'the version itself',
  migration_error_code: 'pacing (error codes the migration process expects)',
  migration_attempt: 'pacing (migration history)',
  daily_plan: 'pacing (daily plans)',
  daily_plan_allocation: 'pacing (daily plans)',
  go_no_go_decision: 'pacing (the Go/No-go record)',
  pacing_action: 'pacing (actions taken)',
  api_key: 'credentials',
};

describe('catalogue_version', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is bumped by a trigger on every catalogue table (every entity table not listed as inventory)', async () => {
    const tables = Object.values(metadata()).map((m) => m.tableName);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ table: string }>(
        `select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname = c.relname || '_catalogue_version' and not t.tgisinternal`,
      );
      const withTrigger = new Set(rows.map((r) => r.table));
      const missing = tables.filter((table) => !NOT_CATALOGUE[table] && !withTrigger.has(table));
      expect(missing).toEqual([]);
      expect(tables.length - Object.keys(NOT_CATALOGUE).length).toBeGreaterThanOrEqual(20);
    } finally {
      await db.end();
    }
  });
});

function metadata() {
  return entityMetadata().getAll();
}
