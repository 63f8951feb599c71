import {
  matchInstallation,
  shortestPath,
  type InstallationFacts,
  type Target,
  type UpgradeEdge,
} from '../../src/modules/eligibility/matching';

/*
 * Golden cases for docs/domain.md §4.3, on a tiny catalogue:
 *   cohort 1; models 10 (CHF), 20 (ESME), 21 (ESME, other hardware), 30 (GSME), 40 (GPF), 50 (PPMID)
 *   firmware of model 20 upgrades 201 → 202 → 203 (and 201 → 203 is not an edge); 209 has no path.
 */
const edge = (from: number, to: number, extra: Partial<UpgradeEdge> = {}): UpgradeEdge => ({
  from,
  to,
  cohortId: null,
  otaSupported: true,
  dormantUpgradeByDcc: true,
  ...extra,
});
const EDGES = [edge(101, 102), edge(201, 202), edge(202, 203), edge(301, 302), edge(401, 402)];
const dev = (deviceType: string, modelId: number, firmwareId: number) => ({
  deviceType,
  modelId,
  firmwareId,
});
const elec = (chf: number, esme: number, esmeModel = 20) => [
  dev('CHF', 10, chf),
  dev('ESME', esmeModel, esme),
];
const inst = (
  devices: InstallationFacts['devices'],
  status: InstallationFacts['status'] = 'ACTIVE',
  cohortId = 1,
): InstallationFacts => ({ cohortId, status, devices });
const target = (slots: ReturnType<typeof dev>[], cohortId = 1): Target => ({ dmcId: 1, cohortId, slots });
const T = target([dev('CHF', 10, 102), dev('ESME', 20, 203)]);

