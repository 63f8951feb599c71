import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { tracing } from './tracing';

/**
 * Structured logs with pino: one JSON object per line on stdout, with an ISO timestamp, the level as a word
 * (`"level":"info"`), a message (`msg`) and fields. Errors under `error` or `err` are serialised with their
 * type, message, code, stack and cause. Nothing else in the process writes to stdout: the embedded
 * PostgreSQL launcher, the event relay, MikroORM and knex, Apollo and the HTTP request logs (pino-http, on
 * `Logger.pino`) all log through here.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  /** The pino logger underneath, for libraries that take one (pino-http). */
  readonly pino: PinoLogger;
};

export type LoggerOptions = {
  /** Fields on every line (e.g. `service`). */
  base?: LogFields;
  /** Where lines go; stdout (synchronously, so nothing is lost on `process.exit`) by default. */
  destination?: DestinationStream;
};

export function createLogger(level: LogLevel | 'silent' = 'info', options: LoggerOptions = {}): Logger {
  // With tracing on, each line written inside a traced request carries its trace_id and span_id.
  const traces = tracing();
  const instance = pino(
    {
      level,
      base: { ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
      ...(traces ? { mixin: () => traces.logFields() } : {}),
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return wrap(instance);
}

/** Our `Logger` over an existing pino logger. */
export function wrap(instance: PinoLogger): Logger {
  return {
    debug: (msg, fields) => (fields ? instance.debug(fields, msg) : instance.debug(msg)),
    info: (msg, fields) => (fields ? instance.info(fields, msg) : instance.info(msg)),
    warn: (msg, fields) => (fields ? instance.warn(fields, msg) : instance.warn(msg)),
    error: (msg, fields) => (fields ? instance.error(fields, msg) : instance.error(msg)),
    child: (fields) => wrap(instance.child(fields)),
    pino: instance,
  };
}

/** A logger that drops everything; for tests that do not assert on logs. */
export const silentLogger: Logger = wrap(pino({ level: 'silent' }));
