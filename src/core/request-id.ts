import { randomUUID } from 'node:crypto';

const VALID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The request id of a request: the client's `x-request-id` when it is 1 to 128 characters of
 * `[A-Za-z0-9._-]` (so it is safe in logs and headers), otherwise a new UUID.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && VALID.test(header) ? header : randomUUID();
}
