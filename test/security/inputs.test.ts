import {
  startTestServer,
  globalId,
  ok,
  type GraphQLResponse,
  type TestServer,
  authHeader,
} from '../support/server';

/**
 * Client input that is wrong is refused as BAD_USER_INPUT with what was expected and what was received (at
 * most 200 characters of it), never as INTERNAL_SERVER_ERROR, and never with PostgreSQL's text (production).
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const NUL = '\u0000';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ production: true });
});
afterAll(() => t.close());

/** The one error of a refused request: BAD_USER_INPUT, naming what was expected and what was received. */
function badInput(res: GraphQLResponse<unknown>, argument: string) {
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(error.message).toMatch(/must be .+; received /);
  expect(JSON.stringify(res)).not.toMatch(
    /invalid input syntax|out of range|invalid byte sequence|Internal server error/,
  );
  return error.message;
}

describe('integer overflow', () => {
  it.each([
    ['node', `{ node(id: "${globalId('Dmc', 99999999999)}") { id } }`, 'id'],
    ['nodes', `{ nodes(ids: ["${globalId('Dmc', 1)}", "${globalId('Dmc', 2147483648)}"]) { id } }`, 'ids[1]'],
    ['installation', `{ installation(id: "${globalId('Installation', 99999999999)}") { id } }`, 'id'],
    ['node of an installation', `{ node(id: "${globalId('Installation', 4294967296)}") { id } }`, 'id'],
  ])('global ID through %s', async (_name, query, argument) => {
    const message = badInput(await t.request(query), argument);
    expect(message).toContain('global ID');
  });

  it('a supplierId of 20 digits', async () => {
    const dmc = globalId('Dmc', 1);
    const res = await t.request(
      `{ upgradeCandidates(targetDmc: "${dmc}", filter: { supplierId: "99999999999999999999" }) { totalCount } }`,
    );
    const message = badInput(res, 'filter.supplierId');
    expect(message).toContain('"99999999999999999999"');
  });

  it('a cursor whose key overflows', async () => {
    const res = await t.request(
      `query($after: String) { epclEntries(first: 2, after: $after) { nodes { epclId } } }`,
      // An integer key beyond any id, written as JSON text (a JS number would lose the digits).
      { after: b64('["ID_ASC",99999999999999999999]') },
    );
    badInput(res, 'after');
  });

  it('an upgrade-candidates cursor whose key overflows', async () => {
    const res = await t.request(
      `query($after: String) { upgradeCandidates(targetDmc: "${globalId('Dmc', 1)}", after: $after) { totalCount } }`,
      { after: b64(JSON.stringify(['CANDIDATE', 99999999999])) },
    );
    badInput(res, 'after');
  });
});

describe('malformed cursors', () => {
  it.each([
    ['a text key where an integer is expected', ['ID_ASC', 'abc']],
    ['a fractional key', ['ID_ASC', 1.5]],
    ['a key of the wrong kind for a date ordering', ['DATE_FIRST_ADDED_DESC', '2021-13-45', 1]],
    ['not base64 JSON', 'not a cursor'],
  ])('%s: BAD_USER_INPUT, not DOMAIN_RULE_VIOLATION with PostgreSQL’s text', async (_name, cursor) => {
    const after = typeof cursor === 'string' ? cursor : b64(JSON.stringify(cursor));
    const orderBy = Array.isArray(cursor) ? cursor[0] : 'ID_ASC';
    const query = `query($after: String) { epclEntries(first: 2, after: $after, orderBy: [${orderBy}]) { nodes { epclId } } }`;
    badInput(await t.request(query, { after }), 'after');
  });
});

describe('NUL bytes', () => {
  it.each([
    ['a literal', `{ epclEntry(epclId: "0022\\u000055") { epclId } }`, undefined, 'epclId'],
    [
      'a variable',
      `query($id: String!) { epclEntry(epclId: $id) { epclId } }`,
      { id: `0022${NUL}55` },
      '$id',
    ],
    [
      'a filter field',
      `query($s: String!) { manufacturers(filter: { nameContains: $s }) { totalCount } }`,
      { s: `Secure${NUL}` },
      '$s',
    ],
  ])('in %s', async (_name, query, variables, argument) => {
    const res = await t.request(query, variables);
    expect(res.status).toBe(400);
    const message = badInput(res, argument);
    expect(message).toContain('without NUL');
  });
});

