/**
 * Structured logs: one JSON object per line on stdout (stderr for warn and error), with a timestamp, a level,
 * a message and fields. Small on purpose: the platform's needs are covered and nothing is buffered.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
};

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      code: (value as { code?: unknown }).code,
      stack: value.stack,
    };
  }
  return value;
}

export function createLogger(level: LogLevel = 'info', base: LogFields = {}): Logger {
  const write = (at: LogLevel, msg: string, fields?: LogFields): void => {
    if (RANK[at] < RANK[level]) return;
    const record: Record<string, unknown> = { time: new Date().toISOString(), level: at, msg, ...base };
    for (const [key, value] of Object.entries(fields ?? {})) record[key] = serialise(value);
    const line = JSON.stringify(record) + '\n';
    (RANK[at] >= RANK.warn ? process.stderr : process.stdout).write(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}

/** A logger that drops everything; for tests that do not assert on logs. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
