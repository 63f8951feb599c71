import type http from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Viewer } from '../../src/core/graphql/context';

/**
 * Viewers with a credential before authentication exists, through the server's test-only `testViewer` seam:
 * `Authorization: Bearer <key>` names one of `keys`, whose viewer is returned as it is; other requests get
 * the usual (development) viewer. Once real API keys exist, tests can send real keys the same way.
 */
export function bearerViewers(keys: Record<string, Viewer>) {
  return (headers: http.IncomingHttpHeaders): Viewer | undefined => {
    const match = /^Bearer (.+)$/.exec(headers.authorization ?? '');
    return match ? keys[match[1]] : undefined;
  };
}

/** A supplier viewer holding an API key (`id` its prefix), optionally restricted to trusted documents. */
export function supplierKey(id: string, supplierId: number, trustedDocumentsOnly = false): Viewer {
  return {
    role: 'SUPPLIER',
    supplierId,
    subject: `api-key:${id}`,
    credential: { kind: 'api-key', id, trustedDocumentsOnly },
  };
}

/** A graphql-ws client for a server's /graphql that sends `headers` on its upgrade request. */
export function wsClient(url: string, headers: Record<string, string> = {}): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WithHeaders, retryAttempts: 0 });
}

/** The first result of one operation over graphql-ws, or its errors (`{ errors }`) when refused. */
export function firstResult(client: Client, payload: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe(payload as { query: string }, {
      next: (value) => resolve(value),
      error: (errors) => resolve({ refused: errors }),
      complete: () => undefined,
    });
  });
}
