import type { Context, Viewer } from './context';
import { forbidden } from './errors';

/**
 * Who may do what, in one place. Resolvers call these first; PostgreSQL row-level security is the second
 * line for installation rows.
 */

/** DCC staff (admin or analyst) read everything; suppliers only their own. */
export const isDccStaff = (viewer: Viewer): boolean =>
  viewer.role === 'DCC_ADMIN' || viewer.role === 'DCC_ANALYST';

/** Reads reserved to DCC staff (any DCC role). Throws FORBIDDEN naming what was refused. */
export function requireDccStaff(ctx: Pick<Context, 'viewer'>, what: string): void {
  if (!isDccStaff(ctx.viewer)) throw forbidden(`Only DCC staff may ${what}`);
}

/** Writes: DCC admins only (analysts and suppliers get FORBIDDEN). */
export function requireDccAdmin(ctx: Pick<Context, 'viewer'>, what: string): void {
  if (ctx.viewer.role !== 'DCC_ADMIN') throw forbidden(`Only DCC admins may ${what}`);
}

/** Who the history names for a change made by this viewer: the credential's subject, else its role. */
export const actorOf = (viewer: Viewer): string => viewer.subject ?? viewer.role;
