import { runCli } from '../src/cli/main';

/** `ts-node scripts/migrate.ts [url]` (the tests' global setup): the same as `dmc migrate [--url url]`. */
void runCli(['migrate', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
