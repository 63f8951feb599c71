import fs from 'node:fs';
import { SqlPool } from '../core/db/sql-pool';
import { DEVELOPMENT_VIEWER } from '../core/graphql/context';
import { EXPORT_KINDS, exportReader, writeExport, type ExportKind } from '../modules/exchange/export.service';
import { int, isoDate, oneOf, str, UsageError } from './args';
import { EXIT, type Command } from './command';
import { withDatabase } from './database';
import { progressBar } from './progress';

/** A DMC given as its numeric id or its global ID (`Dmc:<id>` in base64, as the API issues it). */
export function dmcIdArg(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const decoded = /^Dmc:(\d+)$/.exec(Buffer.from(value, 'base64').toString('utf8'));
  if (!decoded) throw new UsageError(`--target-dmc must be a DMC id or global ID; got ${value}`);
  return Number(decoded[1]);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the EPCL list, an Annex A, volumes, candidates or installations to xlsx/csv',
  usage: `Usage: dmc export <kind> --format xlsx|csv --out FILE [options]

Kinds:
  epcl-list      entries on the EPCL as of a date (state ON_EPCL, date first added on or before it)
  annex-a        a report's entries: group, EPCL ID, status, state, basis, basis entry, each device's
                 manufacturer/model/hardware/firmware, test reports (xlsx adds Evidence, Test Reports, Report)
  volumes        a report's Installs/Devices tables: published, recomputed from the inventory, difference
  candidates     installations that could be firmware-upgraded to a DMC (--target-dmc), or to the DMCs of a
                 report (--report, each installation once, as the volume tables count them); streamed
  installations  installations (one supplier's with --supplier-id) with their DMC, entry and blocker

Options:
  --format xlsx|csv   file format (default: from the --out extension)
  --out FILE          where to write (required; "-" for stdout)
  --report N          report number for annex-a, volumes and candidates (default 22)
  --as-of DATE        epcl-list: the list as of this date, YYYY-MM-DD (default today)
  --target-dmc ID     candidates: the target DMC (numeric id or global ID)
  --supplier-id N     candidates, installations: only this supplier's installations

IDs are written as text (leading zeros kept), dates as dates. A progress bar is drawn on stderr when it is
a terminal. Exit codes: 0 written, 1 failed (nothing found, database error), 2 usage error.`,
  options: {
    format: { value: true },
    out: { value: true, alias: 'o' },
    report: { value: true },
    'as-of': { value: true },
    'target-dmc': { value: true },
    'supplier-id': { value: true },
  },
  async run(args) {
    const [kind, ...extra] = args.positionals;
    if (!kind) throw new UsageError('which export? one of ' + EXPORT_KINDS.join(', '));
    if (!(EXPORT_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`unknown export ${kind}; one of ${EXPORT_KINDS.join(', ')}`);
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const out = str(args, 'out');
    if (!out) throw new UsageError('--out FILE is required');
    const fromExt = /\.(xlsx|csv)$/i.exec(out)?.[1]?.toLowerCase() as 'xlsx' | 'csv' | undefined;
    const format = oneOf(args, 'format', ['xlsx', 'csv'] as const, fromExt);
    const targetDmc = dmcIdArg(str(args, 'target-dmc'));
    const options = {
      format,
      report: int(args, 'report', 1),
      asOf: isoDate(args, 'as-of'),
      targetDmc,
      supplierId: int(args, 'supplier-id', 1),
    };
    const started = Date.now();
    const rows = await withDatabase(async (url) => {
      const pool = new SqlPool(url, { max: 2, applicationName: 'dmc-export' });
      const bar = progressBar(kind);
      const tmp = out === '-' ? undefined : `${out}.partial`;
      const stream = tmp ? fs.createWriteStream(tmp) : process.stdout;
      try {
        const n = await writeExport(
          exportReader(pool, DEVELOPMENT_VIEWER),
          kind as ExportKind,
          { ...options, onProgress: (done, total) => bar.update(done, total) },
          stream,
        );
        if (tmp) fs.renameSync(tmp, out);
        return n;
      } catch (error) {
        if (tmp) fs.rmSync(tmp, { force: true });
        throw error;
      } finally {
        bar.done();
        await pool.close();
      }
    });
    if (out !== '-')
      process.stderr.write(
        `${kind}: ${rows.toLocaleString('en-GB')} rows written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    return EXIT.OK;
  },
};
