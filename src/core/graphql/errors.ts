import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { translateDbError } from '../db/db-errors';
import { QueryTimeoutError } from '../db/sql-pool';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { Logger } from '../logger';
import { QueryTooComplexError, tokenLimitError } from './limits';

/**
 * Error codes clients can rely on (`extensions.code`). Messages say what was expected and what arrived.
 */
export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  DOMAIN_RULE_VIOLATION: 'DOMAIN_RULE_VIOLATION',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** PostgreSQL is unreachable or restarting: HTTP 503, `extensions.retryable: true`; retry after a pause. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** At most this many characters of a client's value are echoed in an error. */
export const ECHO_LIMIT = 200;

/** A client's value as JSON, cut to ECHO_LIMIT characters (with "…") so that errors never echo large input. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > ECHO_LIMIT ? text.slice(0, ECHO_LIMIT) + '…' : text;
  return typeof value === 'string' ? JSON.stringify(cut) : cut;
}

/** Quoted strings longer than ECHO_LIMIT in a message (GraphQL's own coercion errors echo values whole), cut. */
const LONG_QUOTED = new RegExp(`"((?:[^"\\\\]|\\\\.){${ECHO_LIMIT}})(?:[^"\\\\]|\\\\.)+"`, 'g');
function shorten(message: string): string {
  return message.length > ECHO_LIMIT ? message.replace(LONG_QUOTED, '"$1…"') : message;
}

export function notFound(what: string, key: string, value: unknown): GraphQLError {
  const shown =
    typeof value === 'string' && value.length > ECHO_LIMIT ? value.slice(0, ECHO_LIMIT) + '…' : value;
  return new GraphQLError(`No ${what} with ${key} ${quote(value)}`, {
    extensions: { code: ErrorCode.NOT_FOUND, [key]: shown },
  });
}

/** What a client sent that cannot be used: the argument, what it must be, and what arrived (cut). */
export function badUserInput(argument: string, expected: string, received: unknown): GraphQLError {
  return new GraphQLError(`Argument "${argument}" must be ${expected}; received ${quote(received)}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
  });
}

const CLIENT_CODES = new Set<string>([
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.DOMAIN_RULE_VIOLATION,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.QUERY_TIMEOUT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Apollo's formatError: client errors pass through; a database rule violation becomes
 * DOMAIN_RULE_VIOLATION with its stable rule code; anything else is logged and, in production, masked.
 */
export function makeFormatError(options: { production: boolean; log: Logger }) {
  const format = formatError(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let result = format(formatted, error);
    // `http` is Apollo's instruction for the response status, not for the client.
    if (result.extensions && 'http' in result.extensions) {
      const { http: _http, ...extensions } = result.extensions;
      result = { ...result, extensions };
    }
    return result.message.length > ECHO_LIMIT ? { ...result, message: shorten(result.message) } : result;
  };
}

function formatError(options: { production: boolean; log: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo gives every validation error GRAPHQL_VALIDATION_FAILED, and the parser's token limit is a
    // GRAPHQL_PARSE_FAILED: a limit's refusal keeps its own code.
    if (error instanceof GraphQLError && error.originalError instanceof QueryTooComplexError) {
      const { http: _http, ...extensions } = error.originalError.extensions;
      return { message: error.originalError.message, extensions };
    }
    const tokens = tokenLimitError(error);
    if (tokens) return tokens;
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof QueryTimeoutError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.QUERY_TIMEOUT, timeoutMs: original.timeoutMs },
      };
    }
    if (isDatabaseUnavailable(original)) {
      options.log.warn('database unavailable', { error: original, path: formatted.path });
      return {
        message: 'The database is unavailable (restarting or unreachable); retry the request shortly',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true },
      };
    }
    const rule = translateDbError(original);
    if (rule) {
      if (options.production)
        options.log.warn('database rule violation', { rule: rule.code, error: rule.message });
      return {
        // In production, PostgreSQL's own text (values, table and column names) stays in the logs.
        message: options.production
          ? (rule.explanation ?? `The request breaks the database rule ${rule.code}`)
          : rule.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: ErrorCode.DOMAIN_RULE_VIOLATION,
          rule: rule.code,
          constraint: rule.constraint,
          hint: options.production ? undefined : rule.hint,
        },
      };
    }
    options.log.error('unexpected error while executing an operation', {
      error: original,
      path: formatted.path,
    });
    if (!options.production)
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
