import { Client } from 'pg';
import {
  createKey,
  KeyError,
  listKeys,
  parseDuration,
  queryable,
  revokeKey,
  rotateKey,
  type ApiKeyRow,
  type KeyRole,
  type Queryable,
} from '../modules/auth/api-keys';
import { SCOPE_NAMES } from '../modules/auth/scopes';
import { int, oneOf, str, UsageError } from './args';
import { EXIT, type Command } from './command';
import { withDatabase } from './database';

const USAGE = `Usage: dmc keys <create|list|revoke|rotate> [options]

  create --role DCC_ADMIN|DCC_ANALYST|SUPPLIER [--supplier-id N] --name NAME
         [--expires-in 90d] [--trusted-documents] [--scopes a,b]
      Creates an API key and prints it as the LAST line of the output. It is shown this once: only its
      hash is stored. A SUPPLIER key needs --supplier-id (and only a SUPPLIER key takes one).
      --scopes narrows what the key may touch, within its role's: ${SCOPE_NAMES.join(', ')}
      (lifecycle:write for DCC_ADMIN only). Without --scopes the key has every scope of its role.
  list
      Every key: prefix, name, role, supplier, state, expiry, last use (never a secret).
  revoke <prefix>
      Revokes a key now: requests with it get 401, open WebSockets are closed (4401).
  rotate <prefix> [--grace 1h]
      A new key with the same name, role, supplier and restrictions, printed as the last line; the old one
      is revoked now, or after --grace (e.g. 15m, 1h, 7d) so that clients can switch over.

Durations: a number and d, h, m or s. The database is --url, DATABASE_URL, or the embedded one in DATA_DIR.
Call the API with the key as \`Authorization: Bearer <key>\`.`;

export const keysCommand: Command = {
  name: 'keys',
  summary: 'create, list, revoke and rotate API keys',
  usage: USAGE,
  options: {
    role: { value: true },
    'supplier-id': { value: true },
    name: { value: true },
    'expires-in': { value: true },
    'trusted-documents': { value: false },
    scopes: { value: true },
    grace: { value: true },
    url: { value: true },
  },
  async run(args) {
    const [action, prefix, ...extra] = args.positionals;
    if (!action) throw new UsageError('which action? create, list, revoke or rotate');
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const duration = (name: string): number | undefined => {
      const text = str(args, name);
      if (text === undefined) return undefined;
      const ms = parseDuration(text);
      if (ms === undefined || ms <= 0)
        throw new UsageError(`--${name} needs a duration like 90d, 12h, 30m; got ${text}`);
      return ms;
    };
    const needPrefix = () => {
      if (!prefix) throw new UsageError(`${action} needs the key's prefix (see \`dmc keys list\`)`);
      return prefix;
    };
    let work: (db: Queryable) => Promise<void>;
    switch (action) {
      case 'create': {
        const role = oneOf<KeyRole>(args, 'role', ['DCC_ADMIN', 'DCC_ANALYST', 'SUPPLIER']);
        const name = str(args, 'name');
        if (!name) throw new UsageError('--name is required (what the key is for, e.g. "Acme planning")');
        if (prefix) throw new UsageError(`unexpected argument ${prefix}`);
        const expiresIn = duration('expires-in');
        const scope = str(args, 'scopes');
        const input = {
          role,
          name,
          supplierId: int(args, 'supplier-id', 1),
          trustedDocumentsOnly: args.options['trusted-documents'] === true,
          expiresAt: expiresIn !== undefined ? new Date(Date.now() + expiresIn) : undefined,
          scopes: scope !== undefined ? scope.split(',').map((s) => s.trim()) : [],
        };
        work = async (db) => {
          const { row, key } = await createKey(db, input);
          process.stdout.write(
            `created API key ${row.prefix} (${describe(row)}); it is shown this once — store it now:\n${key}\n`,
          );
        };
        break;
      }
      case 'list':
        work = async (db) => {
          const rows = await listKeys(db);
          if (!rows.length) return void process.stdout.write('no API keys\n');
          const table = [
            ['PREFIX', 'NAME', 'ROLE', 'SUPPLIER', 'STATE', 'EXPIRES', 'LAST USED', 'CREATED', 'SCOPES'],
            ...rows.map((r) => [
              r.prefix,
              r.name,
              r.role,
              r.supplier_id === null ? '-' : String(r.supplier_id),
              state(r),
              iso(r.expires_at),
              iso(r.last_used_at),
              iso(r.created_at),
              scopesOf(r),
            ]),
          ];
          const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
          for (const row of table)
            process.stdout.write(
              row
                .map((cell, i) => cell.padEnd(widths[i]))
                .join('  ')
                .trimEnd() + '\n',
            );
        };
        break;
      case 'revoke': {
        const p = needPrefix();
        work = async (db) => {
          const row = await revokeKey(db, p);
          process.stdout.write(`revoked API key ${row.prefix} (${row.name}) at ${iso(row.revoked_at)}\n`);
        };
        break;
      }
      case 'rotate': {
        const p = needPrefix();
        const grace = duration('grace') ?? 0;
        work = async (db) => {
          const { row, key, old } = await rotateKey(db, p, grace);
          process.stdout.write(
            `rotated API key ${old.prefix}: it stops working at ${iso(old.revoked_at)}; ` +
              `new key ${row.prefix} (${describe(row)}), shown this once — store it now:\n${key}\n`,
          );
        };
        break;
      }
      default:
        throw new UsageError(`unknown action ${JSON.stringify(action)}: create, list, revoke or rotate`);
    }
    await withDatabase(
      async (url) => {
        const client = new Client({ connectionString: url, application_name: 'dmc-keys' });
        await client.connect();
        try {
          await work(queryable(client));
        } catch (error) {
          if (error instanceof KeyError) throw new UsageError(error.message);
          if ((error as { code?: string }).code === '42P01')
            throw new Error('the database has no api_key table: run `dmc migrate` first');
          throw error;
        } finally {
          await client.end();
        }
      },
      str(args, 'url'),
    );
    return EXIT.OK;
  },
};

const iso = (date: Date | null) => (date ? date.toISOString() : '-');

/** A key's scopes, or its role's (`all of SUPPLIER`) when it has none of its own. */
const scopesOf = (row: ApiKeyRow) => (row.scopes.length ? row.scopes.join(',') : `all of ${row.role}`);

function state(row: ApiKeyRow): string {
  const now = Date.now();
  if (row.revoked_at && row.revoked_at.getTime() <= now) return 'revoked';
  if (row.expires_at && row.expires_at.getTime() <= now) return 'expired';
  if (row.revoked_at) return `revoked from ${iso(row.revoked_at)}`;
  return 'active';
}

function describe(row: ApiKeyRow): string {
  return [
    row.name,
    row.role,
    row.supplier_id !== null ? `supplier ${row.supplier_id}` : undefined,
    row.expires_at ? `expires ${iso(row.expires_at)}` : 'no expiry',
    row.trusted_documents_only ? 'trusted documents only' : undefined,
    `scopes ${scopesOf(row)}`,
  ]
    .filter(Boolean)
    .join(', ');
}
