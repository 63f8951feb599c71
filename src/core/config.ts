import type { Role } from './graphql/context';

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
  /** Answer repeated catalogue queries in the lean lane (`LEAN_LANE`, default true; core/http/lean-lane.ts). */
  leanLane: boolean;
  /**
   * Persisted-document manifests (GraphQL Code Generator's client preset format, `{ "<sha256>": "<text>" }`)
   * from `TRUSTED_DOCUMENTS` (comma-separated paths): clients may send a document's id instead of its text, and
   * a credential restricted to trusted documents may only run these.
   */
  trustedDocuments: string[];
  /** Read replicas, from `DATABASE_REPLICA_URLS` (comma-separated postgres:// URLs); empty: none. */
  replicaUrls: string[];
  /** How long a credential that wrote reads only from replicas that have replayed the write (`READ_YOUR_WRITES_MS`). */
  readYourWritesMs: number;
  auth: AuthConfig;
};

/** How requests are authenticated (README, "Authentication"). */
export type AuthConfig = {
  /**
   * Trust the `x-dev-viewer-role` / `x-dev-viewer-supplier-id` headers and treat a request without
   * credentials as a DCC_ADMIN development viewer (`DEV_VIEWER_HEADERS`, default true outside production).
   * Refused in production: the process does not start.
   */
  devViewerHeaders: boolean;
  /** OpenID Connect bearer tokens; absent when OIDC_ISSUER is not set. */
  oidc?: OidcConfig;
  /** Bearer token `GET /metrics` requires (`METRICS_TOKEN`); open when absent. */
  metricsToken?: string;
  /** How often an open WebSocket re-checks its credential (revoked, expired), in ms (`AUTH_RECHECK_MS`). */
  recheckMs: number;
  /**
   * How long a verified API key is reused without reading `api_key` again (`AUTH_KEY_CACHE_MS`, default
   * 5000; absent or 0: every request reads it). A revocation takes effect within this time on every instance.
   */
  keyCacheMs?: number;
};

export type OidcConfig = {
  issuer: string;
  audience: string;
  /** JWKS by URL (`OIDC_JWKS_URL`) or from a file (`OIDC_JWKS_FILE`): exactly one. */
  jwksUrl?: string;
  jwksFile?: string;
  /** Claim holding the roles (`OIDC_ROLES_CLAIM`, default `roles`; a dotted path reaches into objects). */
  rolesClaim: string;
  /** Claim holding a SUPPLIER's supplier id (`OIDC_SUPPLIER_CLAIM`, default `supplier_id`). */
  supplierClaim: string;
  /** Claim values meaning each role (`OIDC_ROLE_<ROLE>`, default the role's own name). */
  roleValues: { DCC_ADMIN: string; DCC_ANALYST: string; SUPPLIER: string };
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
  /** The cost limit of a role when it differs from `maxCost` (`QUERY_MAX_COST_<ROLE>`). */
  maxCostByRole: Partial<Record<Role, number>>;
  /** Per-request deadline: the `statement_timeout` of the request's SQL, in milliseconds. */
  timeoutMs: number;
  /** Connections of the pool the expensive analyses run on, apart from cheap reads. */
  analysisConnections: number;
  /** Cost points each credential may spend per window (`src/core/graphql/rate-limit.ts`). */
  rateLimit: RateLimits;
};

/**
 * Rate limits: every operation spends its estimated cost from its credential's budget (the client's IP
 * address without a credential); the budget of a role's viewers is `points[role]` per `windowSeconds`. A
 * role with 0 or no entry is not rate-limited.
 */
export type RateLimits = {
  windowSeconds: number;
  points: Partial<Record<Role, number>>;
};

export const DEFAULT_LIMITS: QueryLimits = {
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
    // Ten operations at the default cost limit a minute for a supplier's system; forty for DCC staff (the
    // dashboard's pages ask for several analyses at once).
    points: { DCC_ADMIN: 1_000_000, DCC_ANALYST: 1_000_000, SUPPLIER: 250_000 },
  },
};

/** The cost limit of one operation for a viewer of `role`. */
export function maxCostFor(limits: Pick<QueryLimits, 'maxCost' | 'maxCostByRole'>, role: Role): number {
  return limits.maxCostByRole?.[role] ?? limits.maxCost;
}

const CONFIG_ROLES: readonly Role[] = ['DCC_ADMIN', 'DCC_ANALYST', 'SUPPLIER'];

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

function postgresUrls(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol))
      throw new ConfigError(
        `${name} must list URLs like postgres://user:password@replica:5432/database, separated by commas; got an entry of ${value.length} characters that is not one`,
      );
    return value;
  });
}

