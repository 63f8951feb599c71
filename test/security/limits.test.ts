import { DEFAULT_LIMITS } from '../../src/core/config';
import { startTestServer, type GraphQLResponse, type TestServer, authHeader } from '../support/server';

/**
 * Limits checked before execution: each attack is refused with HTTP 400 and QUERY_TOO_COMPLEX naming the
 * limit and the value, and (counted by the server, outside production) before any SQL statement ran.
 */

/** `deviceModels → firmwareVersions → deviceModel → …`, `levels` fields deep (the issue's depth bomb). */
function depthBomb(levels: number): string {
  let inner = 'id';
  for (let level = levels - 3; level > 0; level--) {
    inner = level % 2 === 1 ? `firmwareVersions { ${inner} }` : `deviceModel { ${inner} }`;
  }
  return `{ deviceModels { nodes { ${inner} } } }`;
}

/** 40 aliases of the report's impact analysis (the issue's alias bomb). */
const aliasBomb = `{ ${Array.from(
  { length: 40 },
  (_, i) => `r${i}: epclReport(number: 22) { impact { total { total } } }`,
).join(' ')} }`;

// `no-store`: the engine's statements only, without the response cache's catalogue_version read.
const statements = { 'x-sql-statements': 'true', 'cache-control': 'no-store' };

function refused(res: GraphQLResponse<unknown>, limit: string) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
  expect(error.message).toContain(limit);
  expect(error.message).toContain(String(error.extensions!.maximum));
  expect(error.message).toContain(String(error.extensions!.value));
  return error.extensions as { maximum: number; value: number | string };
}

