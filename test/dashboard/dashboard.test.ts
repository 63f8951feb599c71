import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_UNKNOWN_ERROR_CODE } from '../../seeds/pacing';
import { globalId, ok, startTestServer, type TestServer } from '../support/server';

/*
 * The dashboard in a real browser: Debian's Chromium (installed by .ci/run when absent) driven by
 * playwright-core, against a real server on port 0 over the seeded test database. Each page must render
 * without console errors, show the numbers the API gives, and draw its charts; the live feed must show a
 * change within 2 s, also after a reconnect. Screenshots go to screenshots/ (git-ignored).
 */

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', 'screenshots');

let t: TestServer;
let db: Client;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestServer({ dashboard: true });
  base = t.server.url.replace(/\/graphql$/, '');
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await db?.end();
  await t?.close();
});

type Opened = { page: Page; errors: string[] };

/** Opens a dashboard page, waits until it has rendered, and fails on a page that reports an error. */
async function open(pathname: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(base + pathname);
  expect(response?.status()).toBe(200);
  await page.waitForSelector('main[data-ready]', { timeout: 30_000 });
  const state = await page.getAttribute('main', 'data-ready');
  if (state !== 'true') throw new Error(`page failed: ${await page.textContent('main')}`);
  return { page, errors };
}

const metric = async (page: Page, name: string) =>
  Number((await page.textContent(`[data-metric="${name}"]`))!.replace(/[^\d-]/g, ''));

/** Every chart on the page, with how many of its pixels were painted. */
async function charts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('canvas[data-chart]', (canvases) =>
    Object.fromEntries(
      canvases.map((element) => {
        // A canvas in the page (the DOM types are not part of this Node project's compilation).
        const c = element as unknown as {
          width: number;
          height: number;
          dataset: Record<string, string>;
          getContext(kind: '2d'): {
            getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
          };
        };
        const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        return [c.dataset.chart, painted];
      }),
    ),
  );
}

async function finish({ page, errors }: Opened, shot: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}

const gql = <T>(query: string, variables?: Record<string, unknown>) =>
  t.request<T, never>(query, variables as never);

