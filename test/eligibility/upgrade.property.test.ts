import fc from 'fast-check';
import type { Client } from 'pg';
import { candidatesCtes, LIVE_ENTRY_STATES } from '../../src/modules/eligibility/upgrade.sql';
import { connectTestDatabase } from '../support/db';
import { referenceMatches, type RefInstallation, type RefPath, type RefTarget } from '../support/reference';

/**
 * The SQL path (device combinations maintained by triggers, enumerated signatures) against the brute-force
 * reference, on random small inventories and random extra upgrade paths over the report 22 catalogue. Each
 * case runs in a transaction that is rolled back, so cases never see each other.
 */
let db: Client;
let done: () => Promise<void>;
type Model = { id: number; type: string; firmware: number[] };
let models: Model[];
let targets: { id: number; slots: { type: string; model: number; fw: number }[] }[];
let secureCohort: number;
let otherCohort: number;
let firstId: number;

beforeAll(async () => {
  ({ db, done } = await connectTestDatabase());
  const rows = await db.query<{ id: number; device_type: string; firmware: number[] }>(
    `select m.id, m.device_type, array_agg(f.id order by f.id) as firmware from device_model m
       join manufacturer x on x.id = m.manufacturer_id join firmware_version f on f.device_model_id = m.id
      where x.name = 'Secure Meters (UK) Ltd' group by m.id, m.device_type order by m.id`,
  );
  models = rows.rows.map((r) => ({ id: r.id, type: r.device_type, firmware: r.firmware }));
  targets = (
    await db.query<{ id: number; slots: { type: string; model: number; fw: number }[] }>(
      `select d.id, json_agg(json_build_object('type', s.device_type, 'model', f.device_model_id, 'fw', s.firmware_version_id)) as slots
       from dmc d join dmc_slot s on s.dmc_id = d.id join firmware_version f on f.id = s.firmware_version_id
      where d.id in (select e.dmc_id from epcl_entry e join epcl_report_entry re on re.entry_id = e.id join epcl_report r on r.id = re.report_id where r.number = 22)
      group by d.id order by d.id`,
    )
  ).rows;
  secureCohort = (await db.query<{ id: number }>(`select id from cohort where code = 'MOC_SECURE'`)).rows[0]
    .id;
  otherCohort = (await db.query<{ id: number }>(`select id from cohort where code = 'IOC'`)).rows[0].id;
  firstId = (await db.query<{ n: number }>(`select coalesce(max(id), 0) + 1000 as n from installation`))
    .rows[0].n;
});
afterAll(() => done());

const ofType = (type: string) => models.filter((m) => m.type === type);

type Dev = { type: string; model: number; fw: number };

function arbitraries() {
  const anyFirmwareOf = (type: string, model?: number) =>
    fc
      .constantFrom(...ofType(type).filter((m) => model === undefined || m.id === model))
      .chain((m) => fc.constantFrom(...m.firmware).map((fw) => ({ type, model: m.id, fw })));
  const common = {
    otherCohort: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'DORMANT', 'MIXED', 'MIXED'),
    // Which meter of a Mixed installation is dormant (the other is active).
    dormantMeter: fc.constantFrom('ESME', 'GSME'),
    migrated: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    ppmid: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    extra: anyFirmwareOf('PPMID'),
  };
  // Installations shaped like the target (same device models, any firmware of them): the interesting ones.
  const likeTarget = (t: (typeof targets)[number]) =>
    fc.record({
      ...common,
      devices: fc.tuple(...t.slots.map((s) => anyFirmwareOf(s.type, s.model))),
    });
  // Installations of any Secure shape: mostly not candidates, for the negative side.
  const anyShape = fc
    .record({
      gas: fc.boolean(),
      chf: anyFirmwareOf('CHF'),
      esme: anyFirmwareOf('ESME'),
      gsme: anyFirmwareOf('GSME'),
      gpf: anyFirmwareOf('GPF'),
    })
    .chain((d) =>
      fc.record({
        ...common,
        devices: fc.constant<Dev[]>([d.chf, d.esme, ...(d.gas ? [d.gsme, d.gpf] : [])]),
      }),
    );
  const extraPath = fc.record({
    model: fc.constantFrom(...models.filter((m) => m.firmware.length > 1)),
    from: fc.nat(),
    to: fc.nat(),
    cohort: fc.constantFrom<'ANY' | 'SECURE' | 'OTHER'>('ANY', 'ANY', 'SECURE', 'OTHER'),
    dormantOk: fc.boolean(),
    ota: fc.integer({ min: 0, max: 5 }).map((n) => n !== 0),
  });
  return fc.constantFrom(...targets).chain((t) =>
    fc.record({
      target: fc.constant(t.id),
      installations: fc.array(
        fc.oneof({ arbitrary: likeTarget(t), weight: 3 }, { arbitrary: anyShape, weight: 1 }),
        { minLength: 1, maxLength: 12 },
      ),
      paths: fc.array(extraPath, { maxLength: 6 }),
    }),
  );
}

