import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** `{ authorization: 'Bearer <key>' }`: the header of an API key over HTTP, and its graphql-ws connectionParams. */
export const bearer = (key: string): { authorization: string } => ({ authorization: `Bearer ${key}` });

/**
 * A graphql-ws client for a server's /graphql: `connectionParams` go with its `connection_init` (e.g.
 * `bearer(key)`, how a client authenticates there), `headers` with its upgrade request.
 */
export function wsClient(
  url: string,
  connectionParams: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WithHeaders,
    connectionParams,
    retryAttempts: 0,
  });
}

/** The first result of one operation over graphql-ws, or its errors (`{ refused }`) when refused. */
export function firstResult(client: Client, payload: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe(payload as { query: string }, {
      next: (value) => resolve(value),
      error: (errors) => resolve({ refused: errors }),
      complete: () => undefined,
    });
  });
}
