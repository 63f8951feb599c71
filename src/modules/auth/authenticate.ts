import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { AuthConfig, OidcConfig } from '../../core/config';
import type { SqlPool } from '../../core/db/sql-pool';
import { DEVELOPMENT_VIEWER, viewerFromHeaders, type Viewer } from '../../core/graphql/context';
import { BoundedMap } from '../../core/bounded-map';
import type { Logger } from '../../core/logger';
import { findKey, keyProblem, parseKey, secretMatches, type ApiKeyRow } from './api-keys';
import { effectiveScopes } from './scopes';

/**
 * A request that cannot be served as it is: no or a bad credential (401 UNAUTHENTICATED), a valid credential
 * that gives no role of this API (403 FORBIDDEN), or malformed development headers (400 BAD_USER_INPUT).
 */
export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    message: string,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT',
  ) {
    super(message);
  }
  get status(): number {
    return this.code === 'UNAUTHENTICATED' ? 401 : this.code === 'FORBIDDEN' ? 403 : 400;
  }
}

/** WebSocket close codes (README, "WebSocket close codes"). */
export const WS_CLOSE = {
  /** No, a malformed, an unknown, a revoked or an expired credential at `connection_init`. */
  UNAUTHENTICATED: 4401,
  /** A valid credential that gives no role of this API. */
  FORBIDDEN: 4403,
  /** The credential expired or was revoked while the socket was open. */
  CREDENTIAL_ENDED: 4401,
} as const;

type Headers = http.IncomingHttpHeaders | Record<string, string | string[] | undefined>;

const ROLE_RANK = ['DCC_ADMIN', 'DCC_ANALYST', 'SUPPLIER'] as const;

/**
 * Who a request is: `Authorization: Bearer <API key | OpenID Connect token>`, or, only where the
 * configuration trusts them (never in production), the development headers, and no header at all is then
 * the DCC_ADMIN development viewer. Everything else is refused (`AuthError`).
 */
export class Authenticator {
  private readonly jwks?: JWTVerifyGetKey;
  /** Keys whose `last_used_at` was written in the last minute (it is written at most once a minute per key). */
  private readonly touched = new BoundedMap<number, true>({ maxEntries: 10_000 });
  /**
   * Keys verified in the last `keyCacheMs` (and not expired since), by the sha256 of the whole key (never the
   * key itself): a request with one of them reads nothing from `api_key`. At most 10,000, the oldest dropped.
   */
  private readonly verified = new BoundedMap<string, Viewer>({ maxEntries: 10_000 });

  constructor(private readonly options: { config: AuthConfig; pool: SqlPool; log: Logger }) {
    const oidc = options.config.oidc;
    if (oidc?.jwksFile) {
      const text = fs.readFileSync(oidc.jwksFile, 'utf8');
      this.jwks = createLocalJWKSet(JSON.parse(text) as Parameters<typeof createLocalJWKSet>[0]);
    } else if (oidc?.jwksUrl) {
      this.jwks = createRemoteJWKSet(new URL(oidc.jwksUrl), { timeoutDuration: 5000 });
    }
  }

  get devViewerHeaders(): boolean {
    return this.options.config.devViewerHeaders;
  }

  /** The viewer of a request from its headers (HTTP, the WebSocket upgrade). */
  async fromHeaders(headers: Headers): Promise<Viewer> {
    const authorization = headers.authorization;
    if (authorization !== undefined) return this.fromAuthorization(String(authorization));
    return this.anonymous(headers);
  }

  /** The viewer of `Authorization`'s value (`Bearer <credential>`). */
  async fromAuthorization(authorization: string): Promise<Viewer> {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (!match)
      throw new AuthError('The Authorization header must be "Bearer <credential>"', 'UNAUTHENTICATED');
    const token = match[1];
    if (token.startsWith('dmc_')) return this.fromApiKey(token);
    if (this.options.config.oidc && this.jwks) return this.fromToken(token, this.options.config.oidc);
    throw new AuthError('The bearer credential is not an API key of this service', 'UNAUTHENTICATED');
  }

  /** A request with no credential: the development viewer where trusted, else refused. */
  anonymous(headers: Headers): Viewer {
    if (!this.options.config.devViewerHeaders)
      throw new AuthError(
        'Authentication required: send "Authorization: Bearer <API key or OpenID Connect token>"',
        'UNAUTHENTICATED',
      );
    try {
      return viewerFromHeaders(headers) ?? DEVELOPMENT_VIEWER;
    } catch (error) {
      throw new AuthError((error as Error).message, 'BAD_USER_INPUT');
    }
  }

