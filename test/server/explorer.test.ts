import { version as graphiqlVersion } from 'graphiql/package.json';
import { authHeader, startTestServer, type TestServer } from '../support/server';

/** What a browser sends when navigating to a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

function origin(t: TestServer): string {
  return new URL(t.server.url).origin;
}

function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((url) => url !== 'data:,'); // the empty favicon, so that browsers do not ask for /favicon.ico
}

describe('the GraphQL explorer, enabled', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ explorer: true });
  });
  afterAll(() => t.close());

  it('serves GraphiQL to browsers at GET /graphql, from same-origin assets only', async () => {
    const response = await fetch(t.server.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('vary')).toMatch(/accept/i);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self'/);
    const html = await response.text();
    expect(html).toContain('id="graphiql"');
    expect(html).toContain('data-endpoint="/graphql"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>/); // no inline script: the CSP forbids it

    const urls = assetUrls(html);
    expect(urls).toHaveLength(5); // React, ReactDOM, GraphiQL js + css, the start script
    for (const url of urls) {
      expect(url).toMatch(/^\/explorer-assets\/[^/]+$/);
      const asset = await fetch(origin(t) + url);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(
        url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      );
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      const body = await asset.text();
      expect(body.length).toBeGreaterThan(100);
    }
    expect(urls.some((u) => /graphiql-3\.\d+\.\d+-graphiql\.min\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => /react-dom-18\.\d+\.\d+-react-dom\.production\.min\.js$/.test(u))).toBe(true);
  });

  it('exposes only the listed assets, never node_modules', async () => {
    for (const path of [
      '/explorer-assets/package.json',
      '/explorer-assets/..%2Fpackage.json',
      '/explorer-assets/react-18.3.1-index.js',
      '/node_modules/react/package.json',
    ]) {
      const response = await fetch(origin(t) + path);
      expect(response.status).toBe(404);
    }
  });

  it('still answers GraphQL over GET with a query parameter, even from a browser', async () => {
    const response = await fetch(`${t.server.url}?query=${encodeURIComponent('{__typename}')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(await response.json()).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: { requested: 1, limit: 25_000 } },
    });
  });

  it('leaves GET requests that do not ask for HTML to Apollo', async () => {
    const response = await fetch(t.server.url, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).not.toMatch(/html/);
  });

  it('still answers POST', async () => {
    const response = await t.request<{ __typename: string }, Record<string, never>>('{ __typename }');
    expect(response.data).toEqual({ __typename: 'Query' });
  });
});

describe('the GraphQL explorer, disabled', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ explorer: false, production: true });
  });
  afterAll(() => t.close());

  it('answers a browser GET /graphql with 404 and how to enable it', async () => {
    const response = await fetch(t.server.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    const body = (await response.json()) as { error: string; hint: string };
    expect(body.error).toMatch(/explorer is disabled/);
    expect(body.hint).toContain('GRAPHQL_EXPLORER=true');
  });

  it('serves none of the assets', async () => {
    const response = await fetch(`${origin(t)}/explorer-assets/graphiql-${graphiqlVersion}-graphiql.min.js`);
    expect(response.status).toBe(404);
  });

  it('still answers GraphQL over GET with a query parameter', async () => {
    const response = await fetch(`${t.server.url}?query=${encodeURIComponent('{__typename}')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true', ...authHeader(t) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: { requested: 1, limit: 25_000 } },
    });
  });
});
