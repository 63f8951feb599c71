import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../../src/core/graphql/errors';

/**
 * The README's error catalogue lists every code the API can return, so that it stays true: the codes found in
 * `src/` must each have a row in the "Error catalogue" section.
 *
 * A code is found: in `src/core/graphql/errors.ts` (ErrorCode and the client codes passed through) and
 * `src/core/db/db-errors.ts` (the database rules' codes), as any SCREAMING_SNAKE string literal; anywhere in
 * `src/` (but the embedded PostgreSQL launcher), as a literal on a line with `code:`, or as the first argument
 * of `userError(…)` / `refuse(…)`.
 */

const ROOT = path.join(__dirname, '../..');
const CODE_FILES = new Set(['src/core/graphql/errors.ts', 'src/core/db/db-errors.ts']);
/** The embedded PostgreSQL launcher's start-up failures: process errors, never an API response. */
const NOT_API = 'src/core/db/embedded-postgres/';
const LITERAL = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g;

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sources(path.join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [path.join(dir, entry.name)]
          : [],
    );
}

function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources('src')) {
    const posix = file.split(path.sep).join('/');
    if (posix.startsWith(NOT_API)) continue;
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const add = (code: string) => found.set(code, found.get(code) ?? file);
    if (CODE_FILES.has(posix)) for (const m of text.matchAll(LITERAL)) add(m[1]);
    for (const line of text.matchAll(/\bcode:[^\n]*/g)) for (const m of line[0].matchAll(LITERAL)) add(m[1]);
    for (const m of text.matchAll(/\b(?:userError|refuse)\(\s*'([A-Z][A-Z0-9_]*)'/g)) add(m[1]);
  }
  return found;
}

function codesInCatalogue(): Set<string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Error catalogue\n');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const codes = new Set<string>();
  // The first cell of each table row: one or more `CODE`s.
  for (const row of section.matchAll(/^\| ([^|]+)\|/gm))
    for (const m of row[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)) codes.add(m[1]);
  return codes;
}

describe('the error catalogue (README)', () => {
  it('finds the codes it checks: ErrorCode, user errors, database rules', () => {
    const found = codesInSource();
    for (const code of [...Object.values(ErrorCode), 'INVALID_INPUT', 'STALE_VERSION', 'EPCL_ID_FORMAT'])
      expect(found.has(code)).toBe(true);
  });

  it('lists every code found in src/', () => {
    const catalogue = codesInCatalogue();
    const missing = [...codesInSource()]
      .filter(([code]) => !catalogue.has(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });
});
