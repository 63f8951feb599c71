import { GraphQLError } from 'graphql';
import { badUserInput, makeFormatError, quote } from '../../src/core/graphql/errors';
import { silentLogger } from '../../src/core/logger';

/** What PostgreSQL's driver throws for a value it cannot take (the shape `pg` gives its errors). */
const pgError = Object.assign(new Error('invalid input syntax for type integer: "abc"'), { code: '22P02' });
const raised = new GraphQLError(pgError.message, { originalError: pgError, path: ['epclEntries'] });

describe('error formatting', () => {
  it('keeps PostgreSQL’s text out of production responses, naming the rule instead', () => {
    const production = makeFormatError({ production: true, log: silentLogger });
    const formatted = production({ message: pgError.message, path: ['epclEntries'] }, raised);
    expect(formatted).toEqual({
      message: 'The request breaks the database rule INVALID_TEXT',
      path: ['epclEntries'],
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'INVALID_TEXT' },
    });
    const development = makeFormatError({ production: false, log: silentLogger });
    expect(development({ message: pgError.message }, raised).message).toBe(pgError.message);
  });

  it('echoes at most 200 characters of a value', () => {
    expect(quote('x'.repeat(1000))).toBe(JSON.stringify('x'.repeat(200) + '…'));
    expect(badUserInput('first', 'an integer', 'y'.repeat(5000)).message).toHaveLength(
      'Argument "first" must be an integer; received "'.length + 200 + '…"'.length,
    );
  });

  it('cuts long quoted values in GraphQL’s own messages', () => {
    const format = makeFormatError({ production: true, log: silentLogger });
    const message = `Int cannot represent non-integer value: "${'z'.repeat(10_000)}"`;
    const formatted = format(
      { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError(message),
    );
    expect(formatted.message).toBe(`Int cannot represent non-integer value: "${'z'.repeat(200)}…"`);
  });
});
