/** The error the launcher throws: a stable code, a message, a hint and the last server output. */
export type EmbeddedPostgresErrorCode =
  | 'EMBEDDED_PG_UNSUPPORTED_PLATFORM'
  | 'EMBEDDED_PG_BINARIES_MISSING'
  | 'EMBEDDED_PG_BINARIES_UNUSABLE'
  | 'EMBEDDED_PG_NO_POSTGRES_USER'
  | 'EMBEDDED_PG_TMPDIR_UNUSABLE'
  | 'EMBEDDED_PG_DATA_DIR_INVALID'
  | 'EMBEDDED_PG_DATA_DIR_INCOMPATIBLE'
  | 'EMBEDDED_PG_DATA_DIR_IN_USE'
  | 'EMBEDDED_PG_INITDB_FAILED'
  | 'EMBEDDED_PG_PASSWORD_RESET_FAILED'
  | 'EMBEDDED_PG_START_FAILED'
  | 'EMBEDDED_PG_START_TIMEOUT'
  | 'EMBEDDED_PG_AUTH_FAILED'
  | 'EMBEDDED_PG_CREATE_DATABASE_FAILED';

export class EmbeddedPostgresError extends Error {
  readonly code: EmbeddedPostgresErrorCode;
  readonly hint?: string;
  /** Last lines PostgreSQL / initdb printed, oldest first (also summarised in the message). */
  readonly output?: string[];

  constructor(
    code: EmbeddedPostgresErrorCode,
    message: string,
    extra: { hint?: string; output?: string[]; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'EmbeddedPostgresError';
    this.code = code;
    this.hint = extra.hint;
    this.output = extra.output;
  }
}

export const FALLBACK_HINT = 'set DATABASE_URL to use an existing PostgreSQL server instead';