describe('the dashboard in Chromium', () => {
  it('overview: entry counts as the API gives them, the per-report chart drawn', async () => {
    const opened = await open('/dashboard');
    const api = ok(
      await gql<{
        all: { totalCount: number };
        onEpcl: { totalCount: number };
        epclReports: { totalCount: number };
      }>(
        `{ all: epclEntries { totalCount } onEpcl: epclEntries(filter: { states: [ON_EPCL] }) { totalCount } epclReports { totalCount } }`,
      ),
    );
    expect(await metric(opened.page, 'entries-total')).toBe(api.all.totalCount);
    expect(await metric(opened.page, 'entries-on-epcl')).toBe(api.onEpcl.totalCount);
    expect(await metric(opened.page, 'reports-total')).toBe(api.epclReports.totalCount);
    expect(await metric(opened.page, 'latest-report-entries')).toBe(435);
    expect(await opened.page.textContent('[data-table="reports-in-progress"]')).toContain('Report 22');
    expect((await charts(opened.page))['entries-per-report']).toBeGreaterThan(1000);
    await finish(opened, 'overview');
  });

  it('report 22: 435 entries, its groups and impact as the API gives them, the volumes chart drawn', async () => {
    const opened = await open('/dashboard/reports/22');
    const { epclReport } = ok(
      await gql<{
        epclReport: {
          entries: { totalCount: number };
          g1: { totalCount: number };
          g2: { totalCount: number };
          impact: { total: { total: number } };
          objectionDeadline: string;
        };
      }>(
        `{ epclReport(number: 22) { entries { totalCount } g1: entries(group: GROUP_1_TESTED) { totalCount }
           g2: entries(group: GROUP_2_SE) { totalCount } impact { total { total } } objectionDeadline } }`,
      ),
    );
    expect(await metric(opened.page, 'report-entries')).toBe(435);
    expect(epclReport.entries.totalCount).toBe(435);
    expect(await metric(opened.page, 'report-group1')).toBe(epclReport.g1.totalCount);
    expect(await metric(opened.page, 'report-group2')).toBe(epclReport.g2.totalCount);
    expect(await metric(opened.page, 'report-impact')).toBe(epclReport.impact.total.total);
    expect(await metric(opened.page, 'report-published-upgradeable')).toBe(66_000);
    // The objection window ends on the deadline the database computed, marked on the calendar.
    expect(await opened.page.getAttribute('.calendar .deadline', 'data-date')).toBe(
      epclReport.objectionDeadline,
    );
    expect(await opened.page.locator('[data-table="criteria"] tbody tr').count()).toBe(10);
    // The recorded history (the scheduler closed the window at start-up, effective on the deadline).
    const { epclReport: withHistory } = ok(
      await gql<{ epclReport: { history: { nodes: { toState: string; effectiveOn: string }[] } } }>(
        '{ epclReport(number: 22) { history(first: 100) { nodes { toState effectiveOn } } } }',
      ),
    );
    expect(await opened.page.locator('[data-table="report-history"] li').count()).toBe(
      withHistory.history.nodes.length,
    );
    if (withHistory.history.nodes.length)
      expect(await opened.page.textContent('[data-table="report-history"]')).toContain('10 Dec 2021');
    expect((await charts(opened.page))['report-volumes']).toBeGreaterThan(1000);
    await finish(opened, 'report-22');
  });

  it('upgrades: candidate totals by status as the API gives them, the supplier chart drawn', async () => {
    const opened = await open('/dashboard/upgrades');
    const target = await opened.page.inputValue('#target');
    const { upgradeCandidates } = ok(
      await gql<{ upgradeCandidates: { totals: { installs: Record<string, number> } } }>(
        `query C($t: ID!) { upgradeCandidates(targetDmc: $t, first: 1) { totals { installs { active dormant mixed total } } } }`,
        { t: target },
      ),
    );
    const installs = upgradeCandidates.totals.installs;
    expect(installs.total).toBeGreaterThan(0);
    expect(await metric(opened.page, 'candidates-total')).toBe(installs.total);
    expect(await metric(opened.page, 'candidates-active')).toBe(installs.active);
    expect(await metric(opened.page, 'candidates-dormant')).toBe(installs.dormant);
    expect(await metric(opened.page, 'candidates-mixed')).toBe(installs.mixed);
    expect((await charts(opened.page))['candidates-by-supplier']).toBeGreaterThan(1000);
    expect(await opened.page.textContent('[data-table="not-migrating"]')).toContain('EXCLUDED');
    // Blocked installations by reason: each row as the API counts it.
    const { blockedInstallations } = ok(
      await gql<{ blockedInstallations: { byReason: { code: string; installs: number }[] } }>(
        '{ blockedInstallations { byReason { code installs } } }',
      ),
    );
    expect(blockedInstallations.byReason.length).toBeGreaterThan(1);
    const cell = (n: number) =>
      opened.page.locator(`[data-table="blocked-by-reason"] tbody tr td:nth-child(${n})`).allTextContents();
    const [codes, counted] = await Promise.all([cell(1), cell(2)]);
    expect(codes.map((code, i) => [code, Number(counted[i].replace(/[^0-9]/g, ''))])).toEqual(
      blockedInstallations.byReason.map((b) => [b.code.replaceAll('_', ' '), b.installs]),
    );
    await finish(opened, 'upgrades');
  });

  it('pacing: the day’s numbers as the API gives them, the anomalous DMC recommended for a halt, charts drawn', async () => {
    const opened = await open('/dashboard/pacing');
    const { latestPacingDate } = ok(await gql<{ latestPacingDate: string }>('{ latestPacingDate }'));
    const { pacing } = ok(
      await gql<{ pacing: { capacity: number; planned: number; attempted: number; failed: number } }>(
        `query P($d: LocalDate!) { pacing(date: $d) { capacity planned attempted failed } }`,
        { d: latestPacingDate },
      ),
    );
    expect(await metric(opened.page, 'pacing-capacity')).toBe(pacing.capacity);
    expect(await metric(opened.page, 'pacing-planned')).toBe(pacing.planned);
    expect(await metric(opened.page, 'pacing-attempted')).toBe(pacing.attempted);
    expect(await metric(opened.page, 'pacing-failed')).toBe(pacing.failed);
    const recommendations = await opened.page.textContent('[data-table="recommendations"]');
    expect(recommendations).toMatch(/HALT DMC|THROTTLE/);
    expect(recommendations).toContain(DEMO_UNKNOWN_ERROR_CODE);
    expect(await opened.page.textContent('[data-metric="pacing-decision"]')).toBe('GO');
    const drawn = await charts(opened.page);
    expect(drawn['pacing-attempts']).toBeGreaterThan(1000);
    expect(drawn['pacing-dmc-rates']).toBeGreaterThan(1000);
    await finish(opened, 'pacing');
  });

  it('pacing: a No-go recorded from the page goes through the API and then stands for the day', async () => {
    const opened = await open('/dashboard/pacing');
    const { page } = opened;
    await page.selectOption('form[data-form="go-no-go"] select', 'NO_GO');
    await page.fill('input[name="decidedBy"]', 'MCC duty manager');
    await page.fill('input[name="reason"]', 'Unknown error code on one DMC');
    await Promise.all([page.waitForEvent('load'), page.click('form[data-form="go-no-go"] button')]);
    await page.waitForSelector('main[data-ready="true"]');
    expect(await page.textContent('[data-metric="pacing-decision"]')).toBe('NO GO');
    const { rows } = await db.query<{ decision: string; reason: string }>(
      'select decision, reason from go_no_go_decision order by id desc limit 1',
    );
    expect(rows[0]).toEqual({ decision: 'NO_GO', reason: 'Unknown error code on one DMC' });
    expect(opened.errors).toEqual([]);
    await page.close();
  });

  it('live feed: a state change committed in SQL appears within 2 s, and again after a reconnect', async () => {
    const opened = await open('/dashboard/live');
    const { page } = opened;
    await page.waitForSelector('[data-status="connected"]', { timeout: 10_000 });
    const { rows } = await db.query<{ id: number }>(
      `select id from epcl_entry where state = 'CANDIDATE' order by id limit 1`,
    );
    const entry = rows[0].id;
    const item = `li[data-type="EpclEntryStateChanged"][data-entry="${globalId('EpclEntry', entry)}"]`;
    await db.query(`update epcl_entry set state = 'WITHDRAWN' where id = $1`, [entry]);
    await page.waitForSelector(item, { timeout: 2_000 });

    // Drop the connection as a network failure would; a change committed meanwhile still shows once the
    // client has reconnected: the subscription is re-sent with the last cursor and replays what it missed.
    await page.evaluate('window.dashboardLive.client.terminate()');
    await db.query(`update epcl_entry set state = 'CANDIDATE' where id = $1`, [entry]);
    await page.waitForSelector('[data-status="connected"]', { timeout: 10_000 });
    await page.waitForSelector(`${item} >> nth=1`, { timeout: 2_000 });
    expect(await page.textContent('[data-status]')).toContain('reconnected');
    const items = await page.locator(item).allTextContents();
    expect(items[0]).toContain('WITHDRAWN → CANDIDATE');
    expect(items[1]).toContain('CANDIDATE → WITHDRAWN');
    await finish(opened, 'live');
  });

  it('is off when disabled, as in production', async () => {
    const off = await startTestServer({ dashboard: false });
    try {
      const res = await fetch(off.server.url.replace(/\/graphql$/, '/dashboard'));
      expect(res.status).toBe(404);
      expect(((await res.json()) as { hint: string }).hint).toContain('DASHBOARD=true');
    } finally {
      await off.close();
    }
  });
});
