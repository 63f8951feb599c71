// Entry point: renders the page the server named on <main data-page>, and shows any failure on the page.
import { drawCharts, el } from './ui.js';
import { overviewPage } from './overview.js';
import { reportPage } from './report.js';
import { upgradesPage } from './upgrades.js';
import { pacingPage } from './pacing.js';
import { livePage } from './live.js';

const PAGES = {
  overview: overviewPage,
  report: reportPage,
  upgrades: upgradesPage,
  pacing: pacingPage,
  live: livePage,
};

const main = document.getElementById('page');

async function start() {
  const render = PAGES[main.dataset.page];
  try {
    const content = await render(new URL(window.location.href));
    main.replaceChildren(...content);
    drawCharts();
    main.dataset.ready = 'true';
  } catch (error) {
    main.replaceChildren(
      el('h1', {}, 'Could not load this page'),
      el('p', { class: 'error' }, error.message),
    );
    main.dataset.ready = 'error';
  } finally {
    main.removeAttribute('aria-busy');
  }
}

void start();
