import { GraphQLError } from 'graphql';
import { ErrorCode, quote } from '../errors';

/** The largest key of a PostgreSQL `integer` (every object's primary key). */
export const MAX_KEY = 2_147_483_647;

/**
 * Opaque global IDs (Relay): base64 of `TypeName:key`. Clients must treat them as opaque; the server
 * decodes them only to find the table and key, and refuses an ID of another type where one type is expected.
 */
export function encodeGlobalId(typeName: string, key: number | string): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64');
}

/** The SQL that computes the same ID inside PostgreSQL (base64 there wraps lines at 76 characters). */
export function globalIdSql(typeName: string, keySql: string): string {
  return `translate(encode(convert_to('${typeName}:' || ${keySql}, 'UTF8'), 'base64'), E'\\n', '')`;
}

export function decodeGlobalId(id: string, argument = 'id'): { typeName: string; key: number } {
  const text = /^[A-Za-z0-9+/=_-]{4,200}$/.test(id) ? Buffer.from(id, 'base64').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]+):(\d{1,10})$/.exec(text);
  if (!match || Number(match[2]) > MAX_KEY) {
    throw new GraphQLError(
      `Argument "${argument}" must be a global ID returned by this API; received ${quote(id)}`,
      {
        extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
      },
    );
  }
  return { typeName: match[1], key: Number(match[2]) };
}

/** Decodes an ID that must be of `typeName`. */
export function decodeIdOf(typeName: string, id: string, argument: string): number {
  const decoded = decodeGlobalId(id, argument);
  if (decoded.typeName !== typeName) {
    throw new GraphQLError(
      `Argument "${argument}" must be the ID of a ${typeName}; received the ID of a ${decoded.typeName}`,
      {
        extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
      },
    );
  }
  return decoded.key;
}
