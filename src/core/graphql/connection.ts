import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

@ObjectType({ description: 'Relay pagination state of a connection.', simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export type PageRequest = {
  /** Items to return (1–100). */
  limit: number;
  /** Paging backwards (`last` or `before`). */
  backward: boolean;
  /** The cursor to start after (forwards) or end before (backwards), undefined on the first page. */
  cursor: string | undefined;
};

/**
 * The one validator of Relay page arguments, as in GitHub's and Shopify's APIs: `first`/`last` from 1 to
 * 100 (default 20 forwards), not both; `after` or `before`, not both. A connection that pages forwards only
 * says so with `forwardOnly`, and then refuses `last`/`before`.
 */
export function pageArgs(
  args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null },
  options: { forwardOnly?: string } = {},
): PageRequest {
  const { first, last, after, before } = args;
  const check = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)
      throw badUserInput(name, `an integer from 1 to ${MAX_PAGE_SIZE}`, value);
    return value;
  };
  if (options.forwardOnly && (last != null || before != null))
    throw badUserInput(last != null ? 'last' : 'before', `omitted: ${options.forwardOnly}`, last ?? before);
  if (first != null && last != null)
    throw badUserInput('last', 'omitted when "first" is given (page forwards or backwards, not both)', last);
  if (after != null && before != null) throw badUserInput('before', 'omitted when "after" is given', before);
  if (last != null) return { limit: check('last', last), backward: true, cursor: before ?? undefined };
  const limit = first != null ? check('first', first) : DEFAULT_PAGE_SIZE;
  if (before != null) return { limit, backward: true, cursor: before };
  return { limit, backward: false, cursor: after ?? undefined };
}
