import type { Context } from '../../core/graphql/context';
import { badUserInput, notFound } from '../../core/graphql/errors';
import { EpclEntryState } from '../common/enums';
import type { EpclListDiff, EpclListPoint } from './list-diff.types';

/**
 * An entry's state as of the end of `date`, from the history (`state_change`), as `epclEntry(asOf:)` reads
 * it: the state of the last change effective on or before the date; before its first recorded change, that
 * change's from-state (null: it did not exist yet). An entry with no recorded history has its current state,
 * except before its date first added, when its earlier state is unknown (null).
 */
export const entryStateAsOf = (entry: string, date: string) => `(case
    when exists (select 1 from state_change h where h.entry_id = ${entry}.id) then coalesce(
      (select h.to_state from state_change h where h.entry_id = ${entry}.id and h.effective_on <= ${date}
        order by h.effective_on desc, h.id desc limit 1),
      (select h.from_state from state_change h where h.entry_id = ${entry}.id order by h.effective_on, h.id limit 1))
    when ${entry}.date_first_added > ${date} then null
    else ${entry}.state end)`;

async function resolvePoint(
  ctx: Context,
  point: EpclListPoint,
  name: 'from' | 'to',
): Promise<{ date: string; version: string | null }> {
  const hasVersion = point.version != null;
  const hasDate = point.date != null;
  if (hasVersion === hasDate) throw badUserInput(name, 'exactly one of "version" and "date"', point);
  if (hasDate) return { date: point.date!, version: null };
  const [row] = await ctx.sql<{ published_on: string }>(
    `select published_on::text as published_on from epcl_list_version where version = $1
      order by published_on desc, id desc limit 1`,
    [point.version],
  );
  if (!row) throw notFound('EPCL list version', 'version', point.version);
  return { date: row.published_on, version: point.version! };
}

/** What changed on the EPCL between two points (list versions or dates), from the entries' history. */
export async function epclListDiff(
  ctx: Context,
  fromPoint: EpclListPoint,
  toPoint: EpclListPoint,
): Promise<EpclListDiff> {
  const from = await resolvePoint(ctx, fromPoint, 'from');
  const to = await resolvePoint(ctx, toPoint, 'to');
  if (from.date > to.date)
    throw badUserInput('to', `a point on or after "from" (${from.date})`, to.version ?? to.date);
  const rows = await ctx.sql<{ id: number; s_from: EpclEntryState | null; s_to: EpclEntryState | null }>(
    `select id, s_from, s_to from (
       select e.id, e.epcl_id, ${entryStateAsOf('e', '$1::date')} as s_from, ${entryStateAsOf('e', '$2::date')} as s_to
         from epcl_entry e) x
      where s_from is distinct from s_to or s_from = 'ON_EPCL'
      order by epcl_id nulls last, id`,
    [from.date, to.date],
  );
  const entry = (r: (typeof rows)[number]) => ({ entryId: r.id, fromState: r.s_from, toState: r.s_to });
  const changed = rows.filter((r) => r.s_from !== r.s_to);
  return {
    fromDate: from.date,
    toDate: to.date,
    fromVersion: from.version,
    toVersion: to.version,
    added: changed.filter((r) => r.s_to === EpclEntryState.ON_EPCL).map(entry),
    removed: changed.filter((r) => r.s_from === EpclEntryState.ON_EPCL).map(entry),
    changed: changed
      .filter((r) => r.s_from !== EpclEntryState.ON_EPCL && r.s_to !== EpclEntryState.ON_EPCL)
      .map(entry),
    fromSize: rows.filter((r) => r.s_from === EpclEntryState.ON_EPCL).length,
    // Every entry on the list at either point is among the rows (unchanged, or changed).
    toSize: rows.filter((r) => r.s_to === EpclEntryState.ON_EPCL).length,
  };
}