describe('limits before execution (production)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ production: true });
  });
  afterAll(() => t.close());

  it('refuses the depth bomb (30 levels) naming the depth limit and the depth', async () => {
    const res = await t.request(depthBomb(30));
    expect(refused(res, 'depth')).toMatchObject({ maximum: DEFAULT_LIMITS.maxDepth, value: 30 });
  });

  it('refuses the alias bomb (40 aliases of epclReport impact)', async () => {
    const res = await t.request(aliasBomb);
    expect(refused(res, 'aliases')).toMatchObject({ maximum: DEFAULT_LIMITS.maxAliases, value: 40 });
  });

  it('refuses a document of more tokens than the limit, with its token count', async () => {
    const fields = Array.from({ length: 2500 }, () => '__typename').join(' ');
    const res = await t.request(`{ ${fields} }`);
    expect(refused(res, 'tokens')).toMatchObject({ maximum: DEFAULT_LIMITS.maxTokens, value: 2502 });
  });

  it('refuses an operation with more directives than the limit', async () => {
    const fields = Array.from({ length: 25 }, () => '__typename @include(if: true)').join(' ');
    const res = await t.request(`{ ${fields} }`);
    expect(refused(res, 'directives')).toMatchObject({ maximum: DEFAULT_LIMITS.maxDirectives, value: 25 });
  });

  it('refuses an operation whose cost is over the limit: page sizes multiply, analyses weigh more', async () => {
    // 6 report analyses at 5000 each: within the alias limit, over the cost limit.
    const six = Array.from(
      { length: 6 },
      (_, i) => `r${i}: epclReport(number: 22) { impact { total { total } } }`,
    ).join(' ');
    const res = await t.request(`{ ${six} }`);
    const { value } = refused(res, 'cost');
    expect(value).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(res.extensions?.cost).toEqual({ requested: value, limit: DEFAULT_LIMITS.maxCost });

    // 100 × 100 firmware versions with their transitive upgrades (50 each): the multipliers add up.
    const wide = await t.request(
      `{ deviceModels(first: 100) { nodes { firmwareVersions { reachableUpgrades { hops } } } } }`,
    );
    expect(refused(wide, 'cost').value).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it('refuses a fragment bomb (each fragment spreading the next twice: 2^30 fields) without expanding it', async () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ${i === 29 ? '__typename' : `...F${i + 1} __typename`} }`,
    );
    const doubled = fragments.map((f, i) =>
      i < 29 ? f.replace(`...F${i + 1}`, `...F${i + 1} ...F${i + 1}`) : f,
    );
    const res = await t.request(`{ ...F0 } ${doubled.join(' ')}`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      maximum: DEFAULT_LIMITS.maxCost,
      value: 'more than 10000 fields to estimate',
    });
  });

  it('uses variables for page sizes when it estimates the cost', async () => {
    const query = `query($n: Int) { deviceModels(first: $n) { nodes { firmwareVersions { reachableFrom { hops } } } } }`;
    const small = await t.request(query, { n: 2 });
    expect(small.errors).toBeUndefined();
    // deviceModels 1 + 2 × (nodes 1 + firmwareVersions (1 + 5 × (reachableFrom 50 + 5 × hops 1))): a list
    // without first/last counts as 5 items, a connection's nodes as its page.
    expect(small.extensions?.cost).toEqual({ requested: 555, limit: DEFAULT_LIMITS.maxCost });
    const large = await t.request(query, { n: 100 });
    expect(refused(large, 'cost').value).toBe(1 + 100 * 277);
  });

  it('counts nodes(ids:) once per ID', async () => {
    const ids = Array.from(
      { length: 100 },
      (_, i) => `"${Buffer.from(`FirmwareVersion:${i + 1}`).toString('base64')}"`,
    );
    const res = await t.request(
      `{ nodes(ids: [${ids.join(', ')}]) { ... on FirmwareVersion { reachableUpgrades { hops } } } }`,
    );
    // 1 + 100 × (reachableUpgrades 50 + 5 × hops 1), not 1 + 5 × (…)
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cost).toEqual({ requested: 1 + 100 * 55, limit: DEFAULT_LIMITS.maxCost });
  });

  it('reports the cost of every response, null when the document was refused before it was estimated', async () => {
    const res = await t.request(
      '{ epclReport(number: 22) { title entries(first: 10) { nodes { epclId } } } }',
    );
    expect(res.errors).toBeUndefined();
    // epclReport 1 + title 1 + entries (1 + 10 × (nodes 1 + epclId 1))
    expect(res.extensions?.cost).toEqual({ requested: 1 + 1 + 1 + 10 * 2, limit: DEFAULT_LIMITS.maxCost });
    const bomb = await t.request(depthBomb(30));
    expect(bomb.extensions?.cost).toEqual({ requested: null, limit: DEFAULT_LIMITS.maxCost });
  });

  it('refuses a body over 1 MB with 413, still reporting the cost limit', async () => {
    const res = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader(t) },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [{ message: 'The request body is larger than 1 MB', extensions: { code: 'BAD_REQUEST' } }],
      extensions: { cost: { requested: null, limit: DEFAULT_LIMITS.maxCost } },
    });
  });

  it('lets the example operations and the benchmark question through', async () => {
    const res = await t.request(
      `{ epclEntries(first: 20, filter: { states: [ON_EPCL] }, orderBy: [ID_ASC]) { totalCount nodes { epclId
         dmc { label slots { slotNo firmwareVersion { versionRaw deviceModel { modelName manufacturer { name } } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect((res.extensions?.cost as { requested: number }).requested).toBeLessThan(DEFAULT_LIMITS.maxCost);
  });
});

describe('refusals happen before any SQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it.each([
    ['the depth bomb', depthBomb(30), 'depth'],
    ['the alias bomb', aliasBomb, 'aliases'],
    [
      'six report analyses',
      `{ a: epclReport(number: 22) { impact { total { total } } } b: epclReport(number: 22) { volumes { rule } } c: epclReport(number: 22) { impact { total { total } } } d: epclReport(number: 22) { volumes { rule } } e: epclReport(number: 22) { impact { total { total } } } f: epclReport(number: 22) { volumes { rule } } }`,
      'cost',
    ],
  ])('%s: refused with no SQL statement issued', async (_name, query, limit) => {
    const res = await t.request(query, undefined, statements);
    refused(res, limit);
    expect(res.extensions?.sqlStatements).toBe(0);
  });

  it('counts the statements of an accepted operation (the counter works)', async () => {
    const res = await t.request('{ epclReport(number: 22) { title } }', undefined, statements);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.sqlStatements).toBe(1);
  });
});
