import { ConfigError, loadConfig } from '../../src/core/config';

describe('configuration from the environment', () => {
  it('has defaults a newcomer can run with', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: '.data',
      nodeEnv: 'development',
      logLevel: 'info',
      seedOnEmpty: true,
      demoInstallations: 150_000,
      explorer: true,
      dashboard: true,
      shutdownTimeoutMs: 10_000,
      allowedOrigins: [],
      responseCacheMb: 64,
      leanLane: true,
      replicaUrls: [],
      readYourWritesMs: 10_000,
      limits: {
        maxDepth: 12,
        maxAliases: 15,
        maxTokens: 2000,
        maxDirectives: 20,
        maxCost: 25_000,
        timeoutMs: 10_000,
        analysisConnections: 2,
        maxCostByRole: {},
        rateLimit: {
          windowSeconds: 60,
          points: { DCC_ADMIN: 1_000_000, DCC_ANALYST: 1_000_000, SUPPLIER: 250_000 },
        },
      },
      trustedDocuments: [],
      auth: {
        devViewerHeaders: true,
        metricsToken: undefined,
        oidc: undefined,
        recheckMs: 30_000,
        keyCacheMs: 5_000,
      },
    });
  });

  it('reads DATABASE_REPLICA_URLS as a list and refuses an entry that is not a postgres URL', () => {
    expect(
      loadConfig({ DATABASE_REPLICA_URLS: 'postgres://u:p@r1:5432/db, postgresql://u:p@r2/db' }).replicaUrls,
    ).toEqual(['postgres://u:p@r1:5432/db', 'postgresql://u:p@r2/db']);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://u:p@r1/db,r2:5432' })).toThrow(
      /DATABASE_REPLICA_URLS must list URLs/,
    );
  });

  it('loads demo data in production only when SEED_ON_EMPTY=true is set', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_ON_EMPTY: 'true' }).seedOnEmpty).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedOnEmpty).toBe(true);
  });

  it.each(['example.org', 'https://dash.example.org/path', 'ftp://x.example.org'])(
    'refuses CORS_ORIGINS entry %s, naming the variable',
    (entry) => {
      expect(() => loadConfig({ CORS_ORIGINS: entry })).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: entry })).toThrow(/CORS_ORIGINS/);
    },
  );

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u:p@db:5432/x',
      DATA_DIR: '/var/lib/dmc',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
      DEMO_INSTALLATIONS: '1000',
      SHUTDOWN_TIMEOUT_MS: '500',
      QUERY_MAX_DEPTH: '8',
      QUERY_MAX_ALIASES: '4',
      QUERY_MAX_TOKENS: '500',
      QUERY_MAX_DIRECTIVES: '3',
      QUERY_MAX_COST: '2500',
      QUERY_TIMEOUT_MS: '3000',
      ANALYSIS_POOL_SIZE: '1',
      CORS_ORIGINS: 'https://dash.example.org, http://localhost:5173',
      QUERY_MAX_COST_SUPPLIER: '2000',
      RATE_LIMIT_DCC_ADMIN: '0',
      RATE_LIMIT_DCC_ANALYST: '50000',
      RATE_LIMIT_SUPPLIER: '20000',
      RATE_LIMIT_WINDOW_SECONDS: '300',
      TRUSTED_DOCUMENTS: 'clients/planning.json, clients/dashboard.json',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://u:p@db:5432/x',
      dataDir: '/var/lib/dmc',
      nodeEnv: 'production',
      logLevel: 'warn',
      seedOnEmpty: false,
      demoInstallations: 1000,
      explorer: false,
      dashboard: false,
      shutdownTimeoutMs: 500,
      allowedOrigins: ['https://dash.example.org', 'http://localhost:5173'],
      limits: {
        maxDepth: 8,
        maxAliases: 4,
        maxTokens: 500,
        maxDirectives: 3,
        maxCost: 2500,
        timeoutMs: 3000,
        analysisConnections: 1,
        maxCostByRole: { SUPPLIER: 2000 },
        rateLimit: { windowSeconds: 300, points: { DCC_ADMIN: 0, DCC_ANALYST: 50_000, SUPPLIER: 20_000 } },
      },
      trustedDocuments: ['clients/planning.json', 'clients/dashboard.json'],
    });
  });

  it.each([
    [{ PORT: '-1' }, 'PORT must be an integer between 0 and 65535; got "-1"'],
    [{ PORT: '4000.5' }, 'PORT must be an integer between 0 and 65535; got "4000.5"'],
    [
      { DATABASE_URL: 'not a url' },
      'DATABASE_URL must be a URL like postgres://user:password@host:5432/database',
    ],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must use the postgres:// scheme; got mysql://'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test; got "staging"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of debug, info, warn, error; got "verbose"'],
    [{ SEED_ON_EMPTY: 'maybe' }, 'SEED_ON_EMPTY must be true or false; got "maybe"'],
    [{ QUERY_MAX_DEPTH: '0' }, 'QUERY_MAX_DEPTH must be an integer between 1 and 1000; got "0"'],
    [{ QUERY_TIMEOUT_MS: '10s' }, 'QUERY_TIMEOUT_MS must be an integer between 100 and 3600000; got "10s"'],
    [{ DASHBOARD: 'on' }, 'DASHBOARD must be true or false; got "on"'],
    [
      { RATE_LIMIT_SUPPLIER: '-5' },
      'RATE_LIMIT_SUPPLIER must be an integer between 0 and 1000000000000; got "-5"',
    ],
    [
      { RATE_LIMIT_WINDOW_SECONDS: '0' },
      'RATE_LIMIT_WINDOW_SECONDS must be an integer between 1 and 86400; got "0"',
    ],
    [
      { QUERY_MAX_COST_SUPPLIER: 'lots' },
      'QUERY_MAX_COST_SUPPLIER must be an integer between 1 and 1000000000; got "lots"',
    ],
    [
      { RATE_LIMIT_SUPPLIER: '1000' },
      'RATE_LIMIT_SUPPLIER (1000) is below the cost limit of the role (25000, QUERY_MAX_COST): an operation at that limit could never run; raise it, or set it to 0 for no rate limit',
    ],
    [
      { QUERY_MAX_COST_DCC_ANALYST: '2000000' },
      'RATE_LIMIT_DCC_ANALYST (1000000) is below the cost limit of the role (2000000, QUERY_MAX_COST_DCC_ANALYST): an operation at that limit could never run; raise it, or set it to 0 for no rate limit',
    ],
    [
      { TRUSTED_DOCUMENTS: 'manifest.yaml' },
      'TRUSTED_DOCUMENTS must list paths of .json manifests; got "manifest.yaml"',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
