import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request } from 'express';

/**
 * The in-browser GraphQL explorer (GraphiQL) at `GET <endpoint>`, served entirely from installed npm packages
 * so that it works offline: the UMD builds of React 18, ReactDOM 18 and GraphiQL 3, plus a small start-up
 * script. Only those files are exposed, under `/explorer-assets/`, never node_modules as a whole.
 *
 * Only browser navigations are intercepted: a GET without a `query` parameter whose Accept header prefers
 * `text/html`. Every other request (GraphQL over GET with `?query=`, POST, tools asking for JSON) falls
 * through to Apollo. When disabled, such a browser GET gets a 404 saying how to enable the explorer.
 */
export type ExplorerOptions = {
  enabled: boolean;
  /** Path of the GraphQL endpoint, e.g. `/graphql`: the page is served there and queries are sent there. */
  endpoint: string;
  /** The operation shown on first visit (GraphiQL keeps the user's tabs in localStorage afterwards). */
  defaultQuery?: string;
};

export const EXPLORER_ASSETS_PATH = '/explorer-assets';

export const DEFAULT_EXPLORER_QUERY = `# DMC catalogue GraphQL explorer. Run with the pink
# button or Ctrl+Enter; the book icon opens the schema.
{
  epclReport(number: 22) {
    title
    entries {
      totalCount
    }
  }
}
`;

export type Asset = { name: string; contentType: string; body: Buffer };

/** An installed package's package.json, also when the package's `exports` do not list it (chart.js). */
function packageManifest(pkg: string): string {
  try {
    return require.resolve(`${pkg}/package.json`);
  } catch {
    for (let dir = path.dirname(require.resolve(pkg)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'package.json');
      if (
        existsSync(candidate) &&
        (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === pkg
      )
        return candidate;
    }
    throw new Error(`package ${pkg} is not installed`);
  }
}

/** A file inside an installed package, located through its package.json (the packages' `exports` hide it). */
export function packageAsset(pkg: string, relative: string, contentType: string): Asset {
  const manifestPath = packageManifest(pkg);
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  const file = path.join(path.dirname(manifestPath), relative);
  // The version in the name makes every URL immutable, so browsers may cache them for good.
  return { name: `${pkg}-${version}-${path.basename(relative)}`, contentType, body: readFileSync(file) };
}

/**
 * Starts GraphiQL: reads the endpoint and the default query from data attributes on `#graphiql`, so that
 * the page needs no inline script and the CSP can stay at `script-src 'self'`.
 */
const START_SCRIPT = `(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  var http = new URL(container.getAttribute('data-endpoint'), window.location.href);
  var ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  ws.search = '';
  ws.hash = '';
  var fetcher = GraphiQL.createFetcher({ url: http.href, subscriptionUrl: ws.href });
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: container.getAttribute('data-default-query') || undefined,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

function scriptAsset(): Asset {
  const body = Buffer.from(START_SCRIPT, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `explorer-${hash}.js`, contentType: 'text/javascript; charset=utf-8', body };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '&#10;');
}

/** A browser navigation to the endpoint, as opposed to GraphQL over GET or an API client. */
function wantsExplorer(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/** Same-host WebSocket origins for `connect-src`, for browsers whose `'self'` does not cover ws:/wss:. */
export function webSocketSources(req: Request): string {
  const host = req.headers.host;
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)) return '';
  return ` ws://${host} wss://${host}`;
}

function contentSecurityPolicy(req: Request): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // GraphiQL's dependencies (CodeMirror, Radix) inject <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    // The stylesheet embeds its fonts and icons as data: URLs.
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${webSocketSources(req)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function explorerRouter(options: ExplorerOptions): Router {
  const router = Router();
  const { endpoint } = options;

  if (!options.enabled) {
    router.get(endpoint, (req, res, next) => {
      if (!wantsExplorer(req)) return next();
      res.status(404).vary('Accept').json({
        error: 'The GraphQL explorer is disabled.',
        hint: 'Set GRAPHQL_EXPLORER=true to serve it here (it is on by default outside production). GraphQL itself is served at this path over POST, GET with ?query= and graphql-ws.',
      });
    });
    return router;
  }

  const react = packageAsset('react', 'umd/react.production.min.js', 'text/javascript; charset=utf-8');
  const reactDom = packageAsset(
    'react-dom',
    'umd/react-dom.production.min.js',
    'text/javascript; charset=utf-8',
  );
  const graphiqlJs = packageAsset('graphiql', 'graphiql.min.js', 'text/javascript; charset=utf-8');
  const graphiqlCss = packageAsset('graphiql', 'graphiql.min.css', 'text/css; charset=utf-8');
  const start = scriptAsset();
  const assets = new Map([react, reactDom, graphiqlJs, graphiqlCss, start].map((a) => [a.name, a]));
  const url = (asset: Asset) => `${EXPLORER_ASSETS_PATH}/${asset.name}`;

  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>DMC catalogue · GraphQL explorer</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${url(graphiqlCss)}" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql" data-endpoint="${escapeHtml(endpoint)}" data-default-query="${escapeHtml(options.defaultQuery ?? DEFAULT_EXPLORER_QUERY)}">Loading the GraphQL explorer…</div>
    <noscript>The GraphQL explorer needs JavaScript.</noscript>
    <script src="${url(react)}"></script>
    <script src="${url(reactDom)}"></script>
    <script src="${url(graphiqlJs)}"></script>
    <script src="${url(start)}"></script>
  </body>
</html>
`;

  router.get(endpoint, (req, res, next) => {
    if (!wantsExplorer(req)) return next();
    res
      .status(200)
      .vary('Accept')
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': contentSecurityPolicy(req),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(html);
  });

  router.get(`${EXPLORER_ASSETS_PATH}/:name`, (req, res, next) => {
    const asset = assets.get(req.params.name);
    if (!asset) return next();
    res
      .status(200)
      .set({
        'Content-Type': asset.contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(asset.body);
  });

  return router;
}
