import { setMaxListeners } from 'node:events';
import { QueryTimeoutError } from '../db/sql-pool';

/** Largest HTTP body or WebSocket message accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Statements of one request that may wait on its cancellation signal at once (aliases × batched loads). */
const STATEMENTS_IN_FLIGHT = 1000;

/**
 * The cancellation of one operation (over HTTP or a socket): `signal` aborts with a QueryTimeoutError when
 * `timeoutMs` passes; `finish()` ends it (clears the deadline), `finish('client closed')` also aborts, for a
 * client gone before its answer.
 */
export function operationDeadline(timeoutMs: number): {
  signal: AbortSignal;
  finish: (reason?: 'client closed') => void;
} {
  const controller = new AbortController();
  // Each statement in flight listens for the cancellation (and stops listening when done); a request with
  // many aliases waiting for a connection has more than Node's default 10 at once: not a leak.
  setMaxListeners(STATEMENTS_IN_FLIGHT, controller.signal);
  const timer = setTimeout(() => controller.abort(new QueryTimeoutError(timeoutMs, 'deadline')), timeoutMs);
  timer.unref();
  return {
    signal: controller.signal,
    finish: (reason) => {
      clearTimeout(timer);
      if (reason) controller.abort(new QueryTimeoutError(timeoutMs, reason));
    },
  };
}
