import { timingSafeEqual, createHash } from 'node:crypto';
import type express from 'express';
import type { WebSocket } from 'ws';
import type { AuthConfig } from '../../core/config';
import { isDatabaseUnavailable } from '../../core/db/unavailable';
import type { Viewer } from '../../core/graphql/context';
import type { Logger } from '../../core/logger';
import { AuthError, WS_CLOSE, type Authenticator } from './authenticate';

/**
 * Authentication at the server's edges, called from `src/server.ts`: an express middleware for the HTTP
 * routes (GraphQL GET and POST, exports), `connection_init` of graphql-ws, CORS and the metrics token.
 */

/** Default when the server is started without an auth configuration (tests, benches). */
export const defaultAuthConfig = (production: boolean): AuthConfig => ({
  devViewerHeaders: !production,
  recheckMs: 30_000,
});

/** The JSON body of a refused request, shaped like a GraphQL error response. */
export function refusalBody(error: AuthError) {
  return { errors: [{ message: error.message, extensions: { code: error.code } }] };
}

/**
 * Authenticates every request it sees: the viewer goes to `res.locals.viewer`; a refused request gets its
 * status (401 UNAUTHENTICATED with `WWW-Authenticate: Bearer`, 403, 400) and a GraphQL-shaped error body.
 */
export function authenticateHttp(authenticator: Authenticator, log: Logger): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    authenticator.fromHeaders(req.headers).then(
      (viewer) => {
        res.locals.viewer = viewer;
        next();
      },
      (error: unknown) => {
        // The key lookup needs PostgreSQL: while it is away the request is retryable, as any other read.
        if (isDatabaseUnavailable(error)) {
          log.warn('database unavailable while authenticating', { error });
          res.status(503).setHeader('retry-after', '1');
          res.json({
            errors: [
              {
                message: 'The database is unavailable (restarting or unreachable); retry the request shortly',
                extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
              },
            ],
          });
          return;
        }
        if (!(error instanceof AuthError)) {
          log.error('authentication failed unexpectedly', { error });
          res.status(500).json({
            errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          });
          return;
        }
        if (error.code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
        res.status(error.status).json(refusalBody(error));
      },
    );
  };
}

/** The viewer `authenticateHttp` found for this request. */
export const viewerOfResponse = (res: express.Response): Viewer => res.locals.viewer as Viewer;

/**
 * `connection_init` of graphql-ws: the credential is `connectionParams.authorization` ("Bearer …"), else the
 * upgrade request's `Authorization` header, else (where trusted) the development headers. Refused: the
 * socket is closed with 4401 (unauthenticated) or 4403 (forbidden). Accepted: the viewer is kept in
 * `extra.viewer`, and the socket is closed with 4401 when the credential expires or is revoked (checked
 * every `recheckMs`).
 */
export async function authenticateSocket(
  authenticator: Authenticator,
  config: AuthConfig,
  extra: { socket: WebSocket; request: { headers: Record<string, string | string[] | undefined> } },
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  log: Logger,
): Promise<Viewer | false> {
  const param = connectionParams?.authorization ?? connectionParams?.Authorization;
  let viewer: Viewer;
  try {
    if (param !== undefined && typeof param !== 'string')
      throw new AuthError(
        'connectionParams.authorization must be a string "Bearer <credential>"',
        'UNAUTHENTICATED',
      );
    viewer =
      param !== undefined
        ? await authenticator.fromAuthorization(param)
        : await authenticator.fromHeaders(extra.request.headers);
  } catch (error) {
    if (!(error instanceof AuthError)) {
      log.error('WebSocket authentication failed unexpectedly', { error });
      throw error;
    }
    extra.socket.close(
      error.code === 'FORBIDDEN' ? WS_CLOSE.FORBIDDEN : WS_CLOSE.UNAUTHENTICATED,
      error.message.slice(0, 120),
    );
    return false;
  }
  watchCredential(authenticator, config, extra.socket, viewer, log);
  return viewer;
}

/** Closes `socket` (4401) when the viewer's credential expires or is revoked. */
function watchCredential(
  authenticator: Authenticator,
  config: AuthConfig,
  socket: WebSocket,
  viewer: Viewer,
  log: Logger,
): void {
  const credential = viewer.credential;
  if (!credential) return;
  const end = (why: string) => {
    stop();
    socket.close(WS_CLOSE.CREDENTIAL_ENDED, `Credential ended: ${why}`.slice(0, 120));
  };
  const check = () => {
    authenticator.credentialProblem(viewer).then(
      (problem) => {
        if (problem) end(problem);
      },
      (error: unknown) => log.warn('could not re-check a WebSocket credential', { error }),
    );
  };
  const timers: NodeJS.Timeout[] = [setInterval(check, config.recheckMs)];
  if (credential.expiresAt) {
    const ms = credential.expiresAt.getTime() - Date.now();
    timers.push(setTimeout(check, Math.min(Math.max(ms, 0) + 10, 2_147_000_000)));
  }
  for (const timer of timers) timer.unref();
  const stop = () => timers.forEach((timer) => clearTimeout(timer));
  socket.once('close', stop);
}

/**
 * CORS for the HTTP routes: browsers on an origin of `allowed` (CORS_ORIGINS) may call them with
 * credentials in `Authorization`; other origins get no CORS headers (the browser withholds the response)
 * and their preflights a 403.
 */
export function cors(allowed: readonly string[]): express.RequestHandler {
  const origins = new Set(allowed);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    res.vary('Origin');
    const ok = origins.has(origin);
    if (ok) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader(
        'access-control-expose-headers',
        'x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
      );
    }
    if (req.method !== 'OPTIONS') return next();
    if (!ok) return void res.status(403).end();
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, accept, x-request-id, apollo-require-preflight',
    );
    res.setHeader('access-control-max-age', '600');
    res.status(204).end();
  };
}

/** `GET /metrics` behind `Authorization: Bearer <METRICS_TOKEN>` when a token is configured. */
export function metricsGuard(token: string | undefined): express.RequestHandler {
  const expected = token ? createHash('sha256').update(token).digest() : undefined;
  return (req, res, next) => {
    if (!expected) return next();
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const given = createHash('sha256')
      .update(match?.[1] ?? '')
      .digest();
    if (match && timingSafeEqual(given, expected)) return next();
    res.setHeader('www-authenticate', 'Bearer');
    res.status(401).json({
      errors: [
        {
          message: 'GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  };
}
