import { startTestServer, type TestServer } from '../support/server';

/** The operational metrics of pools and the scheduler, scraped from /metrics after traffic. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

function value(text: string, metric: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${metric}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

it('reports pool use and waits per pool, reads by pool and scheduler runs', async () => {
  const res = await t.request(
    `{ epclReport(number: 22) { entries { totalCount } volumes { tables { section } } } }`,
  );
  expect(res.errors).toBeUndefined();
  const text = await (await fetch(t.server.url.replace(/\/graphql$/, '/metrics'))).text();

  // Both pools have opened connections and are idle again now.
  for (const pool of ['primary', 'analysis']) {
    expect(value(text, 'db_pool_connections', `pool="${pool}"`)).toBeGreaterThan(0);
    expect(value(text, 'db_pool_in_use_connections', `pool="${pool}"`)).toBe(0);
    expect(value(text, 'db_pool_waiting_requests', `pool="${pool}"`)).toBe(0);
    expect(value(text, 'db_pool_checkout_wait_seconds_count', `pool="${pool}"`)).toBeGreaterThan(0);
  }
  // With no replica configured every read is the primary's (the analysis on its own pool).
  expect(value(text, 'db_reads_total', 'pool="primary"')).toBeGreaterThan(0);
  expect(value(text, 'db_reads_total', 'pool="analysis"')).toBeGreaterThan(0);
  expect(text).not.toMatch(/^db_reads_total\{pool="replica/m);
  // The scheduler ran once at start-up and led (no other instance holds its lock here).
  expect(value(text, 'scheduler_runs_total', 'outcome="leader"')).toBeGreaterThanOrEqual(1);
});
