import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/app/database';
import { silentLogger } from '../../src/core/logger';
import { startServer } from '../../src/server';
import { bearer, firstResult, wsClient } from '../support/credentials';
import { createTestDatabase } from '../support/db';
import { authHeader, startTestServer, type TestServer } from '../support/server';

/**
 * Trusted documents (production mode): a persisted-document manifest in the client preset's format; clients
 * may send a document's id instead of its text; a credential restricted to trusted documents may only run
 * the manifest's documents, and anything else is refused with HTTP 400 and PERSISTED_QUERY_NOT_FOUND before
 * it is parsed; an unknown id is refused so for everyone. The credentials are real API keys of supplier 1 in
 * the test database: one created with the trusted-documents-only flag (`dmc keys create
 * --trusted-documents`), one without.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const TITLE = 'query ReportTitle { epclReport(number: 22) { title } }';
const ENTRIES =
  'query ReportEntries($n: Int) { epclReport(number: 22) { entries(first: $n) { totalCount } } }';
const OUTSIDE = '{ epclReport(number: 22) { title number } }';
const UNKNOWN_ID = sha256('query Unknown { __typename }');

type Body = {
  data?: { epclReport?: { title?: string; entries?: { totalCount: number } } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Body) };
}

function notFound(res: { status: number } & Body) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
  return res.errors![0].message;
}

describe('trusted documents (production)', () => {
  let t: TestServer;
  let dir: string;
  /** `Authorization` of the key restricted to trusted documents, and of the unrestricted one. */
  const keys: Record<'trusted' | 'open', { authorization: string }> = {
    trusted: { authorization: '' },
    open: { authorization: '' },
  };
  const auth = (which: 'trusted' | 'open') => keys[which];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-'));
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ [sha256(TITLE)]: TITLE }));
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ [`sha256:${sha256(ENTRIES)}`]: ENTRIES }));
    t = await startTestServer({
      production: true,
      trustedDocuments: [path.join(dir, 'a.json'), path.join(dir, 'b.json')],
    });
    const trusted = await t.createKey({
      role: 'SUPPLIER',
      supplierId: 1,
      name: 'trusted documents only',
      trustedDocumentsOnly: true,
    });
    keys.trusted = bearer(trusted.key);
    keys.open = bearer((await t.createKey({ role: 'SUPPLIER', supplierId: 1, name: 'open' })).key);
    const [row] = await t.sql<{ trusted_documents_only: boolean }>(
      'select trusted_documents_only from api_key where prefix = $1',
      [trusted.prefix],
    );
    expect(row.trusted_documents_only).toBe(true);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a document outside the manifest from a restricted credential, by text', async () => {
    const message = notFound(await post(t.server.url, { query: OUTSIDE }, auth('trusted')));
    expect(message).toMatch(/only run trusted documents/);
  });

  it('refuses an unknown document id from a restricted credential (documentId and persistedQuery)', async () => {
    notFound(await post(t.server.url, { documentId: UNKNOWN_ID }, auth('trusted')));
    notFound(
      await post(
        t.server.url,
        { extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN_ID } } },
        auth('trusted'),
      ),
    );
    // An id that is not even a string, and a text sent with a manifest id: the text decides.
    notFound(await post(t.server.url, { documentId: { $ne: null } }, auth('trusted')));
    notFound(await post(t.server.url, { documentId: sha256(TITLE), query: OUTSIDE }, auth('trusted')));
  });

  it("runs the manifest's documents for a restricted credential: by documentId, persistedQuery hash, text or GET", async () => {
    const byId = await post(
      t.server.url,
      // The client preset's ids are `sha256:<hex>`; Apollo's are bare hex: both name the same document.
      { documentId: `sha256:${sha256(ENTRIES)}`, variables: { n: 5 }, operationName: 'ReportEntries' },
      auth('trusted'),
    );
    expect(byId.status).toBe(200);
    expect(byId.data?.epclReport?.entries?.totalCount).toBe(435);
    const byHash = await post(
      t.server.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TITLE) } } },
      auth('trusted'),
    );
    expect(byHash.data?.epclReport?.title).toBe('EPCL Report 22 - DMCT Tranche 44, 46');
    const byText = await post(t.server.url, { query: TITLE }, auth('trusted'));
    expect(byText.data?.epclReport?.title).toBe('EPCL Report 22 - DMCT Tranche 44, 46');
    const get = await fetch(`${t.server.url}?documentId=${sha256(TITLE)}`, {
      headers: { ...auth('trusted'), 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as Body).data?.epclReport?.title).toBe('EPCL Report 22 - DMCT Tranche 44, 46');
    const getOutside = await fetch(`${t.server.url}?query=${encodeURIComponent(OUTSIDE)}`, {
      headers: { ...auth('trusted'), 'apollo-require-preflight': 'true' },
    });
    notFound({ status: getOutside.status, ...((await getOutside.json()) as Body) });
  });

  it('refuses an unknown id for everyone, and lets an unrestricted credential send ids or any text', async () => {
    notFound(await post(t.server.url, { documentId: UNKNOWN_ID }, auth('open')));
    notFound(await post(t.server.url, { documentId: UNKNOWN_ID }, authHeader(t)));
    const text = await post(t.server.url, { query: OUTSIDE }, auth('open'));
    expect(text.status).toBe(200);
    expect(text.data?.epclReport?.title).toBe('EPCL Report 22 - DMCT Tranche 44, 46');
    const byId = await post(t.server.url, { documentId: sha256(TITLE) }, auth('open'));
    expect(byId.data?.epclReport?.title).toBe('EPCL Report 22 - DMCT Tranche 44, 46');
  });

  it('applies over graphql-ws: ids with an empty query, and the refusals', async () => {
    const client = wsClient(t.server.url, auth('trusted'));
    try {
      expect(await firstResult(client, { query: '', documentId: sha256(TITLE) })).toMatchObject({
        data: { epclReport: { title: 'EPCL Report 22 - DMCT Tranche 44, 46' } },
      });
      const refusal = {
        refused: [expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }) as object],
      };
      expect(await firstResult(client, { query: OUTSIDE })).toEqual(refusal);
      expect(await firstResult(client, { query: '', documentId: UNKNOWN_ID })).toEqual(refusal);
      expect(await firstResult(client, { query: 'subscription { domainEvents { type } }' })).toEqual(refusal);
    } finally {
      await client.dispose();
    }
  });
});

describe('trusted-documents manifests at start-up', () => {
  it('refuses to start with an entry whose key is not the sha256 of its document', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-'));
    const manifest = path.join(dir, 'bad.json');
    fs.writeFileSync(manifest, JSON.stringify({ [sha256('{ a }')]: '{ b }' }));
    const database = await createTestDatabase();
    const orm = await MikroORM.init(ormConfig(database.url, { pool: { min: 0, max: 1 } }, silentLogger));
    try {
      await expect(
        startServer({
          orm,
          databaseUrl: database.url,
          log: silentLogger,
          production: true,
          port: 0,
          host: '127.0.0.1',
          scheduler: false,
          trustedDocuments: [manifest],
        }),
      ).rejects.toThrow(/is not the sha256 of its document/);
    } finally {
      await orm.close(true);
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
