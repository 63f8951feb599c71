import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/graphql/context';
import { userError, type UserError } from '../../core/graphql/user-error';

/*
 * Idempotent lifecycle mutations (issue 8). A mutation given an `idempotencyKey` stores its first successful
 * result (the id of the object its payload returns) in `idempotency_record`, in the transaction that applied
 * it; a later call with the same key, mutation and viewer replays that result instead of applying the step
 * again. Concurrent calls with one key queue on a transaction-scoped advisory lock of the key, so exactly one
 * applies and the others replay. A failed call (user errors) stores nothing: its key may be retried.
 */

export type IdempotencyScope = { key: string; mutation: string; viewer: string; inputHash: string };

const scope = new AsyncLocalStorage<IdempotencyScope>();

/** The idempotency scope of the mutation running in this async context, if it was given a key. */
export const currentIdempotency = (): IdempotencyScope | undefined => scope.getStore();

/** Thrown inside the mutation's transaction when another call with the key applied first: replay its result. */
export class Replay extends Error {
  constructor(readonly result: { id: number | null; userErrors: UserError[] }) {
    super('replay');
  }
}

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Canonical JSON: object keys sorted, so the same input hashes the same whatever the order of its fields. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export const inputHash = (input: object): string => {
  const { idempotencyKey: _key, ...rest } = input as { idempotencyKey?: unknown };
  return createHash('sha256').update(canonical(rest)).digest('hex');
};

type Result = { id: number | null; userErrors: UserError[] };

/**
 * Runs `apply` (a lifecycle operation that uses `inTransaction`) under the input's idempotency key, if any.
 * Returns the stored result for a replay, IDEMPOTENCY_KEY_REUSED when the key was used for a different input.
 */
export async function idempotent<R extends Result>(
  ctx: Context,
  mutation: string,
  input: object & { idempotencyKey?: string | null },
  apply: () => Promise<R>,
): Promise<Result> {
  const key = input.idempotencyKey;
  if (key == null) return apply();
  if (key.length < 1 || key.length > 200 || CONTROL.test(key))
    return {
      id: null,
      userErrors: [
        userError(
          'INVALID_INPUT',
          `idempotencyKey must be 1–200 characters without control characters; received ${key.length}`,
          ['input', 'idempotencyKey'],
        ),
      ],
    };
  const s: IdempotencyScope = {
    key,
    mutation,
    viewer: ctx.viewer.subject ?? ctx.viewer.role,
    inputHash: inputHash(input),
  };
  // A retry after the first committed needs no transaction of its own: answer it from the record.
  const [stored] = await ctx.sql<{ inputHash: string; resultId: number | null }>(
    `select input_hash as "inputHash", result_id as "resultId" from idempotency_record
      where key = $1 and mutation = $2 and viewer = $3`,
    [s.key, s.mutation, s.viewer],
  );
  if (stored) return replayOf(s, stored);
  return scope.run(s, apply);
}

function replayOf(s: IdempotencyScope, stored: { inputHash: string; resultId: number | null }): Result {
  if (stored.inputHash !== s.inputHash)
    return {
      id: null,
      userErrors: [
        userError(
          'IDEMPOTENCY_KEY_REUSED',
          `idempotency key ${JSON.stringify(s.key)} was used for ${s.mutation} with a different input: use a new key for a new request`,
          ['input', 'idempotencyKey'],
        ),
      ],
    };
  return { id: stored.resultId, userErrors: [] };
}

/** First thing in the transaction: wait for any concurrent call with the key; replay if one applied. */
export async function claimIdempotency(em: EntityManager): Promise<void> {
  const s = currentIdempotency();
  if (!s) return;
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 8190020003))', [
    JSON.stringify([s.mutation, s.viewer, s.key]),
  ]);
  const [stored] = await em.execute<{ input_hash: string; result_id: number | null }[]>(
    'select input_hash, result_id from idempotency_record where key = ? and mutation = ? and viewer = ?',
    [s.key, s.mutation, s.viewer],
  );
  if (stored) throw new Replay(replayOf(s, { inputHash: stored.input_hash, resultId: stored.result_id }));
}

/** Last thing in the transaction that applied the step: store its result under the key. */
export async function recordIdempotency(em: EntityManager, resultId: unknown): Promise<void> {
  const s = currentIdempotency();
  if (!s) return;
  await em.execute(
    'insert into idempotency_record (key, mutation, viewer, input_hash, result_id) values (?, ?, ?, ?, ?)',
    [s.key, s.mutation, s.viewer, s.inputHash, typeof resultId === 'number' ? resultId : null],
  );
}
