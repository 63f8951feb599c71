import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

@ObjectType({ description: 'Relay pagination state of a connection.' })
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

/** `first` defaults to 20 and must be 1–100, as in GitHub's and Shopify's APIs. */
export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `an integer from 1 to ${MAX_PAGE_SIZE}`, first);
  }
  return first;
}
