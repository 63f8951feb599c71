import fs from 'node:fs';
import { SqlPool } from '../core/db/sql-pool';
import { DEVELOPMENT_VIEWER } from '../core/graphql/context';
import { exportReader } from '../modules/exchange/export.service';
import { loadReport, renderHtml, renderMarkdown, writeReportXlsx } from '../modules/exchange/report.service';
import { oneOf, str, UsageError } from './args';
import { EXIT, type Command } from './command';
import { withDatabase } from './database';

export const reportCommand: Command = {
  name: 'report',
  summary: 'render an EPCL report from the database as md, html or xlsx',
  usage: `Usage: dmc report N [--format md|html|xlsx] [--out FILE]

Renders EPCL report N from the database, section by section as the published document has them: front
matter, §1 context with the summary counts and the Installs/Devices volume tables (as published and
recomputed from the inventory), §2 the Live Service Criteria with their RAG status, §3 the risk register,
§4 the signatory, the objection window, Annex A (every entry with its devices and test reports) and
Annex D (the Clause 20 evidence). Writes to stdout unless --out is given (xlsx needs --out).

Options:
  --format md|html|xlsx   default md (or from the --out extension)
  --out FILE              where to write

Exit codes: 0 written, 1 no such report or database error, 2 usage error.`,
  options: { format: { value: true }, out: { value: true, alias: 'o' } },
  async run(args) {
    const [numberArg, ...extra] = args.positionals;
    if (!numberArg || !/^\d+$/.test(numberArg))
      throw new UsageError('which report? give its number, e.g. dmc report 22');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const out = str(args, 'out');
    const fromExt = out
      ? (/\.(md|html|xlsx)$/i.exec(out)?.[1]?.toLowerCase() as 'md' | 'html' | 'xlsx' | undefined)
      : undefined;
    const format = oneOf(args, 'format', ['md', 'html', 'xlsx'] as const, fromExt ?? 'md');
    if (format === 'xlsx' && (!out || out === '-')) throw new UsageError('--format xlsx needs --out FILE');
    await withDatabase(async (url) => {
      const pool = new SqlPool(url, { max: 4, applicationName: 'dmc-report' });
      try {
        const model = await loadReport(exportReader(pool, DEVELOPMENT_VIEWER), Number(numberArg));
        if (format === 'xlsx') {
          await writeReportXlsx(model, fs.createWriteStream(out!));
          return;
        }
        const text = format === 'md' ? renderMarkdown(model) : renderHtml(model);
        if (out && out !== '-') fs.writeFileSync(out, text);
        else process.stdout.write(text);
      } finally {
        await pool.close();
      }
    });
    return EXIT.OK;
  },
};
