/**
 * Configuration from environment variables, validated once at start-up. Every variable is listed in the
 * README; an invalid value stops the process with a message naming the variable, the value and what was
 * expected.
 */
export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  seedOnEmpty: boolean;
  demoInstallations: number;
  explorer: boolean;
  /** Serve the internal dashboard at /dashboard. */
  dashboard: boolean;
  shutdownTimeoutMs: number;
  /**
   * Browser origins allowed to call the API (CORS) and to open its WebSocket (`Origin` check), from
   * `CORS_ORIGINS` (comma-separated, e.g. `https://dash.example.org,https://planning.example.com`). Empty:
   * same-origin pages and non-browser clients only.
   */
  allowedOrigins: string[];
  limits: QueryLimits;
  /** Size of the catalogue response cache, in MiB (`RESPONSE_CACHE_MB`, default 64; 0 turns it off). */
  responseCacheMb: number;
};

/**
 * What one GraphQL request may ask for and spend. Checked before execution (depth, aliases, tokens,
 * directives, cost: `src/core/graphql/limits.ts`) and during it (the deadline, the analysis pool).
 */
export type QueryLimits = {
  /** Deepest field nesting of an operation (fragments count as their fields). */
  maxDepth: number;
  /** Aliased fields in an operation. */
  maxAliases: number;
  /** Lexical tokens in a document; the parser stops at the first token beyond it. */
  maxTokens: number;
  /** Directives in an operation. */
  maxDirectives: number;
  /** Estimated cost of an operation (see README: page sizes multiply, the analyses weigh more). */
  maxCost: number;
  /** Per-request deadline: the `statement_timeout` of the request's SQL, in milliseconds. */
  timeoutMs: number;
  /** Connections of the pool the expensive analyses run on, apart from cheap reads. */
  analysisConnections: number;
};

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 25_000,
  timeoutMs: 10_000,
  analysisConnections: 2,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false; got ${JSON.stringify(raw)}`);
}

function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(
        `${name} must list origins like https://dash.example.org; got ${JSON.stringify(value)}`,
      );
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value) {
      throw new ConfigError(
        `${name} must list bare origins (scheme://host[:port]); got ${JSON.stringify(value)}`,
      );
    }
    return url.origin;
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL must be a URL like postgres://user:password@host:5432/database');
    }
    if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
      throw new ConfigError(`DATABASE_URL must use the postgres:// scheme; got ${url.protocol}//`);
    }
  }
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: env.DATA_DIR || '.data',
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    demoInstallations: integer(env, 'DEMO_INSTALLATIONS', 150_000, 0, 10_000_000),
    explorer: bool(env, 'GRAPHQL_EXPLORER', nodeEnv !== 'production'),
    dashboard: bool(env, 'DASHBOARD', nodeEnv !== 'production'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    allowedOrigins: origins(env, 'CORS_ORIGINS'),
    responseCacheMb: integer(env, 'RESPONSE_CACHE_MB', 64, 0, 65_536),
    limits: {
      maxDepth: integer(env, 'QUERY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 1000),
      maxAliases: integer(env, 'QUERY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 10_000),
      maxTokens: integer(env, 'QUERY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 10, 1_000_000),
      maxDirectives: integer(env, 'QUERY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 10_000),
      maxCost: integer(env, 'QUERY_MAX_COST', DEFAULT_LIMITS.maxCost, 1, 1_000_000_000),
      timeoutMs: integer(env, 'QUERY_TIMEOUT_MS', DEFAULT_LIMITS.timeoutMs, 100, 3_600_000),
      analysisConnections: integer(env, 'ANALYSIS_POOL_SIZE', DEFAULT_LIMITS.analysisConnections, 1, 100),
    },
  };
}
