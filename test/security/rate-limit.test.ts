import { authHeader, startTestServer, type TestServer } from '../support/server';
import { bearer, firstResult, wsClient } from '../support/credentials';

/**
 * Rate limits by cost, per credential, against a production-mode server: each operation spends its
 * estimated cost from its credential's budget (here 40 points per 3 s window for suppliers); over it, HTTP
 * 429 with RATE_LIMITED, the RateLimit-* headers and Retry-After, counted in /metrics; the budget is whole
 * again after the window. The same over graphql-ws. The credentials are real API keys created in the test
 * database (two of the same supplier: each key has its own budget), sent as `Authorization: Bearer <key>`.
 */

const WINDOW_SECONDS = 3;
const SUPPLIER_POINTS = 40;
/** epclReport 1 + title 1. */
const CHEAP = '{ epclReport(number: 22) { title } }';
const CHEAP_COST = 2;
/** epclReport 1 + entries (1 + 10 × (nodes 1 + epclId 1)) = 22. */
const PAGE_COST = 22;
const PAGE = '{ epclReport(number: 22) { entries(first: 10) { nodes { epclId } } } }';

async function post(url: string, query: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, header, ...body };
}

async function metric(t: TestServer, line: string): Promise<number> {
  const text = await (await fetch(t.server.url.replace('/graphql', '/metrics'))).text();
  const found = text.split('\n').find((l) => l.startsWith(line + ' '));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe('rate limits by cost per credential (production)', () => {
  let t: TestServer;
  /** `Authorization` of two SUPPLIER keys of supplier 1. */
  let A: { authorization: string };
  let B: { authorization: string };
  beforeAll(async () => {
    t = await startTestServer({
      production: true,
      limits: {
        maxCostByRole: { SUPPLIER: 30 },
        rateLimit: { windowSeconds: WINDOW_SECONDS, points: { SUPPLIER: SUPPLIER_POINTS, DCC_ADMIN: 0 } },
      },
    });
    A = bearer((await t.createKey({ role: 'SUPPLIER', supplierId: 1, name: 'supplier 1 A' })).key);
    B = bearer((await t.createKey({ role: 'SUPPLIER', supplierId: 1, name: 'supplier 1 B' })).key);
  });
  afterAll(() => t.close());

  it('reports the budget on successful responses, spending each operation its cost', async () => {
    const first = await post(t.server.url, PAGE, A);
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.cost).toEqual({ requested: PAGE_COST, limit: 30 });
    expect(first.header('ratelimit-limit')).toBe(String(SUPPLIER_POINTS));
    expect(first.header('ratelimit-remaining')).toBe(String(SUPPLIER_POINTS - PAGE_COST));
    expect(Number(first.header('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(Number(first.header('ratelimit-reset'))).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(first.header('ratelimit-policy')).toBe(`${SUPPLIER_POINTS};w=${WINDOW_SECONDS}`);
    expect(first.header('retry-after')).toBeNull();

    const second = await post(t.server.url, CHEAP, A);
    expect(second.status).toBe(200);
    expect(second.header('ratelimit-remaining')).toBe(String(SUPPLIER_POINTS - PAGE_COST - CHEAP_COST));
  });

  it('refuses an operation over what is left with 429, RATE_LIMITED, the headers and Retry-After; then allows it after the window', async () => {
    const before = await metric(t, 'graphql_rate_limited_total{role="SUPPLIER",transport="http"}');
    // 16 points left; this one costs 22.
    const refused = await post(t.server.url, PAGE, A);
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toHaveLength(1);
    const [error] = refused.errors!;
    expect(error.extensions).toEqual({
      code: 'RATE_LIMITED',
      cost: PAGE_COST,
      limit: SUPPLIER_POINTS,
      remaining: SUPPLIER_POINTS - PAGE_COST - CHEAP_COST,
      retryAfterSeconds: expect.any(Number) as number,
    });
    expect(error.message).toMatch(
      /^Rate limit reached: this operation costs 22 points and 16 of 40 are left/,
    );
    expect(refused.header('ratelimit-limit')).toBe(String(SUPPLIER_POINTS));
    expect(refused.header('ratelimit-remaining')).toBe('16');
    const retryAfter = Number(refused.header('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.header('ratelimit-reset')).toBe(String(retryAfter));
    expect(error.extensions?.retryAfterSeconds).toBe(retryAfter);
    expect(await metric(t, 'graphql_rate_limited_total{role="SUPPLIER",transport="http"}')).toBe(before + 1);

    // A refusal spends nothing: what still fits runs.
    const cheap = await post(t.server.url, CHEAP, A);
    expect(cheap.status).toBe(200);
    expect(cheap.header('ratelimit-remaining')).toBe('14');

    // Another credential has its own budget.
    const other = await post(t.server.url, PAGE, B);
    expect(other.status).toBe(200);
    expect(other.header('ratelimit-remaining')).toBe(String(SUPPLIER_POINTS - PAGE_COST));

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    const after = await post(t.server.url, PAGE, A);
    expect(after.status).toBe(200);
    expect(after.errors).toBeUndefined();
    expect(after.header('ratelimit-remaining')).toBe(String(SUPPLIER_POINTS - PAGE_COST));
  });

  it("applies the role's own cost limit, and an operation refused as too complex spends nothing", async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 100));
    // 1 + 20 × 2 = 41 > 30 for a supplier; a DCC_ADMIN key (its role not rate-limited here) keeps 25000.
    const page = '{ epclReport(number: 22) { entries { nodes { epclId } } } }';
    const supplier = await post(t.server.url, page, A);
    expect(supplier.status).toBe(400);
    expect(supplier.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximum: 30 });
    expect(supplier.header('ratelimit-remaining')).toBe(String(SUPPLIER_POINTS));
    const staff = await post(t.server.url, page, authHeader(t));
    expect(staff.status).toBe(200);
    expect(staff.extensions?.cost).toEqual({ requested: 42, limit: 25_000 });
    expect(staff.header('ratelimit-limit')).toBeNull();
  });

  it('applies over graphql-ws: an operation over the budget gets RATE_LIMITED, the others report what is left', async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 100));
    const before = await metric(t, 'graphql_rate_limited_total{role="SUPPLIER",transport="ws"}');
    const client = wsClient(t.server.url, A);
    try {
      const first = (await firstResult(client, { query: PAGE })) as {
        extensions: Record<string, unknown>;
      };
      expect(first.extensions).toMatchObject({
        cost: { requested: PAGE_COST, limit: 30 },
        rateLimit: {
          limit: SUPPLIER_POINTS,
          remaining: SUPPLIER_POINTS - PAGE_COST,
          windowSeconds: WINDOW_SECONDS,
        },
      });
      // 18 points left: a query of 22 is refused, and so is a subscription when nothing is left.
      const rateLimited = (cost: number) => ({
        refused: [
          expect.objectContaining({
            extensions: expect.objectContaining({
              code: 'RATE_LIMITED',
              cost,
              limit: SUPPLIER_POINTS,
            }) as object,
          }),
        ],
      });
      expect(await firstResult(client, { query: PAGE })).toEqual(rateLimited(PAGE_COST));
      for (let i = 0; i < 9; i++) await firstResult(client, { query: CHEAP }); // all 18 points
      expect(await firstResult(client, { query: 'subscription { domainEvents { __typename } }' })).toEqual(
        rateLimited(2),
      );
      expect(await metric(t, 'graphql_rate_limited_total{role="SUPPLIER",transport="ws"}')).toBe(before + 2);
    } finally {
      await client.dispose();
    }
  });
});
