import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Supplier } from '../inventory/inventory.entity';

export enum ApiKeyRole {
  DCC_ADMIN = 'DCC_ADMIN',
  DCC_ANALYST = 'DCC_ANALYST',
  SUPPLIER = 'SUPPLIER',
}

/**
 * An API key (`dmc_<prefix>_<secret>`): the prefix is public (lists, logs, rate-limit buckets); only the
 * SHA-256 of the secret is stored, so the key is shown once, at creation. A SUPPLIER key names its supplier
 * (and only a SUPPLIER key does).
 */
@Entity({ tableName: 'api_key' })
@Check({
  name: 'api_key_supplier_iff_supplier_role',
  expression: "(role = 'SUPPLIER') = (supplier_id is not null)",
})
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'scopes' | 'trustedDocumentsOnly';

  @PrimaryKey()
  id!: number;

  /** The public part, 12 lowercase hex characters. */
  @Property({ type: 'text', unique: true })
  prefix!: string;

  /** SHA-256 of the secret part, hex. */
  @Property({ type: 'text' })
  secretHash!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => ApiKeyRole })
  role!: ApiKeyRole;

  @ManyToOne(() => Supplier, { nullable: true })
  supplier?: Supplier | null;

  @Property({ type: 'text[]', default: '{}' })
  scopes: string[] = [];

  @Property({ type: 'boolean', default: false })
  trustedDocumentsOnly: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** The key this one replaced (`rotate`). */
  @ManyToOne(() => ApiKey, { nullable: true })
  rotatedFrom?: ApiKey | null;
}
