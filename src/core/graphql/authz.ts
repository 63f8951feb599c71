import { getMetadataStorage, type AuthCheckerFn } from 'type-graphql';
import type { Context, Role, Viewer } from './context';
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

/** Roles for `@Authorized(...)`: writes (DCC admins), staff-only reads (any DCC role). */
export const DCC_ADMIN_ONLY = ['DCC_ADMIN'] as const satisfies readonly Role[];
export const DCC_STAFF = ['DCC_ADMIN', 'DCC_ANALYST'] as const satisfies readonly Role[];

/**
 * type-graphql's `authChecker`: a field declared `@Authorized(...roles)` runs only for a viewer with one of
 * the roles; anyone else gets FORBIDDEN naming the field and the roles (`@Authorized()` with no role means
 * any authenticated viewer).
 */
export const authChecker: AuthCheckerFn<Context, Role> = ({ context, info }, roles) => {
  if (roles.length === 0 || roles.includes(context.viewer.role)) return true;
  throw forbidden(
    `${info.parentType.name}.${info.fieldName} is for ${roles.join(' or ')}; this request is ${context.viewer.role}`,
  );
};

/**
 * Default deny for writes: every Mutation field must declare who may call it (`@Authorized(...)` on the
 * method or its resolver class). Returns the fields that do not; the server refuses to start with any.
 */
export function mutationsWithoutAuthorization(): string[] {
  const storage = getMetadataStorage();
  const classes = new Set(storage.authorizedResolver.map((a) => a.target));
  const fields = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
  return storage.mutations
    .filter((m) => !classes.has(m.target) && !fields.has(`${m.target.name}.${m.methodName}`))
    .map((m) => `Mutation.${m.schemaName} (${m.target.name}.${m.methodName})`);
}
