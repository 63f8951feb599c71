import { startTestServer, type TestServer } from '../support/server';

/*
 * Operations made only of compiled root fields are completed without graphql-js's per-field walk
 * (core/graphql/compiler/fast-path.ts). The answer must be byte-for-byte what graphql-js gives: every query
 * here is asked of a server with the fast path and of one without it, and the raw bodies are compared.
 */

/** The raw body, with the response cache bypassed so that the engine answers. */
async function raw(t: TestServer, query: string, variables?: Record<string, unknown>, statements = false) {
  const res = await fetch(t.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...(statements ? { 'x-sql-statements': 'true' } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

const CASES: [string, string, Record<string, unknown>?][] = [
  [
    'nested lists under a connection, with totalCount, aliases and __typename',
    `{ epclEntries(first: 5, filter: { states: [ON_EPCL] }) { __typename totalCount pageInfo { hasNextPage endCursor }
       nodes { __typename id epclId state dateFirstAdded basis stateChangedAt rowVersion
         d: dmc { label fingerprint slots { slotNo deviceType firmwareVersion { versionRaw releasedOn
           deviceModel { modelName manufacturer { name } } } } } } } }`,
  ],
  [
    'edges, cursors and fragments',
    `query Q($n: Int!) { dmcs(first: $n, orderBy: [FINGERPRINT_ASC]) { edges { cursor node { ...D } } } }
     fragment D on Dmc { id label synthetic cohort { code } }`,
    { n: 3 },
  ],
  [
    'a to-one chain',
    `{ firmwareVersions(first: 4) { nodes { versionRaw deviceModel { manufacturer { name } } } } }`,
  ],
  ['a lookup by natural key', `{ epclEntry(epclId: "000001") { epclId state dmc { label } } }`],
  ['a lookup that is NOT_FOUND (falls back, same error)', `{ epclEntry(epclId: "999999") { epclId } }`],
  ['a bad argument (falls back, same error)', `{ epclEntry(epclId: "x") { epclId } }`],
  ['two root fields', `{ cohorts { code name } a: manufacturers(first: 2) { totalCount nodes { name } } }`],
  [
    'a directive (ordinary execution)',
    `query Q($s: Boolean!) { cohorts { code name @skip(if: $s) } }`,
    { s: true },
  ],
];

describe('compiled responses', () => {
  it('answers with the same bytes and the same statements as graphql-js', async () => {
    const fast = await startTestServer();
    const plain = await startTestServer({ compiledResponses: false });
    try {
      for (const [name, query, variables] of CASES) {
        const [a, b] = [await raw(fast, query, variables), await raw(plain, query, variables)];
        expect({ name, status: a.status, body: a.body }).toEqual({ name, status: b.status, body: b.body });
        expect(a.body.length).toBeGreaterThan(20);
      }
      const query = `{ epclEntries(first: 3) { nodes { epclId dmc { label slots { slotNo } } } } }`;
      type Counted = { extensions: { sqlStatements: number } };
      const a = JSON.parse((await raw(fast, query, undefined, true)).body) as Counted;
      const b = JSON.parse((await raw(plain, query, undefined, true)).body) as Counted;
      expect(a.extensions.sqlStatements).toBe(1);
      expect(b.extensions.sqlStatements).toBe(1);
    } finally {
      await fast.close();
      await plain.close();
    }
  });
});
