import { ConfigError, loadConfig } from '../../src/core/config';
import { silentLogger } from '../../src/core/logger';
import { Authenticator } from '../../src/modules/auth/authenticate';
import { startServer } from '../../src/server';

/* Authentication configuration: production never trusts the development headers; OIDC settings checked. */

describe('DEV_VIEWER_HEADERS', () => {
  it('defaults to on outside production and off in production', () => {
    expect(loadConfig({}).auth.devViewerHeaders).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).auth.devViewerHeaders).toBe(false);
  });

  it('stops a production start that is asked to trust them', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_VIEWER_HEADERS: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_VIEWER_HEADERS: 'true' })).toThrow(
      /refused in production/,
    );
    // The server itself refuses too, before opening anything.
    await expect(
      startServer({
        orm: undefined as never,
        databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
        log: silentLogger,
        production: true,
        port: 0,
        auth: { devViewerHeaders: true, recheckMs: 30_000 },
      }),
    ).rejects.toThrow(/must not trust the development viewer headers/);
  });
});

describe('OIDC configuration', () => {
  const base = { OIDC_ISSUER: 'https://login.example.test/', OIDC_AUDIENCE: 'dmc' };
  it('reads the issuer, audience, JWKS and claims', () => {
    const config = loadConfig({
      ...base,
      OIDC_JWKS_URL: 'https://login.example.test/certs',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_ROLE_DCC_ADMIN: 'dcc-admin',
    });
    expect(config.auth.oidc).toMatchObject({
      issuer: base.OIDC_ISSUER,
      audience: 'dmc',
      jwksUrl: 'https://login.example.test/certs',
      rolesClaim: 'realm_access.roles',
      supplierClaim: 'supplier_id',
      roleValues: { DCC_ADMIN: 'dcc-admin', DCC_ANALYST: 'DCC_ANALYST', SUPPLIER: 'SUPPLIER' },
    });
    expect(loadConfig({}).auth.oidc).toBeUndefined();
  });

  it.each([
    [{ OIDC_ISSUER: 'https://x/' }, /OIDC_AUDIENCE/],
    [base, /exactly one of OIDC_JWKS_URL and OIDC_JWKS_FILE/],
    [{ ...base, OIDC_JWKS_URL: 'https://x/certs', OIDC_JWKS_FILE: 'jwks.json' }, /exactly one/],
    [{ ...base, OIDC_JWKS_URL: 'ftp://x/certs' }, /OIDC_JWKS_URL must be an http\(s\) URL/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('outside production', () => {
  const auth = new Authenticator({
    config: { devViewerHeaders: true, recheckMs: 30_000 },
    pool: undefined as never,
    log: silentLogger,
  });
  it('no credential is the DCC_ADMIN development viewer; the headers pick another', async () => {
    expect(await auth.fromHeaders({})).toEqual({ role: 'DCC_ADMIN' });
    expect(
      await auth.fromHeaders({ 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '4' }),
    ).toEqual({
      role: 'SUPPLIER',
      supplierId: 4,
    });
    await expect(auth.fromHeaders({ 'x-dev-viewer-role': 'ROOT' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
  it('a bearer credential is still checked', async () => {
    await expect(auth.fromHeaders({ authorization: 'Bearer nonsense' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
