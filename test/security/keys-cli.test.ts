import { Client } from 'pg';
import 'reflect-metadata';
import { Mutation, Resolver } from 'type-graphql';
import { buildAppSchema, createAppPubSub } from '../../src/app/schema';
import { mutationsWithoutAuthorization } from '../../src/core/graphql/authz';
import { parseKey, secretMatches } from '../../src/modules/auth/api-keys';
import { dmc } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/db';

/* `dmc keys` (`npm run keys -- …`): keys shown once, stored hashed, listed without secrets, revoked, rotated. */

let database: TestDatabase;
let db: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  db = new Client({ connectionString: database.url });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await database.drop();
});

const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

describe('dmc keys', () => {
  it('creates a supplier key, prints it as the last line, and stores only its hash', async () => {
    const res = await dmc(
      [
        'keys',
        'create',
        '--role',
        'SUPPLIER',
        '--supplier-id',
        '2',
        '--name',
        'Acme planning',
        '--expires-in',
        '90d',
      ],
      database.url,
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const key = lastLine(res.stdout);
    const parsed = parseKey(key)!;
    expect(parsed).toBeDefined();
    const { rows } = await db.query<{
      secret_hash: string;
      role: string;
      supplier_id: number;
      expires_at: Date;
      name: string;
    }>('select secret_hash, role, supplier_id, expires_at, name from api_key where prefix = $1', [
      parsed.prefix,
    ]);
    expect(rows[0]).toMatchObject({ role: 'SUPPLIER', supplier_id: 2, name: 'Acme planning' });
    expect(rows[0].secret_hash).not.toContain(parsed.secret);
    expect(secretMatches(parsed.secret, rows[0].secret_hash)).toBe(true);
    const days = (rows[0].expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);

    const list = await dmc(['keys', 'list'], database.url);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(parsed.prefix);
    expect(list.stdout).toMatch(/Acme planning\s+SUPPLIER\s+2\s+active/);
    expect(list.stdout).not.toContain(parsed.secret);
  });

  it('revokes and rotates (the new key keeps role and supplier, the old one is revoked)', async () => {
    const created = lastLine(
      (await dmc(['keys', 'create', '--role', 'DCC_ANALYST', '--name', 'Dashboard'], database.url)).stdout,
    );
    const { prefix } = parseKey(created)!;
    const rotated = await dmc(['keys', 'rotate', prefix], database.url);
    expect(rotated.code).toBe(0);
    const next = parseKey(lastLine(rotated.stdout))!;
    expect(next.prefix).not.toBe(prefix);
    const { rows } = await db.query<{
      prefix: string;
      role: string;
      revoked: boolean;
      rotated_from: string | null;
    }>(
      `select k.prefix, k.role, k.revoked_at <= now() as revoked, o.prefix as rotated_from
         from api_key k left join api_key o on o.id = k.rotated_from_id where k.prefix = any($1) order by k.id`,
      [[prefix, next.prefix]],
    );
    expect(rows).toEqual([
      { prefix, role: 'DCC_ANALYST', revoked: true, rotated_from: null },
      { prefix: next.prefix, role: 'DCC_ANALYST', revoked: null, rotated_from: prefix },
    ]);
    const revoke = await dmc(['keys', 'revoke', next.prefix], database.url);
    expect(revoke.code).toBe(0);
    expect((await dmc(['keys', 'list'], database.url)).stdout).toMatch(new RegExp(`${next.prefix}.*revoked`));
    const again = await dmc(['keys', 'revoke', next.prefix], database.url);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already revoked/);
  });

  it('rotates with a grace period: the old key works until it ends', async () => {
    const created = lastLine(
      (await dmc(['keys', 'create', '--role', 'DCC_ADMIN', '--name', 'Ops'], database.url)).stdout,
    );
    const { prefix } = parseKey(created)!;
    expect((await dmc(['keys', 'rotate', prefix, '--grace', '1h'], database.url)).code).toBe(0);
    const { rows } = await db.query<{ minutes: number }>(
      `select extract(epoch from revoked_at - now()) / 60 as minutes from api_key where prefix = $1`,
      [prefix],
    );
    expect(Number(rows[0].minutes)).toBeGreaterThan(55);
  });

  it.each([
    [['keys', 'create', '--role', 'SUPPLIER', '--name', 'x'], /--supplier-id/],
    [['keys', 'create', '--role', 'DCC_ADMIN', '--supplier-id', '2', '--name', 'x'], /no supplier/],
    [['keys', 'create', '--role', 'SUPPLIER', '--supplier-id', '99999', '--name', 'x'], /no supplier 99999/],
    [['keys', 'revoke', 'ffffffffffff'], /no key with prefix/],
  ])('refuses %j with a usage error', async (args, message) => {
    const res = await dmc(args, database.url);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});

describe('default deny for mutations', () => {
  it('every Mutation field of the schema declares its roles (@Authorized)', async () => {
    const { schema } = await buildAppSchema(createAppPubSub());
    expect(Object.keys(schema.getMutationType()!.getFields()).length).toBeGreaterThan(10);
    expect(mutationsWithoutAuthorization()).toEqual([]);
  });

  it('names a mutation that declares no roles (the server refuses to start with it)', () => {
    @Resolver()
    class CarelessResolver {
      @Mutation(() => Boolean)
      careless(): boolean {
        return true;
      }
    }
    expect(CarelessResolver).toBeDefined();
    expect(mutationsWithoutAuthorization()).toEqual(['Mutation.careless (CarelessResolver.careless)']);
  });
});