it('agrees with the brute-force reference on candidates, hops and totals, with and without the entry rule, Mixed dormant meters on DCC-performed paths (500 random cases)', async () => {
  let checked = 0;
  let candidatesSeen = 0;
  let rawSeen = 0;
  let mixedRuleMattered = 0;
  await fc.assert(
    fc.asyncProperty(arbitraries(), async (c) => {
      await db.query('begin');
      try {
        for (const p of c.paths) {
          const from = p.model.firmware[p.from % p.model.firmware.length];
          const to = p.model.firmware[p.to % p.model.firmware.length];
          if (from === to) continue;
          const cohort = p.cohort === 'ANY' ? null : p.cohort === 'SECURE' ? secureCohort : otherCohort;
          await db.query(
            `insert into firmware_upgrade_path (from_firmware_id, to_firmware_id, cohort_id, ota_supported, dormant_upgrade_by_dcc)
             values ($1, $2, $3, $4, $5) on conflict do nothing`,
            [from, to, cohort, p.ota, p.dormantOk],
          );
        }
        const refInstallations: RefInstallation[] = [];
        const installationRows: unknown[][] = [];
        const deviceRows: unknown[][] = [];
        let eui = 0;
        for (const [n, i] of c.installations.entries()) {
          const id = firstId + n;
          const cohort = i.otherCohort ? otherCohort : secureCohort;
          const devices = [...i.devices, ...(i.ppmid ? [i.extra] : [])];
          const gas = devices.some((d) => d.type === 'GSME');
          const status = !gas && i.status === 'MIXED' ? 'ACTIVE' : i.status;
          installationRows.push([
            id,
            cohort,
            status,
            i.migrated ? 'MIGRATED' : 'UNMIGRATED',
            i.migrated ? '2021-06-01' : null,
          ]);
          const meterStatus = (type: string) =>
            type !== 'ESME' && type !== 'GSME'
              ? null
              : status === 'MIXED'
                ? type === i.dormantMeter
                  ? 'DORMANT'
                  : 'ACTIVE'
                : status;
          for (const d of devices) {
            const hex = (id * 16 + ++eui).toString(16).toUpperCase().padStart(12, '0');
            deviceRows.push([`FE-FD-${hex.match(/../g)!.join('-')}`, id, d.type, d.fw, meterStatus(d.type)]);
          }
          if (!i.migrated)
            refInstallations.push({
              id,
              cohortId: cohort,
              status,
              devices: devices.map((d) => ({
                type: d.type,
                model: d.model,
                fw: d.fw,
                dormantMeter: meterStatus(d.type) === 'DORMANT',
              })),
            });
        }
        // One statement per table: the combination triggers run once, as they would for a real batch.
        await db.query(
          `insert into installation (id, cohort_id, status, status_as_of, supplier_id, migration_state, migrated_on)
           select id, cohort, status, '2021-11-30', 1, state, migrated::date from jsonb_to_recordset($1::jsonb)
             as x(id int, cohort int, status text, state text, migrated text)`,
          [
            JSON.stringify(
              installationRows.map(([id, cohort, status, state, migrated]) => ({
                id,
                cohort,
                status,
                state,
                migrated,
              })),
            ),
          ],
        );
        await db.query(
          `insert into device (eui64, installation_id, device_type, firmware_version_id, meter_status)
           select eui, inst, type, fw, meter from jsonb_to_recordset($1::jsonb) as x(eui text, inst int, type text, fw int, meter text)`,
          [
            JSON.stringify(
              deviceRows.map(([eui, inst, type, fw, meter]) => ({ eui, inst, type, fw, meter })),
            ),
          ],
        );
        const slots = await db.query<{ cohort_id: number; device_type: string; model: number; fw: number }>(
          `select d.cohort_id, s.device_type, f.device_model_id as model, s.firmware_version_id as fw from dmc d
             join dmc_slot s on s.dmc_id = d.id join firmware_version f on f.id = s.firmware_version_id where d.id = $1`,
          [c.target],
        );
        const entryStatuses = (
          await db.query<{ status: string }>(
            `select installation_status as status from epcl_entry where dmc_id = $1 and state in ${LIVE_ENTRY_STATES}`,
            [c.target],
          )
        ).rows.map((r) => r.status);
        const paths: RefPath[] = (
          await db.query<{ from: number; to: number; cohort_id: number | null; dormant: boolean }>(
            `select from_firmware_id as "from", to_firmware_id as "to", cohort_id, dormant_upgrade_by_dcc as dormant from firmware_upgrade_path where ota_supported`,
          )
        ).rows.map((p) => ({ from: p.from, to: p.to, cohortId: p.cohort_id, dormantOk: p.dormant }));
        const totals = (rows: { status: string }[]) =>
          ['ACTIVE', 'DORMANT', 'MIXED'].map((s) => rows.filter((r) => r.status === s).length);

        // Both semantics: candidates the upgrade would make eligible (statuses the target has a live entry
        // for; the default), and raw firmware reachability (every status).
        for (const [requireEntry, statuses] of [
          [true, entryStatuses],
          [false, ['ACTIVE', 'DORMANT', 'MIXED']],
        ] as const) {
          const sql = `${candidatesCtes('$1::int', [`i.id >= ${firstId}`], requireEntry)} select id, status, hops::int as hops from cand order by id`;
          const got = (await db.query<{ id: number; status: string; hops: number }>(sql, [c.target])).rows;
          const target: RefTarget = {
            dmcId: c.target,
            cohortId: slots.rows[0].cohort_id,
            statuses: [...statuses],
            slots: slots.rows.map((s) => ({ type: s.device_type, model: s.model, fw: s.fw })),
          };
          const expected = referenceMatches(refInstallations, [target], paths).filter((m) => !m.atTarget);
          expect(got.map((g) => [g.id, g.hops])).toEqual(
            expected.map((e) => [e.installationId, e.hops]).sort((a, b) => a[0] - b[0]),
          );
          expect(totals(got)).toEqual(
            totals(expected.map((e) => refInstallations.find((r) => r.id === e.installationId)!)),
          );
          if (requireEntry) candidatesSeen += got.length;
          else {
            rawSeen += got.length;
            // Mixed installations the dormant-meter rule decides differently from "any usable path".
            const anyRule = referenceMatches(
              refInstallations.map((r) => ({
                ...r,
                devices: r.devices.map((d) => ({ ...d, dormantMeter: false })),
              })),
              [target],
              paths,
            ).filter((m) => !m.atTarget);
            const key = (m: { installationId: number; hops: number }) => `${m.installationId}:${m.hops}`;
            const ruled = new Set(expected.map(key));
            mixedRuleMattered += anyRule.filter(
              (m) =>
                refInstallations.find((r) => r.id === m.installationId)!.status === 'MIXED' &&
                !ruled.has(key(m)),
            ).length;
          }
        }
        checked++;
      } finally {
        await db.query('rollback');
      }
    }),
    { numRuns: 500, seed: 20211203 },
  );
  expect(checked).toBe(500);
  // The generator must actually produce candidates, or the property says little.
  expect(candidatesSeen).toBeGreaterThan(100);
  // …and raw reachability must find installations the entry rule then leaves out.
  expect(rawSeen).toBeGreaterThan(candidatesSeen);
  // …and some Mixed installations must be decided by their dormant meter's DCC-performed paths.
  expect(mixedRuleMattered).toBeGreaterThan(0);
}, 240_000);
