import { Client } from 'pg';
import {
  InstallationByDeviceDocument,
  InstallationEligibilityDocument,
  ReportVolumesDocument,
  UpgradeCandidatesDocument,
  type UpgradeCandidatesQuery,
} from '../generated/graphql';
import { TEST_INVENTORY } from '../support/inventory';
import { loadReference, referenceMatches } from '../support/reference';
import { keyOf, ok, globalId, startTestServer, type TestServer } from '../support/server';

/** Installations, eligibility and report volumes over the report 22 scenario, for DCC staff and suppliers. */
let t: TestServer;
let db: Client;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const gid = globalId;
const supplier = (id: number) => ({
  'x-dev-viewer-role': 'SUPPLIER',
  'x-dev-viewer-supplier-id': String(id),
});

async function d1(): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `select dmc_id as id from epcl_entry where epcl_id = '002255'`,
  );
  return rows[0].id;
}

async function allCandidates(target: string, headers: Record<string, string> = {}) {
  const nodes: UpgradeCandidatesQuery['upgradeCandidates']['nodes'] = [];
  let after: string | null = null;
  let first: UpgradeCandidatesQuery | undefined;
  for (;;) {
    const page: UpgradeCandidatesQuery = ok(
      await t.request(UpgradeCandidatesDocument, { target, first: 100, after }, headers),
    );
    first ??= page;
    nodes.push(...page.upgradeCandidates.nodes);
    if (!page.upgradeCandidates.pageInfo.hasNextPage) break;
    after = page.upgradeCandidates.pageInfo.endCursor;
  }
  return { nodes, totals: first.upgradeCandidates.totals, totalCount: first.upgradeCandidates.totalCount };
}

