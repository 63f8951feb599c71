import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compareSchemas } from '../src/core/graphql/schema-compat';

/*
 * npm run schema:compat [-- --base <git revision>]
 *
 * Compares schema/schema.graphql (the working tree's) with the version in the base revision (default: the
 * previous commit, HEAD~1) and fails when a change breaks clients without having been deprecated first
 * (src/core/graphql/schema-compat.ts; the policy is in the README, "Schema evolution").
 */
const ROOT = path.resolve(__dirname, '..');
const FILE = 'schema/schema.graphql';
const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : 'HEAD~1';

function previous(): string | undefined {
  try {
    return execFileSync('git', ['show', `${base}:${FILE}`], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

const before = previous();
if (before === undefined) {
  process.stdout.write(
    `schema:compat: no ${FILE} at ${base} (first commit or shallow clone); nothing to compare\n`,
  );
  process.exit(0);
}
const report = compareSchemas(before, fs.readFileSync(path.join(ROOT, FILE), 'utf8'));
for (const r of report.deprecatedRemovals)
  process.stdout.write(`schema:compat: removed after deprecation (allowed): ${r.description}\n`);
if (report.breaking.length) {
  process.stderr.write(`schema:compat: ${report.breaking.length} breaking change(s) against ${base}:\n`);
  for (const b of report.breaking) process.stderr.write(`  ${b.type}: ${b.description}\n`);
  process.stderr.write(
    'Deprecate first (@deprecated(reason: "…") in one commit, removal in a later one); never retype: add a new field instead.\n',
  );
  process.exit(1);
}
process.stdout.write(`schema:compat: no breaking change against ${base}\n`);
