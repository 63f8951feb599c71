import http from 'node:http';
import { LeanLane } from '../../src/core/http/lean-lane';
import { globalId, startTestServer, type TestServer } from '../support/server';

/*
 * The lean lane (core/http/lean-lane.ts) answers repeated catalogue queries without express and Apollo's
 * pipeline. Its answers must be the bytes Apollo's path writes: the same requests are sent, in the same
 * order, to a production-mode server with the lane and to one without it (authentication by API key, rate
 * limits and the response cache on), and status, headers (names, order, values) and bodies are compared.
 * Only `Date` differs, and `RateLimit-Reset` by at most the second that may pass between the two.
 */

type Raw = { status: number; headers: [string, string][]; body: string };

function send(
  t: TestServer,
  body: string,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Raw> {
  const url = new URL(t.server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        agent: false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: t.authorization!,
          'x-request-id': 'lane-test-1',
          ...headers,
          'content-length': String(Buffer.byteLength(body)),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const pairs: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            if (res.rawHeaders[i].toLowerCase() !== 'date')
              pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Equal but for RateLimit-Reset, which may differ by the second passing between the two requests. */
function expectSame(lane: Raw, apollo: Raw, what: string) {
  const reset = (r: Raw) => Number(r.headers.find(([name]) => name === 'ratelimit-reset')?.[1] ?? NaN);
  const without = (r: Raw) => ({
    what,
    status: r.status,
    body: r.body,
    headers: r.headers.map(([name, value]) => [name, name === 'ratelimit-reset' ? '…' : value]),
  });
  expect(without(lane)).toEqual(without(apollo));
  if (!Number.isNaN(reset(apollo))) expect(Math.abs(reset(lane) - reset(apollo))).toBeLessThanOrEqual(1);
}

const LOOKUP = `query Lookup($id: String!) { epclEntry(epclId: $id) { epclId state dmc { label fingerprint
  slots { slotNo deviceType firmwareVersion { versionRaw deviceModel { modelName manufacturer { name } } } } } } }`;
const CHAIN = `{ firmwareVersions(first: 50, orderBy: [ID_ASC]) { nodes { versionRaw deviceType
  deviceModel { modelName hardwareVersion manufacturer { name manufacturerIdentifier } } } } }`;
const COUNTED = `{ epclEntries(first: 5, filter: { states: [ON_EPCL] }) { __typename totalCount
  pageInfo { hasNextPage endCursor } nodes { id epclId state d: dmc { label } } } }`;
const RATE = { windowSeconds: 60, points: { DCC_ADMIN: 100_000, DCC_ANALYST: 100_000, SUPPLIER: 100_000 } };

describe('lean lane', () => {
  let lane: TestServer;
  let apollo: TestServer;

  beforeAll(async () => {
    lane = await startTestServer({ production: true, limits: { rateLimit: RATE } });
    apollo = await startTestServer({ production: true, limits: { rateLimit: RATE }, leanLane: false });
  });
  afterAll(async () => {
    await lane?.close();
    await apollo?.close();
  });

  let last: Raw;
  /**
   * Sends the same request to both servers `times` times; returns how many the lane answered itself (the
   * last answer in `last`).
   */
  async function both(body: string, headers: Record<string, string> = {}, times = 3) {
    const before = LeanLane.answered;
    for (let i = 0; i < times; i++) {
      const a = await send(lane, body, headers);
      const b = await send(apollo, body, headers);
      expectSame(a, b, `${body.slice(0, 60)} #${i + 1}`);
      last = a;
    }
    return LeanLane.answered - before;
  }

  it('answers a repeated catalogue query itself, with the bytes and headers of the Apollo path', async () => {
    const body = JSON.stringify({ query: LOOKUP, variables: { id: '000001' }, operationName: 'Lookup' });
    // The first sight goes to Apollo; the lane answers the next ones (response cache hits).
    expect(await both(body)).toBe(2);
    const names = last.headers.map(([name]) => name.toLowerCase());
    for (const name of ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'etag', 'content-length'])
      expect(names).toContain(name);
    const { cost } = (JSON.parse(last.body) as { extensions: { cost: { requested: number; limit: number } } })
      .extensions;
    expect(cost.requested).toBe(47);
    expect(cost.limit).toBeGreaterThan(47);
    // The engine (response cache bypassed), another Accept, and no variables.
    expect(await both(body, { 'cache-control': 'no-store' })).toBe(3);
    expect(await both(body, { accept: 'application/graphql-response+json' })).toBe(3);
    expect(await both(JSON.stringify({ query: CHAIN }), { 'cache-control': 'no-store' })).toBe(2);
    expect(await both(JSON.stringify({ query: CHAIN }))).toBe(3);
    expect(await both(JSON.stringify({ query: COUNTED }), { 'cache-control': 'no-store' })).toBe(2);
    expect(await both(JSON.stringify({ query: COUNTED }))).toBe(3);
  });

  it('spends the rate limit once when the lane hands a request to Apollo after spending', async () => {
    // NOT_FOUND: the compiled path throws, Apollo executes and reports; RateLimit-Remaining must match.
    const body = JSON.stringify({ query: LOOKUP, variables: { id: '999999' }, operationName: 'Lookup' });
    expect(await both(body, {}, 4)).toBe(0);
    expect(
      (JSON.parse(last.body) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('leaves mutations, introspection, invalid documents and bad requests to Apollo, unchanged', async () => {
    const cases: [string, Record<string, string>?][] = [
      [
        JSON.stringify({
          query: `mutation M($input: UpdateManufacturerInput!) { updateManufacturer(input: $input) {
            manufacturer { name } userErrors { code field } } }`,
          variables: { input: { id: globalId('Manufacturer', 999_999), name: 'x' } },
        }),
      ],
      [JSON.stringify({ query: '{ __schema { queryType { name } } }' })],
      [JSON.stringify({ query: '{ nope }' })],
      [JSON.stringify({ query: '{ cohorts { code } ' })],
      ['{"query": "{ cohorts { code } }", '],
      [JSON.stringify({ query: CHAIN, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } })],
      [JSON.stringify({ query: CHAIN }), { authorization: 'Bearer dmc_nope' }],
      [JSON.stringify({ query: CHAIN, variables: 'x' })],
    ];
    const statuses: number[] = [];
    for (const [body, headers] of cases) {
      expect(await both(body, headers)).toBe(0);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 400, 400, 400, 200, 401, 400]);
  });
});
