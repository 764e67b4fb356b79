import { Migration } from '@mikro-orm/migrations';

export class Migration20261206140001_diff_field_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "plan_diff_views" ("id" uuid not null, "plan_id" uuid not null, "user_id" uuid not null, "revision" int not null, "field_key" text not null, "created_at" timestamptz not null, constraint "plan_diff_views_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "plan_diff_views" add constraint "plan_diff_views_plan_id_user_id_revision_field_key_unique" unique ("plan_id", "user_id", "revision", "field_key");`,
    );

    this.addSql(
      `alter table "plan_diff_views" add constraint "plan_diff_views_plan_id_foreign" foreign key ("plan_id") references "action_plans" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_diff_views" add constraint "plan_diff_views_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "plan_diff_views" cascade;`);
  }
}
