import { KeyError } from '../../src/modules/auth/api-keys';
import { bearer, firstResult, wsClient } from '../support/credentials';
import { dmc } from '../support/cli';
import { globalId, startTestServer, type TestServer } from '../support/server';

/*
 * API key scopes against a production-mode server with real keys (README, "API key scopes"): a key narrowed
 * to catalogue:read reads the catalogue and nothing derived from installations, events or exports of them,
 * over HTTP, graphql-ws and /exports; a key without scopes keeps its role's; a scope outside the known list
 * or beyond the role is refused when the key is created.
 */

let t: TestServer;
let A: number;
let own: number;
let ownDevice: string;
let catalogueKey: string;
let unscopedKey: string;
let installationsOnlyKey: string;
let scopedAdminKey: string;

beforeAll(async () => {
  t = await startTestServer({ production: true });
  [{ supplier_id: A }] = await t.sql<{ supplier_id: number }>(
    'select supplier_id from installation group by supplier_id order by count(*) desc limit 1',
  );
  [{ id: own }] = await t.sql<{ id: number }>(
    'select id from installation where supplier_id = $1 order by id limit 1',
    [A],
  );
  [{ eui64: ownDevice }] = await t.sql<{ eui64: string }>(
    'select eui64 from device where installation_id = $1 limit 1',
    [own],
  );
  catalogueKey = (await t.createKey({ role: 'SUPPLIER', supplierId: A, scopes: ['catalogue:read'] })).key;
  unscopedKey = (await t.createKey({ role: 'SUPPLIER', supplierId: A })).key;
  installationsOnlyKey = (
    await t.createKey({ role: 'SUPPLIER', supplierId: A, scopes: ['installations:read'] })
  ).key;
  scopedAdminKey = (await t.createKey({ role: 'DCC_ADMIN', scopes: ['catalogue:read'] })).key;
});
afterAll(async () => {
  await t.close();
});

const base = () => t.server.url.replace(/\/graphql$/, '');
const installationId = () => globalId('Installation', own);

/** Operations that read installations, what is derived from them, or events, with the scope each lacks. */
const OUT_OF_SCOPE: [string, () => string, string][] = [
  ['installation', () => `{ installation(id: "${installationId()}") { id status } }`, 'installations:read'],
  [
    'installationByDeviceId',
    () => `{ installationByDeviceId(deviceId: "${ownDevice}") { id } }`,
    'installations:read',
  ],
  [
    'eligibility through node',
    () => `{ node(id: "${installationId()}") { ... on Installation { eligibility { eligible } } } }`,
    'installations:read',
  ],
  [
    'eligibility in a named fragment',
    () =>
      `query Q { ...Mine } fragment Mine on Query { nodes(ids: ["${installationId()}"]) { ...I } } fragment I on Installation { eligibility { eligible } }`,
    'installations:read',
  ],
  [
    'viewer.installations',
    () => '{ viewer { role installations(first: 1) { totalCount } } }',
    'installations:read',
  ],
  ['viewer.dmcs', () => '{ viewer { dmcs(first: 1) { nodes { installations } } } }', 'installations:read'],
  [
    'upgradeCandidates',
    () => `{ upgradeCandidates(targetDmc: "${globalId('Dmc', 1)}") { totalCount } }`,
    'installations:read',
  ],
  [
    'blockedInstallations',
    () => '{ blockedInstallations { byReason { code installs } } }',
    'installations:read',
  ],
  [
    'installationsNotMigrating',
    () => '{ installationsNotMigrating { installations } }',
    'installations:read',
  ],
  [
    'report impact',
    () => '{ epclReport(number: 22) { title impact { total { total } } } }',
    'installations:read',
  ],
  ['report volumes', () => '{ epclReport(number: 22) { volumes { rule } } }', 'installations:read'],
  ['events', () => '{ events(first: 1) { nodes { cursor } } }', 'events:read'],
  ['recentDomainEvents', () => '{ recentDomainEvents { id } }', 'events:read'],
];

