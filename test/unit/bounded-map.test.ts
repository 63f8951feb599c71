import { BoundedMap } from '../../src/core/bounded-map';

describe('BoundedMap (a bound and a time to live per entry)', () => {
  let now = 0;
  const map = (maxEntries: number) => new BoundedMap<string, number>({ maxEntries, now: () => now });
  beforeEach(() => {
    now = 1_000;
  });

  it('returns an entry until its time to live has passed, then forgets it', () => {
    const m = map(10);
    m.set('a', 1, 100).set('b', 2);
    now += 99;
    expect(m.get('a')).toBe(1);
    now += 1;
    expect(m.get('a')).toBeUndefined();
    expect(m.has('a')).toBe(false);
    expect(m.size).toBe(1); // dropped when read
    expect(m.get('b')).toBe(2); // no time to live: only the bound drops it
  });

  it('drops the oldest entry past the bound; setting a key again makes it the newest', () => {
    const m = map(3);
    m.set('a', 1).set('b', 2).set('c', 3);
    m.set('a', 10); // 'a' is now the newest
    m.set('d', 4); // over 3: 'b', the oldest, goes
    expect(m.size).toBe(3);
    expect(m.get('b')).toBeUndefined();
    expect([m.get('a'), m.get('c'), m.get('d')]).toEqual([10, 3, 4]);
    m.get('c'); // reading does not reorder
    m.set('e', 5);
    expect(m.get('c')).toBeUndefined();
  });

  it('sweeps expired entries from the oldest end when setting, up to the first live one', () => {
    const m = map(100);
    m.set('a', 1, 10).set('b', 2, 10).set('long', 3, 1_000).set('c', 4, 10);
    now += 10;
    m.set('d', 5, 10);
    // a and b swept; c (expired behind a live entry) is kept until read or pushed out
    expect(m.size).toBe(3);
    expect(m.get('c')).toBeUndefined();
    expect(m.size).toBe(2);
    m.sweep(now + 1_000);
    expect(m.size).toBe(0);
  });

  it('deletes and clears, and refuses a bound below one', () => {
    const m = map(2);
    m.set('a', 1).set('b', 2);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    m.clear();
    expect(m.size).toBe(0);
    expect(() => map(0)).toThrow(RangeError);
  });
});
