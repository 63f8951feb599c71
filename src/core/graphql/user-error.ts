import { Field, ObjectType } from 'type-graphql';
import { DOMAIN_RULE_CODES, GENERIC_DB_CODES, translateDbError } from '../db/db-errors';

/**
 * A problem with a mutation's input or with the state it would change, returned in the payload's
 * `userErrors` (as in Shopify's public API) rather than as a GraphQL error: the client can show it next to
 * the field it names. A mutation that returns user errors has written nothing.
 */
@ObjectType({ description: 'Why a mutation did not apply. When any is returned, nothing was written.' })
export class UserError {
  @Field({
    description:
      'Stable code: INVALID_INPUT (a value is malformed or out of range), NOT_FOUND (no such object), STALE_VERSION (the object changed since you read its rowVersion: read it again), INVALID_STATE_TRANSITION (the process does not allow that step from the current state), NOTHING_TO_PUBLISH (no approved entry waits for a list version), OBJECTION_WINDOW_CLOSED (an objection outside the window), REFERRAL_WINDOW_CLOSED / REFERRAL_WINDOW_OPEN (a test-report referral after its window, a TAG review within it), IDEMPOTENCY_KEY_REUSED (an idempotency key already used for a different input), or the code of the domain rule the database enforces: ' +
      `${DOMAIN_RULE_CODES.join(', ')} (each explained in the README's error catalogue), else, for a constraint without a rule of its own, ${GENERIC_DB_CODES.join(', ')}.`,
  })
  code!: string;

  @Field({ description: 'What was expected and what was received, for a person.' })
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The path of the input field at fault, e.g. ["input", "name"]; null when not one field.',
  })
  field!: string[] | null;
}

export function userError(code: string, message: string, field: string[] | null = null): UserError {
  return Object.assign(new UserError(), { code, message, field });
}

/**
 * A database rule violation as a user error with the rule's stable code; undefined for other errors. In
 * production the message is the rule's explanation only, never PostgreSQL's own text.
 */
export function ruleViolation(
  error: unknown,
  field: string[] | null = null,
  production = false,
): UserError | undefined {
  const rule = translateDbError(error);
  if (!rule) return undefined;
  const message = production
    ? (rule.explanation ?? `the request breaks the database rule ${rule.code}`)
    : rule.message;
  return userError(rule.code, message, field);
}
