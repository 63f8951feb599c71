/**
 * A Map held in memory with a bound and a time to live per entry, for per-credential state kept between
 * requests (rate-limit budgets, verified API keys, key-use timestamps): the number of distinct credentials
 * or addresses a client can send is unbounded, so the memory must not be.
 *
 * - `set` (re)inserts an entry as the newest; `get` does not reorder (the order is that of the `set`s).
 * - Past `maxEntries`, `set` first drops the oldest entry.
 * - An entry past its time to live is never returned (`get`/`has` drop it); `set` also sweeps expired
 *   entries from the oldest end, which frees them all when lifetimes are equal (a fixed window), and the
 *   oldest ones otherwise (the rest are dropped when read, or when the bound pushes them out).
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(private readonly options: { maxEntries: number; now?: () => number }) {
    if (!(options.maxEntries >= 1)) throw new RangeError('BoundedMap needs maxEntries >= 1');
  }

  /** The value of `key`, unless absent or expired. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets `key` as the newest entry, expiring `ttlMs` from now (default: never, only the bound drops it). */
  set(key: K, value: V, ttlMs = Infinity): this {
    const now = this.now();
    this.sweep(now);
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs });
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries from the oldest end, up to the first live one. */
  sweep(now = this.now()): void {
    for (const [key, entry] of this.entries) {
      if (now < entry.expiresAt) return;
      this.entries.delete(key);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
