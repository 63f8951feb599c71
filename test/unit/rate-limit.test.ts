import { RateLimiter, rateLimitHeaders, rateLimitKey } from '../../src/core/graphql/rate-limit';

describe('RateLimiter (a fixed window per budget, in memory)', () => {
  let now = 0;
  const limiter = (maxKeys?: number) =>
    new RateLimiter(
      { windowSeconds: 10, points: { SUPPLIER: 100, DCC_ANALYST: 0 } },
      { now: () => now, maxKeys },
    );
  beforeEach(() => {
    now = 1_000_000;
  });

  it('spends costs until the next one does not fit, refuses it without spending, and restores the budget after the window', () => {
    const l = limiter();
    expect(l.spend('k', 'SUPPLIER', 60)).toEqual({
      allowed: true,
      cost: 60,
      limit: 100,
      remaining: 40,
      resetSeconds: 10,
      windowSeconds: 10,
    });
    now += 2_500;
    expect(l.spend('k', 'SUPPLIER', 41)).toMatchObject({ allowed: false, remaining: 40, resetSeconds: 8 });
    expect(l.spend('k', 'SUPPLIER', 40)).toMatchObject({ allowed: true, remaining: 0 });
    expect(l.peek('k', 'SUPPLIER')).toMatchObject({ remaining: 0, resetSeconds: 8 });
    now += 7_500; // the window (10 s from the first spend) has ended
    expect(l.peek('k', 'SUPPLIER')).toMatchObject({ remaining: 100, resetSeconds: 0 });
    expect(l.spend('k', 'SUPPLIER', 41)).toMatchObject({ allowed: true, remaining: 59, resetSeconds: 10 });
  });

  it('spends at least one point, rounding costs up', () => {
    const l = limiter();
    expect(l.spend('k', 'SUPPLIER', 0)).toMatchObject({ cost: 1, remaining: 99 });
    expect(l.spend('k', 'SUPPLIER', 1.2)).toMatchObject({ cost: 2, remaining: 97 });
  });

  it('keeps a budget per key, and none for a role without a rate limit', () => {
    const l = limiter();
    l.spend('a', 'SUPPLIER', 100);
    expect(l.spend('b', 'SUPPLIER', 100)).toMatchObject({ allowed: true });
    expect(l.spend('a', 'DCC_ANALYST', 1_000_000)).toBeUndefined();
    expect(l.spend('a', 'DCC_ADMIN', 1_000_000)).toBeUndefined();
  });

  it('forgets ended windows, and the oldest budget when too many keys are held', () => {
    const l = limiter(3);
    l.spend('a', 'SUPPLIER', 1);
    now += 5_000;
    l.spend('b', 'SUPPLIER', 1);
    l.spend('c', 'SUPPLIER', 1);
    l.spend('d', 'SUPPLIER', 1); // over 3 keys: 'a' is forgotten
    expect(l.size).toBe(3);
    expect(l.peek('a', 'SUPPLIER')).toMatchObject({ remaining: 100 });
    now += 10_000;
    l.spend('e', 'SUPPLIER', 1); // b, c and d have ended
    expect(l.size).toBe(1);
  });

  it('keys budgets by credential, else by address', () => {
    expect(
      rateLimitKey(
        {
          role: 'SUPPLIER',
          supplierId: 1,
          credential: { kind: 'api-key', id: 'dmc_ab', trustedDocumentsOnly: false },
        },
        '10.0.0.1',
      ),
    ).toBe('api-key:dmc_ab');
    expect(rateLimitKey({ role: 'DCC_ADMIN' }, '10.0.0.1')).toBe('ip:10.0.0.1');
  });

  it('writes the RateLimit headers, with Retry-After on a refusal', () => {
    const state = { limit: 100, remaining: 7, resetSeconds: 4, windowSeconds: 10 };
    expect(rateLimitHeaders(state)).toEqual([
      ['ratelimit-limit', '100'],
      ['ratelimit-remaining', '7'],
      ['ratelimit-reset', '4'],
      ['ratelimit-policy', '100;w=10'],
    ]);
    expect(rateLimitHeaders(state, true)).toContainEqual(['retry-after', '4']);
  });
});
