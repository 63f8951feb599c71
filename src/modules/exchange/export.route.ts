import type http from 'node:http';
import express from 'express';
import type { SqlPool } from '../../core/db/sql-pool';
import type { Viewer } from '../../core/graphql/context';
import type { Logger } from '../../core/logger';
import {
  checkExport,
  EXPORT_KINDS,
  ExportError,
  exportReader,
  writeExport,
  type ExportKind,
  type ExportOptions,
} from './export.service';
import { OutputClosed } from './sheets';
import { exportScopes, missingScopes } from '../auth/scopes';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const STATUS = { INVALID_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

/**
 * `GET /exports/<kind>.<xlsx|csv>?report=&targetDmc=&asOf=&supplierId=`: the files of `dmc export` over HTTP,
 * streamed, for the same viewer as GraphQL: catalogue exports (epcl-list, annex-a, volumes) are open to every
 * viewer; candidates and installations are scoped to a supplier viewer's own installations, and asking for
 * another supplier's is 403. Errors are JSON `{ errors: [{ message, extensions: { code } }] }`.
 */
export function exportsRouter(
  pool: SqlPool,
  viewerOf: (headers: http.IncomingHttpHeaders, res: express.Response) => Viewer,
  log: Logger,
): express.Router {
  const router = express.Router();
  router.get('/:file', async (req, res) => {
    const fail = (status: number, code: string, message: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    let viewer: Viewer;
    try {
      viewer = viewerOf(req.headers, res);
    } catch (error) {
      return fail(400, 'BAD_USER_INPUT', (error as Error).message);
    }
    const match = /^([a-z-]+)\.(xlsx|csv)$/.exec(req.params.file);
    if (!match || !(EXPORT_KINDS as readonly string[]).includes(match[1]))
      return fail(
        404,
        'NOT_FOUND',
        `no export ${req.params.file}; kinds: ${EXPORT_KINDS.join(', ')} as .xlsx or .csv`,
      );
    const [, kind, format] = match as unknown as [string, ExportKind, 'xlsx' | 'csv'];
    const lacking = missingScopes(viewer, exportScopes(kind));
    if (lacking.length)
      return fail(
        403,
        'FORBIDDEN',
        `This credential lacks the scope ${lacking.join(' and ')} for ${kind} exports`,
      );
    const q = req.query as Record<string, string | undefined>;
    const param = (...names: string[]) =>
      names.map((n) => q[n]).find((v) => typeof v === 'string' && v !== '');
    const integer = (name: string, value: string | undefined) => {
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value)) throw new ExportError(`${name} must be a positive integer`, 'INVALID_INPUT');
      return Number(value);
    };
    let options: ExportOptions;
    try {
      const asOf = param('asOf', 'as-of');
      if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
        throw new ExportError('asOf must be a date YYYY-MM-DD', 'INVALID_INPUT');
      const dmc = param('targetDmc', 'target-dmc');
      const decoded =
        dmc && !/^\d+$/.test(dmc) ? /^Dmc:(\d+)$/.exec(Buffer.from(dmc, 'base64').toString()) : null;
      options = {
        format,
        report: integer('report', param('report')),
        asOf,
        targetDmc: decoded ? Number(decoded[1]) : integer('targetDmc', dmc),
        supplierId: integer('supplierId', param('supplierId', 'supplier-id')),
      };
      const reader = exportReader(pool, viewer);
      await checkExport(reader, kind, options);
      res.status(200);
      res.setHeader('content-type', CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `attachment; filename="${kind}.${format}"`);
      await writeExport(reader, kind, options, res);
    } catch (error) {
      if (error instanceof ExportError && !res.headersSent)
        return fail(
          STATUS[error.code],
          error.code === 'INVALID_INPUT' ? 'BAD_USER_INPUT' : error.code,
          error.message,
        );
      if (error instanceof OutputClosed) {
        log.info('export abandoned by the client', { kind });
        return;
      }
      log.error('export failed', { kind, error });
      if (!res.headersSent) return fail(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      res.destroy(error as Error);
    }
  });
  return router;
}
