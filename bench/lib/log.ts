/**
 * Progress goes to stderr, results to stdout: `npm run -s bench:catalogue | tail -1` must yield the JSON line
 * whatever the progress chatter says.
 */
const started = Date.now();

export function progress(msg: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench +${seconds}s] ${msg}\n`);
}

export function result(line: string): void {
  process.stdout.write(`${line}\n`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