  /**
   * Whether an authenticated viewer's credential is still good (for open WebSockets): undefined when it is,
   * else why not (expired, revoked).
   */
  async credentialProblem(viewer: Viewer): Promise<string | undefined> {
    const credential = viewer.credential;
    if (!credential) return undefined;
    if (credential.expiresAt && credential.expiresAt.getTime() <= Date.now())
      return `the ${credential.kind === 'api-key' ? 'API key' : 'token'} has expired`;
    if (credential.kind !== 'api-key') return undefined;
    const row = await findKey(this.db(), credential.id);
    return row ? keyProblem(row) : 'the API key no longer exists';
  }

  private db() {
    const { pool } = this.options;
    return { query: <T>(text: string, params?: readonly unknown[]) => pool.query<T>(text, params ?? []) };
  }

  private async fromApiKey(key: string): Promise<Viewer> {
    const ttl = this.options.config.keyCacheMs ?? 0;
    if (ttl <= 0) return this.verifyApiKey(key);
    const digest = createHash('sha256').update(key).digest('base64');
    const cached = this.verified.get(digest);
    if (cached) return cached;
    const viewer = await this.verifyApiKey(key);
    const expires = viewer.credential?.expiresAt?.getTime() ?? Infinity;
    this.verified.set(digest, viewer, Math.min(ttl, expires - Date.now()));
    return viewer;
  }

  private async verifyApiKey(key: string): Promise<Viewer> {
    const parsed = parseKey(key);
    if (!parsed) throw new AuthError('The API key is malformed', 'UNAUTHENTICATED');
    const row = await findKey(this.db(), parsed.prefix);
    // One message for unknown prefix and wrong secret: nothing to learn from the difference.
    if (!row || !secretMatches(parsed.secret, row.secret_hash))
      throw new AuthError('The API key is not valid', 'UNAUTHENTICATED');
    const problem = keyProblem(row);
    if (problem) throw new AuthError(problem.charAt(0).toUpperCase() + problem.slice(1), 'UNAUTHENTICATED');
    this.touch(row);
    const credential = {
      kind: 'api-key' as const,
      id: row.prefix,
      trustedDocumentsOnly: row.trusted_documents_only,
      ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
      scopes: effectiveScopes(row.role, row.scopes),
    };
    const subject = `key:${row.prefix}`;
    if (row.role === 'SUPPLIER')
      return { role: 'SUPPLIER', supplierId: row.supplier_id as number, subject, credential };
    return { role: row.role, subject, credential };
  }

  /** Writes `last_used_at` at most once a minute per key, without holding up the request. */
  private touch(row: ApiKeyRow): void {
    if (this.touched.has(row.id)) return;
    if (row.last_used_at && Date.now() - row.last_used_at.getTime() < 60_000) return;
    this.touched.set(row.id, true, 60_000);
    this.options.pool
      .query('update api_key set last_used_at = now() where id = $1', [row.id])
      .catch((error: unknown) => this.options.log.warn('could not record a key use', { error }));
  }

  private async fromToken(token: string, oidc: OidcConfig): Promise<Viewer> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks as JWTVerifyGetKey, {
        issuer: oidc.issuer,
        audience: oidc.audience,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new AuthError(tokenRefusal(error), 'UNAUTHENTICATED');
    }
    const values = claimValues(payload, oidc.rolesClaim);
    const role = ROLE_RANK.find((r) => values.includes(oidc.roleValues[r]));
    if (!role)
      throw new AuthError(`The token's ${oidc.rolesClaim} claim names no role of this API`, 'FORBIDDEN');
    const credential = {
      kind: 'oidc' as const,
      id: `${payload.iss}#${payload.sub}`,
      trustedDocumentsOnly: false,
      expiresAt: new Date((payload.exp as number) * 1000),
    };
    const subject = `oidc:${payload.sub}`;
    if (role !== 'SUPPLIER') return { role, subject, credential };
    const raw = claim(payload, oidc.supplierClaim);
    const supplierId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
    if (typeof supplierId !== 'number' || !Number.isSafeInteger(supplierId) || supplierId < 1)
      throw new AuthError(
        `A SUPPLIER token needs a positive integer ${oidc.supplierClaim} claim`,
        'FORBIDDEN',
      );
    return { role, supplierId, subject, credential };
  }
}

function tokenRefusal(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not accepted here`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'The token signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token is signed by an unknown key';
  return 'The bearer token is not a valid token of the configured issuer';
}

function claim(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function claimValues(payload: JWTPayload, path: string): string[] {
  const value = claim(payload, path);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
