import { migrate } from '../app/database';
import { str } from './args';
import { EXIT, type Command } from './command';
import { withDatabase } from './database';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending migrations',
  usage: `Usage: dmc migrate [--url DATABASE_URL]

Applies pending migrations to --url, DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (the running one
when \`npm start\` holds it). The server also does this at start-up; this is for deploy pipelines.`,
  options: { url: { value: true } },
  async run(args) {
    const applied = await withDatabase((url) => migrate(url), str(args, 'url') ?? args.positionals[0]);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'no pending migrations\n');
    return EXIT.OK;
  },
};
