/** Largest HTTP body or WebSocket message accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Statements of one request that may wait on its cancellation signal at once (aliases × batched loads). */
export const STATEMENTS_IN_FLIGHT = 1000;
