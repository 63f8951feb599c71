import type { Context } from '../../core/graphql/context';
import { decodeGlobalId } from '../../core/graphql/compiler/global-id';
import { ruleViolation, userError, type UserError } from '../../core/graphql/user-error';
import { Manufacturer } from './catalogue.entity';

export type WriteResult = { id: number | null; userErrors: UserError[] };

const MAX_NAME = 200;
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Corrects a manufacturer's display name: validated before any write, then loaded, changed and flushed in
 * one unit of work. A database rule (the name is unique) comes back as a user error with its code.
 */
export async function updateManufacturer(
  ctx: Context,
  input: { id: string; name: string },
): Promise<WriteResult> {
  const errors: UserError[] = [];
  let key: number | undefined;
  try {
    const decoded = decodeGlobalId(input.id, 'input.id');
    if (decoded.typeName === 'Manufacturer') key = decoded.key;
  } catch {
    // reported below
  }
  if (key === undefined)
    errors.push(userError('INVALID_INPUT', 'id must be the ID of a Manufacturer', ['input', 'id']));
  const name = input.name.trim();
  if (name.length < 1 || name.length > MAX_NAME || CONTROL.test(name))
    errors.push(
      userError(
        'INVALID_INPUT',
        `name must be 1–${MAX_NAME} characters after trimming, without control characters; received ${name.length} characters`,
        ['input', 'name'],
      ),
    );
  if (errors.length || key === undefined) return { id: null, userErrors: errors };

  try {
    return await ctx.transactional(async (em) => {
      const manufacturer = await em.findOne(Manufacturer, key);
      if (!manufacturer)
        return {
          id: null,
          userErrors: [userError('NOT_FOUND', `no manufacturer ${input.id}`, ['input', 'id'])],
        };
      manufacturer.name = name;
      await em.flush();
      return { id: manufacturer.id, userErrors: [] };
    });
  } catch (error) {
    const violation = ruleViolation(error, ['input', 'name'], ctx.production);
    if (violation) return { id: null, userErrors: [violation] };
    throw error;
  }
}
