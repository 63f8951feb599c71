import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request } from 'express';
import { packageAsset, webSocketSources, type Asset } from '../core/graphql/explorer';

/**
 * The internal dashboard for DCC staff at `/dashboard`: a few small ES modules from the repository's
 * `dashboard/` folder that ask the GraphQL API (POST /graphql, graphql-ws for the live feed) and draw with
 * Chart.js. Like the GraphiQL explorer it works offline: Chart.js and the graphql-ws client are served from the
 * installed packages, only those files, under `/dashboard/assets/`. No inline script, so the CSP keeps
 * `script-src 'self'`. Pages: overview, a report, upgrades, pacing, live feed.
 */

export const DASHBOARD_PATH = '/dashboard';
const ASSETS = `${DASHBOARD_PATH}/assets`;

const PAGES: { path: string; page: string }[] = [
  { path: DASHBOARD_PATH, page: 'overview' },
  { path: `${DASHBOARD_PATH}/reports/:number`, page: 'report' },
  { path: `${DASHBOARD_PATH}/upgrades`, page: 'upgrades' },
  { path: `${DASHBOARD_PATH}/pacing`, page: 'pacing' },
  { path: `${DASHBOARD_PATH}/live`, page: 'live' },
];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The `dashboard/` folder at the repository root, from src/app (ts-node) or dist/src/app (compiled). */
function dashboardDir(): string {
  for (const up of ['../..', '../../..']) {
    const dir = path.resolve(__dirname, up, 'dashboard');
    if (existsSync(path.join(dir, 'app.js'))) return dir;
  }
  throw new Error('the dashboard/ folder (with app.js) was not found beside src/');
}

function ownAssets(): Asset[] {
  const dir = dashboardDir();
  return readdirSync(dir)
    .filter((name) => CONTENT_TYPES[path.extname(name)])
    .map((name) => ({
      name,
      contentType: CONTENT_TYPES[path.extname(name)],
      body: readFileSync(path.join(dir, name)),
    }));
}

function contentSecurityPolicy(req: Request): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${webSocketSources(req)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function html(page: string, vendor: Asset[]): string {
  const nav = [
    ['overview', DASHBOARD_PATH, 'Overview'],
    ['report', `${DASHBOARD_PATH}/reports/22`, 'Report 22'],
    ['upgrades', `${DASHBOARD_PATH}/upgrades`, 'Upgrades'],
    ['pacing', `${DASHBOARD_PATH}/pacing`, 'Pacing'],
    ['live', `${DASHBOARD_PATH}/live`, 'Live feed'],
  ]
    .map(([id, href, label]) => `<a href="${href}"${id === page ? ' aria-current="page"' : ''}>${label}</a>`)
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>DMC catalogue · dashboard</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${ASSETS}/dashboard.css" />
  </head>
  <body>
    <header>
      <strong>DCC SMETS1 · DMC catalogue &amp; EPCL</strong>
      <nav>
        ${nav}
        <a href="/graphql">GraphQL</a>
      </nav>
    </header>
    <main id="page" data-page="${page}" data-graphql="/graphql" aria-busy="true">Loading…</main>
    <noscript>The dashboard needs JavaScript.</noscript>
${vendor.map((a) => `    <script src="${ASSETS}/${a.name}"></script>`).join('\n')}
    <script type="module" src="${ASSETS}/app.js"></script>
  </body>
</html>
`;
}

export function dashboardRouter(options: { enabled: boolean }): Router {
  const router = Router();
  if (!options.enabled) {
    router.get([DASHBOARD_PATH, `${DASHBOARD_PATH}/*rest`], (_req, res) => {
      res.status(404).json({
        error: 'The dashboard is disabled.',
        hint: 'Set DASHBOARD=true to serve it here (it is on by default outside production).',
      });
    });
    return router;
  }

  const vendor = [
    packageAsset('chart.js', 'dist/chart.umd.min.js', 'text/javascript; charset=utf-8'),
    packageAsset('graphql-ws', 'umd/graphql-ws.min.js', 'text/javascript; charset=utf-8'),
  ];
  const own = ownAssets();
  const assets = new Map([...vendor, ...own].map((a) => [a.name, a]));
  const vendorNames = new Set(vendor.map((a) => a.name));
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };

  for (const { path: route, page } of PAGES) {
    const body = html(page, vendor);
    router.get(route, (req, res) => {
      res
        .status(200)
        .set({
          ...headers,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(req),
          'Cache-Control': 'no-cache',
        })
        .send(body);
    });
  }

  router.get(`${ASSETS}/:name`, (req, res, next) => {
    const asset = assets.get(req.params.name);
    if (!asset) return next();
    res
      .status(200)
      .set({
        ...headers,
        'Content-Type': asset.contentType,
        // Vendor files carry their version in the name; the dashboard's own are revalidated.
        'Cache-Control': vendorNames.has(asset.name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      .send(asset.body);
  });

  return router;
}
