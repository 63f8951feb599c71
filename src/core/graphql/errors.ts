import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { translateDbError } from '../db/db-errors';
import { QueryTimeoutError } from '../db/sql-pool';
import type { Logger } from '../logger';
import { QueryTooComplexError, tokenLimitError } from './limits';

/**
 * Error codes clients can rely on (`extensions.code`). Messages say what was expected and what arrived.
 */
export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  DOMAIN_RULE_VIOLATION: 'DOMAIN_RULE_VIOLATION',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export function notFound(what: string, key: string, value: unknown): GraphQLError {
  return new GraphQLError(`No ${what} with ${key} ${JSON.stringify(value)}`, {
    extensions: { code: ErrorCode.NOT_FOUND, [key]: value },
  });
}

export function badUserInput(argument: string, expected: string, received: unknown): GraphQLError {
  return new GraphQLError(
    `Argument "${argument}" must be ${expected}; received ${JSON.stringify(received)}`,
    {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
    },
  );
}

const CLIENT_CODES = new Set<string>([
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.DOMAIN_RULE_VIOLATION,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.QUERY_TIMEOUT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Apollo's formatError: client errors pass through; a database rule violation becomes
 * DOMAIN_RULE_VIOLATION with its stable rule code; anything else is logged and, in production, masked.
 */
export function makeFormatError(options: { production: boolean; log: Logger }) {
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
    const rule = translateDbError(original);
    if (rule) {
      return {
        message: rule.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: ErrorCode.DOMAIN_RULE_VIOLATION,
          rule: rule.code,
          constraint: rule.constraint,
          hint: rule.hint,
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
