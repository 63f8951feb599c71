import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { checkScopes } from './scopes';

/**
 * API keys: `dmc_<prefix>_<secret>`, the prefix 12 hex characters (public: lists, logs, rate limits), the
 * secret 32 random bytes in base64url. Only the SHA-256 of the secret is stored; the key is shown once.
 * Managed with `dmc keys` (src/cli/keys.ts); checked by `Authenticator` (authenticate.ts).
 */
export const KEY_PATTERN = /^dmc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export type KeyRole = 'DCC_ADMIN' | 'DCC_ANALYST' | 'SUPPLIER';

export type ApiKeyRow = {
  id: number;
  prefix: string;
  secret_hash: string;
  name: string;
  role: KeyRole;
  supplier_id: number | null;
  scopes: string[];
  trusted_documents_only: boolean;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  rotated_from_id: number | null;
};

/** Anything that runs a parameterised statement (a `pg` client or pool, the read pool). */
export type Queryable = { query: <T>(text: string, params?: readonly unknown[]) => Promise<T[]> };

/** What `queryable` adapts: a `pg` Client, PoolClient or Pool (`query` answering `{ rows }`). */
export type PgQuery = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** A `pg` client or pool as a `Queryable` (its rows), for the key functions below. */
export const queryable = (client: PgQuery): Queryable => ({
  query: async <T>(text: string, params: readonly unknown[] = []) =>
    (await client.query(text, [...params])).rows as T[],
});

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Whether `secret` hashes to `hash` (constant time). */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseKey(key: string): { prefix: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : undefined;
}

/** A duration like `90d`, `12h`, `30m`, `45s` in milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([dhms])$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 }[match[2] as 'd' | 'h' | 'm' | 's'];
  return Number(match[1]) * unit;
}

export type NewKey = {
  name: string;
  role: KeyRole;
  supplierId?: number;
  scopes?: string[];
  trustedDocumentsOnly?: boolean;
  expiresAt?: Date;
  rotatedFromId?: number;
};

export class KeyError extends Error {
  override name = 'KeyError';
}

const COLUMNS = `id, prefix, secret_hash, name, role, supplier_id, scopes, trusted_documents_only, expires_at,
  last_used_at, revoked_at, created_at, rotated_from_id`;

/** Creates a key; returns its row and the key itself (the only time it exists in clear). */
export async function createKey(db: Queryable, input: NewKey): Promise<{ row: ApiKeyRow; key: string }> {
  if (!input.name.trim()) throw new KeyError('a key needs a name (--name)');
  if (input.role === 'SUPPLIER' && input.supplierId === undefined)
    throw new KeyError('a SUPPLIER key needs --supplier-id');
  if (input.role !== 'SUPPLIER' && input.supplierId !== undefined)
    throw new KeyError(`a ${input.role} key has no supplier; drop --supplier-id`);
  let scopes: string[];
  try {
    scopes = checkScopes(input.role, input.scopes ?? []);
  } catch (error) {
    throw new KeyError((error as Error).message);
  }
  if (input.supplierId !== undefined) {
    const found = await db.query('select 1 from supplier where id = $1', [input.supplierId]);
    if (!found.length) throw new KeyError(`no supplier ${input.supplierId}`);
  }
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const [row] = await db.query<ApiKeyRow>(
    `insert into api_key (prefix, secret_hash, name, role, supplier_id, scopes, trusted_documents_only,
       expires_at, rotated_from_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
    [
      prefix,
      hashSecret(secret),
      input.name.trim(),
      input.role,
      input.supplierId ?? null,
      scopes,
      input.trustedDocumentsOnly ?? false,
      input.expiresAt ?? null,
      input.rotatedFromId ?? null,
    ],
  );
  return { row, key: `dmc_${prefix}_${secret}` };
}

export async function listKeys(db: Queryable): Promise<ApiKeyRow[]> {
  return db.query<ApiKeyRow>(`select ${COLUMNS} from api_key order by id`);
}

export async function findKey(db: Queryable, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.query<ApiKeyRow>(`select ${COLUMNS} from api_key where prefix = $1`, [prefix]);
  return row;
}

/** Revokes a key now (or at `at`, for a rotation's grace period). Revoking a revoked key is an error. */
export async function revokeKey(db: Queryable, prefix: string, at?: Date): Promise<ApiKeyRow> {
  const key = await findKey(db, prefix);
  if (!key) throw new KeyError(`no key with prefix ${JSON.stringify(prefix)}`);
  if (key.revoked_at && key.revoked_at.getTime() <= Date.now())
    throw new KeyError(`key ${prefix} was already revoked at ${key.revoked_at.toISOString()}`);
  const [row] = await db.query<ApiKeyRow>(
    `update api_key set revoked_at = coalesce($2::timestamptz, now()) where id = $1 returning ${COLUMNS}`,
    [key.id, at ?? null],
  );
  return row;
}

/**
 * A new key with the same name, role, supplier, scopes and restriction (and the remaining lifetime's
 * length when the old one expires), the old one revoked now or after `graceMs`.
 */
export async function rotateKey(
  db: Queryable,
  prefix: string,
  graceMs = 0,
): Promise<{ row: ApiKeyRow; key: string; old: ApiKeyRow }> {
  const old = await findKey(db, prefix);
  if (!old) throw new KeyError(`no key with prefix ${JSON.stringify(prefix)}`);
  if (old.revoked_at && old.revoked_at.getTime() <= Date.now())
    throw new KeyError(`key ${prefix} is revoked; create a new one instead`);
  const lifetime = old.expires_at ? old.expires_at.getTime() - old.created_at.getTime() : undefined;
  const created = await createKey(db, {
    name: old.name,
    role: old.role,
    supplierId: old.supplier_id ?? undefined,
    scopes: old.scopes,
    trustedDocumentsOnly: old.trusted_documents_only,
    expiresAt: lifetime !== undefined ? new Date(Date.now() + lifetime) : undefined,
    rotatedFromId: old.id,
  });
  const revoked = await revokeKey(db, prefix, new Date(Date.now() + graceMs));
  return { ...created, old: revoked };
}

/** Whether a key may be used at `now`, and why not. */
export function keyProblem(row: ApiKeyRow, now = Date.now()): string | undefined {
  if (row.revoked_at && row.revoked_at.getTime() <= now) return 'the API key has been revoked';
  if (row.expires_at && row.expires_at.getTime() <= now) return 'the API key has expired';
  return undefined;
}
