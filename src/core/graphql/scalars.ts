import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date without time or zone, `YYYY-MM-DD` (statutory dates are calendar days in England &
 * Wales). Input is checked strictly (real dates only). Output comes from PostgreSQL `date` columns, which
 * are valid by construction, so serialising only checks the shape: this scalar is on every page of results.
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD, e.g. 2021-12-03.',
  serialize(value) {
    if (typeof value === 'string' && value.length === 10 && ISO_DATE.test(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError(`LocalDate cannot represent ${JSON.stringify(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new GraphQLError(
        `LocalDate must be a date written YYYY-MM-DD; received ${JSON.stringify(value)}`,
      );
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value)) {
      throw new GraphQLError(`LocalDate must be a date written YYYY-MM-DD, as a string`, { nodes: ast });
    }
    return ast.value;
  },
});
