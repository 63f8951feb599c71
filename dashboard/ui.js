// Small DOM and chart helpers shared by the pages.

/** Creates an element: el('td', { class: 'num' }, '12'). Children may be strings, nodes, arrays or null. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const numberFormat = new Intl.NumberFormat('en-GB');
export const num = (n) => (n === null || n === undefined ? '–' : numberFormat.format(n));
export const pct = (rate) => `${(rate * 100).toFixed(1)} %`;

/** A date (YYYY-MM-DD) as "Fri 3 Dec 2021". */
export function day(date) {
  if (!date) return '–';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function card(title, ...content) {
  return el('section', { class: 'card' }, el('h2', {}, title), ...content);
}

/** A headline number; `metric` names it for tests and scripts (data-metric). */
export function kpi(label, value, metric) {
  return el(
    'div',
    { class: 'card kpi' },
    el('div', { class: 'value', dataset: { metric } }, num(value)),
    el('div', { class: 'label' }, label),
  );
}

/** A table from column definitions: { label, value(row), num? }. */
export function table(columns, rows, attrs = {}) {
  return el(
    'table',
    attrs,
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        columns.map((c) => el('th', { class: c.num ? 'num' : null }, c.label)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((row) =>
        el(
          'tr',
          {},
          columns.map((c) =>
            el('td', { class: c.num ? 'num' : null }, c.num ? num(c.value(row)) : c.value(row)),
          ),
        ),
      ),
    ),
  );
}

export const badge = (text) => el('span', { class: `badge ${text}` }, text.replaceAll('_', ' '));

const pending = [];

/**
 * A Chart.js chart in a fixed-height box, drawn by drawCharts() once the page is in the document (Chart.js
 * sizes the canvas from its box). Animation is off, so the canvas is complete when drawCharts returns; the
 * canvas carries data-chart=<name>, and data-rendered once drawn, for tests.
 */
export function chart(name, config) {
  const canvas = el('canvas', { dataset: { chart: name }, role: 'img', 'aria-label': name });
  pending.push(() => {
    new Chart(canvas, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    canvas.dataset.rendered = 'true';
  });
  return el('div', { class: 'chart' }, canvas);
}

export function drawCharts() {
  while (pending.length) pending.shift()();
}

export const COLORS = [
  '#0b5cad',
  '#e08a00',
  '#2e7d32',
  '#8e24aa',
  '#c62828',
  '#00838f',
  '#6d4c41',
  '#546e7a',
];
