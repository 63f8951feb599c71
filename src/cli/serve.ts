import type { Command } from './command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the GraphQL API, the exports and the health checks (what `npm start` runs)',
  usage: `Usage: dmc serve

Starts the server: applies pending migrations, loads the demo data into an empty database (SEED_ON_EMPTY),
then serves /graphql, /exports/<kind>.<xlsx|csv>, /healthz and /readyz on PORT (default 4000). The database
is DATABASE_URL, or the embedded PostgreSQL in DATA_DIR. Configuration: environment variables (README).
SIGTERM/SIGINT drain clients and stop. Exit codes: 1 start-up failed, 2 invalid configuration.`,
  options: {},
  async run() {
    const { main } = require('../main') as typeof import('../main');
    await main();
    // The server keeps the process alive; main() exits the process itself on shutdown or failure.
    return new Promise<number>(() => undefined);
  },
};
