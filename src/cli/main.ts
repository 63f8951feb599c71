import 'reflect-metadata';
import { EXIT, runCommand, type Command } from './command';

/**
 * `dmc <command>`: the command line of the platform (package `bin`, `bin/dmc.js`). Each command lives in its
 * own file and is loaded (required) only when asked for, so `dmc migrate` does not load exceljs. Exit codes: 0 done, 1 failed, 2 usage error.
 */
const COMMANDS: Record<string, { summary: string; load: () => Command }> = {
  serve: {
    summary: 'serve the GraphQL API and the exports',
    load: () => (require('./serve') as typeof import('./serve')).serveCommand,
  },
  migrate: {
    summary: 'apply pending migrations',
    load: () => (require('./migrate') as typeof import('./migrate')).migrateCommand,
  },
  seed: {
    summary: 'replace the data with the report 22 scenario and a synthetic inventory',
    load: () => (require('./seed') as typeof import('./seed')).seedCommand,
  },
  export: {
    summary: 'write the EPCL list, an Annex A, volumes, candidates or installations to xlsx/csv',
    load: () => (require('./export') as typeof import('./export')).exportCommand,
  },
  import: {
    summary: 'load an EPCL list, Annex A, DMCT Status List or device models from xlsx/csv',
    load: () => (require('./import') as typeof import('./import')).importCommand,
  },
  report: {
    summary: 'render an EPCL report from the database as md, html or xlsx',
    load: () => (require('./report') as typeof import('./report')).reportCommand,
  },
  keys: {
    summary: 'create, list, revoke and rotate API keys',
    load: () => (require('./keys') as typeof import('./keys')).keysCommand,
  },
};

export const USAGE = `Usage: dmc <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Run \`dmc <command> --help\` for a command's options. Commands that use the database take DATABASE_URL,
or the embedded PostgreSQL in DATA_DIR (default .data): the one \`npm start\` runs when it is running,
otherwise started for the duration of the command.
Exit codes: 0 done, 1 failed, 2 usage error.`;

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(USAGE + '\n');
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`dmc: unknown command ${JSON.stringify(name)}\n\n${USAGE}\n`);
    return EXIT.USAGE;
  }
  return runCommand(entry.load(), rest);
}
