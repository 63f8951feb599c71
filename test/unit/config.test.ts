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
      limits: {
        maxDepth: 12,
        maxAliases: 15,
        maxTokens: 2000,
        maxDirectives: 20,
        maxCost: 25_000,
        timeoutMs: 10_000,
        analysisConnections: 2,
      },
    });
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
      },
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
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
