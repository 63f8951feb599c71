import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../app/database';
import { IMPORT_KINDS, importFile, type ImportKind } from '../modules/exchange/import.service';
import { int, UsageError } from './args';
import { EXIT, type Command } from './command';
import { withDatabase } from './database';
import { progressBar } from './progress';

export const importCommand: Command = {
  name: 'import',
  summary: 'load an EPCL list, Annex A, DMCT Status List or device models from xlsx/csv',
  usage: `Usage: dmc import <kind> FILE [--dry-run] [--report N]

Kinds (the layouts \`dmc export\` writes; README "Export and import formats"):
  epcl-list          entries on the EPCL: EPCL ID, cohort, status, basis, basis EPCL ID, date first added, and
                     each device's manufacturer, manufacturer ID, model, hardware and firmware. Entries on
                     the EPCL that the list no longer carries become REMOVED.
  annex-a            a report's entries with their group, state and basis; from xlsx also the Evidence, Test
                     Reports and Report sheets (the report is created as DRAFTING when missing)
  dmct-status-list   the state of catalogued DMCs' entries in the Clause 20 pipeline (Cohort, Installation
                     Status, State, optional EPCL ID, device columns); an uncatalogued DMC is refused
  device-models      manufacturers, device models and firmware versions (Device Type, Manufacturer,
                     Manufacturer ID, Model, Hardware Version, Firmware Version)

The file is validated before anything is written; every problem is printed as sheet, row and column. The
import is written in one transaction through the database's rules: all or nothing. Importing the same file
again changes nothing and says so.

Options:
  --dry-run     print what would be added, changed and removed; write nothing
  --report N    annex-a: the report number (default: the Report sheet's Number)

Exit codes: 0 imported (or nothing to change), 1 refused (problems printed) or failed, 2 usage error.`,
  options: { 'dry-run': { value: false, alias: 'n' }, report: { value: true } },
  async run(args) {
    const [kind, file, ...extra] = args.positionals;
    if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`which import? one of ${IMPORT_KINDS.join(', ')}`);
    if (!file) throw new UsageError('FILE is required');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const dryRun = args.options['dry-run'] === true;
    const report = int(args, 'report', 1);
    const result = await withDatabase(async (url) => {
      const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
      try {
        const bar = progressBar(`import ${kind}`);
        try {
          return await importFile(orm, kind as ImportKind, file, {
            dryRun,
            report,
            onProgress: (done, total) => bar.update(done, total),
          });
        } finally {
          bar.done();
        }
      } finally {
        await orm.close(true);
      }
    });
    if (result.problems.length) {
      process.stderr.write(
        `${file}: refused, nothing was written (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):\n`,
      );
      for (const p of result.problems)
        process.stderr.write(
          `  ${[p.sheet && `sheet "${p.sheet}"`, p.row && `row ${p.row}`, p.column && `column "${p.column}"`].filter(Boolean).join(', ') || 'file'}: ${p.message}\n`,
        );
      return EXIT.FAILURE;
    }
    const count = (op: string) => result.changes.filter((c) => c.op === op).length;
    if (dryRun)
      for (const c of result.changes)
        process.stdout.write(
          `${c.op === 'added' ? '+' : c.op === 'changed' ? '~' : '-'} ${c.what} ${c.detail}\n`,
        );
    const byWhat = (op: string) => {
      const m = new Map<string, number>();
      for (const c of result.changes) if (c.op === op) m.set(c.what, (m.get(c.what) ?? 0) + 1);
      return [...m].map(([w, n]) => `${n} ${w}`).join(', ');
    };
    process.stdout.write(
      `${dryRun ? 'dry run, nothing written: would have' : 'imported'} ${result.changes.length} change${result.changes.length === 1 ? '' : 's'}: ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed\n` +
        ['added', 'changed', 'removed']
          .filter((op) => count(op))
          .map((op) => `  ${op}: ${byWhat(op)}\n`)
          .join(''),
    );
    return EXIT.OK;
  },
};
