import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { WebSocketServer } from 'ws';
import type { Logger } from '../logger';

/*
 * GraphQL over WebSocket (graphql-ws) hygiene, beside the 1 MB `maxPayload` of the WebSocketServer:
 * which browser pages may open a socket, how long a socket may stay silent before `connection_init`, and
 * how often the server pings (a client that does not answer a ping by the next one is dropped).
 */

/** A socket that has not sent `connection_init` by then is closed (4408). */
export const WS_CONNECTION_INIT_TIMEOUT_MS = 5_000;

/** The server pings every client this often; one that did not answer the previous ping is terminated. */
export const WS_KEEP_ALIVE_MS = 12_000;

/**
 * Whether a WebSocket upgrade may proceed: no `Origin` (a non-browser client), the page's own origin (the
 * `Origin` host is the `Host` the request was sent to), or one of `allowed` (CORS_ORIGINS). Browsers always
 * send `Origin` on a WebSocket, and a page cannot forge it, so a foreign page cannot use a visitor's
 * credentials here (cross-site WebSocket hijacking).
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** For `new WebSocketServer({ verifyClient })`: refuses a foreign `Origin` with 403 before the upgrade. */
export function verifyOrigin(allowed: readonly string[]) {
  return (
    info: { origin: string; secure: boolean; req: IncomingMessage },
    done: (result: boolean, code?: number, message?: string) => void,
  ): void => {
    if (originAllowed(info.req, allowed)) done(true);
    else done(false, 403, 'Origin not allowed');
  };
}

/**
 * A subscription sent over HTTP is refused with a 400 BAD_REQUEST that says where to send it, instead of
 * failing inside the server.
 */
export function subscriptionsOverWebSocketOnly(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION)
            throw new GraphQLError(
              'Subscriptions are served over WebSocket only (graphql-ws protocol, graphql-transport-ws): connect a graphql-ws client to this same /graphql URL with ws:// or wss://',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
        },
      };
    },
  };
}

/**
 * graphql-ws reports an error on a socket with a raw `console.error` (not a log line), e.g. ws's
 * WS_ERR_UNSUPPORTED_MESSAGE_LENGTH for a message over `maxPayload` (ws has already closed that socket with
 * 1009). Call after `useServer`: each socket's error goes to `log` instead (a client's fault is a warning),
 * and the socket is closed as graphql-ws would close it (1011, unless ws already closed it).
 */
export function logSocketErrors(wsServer: WebSocketServer, log: Logger, production: boolean): void {
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.once('error', (error: Error & { code?: string }) => {
      log.warn('websocket error; closing the socket', { code: error.code, error: error.message });
      socket.close(1011, production ? 'Internal server error' : error.message.slice(0, 120));
    });
  });
}
