import { Migration } from '@mikro-orm/migrations';

export class Migration20261129214341_ApiKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_key" ("id" serial primary key, "prefix" text not null, "secret_hash" text not null, "name" text not null, "role" text check ("role" in ('DCC_ADMIN', 'DCC_ANALYST', 'SUPPLIER')) not null, "supplier_id" int null, "scopes" text[] not null default '{}', "trusted_documents_only" boolean not null default false, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "rotated_from_id" int null, constraint api_key_supplier_iff_supplier_role check ((role = 'SUPPLIER') = (supplier_id is not null)));`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(
      `alter table "api_key" add constraint "api_key_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_rotated_from_id_foreign" foreign key ("rotated_from_id") references "api_key" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_key" drop constraint "api_key_rotated_from_id_foreign";`);

    this.addSql(`drop table if exists "api_key" cascade;`);
  }
}