describe('a SUPPLIER key scoped to catalogue:read', () => {
  it('reads the catalogue and who it is', async () => {
    const res = await t.request<{ epclReport: { title: string }; viewer: { role: string } }, never>(
      '{ epclReport(number: 22) { title } viewer { role } suppliers { id } }',
      undefined,
      bearer(catalogueKey),
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.epclReport.title).toMatch(/EPCL Report 22/);
    expect(res.data?.viewer.role).toBe('SUPPLIER');
  });

  it.each(OUT_OF_SCOPE)('is refused %s: 403 FORBIDDEN naming the scope', async (_name, query, scope) => {
    const res = await t.request(query(), undefined, bearer(catalogueKey));
    expect(res.status).toBe(403);
    expect(res.data ?? undefined).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].extensions?.missingScopes).toEqual([scope]);
    expect(res.errors?.[0].message).toContain(scope);
  });

  it('is refused the same over graphql-ws: a query, and the epclEvents subscription', async () => {
    const client = wsClient(t.server.url, bearer(catalogueKey));
    try {
      const query = (await firstResult(client, {
        query: `{ installation(id: "${installationId()}") { eligibility { eligible } } }`,
      })) as { refused: { message: string; extensions: { code: string; missingScopes: string[] } }[] };
      expect(query.refused[0].extensions.code).toBe('FORBIDDEN');
      expect(query.refused[0].extensions.missingScopes).toEqual(['installations:read']);
      const subscription = (await firstResult(client, {
        query: 'subscription { epclEvents { __typename } }',
      })) as { refused: { extensions: { code: string; missingScopes: string[] } }[] };
      expect(subscription.refused[0].extensions.code).toBe('FORBIDDEN');
      expect(subscription.refused[0].extensions.missingScopes).toEqual(['events:read']);
      const allowed = (await firstResult(client, { query: '{ epclReport(number: 22) { title } }' })) as {
        data?: { epclReport: { title: string } };
      };
      expect(allowed.data?.epclReport.title).toMatch(/EPCL Report 22/);
    } finally {
      await client.dispose();
    }
  });

  it('cannot download exports (exports:read), nor installation exports with only installations:read', async () => {
    for (const [key, file, missing] of [
      [catalogueKey, 'installations.csv', 'exports:read and installations:read'],
      [catalogueKey, 'epcl-list.csv', 'exports:read'],
      [installationsOnlyKey, 'installations.csv', 'exports:read'],
    ]) {
      const res = await fetch(`${base()}/exports/${file}`, { headers: bearer(key) });
      expect(res.status).toBe(403);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toContain(`lacks the scope ${missing}`);
    }
  });
});

describe('node and nodes need the scope of the type asked for', () => {
  it('an installations:read key reads its installation by global ID, not a DMC', async () => {
    const mine = await t.request<{ node: { status: string } }, never>(
      `{ node(id: "${installationId()}") { id ... on Installation { status } } }`,
      undefined,
      bearer(installationsOnlyKey),
    );
    expect(mine.errors).toBeUndefined();
    expect(typeof mine.data?.node.status).toBe('string');
    const dmc = await t.request(
      `{ nodes(ids: ["${globalId('Dmc', 1)}"]) { id ... on Dmc { fingerprint } } }`,
      undefined,
      bearer(installationsOnlyKey),
    );
    expect(dmc.status).toBe(403);
    expect(dmc.errors?.[0].extensions?.missingScopes).toEqual(['catalogue:read']);
    expect(dmc.errors?.[0].message).toContain('Dmc.fingerprint');
  });
});

describe('repeated operations (the lean lane answers documents it has seen)', () => {
  it('an installations:read key is refused a catalogue query however often it asks', async () => {
    const [{ epcl_id: epclId }] = await t.sql<{ epcl_id: string }>(
      'select epcl_id from epcl_entry where epcl_id is not null order by id limit 1',
    );
    const query = `{ epclEntry(epclId: "${epclId}") { epclId state } }`;
    // The unscoped key teaches the lane the document, and it is answered.
    for (let i = 0; i < 3; i++) {
      const ok = await t.request<{ epclEntry: { epclId: string } }, never>(
        query,
        undefined,
        bearer(unscopedKey),
      );
      expect(ok.data?.epclEntry.epclId).toBe(epclId);
    }
    for (let i = 0; i < 3; i++) {
      const res = await t.request(query, undefined, bearer(installationsOnlyKey));
      expect(res.status).toBe(403);
      expect(res.data ?? undefined).toBeUndefined();
      expect(res.errors?.[0].extensions?.missingScopes).toEqual(['catalogue:read']);
    }
  });
});

