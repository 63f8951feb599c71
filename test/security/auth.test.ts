import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import WebSocket from 'ws';
import { silentLogger } from '../../src/core/logger';
import { Authenticator } from '../../src/modules/auth/authenticate';
import { globalId, startTestServer, type TestServer } from '../support/server';

/*
 * Authentication and authorization against a production-mode server (issue 10): every refusal asserted with
 * its HTTP status and `extensions.code`. Credentials: API keys made in the test database, OpenID Connect
 * tokens signed by a key pair made here and published as a JWKS file.
 */

const ISSUER = 'https://login.example.test/';
const AUDIENCE = 'dmc-catalogue';
let signingKey: KeyLike;
let strangerKey: KeyLike;
let jwksDir: string;
let t: TestServer;
let A: number; // a supplier with installations
let B: number; // another supplier with installations
let EMPTY: number; // a supplier with none
let keyA: string;
let keyEmpty: string;
let analystKey: string;
let foreignInstallation: number;
let ownInstallation: number;
let foreignDevice: string;
let targetDmc: string;

async function token(
  claims: Record<string, unknown>,
  options: {
    key?: KeyLike;
    kid?: string;
    expiresIn?: string | number;
    issuer?: string;
    audience?: string;
  } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setSubject('someone@example.test')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(options.key ?? signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  jwksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-jwks-'));
  fs.writeFileSync(path.join(jwksDir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
  t = await startTestServer({
    production: true,
    auth: {
      recheckMs: 200,
      metricsToken: 'scrape-secret',
      oidc: {
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksFile: path.join(jwksDir, 'jwks.json'),
        rolesClaim: 'realm.roles',
        supplierClaim: 'supplier_id',
        roleValues: { DCC_ADMIN: 'dcc-admin', DCC_ANALYST: 'dcc-analyst', SUPPLIER: 'supplier' },
      },
    },
    allowedOrigins: ['https://dash.example.test'],
  });
  const suppliers = await t.sql<{ supplier_id: number }>(
    'select supplier_id from installation group by supplier_id order by count(*) desc limit 2',
  );
  [A, B] = suppliers.map((s) => s.supplier_id);
  [{ id: EMPTY }] = await t.sql<{ id: number }>(
    `insert into supplier (name) values ('Supplier without installations') returning id`,
  );
  keyA = (await t.createKey({ role: 'SUPPLIER', supplierId: A })).key;
  keyEmpty = (await t.createKey({ role: 'SUPPLIER', supplierId: EMPTY })).key;
  analystKey = (await t.createKey({ role: 'DCC_ANALYST' })).key;
  [{ id: foreignInstallation }] = await t.sql<{ id: number }>(
    'select id from installation where supplier_id = $1 order by id limit 1',
    [B],
  );
  [{ id: ownInstallation }] = await t.sql<{ id: number }>(
    'select id from installation where supplier_id = $1 order by id limit 1',
    [A],
  );
  [{ eui64: foreignDevice }] = await t.sql<{ eui64: string }>(
    'select eui64 from device where installation_id = $1 limit 1',
    [foreignInstallation],
  );
  const [{ id }] = await t.sql<{ id: number }>(
    `select dmc_id as id from epcl_entry where epcl_id = '002255'`,
  );
  targetDmc = globalId('Dmc', id);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(jwksDir, { recursive: true, force: true });
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const NONE = { authorization: '' };
const base = () => t.server.url.replace(/\/graphql$/, '');

/** Every root field that reads installations or what is derived from them. */
const INSTALLATION_FIELDS: [string, () => string][] = [
  ['installation', () => `{ installation(id: "${globalId('Installation', foreignInstallation)}") { id } }`],
  ['installationByDeviceId', () => `{ installationByDeviceId(deviceId: "${foreignDevice}") { id } }`],
  ['node', () => `{ node(id: "${globalId('Installation', foreignInstallation)}") { id } }`],
  ['nodes', () => `{ nodes(ids: ["${globalId('Installation', foreignInstallation)}"]) { id } }`],
  ['viewer', () => '{ viewer { installations(first: 1) { totalCount } } }'],
  ['upgradeCandidates', () => `{ upgradeCandidates(targetDmc: "${targetDmc}") { totalCount } }`],
  ['blockedInstallations', () => '{ blockedInstallations { byReason { code installs } } }'],
  ['installationsNotMigrating', () => '{ installationsNotMigrating { installations } }'],
  ['epclReport volumes', () => '{ epclReport(number: 22) { volumes { tables { title } } } }'],
  ['epclReport impact', () => '{ epclReport(number: 22) { impact { total { total } } } }'],
  ['recentDomainEvents', () => '{ recentDomainEvents { id } }'],
  ['suppliers', () => '{ suppliers { id name } }'],
  ['introspection', () => '{ __schema { queryType { name } } }'],
];

describe('no credential (production)', () => {
  it.each(INSTALLATION_FIELDS)('refuses %s with 401 UNAUTHENTICATED', async (_name, query) => {
    const res = await t.request(query(), {}, NONE);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses GET /graphql with 401, and says how to authenticate', async () => {
    const res = await fetch(`${t.server.url}?query=${encodeURIComponent('{ suppliers { id } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each(['installations.csv', 'candidates.csv?report=22', 'volumes.csv?report=22'])(
    'refuses GET /exports/%s with 401',
    async (file) => {
      const res = await fetch(`${base()}/exports/${file}`);
      expect(res.status).toBe(401);
      expect(
        ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('UNAUTHENTICATED');
    },
  );

  it('ignores the development headers in production', async () => {
    const res = await t.request('{ suppliers { id } }', {}, { ...NONE, 'x-dev-viewer-role': 'DCC_ADMIN' });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a malformed Authorization header', 'Basic dXNlcjpwYXNz'],
    ['a malformed key', 'Bearer dmc_123_abc'],
    ['an unknown key', `Bearer dmc_000000000000_${'A'.repeat(43)}`],
    ['a token that is no JWT', 'Bearer not-a-token'],
  ])('refuses %s with 401', async (_name, authorization) => {
    const res = await t.request('{ suppliers { id } }', {}, { authorization });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a known key prefix with a wrong secret', async () => {
    const [, prefix] = /^dmc_([0-9a-f]{12})_/.exec(keyA)!;
    const res = await t.request('{ suppliers { id } }', {}, bearer(`dmc_${prefix}_${'B'.repeat(43)}`));
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a supplier key trying another supplier’s data', () => {
  type Node = { id: string } | null;
  it('installation(id) of another supplier is null', async () => {
    const res = await t.request<{ installation: Node }, Record<string, never>>(
      `{ installation(id: "${globalId('Installation', foreignInstallation)}") { id eligibility { blockers { code } } } }`,
      {},
      bearer(keyA),
    );
    expect(res.status).toBe(200);
    expect(res.data?.installation).toBeNull();
  });

  it('installationByDeviceId of another supplier’s device is null', async () => {
    const res = await t.request<{ installationByDeviceId: Node }, Record<string, never>>(
      `{ installationByDeviceId(deviceId: "${foreignDevice}") { id } }`,
      {},
      bearer(keyA),
    );
    expect(res.data?.installationByDeviceId).toBeNull();
  });

  it('node and nodes give null for another supplier’s installation, the object for its own', async () => {
    const foreign = globalId('Installation', foreignInstallation);
    const own = globalId('Installation', ownInstallation);
    const res = await t.request<{ node: Node; nodes: Node[] }, Record<string, never>>(
      `{ node(id: "${foreign}") { id } nodes(ids: ["${foreign}", "${own}"]) { id } }`,
      {},
      bearer(keyA),
    );
    expect(res.data?.node).toBeNull();
    expect(res.data?.nodes).toEqual([null, { id: own }]);
  });

  it('upgradeCandidates with another supplier’s supplierId is FORBIDDEN', async () => {
    const res = await t.request(
      `{ upgradeCandidates(targetDmc: "${targetDmc}", filter: { supplierId: "${globalId('Supplier', B)}" }) { totalCount } }`,
      {},
      bearer(keyA),
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('a forged cursor naming another supplier’s installation pages only its own', async () => {
    const forged = Buffer.from(JSON.stringify(['INSTALLATION', foreignInstallation - 1])).toString('base64');
    const res = await t.request<
      { viewer: { installations: { nodes: { supplier: { id: string } }[] } } },
      Record<string, never>
    >(
      `{ viewer { installations(first: 50, after: "${forged}") { nodes { supplier { id } } } } }`,
      {},
      bearer(keyA),
    );
    if (res.errors) expect(res.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const n of res.data?.viewer.installations.nodes ?? [])
      expect(n.supplier.id).toBe(globalId('Supplier', A));
  });

  it('a supplier with no installations sees none through volumes, impact, candidates, blocked and the viewer', async () => {
    type Q = {
      viewer: { installations: { totalCount: number } };
      upgradeCandidates: { totalCount: number };
      blockedInstallations: { byReason: { installs: number }[] };
      installationsNotMigrating: { installations: number }[];
      epclReport: {
        volumes: {
          tables: { rows: { recomputed: { installs: { total: number } } }[] }[];
          alreadyEligible: { installs: { total: number } };
        };
        impact: { total: { total: number } };
      };
    };
    const res = await t.request<Q, Record<string, never>>(
      `{ viewer { installations { totalCount } }
         upgradeCandidates(targetDmc: "${targetDmc}") { totalCount }
         blockedInstallations { byReason { installs } }
         installationsNotMigrating { installations }
         epclReport(number: 22) { volumes { tables { rows { recomputed { installs { total } } } } alreadyEligible { installs { total } } }
                                  impact { total { total } } } }`,
      {},
      bearer(keyEmpty),
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.viewer.installations.totalCount).toBe(0);
    expect(d.upgradeCandidates.totalCount).toBe(0);
    expect(d.blockedInstallations.byReason.reduce((s, r) => s + r.installs, 0)).toBe(0);
    expect(d.installationsNotMigrating.reduce((s, r) => s + r.installations, 0)).toBe(0);
    const rows = d.epclReport.volumes.tables.flatMap((table) => table.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.recomputed.installs.total === 0)).toBe(true);
    expect(d.epclReport.volumes.alreadyEligible.installs.total).toBe(0);
    expect(d.epclReport.impact.total.total).toBe(0);
    // …while the same questions as DCC staff find installations: the zeros above are the scoping.
    const staff = await t.request<Q, Record<string, never>>(
      `{ viewer { installations { totalCount } } upgradeCandidates(targetDmc: "${targetDmc}") { totalCount } }`,
    );
    expect(staff.data?.viewer.installations.totalCount).toBeGreaterThan(0);
    expect(staff.data?.upgradeCandidates.totalCount).toBeGreaterThan(0);
  });

  it('the event outbox is FORBIDDEN to a supplier', async () => {
    const res = await t.request('{ recentDomainEvents { id } }', {}, bearer(keyA));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('exports of another supplier’s installations are 403; its own exports list only its own', async () => {
    const other = await fetch(`${base()}/exports/installations.csv?supplierId=${B}`, {
      headers: bearer(keyA),
    });
    expect(other.status).toBe(403);
    expect(
      ((await other.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    const own = await fetch(`${base()}/exports/installations.csv`, { headers: bearer(keyA) });
    expect(own.status).toBe(200);
    const lines = (await own.text()).trim().split('\n').length - 1;
    const [{ n }] = await t.sql<{ n: number }>(
      'select count(*)::int as n from installation where supplier_id = $1',
      [A],
    );
    expect(lines).toBe(n);
    const none = await fetch(`${base()}/exports/installations.csv`, { headers: bearer(keyEmpty) });
    expect((await none.text()).trim().split('\n')).toHaveLength(1);
  });

  it('a mutation is FORBIDDEN to a supplier and to an analyst', async () => {
    const mutation = `mutation { updateManufacturer(input: { id: "${globalId('Manufacturer', 1)}", name: "Hijacked" }) { userErrors { code } } }`;
    for (const key of [keyA, analystKey]) {
      const res = await t.request(mutation, {}, bearer(key));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(/DCC_ADMIN/);
    }
    const [{ name }] = await t.sql<{ name: string }>('select name from manufacturer where id = 1');
    expect(name).not.toBe('Hijacked');
  });

  it('staff-only reads are FORBIDDEN to a supplier', async () => {
    const res = await t.request('{ latestPacingDate }', {}, bearer(keyA));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('revoked and expired keys', () => {
  it('a revoked key is refused with 401, an expired one too', async () => {
    const revoked = await t.createKey({ role: 'DCC_ADMIN' });
    expect((await t.request('{ suppliers { id } }', {}, bearer(revoked.key))).status).toBe(200);
    await t.sql('update api_key set revoked_at = now() where prefix = $1', [revoked.prefix]);
    const res = await t.request('{ suppliers { id } }', {}, bearer(revoked.key));
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({
      message: 'The API key has been revoked',
      extensions: { code: 'UNAUTHENTICATED' },
    });

    const expired = await t.createKey({ role: 'DCC_ADMIN', expiresAt: new Date(Date.now() - 1000) });
    const late = await t.request('{ suppliers { id } }', {}, bearer(expired.key));
    expect(late.status).toBe(401);
    expect(late.errors?.[0].message).toBe('The API key has expired');
  });

  it('records when a key was last used', async () => {
    const key = await t.createKey({ role: 'DCC_ANALYST' });
    await t.request('{ suppliers { id } }', {}, bearer(key.key));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [row] = await t.sql<{ last_used_at: Date | null }>(
      'select last_used_at from api_key where prefix = $1',
      [key.prefix],
    );
    expect(row.last_used_at).toBeInstanceOf(Date);
  });
});

/**
 * Opens a graphql-ws socket, sends `connection_init` with `payload`, runs `onAck` once acknowledged, and
 * resolves with the close code and reason.
 */
function socketClose(
  payload: Record<string, unknown> | undefined,
  onAck?: () => Promise<void>,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(t.server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') void onAck?.();
    });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

describe('the verified-key cache (AUTH_KEY_CACHE_MS)', () => {
  it('reads api_key once per key within the cache time; a revocation takes effect when it runs out', async () => {
    const reads: string[] = [];
    const pool = {
      query: async <T>(text: string, params: readonly unknown[] = []) => {
        if (/from api_key/i.test(text)) reads.push(text);
        return t.sql<T>(text, [...params]);
      },
    };
    const auth = new Authenticator({
      config: { devViewerHeaders: false, recheckMs: 30_000, keyCacheMs: 400 },
      pool: pool as never,
      log: silentLogger,
    });
    const key = await t.createKey({ role: 'DCC_ANALYST' });
    const first = await auth.fromAuthorization(`Bearer ${key.key}`);
    const second = await auth.fromAuthorization(`Bearer ${key.key}`);
    expect(second).toEqual(first);
    expect(reads).toHaveLength(1);
    // A wrong secret under a cached key's prefix is not served from the cache.
    await expect(auth.fromAuthorization(`Bearer ${key.key.slice(0, -2)}xx`)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    await t.sql('update api_key set revoked_at = now() where prefix = $1', [key.prefix]);
    await expect(auth.fromAuthorization(`Bearer ${key.key}`)).resolves.toEqual(first);
    await new Promise((resolve) => setTimeout(resolve, 450));
    await expect(auth.fromAuthorization(`Bearer ${key.key}`)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The API key has been revoked',
    });
  });
});

describe('graphql-ws (production)', () => {
  it('closes a socket without a credential with 4401', async () => {
    expect((await socketClose(undefined)).code).toBe(4401);
  });

  it('closes a socket with a revoked or an expired key with 4401', async () => {
    const revoked = await t.createKey({ role: 'DCC_ADMIN' });
    await t.sql('update api_key set revoked_at = now() where prefix = $1', [revoked.prefix]);
    expect(await socketClose(bearer(revoked.key))).toMatchObject({
      code: 4401,
      reason: expect.stringMatching(/revoked/) as string,
    });
    const expired = await t.createKey({ role: 'DCC_ADMIN', expiresAt: new Date(Date.now() - 1000) });
    expect(await socketClose(bearer(expired.key))).toMatchObject({
      code: 4401,
      reason: expect.stringMatching(/expired/) as string,
    });
  });

  it('closes a socket with a token that names no role with 4403', async () => {
    const tok = await token({ realm: { roles: ['visitor'] } });
    expect((await socketClose(bearer(tok))).code).toBe(4403);
  });

  it('closes an open socket with 4401 when its key is revoked', async () => {
    const key = await t.createKey({ role: 'DCC_ANALYST' });
    const started = Date.now();
    const closed = await socketClose(bearer(key.key), async () => {
      await t.sql('update api_key set revoked_at = now() where prefix = $1', [key.prefix]);
    });
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/revoked/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('closes an open socket with 4401 when its key expires', async () => {
    const key = await t.createKey({ role: 'DCC_ANALYST', expiresAt: new Date(Date.now() + 1500) });
    const closed = await socketClose(bearer(key.key));
    expect(closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/expired/) as string });
  });

  it('serves an authenticated supplier socket its own scope', async () => {
    const client = createClient({
      url: t.server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: bearer(keyEmpty),
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          { query: '{ viewer { role installations { totalCount } } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(result).toMatchObject({
        data: { viewer: { role: 'SUPPLIER', installations: { totalCount: 0 } } },
      });
    } finally {
      await client.dispose();
    }
  });
});

describe('OpenID Connect tokens (JWKS file)', () => {
  type Viewer = { viewer: { role: string; supplier: { id: string } | null } };
  it('accepts a valid token and maps its roles claim', async () => {
    const admin = await t.request<Viewer, Record<string, never>>(
      '{ viewer { role supplier { id } } }',
      {},
      bearer(await token({ realm: { roles: ['dcc-admin'] } })),
    );
    expect(admin.data?.viewer).toEqual({ role: 'DCC_ADMIN', supplier: null });
    const supplier = await t.request<Viewer, Record<string, never>>(
      '{ viewer { role supplier { id } } }',
      {},
      bearer(await token({ realm: { roles: ['supplier'] }, supplier_id: A })),
    );
    expect(supplier.data?.viewer).toEqual({ role: 'SUPPLIER', supplier: { id: globalId('Supplier', A) } });
  });

  it.each([
    [
      'an expired token',
      () => token({ realm: { roles: ['dcc-admin'] } }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      /expired/,
    ],
    [
      'a token for another audience',
      () => token({ realm: { roles: ['dcc-admin'] } }, { audience: 'someone-else' }),
      /aud/,
    ],
    [
      'a token of another issuer',
      () => token({ realm: { roles: ['dcc-admin'] } }, { issuer: 'https://evil.example.test/' }),
      /iss/,
    ],
    [
      'a token with a bad signature',
      () => token({ realm: { roles: ['dcc-admin'] } }, { key: strangerKey }),
      /signature/,
    ],
    [
      'a token signed by an unknown key id',
      () => token({ realm: { roles: ['dcc-admin'] } }, { key: strangerKey, kid: 'other' }),
      /unknown key|not a valid/,
    ],
    [
      'an unsigned token (alg none)',
      async () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${part({ alg: 'none' })}.${part({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now + 600, realm: { roles: ['dcc-admin'] } })}.`;
      },
      /not a valid|signature/,
    ],
  ])('refuses %s with 401', async (_name, make, message) => {
    const res = await t.request('{ suppliers { id } }', {}, bearer(await make()));
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('refuses a token without a known role, or a SUPPLIER token without a supplier, with 403 FORBIDDEN', async () => {
    for (const claims of [{ realm: { roles: ['visitor'] } }, { realm: { roles: ['supplier'] } }]) {
      const res = await t.request('{ suppliers { id } }', {}, bearer(await token(claims)));
      expect(res.status).toBe(403);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('CORS and metrics', () => {
  it('answers a preflight from an allowed origin and refuses another', async () => {
    const preflight = (origin: string) =>
      fetch(t.server.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    const ok = await preflight('https://dash.example.test');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://dash.example.test');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const evil = await preflight('https://evil.example.test');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  it('needs the token', async () => {
    const without = await fetch(`${base()}/metrics`);
    expect(without.status).toBe(401);
    expect((await fetch(`${base()}/metrics`, { headers: bearer('wrong') })).status).toBe(401);
    const ok = await fetch(`${base()}/metrics`, { headers: bearer('scrape-secret') });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/graphql_/);
  });
});

describe('the JWKS by URL', () => {
  it('verifies tokens against keys served over HTTP, and refuses when the key is not there', async () => {
    // The Authenticator alone: a real JWKS server on port 0, no database needed for a token.
    const pair = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'url-key', alg: 'ES256' };
    let served: object = { keys: [jwk] };
    const jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
      const auth = new Authenticator({
        config: {
          devViewerHeaders: false,
          recheckMs: 30_000,
          oidc: {
            issuer: ISSUER,
            audience: AUDIENCE,
            jwksUrl: url,
            rolesClaim: 'roles',
            supplierClaim: 'supplier_id',
            roleValues: { DCC_ADMIN: 'DCC_ADMIN', DCC_ANALYST: 'DCC_ANALYST', SUPPLIER: 'SUPPLIER' },
          },
        },
        pool: undefined as never,
        log: silentLogger,
      });
      const sign = (claims: Record<string, unknown>, kid = 'url-key') =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('ana')
          .setExpirationTime('5m')
          .sign(pair.privateKey);
      const viewer = await auth.fromAuthorization(`Bearer ${await sign({ roles: ['DCC_ANALYST'] })}`);
      expect(viewer).toMatchObject({
        role: 'DCC_ANALYST',
        subject: 'oidc:ana',
        credential: { kind: 'oidc' },
      });
      served = { keys: [] };
      await expect(
        auth.fromAuthorization(`Bearer ${await sign({ roles: ['DCC_ANALYST'] }, 'rotated-away')}`),
      ).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    } finally {
      jwks.close();
    }
  });
});
