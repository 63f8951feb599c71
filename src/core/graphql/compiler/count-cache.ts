import type { DeferredCount } from './compiler';

/**
 * Exact total counts, reused. Counting a large filtered set costs more than the page itself (a 40,000-row
 * count is most of a request's database time), and the catalogue changes rarely. Every statement that writes
 * a catalogue table bumps `catalogue_version` in its own transaction, so the count at version v is the same
 * in every snapshot at version v: a cached count is reused only when the page's snapshot has the version it
 * was computed at. Any catalogue write makes every cached count miss once.
 */
const MAX_ENTRIES = 1000;
const cache = new Map<string, { version: string; n: number }>();

type Run = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export async function resolveCount(count: DeferredCount, version: string, run: Run): Promise<number> {
  const key = count.sql + '\u0000' + JSON.stringify(count.params);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.n;
  const [row] = await run<{ n: number; version: string }>(count.sql, count.params);
  cache.delete(key);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { version: row.version, n: row.n });
  return row.n;
}
