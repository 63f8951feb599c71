import { Client } from 'pg';
import { ManufacturersNamedDocument, UpdateManufacturerDocument } from '../generated/graphql';
import { ok, startTestServer, type TestServer } from '../support/server';

/*
 * The worked mutation: DCC staff correcting a manufacturer's display name. Input is validated before any
 * write, the write is one unit of work, database rules come back as user errors, and the catalogue_version
 * bump makes a reused totalCount change at once.
 */

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

/** The global ID of the n-th manufacturer by id (the seed names only Secure; the others are synthetic). */
const manufacturerId = async (n: number) => {
  const { rows } = await db.query<{ id: number }>(
    'select id from manufacturer order by id offset $1 limit 1',
    [n],
  );
  return Buffer.from(`Manufacturer:${rows[0].id}`).toString('base64');
};
const names = async () =>
  (await db.query<{ name: string }>('select name from manufacturer order by id')).rows.map((r) => r.name);
const version = async () =>
  Number((await db.query<{ version: string }>('select version from catalogue_version')).rows[0].version);

describe('updateManufacturer', () => {
  it('renames, returns the manufacturer through the compiler, and a reused totalCount follows the write', async () => {
    const id = await manufacturerId(0);
    // Counted once (and cached at this catalogue version), then asked again after the write.
    const before = ok(await t.request(ManufacturersNamedDocument, { contains: 'Smart Metering Renamed' }));
    expect(before.manufacturers.totalCount).toBe(0);
    const versionBefore = await version();

    const res = ok(
      await t.request(UpdateManufacturerDocument, { input: { id, name: '  Smart Metering Renamed Ltd ' } }),
    );
    expect(res.updateManufacturer.userErrors).toEqual([]);
    expect(res.updateManufacturer.manufacturer).toMatchObject({ id, name: 'Smart Metering Renamed Ltd' });
    expect(res.updateManufacturer.manufacturer?.deviceModels.length).toBeGreaterThan(0);

    expect(await version()).toBeGreaterThan(versionBefore);
    const after = ok(await t.request(ManufacturersNamedDocument, { contains: 'Smart Metering Renamed' }));
    expect(after.manufacturers.totalCount).toBe(1);
    expect(after.manufacturers.nodes).toEqual([{ id, name: 'Smart Metering Renamed Ltd' }]);
  });

  it.each([
    ['a blank name', { name: '   ' }, ['input', 'name']],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, ['input', 'name']],
    ['a control character', { name: 'Bad\u0007Name' }, ['input', 'name']],
    ['the ID of another type', { id: Buffer.from('Dmc:1').toString('base64') }, ['input', 'id']],
    ['an ID that is not a global ID', { id: '%%%' }, ['input', 'id']],
  ])('refuses %s with INVALID_INPUT and writes nothing', async (_what, change, field) => {
    const id = await manufacturerId(1);
    const before = await names();
    const res = ok(
      await t.request(UpdateManufacturerDocument, { input: { id, name: 'Renamed', ...change } }),
    );
    expect(res.updateManufacturer.manufacturer).toBeNull();
    expect(res.updateManufacturer.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field }),
    ]);
    expect(await names()).toEqual(before);
  });

  it('answers NOT_FOUND for a manufacturer that does not exist', async () => {
    const id = Buffer.from('Manufacturer:999999').toString('base64');
    const res = ok(await t.request(UpdateManufacturerDocument, { input: { id, name: 'Nobody' } }));
    expect(res.updateManufacturer.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] }),
    ]);
  });

  it('turns the unique-name rule of the database into MANUFACTURER_NAME_TAKEN, writing nothing', async () => {
    const id = await manufacturerId(1);
    const before = await names();
    const taken = before[2];
    const res = ok(await t.request(UpdateManufacturerDocument, { input: { id, name: taken } }));
    expect(res.updateManufacturer.manufacturer).toBeNull();
    expect(res.updateManufacturer.userErrors).toEqual([
      expect.objectContaining({ code: 'MANUFACTURER_NAME_TAKEN', field: ['input', 'name'] }),
    ]);
    expect(await names()).toEqual(before);
  });

  it.each([
    ['a supplier', { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '1' }],
    ['a DCC analyst (read-only staff)', { 'x-dev-viewer-role': 'DCC_ANALYST' }],
  ])('is for DCC admins only: %s gets FORBIDDEN and nothing is written', async (_who, headers) => {
    const id = await manufacturerId(1);
    const res = await t.request(
      UpdateManufacturerDocument,
      { input: { id, name: 'Unauthorised rename' } },
      headers,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await names()).not.toContain('Unauthorised rename');
  });
});
