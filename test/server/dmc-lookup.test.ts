import { ok, startTestServer, type TestServer } from '../support/server';

/* The portable DMC lookup: a supplier's device records (no internal IDs) find their DMC. */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

type Device = { manufacturer: string; model: string; hardwareVersion: string; firmwareVersion: string };
type SlotsQuery = {
  epclEntry: {
    dmc: {
      id: string;
      slots: {
        deviceType: string;
        firmwareVersion: { versionRaw: string; versionHex: string | null };
        deviceModel: { modelName: string; hardwareVersion: string; manufacturer: { name: string } };
      }[];
    };
  };
};

async function devicesOf(
  epclId: string,
): Promise<{ dmcId: string; devices: Device[]; hex: (string | null)[] }> {
  const data = ok(
    await t.request<SlotsQuery, { epclId: string }>(
      `query($epclId: String!) { epclEntry(epclId: $epclId) { dmc { id slots { deviceType
         firmwareVersion { versionRaw versionHex } deviceModel { modelName hardwareVersion manufacturer { name } } } } } }`,
      { epclId },
    ),
  );
  const slots = data.epclEntry.dmc.slots;
  return {
    dmcId: data.epclEntry.dmc.id,
    devices: slots.map((s) => ({
      manufacturer: s.deviceModel.manufacturer.name,
      model: s.deviceModel.modelName,
      hardwareVersion: s.deviceModel.hardwareVersion,
      firmwareVersion: s.firmwareVersion.versionRaw,
    })),
    hex: slots.map((s) => s.firmwareVersion.versionHex),
  };
}

const LOOKUP = `query($cohort: String!, $devices: [DmcDeviceInput!]!) {
  dmcByDevices(cohort: $cohort, devices: $devices) { id entries { epclId installationStatus } children { id } equivalentTo { id } }
}`;
type Lookup = {
  dmcByDevices: { id: string; entries: { epclId: string }[]; equivalentTo: { id: string }[] } | null;
};
const lookup = (devices: Device[], cohort = 'MOC_SECURE') =>
  t.request<Lookup, { cohort: string; devices: Device[] }>(LOOKUP, { cohort, devices });

describe('dmcByDevices', () => {
  it('finds the DMC of exactly these devices, in any order, by published or hex firmware', async () => {
    const { dmcId, devices, hex } = await devicesOf('002370');
    expect(devices.length).toBe(4);
    const found = ok(await lookup([...devices].reverse()));
    expect(found.dmcByDevices?.id).toBe(dmcId);
    expect(found.dmcByDevices?.entries.map((e) => e.epclId).sort()).toEqual(['002369', '002370']);

    const byHex = devices.map((d, i) => ({ ...d, firmwareVersion: hex[i] ?? d.firmwareVersion }));
    expect(ok(await lookup(byHex)).dmcByDevices?.id).toBe(dmcId);
  });

  it('reaches an equivalent DMC and its basis', async () => {
    // A Group 2 DMC rests on a tested one: look it up by devices and follow the equivalence link.
    const data = ok(
      await t.request<{ epclEntries: { nodes: { epclId: string }[] } }, Record<string, never>>(
        `{ epclEntries(filter: { reportNumber: 22, group: GROUP_2_SE }, first: 1) { nodes { epclId } } }`,
      ),
    );
    const { dmcId, devices } = await devicesOf(data.epclEntries.nodes[0].epclId);
    const found = ok(await lookup(devices));
    expect(found.dmcByDevices?.id).toBe(dmcId);
    expect(found.dmcByDevices?.equivalentTo).toHaveLength(1);
  });

  it('answers null for devices no DMC has exactly, an uncatalogued firmware, or another cohort', async () => {
    const { devices } = await devicesOf('002370');
    // Two of its four devices are exactly the tested electricity-only DMC (a real DMC of its own)…
    const elec = await devicesOf('002255');
    const two = devices.filter((d) =>
      elec.devices.some((e) => e.model === d.model && e.firmwareVersion === d.firmwareVersion),
    );
    expect(ok(await lookup(two)).dmcByDevices?.id).toBe(elec.dmcId);
    // …three of them are no DMC; and an uncatalogued device never lets the rest match a smaller DMC.
    expect(ok(await lookup(devices.slice(0, 3))).dmcByDevices).toBeNull();
    expect(
      ok(await lookup([...two, { ...devices[2], firmwareVersion: 'no-such-version' }])).dmcByDevices,
    ).toBeNull();
    expect(
      ok(await lookup([...devices.slice(1), { ...devices[0], firmwareVersion: 'no-such-version' }]))
        .dmcByDevices,
    ).toBeNull();
    expect(ok(await lookup(devices, 'MOC_MDS')).dmcByDevices).toBeNull();
  });

  it('offers the same match as a dmcs filter, and refuses blank or too many devices', async () => {
    const { dmcId, devices } = await devicesOf('002255');
    const page = ok(
      await t.request<{ dmcs: { totalCount: number; nodes: { id: string }[] } }, { devices: Device[] }>(
        `query($devices: [DmcDeviceInput!]!) { dmcs(filter: { devices: $devices }) { totalCount nodes { id } } }`,
        { devices },
      ),
    );
    expect(page.dmcs).toEqual({ totalCount: 1, nodes: [{ id: dmcId }] });

    const blank = await lookup([{ ...devices[0], model: '  ' }]);
    expect(blank.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'devices[0].model',
    });
    const many = await lookup(Array.from({ length: 17 }, () => devices[0]));
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'devices' });
  });
});
