import { EventHub } from '../../src/modules/events/event-hub';
import { matches, EpclEventType, type EventRow } from '../../src/modules/events/events.sql';

const positionOf = (r: IteratorResult<EventRow>): string => (r.done ? 'done' : r.value.position);

const row = (position: number, extra: Partial<EventRow> = {}): EventRow => ({
  position: String(position),
  occurred_at: new Date(),
  committed_at: new Date(),
  source_type: 'TestingIssueChanged',
  aggregate_type: 'TestingIssue',
  aggregate_id: '1',
  type: EpclEventType.TESTING_ISSUE_CHANGED,
  payload: {},
  epcl_ids: [],
  report_numbers: [],
  dmc_ids: [],
  cohorts: [],
  states: ['OPEN'],
  supplier_id: null,
  ...extra,
});

describe('EventHub', () => {
  it('replays after the cursor, then continues live without the duplicates of the replay and without a gap', async () => {
    const hub = new EventHub();
    hub.position = '10';
    const pages = [[row(11), row(12)], [row(13)], []];
    const stream = hub.open(
      () => true,
      () => Promise.resolve(pages.shift() ?? []),
      '10',
    );
    // Committed during the replay: 12 and 13 are also in the pages, 14 only live.
    hub.publish([row(12), row(13), row(14)]);
    const got: string[] = [];
    for (let i = 0; i < 4; i++) got.push(positionOf(await stream.next()));
    expect(got).toEqual(['11', '12', '13', '14']);
    const next = stream.next();
    hub.publish([row(15)]);
    expect(positionOf(await next)).toBe('15');
    await stream.return();
    expect(hub.subscribers).toBe(0);
  });

  it('ends a subscription whose credential expires, with UNAUTHENTICATED', async () => {
    const hub = new EventHub();
    const stream = hub.open(() => true, null, null, new Date(Date.now() + 50));
    await expect(stream.next()).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(hub.subscribers).toBe(0);
  });

  it('a supplier never matches another supplier’s impact; staff match all', () => {
    const impact = row(1, { type: EpclEventType.SUPPLIER_IMPACT, supplier_id: 2, states: [] });
    expect(matches(impact, {}, { role: 'SUPPLIER', supplierId: 1 })).toBe(false);
    expect(matches(impact, {}, { role: 'SUPPLIER', supplierId: 2 })).toBe(true);
    expect(matches(impact, {}, { role: 'DCC_ANALYST' })).toBe(true);
    expect(matches(row(2), { states: ['CLOSED'] }, { role: 'DCC_ADMIN' })).toBe(false);
  });
});