function oidc(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const audience = env.OIDC_AUDIENCE?.trim();
  if (!audience) throw new ConfigError('OIDC_AUDIENCE must be set when OIDC_ISSUER is');
  const jwksUrl = env.OIDC_JWKS_URL?.trim() || undefined;
  const jwksFile = env.OIDC_JWKS_FILE?.trim() || undefined;
  if (!jwksUrl === !jwksFile)
    throw new ConfigError('exactly one of OIDC_JWKS_URL and OIDC_JWKS_FILE must be set when OIDC_ISSUER is');
  if (jwksUrl) {
    let url: URL | undefined;
    try {
      url = new URL(jwksUrl);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol))
      throw new ConfigError(`OIDC_JWKS_URL must be an http(s) URL; got ${JSON.stringify(jwksUrl)}`);
  }
  return {
    issuer,
    audience,
    jwksUrl,
    jwksFile,
    rolesClaim: env.OIDC_ROLES_CLAIM?.trim() || 'roles',
    supplierClaim: env.OIDC_SUPPLIER_CLAIM?.trim() || 'supplier_id',
    roleValues: {
      DCC_ADMIN: env.OIDC_ROLE_DCC_ADMIN?.trim() || 'DCC_ADMIN',
      DCC_ANALYST: env.OIDC_ROLE_DCC_ANALYST?.trim() || 'DCC_ANALYST',
      SUPPLIER: env.OIDC_ROLE_SUPPLIER?.trim() || 'SUPPLIER',
    },
  };
}

function paths(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    if (!value.endsWith('.json'))
      throw new ConfigError(`${name} must list paths of .json manifests; got ${JSON.stringify(value)}`);
    return value;
  });
}

/** Per-role cost limits and rate limits; a rate limit below its role's cost limit could never be met. */
function roleLimits(
  env: NodeJS.ProcessEnv,
  maxCost: number,
): Pick<QueryLimits, 'maxCostByRole' | 'rateLimit'> {
  const maxCostByRole: Partial<Record<Role, number>> = {};
  const points: Partial<Record<Role, number>> = {};
  for (const role of CONFIG_ROLES) {
    const costName = `QUERY_MAX_COST_${role}`;
    if (env[costName]) maxCostByRole[role] = integer(env, costName, maxCost, 1, 1_000_000_000);
    const rateName = `RATE_LIMIT_${role}`;
    points[role] = integer(env, rateName, DEFAULT_LIMITS.rateLimit.points[role] ?? 0, 0, 1_000_000_000_000);
    const cost = maxCostByRole[role] ?? maxCost;
    if (points[role] !== 0 && points[role] < cost)
      throw new ConfigError(
        `${rateName} (${points[role]}) is below the cost limit of the role (${cost}, ` +
          `${maxCostByRole[role] === undefined ? 'QUERY_MAX_COST' : costName}): an operation at that limit could never run; ` +
          'raise it, or set it to 0 for no rate limit',
      );
  }
  return {
    maxCostByRole,
    rateLimit: {
      windowSeconds: integer(
        env,
        'RATE_LIMIT_WINDOW_SECONDS',
        DEFAULT_LIMITS.rateLimit.windowSeconds,
        1,
        86_400,
      ),
      points,
    },
  };
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
  const maxCost = integer(env, 'QUERY_MAX_COST', DEFAULT_LIMITS.maxCost, 1, 1_000_000_000);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: env.DATA_DIR || '.data',
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    // Demo data in production only when asked for explicitly.
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', nodeEnv !== 'production'),
    demoInstallations: integer(env, 'DEMO_INSTALLATIONS', 150_000, 0, 10_000_000),
    explorer: bool(env, 'GRAPHQL_EXPLORER', nodeEnv !== 'production'),
    dashboard: bool(env, 'DASHBOARD', nodeEnv !== 'production'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    allowedOrigins: origins(env, 'CORS_ORIGINS'),
    responseCacheMb: integer(env, 'RESPONSE_CACHE_MB', 64, 0, 65_536),
    leanLane: bool(env, 'LEAN_LANE', true),
    replicaUrls: postgresUrls(env, 'DATABASE_REPLICA_URLS'),
    readYourWritesMs: integer(env, 'READ_YOUR_WRITES_MS', 10_000, 0, 3_600_000),
    auth: authConfig(env, nodeEnv),
    limits: {
      maxDepth: integer(env, 'QUERY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 1000),
      maxAliases: integer(env, 'QUERY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 10_000),
      maxTokens: integer(env, 'QUERY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 10, 1_000_000),
      maxDirectives: integer(env, 'QUERY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 10_000),
      maxCost,
      timeoutMs: integer(env, 'QUERY_TIMEOUT_MS', DEFAULT_LIMITS.timeoutMs, 100, 3_600_000),
      analysisConnections: integer(env, 'ANALYSIS_POOL_SIZE', DEFAULT_LIMITS.analysisConnections, 1, 100),
      ...roleLimits(env, maxCost),
    },
    trustedDocuments: paths(env, 'TRUSTED_DOCUMENTS'),
  };
}

function authConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv']): AuthConfig {
  const devViewerHeaders = bool(env, 'DEV_VIEWER_HEADERS', nodeEnv !== 'production');
  if (devViewerHeaders && nodeEnv === 'production')
    throw new ConfigError(
      'DEV_VIEWER_HEADERS=true is refused in production: anyone could claim any role with a header',
    );
  return {
    devViewerHeaders,
    oidc: oidc(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    recheckMs: integer(env, 'AUTH_RECHECK_MS', 30_000, 100, 3_600_000),
    keyCacheMs: integer(env, 'AUTH_KEY_CACHE_MS', 5_000, 0, 300_000),
  };
}
