/**
 * True when an error means that PostgreSQL is not reachable or not serving right now (refused or dropped
 * connections, a server shutting down or starting up), as opposed to a problem with the request: the same
 * request may succeed when retried. Reported to clients as `DATABASE_UNAVAILABLE` (HTTP 503, retryable).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, name, cause, errors, thrownValue } = error as {
    thrownValue?: unknown;
    code?: unknown;
    message?: unknown;
    name?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const text = typeof code === 'string' ? code : '';
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN)$/.test(text)) return true;
  // SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now (starting up).
  if (/^08...$/.test(text) || ['57P01', '57P02', '57P03'].includes(text)) return true;
  if (name === 'ConnectionException') return true;
  // (knex reports a transaction whose connection was lost mid-way as "Transaction query already complete".)
  if (
    typeof message === 'string' &&
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|is not queryable|Transaction query already complete|\b(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT)\b|Connection terminated due to connection timeout|Client has encountered a connection error/i.test(
      message,
    )
  )
    return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  // graphql-js wraps a thrown value that is not an Error (e.g. from another realm) as NonErrorThrown.
  if (thrownValue !== undefined && isDatabaseUnavailable(thrownValue, depth + 1)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