describe('the matching rules', () => {
  it('is at target when every firmware equals the target’s', () => {
    expect(matchInstallation(inst(elec(102, 203)), T, EDGES)).toEqual({ kind: 'AT_TARGET' });
  });

  it('upgrades over several hops, listing only the devices that change, with their paths', () => {
    const m = matchInstallation(inst(elec(102, 201)), T, EDGES);
    expect(m).toEqual({
      kind: 'UPGRADE',
      hops: 2,
      devices: [{ device: dev('ESME', 20, 201), targetFirmwareId: 203, path: [201, 202, 203] }],
    });
  });

  it('refuses when one device has no path even if the others have (partial reachability)', () => {
    const m = matchInstallation(inst(elec(101, 209)), T, EDGES);
    expect(m.kind).toBe('NO_MATCH');
    expect(m.kind === 'NO_MATCH' && m.blockers.map((b) => b.code)).toEqual(['NO_UPGRADE_PATH']);
  });

  it('never downgrades without an explicit edge, whatever the version numbers say', () => {
    const older = target([dev('CHF', 10, 102), dev('ESME', 20, 201)]);
    expect(matchInstallation(inst(elec(102, 203)), older, EDGES).kind).toBe('NO_MATCH');
    expect(shortestPath(new Map([[203, []]]), 203, 201)).toBeNull();
  });

  it('refuses an extra device (e.g. a PPMID the DMC lacks), and a missing one', () => {
    const extra = matchInstallation(inst([...elec(102, 203), dev('PPMID', 50, 501)]), T, EDGES);
    expect(extra.kind === 'NO_MATCH' && extra.blockers).toEqual([
      { code: 'EXTRA_DEVICE', message: 'the installation has 1 PPMID but the DMC 0' },
    ]);
    const missing = matchInstallation(inst([dev('CHF', 10, 102)]), T, EDGES);
    expect(missing.kind === 'NO_MATCH' && missing.blockers.map((b) => b.code)).toEqual(['MISSING_DEVICE']);
  });

  it('refuses a different hardware version or model: firmware cannot change it', () => {
    const m = matchInstallation(inst(elec(102, 203, 21)), T, EDGES);
    expect(m.kind === 'NO_MATCH' && m.blockers.map((b) => b.code)).toEqual(['HARDWARE_OR_MODEL_MISMATCH']);
  });

  it('refuses another cohort', () => {
    expect(matchInstallation(inst(elec(102, 203), 'ACTIVE', 2), T, EDGES)).toMatchObject({
      kind: 'NO_MATCH',
      blockers: [{ code: 'COHORT_MISMATCH' }],
    });
  });

  it('matches a child DMC only by its own devices, never as a subset of a parent', () => {
    const parent = target([
      dev('CHF', 10, 102),
      dev('ESME', 20, 203),
      dev('GSME', 30, 302),
      dev('GPF', 40, 402),
    ]);
    const childInstallation = inst(elec(102, 203));
    expect(matchInstallation(childInstallation, parent, EDGES)).toMatchObject({
      kind: 'NO_MATCH',
      blockers: [{ code: 'MISSING_DEVICE' }, { code: 'MISSING_DEVICE' }],
    });
    expect(matchInstallation(childInstallation, T, EDGES)).toEqual({ kind: 'AT_TARGET' });
  });

  it('lets a Dormant installation use only upgrades DCC may perform', () => {
    const edges = [edge(101, 102), edge(201, 202, { dormantUpgradeByDcc: false }), edge(202, 203)];
    expect(matchInstallation(inst(elec(102, 201), 'ACTIVE'), T, edges).kind).toBe('UPGRADE');
    expect(matchInstallation(inst(elec(102, 201), 'DORMANT'), T, edges).kind).toBe('NO_MATCH');
  });

  it('takes a Mixed installation’s dormant meter only over upgrades DCC may perform, its other devices over any', () => {
    // The ESME's only path to 203 has a supplier-only hop; the comms hub's only path is supplier-only too.
    const edges = [
      edge(101, 102, { dormantUpgradeByDcc: false }),
      edge(201, 202, { dormantUpgradeByDcc: false }),
      edge(202, 203),
    ];
    const mixed = (esmeStatus: string) => [
      dev('CHF', 10, 101),
      { ...dev('ESME', 20, 201), meterStatus: esmeStatus, deviceId: 'E' },
      { ...dev('GSME', 30, 302), meterStatus: esmeStatus === 'DORMANT' ? 'ACTIVE' : 'DORMANT' },
      dev('GPF', 40, 402),
    ];
    const dual = target([
      dev('CHF', 10, 102),
      dev('ESME', 20, 203),
      dev('GSME', 30, 302),
      dev('GPF', 40, 402),
    ]);
    // Dormant gas meter (already at target): the active ESME and the hub may take the supplier-only hops.
    const gasDormant = matchInstallation(inst(mixed('ACTIVE'), 'MIXED'), dual, edges);
    expect(gasDormant.kind).toBe('UPGRADE');
    // Dormant ESME: its supplier-only hop is closed to it; the hub's is still open (an active supplier).
    const elecDormant = matchInstallation(inst(mixed('DORMANT'), 'MIXED'), dual, edges);
    expect(elecDormant).toEqual({
      kind: 'NO_MATCH',
      blockers: [
        {
          code: 'NO_UPGRADE_PATH',
          message:
            "no DCC-performed upgrade path from firmware 201 of the dormant ESME to the DMC's firmware",
        },
      ],
    });
    // With a DCC-performed way round, the dormant ESME takes it.
    const around = [...edges, edge(201, 203)];
    expect(matchInstallation(inst(mixed('DORMANT'), 'MIXED'), dual, around)).toMatchObject({
      kind: 'UPGRADE',
      hops: 2,
    });
  });

  it('uses cohort-restricted paths only in their cohort, and never paths that are not over the air', () => {
    const cohort2 = [edge(201, 202, { cohortId: 2 }), edge(202, 203)];
    expect(matchInstallation(inst(elec(102, 201)), T, cohort2).kind).toBe('NO_MATCH');
    const notOta = [edge(201, 202, { otaSupported: false }), edge(202, 203)];
    expect(matchInstallation(inst(elec(102, 201)), T, notOta).kind).toBe('NO_MATCH');
  });

  it('pairs twin devices of one model whichever way works', () => {
    const twins = target([
      dev('CHF', 10, 102),
      dev('ESME', 20, 203),
      dev('PPMID', 50, 502),
      dev('PPMID', 50, 503),
    ]);
    const edges = [...EDGES, edge(501, 503), edge(502, 503)];
    // Paired 501→502 there is no path; paired 501→503 (one hop) and 502→502 (none) it works.
    const m = matchInstallation(
      inst([...elec(102, 203), dev('PPMID', 50, 501), dev('PPMID', 50, 502)]),
      twins,
      edges,
    );
    expect(m).toEqual({
      kind: 'UPGRADE',
      hops: 1,
      devices: [{ device: dev('PPMID', 50, 501), targetFirmwareId: 503, path: [501, 503] }],
    });
  });

  it('finds the shortest of several paths', () => {
    const next = new Map([
      [1, [2, 5]],
      [2, [3]],
      [3, [4]],
      [5, [4]],
    ]);
    expect(shortestPath(next, 1, 4)).toEqual([1, 5, 4]);
    expect(shortestPath(next, 4, 1)).toBeNull();
    expect(shortestPath(next, 3, 3)).toEqual([3]);
  });
});
