import autocannon from 'autocannon';
import { childrenCpuSeconds, cpuSeconds } from './processes';

export type LoadOptions = { connections: number; warmupSeconds: number; durationSeconds: number };

export type RoundResult = {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body differed from the verified answer (only counted when the answer is stable). */
  mismatches: number;
  /** Share of one core the server process used during the measured window, in %. */
  serverCpu: number | undefined;
  /** Share of one core all PostgreSQL backends used during the measured window, in %. */
  postgresCpu: number | undefined;
};

export type Target = {
  url: string;
  body: string;
  /** The verified response body, when it is byte-identical across requests. */
  expectBody: string | undefined;
  serverPid: number | undefined;
  postmasterPid: number | undefined;
  /** Extra request headers (e.g. `cache-control: no-cache` to measure the engine without response caching). */
  headers?: Record<string, string>;
};

const HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
/** Headers one target needs beyond those (our server in production mode: its API key). */
const EXTRA_HEADERS = new Map<string, Record<string, string>>();
export function targetHeaders(url: string, headers: Record<string, string>): void {
  EXTRA_HEADERS.set(url, headers);
}
const headersFor = (url: string) => ({ ...HEADERS, ...EXTRA_HEADERS.get(url) });

/** One round: a warm-up run whose figures are thrown away, then the measured run (closed loop, keep-alive). */
export async function round(target: Target, options: LoadOptions): Promise<RoundResult> {
  const base = {
    url: target.url,
    connections: options.connections,
    method: 'POST' as const,
    headers: { ...headersFor(target.url), ...target.headers },
    body: target.body,
    expectBody: target.expectBody,
    timeout: 10,
  };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });

  const serverBefore = cpuSeconds(target.serverPid);
  const pgBefore = childrenCpuSeconds(target.postmasterPid);
  const startedAt = process.hrtime.bigint();
  const r = await autocannon({ ...base, duration: options.durationSeconds });
  const elapsed = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const serverAfter = cpuSeconds(target.serverPid);
  const pgAfter = childrenCpuSeconds(target.postmasterPid);

  let postgresCpu: number | undefined;
  if (pgBefore && pgAfter) {
    let seconds = 0;
    // Backends that started during the run count from zero; one that exited mid-run is lost (rare: pools).
    for (const [pid, after] of pgAfter) seconds += after - (pgBefore.get(pid) ?? 0);
    postgresCpu = (seconds / elapsed) * 100;
  }
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: r.mismatches,
    serverCpu:
      serverBefore !== undefined && serverAfter !== undefined
        ? ((serverAfter - serverBefore) / elapsed) * 100
        : undefined,
    postgresCpu,
  };
}

/** POSTs the query once and returns the raw body; a non-200 status is an error carrying the body. */
export async function ask(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headersFor(url), ...headers },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 1000)}`);
  return text;
}

/** `n` requests one after another, each checked, so a statement count divides by answered requests only. */
export async function sequential(
  url: string,
  body: string,
  n: number,
  headers: Record<string, string> = {},
): Promise<void> {
  for (let i = 0; i < n; i++) {
    const text = await ask(url, body, headers);
    if ((JSON.parse(text) as { errors?: unknown }).errors !== undefined) {
      throw new Error(`request ${i + 1} of ${n} answered with errors: ${text.slice(0, 500)}`);
    }
  }
}