describe('a key without scopes has its role’s', () => {
  it('reads its own installation, its eligibility, events and its installation export', async () => {
    const res = await t.request<{ installation: { id: string; eligibility: { eligible: boolean } } }, never>(
      `{ installation(id: "${installationId()}") { id eligibility { eligible } } events(first: 1) { nodes { cursor } } }`,
      undefined,
      bearer(unscopedKey),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.installation.id).toBe(installationId());
    expect(typeof res.data?.installation.eligibility.eligible).toBe('boolean');
    const file = await fetch(`${base()}/exports/installations.csv`, { headers: bearer(unscopedKey) });
    expect(file.status).toBe(200);
    expect((await file.text()).split('\n').length).toBeGreaterThan(2);
  });

  it('over graphql-ws too', async () => {
    const client = wsClient(t.server.url, bearer(unscopedKey));
    try {
      const result = (await firstResult(client, {
        query: `{ installation(id: "${installationId()}") { eligibility { eligible } } }`,
      })) as { data?: { installation: { eligibility: { eligible: boolean } } } };
      expect(typeof result.data?.installation.eligibility.eligible).toBe('boolean');
    } finally {
      await client.dispose();
    }
  });
});

describe('scopes only narrow the role', () => {
  it('a DCC_ADMIN key scoped to catalogue:read may not write (lifecycle:write)', async () => {
    const mutation = `mutation { updateManufacturer(input: { id: "${globalId('Manufacturer', 1)}", name: "Scoped" }) { userErrors { code } } }`;
    const res = await t.request(mutation, undefined, bearer(scopedAdminKey));
    expect(res.status).toBe(403);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].extensions?.missingScopes).toEqual(['lifecycle:write']);
    const [{ name }] = await t.sql<{ name: string }>('select name from manufacturer where id = 1');
    expect(name).not.toBe('Scoped');
  });

  it('a scope written into the table beyond the role is ignored: the supplier still cannot write (its role)', async () => {
    const { key, prefix } = await t.createKey({
      role: 'SUPPLIER',
      supplierId: A,
      scopes: ['catalogue:read'],
    });
    await t.sql(`update api_key set scopes = '{catalogue:read,lifecycle:write}' where prefix = $1`, [prefix]);
    const mutation = `mutation { updateManufacturer(input: { id: "${globalId('Manufacturer', 1)}", name: "Widened" }) { userErrors { code } } }`;
    const res = await t.request(mutation, undefined, bearer(key));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/is for DCC_ADMIN; this request is SUPPLIER/);
    const [{ name }] = await t.sql<{ name: string }>('select name from manufacturer where id = 1');
    expect(name).not.toBe('Widened');
  });

  it('creation refuses an unknown scope and a scope beyond the role', async () => {
    await expect(
      t.createKey({ role: 'SUPPLIER', supplierId: A, scopes: ['installations:write'] }),
    ).rejects.toThrow(KeyError);
    await expect(t.createKey({ role: 'DCC_ANALYST', scopes: ['lifecycle:write'] })).rejects.toThrow(
      /a DCC_ANALYST key cannot have lifecycle:write/,
    );
  });
});

describe('dmc keys create --scopes', () => {
  /** `dmc keys create` of a SUPPLIER key for supplier A named `name` (no spaces) with `--scopes scopes`. */
  const createSupplierKey = (name: string, scopes: string) =>
    dmc(
      `keys create --role SUPPLIER --supplier-id ${A} --name ${name} --scopes ${scopes}`.split(' '),
      t.databaseUrl,
    );

  it('stores valid scopes and lists them', async () => {
    const res = await createSupplierKey('Scoped-CLI', 'catalogue:read,events:read');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('scopes catalogue:read,events:read');
    const list = await dmc(['keys', 'list'], t.databaseUrl);
    expect(list.stdout).toMatch(/Scoped-CLI\s+SUPPLIER.*catalogue:read,events:read/);
    expect(list.stdout).toMatch(/test\s+DCC_ADMIN.*all of DCC_ADMIN/);
  });

  it('refuses an unknown scope with a usage error naming the known ones, and creates nothing', async () => {
    const before = await t.sql<{ n: number }>('select count(*)::int as n from api_key');
    const res = await createSupplierKey('Bad', 'catalogue:read,everything');
    expect(res.code).not.toBe(0);
    expect(res.stdout).not.toMatch(/dmc_/);
    expect(res.stderr).toMatch(/unknown scope "everything"; known: catalogue:read, installations:read/);
    const after = await t.sql<{ n: number }>('select count(*)::int as n from api_key');
    expect(after[0].n).toBe(before[0].n);
  });
});
