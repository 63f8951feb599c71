import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client on a server's /graphql, with optional headers (e.g. the dev viewer). */
export function wsClient(httpUrl: string, headers: Record<string, string> = {}): WsClient {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WithHeaders,
    retryAttempts: 0,
    lazy: false,
  });
}

export type EventOf = { __typename: string; cursor: string; type: string; [field: string]: unknown };

/** A running subscription collecting what it receives. */
export type Collector = {
  events: EventOf[];
  errors: unknown[];
  /** Resolves when at least `n` events have arrived (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<EventOf[]>;
  stop(): void;
};

export function collect(
  client: WsClient,
  query: string,
  variables: Record<string, unknown> = {},
  field = 'epclEvents',
): Collector {
  const events: EventOf[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const stop = client.subscribe<Record<string, EventOf>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data?.[field]) events.push(result.data[field]);
        waiters.forEach((w) => w());
      },
      error: (error) => {
        errors.push(error);
        waiters.forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    stop,
    waitFor: (n, ms = 10_000) =>
      new Promise<EventOf[]>((resolve, reject) => {
        const check = () => {
          if (events.length >= n) {
            clearTimeout(timer);
            resolve(events);
          } else if (errors.length) {
            clearTimeout(timer);
            reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
          }
        };
        const timer = setTimeout(
          () => reject(new Error(`timed out with ${events.length} of ${n} events`)),
          ms,
        );
        waiters.push(check);
        check();
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
