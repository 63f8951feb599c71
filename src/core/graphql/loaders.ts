import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

export type ReportEntryCountKey = { reportId: number; group: string | null };

/**
 * Per-request DataLoaders: one SQL statement per field per request level, whatever the page size. Created
 * with each request's forked EntityManager and dropped with it, so nothing is cached across requests.
 */
export function createLoaders(em: EntityManager) {
  const knex = em.getKnex();
  return {
    reportEntryCount: new DataLoader<ReportEntryCountKey, number, string>(
      async (keys) => {
        const rows: { report_id: number; report_group: string; n: string }[] = await knex('epcl_report_entry')
          .select('report_id', 'report_group')
          .count({ n: '*' })
          .whereIn('report_id', [...new Set(keys.map((k) => k.reportId))])
          .groupBy('report_id', 'report_group');
        return keys.map((k) =>
          rows
            .filter((r) => r.report_id === k.reportId && (k.group === null || r.report_group === k.group))
            .reduce((sum, r) => sum + Number(r.n), 0),
        );
      },
      { cacheKeyFn: (k) => `${k.reportId}/${k.group ?? '*'}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
