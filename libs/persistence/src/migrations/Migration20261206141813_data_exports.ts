import { Migration } from '@mikro-orm/migrations';

export class Migration20261206141813_data_exports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_exports" ("id" uuid not null, "user_id" uuid not null, "status" text check ("status" in ('queued', 'running', 'done', 'failed')) not null default 'queued', "progress" smallint not null default 0, "error" text null, "file_name" varchar(200) null, "size_bytes" int null, "created_at" timestamptz not null, "finished_at" timestamptz null, "expires_at" timestamptz null, constraint "data_exports_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "data_exports_one_unfinished_per_user" on "data_exports" ("user_id") where "status" in ('queued', 'running');`,
    );
    this.addSql(`create index "data_exports_user_id_created_at_index" on "data_exports" ("user_id", "created_at");`);

    this.addSql(
      `alter table "data_exports" add constraint "data_exports_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_exports" cascade;`);
  }
}
