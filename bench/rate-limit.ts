/**
 * What the rate limit and the trusted-documents check cost per request, in process (no server, no
 * database): `RateLimiter.spend` + `peek` (what every HTTP operation does) over a given number of live
 * budgets, and the sha256 of a document's text (what a request of a credential restricted to trusted
 * documents costs when it sends text instead of an id). Prints figures; asserts nothing.
 *
 *   npm run bench:rate-limit -- [keys=10000] [operations=2000000]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { RateLimiter } from '../src/core/graphql/rate-limit';
import { sha256, TrustedDocuments } from '../src/core/graphql/trusted-documents';

const keys = Number(process.argv[2] ?? 10_000);
const operations = Number(process.argv[3] ?? 2_000_000);

function time(label: string, n: number, work: (i: number) => void): void {
  for (let i = 0; i < Math.min(n, 100_000); i++) work(i); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) work(i);
  const ns = Number(process.hrtime.bigint() - started) / n;
  console.log(`${label}: ${ns.toFixed(0)} ns per operation (${n.toLocaleString('en-GB')} operations)`);
}

const limiter = new RateLimiter({
  windowSeconds: 60,
  points: { SUPPLIER: Number.MAX_SAFE_INTEGER },
});
const names = Array.from({ length: keys }, (_, i) => `api-key:dmc_${i.toString(36)}`);
time(`spend + peek, ${keys.toLocaleString('en-GB')} budgets`, operations, (i) => {
  const key = names[i % keys];
  limiter.spend(key, 'SUPPLIER', 1_250);
  limiter.peek(key, 'SUPPLIER');
});

const manifest = path.join(__dirname, '../examples/supplier-client/src/gql/persisted-documents.json');
const documents = TrustedDocuments.load([manifest]);
const texts = Object.values(JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string>);
const text = texts.reduce((a, b) => (a.length >= b.length ? a : b));
time(`isTrusted (sha256 of a ${text.length}-character document)`, operations / 10, () => {
  documents.isTrusted(text);
});
const bench = fs.readFileSync(path.join(__dirname, 'nested.graphql'), 'utf8');
time(`sha256 of bench/nested.graphql (${bench.length} characters)`, operations / 10, () => {
  sha256(bench);
});
