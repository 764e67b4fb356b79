import { Migration } from '@mikro-orm/migrations';

export class Migration20261206161244_audit_entries extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entries" ("id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor_organisation" varchar(200) null, "action" varchar(40) not null, "subject_type" varchar(20) not null, "subject_id" uuid not null, "programme_id" uuid null, "details" jsonb not null, constraint "audit_entries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entries_action_at_index" on "audit_entries" ("action", "at");`);
    this.addSql(`create index "audit_entries_at_index" on "audit_entries" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entries" cascade;`);
  }
}
