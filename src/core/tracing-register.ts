import { startTracing } from './tracing';

/**
 * Imported first by src/main.ts (before anything loads `http`, `pg` or `express`): starts OpenTelemetry
 * tracing when the environment asks for it, so its instrumentations wrap those modules as they load. It can
 * also be preloaded: `node --require ./dist/src/core/tracing-register.js dist/src/main.js`.
 */
startTracing(process.env);