describe('upgradeCandidates', () => {
  it('lists exactly the installations the reference finds, with each device’s hops, page by page', async () => {
    const dmc = await d1();
    const { nodes, totals, totalCount } = await allCandidates(gid('Dmc', dmc));
    const { installations, targets, paths } = await loadReference(db, 22);
    const target = targets.find((x) => x.dmcId === dmc)!;
    const expected = referenceMatches(
      installations,
      [{ ...target, statuses: ['ACTIVE', 'DORMANT', 'MIXED'] }],
      paths,
    ).filter((m) => !m.atTarget);
    expect(nodes.map((n) => keyOf(n.installation.id)).sort((a, b) => a - b)).toEqual(
      expected.map((m) => m.installationId).sort((a, b) => a - b),
    );
    expect(totalCount).toBe(expected.length);
    expect(totals.installs.total).toBe(expected.length);
    expect(totals.installs.active + totals.installs.dormant + totals.installs.mixed).toBe(
      totals.installs.total,
    );
    expect(nodes.length).toBeGreaterThan(10);
    for (const n of nodes) {
      expect(n.installation.migrationState).toBe('UNMIGRATED');
      expect(n.installation.cohort.code).toBe('MOC_SECURE');
      expect(n.devices.length).toBeGreaterThan(0);
      for (const d of n.devices) {
        expect(d.path[0].id).toBe(d.fromFirmware.id);
        expect(d.path[d.path.length - 1].id).toBe(d.toFirmware.id);
        expect(d.hops).toBe(d.path.length - 1);
      }
      const hops = n.devices.reduce((s, d) => s + d.hops, 0);
      expect(hops).toBe(expected.find((m) => m.installationId === keyOf(n.installation.id))!.hops);
    }
  });

  it('shows a supplier only its own candidates, and totals over them only', async () => {
    const target = gid('Dmc', await d1());
    const all = await allCandidates(target);
    const mine = await allCandidates(target, supplier(3));
    const theirs = all.nodes.filter((n) => n.installation.supplier.id === gid('Supplier', 3));
    expect(mine.nodes.map((n) => n.installation.id)).toEqual(theirs.map((n) => n.installation.id));
    expect(mine.nodes.every((n) => n.installation.supplier.id === gid('Supplier', 3))).toBe(true);
    expect(mine.totals.installs.total).toBe(theirs.length);
    expect(mine.totals.installs.total).toBeLessThan(all.totals.installs.total);
  });

  it('refuses a target that is not a DMC ID, and an unknown DMC', async () => {
    const wrong = await t.request(UpgradeCandidatesDocument, { target: gid('EpclEntry', 1) });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const missing = await t.request(UpgradeCandidatesDocument, { target: gid('Dmc', 999999) });
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});

describe('EPCL report volumes', () => {
  it('recomputes report 22’s tables beside the published zeros: the configured candidates, none at target', async () => {
    const { epclReport } = ok(await t.request(ReportVolumesDocument, { number: 22 }));
    // The test inventory is synthetic and calibrated: the API says so beside the figures.
    expect(epclReport.volumes.syntheticInventory).toBe(true);
    expect(epclReport.volumes.inventoryNote).toContain('calibrated so that the report');
    expect(epclReport.volumes.inventoryNote).toContain('66,000');
    // …and names the figures that come from the calibration: at 4,000 installations the 66,000 cannot hold.
    expect(
      epclReport.volumes.calibratedFigures.map((f) => [
        f.section,
        f.basis,
        f.measure,
        f.calibratedTo,
        f.holds,
      ]),
    ).toEqual([
      ['OVERALL', 'POTENTIAL_FW_UPGRADE', 'installs.total', 66_000, false],
      ['OVERALL', 'AT_TARGET_FW', 'installs.total', 0, true],
    ]);
    const table = (section: string) => epclReport.volumes.tables.find((x) => x.section === section)!;
    const row = (section: string, basis: string) => table(section).rows.find((r) => r.basis === basis)!;
    const overall = row('OVERALL', 'POTENTIAL_FW_UPGRADE');
    expect(overall.recomputed.installs.total).toBe(TEST_INVENTORY.report22Candidates);
    expect(overall.published!.installs.total).toBe(0);
    expect(overall.difference!.installs.total).toBe(TEST_INVENTORY.report22Candidates);
    expect(row('OVERALL', 'AT_TARGET_FW').recomputed.installs.total).toBe(0);
    const g1 = row('GROUP_1_TESTED', 'POTENTIAL_FW_UPGRADE').recomputed.installs.total;
    const g2 = row('GROUP_2_SE', 'POTENTIAL_FW_UPGRADE').recomputed.installs.total;
    expect(g1 + g2).toBe(TEST_INVENTORY.report22Candidates);
    expect(g1).toBeGreaterThan(0);
    expect(table('OVERALL').totals.recomputed.installs.total).toBe(TEST_INVENTORY.report22Candidates);
    expect(overall.recomputed.devices.total).toBeGreaterThan(2 * TEST_INVENTORY.report22Candidates!);
    expect(epclReport.volumes.rule).toContain('counted once per report');
    // Potential upgrades leave out installations eligible today, so they are exactly the report's impact.
    expect(epclReport.impact.byFirmwareUpgrade.total).toBe(overall.recomputed.installs.total);
    expect(epclReport.impact.direct.total).toBe(0);
    expect(epclReport.volumes.alreadyEligible.installs.total).toBeGreaterThanOrEqual(0);
  });

  it('scopes the recomputed volumes to a supplier’s installations', async () => {
    const all = ok(await t.request(ReportVolumesDocument, { number: 22 }));
    const mine = ok(await t.request(ReportVolumesDocument, { number: 22 }, supplier(3)));
    const total = (d: typeof all) => d.epclReport.volumes.tables[0].totals.recomputed.installs.total;
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from installation where supplier_id = 3`,
    );
    expect(total(mine)).toBeLessThan(total(all));
    expect(total(mine)).toBeGreaterThan(0);
    expect(total(mine)).toBeLessThan(rows[0].n);
    // A supplier's share of the demo inventory was never calibrated to anything.
    expect(mine.epclReport.volumes.syntheticInventory).toBe(true);
    expect(mine.epclReport.volumes.calibratedFigures).toEqual([]);
    expect(all.epclReport.volumes.calibratedFigures).toHaveLength(2);
  });
});

describe('installation eligibility', () => {
  it('explains a report 22 candidate: not eligible yet, with upgrade options that reach proposed entries', async () => {
    const dmc = await d1();
    const page = ok(
      await t.request(UpgradeCandidatesDocument, { target: gid('Dmc', dmc), first: 1, statuses: ['ACTIVE'] }),
    );
    const candidate = page.upgradeCandidates.nodes[0];
    const { installation } = ok(
      await t.request(InstallationEligibilityDocument, { id: candidate.installation.id }),
    );
    expect(installation!.eligibility.eligible).toBe(false);
    const options = installation!.eligibility.upgradeOptions;
    const d1Fingerprint = (
      await db.query<{ f: string }>('select fingerprint as f from dmc where id = $1', [dmc])
    ).rows[0].f;
    const toD1 = options.find((o) => o.dmc.fingerprint === d1Fingerprint)!;
    expect(toD1.entry).toEqual({ epclId: '002255', state: 'PROPOSED' });
    expect(toD1.hops).toBe(candidate.devices.reduce((sum, d) => sum + d.hops, 0));
    expect(options.map((o) => o.hops)).toEqual([...options.map((o) => o.hops)].sort((a, b) => a - b));
    for (const d of toD1.devices) expect(d.path).toHaveLength(d.hops + 1);
  });

  it('shows an eligible installation with its entry and basis chain, and a migrated one as blocked', async () => {
    const { rows } = await db.query<{ id: number }>(
      `select i.id from installation i join device_combo c on c.id = i.combo_id
         join epcl_entry e on e.dmc_id = c.dmc_id and e.installation_status = i.status and e.state = 'ON_EPCL' and e.basis = 'SUBSTANTIVELY_EQUIVALENT'
        where i.migration_state = 'UNMIGRATED' order by i.id limit 1`,
    );
    expect(rows).toHaveLength(1);
    const { installation } = ok(
      await t.request(InstallationEligibilityDocument, { id: gid('Installation', rows[0].id) }),
    );
    expect(installation!.eligibility).toMatchObject({
      eligible: true,
      entry: { state: 'ON_EPCL', basis: 'SUBSTANTIVELY_EQUIVALENT' },
      blockers: [],
    });
    // SE entry → the tested entry it rests on (→ for an Active one, the Dormant entry tested under 20.9).
    const chain = installation!.eligibility.basisChain.map((e) => e.basis);
    expect(chain[0]).toBe('SUBSTANTIVELY_EQUIVALENT');
    expect(chain.slice(1).every((b) => b === 'TESTED' || b === 'TESTED_VIA_DORMANT')).toBe(true);
    expect(chain[chain.length - 1]).toBe('TESTED');
    expect(installation!.currentDmc).toEqual(installation!.eligibility.currentDmc);

    const migrated = await db.query<{ id: number }>(
      `select id from installation where migration_state = 'MIGRATED' order by id limit 1`,
    );
    const m = ok(
      await t.request(InstallationEligibilityDocument, { id: gid('Installation', migrated.rows[0].id) }),
    );
    expect(m.installation!.eligibility.eligible).toBe(false);
    expect(m.installation!.eligibility.blockers[0].code).toBe('MIGRATED');
  });

  it('never shows a supplier another supplier’s installation, by ID, by device or through node()', async () => {
    const { rows } = await db.query<{ id: number; eui64: string }>(
      `select i.id, d.eui64 from installation i join device d on d.installation_id = i.id where i.supplier_id = 4 order by i.id limit 1`,
    );
    const id = gid('Installation', rows[0].id);
    expect(ok(await t.request(InstallationEligibilityDocument, { id }, supplier(3))).installation).toBeNull();
    expect(
      ok(await t.request(InstallationByDeviceDocument, { deviceId: rows[0].eui64 }, supplier(3)))
        .installationByDeviceId,
    ).toBeNull();
    const node = ok(
      await t.request<{ node: unknown }, { id: string }>(
        'query($id: ID!) { node(id: $id) { id } }',
        { id },
        supplier(3),
      ),
    );
    expect(node.node).toBeNull();
    // …while its own supplier and DCC staff see it.
    expect(
      ok(await t.request(InstallationByDeviceDocument, { deviceId: rows[0].eui64 }, supplier(4)))
        .installationByDeviceId?.id,
    ).toBe(id);
    expect(
      ok(await t.request(InstallationByDeviceDocument, { deviceId: rows[0].eui64 })).installationByDeviceId
        ?.supplier.id,
    ).toBe(gid('Supplier', 4));
  });

  it('refuses a malformed device ID', async () => {
    const res = await t.request(InstallationByDeviceDocument, { deviceId: '00db12345678' });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'deviceId' } });
  });
});

describe('electricity-only migration (gas excluded for HAN error GT01)', () => {
  it('matches the installation on its electricity devices only, and recomputes when the flag changes', async () => {
    // A dual-fuel installation whose electricity devices are exactly an electricity-only DMC's.
    const { rows } = await db.query<{ id: number; dmc_id: number }>(
      `select i.id, d.id as dmc_id from installation i
         join lateral (select string_agg(x.device_type || ':' || x.firmware_version_id, '+' order by x.device_type, x.firmware_version_id) as sig
                         from device x where x.installation_id = i.id and x.device_type in ('CHF', 'ESME')) e on true
         join dmc d on d.cohort_id = i.cohort_id and d.fingerprint = e.sig
        where exists (select 1 from device g where g.installation_id = i.id and g.device_type = 'GSME')
        order by i.id limit 1`,
    );
    expect(rows).toHaveLength(1);
    const id = gid('Installation', rows[0].id);
    const [{ fingerprint }] = (
      await db.query<{ fingerprint: string }>('select fingerprint from dmc where id = $1', [rows[0].dmc_id])
    ).rows;
    const before = ok(await t.request(InstallationEligibilityDocument, { id }));
    expect(before.installation!.currentDmc?.fingerprint).not.toBe(fingerprint);
    await db.query('update installation set elec_only_migration = true where id = $1', [rows[0].id]);
    const after = ok(await t.request(InstallationEligibilityDocument, { id }));
    expect(after.installation!.currentDmc).toEqual({ fingerprint });
    expect(after.installation!.eligibility.currentDmc).toEqual({ fingerprint });
    await db.query('update installation set elec_only_migration = false where id = $1', [rows[0].id]);
    expect(
      ok(await t.request(InstallationEligibilityDocument, { id })).installation!.currentDmc?.fingerprint,
    ).not.toBe(fingerprint);
  });
});

describe('status drift', () => {
  it('moves an installation to its DMC’s entry for the new status when Active turns Dormant', async () => {
    const { rows } = await db.query<{ id: number; dmc_id: number }>(
      `select i.id, c.dmc_id from installation i join device_combo c on c.id = i.combo_id
         join epcl_entry a on a.dmc_id = c.dmc_id and a.installation_status = 'ACTIVE'
         join epcl_entry d on d.dmc_id = c.dmc_id and d.installation_status = 'DORMANT' and d.epcl_id <> a.epcl_id
        where i.status = 'ACTIVE' and i.migration_state = 'UNMIGRATED' order by i.id limit 1`,
    );
    expect(rows).toHaveLength(1);
    const entries = (
      await db.query<{ installation_status: string; epcl_id: string }>(
        'select installation_status, epcl_id from epcl_entry where dmc_id = $1',
        [rows[0].dmc_id],
      )
    ).rows;
    const epclFor = (status: string) => entries.find((e) => e.installation_status === status)!.epcl_id;
    const id = gid('Installation', rows[0].id);
    expect(
      ok(await t.request(InstallationEligibilityDocument, { id })).installation!.eligibility.entry?.epclId,
    ).toBe(epclFor('ACTIVE'));
    await db.query(`update installation set status = 'DORMANT', status_as_of = '2022-01-10' where id = $1`, [
      rows[0].id,
    ]);
    expect(
      ok(await t.request(InstallationEligibilityDocument, { id })).installation!.eligibility.entry?.epclId,
    ).toBe(epclFor('DORMANT'));
  });
});

describe('eligibility reached through upgradeCandidates', () => {
  it('explains a candidate with its devices, as installation(id) does', async () => {
    const target = gid('Dmc', await d1());
    const res = ok(
      await t.request<
        {
          upgradeCandidates: {
            nodes: {
              installation: {
                id: string;
                eligibility: { upgradeOptions: { hops: number }[]; blockers: { code: string }[] };
              };
            }[];
          };
        },
        { target: string }
      >(
        'query($target: ID!) { upgradeCandidates(targetDmc: $target, first: 3) { nodes { installation { id eligibility { upgradeOptions { hops } blockers { code } } } } } }',
        { target },
      ),
    );
    for (const { installation } of res.upgradeCandidates.nodes) {
      const direct = ok(await t.request(InstallationEligibilityDocument, { id: installation.id }));
      expect(installation.eligibility.blockers.map((b) => b.code)).not.toContain('NO_DEVICES');
      expect(installation.eligibility.upgradeOptions.length).toBeGreaterThan(0);
      expect(installation.eligibility.upgradeOptions.map((o) => o.hops)).toEqual(
        direct.installation!.eligibility.upgradeOptions.map((o) => o.hops),
      );
    }
  });
});

describe('eligibility blockers', () => {
  it('offers no upgrade to a migrated installation, even one whose firmware could reach an entry', async () => {
    const { rows } = await db.query<{ id: number }>(
      `select i.id from installation i where i.migration_state = 'UNMIGRATED' and i.cohort_id = (select id from cohort where code = 'MOC_SECURE')
        order by i.id limit 40`,
    );
    let candidate: number | undefined;
    for (const { id } of rows) {
      const e = ok(await t.request(InstallationEligibilityDocument, { id: gid('Installation', id) }));
      if (e.installation!.eligibility.upgradeOptions.length) {
        candidate = id;
        break;
      }
    }
    expect(candidate).toBeDefined();
    await db.query(
      `update installation set migration_state = 'MIGRATED', migrated_on = '2022-03-01' where id = $1`,
      [candidate],
    );
    try {
      const { installation } = ok(
        await t.request(InstallationEligibilityDocument, { id: gid('Installation', candidate!) }),
      );
      expect(installation!.eligibility.upgradeOptions).toEqual([]);
      expect(installation!.eligibility.blockers.map((b) => b.code)).toEqual(['MIGRATED']);
    } finally {
      await db.query(
        `update installation set migration_state = 'UNMIGRATED', migrated_on = null where id = $1`,
        [candidate],
      );
    }
  });

  it('gives each blocker the message of its own code', async () => {
    const { rows } = await db.query<{ id: number }>(
      `select id from installation order by hashint4(id) limit 150`,
    );
    const pattern: Record<string, RegExp> = {
      MIGRATED: /^already migrated/,
      EXCLUDED: /^excluded: /,
      NO_DEVICES: /no devices are recorded/,
      NO_DMC_FOR_DEVICES: /match no catalogued DMC/,
      NO_ENTRY_FOR_STATUS: /^its DMC has no EPCL entry for (ACTIVE|DORMANT|MIXED) installations$/,
      ENTRY_NOT_ON_EPCL: /entry is [A-Z_]+, not on the EPCL$/,
      NO_UPGRADE_TARGET: /no DMC of its cohort has an EPCL entry/,
    };
    const seen = new Set<string>();
    for (const { id } of rows) {
      const { installation } = ok(
        await t.request(InstallationEligibilityDocument, { id: gid('Installation', id) }),
      );
      for (const b of installation!.eligibility.blockers) {
        seen.add(b.code);
        if (pattern[b.code]) expect(b.message).toMatch(pattern[b.code]);
      }
      if (installation!.migrationState === 'MIGRATED')
        expect(installation!.eligibility.upgradeOptions).toEqual([]);
    }
    expect(seen.size).toBeGreaterThan(2);
  });
});

describe('candidates the upgrade would make eligible', () => {
  type Counts = { active: number; dormant: number; mixed: number; total: number };
  type Page = {
    upgradeCandidates: {
      totals: { installs: Counts };
      nodes: {
        installation: { id: string; status: string };
        targetEntry: { epclId: string; installationStatus: string } | null;
      }[];
    };
  };
  const query = `query($target: ID!, $raw: Boolean!) {
    upgradeCandidates(targetDmc: $target, includeWithoutEntry: $raw, first: 100) {
      totals { installs { active dormant mixed total } }
      nodes { installation { id status } targetEntry { epclId installationStatus } }
    }
  }`;
  const candidates = async (target: string, raw: boolean) =>
    ok(await t.request<Page, { target: string; raw: boolean }>(query, { target, raw })).upgradeCandidates;

  it('excludes by default installations whose status the target has no entry for, and says which entry applies', async () => {
    // 002370's DMC (dual fuel) has Active and Dormant entries and no Mixed one.
    const { rows } = await db.query<{ dmc_id: number }>(
      `select dmc_id from epcl_entry where epcl_id = '002370'`,
    );
    const target = gid('Dmc', rows[0].dmc_id);
    const before = await candidates(target, false);
    // The seeded Mixed installations behind this DMC: reachable by firmware, but no entry would take them.
    const rawBefore = await candidates(target, true);
    expect(rawBefore.totals.installs.mixed).toBeGreaterThan(0);
    expect(before.totals.installs.mixed).toBe(0);
    expect(before.nodes.length).toBeGreaterThan(0);
    for (const n of before.nodes) expect(n.targetEntry?.installationStatus).toBe(n.installation.status);

    // A candidate that turns Mixed (its gas meter goes dormant) is still reachable by firmware, but no entry
    // would take it: it leaves the default list and stays in the raw one, without a target entry.
    const turned = before.nodes.find((n) => n.installation.status === 'ACTIVE')!;
    await db.query(`update installation set status = 'MIXED' where id = $1`, [keyOf(turned.installation.id)]);
    let raw: Page['upgradeCandidates'];
    let eligible: Page['upgradeCandidates'];
    try {
      raw = await candidates(target, true);
      eligible = await candidates(target, false);
    } finally {
      await db.query(`update installation set status = 'ACTIVE' where id = $1`, [
        keyOf(turned.installation.id),
      ]);
    }
    expect(eligible.totals.installs).toEqual({
      ...before.totals.installs,
      active: before.totals.installs.active - 1,
      total: before.totals.installs.total - 1,
    });
    expect(raw.totals.installs.mixed).toBe(rawBefore.totals.installs.mixed + 1);
    expect(raw.totals.installs.total).toBe(rawBefore.totals.installs.total);
    expect(eligible.nodes.some((n) => n.installation.id === turned.installation.id)).toBe(false);
    const mixed = raw.nodes.find((n) => n.installation.id === turned.installation.id);
    if (mixed) expect(mixed.targetEntry).toBeNull();
  });
});

describe('restrictions where users look', () => {
  type Restriction = { communicationRef: string | null; allHardwareVersions: boolean };
  it('applies the Liberty 110 restriction to every hardware version, on the model, the DMC, eligibility and upgrade options', async () => {
    const models = ok(
      await t.request<
        { deviceModels: { nodes: { hardwareVersion: string; restrictions: Restriction[] }[] } },
        Record<string, never>
      >(
        `{ deviceModels(filter: { modelNameContains: "Liberty 110" }, first: 10) { nodes { hardwareVersion restrictions { communicationRef allHardwareVersions } } } }`,
      ),
    );
    const byHw = Object.fromEntries(
      models.deviceModels.nodes.map((m) => [m.hardwareVersion, m.restrictions]),
    );
    expect(Object.keys(byHw).sort()).toEqual(['1.0', '2.0']);
    for (const hw of ['1.0', '2.0'])
      expect(byHw[hw]).toEqual([{ communicationRef: 'REQ000000175511', allHardwareVersions: true }]);

    const dmc = ok(
      await t.request<{ epclEntry: { dmc: { restrictions: Restriction[] } } }, Record<string, never>>(
        `{ epclEntry(epclId: "002255") { dmc { restrictions { communicationRef allHardwareVersions } } } }`,
      ),
    );
    expect(dmc.epclEntry.dmc.restrictions.map((r) => r.communicationRef)).toEqual(['REQ000000175511']);

    // A report 22 candidate has a Liberty 110 (its target's ESME): its eligibility and its options say so.
    const target = gid('Dmc', await d1());
    const page = ok(await t.request(UpgradeCandidatesDocument, { target, first: 1 }));
    const id = page.upgradeCandidates.nodes[0].installation.id;
    const e = ok(
      await t.request<
        {
          installation: {
            eligibility: { restrictions: Restriction[]; upgradeOptions: { restrictions: Restriction[] }[] };
          };
        },
        { id: string }
      >(
        `query($id: ID!) { installation(id: $id) { eligibility { restrictions { communicationRef allHardwareVersions }
           upgradeOptions { restrictions { communicationRef allHardwareVersions } } } } }`,
        { id },
      ),
    );
    expect(e.installation.eligibility.restrictions.map((r) => r.communicationRef)).toEqual([
      'REQ000000175511',
    ]);
    expect(e.installation.eligibility.upgradeOptions.length).toBeGreaterThan(0);
    for (const o of e.installation.eligibility.upgradeOptions)
      expect(o.restrictions.map((r) => r.communicationRef)).toEqual(['REQ000000175511']);
  });
});
