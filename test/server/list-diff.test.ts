import { Client } from 'pg';
import {
  EntryLifecycleDocument,
  EpclListDiffDocument,
  PublishEpclListVersionDocument,
  RecordSecretaryOfStateDecisionDocument,
  RemoveEpclEntryDocument,
} from '../generated/graphql';
import { ok, startTestServer, type TestServer } from '../support/server';

/** epclListDiff over the seeded list (its seeded history) and over report 22's walk onto the EPCL. */
let t: TestServer;
let db: Client;
beforeAll(async () => {
  t = await startTestServer();
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const supplier = { 'x-dev-viewer-role': 'SUPPLIER', 'x-dev-viewer-supplier-id': '3' };
const analyst = { 'x-dev-viewer-role': 'DCC_ANALYST' };
type Point = { version?: string; date?: string };
const diff = async (from: Point, to: Point, headers?: Record<string, string>) =>
  ok(await t.request(EpclListDiffDocument, { from, to }, headers)).epclListDiff;
const ids = (list: { entry: { epclId?: string | null } }[]) => list.map((e) => e.entry.epclId);

describe('epclListDiff', () => {
  it('over the seeded list: the entries first added between two dates, in EPCL ID order', async () => {
    const expected = await db.query<{ epcl_id: string }>(
      `select epcl_id from epcl_entry where state = 'ON_EPCL' and date_first_added > '2020-06-30'
          and date_first_added <= '2021-06-30' order by epcl_id`,
    );
    const [before] = (
      await db.query<{ n: number }>(
        `select count(*)::int as n from epcl_entry where state = 'ON_EPCL' and date_first_added <= '2020-06-30'`,
      )
    ).rows;
    const d = await diff({ date: '2020-06-30' }, { date: '2021-06-30' });
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(ids(d.added)).toEqual(expected.rows.map((r) => r.epcl_id));
    // Not on the list at `from` (not yet proposed, or somewhere in the process), on it at `to`.
    expect(d.added.every((e) => e.fromState !== 'ON_EPCL' && e.toState === 'ON_EPCL')).toBe(true);
    expect(d.removed).toEqual([]);
    expect(d.fromSize).toBe(before.n);
    expect(d.toSize).toBe(before.n + expected.rows.length);
    expect([d.fromDate, d.toDate, d.fromVersion, d.toVersion]).toEqual([
      '2020-06-30',
      '2021-06-30',
      null,
      null,
    ]);
  });

  it('follows report 22 onto the list and an entry off it, by dates and by list versions', async () => {
    const decided = ok(
      await t.request(RecordSecretaryOfStateDecisionDocument, {
        input: { reportNumber: 22, decision: 'APPROVED', decidedOn: '2021-12-15' },
      }),
    ).recordSecretaryOfStateDecision;
    expect(decided.userErrors).toEqual([]);
    const approved = await diff({ date: '2021-12-14' }, { date: '2021-12-15' });
    expect(approved.added).toEqual([]);
    expect(approved.changed).toHaveLength(435);
    expect(approved.changed.every((e) => e.fromState === 'PROPOSED' && e.toState === 'APPROVED')).toBe(true);

    const published = ok(
      await t.request(PublishEpclListVersionDocument, {
        input: { version: 'EPCL v1.23', publishedOn: '2021-12-17' },
      }),
    ).publishEpclListVersion;
    expect(published.userErrors).toEqual([]);
    const listed = await diff({ date: '2021-12-14' }, { version: 'EPCL v1.23' });
    expect(listed.toDate).toBe('2021-12-17');
    expect(listed.toVersion).toBe('EPCL v1.23');
    expect(listed.added).toHaveLength(435);
    expect(listed.added.every((e) => e.fromState === 'PROPOSED' && e.toState === 'ON_EPCL')).toBe(true);
    expect(ids(listed.added)).toContain('002255');
    expect(listed.toSize).toBe(listed.fromSize + 435);

    const { epclEntry } = ok(await t.request(EntryLifecycleDocument, { epclId: '002370' }));
    const removed = ok(
      await t.request(RemoveEpclEntryDocument, {
        input: {
          epclId: '002370',
          removedOn: '2022-03-01',
          reason: 'Security issue in ESME firmware',
          expectedVersion: epclEntry.rowVersion,
        },
      }),
    ).removeEpclEntry;
    expect(removed.userErrors).toEqual([]);
    const after = await diff({ version: 'EPCL v1.23' }, { date: '2022-03-01' });
    expect(after.added).toEqual([]);
    expect(after.removed).toEqual([
      { fromState: 'ON_EPCL', toState: 'REMOVED', entry: { epclId: '002370', state: 'REMOVED' } },
    ]);
    expect(after.toSize).toBe(after.fromSize - 1);
    // The day before the removal, nothing had changed since the version.
    const quiet = await diff({ version: 'EPCL v1.23' }, { date: '2022-02-28' });
    expect([quiet.added, quiet.removed, quiet.changed]).toEqual([[], [], []]);

    // Anyone may ask, and everyone gets the same answer: the EPCL is published to every SEC party.
    expect(await diff({ version: 'EPCL v1.23' }, { date: '2022-03-01' }, supplier)).toEqual(after);
    expect(await diff({ version: 'EPCL v1.23' }, { date: '2022-03-01' }, analyst)).toEqual(after);
  });

  it('refuses points that name both or neither, an unknown version, and a "to" before "from"', async () => {
    const code = async (from: Point, to: Point) =>
      (await t.request(EpclListDiffDocument, { from, to })).errors?.[0].extensions?.code;
    expect(await code({ version: 'EPCL v1.23', date: '2021-12-17' }, { date: '2022-01-01' })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code({}, { date: '2022-01-01' })).toBe('BAD_USER_INPUT');
    expect(await code({ version: 'no such version' }, { date: '2022-01-01' })).toBe('NOT_FOUND');
    expect(await code({ date: '2022-01-02' }, { date: '2022-01-01' })).toBe('BAD_USER_INPUT');
    expect(await code({ date: '2022-13-01' }, { date: '2022-01-01' })).toBe('BAD_USER_INPUT');
  });
});
