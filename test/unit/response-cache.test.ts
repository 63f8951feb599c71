import { ResponseCache } from '../../src/core/graphql/response-cache';

/*
 * The response cache's own rules, apart from the server (test/server/response-cache.test.ts covers its use):
 * bounded by the bytes of the JSON text it holds, least recently used out first, and every entry dropped as
 * soon as a newer catalogue version is seen, since no request can ask for an older one again.
 */

const text = (chars: number, fill = 'x') => JSON.stringify({ v: fill.repeat(chars) });

describe('ResponseCache', () => {
  it('returns the text stored under a key, and counts the bytes of text, key and entry', () => {
    const cache = new ResponseCache(1 << 20);
    const stored = text(1_000);
    cache.set('7:abc', stored);
    expect(cache.get('7:abc')).toBe(stored);
    expect(cache.get('7:other')).toBeUndefined();
    expect(cache.count).toBe(1);
    expect(cache.bytes).toBeGreaterThan(stored.length + '7:abc'.length);
    expect(cache.bytes).toBeLessThan(stored.length + 200);
  });

  it('counts two bytes a character for text outside Latin-1 (as V8 stores it)', () => {
    const latin = new ResponseCache(1 << 20);
    const wide = new ResponseCache(1 << 20);
    latin.set('1:a', text(10_000, 'é'));
    wide.set('1:a', text(10_000, '€'));
    expect(wide.bytes - latin.bytes).toBeGreaterThanOrEqual(10_000);
  });

  it('drops the least recently used entries to stay within its bound, and tells the listener', () => {
    const dropped: number[] = [];
    const cache = new ResponseCache(3_500, (n) => dropped.push(n));
    for (const key of ['1:a', '1:b', '1:c']) cache.set(key, text(1_000));
    expect(cache.count).toBe(3);
    cache.get('1:a'); // 'a' is now the most recently used: 'b' is the oldest
    cache.set('1:d', text(1_000));
    expect(cache.count).toBe(3);
    expect(cache.get('1:b')).toBeUndefined();
    expect(['1:a', '1:c', '1:d'].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true]);
    expect(cache.bytes).toBeLessThanOrEqual(3_500);
    expect(dropped).toEqual([1]);
    expect(cache.evictions).toBe(1);
  });

  it('does not store a text larger than the whole cache', () => {
    const cache = new ResponseCache(500);
    cache.set('1:big', text(1_000));
    expect(cache.count).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('replacing a key keeps one entry and its size', () => {
    const cache = new ResponseCache(1 << 20);
    cache.set('1:a', text(1_000));
    const before = cache.bytes;
    cache.set('1:a', text(1_000, 'y'));
    expect(cache.count).toBe(1);
    expect(cache.bytes).toBe(before);
    expect(cache.get('1:a')).toBe(text(1_000, 'y'));
  });

  it('drops every entry when a newer catalogue version is first seen, by a lookup or a store', () => {
    const dropped: number[] = [];
    const cache = new ResponseCache(1 << 20, (n) => dropped.push(n));
    cache.set('9:a', text(100));
    cache.set('9:b', text(100));
    expect(cache.get('10:a')).toBeUndefined(); // the catalogue changed: version 10
    expect(cache.count).toBe(0);
    expect(cache.bytes).toBe(0);
    expect(dropped).toEqual([2]);
    cache.set('10:a', text(100));
    cache.set('11:a', text(100)); // a store for a newer version supersedes too
    expect(cache.get('10:a')).toBeUndefined();
    expect(cache.get('11:a')).toBe(text(100));
    expect(dropped).toEqual([2, 1]);
    expect(cache.evictions).toBe(3);
  });

  it('compares versions as numbers, not as text', () => {
    const cache = new ResponseCache(1 << 20);
    cache.set('9:a', text(10));
    cache.set('10:a', text(10)); // '10' < '9' as text, but newer
    expect(cache.get('10:a')).toBe(text(10));
    expect(cache.get('9:a')).toBeUndefined();
  });

  it('neither stores nor serves an answer for an older version (a lagging replica), and keeps the newer entries', () => {
    const cache = new ResponseCache(1 << 20);
    cache.set('12:a', text(10));
    cache.set('11:a', text(20));
    expect(cache.get('11:a')).toBeUndefined();
    expect(cache.get('12:a')).toBe(text(10));
    expect(cache.count).toBe(1);
  });
});