describe('arguments are echoed at most 200 characters', () => {
  it.each([
    ['a global ID', (s: string) => `{ node(id: "${s}") { id } }`, 'id'],
    ['a cursor', (s: string) => `{ epclEntries(after: "${s}") { nodes { epclId } } }`, 'after'],
    ['an EPCL ID', (s: string) => `{ epclEntry(epclId: "${s}") { epclId } }`, 'epclId'],
  ])('%s of 900,000 characters', async (_name, query, argument) => {
    const huge = 'A'.repeat(900_000);
    const res = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader(t) },
      body: JSON.stringify({ query: query(huge) }),
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(1000);
    const body = JSON.parse(text) as GraphQLResponse<unknown>;
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].extensions?.argument).toBe(argument);
    expect(body.errors?.[0].message).toContain('A'.repeat(200) + '…');
    expect(body.errors?.[0].message).not.toContain('A'.repeat(201));
  });
});

it('a value GraphQL itself refuses is echoed at most 200 characters too', async () => {
  const res = await t.request(`{ epclReport(number: "${'B'.repeat(900_000)}") { title } }`);
  expect(res.status).toBe(400);
  expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.errors?.[0].message).toBe(`Int cannot represent non-integer value: "${'B'.repeat(200)}…"`);
});

describe('LIKE wildcards in …Contains filters', () => {
  it.each([
    ['manufacturers', 'nameContains', '{ manufacturers(filter: { nameContains: $s }) { totalCount } }'],
    [
      'deviceModels',
      'modelNameContains',
      '{ deviceModels(filter: { modelNameContains: $s }) { totalCount } }',
    ],
  ])('%s %s: "%%" and "_" match themselves, not everything', async (field, _filter, selection) => {
    for (const s of ['%', '_', '\\']) {
      const data = ok(
        await t.request<Record<string, { totalCount: number }>, { s: string }>(
          `query($s: String!) ${selection}`,
          { s },
        ),
      );
      expect(data[field].totalCount).toBe(0);
    }
    const all = ok(
      await t.request<Record<string, { totalCount: number }>, { s: string }>(
        `query($s: String!) ${selection}`,
        { s: '' },
      ),
    );
    expect(all[field].totalCount).toBeGreaterThan(0);
  });
});

describe('documents that do not validate', () => {
  it('mutation { x } is a 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await t.request('mutation { x }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toBe('Cannot query field "x" on type "Mutation".');
  });
});

describe('node and nodes for an installation', () => {
  it('fetch it again by its global ID', async () => {
    const id = globalId('Installation', 1);
    const data = ok(
      await t.request<
        { node: { id: string; __typename: string } | null; nodes: ({ id: string } | null)[] },
        never
      >(
        `{ node(id: "${id}") { __typename id } nodes(ids: ["${id}", "${globalId('Dmc', 1)}"]) { __typename id } }`,
      ),
    );
    expect(data.node).toEqual({ __typename: 'Installation', id });
    expect(data.nodes).toEqual([
      { __typename: 'Installation', id },
      { __typename: 'Dmc', id: globalId('Dmc', 1) },
    ]);
  });
});

describe('PostgreSQL’s text never reaches a client in production', () => {
  it('a rule violation in a mutation names its rule, not the database message', async () => {
    const { manufacturers } = ok(
      await t.request<{ manufacturers: { nodes: { id: string; name: string }[] } }, never>(
        '{ manufacturers(first: 2) { nodes { id name } } }',
      ),
    );
    const [first, second] = manufacturers.nodes;
    const res = await t.request(
      `mutation($id: ID!, $name: String!) { updateManufacturer(input: { id: $id, name: $name }) { userErrors { code message } } }`,
      { id: first.id, name: second.name },
    );
    expect(res.data).toEqual({
      updateManufacturer: {
        userErrors: [
          { code: 'MANUFACTURER_NAME_TAKEN', message: 'another manufacturer already has that name' },
        ],
      },
    });
  });
});
