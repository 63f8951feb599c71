/**
 * Bind parameters for hand-written SQL: `p(value, cast)` appends the value and returns its placeholder with an
 * explicit cast, so PostgreSQL never has to guess a type and client values never enter the SQL text.
 */
export function sqlParams(): { values: unknown[]; p: (value: unknown, cast: string) => string } {
  const values: unknown[] = [];
  return { values, p: (value, cast) => (values.push(value), `$${values.length}::${cast}`) };
}
